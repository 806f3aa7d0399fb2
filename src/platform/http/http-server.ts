import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { InvalidInput } from '../errors/index.ts';
import { govukFrontendDist } from '../views/view-engine.ts';
import './fastify-types.ts';

// The service's own stylesheet and script, beside the templates.
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'views', 'public');
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
// Tab, line feed and carriage return are ordinary text; other C0 controls are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function controlCharacterPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = controlCharacterPath(v, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = controlCharacterPath(v, `${path}.${k}`) ?? (CONTROL.test(k) ? `${path}.${k.replace(CONTROL, '?')}` : null);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The bare server: request ids, body parsers, cookies and the static assets of GOV.UK Frontend
 * (served from its package: no CDN). Everything else is registered by the composition root.
 */
export async function createHttpServer(options: { logger: Logger | false; bodyLimit?: number }): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ? (options.logger as FastifyBaseLogger) : undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    // Honour a caller's request id if it looks like one, so a trace can cross systems.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  // Every route, for the tests that send bad input to all of them.
  const routes: { method: string; url: string }[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  // PostgreSQL cannot store NUL in text, and no form or API field needs control characters:
  // refuse them at the edge for every route, so no handler meets them.
  app.addHook('preValidation', async (request) => {
    const bad = controlCharacterPath(request.body, 'body');
    if (bad) throw new InvalidInput([{ path: bad, message: 'Text must not contain control characters' }]);
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 65_536 });
  app.addContentTypeParser(
    ['application/fhir+json', 'application/merge-patch+json', 'application/json-patch+json'],
    { parseAs: 'string' },
    (_req, body, done) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch {
        const error = new Error('The body is not valid JSON') as Error & { statusCode: number };
        error.statusCode = 400;
        done(error, undefined);
      }
    },
  );
  await app.register(fastifyStatic, { root: join(govukFrontendDist, 'govuk', 'assets'), prefix: '/assets/', decorateReply: false, index: false });
  await app.register(fastifyStatic, {
    root: join(govukFrontendDist, 'govuk'),
    prefix: '/assets/frontend/',
    decorateReply: false,
    index: false,
    allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(path),
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/app/', decorateReply: false, index: false });
  return app;
}
