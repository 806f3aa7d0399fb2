import type { FastifyInstance, FastifyReply } from 'fastify';
import { safeReturnPath } from '../../http/pages.ts';
import { SESSION_COOKIE, sessionCookieParts } from '../auth-service.ts';
import { JWKS_MAX_AGE_SECONDS, JWKS_PATH } from '../oidc-keys.ts';
import type { OidcService } from '../oidc-service.ts';
import { CALLBACK_PATH } from '../oidc-sign-in-service.ts';

/**
 * Sign-in through a tenant's identity provider (ADR 0044): the start link for each provider, the
 * callback, the installation's published keys, and the provider's back-channel logout.
 */
export function registerOidcRoutes(app: FastifyInstance, options: { oidc: OidcService; secure: boolean }): void {
  const { oidc } = options;
  const setSession = (reply: FastifyReply, cookie: string) =>
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure });

  app.get(JWKS_PATH, async (_request, reply) => {
    const keys = await oidc.keys.published();
    // Providers cache this; a rotated key is published for longer than this before it signs.
    return reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`).type('application/jwk-set+json').send({ keys });
  });

  app.get<{ Params: { providerId: string }; Querystring: { return?: string } }>('/sign-in/oidc/:providerId', async (request, reply) => {
    if (request.params.providerId === 'callback') return reply.redirect('/sign-in', 303);
    const next = safeReturnPath(request.query.return);
    const url = await oidc.start(request.params.providerId, next === '/' ? '/home' : next);
    if (!url) {
      return reply.page('pages/message.njk', { title: request.t('oidc.unknown.title'), paragraphs: [request.t('oidc.unknown.body')] }, 404);
    }
    return reply.redirect(url.href, 303);
  });

  app.get(CALLBACK_PATH, async (request, reply) => {
    const current = new URL(request.url, oidc.redirectUri);
    const previous = sessionCookieParts(request.cookies[SESSION_COOKIE]);
    const result = await oidc.callback(current, previous?.idHash ?? null);
    if (result.kind === 'signed-in') {
      setSession(reply, result.cookie);
      return reply.redirect(result.returnTo, 303);
    }
    const t = request.t;
    const paragraphs = [t(`oidc.refused.${result.reason}`, { provider: result.providerName ?? t('oidc.refused.yourProvider') })];
    if (result.reason !== 'unknown-subject' && result.reason !== 'account-disabled') paragraphs.push(t('oidc.refused.tryAgain'));
    // The subject an administrator needs to link the account; it names no one.
    return reply.page('auth/oidc-refused.njk', { title: t('oidc.refused.title'), paragraphs, reference: result.reference }, 403);
  });

  app.post<{ Params: { providerId: string } }>('/oauth/back-channel-logout/:providerId', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const result = await oidc.backChannelLogout(request.params.providerId, body.logout_token);
    reply.header('cache-control', 'no-store');
    if (result.kind === 'refused') return reply.code(400).send({ error: 'invalid_request', error_description: 'The logout token was not accepted' });
    return reply.code(200).send();
  });
}
