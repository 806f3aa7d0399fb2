import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { InvalidInput, type Issue } from '../../../platform/errors/index.ts';
import { sendAttachment } from '../../../platform/http/attachment.ts';
import {
  checkboxes,
  combineDates,
  dateInput,
  type Field,
  type FieldValues,
  formBody,
  formIssues,
  idParam,
  input,
  radios,
  textarea,
  withErrors,
} from '../../../platform/http/form-fields.ts';
import { isLanguage, type Translate } from '../../../platform/i18n/index.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import { valueAt } from '../../../platform/policy/index.ts';
import { CASE_READERS } from '../../participants/index.ts';
import { ADJUSTMENTS, DWP_OUTCOMES } from '../access-to-work.ts';
import { DIP } from '../access-to-work-parameters.ts';
import { type DecisionDocument, letterDocument, packDocument } from '../access-to-work-pdf.ts';
import type { AccessToWorkService } from '../access-to-work-service.ts';
import { assessmentFields, parseAssessmentForm } from './assessment-form.ts';
import { decisionRows, decisionTitle, passportRows, policyNotes, reasonText } from './atw-presenter.ts';

const VIEWS = 'access-to-work/web/views';
const DONE = ['assessed', 'issued', 'countersigned', 'withdrawn', 'converted', 'application', 'passport'] as const;

export type AtwPagesDeps = { accessToWork: AccessToWorkService; translator: (lang: Language) => Translate };
type Params = { id: string; did?: string };
type FormPage = { title: string; lead?: string[]; fields: Field[]; button: string; buttonClasses?: string };

/** The letter or pack as a PDF download, in the language asked for. */
export async function sendDecisionPdf(reply: FastifyReply, deps: AtwPagesDeps, kind: 'letter' | 'pack', doc: DecisionDocument, lang: Language) {
  const t = deps.translator(lang);
  const pdf = await renderPdf(kind === 'letter' ? letterDocument(doc, t, lang) : packDocument(doc, t, lang));
  const name = kind === 'letter' ? 'access-to-work-decision-in-principle' : 'access-to-work-application-pack';
  return sendAttachment(reply, `${name}-${lang}.pdf`, 'application/pdf', pdf);
}

const passportFields = (values: FieldValues, t: Translate, withShare: boolean): Field[] => [
  checkboxes(
    { values },
    'adjustments',
    t('atw.passport.adjustments'),
    ADJUSTMENTS.map((a) => ({ value: a, text: t(`atw.adjustment.${a}`) })),
  ),
  textarea({ values }, 'inTheirWords', t('atw.passport.words'), { rows: 3 }),
  ...(withShare ? [checkboxes({ values }, 'shared', t('atw.passport.share'), [{ value: 'yes', text: t('atw.passport.shareYes') }])] : []),
];

export { passportFields };

/** The assessment field each rule that can fail is about; age comes from the date of birth, so it has none. */
const REASON_FIELD: Readonly<Record<string, string>> = {
  'condition.short': 'conditionExpectedMonths',
  'nation.northern-ireland': 'nation',
  'work.voluntary': 'status',
  'uc.hours-too-few': 'hoursPerWeek',
};

/**
 * A refusal as the form shows it. Not eligible: the error summary says so, then gives each rule
 * not met with its reason (linked to the answer it is about), and each reason is also shown beside
 * that answer. Anything else: the usual error summary.
 */
function notEligibleOrErrors(fields: readonly Field[], issues: readonly Issue[], t: Translate) {
  const headline = issues.find((i) => i.path === 'eligible');
  if (!headline) return withErrors(fields, issues, t);
  const first = fields[0]?.name ?? 'form';
  const reasons = issues.filter((i) => i.path.startsWith('eligible.')).map((i) => ({ ...i, field: REASON_FIELD[i.path.slice('eligible.'.length)] }));
  const marked = withErrors(
    fields,
    reasons.flatMap((r) => (r.field ? [{ ...r, path: r.field }] : [])),
    t,
  );
  const summary = [headline, ...reasons].map((i) => ({ text: t(i.message, i.params), href: `#${'field' in i && i.field ? i.field : first}` }));
  return { fields: marked.fields, errors: { ...marked.errors, summary } };
}

/**
 * The case's Access to Work page (decisions in principle and the passport), its forms and
 * documents, and the tenant admin's countersignature amount. The service decides who may do what.
 */
export function registerAtwCasePages(app: FastifyInstance, deps: AtwPagesDeps): void {
  const { accessToWork } = deps;
  const base = (caseId: string) => `/cases/${caseId}/access-to-work`;

  app.get<{ Params: Params; Querystring: { done?: string } }>('/cases/:id/access-to-work', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    const t = request.t;
    const lang = request.lang;
    const data = await accessToWork.forCase(user, caseId);
    const done = DONE.find((d) => d === request.query.done);
    const canWork = data.view.canWork && data.view.summary.phase !== 'closed';
    const p = passportRows(data.passport, t);
    return reply.page(`${VIEWS}/atw-case.njk`, {
      title: t('atw.title'),
      caption: data.view.summary.personName,
      caseHref: `/cases/${caseId}`,
      base: base(caseId),
      done: done ? t(`atw.done.${done}`) : null,
      notAward: t('atw.notAward'),
      policy: policyNotes(data.today, t, { amount: data.countersignAbove, isDefault: data.countersignIsDefault }, lang),
      canWork,
      passport: { ...p, words: p.words },
      decisions: data.decisions.map((d) => ({
        id: d.id,
        card: { title: { text: decisionTitle(d, t, lang) } },
        rows: decisionRows(d, t, lang, true),
        reasons: d.assessment.reasons.map((r) => reasonText(r, t, lang)),
        canIssue: canWork && d.status === 'draft' && (!d.needsCountersign || d.countersignedAt !== null),
        canCountersign: canWork && data.view.isTeamLead && d.status === 'draft' && d.needsCountersign && !d.countersignedAt,
        canWithdraw: data.view.canWork && (d.status === 'draft' || d.status === 'issued'),
        canConvert: canWork && d.status === 'issued' && (d.validUntil ?? '') >= data.today,
        canRecord: canWork && d.status === 'converted',
        letter: d.status !== 'draft',
        pack: d.status === 'converted',
      })),
    });
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    caseId: string,
    page: FormPage,
    action: string,
    failure?: readonly Issue[],
  ) {
    const data = await accessToWork.forCase(user, caseId);
    const marked = failure ? notEligibleOrErrors(page.fields, failure, request.t) : { fields: page.fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      { ...page, fields: marked.fields, errors: marked.errors, caption: data.view.summary.personName, action, backHref: base(caseId) },
      failure ? 400 : 200,
    );
  }

  /** A form page with a GET to show it and a POST that calls the service, then back to the Access to Work page. */
  function form(
    path: string,
    page: (t: Translate, values: FieldValues, request: FastifyRequest<{ Params: Params }>) => FormPage,
    submit: (user: UserPrincipal, caseId: string, did: string | null, body: Record<string, unknown>) => Promise<unknown>,
    done: (typeof DONE)[number],
    dates: readonly string[] = [],
  ) {
    const route = `/cases/:id/access-to-work${path}`;
    const ids = (request: FastifyRequest<{ Params: Params }>) => ({
      caseId: idParam(request.params.id, 'case'),
      did: request.params.did === undefined ? null : idParam(request.params.did, 'decision'),
    });
    const actionOf = (caseId: string, did: string | null) => `${base(caseId)}${path.replace(':did', did ?? '')}`;
    app.get<{ Params: Params }>(route, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const { caseId, did } = ids(request);
      return showForm(request, reply, user, caseId, page(request.t, {}, request), actionOf(caseId, did));
    });
    app.post<{ Params: Params }>(route, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const { caseId, did } = ids(request);
      const typed = formBody(request.body);
      try {
        await submit(user, caseId, did, combineDates(typed, dates));
      } catch (error) {
        const failure = formIssues(error);
        if (!failure) throw error;
        return showForm(request, reply, user, caseId, page(request.t, typed, request), actionOf(caseId, did), failure.issues);
      }
      return reply.redirect(`${base(caseId)}?done=${done}`, 303);
    });
  }

  form(
    '/assess',
    (t, values) => ({
      title: t('atw.assess.title'),
      lead: [t('atw.assess.lead'), t('atw.notAward')],
      fields: assessmentFields(values, t),
      button: t('atw.assess.button'),
    }),
    async (user, caseId, _did, body) => {
      const parsed = parseAssessmentForm(body);
      if ('issues' in parsed) throw new InvalidInput(parsed.issues);
      return accessToWork.assess(user, caseId, parsed.request);
    },
    'assessed',
  );
  form(
    '/:did/withdraw',
    (t, values) => ({
      title: t('atw.withdraw.title'),
      fields: [textarea({ values }, 'reason', t('atw.withdraw.reason'), { rows: 3 })],
      button: t('atw.withdraw.button'),
      buttonClasses: 'govuk-button--warning',
    }),
    (user, caseId, did, body) => accessToWork.withdraw(user, caseId, did ?? '', body),
    'withdrawn',
  );
  form(
    '/:did/convert',
    (t, values) => ({
      title: t('atw.convert.title'),
      lead: [t('atw.convert.lead')],
      fields: [
        input({ values }, 'employer', t('atw.convert.employer')),
        input({ values }, 'role', t('atw.convert.role')),
        dateInput({ values }, 'startDate', t('atw.convert.start'), t, { hint: t('atw.convert.startHint') }),
        input({ values }, 'hoursPerWeek', t('atw.convert.hours'), { width: 4, numeric: true }),
      ],
      button: t('atw.convert.button'),
    }),
    (user, caseId, did, body) => accessToWork.convert(user, caseId, did ?? '', body),
    'converted',
    ['startDate'],
  );
  form(
    '/:did/application',
    (t, values) => ({
      title: t('atw.application.title'),
      lead: [t('atw.application.lead')],
      fields: [
        dateInput({ values }, 'submittedOn', t('atw.application.submitted'), t, { hint: t('atw.application.dateHint') }),
        dateInput({ values }, 'decidedOn', t('atw.application.decided'), t, { hint: t('atw.application.dateHint') }),
        radios(
          { values },
          'outcome',
          t('atw.application.outcome'),
          DWP_OUTCOMES.map((o) => ({ value: o, text: t(`atw.outcome.${o}`) })),
        ),
      ],
      button: t('atw.application.button'),
    }),
    (user, caseId, did, body) => accessToWork.recordApplication(user, caseId, did ?? '', body),
    'application',
    ['submittedOn', 'decidedOn'],
  );
  form(
    '/passport',
    (t, values) => ({
      title: t('atw.passport.title'),
      lead: [t('atw.passport.lead'), t('atw.passport.shareStaff')],
      fields: passportFields(values, t, false),
      button: t('atw.passport.button'),
    }),
    async (user, caseId, _did, body) => {
      const data = await accessToWork.forCase(user, caseId);
      return accessToWork.savePassport(user, data.view.summary.participantId, body, caseId);
    },
    'passport',
  );

  for (const action of ['issue', 'countersign'] as const) {
    app.post<{ Params: Params }>(`/cases/:id/access-to-work/:did/${action}`, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const caseId = idParam(request.params.id, 'case');
      const did = idParam(request.params.did, 'decision');
      await (action === 'issue' ? accessToWork.issue(user, caseId, did) : accessToWork.countersign(user, caseId, did));
      return reply.redirect(`${base(caseId)}?done=${action === 'issue' ? 'issued' : 'countersigned'}`, 303);
    });
  }

  for (const kind of ['letter', 'pack'] as const) {
    app.get<{ Params: Params; Querystring: { lang?: string } }>(`/cases/:id/access-to-work/:did/${kind}.pdf`, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const caseId = idParam(request.params.id, 'case');
      const doc = await accessToWork.document(user, idParam(request.params.did, 'decision'), caseId);
      if (kind === 'pack' && doc.decision.status !== 'converted') return reply.callNotFound();
      return sendDecisionPdf(reply, deps, kind, doc, isLanguage(request.query.lang) ? request.query.lang : request.lang);
    });
  }

  // The tenant admin's countersignature amount (platform policy default until set).
  const settingsPage = (t: Translate, values: FieldValues, day: string): FormPage => ({
    title: t('atw.settings.title'),
    lead: [t('atw.platformPolicy')],
    fields: [
      input({ values }, 'amount', t('atw.settings.amount'), {
        width: 10,
        numeric: true,
        prefix: '£',
        hint: t('atw.settings.hint', { amount: valueAt(DIP.countersignDefault, day).value }),
      }),
    ],
    button: t('atw.settings.button'),
  });
  app.get('/admin/access-to-work', async (request, reply) => {
    requireRole(request.principal, ['tenant-admin']);
    const day = accessToWork.today();
    return reply.page('pages/form.njk', { ...settingsPage(request.t, {}, day), action: '/admin/access-to-work', backHref: '/' });
  });
  app.post<{ Querystring: { done?: string } }>('/admin/access-to-work', async (request, reply) => {
    const user = requireRole(request.principal, ['tenant-admin']);
    const typed = formBody(request.body);
    const day = accessToWork.today();
    try {
      await accessToWork.setCountersignAmount(user, typed);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      const page = settingsPage(request.t, typed, day);
      const marked = withErrors(page.fields, failure.issues, request.t);
      return reply.page('pages/form.njk', { ...page, ...marked, action: '/admin/access-to-work', backHref: '/' }, 400);
    }
    return reply.page('pages/form.njk', {
      ...settingsPage(request.t, typed, day),
      done: request.t('atw.done.settings'),
      action: '/admin/access-to-work',
      backHref: '/',
    });
  });
}
