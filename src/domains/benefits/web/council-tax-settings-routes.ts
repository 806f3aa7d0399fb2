import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { type Field, formBody, formIssues, input, radios, withErrors } from '../../../platform/http/form-fields.ts';
import { bandFields, MAX_BANDS } from '../council-tax-support-schemas.ts';
import type { CouncilTaxSettings, CouncilTaxSupportService } from '../council-tax-support-service.ts';

const PATH = '/admin/council-tax-support';

/** What the form holds for a stored scheme: "yes" with its name, link and bands, or "no". */
function valuesOf(settings: CouncilTaxSettings): Record<string, unknown> {
  const s = settings.scheme;
  if (!s) return { scheme: 'no' };
  const values: Record<string, unknown> = { scheme: 'yes', name: s.name, url: s.url };
  s.bands.forEach((b, i) => {
    const f = bandFields(i + 1);
    values[f.upTo] = b.upTo.toFixed(2).replace(/\.00$/, '');
    values[f.discount] = String(b.discount);
  });
  return values;
}

/**
 * The tenant admin's Council Tax Support settings: for an English council, whether it has a banded
 * scheme for people on Universal Credit, its name, link and bands; a Welsh council is told the
 * national scheme applies. Bad input shows the GOV.UK error summary and changes nothing.
 */
export function registerCouncilTaxSettingsPages(app: FastifyInstance, deps: { councilTax: CouncilTaxSupportService }): void {
  const { councilTax } = deps;

  function page(
    request: FastifyRequest,
    reply: FastifyReply,
    settings: CouncilTaxSettings,
    values: Record<string, unknown>,
    saved: boolean,
    issues?: readonly Issue[],
  ) {
    const t = request.t;
    if (settings.welsh) {
      return reply.page('pages/form.njk', {
        title: t('councilTax.settings.title'),
        lead: [t('councilTax.settings.lead.wales')],
        fields: [],
        action: PATH,
        backHref: '/home',
      });
    }
    const state = { values };
    const fields: Field[] = [
      radios(state, 'scheme', t('councilTax.settings.scheme'), [
        { value: 'yes', text: t('councilTax.settings.scheme.yes') },
        { value: 'no', text: t('councilTax.settings.scheme.no') },
      ]),
      input(state, 'name', t('councilTax.settings.name'), { hint: t('councilTax.settings.nameHint'), width: 20 }),
      input(state, 'url', t('councilTax.settings.url'), { hint: t('councilTax.settings.urlHint') }),
    ];
    for (let i = 1; i <= MAX_BANDS; i++) {
      const f = bandFields(i);
      fields.push(
        input(state, f.upTo, t('councilTax.settings.upTo', { band: i }), {
          hint: i === 1 ? t('councilTax.settings.upToHint') : undefined,
          width: 5,
          numeric: true,
          prefix: '£',
        }),
        input(state, f.discount, t('councilTax.settings.discount', { band: i }), {
          hint: i === 1 ? t('councilTax.settings.discountHint') : undefined,
          width: 3,
          numeric: true,
        }),
      );
    }
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('councilTax.settings.title'),
        done: saved ? t('councilTax.settings.saved') : null,
        lead: [t('councilTax.settings.lead.england'), t('councilTax.settings.lead.income')],
        fields: marked.fields,
        errors: marked.errors,
        button: t('councilTax.settings.save'),
        action: PATH,
        backHref: '/home',
      },
      issues ? 400 : 200,
    );
  }

  app.get<{ Querystring: { saved?: string } }>(PATH, async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const settings = await councilTax.settings(user);
    return page(request, reply, settings, valuesOf(settings), request.query.saved === '1');
  });

  app.post(PATH, async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const body = formBody(request.body);
    try {
      await councilTax.updateSettings(user, body);
      return reply.redirect(`${PATH}?saved=1`, 303);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return page(request, reply, await councilTax.settings(user), body, false, failure.issues);
    }
  });
}
