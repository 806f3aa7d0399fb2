import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { checkboxes, combineDates, dateInput, idParam, input, radios, select, textarea } from '../../../platform/http/form-fields.ts';
import { formRoute, type Params } from '../../../platform/http/form-route.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { valueAt } from '../../../platform/policy/index.ts';
import type { DirectoryService, OnwardService } from '../../directory/index.ts';
import { YOUTH_OFFER_TYPES } from '../../participation/index.ts';
import { AIMS, CARING, DECLINE_REASONS, EDUCATION_TERM, HOUSING, MENTAL_HEALTH, type Offer } from '../youth.ts';
import { YOUTH_ADMINS, YOUTH_POLICY, type YouthService } from '../youth-service.ts';

const VIEWS = 'youth/web/views';
const STAFF = ['specialist', 'team-lead'] as const;
const STEPS = ['taken-up', 'declined', 'sustained'] as const;
type Step = (typeof STEPS)[number];

const choices = (t: Translate, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, text: t(`${prefix}.${v}`) }));
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TAGS: Record<string, string> = {
  running: 'govuk-tag--blue',
  'due-soon': 'govuk-tag--yellow',
  breached: 'govuk-tag--red',
  met: 'govuk-tag--green',
  'met-late': 'govuk-tag--orange',
};
const OFFER_TAGS: Record<Offer['status'], string> = {
  made: 'govuk-tag--blue',
  'taken-up': 'govuk-tag--green',
  sustained: 'govuk-tag--green',
  declined: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  ended: 'govuk-tag--grey',
};

/**
 * The youth pathway's pages: on a case (`/cases/{id}/youth`: the pathway, its triage, offers and
 * their steps), the team lead's list of breaches (`/youth/breaches`), and the tenant admin's
 * days-to-offer setting (`/admin/youth`). Every form is a GOV.UK question page with its error summary.
 */
export function registerYouthPages(app: FastifyInstance, deps: { youth: YouthService; directory: DirectoryService; onward: OnwardService }): void {
  const { youth } = deps;

  const staff = async (request: FastifyRequest) => requireRole(request.principal, [...STAFF]);
  const back = (request: FastifyRequest<{ Params: Params }>) => `/cases/${idParam(request.params.id, 'case')}/youth`;

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/cases/:id/youth', async (request, reply) => {
    const user = requireRole(request.principal, [...STAFF]);
    const caseId = idParam(request.params.id, 'case');
    const t = request.t;
    const lang = request.lang;
    const page = await youth.forCase(user, caseId);
    const base = `/cases/${caseId}/youth`;
    const p = page.pathway;
    const c = page.clock;
    const row = (key: string, text: string) => ({ key: { text: key }, value: { text } });
    const terms = await deps.directory.taxonomyTerms(user.tenantId);
    const term = terms.find((x) => EDUCATION_TERM.test(String(x.name)));
    const canWork = page.view.canWork && page.view.summary.phase !== 'closed';
    const done = ['triage', 'offer', ...STEPS].includes(request.query.done ?? '') ? t(`youth.done.${request.query.done}`) : null;
    return reply.page(`${VIEWS}/youth.njk`, {
      title: t('youth.title'),
      personName: page.view.summary.personName,
      caseHref: `/cases/${caseId}`,
      done,
      canWork,
      triageHref: `${base}/triage`,
      offerHref: `${base}/offers/new`,
      providerHref: `/cases/${caseId}/onward${term ? `?term=${encodeURIComponent(String(term.id))}` : ''}`,
      triageRows: p
        ? [
            row(t('youth.triage.aims'), p.aims.map((a) => t(`youth.aim.${a}`)).join(', ')),
            row(t('youth.triage.mentalHealth'), t(`youth.mentalHealth.${p.mentalHealth}`)),
            row(t('youth.triage.housing'), t(`youth.housing.${p.housing}`)),
            row(t('youth.triage.caring'), t(`youth.caring.${p.caring}`)),
            ...(p.notes ? [row(t('youth.triage.notes'), p.notes)] : []),
          ]
        : null,
      clockRows:
        p && c
          ? [
              row(t('youth.clock.startsOn'), formatIsoDate(p.clockStartsOn, lang)),
              row(t('youth.clock.days'), `${t('youth.clock.daysValue', { days: p.workingDays })} (${t(`youth.clock.source.${p.daysSource}`)})`),
              row(t('youth.clock.due'), formatIsoDate(c.due, lang)),
              {
                key: { text: t('youth.clock.state') },
                value: {
                  html: `<strong class="govuk-tag ${TAGS[c.state]}">${escapeHtml(
                    t(`youth.clock.state.${c.state}`, { days: Math.abs(c.workingDaysTaken ?? c.workingDaysLeft ?? 0) }),
                  )}</strong>`,
                },
              },
            ]
          : null,
      offerRows: page.offers.map((o) => {
        const links = canWork
          ? (o.status === 'made' ? (['taken-up', 'declined'] as const) : o.status === 'taken-up' ? (['sustained'] as const) : [])
              .map(
                (s) =>
                  `<a class="govuk-link" href="${base}/offers/${o.id}/${s}">${escapeHtml(t(`youth.offer.${s === 'taken-up' ? 'takenUp' : s}`))}<span class="govuk-visually-hidden">: ${escapeHtml(o.provider)}</span></a>`,
              )
              .join('<br>')
          : '';
        const notes = [
          ...(o.conditionRelayed ? [t('youth.offer.conditionRelayed')] : []),
          ...(o.declineReason ? [t(`youth.declineReason.${o.declineReason}`)] : []),
          ...(o.declineReported ? [t('youth.offer.declineReported')] : []),
        ];
        return [
          { html: `${escapeHtml(t(`youth.type.${o.type}`))}<br><span class="govuk-body-s">${escapeHtml(o.provider)}</span>` },
          { text: formatIsoDate(o.offeredOn, lang) },
          {
            html: `<strong class="govuk-tag ${OFFER_TAGS[o.status]}">${escapeHtml(t(`youth.status.${o.status}`))}</strong>${notes.map((n) => `<br><span class="govuk-body-s">${escapeHtml(n)}</span>`).join('')}`,
          },
          { html: links || '&nbsp;' },
        ];
      }),
    });
  });

  // ---- Triage ----
  formRoute(app, {
    path: '/cases/:id/youth/triage',
    actor: staff,
    refusals: 'youth.',
    page: async (request, user, typed) => {
      const t = request.t;
      const caseId = idParam(request.params.id, 'case');
      let values = typed;
      if (!values) {
        const { pathway: p } = await youth.forCase(user, caseId);
        values = p ? { aims: p.aims, mentalHealth: p.mentalHealth, housing: p.housing, caring: p.caring, notes: p.notes } : {};
      }
      const s = { values };
      return {
        title: t('youth.triage.title'),
        lead: [t('youth.triage.lead')],
        backHref: back(request),
        button: t('youth.triage.save'),
        fields: [
          checkboxes(s, 'aims', t('youth.triage.aims'), choices(t, 'youth.aim', AIMS), { hint: t('youth.triage.aimsHint') }),
          radios(s, 'mentalHealth', t('youth.triage.mentalHealth'), choices(t, 'youth.mentalHealth', MENTAL_HEALTH)),
          radios(s, 'housing', t('youth.triage.housing'), choices(t, 'youth.housing', HOUSING)),
          radios(s, 'caring', t('youth.triage.caring'), choices(t, 'youth.caring', CARING)),
          textarea(s, 'notes', t('youth.triage.notes')),
        ],
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await youth.triage(user, caseId, body);
      return `/cases/${caseId}/youth?done=triage`;
    },
  });

  // ---- Offers ----
  formRoute(app, {
    path: '/cases/:id/youth/offers/new',
    actor: staff,
    refusals: 'youth.',
    dates: ['offeredOn', 'startsOn'],
    page: async (request, user, typed) => {
      const t = request.t;
      const caseId = idParam(request.params.id, 'case');
      const s = { values: typed ?? {} };
      const page = await youth.forCase(user, caseId);
      const onward = (await deps.onward.ofCase(user, caseId)).filter((o) => o.status !== 'declined');
      // Passing on a Jobcentre condition is offered only where the participation policy allows it.
      const conditional = page.view.participant.regime === 'conditional';
      return {
        title: t('youth.offer.title'),
        caption: page.view.summary.personName,
        lead: [t('youth.offer.lead')],
        backHref: back(request),
        button: t('youth.offer.save'),
        fields: [
          radios(s, 'type', t('youth.offer.type'), choices(t, 'youth.type', YOUTH_OFFER_TYPES)),
          input(s, 'provider', t('youth.offer.provider'), { hint: t('youth.offer.providerHint') }),
          textarea(s, 'details', t('youth.offer.details'), { hint: t('youth.offer.detailsHint') }),
          dateInput(s, 'offeredOn', t('youth.offer.offeredOn'), t, { hint: t('youth.offer.dateHint') }),
          dateInput(s, 'startsOn', t('youth.offer.startsOn'), t, { hint: t('youth.offer.dateHint') }),
          ...(onward.length
            ? [
                select(s, 'onwardReferralId', t('youth.offer.onward'), [
                  { value: '', text: t('youth.offer.onwardNone') },
                  ...onward.map((o) => ({ value: o.id, text: o.serviceName })),
                ]),
              ]
            : []),
          ...(conditional
            ? [
                checkboxes(s, 'relayCondition', t('youth.offer.relayCondition'), [{ value: 'yes', text: t('youth.offer.relayCondition') }], {
                  hint: t('youth.offer.relayConditionHint'),
                }),
              ]
            : []),
        ],
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      await youth.recordOffer(user, caseId, body);
      return `/cases/${caseId}/youth?done=offer`;
    },
  });

  // ---- An offer's steps: taken up, declined, still there ----
  const stepOf = (value: string | undefined): Step => {
    if (!(STEPS as readonly string[]).includes(value ?? '')) idParam('', 'offer step');
    return value as Step;
  };
  formRoute(app, {
    path: '/cases/:id/youth/offers/:offerId/:step',
    actor: staff,
    refusals: 'youth.',
    page: async (request, user, typed) => {
      const t = request.t;
      const step = stepOf(request.params.step);
      const caseId = idParam(request.params.id, 'case');
      const offerId = idParam(request.params.offerId, 'offer');
      const s = { values: typed ?? {} };
      const page = await youth.forCase(user, caseId);
      const offer = page.offers.find((o) => o.id === offerId);
      if (!offer) throw new NotFound('offer', offerId);
      const common = { caption: `${t(`youth.type.${offer.type}`)}: ${offer.provider}`, backHref: back(request) };
      if (step === 'taken-up') {
        return {
          ...common,
          title: t('youth.takeUp.title'),
          button: t('youth.takeUp.save'),
          fields: [dateInput(s, 'takenUpOn', t('youth.takeUp.takenUpOn'), t, { hint: t('youth.offer.dateHint') })],
        };
      }
      if (step === 'declined') {
        const conditional = page.view.participant.regime === 'conditional';
        return {
          ...common,
          title: t('youth.decline.title'),
          lead: [t('youth.decline.lead')],
          button: t('youth.decline.save'),
          fields: [
            radios(s, 'reason', t('youth.decline.reason'), choices(t, 'youth.declineReason', DECLINE_REASONS)),
            textarea(s, 'note', t('youth.decline.note')),
            ...(conditional
              ? [
                  checkboxes(s, 'reportToJobcentre', t('youth.decline.report'), [{ value: 'yes', text: t('youth.decline.report') }], {
                    hint: t('youth.decline.reportHint'),
                  }),
                ]
              : []),
          ],
        };
      }
      const weeks = valueAt(YOUTH_POLICY.sustainedWeeks, page.today).value;
      return {
        ...common,
        title: t('youth.sustained.title'),
        lead: [t('youth.sustained.lead', { weeks })],
        button: t('youth.sustained.save'),
        fields: [dateInput(s, 'on', t('youth.sustained.on'), t, { hint: t('youth.offer.dateHint') })],
      };
    },
    submit: async (request, user, body) => {
      const caseId = idParam(request.params.id, 'case');
      const offerId = idParam(request.params.offerId, 'offer');
      const step = stepOf(request.params.step);
      if (step === 'taken-up') await youth.takeUp(user, caseId, offerId, combineDates(body, ['takenUpOn']));
      else if (step === 'declined') await youth.decline(user, caseId, offerId, body);
      else await youth.sustained(user, caseId, offerId, combineDates(body, ['on']));
      return `/cases/${caseId}/youth?done=${step}`;
    },
  });

  // ---- Team leads: breaches ----
  app.get('/youth/breaches', async (request, reply) => {
    const user = requireRole(request.principal, ['team-lead']);
    const t = request.t;
    const list = await youth.breaches(user);
    return reply.page(`${VIEWS}/breaches.njk`, {
      title: t('youth.breaches.title'),
      rows: list.map((b) => [
        { html: `<a class="govuk-link" href="/cases/${b.caseId}/youth">${escapeHtml(b.personName)}</a>` },
        { text: b.teamName },
        { text: b.specialistName ?? t('youth.breaches.unassigned') },
        { text: formatIsoDate(b.offerDue, request.lang) },
        { text: String(b.workingDaysOver), format: 'numeric' },
      ]),
    });
  });

  // ---- Tenant admin: the local authority's days-to-offer ----
  formRoute(app, {
    path: '/admin/youth',
    actor: async (request) => requireRole(request.principal, [...YOUTH_ADMINS]),
    refusals: 'youth.',
    page: async (request, user, typed) => {
      const t = request.t;
      const s = await youth.settings(user);
      const saved = (request.query as { saved?: string }).saved === '1';
      const values = typed ?? { daysToOffer: s.own === null ? '' : String(s.own) };
      return {
        title: t('youth.settings.title'),
        done: saved ? t('youth.settings.saved') : null,
        lead: [t('youth.settings.lead', { days: s.policy.value, source: s.policy.source })],
        fields: [input({ values }, 'daysToOffer', t('youth.settings.daysToOffer'), { hint: t('youth.settings.daysHint'), width: 3, numeric: true })],
        button: t('youth.settings.save'),
        backHref: '/home',
      };
    },
    submit: async (_request, user, body) => {
      await youth.saveSettings(user, { daysToOffer: body.daysToOffer ?? '' });
      return '/admin/youth?saved=1';
    },
  });
}
