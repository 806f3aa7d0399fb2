import { createRequire } from 'node:module';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { context, propagation, trace } from '@opentelemetry/api';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';

export type Tracing = { stop(): Promise<void> };

/**
 * OpenTelemetry traces (ADR 0045): a span for each request, its Fastify hooks and handler
 * (`@fastify/otel`), and each PostgreSQL query (`@opentelemetry/instrumentation-pg`). Off unless
 * configured; `exporter` is for tests (an in-memory one), otherwise spans go by OTLP over HTTP to
 * OTEL_EXPORTER_OTLP_ENDPOINT, which the SDK reads from the environment with the other OTEL_
 * settings. PGlite runs in process, so the embedded database has request spans but no query spans.
 *
 * Works when started after `pg` was loaded (the service's modules are ESM and load it at import,
 * before any configuration is read): Fastify instances are found through Fastify's diagnostics
 * channel when they initialise, and `pg` is required once more after the instrumentation listens
 * for requires, which patches the already loaded `Client` class in place (the ESM entry of `pg`
 * re-exports that same class). Without that require no query span appears (tested).
 */
export function startTracing(options: { serviceName: string; exporter?: tracing.SpanExporter }): Tracing {
  const pgInstrumentation = new PgInstrumentation({ requireParentSpan: false });
  const fastifyInstrumentation = new FastifyOtelInstrumentation({ registerOnInitialization: true });
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    instrumentations: [fastifyInstrumentation, pgInstrumentation],
    // A test reads spans as soon as they end; in service, the SDK batches them to its OTLP endpoint.
    ...(options.exporter ? { spanProcessors: [new tracing.SimpleSpanProcessor(options.exporter)] } : {}),
  });
  sdk.start();
  createRequire(import.meta.url)('pg');
  return {
    async stop() {
      await sdk.shutdown();
      pgInstrumentation.disable();
      fastifyInstrumentation.disable();
      // The SDK registered itself globally: leave the process as it found it.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
