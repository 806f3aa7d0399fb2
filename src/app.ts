import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { capabilities, capabilityGauges } from './capabilities.ts';
import { registerAuthRoutes } from './platform/auth/index.ts';
import { createApiRegistry } from './platform/http/api-routes.ts';
import { registerAuthentication } from './platform/http/auth-hooks.ts';
import { createBrandingSource } from './platform/http/branding.ts';
import { registerCsrf } from './platform/http/csrf.ts';
import { registerErrorHandling, routeFamily } from './platform/http/error-handler.ts';
import { createHttpServer } from './platform/http/http-server.ts';
import { registerPages } from './platform/http/pages.ts';
import { registerPlatformRoutes } from './platform/http/platform-routes.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { createTranslator, platformMessages } from './platform/i18n/index.ts';
import { platformGauges, registerMetrics } from './platform/metrics/index.ts';
import { registerNotifyCallback } from './platform/notify/index.ts';
import { createViewEngine, type ViewEngine } from './platform/views/view-engine.ts';
import type { Services } from './services.ts';

export const VERSION = '0.1.0';
const domainsDir = `${dirname(fileURLToPath(import.meta.url))}/domains`;

// One page renderer per process, made on first use: every app the process builds (a test worker
// builds one per test file) shares its compiled templates instead of compiling each again.
let sharedViews: ViewEngine | undefined;
function defaultViews(): ViewEngine {
  sharedViews ??= createViewEngine({ roots: [domainsDir] });
  return sharedViews;
}

/** The whole HTTP application, built from services: platform plumbing, then each capability. */
/** `views` replaces the page renderer (the bench times renders alone with it). */
export async function createApp(services: Services, options: { logger: Logger | false; views?: ViewEngine }): Promise<FastifyInstance> {
  const { config, db } = services;
  const secure = config.baseUrl.startsWith('https://');
  const translator = createTranslator([platformMessages, ...capabilities.flatMap((c) => c.messages ?? [])]);
  const app = await createHttpServer({ logger: options.logger, trustProxy: config.trustProxy });

  registerSecurityHeaders(app, { https: secure });
  registerAuthentication(app, { auth: services.auth, clients: services.clients });
  registerPages(app, { views: options.views ?? defaultViews(), translator, secure, branding: createBrandingSource(db) });
  registerCsrf(app, { secret: config.secret, secure, isPage: (url) => routeFamily(url) === 'page' && !url.startsWith('/assets/') });
  registerErrorHandling(app, { english: translator('en') });

  // Machine endpoints, each behind its own bearer token and mounted only when one is set (ADR 0045).
  registerMetrics(app, { token: config.metricsToken, gauges: [...platformGauges({ db, clock: services.clock }), ...capabilityGauges(services)] });
  registerNotifyCallback(app, { token: config.notifyCallbackToken, receipts: services.receipts });

  const api = createApiRegistry({ idempotency: services.idempotency });
  registerPlatformRoutes(app, {
    db,
    clients: services.clients,
    api,
    version: VERSION,
    fhirResources: capabilities.flatMap((c) => c.fhirResources ?? []),
  });
  registerAuthRoutes(app, {
    auth: services.auth,
    staff: services.staff,
    oidc: services.oidc,
    secure,
    absoluteHours: config.session.absoluteHours,
    homeLinks: capabilities.flatMap((c) => c.homeLinks ?? []),
    publicLinks: capabilities.flatMap((c) => c.publicLinks ?? []),
  });

  // Each capability mounts its pages and routes, and its API operations, from its module object.
  const web = { secure, translator };
  for (const capability of capabilities) capability.routes?.(app, services, web);
  api.register(app, ...capabilities.flatMap((c) => c.operations?.(services) ?? []));
  return app;
}
