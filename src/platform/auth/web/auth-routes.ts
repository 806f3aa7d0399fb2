import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { DomainError, issuesFromZod } from '../../errors/index.ts';
import { formErrors, safeReturnPath } from '../../http/pages.ts';
import type { Translate } from '../../i18n/index.ts';
import { type AuthService, SESSION_COOKIE } from '../auth-service.ts';
import type { OidcService } from '../oidc-service.ts';
import { ROLES, requireRole, type UserPrincipal } from '../principal.ts';
import type { StaffService } from '../staff-service.ts';
import { registerOidcRoutes } from './oidc-routes.ts';
import { codeSchema, signInSchema } from './sign-in-form.ts';

/** A link on the staff home page, shown to holders of `role`. Domains contribute these. */
export type HomeLink = { role: (typeof ROLES)[number]; href: string; textKey: string };
/**
 * A public service a person can start from `/` without signing in (GOV.UK start-page pattern: each
 * link goes to its own start page). `order` places it in the list; lower first.
 */
export type PublicLink = { href: string; textKey: string; descriptionKey: string; order: number };

export type AuthRoutesOptions = {
  auth: AuthService;
  staff: StaffService;
  secure: boolean;
  absoluteHours: number;
  homeLinks: readonly HomeLink[];
  publicLinks?: readonly PublicLink[];
  /** Sign-in through tenants' identity providers (ADR 0044); absent: local passwords only. */
  oidc?: OidcService;
};

/** How long to wait, in words: seconds under a minute, then whole minutes (rounded up). */
function waitText(t: Translate, seconds: number): string {
  if (seconds < 60) return t(seconds === 1 ? 'signIn.wait.second' : 'signIn.wait.seconds', { count: seconds });
  const minutes = Math.ceil(seconds / 60);
  return t(minutes === 1 ? 'signIn.wait.minute' : 'signIn.wait.minutes', { count: minutes });
}

/** Staff sign-in, second factor, sign-out, home, and the static pages every service has. */
export function registerAuthRoutes(app: FastifyInstance, options: AuthRoutesOptions): void {
  const { auth } = options;
  if (options.oidc) registerOidcRoutes(app, { oidc: options.oidc, secure: options.secure });
  const providerLinks = async (returnTo: string) =>
    (await options.oidc?.providersForSignIn())?.map((p) => ({
      name: p.name,
      href: `/sign-in/oidc/${p.id}${returnTo ? `?return=${encodeURIComponent(returnTo)}` : ''}`,
    })) ?? [];
  const setSession = (reply: FastifyReply, cookie: string) =>
    // A browser-session cookie: it goes when the browser closes; the server ends it sooner on its own limits.
    reply.setCookie(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure });

  app.get('/', async (request, reply) => {
    if (request.principal) return reply.redirect('/home', 303);
    const services = [...(options.publicLinks ?? [])]
      .sort((a, b) => a.order - b.order)
      .map((l) => ({ href: l.href, text: request.t(l.textKey), description: request.t(l.descriptionKey) }));
    return reply.page('auth/start.njk', { title: request.t('start.title'), services });
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/sign-in', async (request, reply) => {
    if (request.principal) return reply.redirect('/home', 303);
    const notice = request.query['signed-out'] ? 'signIn.signedOut' : request.query['password-set'] ? 'signIn.passwordSet' : null;
    const returnTo = request.query.return ?? '';
    return reply.page('auth/sign-in.njk', { title: request.t('signIn.title'), values: { return: returnTo }, notice, providers: await providerLinks(returnTo) });
  });

  app.post('/sign-in', async (request, reply) => {
    const parsed = signInSchema.safeParse(request.body);
    const values = {
      email: String((request.body as Record<string, unknown>)?.email ?? ''),
      return: String((request.body as Record<string, unknown>)?.return ?? ''),
    };
    const render = async (issues: { path: string; message: string }[], status: number, params?: Record<string, string | number>) =>
      reply.page(
        'auth/sign-in.njk',
        {
          title: request.t('signIn.title'),
          values,
          providers: await providerLinks(values.return),
          errors: formErrors(
            issues.map((i) => ({ ...i, message: request.t(i.message, params) })),
            request.t,
          ),
        },
        status,
      );
    if (!parsed.success) return render(issuesFromZod(parsed.error), 400);
    const result = await auth.signIn({
      email: parsed.data.email,
      password: parsed.data.password,
      address: request.ip,
      previousCookie: request.cookies[SESSION_COOKIE],
    });
    if (result.kind === 'throttled') {
      reply.header('Retry-After', String(result.seconds));
      return render([{ path: 'email', message: 'signIn.error.throttled' }], 429, { wait: waitText(request.t, result.seconds) });
    }
    if (result.kind === 'wrong') return render([{ path: 'email', message: 'signIn.error.wrong' }], 400);
    if (result.kind === 'local-not-allowed') return render([{ path: 'email', message: 'signIn.error.localNotAllowed' }], 403);
    setSession(reply, result.cookie);
    if (result.stage === 'needs-code') return reply.redirect('/sign-in/code', 303);
    if (result.stage === 'needs-mfa-setup') return reply.redirect('/account/authenticator', 303);
    const next = safeReturnPath(parsed.data.return);
    return reply.redirect(next === '/' ? '/home' : next, 303);
  });

  const pendingFor = (request: FastifyRequest, stage: 'needs-code' | 'needs-mfa-setup') =>
    request.pendingSession?.stage === stage ? request.pendingSession.principal : null;

  app.get('/sign-in/code', async (request, reply) => {
    if (!pendingFor(request, 'needs-code')) return reply.redirect('/sign-in', 303);
    return reply.page('auth/code.njk', { title: request.t('code.title') });
  });

  app.post('/sign-in/code', async (request, reply) => {
    const principal = pendingFor(request, 'needs-code');
    if (!principal) return reply.redirect('/sign-in', 303);
    const render = (message: string, status: number) =>
      reply.page('auth/code.njk', { title: request.t('code.title'), errors: formErrors([{ path: 'code', message }], request.t) }, status);
    const parsed = codeSchema.safeParse(request.body);
    if (!parsed.success) return render(parsed.error.issues[0]?.message ?? 'code.error.required', 400);
    const result = await auth.verifyCode(principal, parsed.data.code);
    if (result.kind === 'throttled') {
      reply.header('Retry-After', String(result.seconds));
      return render(request.t('signIn.error.throttled', { wait: waitText(request.t, result.seconds) }), 429);
    }
    if (result.kind === 'wrong') return render('code.error.wrong', 400);
    setSession(reply, result.cookie);
    return reply.redirect('/home', 303);
  });

  const setupPrincipal = (request: FastifyRequest): UserPrincipal | null => {
    const p = request.principal;
    if (p && p.kind === 'user') return p;
    return pendingFor(request, 'needs-mfa-setup');
  };

  async function renderSetup(request: FastifyRequest, reply: FastifyReply, principal: UserPrincipal, errors?: ReturnType<typeof formErrors>) {
    const { secret, uri } = await auth.beginMfaSetup(principal);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return reply.page(
      'auth/mfa-setup.njk',
      { title: request.t('mfaSetup.title'), secret: secret.replace(/(.{4})/g, '$1 ').trim(), qrSvg, required: request.pendingSession !== null, errors },
      errors ? 400 : 200,
    );
  }

  app.get('/account/authenticator', async (request, reply) => {
    const principal = setupPrincipal(request);
    if (!principal) return reply.redirect('/sign-in?return=/account/authenticator', 303);
    if (principal.mfaEnabled) return reply.redirect('/home', 303);
    return renderSetup(request, reply, principal);
  });

  app.post('/account/authenticator', async (request, reply) => {
    const principal = setupPrincipal(request);
    if (!principal) return reply.redirect('/sign-in', 303);
    const parsed = codeSchema.safeParse(request.body);
    if (!parsed.success)
      return renderSetup(
        request,
        reply,
        principal,
        formErrors([{ path: 'code', message: parsed.error.issues[0]?.message ?? 'code.error.required' }], request.t),
      );
    const result = await auth.confirmMfaSetup(principal, parsed.data.code);
    if (result.kind === 'wrong') return renderSetup(request, reply, principal, formErrors([{ path: 'code', message: 'code.error.wrong' }], request.t));
    setSession(reply, result.cookie);
    return reply.redirect('/home?mfa=on', 303);
  });

  // The one-time link from an invitation: choose a password, once.
  app.get<{ Querystring: { token?: string } }>('/account/set-password', async (request, reply) => {
    const token = request.query.token ?? '';
    if (!(await options.staff.invitationIsValid(token))) {
      return reply.page('pages/message.njk', { title: request.t('password.expired.title'), paragraphs: [request.t('password.expired.body')] }, 404);
    }
    return reply.page('auth/set-password.njk', { title: request.t('password.title'), token });
  });

  app.post<{ Querystring: { token?: string } }>('/account/set-password', async (request, reply) => {
    const token = request.query.token ?? '';
    if (!(await options.staff.invitationIsValid(token))) {
      return reply.page('pages/message.njk', { title: request.t('password.expired.title'), paragraphs: [request.t('password.expired.body')] }, 404);
    }
    try {
      await options.staff.acceptInvitation(token, request.body);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return reply.page('auth/set-password.njk', { title: request.t('password.title'), token, errors: formErrors(error.issues, request.t) }, 400);
    }
    return reply.redirect('/sign-in?password-set=1', 303);
  });

  app.get('/account/password', async (request, reply) => {
    requireRole(request.principal, ROLES);
    return reply.page('auth/change-password.njk', { title: request.t('password.change.title') });
  });

  app.post('/account/password', async (request, reply) => {
    const principal = requireRole(request.principal, ROLES);
    try {
      await auth.changePassword(principal, request.body);
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      return reply.page('auth/change-password.njk', { title: request.t('password.change.title'), errors: formErrors(error.issues, request.t) }, 400);
    }
    return reply.redirect('/home?password=changed', 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const p = request.principal ?? request.pendingSession?.principal ?? null;
    if (p && p.kind === 'user') await auth.signOut(p);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in?signed-out=1', 303);
  });

  app.get<{ Querystring: { mfa?: string; password?: string } }>('/home', async (request, reply) => {
    const principal = requireRole(request.principal, ROLES);
    const links = options.homeLinks.filter((l) => principal.roles.includes(l.role));
    return reply.page('auth/home.njk', {
      title: request.t('home.title'),
      user: principal,
      roles: principal.roles.map((r) => ({ name: request.t(`role.${r}`), description: request.t(`role.${r}.description`) })),
      links: links.map((l) => ({ href: l.href, text: request.t(l.textKey) })),
      mfaJustEnabled: request.query.mfa === 'on',
      passwordJustChanged: request.query.password === 'changed',
    });
  });

  for (const name of ['accessibility', 'cookies', 'privacy'] as const) {
    app.get(`/${name}`, async (request, reply) => reply.page(`pages/${name}.njk`, { title: request.t(`${name}.title`), sessionHours: options.absoluteHours }));
  }
}
