import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hmacHex, randomToken, safeEqual } from '../auth/index.ts';
import { Forbidden } from '../errors/index.ts';

export const CSRF_COOKIE = 'bw_csrf';
export const CSRF_FIELD = '_csrf';

export class CsrfRejected extends Forbidden {}

function sessionBinding(request: FastifyRequest): string {
  const p = request.principal ?? request.pendingSession?.principal ?? null;
  return p && p.kind === 'user' ? p.sessionIdHash : '';
}

/**
 * CSRF protection for every form: a random cookie per browser, and in each form an HMAC of that
 * cookie bound to the current session. A cross-site page can neither read the cookie nor compute
 * the token. The session cookie is also SameSite=Lax, a second line.
 */
export function registerCsrf(app: FastifyInstance, options: { secret: string; secure: boolean; isPage: (url: string) => boolean }): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!options.isPage(request.url)) return;
    let cookie = request.cookies[CSRF_COOKIE];
    if (!cookie || cookie.length < 20) {
      cookie = randomToken(24);
      reply.setCookie(CSRF_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure });
    }
    request.csrfToken = hmacHex(options.secret, `csrf:${cookie}:${sessionBinding(request)}`);
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const body = request.body;
    const sent = typeof body === 'object' && body !== null && CSRF_FIELD in body ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
    if (typeof sent !== 'string' || !request.cookies[CSRF_COOKIE] || !safeEqual(sent, request.csrfToken)) {
      throw new CsrfRejected('The form could not be checked as coming from this service');
    }
  });
}
