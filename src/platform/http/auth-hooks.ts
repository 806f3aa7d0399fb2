import type { FastifyInstance } from 'fastify';
import { type AuthService, type ClientService, SESSION_COOKIE } from '../auth/index.ts';
import { Unauthenticated } from '../errors/index.ts';
import { routeFamily } from './error-handler.ts';

/**
 * Works out who is asking. Pages use the session cookie; `/api` and `/fhir` use only bearer tokens
 * (so no browser cookie can ever authorise an API write, and the API needs no CSRF defence).
 */
export function registerAuthentication(app: FastifyInstance, deps: { auth: AuthService; clients: ClientService }): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('pendingSession', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/') || request.url === '/health' || request.url === '/ready') return;
    const family = routeFamily(request.url);
    if (family === 'api' || family === 'fhir') {
      const header = request.headers.authorization;
      if (!header) return;
      const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
      const principal = match?.[1] ? await deps.clients.authenticate(match[1]) : null;
      if (!principal) throw new Unauthenticated('The access token is not valid or has expired');
      request.principal = principal;
      return;
    }
    if (family !== 'page') return;
    const session = await deps.auth.loadSession(request.cookies[SESSION_COOKIE]);
    if (!session) return;
    if (session.stage === 'complete') request.principal = session.principal;
    else request.pendingSession = session;
  });
}
