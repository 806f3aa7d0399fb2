import { tracing } from '@opentelemetry/sdk-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTracing, type Tracing } from '../../src/platform/tracing/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// OpenTelemetry, switched on with an in-memory exporter: a request gives a Fastify span and, on
// PostgreSQL, a span for its query (PGlite runs in process, with no driver to instrument).
const exporter = new tracing.InMemorySpanExporter();
let traces: Tracing;
let t: TestApp;

beforeAll(async () => {
  traces = startTracing({ serviceName: 'bridgework-test', exporter });
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t.close();
  await traces.stop();
});

describe(`traces on ${testDatabaseKind}`, () => {
  test('a request makes a Fastify span, and its database query a PostgreSQL span in the same trace', async () => {
    exporter.reset();
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    const spans = exporter.getFinishedSpans();
    const request = spans.find((s) => s.instrumentationScope.name === '@fastify/otel' && s.attributes['http.route'] === '/ready');
    expect(request, spans.map((s) => `${s.instrumentationScope.name}: ${s.name}`).join('\n')).toBeDefined();
    if (testDatabaseKind === 'postgres') {
      const query = spans.find(
        (s) =>
          s.instrumentationScope.name === '@opentelemetry/instrumentation-pg' &&
          String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? '').includes('select 1'),
      );
      expect(query, spans.map((s) => `${s.instrumentationScope.name}: ${s.name}`).join('\n')).toBeDefined();
      expect(query?.spanContext().traceId).toBe(request?.spanContext().traceId);
    }
  });
});
