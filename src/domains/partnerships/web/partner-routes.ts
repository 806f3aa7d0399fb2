import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { addDays } from '../../../platform/clock/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { sendAttachment } from '../../../platform/http/attachment.ts';
import {
  checkboxes,
  combineDates,
  dateInput,
  type Field,
  fileInput,
  formBody,
  formIssues,
  idParam,
  input,
  radios,
  select,
  textarea,
  withErrors,
} from '../../../platform/http/form-fields.ts';
import { formatIsoDate } from '../../../platform/i18n/index.ts';
import { AGREEMENT_PURPOSES, ARTICLE6, ARTICLE9, DATA_CATEGORIES } from '../agreement-rules.ts';
import { AGREEMENT_READERS, PARTNER_ADMINS, type PartnerService } from '../partner-service.ts';
import { PARTNER_KINDS } from '../partnership.ts';
import { conflictIssues } from './plan-routes.ts';

const VIEWS = 'partnerships/web/views';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where an agreement stands on `today`: ended, not started, ending within `days`, or in force. */
const stateOf = (a: { startsOn: string; endsOn: string }, today: string, days: number) => {
  if (a.endsOn < today) return { key: 'lapsed', tag: 'govuk-tag--red' };
  if (a.startsOn > today) return { key: 'future', tag: 'govuk-tag--grey' };
  const soon = addDays(today, days);
  return a.endsOn <= soon ? { key: 'ending', tag: 'govuk-tag--orange' } : { key: 'in-force', tag: 'govuk-tag--green' };
};

/** The tenant admin's partners and data-sharing agreements (the IG lead reads them), with the signed copies. */
export function registerPartnerPages(app: FastifyInstance, deps: { partners: PartnerService }): void {
  const { partners } = deps;

  app.get<{ Querystring: { added?: string; changed?: string } }>('/partners', async (request, reply) => {
    const user = requireRole(request.principal, AGREEMENT_READERS);
    const t = request.t;
    const [list, agreements] = await Promise.all([partners.partners(user), partners.agreements(user)]);
    const today = partners.today();
    const added = list.find((p) => p.id === request.query.added);
    const changed = list.find((p) => p.id === request.query.changed);
    const canChange = user.roles.includes('tenant-admin');
    // Which partners nothing is shared with yet: no agreement of theirs in force today.
    const inForce = (id: string) => agreements.some((a) => a.partnerId === id && a.startsOn <= today && today <= a.endsOn);
    return reply.page(`${VIEWS}/partners.njk`, {
      title: t('partners.title'),
      done: added ? t('partners.done.added', { name: added.name }) : changed ? t('partners.done.changed', { name: changed.name }) : null,
      canAdd: canChange,
      canChange,
      rows: list.map((p) => [
        { text: p.name },
        { text: t(`partners.kind.${p.kind}`) },
        { text: p.role },
        inForce(p.id)
          ? { html: `<strong class="govuk-tag govuk-tag--green">${t('partners.agreement.yes')}</strong>` }
          : { html: `<strong class="govuk-tag govuk-tag--grey">${t('partners.agreement.no')}</strong>` },
        ...(canChange
          ? [
              {
                html: `<a class="govuk-link" href="/partners/${p.id}/edit">${t('partners.change')}<span class="govuk-visually-hidden"> ${escapeHtml(p.name)}</span></a>`,
              },
            ]
          : []),
      ]),
    });
  });

  const partnerForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    issues?: readonly Issue[],
    status?: number,
    editing?: string,
  ) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const t = request.t;
    const s = { values };
    const { organisations, directory } = await partners.linkable(user);
    const none = { value: '', text: t('partners.new.notLinked') };
    const fields: Field[] = [
      input(s, 'name', t('partners.new.name')),
      radios(
        s,
        'kind',
        t('partners.new.kind'),
        PARTNER_KINDS.map((k) => ({ value: k, text: t(`partners.kind.${k}`) })),
      ),
      textarea(s, 'role', t('partners.new.role'), { rows: 3 }),
      select(s, 'organisationId', t('partners.new.organisation'), [none, ...organisations.map((o) => ({ value: o.id, text: o.name }))], {
        hint: t('partners.new.organisationHint'),
      }),
      select(s, 'directoryOrganisationId', t('partners.new.directory'), [none, ...directory.map((o) => ({ value: o.id, text: o.name }))], {
        hint: t('partners.new.directoryHint'),
      }),
    ];
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: editing ? t('partners.edit.title') : t('partners.new.title'),
        fields: marked.fields,
        errors: marked.errors,
        button: editing ? t('partners.edit.save') : t('partners.new.save'),
        action: editing ? `/partners/${editing}/edit` : '/partners/new',
        backHref: '/partners',
      },
      status ?? (issues ? 400 : 200),
    );
  };
  app.get('/partners/new', async (request, reply) => partnerForm(request, reply, {}));
  app.post('/partners/new', async (request, reply) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const body = formBody(request.body);
    try {
      const added = await partners.addPartner(user, body);
      return reply.redirect(`/partners?added=${added.id}`, 303);
    } catch (error) {
      const failure = formIssues(error) ?? conflictIssues(error);
      if (!failure) throw error;
      return partnerForm(request, reply, body, failure.issues, failure.status);
    }
  });

  app.get<{ Params: { id: string } }>('/partners/:id/edit', async (request, reply) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const id = idParam(request.params.id, 'partner');
    const p = await partners.partner(user, id);
    const values = {
      name: p.name,
      kind: p.kind,
      role: p.role,
      organisationId: p.organisationId ?? '',
      directoryOrganisationId: p.directoryOrganisationId ?? '',
    };
    return partnerForm(request, reply, values, undefined, undefined, id);
  });
  app.post<{ Params: { id: string } }>('/partners/:id/edit', async (request, reply) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const id = idParam(request.params.id, 'partner');
    const body = formBody(request.body);
    try {
      await partners.editPartner(user, id, body);
      return reply.redirect(`/partners?changed=${id}`, 303);
    } catch (error) {
      const failure = formIssues(error) ?? conflictIssues(error);
      if (!failure) throw error;
      return partnerForm(request, reply, body, failure.issues, failure.status, id);
    }
  });

  app.get<{ Querystring: { added?: string } }>('/partners/agreements', async (request, reply) => {
    const user = requireRole(request.principal, AGREEMENT_READERS);
    const t = request.t;
    const list = await partners.agreements(user);
    const today = partners.today();
    const days = partners.warningDays();
    const added = list.find((a) => a.id === request.query.added);
    return reply.page(`${VIEWS}/agreements.njk`, {
      title: t('agreements.title'),
      lead: t('agreements.lead', { days: String(days) }),
      done: added ? t('agreements.done.added', { title: added.title }) : null,
      canAdd: user.roles.includes('tenant-admin'),
      rows: list.map((a) => {
        const state = stateOf(a, today, days);
        return [
          { text: a.title },
          { text: [a.partnerName, a.otherParties].filter(Boolean).join('; ') || '–' },
          {
            html: `${escapeHtml(formatIsoDate(a.startsOn, request.lang))} – ${escapeHtml(formatIsoDate(a.endsOn, request.lang))}<br><strong class="govuk-tag ${state.tag}">${t(`agreements.state.${state.key}`)}</strong>`,
          },
          { text: [t(`agreements.article6.${a.article6}`), a.article9 ? t(`agreements.article9.${a.article9}`) : null].filter(Boolean).join('; ') },
          a.signedCopyName
            ? {
                html: `<a class="govuk-link" href="/partners/agreements/${a.id}/signed-copy">${escapeHtml(t('agreements.download', { name: a.signedCopyName }))}</a>`,
              }
            : { text: '–' },
        ];
      }),
    });
  });

  const agreementForm = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, issues?: readonly Issue[], status?: number) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const t = request.t;
    const s = { values };
    const list = await partners.partners(user);
    const mb = String(Math.round(partners.maxSignedCopyBytes() / (1024 * 1024)));
    const fields: Field[] = [
      input(s, 'title', t('agreements.new.name')),
      radios(
        s,
        'partnerId',
        t('agreements.new.partner'),
        list.map((p) => ({ value: p.id, text: p.name })),
        list.length === 0 ? { hint: t('agreements.new.noPartners') } : {},
      ),
      input(s, 'otherParties', t('agreements.new.otherParties')),
      checkboxes(
        s,
        'purposes',
        t('agreements.new.purposes'),
        AGREEMENT_PURPOSES.map((p) => ({ value: p, text: t(`agreements.purpose.${p}`) })),
      ),
      checkboxes(
        s,
        'dataCategories',
        t('agreements.new.categories'),
        DATA_CATEGORIES.map((c) => ({ value: c, text: t(`agreements.category.${c}`) })),
      ),
      radios(
        s,
        'article6',
        t('agreements.new.article6'),
        ARTICLE6.map((a) => ({ value: a, text: t(`agreements.article6.${a}`) })),
      ),
      radios(s, 'article9', t('agreements.new.article9'), [
        { value: '', text: t('agreements.new.article9None') },
        ...ARTICLE9.map((a) => ({ value: a, text: t(`agreements.article9.${a}`) })),
      ]),
      dateInput(s, 'startsOn', t('agreements.new.startsOn'), t, { hint: t('agreements.new.dateHint') }),
      dateInput(s, 'endsOn', t('agreements.new.endsOn'), t, { hint: t('agreements.new.dateHint') }),
      fileInput('signedCopy', t('agreements.new.signedCopy'), { hint: t('agreements.new.signedCopyHint', { mb }), accept: '.pdf,application/pdf' }),
    ];
    const marked = issues ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('agreements.new.title'),
        fields: marked.fields,
        errors: marked.errors,
        button: t('agreements.new.save'),
        action: '/partners/agreements/new',
        enctype: 'multipart/form-data',
        backHref: '/partners/agreements',
      },
      status ?? (issues ? 400 : 200),
    );
  };
  app.get('/partners/agreements/new', async (request, reply) => agreementForm(request, reply, { article9: '' }));
  app.post('/partners/agreements/new', async (request, reply) => {
    const user = requireRole(request.principal, PARTNER_ADMINS);
    const body = formBody(request.body);
    try {
      const added = await partners.recordAgreement(user, combineDates(body, ['startsOn', 'endsOn']));
      return reply.redirect(`/partners/agreements?added=${added.id}`, 303);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      // A file is not sent back into a form: the admin chooses it again.
      const { signedCopy: _file, ...values } = body;
      return agreementForm(request, reply, values, failure.issues, failure.status);
    }
  });

  app.get<{ Params: { id: string } }>('/partners/agreements/:id/signed-copy', async (request, reply) => {
    const user = requireRole(request.principal, AGREEMENT_READERS);
    const copy = await partners.signedCopy(user, idParam(request.params.id, 'agreement'));
    const safeName = copy.name.replace(/[^A-Za-z0-9._ -]/g, '_');
    return sendAttachment(reply, safeName, 'application/pdf', copy.bytes);
  });
}
