import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { administrationHomeLinks, administrationMessages, registerAdministrationPages } from './domains/administration/index.ts';
import {
  betterOffMessages,
  calculationOperations,
  guaranteeHomeLinks,
  guaranteeMessages,
  guaranteeOperations,
  registerBetterOffPages,
  registerGuaranteePages,
} from './domains/benefits/index.ts';
import { organisationHomeLinks, organisationMessages, organisationOperations, registerOrganisationPages } from './domains/organisations/index.ts';
import {
  caseHomeLinks,
  caseloadMessages,
  caseMessages,
  caseOperations,
  participantMessages,
  registerCasePages,
  registerParticipantPages,
} from './domains/participants/index.ts';
import {
  referralFhirCapabilities,
  referralHomeLinks,
  referralMessages,
  registerReferralFhirRoutes,
  registerReferralJourney,
  registerReferralPages,
  registerTeamPages,
} from './domains/referrals/index.ts';
import { registerAuthRoutes } from './platform/auth/index.ts';
import { createApiRegistry } from './platform/http/api-routes.ts';
import { registerAuthentication } from './platform/http/auth-hooks.ts';
import { registerCsrf } from './platform/http/csrf.ts';
import { registerErrorHandling, routeFamily } from './platform/http/error-handler.ts';
import { createHttpServer } from './platform/http/http-server.ts';
import { registerPages } from './platform/http/pages.ts';
import { registerPlatformRoutes } from './platform/http/platform-routes.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { createTranslator, platformMessages } from './platform/i18n/index.ts';
import { createViewEngine } from './platform/views/view-engine.ts';
import type { Services } from './services.ts';

export const VERSION = '0.1.0';
const domainsDir = `${dirname(fileURLToPath(import.meta.url))}/domains`;

/** The whole HTTP application, built from services: platform plumbing, then each capability. */
export async function createApp(services: Services, options: { logger: Logger | false }): Promise<FastifyInstance> {
  const { config, db, clock } = services;
  const secure = config.baseUrl.startsWith('https://');
  const translator = createTranslator([
    platformMessages,
    organisationMessages,
    administrationMessages,
    referralMessages,
    caseMessages,
    caseloadMessages,
    participantMessages,
    betterOffMessages,
    guaranteeMessages,
  ]);
  const app = await createHttpServer({ logger: options.logger });

  registerSecurityHeaders(app, { https: secure });
  registerAuthentication(app, { auth: services.auth, clients: services.clients });
  registerPages(app, { views: createViewEngine({ roots: [domainsDir] }), translator, secure });
  registerCsrf(app, { secret: config.secret, secure, isPage: (url) => routeFamily(url) === 'page' && !url.startsWith('/assets/') });
  registerErrorHandling(app, { english: translator('en') });

  const api = createApiRegistry({ idempotency: services.idempotency });
  registerPlatformRoutes(app, { db, clients: services.clients, api, version: VERSION, fhirResources: referralFhirCapabilities });
  registerReferralFhirRoutes(app, { referrals: services.referrals, idempotency: services.idempotency, baseUrl: config.baseUrl });
  registerAuthRoutes(app, {
    auth: services.auth,
    staff: services.staff,
    secure,
    absoluteHours: config.session.absoluteHours,
    homeLinks: [...referralHomeLinks, ...caseHomeLinks, ...guaranteeHomeLinks, ...organisationHomeLinks, ...administrationHomeLinks],
  });

  registerReferralJourney(app, { referrals: services.referrals, drafts: services.drafts, organisations: services.organisations, clock, secure });
  registerReferralPages(app, { referrals: services.referrals, teams: services.teams, clock });
  registerTeamPages(app, { teams: services.teams, organisations: services.organisations });
  registerCasePages(app, { cases: services.cases, clock });
  registerParticipantPages(app, { participants: services.participants, secure, clock, translator });
  registerBetterOffPages(app, { guarantees: services.guarantees, participants: services.participants, clock, translator });
  registerGuaranteePages(app, { guarantees: services.guarantees, participants: services.participants, translator });
  registerOrganisationPages(app, { organisations: services.organisations });
  api.register(
    app,
    ...organisationOperations(services.organisations),
    ...caseOperations(services.cases),
    ...guaranteeOperations(services.guarantees),
    ...calculationOperations(),
  );
  registerAdministrationPages(app, {
    db,
    clock,
    notifyKind: services.notifier.kind,
    outboxBodies: services.notifier.kind === 'outbox' && config.env !== 'production',
    staff: services.staff,
    organisations: services.organisations,
  });
  return app;
}
