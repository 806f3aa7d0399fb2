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
import { type BodyPath, bodyProblem, MAX_BODY_DEPTH } from './body-check.ts';
import { routeFamily } from './error-handler.ts';
import { registerMultipart } from './multipart.ts';
import './fastify-types.ts';

// The service's own stylesheet and script, beside the templates.
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'views', 'public');
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Where in the body a problem is, as each kind of caller names a field. */
function fieldName(url: string, body: unknown, path: BodyPath): string {
  switch (routeFamily(url)) {
    case 'fhir': {
      // FHIRPath, from the resource the body is: `Task.contained[0].name[0].given[0]`.
      const type = (body as { resourceType?: unknown }).resourceType;
      const root = typeof type === 'string' && /^[A-Z][A-Za-z]{0,63}$/.test(type) ? type : 'Resource';
      return root + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    }
    case 'page':
      // A form's field is its top-level name: the error summary links to it.
      return String(path[0] ?? 'form');
    default:
      return ['body', ...path].join('.');
  }
}
/**
 * The bare server: request ids, body parsers, cookies and the static assets of GOV.UK Frontend
 * (served from its package: no CDN). Everything else is registered by the composition root.
 */
export async function createHttpServer(options: {
  logger: Logger | false;
  bodyLimit?: number;
  /** Proxies whose X-Forwarded-For is believed (addresses or ranges, comma-separated): `request.ip` is then the caller's. */
  trustProxy?: string | undefined;
}): Promise<FastifyInstance> {
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
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
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
  // Bodies nested too deep, control characters and ill-formed Unicode are refused at the edge for
  // every route, signed in or not, so no handler (and no jsonb column) meets them.
  app.addHook('preValidation', async (request) => {
    const problem = bodyProblem(request.body);
    if (!problem) return;
    if (problem.kind === 'too-deep') {
      throw Object.assign(new Error(`The body is nested more than ${MAX_BODY_DEPTH} levels deep`), { statusCode: 400 });
    }
    const path = fieldName(request.url, request.body, problem.path);
    throw new InvalidInput([{ path, message: problem.kind === 'control' ? 'Text must not contain control characters' : 'error.text.unicode' }]);
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 65_536 });
  registerMultipart(app);
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
