import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../db/index.ts';
import type { Issue } from '../errors/index.ts';
import { isLanguage, type Translate } from '../i18n/index.ts';
import type { ViewEngine } from '../views/view-engine.ts';
import { type BrandingSource, brandingContext } from './branding.ts';

export const LANGUAGE_COOKIE = 'bw_lang';

export type FormErrors = {
  summary: { text: string; href: string }[];
  fields: Record<string, { text: string }>;
};

/**
 * The same validation issues the API returns, shaped for the GOV.UK error summary and for each
 * field's error message. Messages are catalogue keys where the form defines them.
 *
 * @example reply.page('x.njk', { errors: formErrors(issues, request.t), values: body }, 400)
 */
export function formErrors(issues: readonly Issue[], t: Translate): FormErrors {
  const fields: FormErrors['fields'] = {};
  const summary: FormErrors['summary'] = [];
  for (const issue of issues) {
    const field = issue.path || 'form';
    if (fields[field]) continue;
    const text = t(issue.message, issue.params);
    fields[field] = { text };
    summary.push({ text, href: `#${field}` });
  }
  return { summary, fields };
}

/** A local path to send someone back to; anything else (another site, `//host`) becomes `/`. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/';
}

function chooseLanguage(request: FastifyRequest): Language {
  const fromCookie = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(fromCookie)) return fromCookie;
  const p = request.principal;
  if (p && p.kind === 'user') return p.language;
  return /^cy\b/i.test(request.headers['accept-language'] ?? '') ? 'cy' : 'en';
}

/**
 * Page rendering with the layout's shared context, and the English/Cymraeg switch, which works
 * without JavaScript: a link that sets a cookie and comes back to the same page.
 */
export function registerPages(
  app: FastifyInstance,
  options: { views: ViewEngine; translator: (lang: Language) => Translate; secure: boolean; branding?: BrandingSource },
): void {
  app.decorateRequest('branding', null);
  // The authority whose service this is, for a page's header and footer: a signed-in user's; pages
  // for a participant or for one area set it themselves with `request.brandAs`.
  app.decorateRequest('brandAs', async function brandAs(this: FastifyRequest, tenantId: string) {
    this.branding = (await options.branding?.forTenant(tenantId)) ?? null;
  });
  app.addHook('preHandler', async (request) => {
    const p = request.principal;
    if (p && options.branding && !request.url.startsWith('/api/') && !request.url.startsWith('/fhir/')) await request.brandAs(p.tenantId);
  });

  // On request (after the session is read), so a page refused before its handler, such as a body
  // refused at the edge, is in the reader's language too.
  app.addHook('onRequest', async (request) => {
    request.lang = chooseLanguage(request);
    request.t = options.translator(request.lang);
  });

  app.decorateReply('page', function page(this: FastifyReply, template: string, context: Readonly<Record<string, unknown>> = {}, status = 200) {
    const request = this.request;
    // Error pages can be rendered before preHandler ran (a 404, a body that would not parse).
    if (!request.t) {
      request.lang = chooseLanguage(request);
      request.t = options.translator(request.lang);
    }
    const otherLang: Language = request.lang === 'cy' ? 'en' : 'cy';
    const currentPath = request.url.split('?')[0] ?? '/';
    const html = options.views.render(template, {
      lang: request.lang,
      otherLang,
      t: request.t,
      cspNonce: request.cspNonce,
      csrfToken: request.csrfToken ?? '',
      principal: request.principal,
      currentPath,
      languageSwitchHref: `/language/${otherLang}?return=${encodeURIComponent(request.url)}`,
      brand: brandingContext(request.branding ?? null, request.lang),
      ...context,
    });
    return this.code(status).type('text/html; charset=utf-8').send(html);
  });

  app.get<{ Params: { lang: string }; Querystring: { return?: string } }>('/language/:lang', async (request, reply) => {
    const lang = isLanguage(request.params.lang) ? request.params.lang : 'en';
    reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: 365 * 24 * 3600 });
    return reply.redirect(safeReturnPath(request.query.return), 303);
  });
}
