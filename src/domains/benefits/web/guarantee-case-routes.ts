import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type UserPrincipal } from '../../../platform/auth/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { Forbidden, type Issue, NotFound } from '../../../platform/errors/index.ts';
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
  radios,
  textarea,
  withErrors,
} from '../../../platform/http/form-fields.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { isLanguage, type Translate } from '../../../platform/i18n/index.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import { CASE_READERS } from '../../participants/index.ts';
import { AWARD_BENEFITS, ESA_GROUPS, EVIDENCE_KINDS, WITHDRAW_REASONS } from '../guarantee.ts';
import { certificateDocument, returnPackDocument } from '../guarantee-pdf.ts';
import { reminderDays } from '../guarantee-rules.ts';
import type { GuaranteeService } from '../guarantee-service.ts';
import { benefitsPage, dashboardRows, guaranteeCard } from './guarantee-presenter.ts';

const VIEWS = 'benefits/web/views';
const DONE: Readonly<Record<string, string>> = { award: 'guarantee.done.award', created: 'guarantee.done.created', withdrawn: 'guarantee.done.withdrawn' };

export type GuaranteePagesDeps = { guarantees: GuaranteeService; translator: (lang: Language) => Translate };
type Params = { id: string; guaranteeId?: string };
type FormPage = { title: string; lead?: string[]; rows?: unknown[]; fields: Field[]; button: string; buttonClasses?: string };

function awardFields(values: FieldValues, t: Translate): Field[] {
  const s = { values };
  return [
    radios(
      s,
      'benefit',
      t('guarantee.award.benefitQuestion'),
      AWARD_BENEFITS.map((b) => ({ value: b, text: t(`guarantee.benefit.${b}`) })),
    ),
    radios(
      s,
      'esaGroup',
      t('guarantee.award.groupQuestion'),
      ESA_GROUPS.map((g) => ({ value: g, text: t(`guarantee.group.${g}`) })),
      { hint: t('guarantee.award.groupHint') },
    ),
    dateInput(s, 'decisionDate', t('guarantee.award.decisionQuestion'), t, { hint: t('guarantee.award.decisionHint') }),
    checkboxes(
      s,
      'evidence',
      t('guarantee.award.evidenceQuestion'),
      EVIDENCE_KINDS.map((e) => ({ value: e, text: t(`guarantee.evidence.${e}`) })),
      { hint: t('guarantee.award.evidenceHint') },
    ),
    textarea(s, 'evidenceNote', t('guarantee.award.noteLabel'), { hint: t('guarantee.award.noteHint'), rows: 3 }),
  ];
}

const withdrawFields = (values: FieldValues, t: Translate): Field[] => [
  radios(
    { values },
    'reason',
    t('guarantee.withdraw.reason'),
    WITHDRAW_REASONS.map((r) => ({ value: r, text: t(`guarantee.withdrawReason.${r}`) })),
  ),
  textarea({ values }, 'note', t('guarantee.withdraw.note'), { rows: 3 }),
];

/**
 * The case's benefits page (the award as evidenced, its guarantees, their documents), its forms,
 * and the dashboard of active guarantees. The guarantee service decides who may see and change
 * what; a page offers only what the reader may do.
 */
export function registerGuaranteeCasePages(app: FastifyInstance, deps: GuaranteePagesDeps): void {
  const { guarantees } = deps;

  async function showBenefits(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    caseId: string,
    done: string | null,
    issues: readonly Issue[] = [],
  ) {
    const data = await guarantees.forCase(user, caseId);
    const page = benefitsPage(data, request.t, request.lang);
    // The only form on the page is "create the guarantee for this job": its errors point to that section.
    const errors = issues.length
      ? formErrors(
          issues.map((i) => ({ ...i, path: 'jobId' })),
          request.t,
        )
      : undefined;
    return reply.page(`${VIEWS}/guarantee-benefits.njk`, { ...page, done, errors }, issues.length ? 400 : 200);
  }

  /** A form page about one case; only the team working an open case may use it. */
  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserPrincipal,
    caseId: string,
    form: (data: Awaited<ReturnType<GuaranteeService['forCase']>>) => FormPage,
    action: string,
    failure?: readonly Issue[],
  ) {
    const data = await guarantees.forCase(user, caseId);
    if (!data.view.canWork) throw new Forbidden('Only the team working this case can change it');
    const page = form(data);
    const marked = failure ? withErrors(page.fields, failure, request.t) : { fields: page.fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      { ...page, fields: marked.fields, errors: marked.errors, caption: data.view.summary.personName, action, backHref: `/cases/${caseId}/benefits` },
      failure ? 400 : 200,
    );
  }

  app.get<{ Params: Params; Querystring: { done?: string } }>('/cases/:id/benefits', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const done = typeof request.query.done === 'string' ? DONE[request.query.done] : undefined;
    return showBenefits(request, reply, user, idParam(request.params.id, 'case'), done ? request.t(done) : null);
  });

  // The award as evidenced.
  const awardPage =
    (values: FieldValues | null, t: Translate) =>
    (data: Awaited<ReturnType<GuaranteeService['forCase']>>): FormPage => {
      if (data.view.summary.phase === 'closed') throw new Forbidden('A closed case cannot be changed');
      const latest = data.awards[0];
      const [y = '', m = '', d = ''] = latest?.decisionDate.split('-') ?? [];
      const initial: FieldValues = latest
        ? {
            benefit: latest.benefit,
            esaGroup: latest.esaGroup ?? '',
            'decisionDate-day': String(Number(d)),
            'decisionDate-month': String(Number(m)),
            'decisionDate-year': y,
            evidence: latest.evidence,
            evidenceNote: latest.evidenceNote,
          }
        : {};
      return {
        title: t('guarantee.award.formTitle'),
        lead: [t('guarantee.award.formLead')],
        fields: awardFields(values ?? initial, t),
        button: t('guarantee.award.save'),
      };
    };
  app.get<{ Params: Params }>('/cases/:id/benefits/award', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    return showForm(request, reply, user, caseId, awardPage(null, request.t), `/cases/${caseId}/benefits/award`);
  });
  app.post<{ Params: Params }>('/cases/:id/benefits/award', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    const typed = formBody(request.body);
    try {
      await guarantees.recordAward(user, caseId, combineDates(typed, ['decisionDate']));
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return showForm(request, reply, user, caseId, awardPage(typed, request.t), `/cases/${caseId}/benefits/award`, failure.issues);
    }
    return reply.redirect(`/cases/${caseId}/benefits?done=award`, 303);
  });

  // A guarantee for a job that started before the award was recorded.
  app.post<{ Params: Params }>('/cases/:id/benefits/guarantees', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    try {
      await guarantees.createForJob(user, caseId, formBody(request.body));
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return showBenefits(request, reply, user, caseId, null, failure.issues);
    }
    return reply.redirect(`/cases/${caseId}/benefits?done=created`, 303);
  });

  // Withdrawing, with a reason.
  const withdrawPage =
    (guaranteeId: string, values: FieldValues, t: Translate, lang: Language) =>
    (data: Awaited<ReturnType<GuaranteeService['forCase']>>): FormPage => {
      const g = data.guarantees.find((x) => x.id === guaranteeId && x.status === 'active');
      if (!g) throw new NotFound('active guarantee', guaranteeId);
      return {
        title: t('guarantee.withdraw.title'),
        lead: [t('guarantee.withdraw.lead')],
        rows: guaranteeCard(g, data.today, t, lang).rows,
        fields: withdrawFields(values, t),
        button: t('guarantee.withdraw.button'),
        buttonClasses: 'govuk-button--warning',
      };
    };
  app.get<{ Params: Params }>('/cases/:id/benefits/guarantees/:guaranteeId/withdraw', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    const gid = idParam(request.params.guaranteeId, 'guarantee');
    return showForm(request, reply, user, caseId, withdrawPage(gid, {}, request.t, request.lang), `/cases/${caseId}/benefits/guarantees/${gid}/withdraw`);
  });
  app.post<{ Params: Params }>('/cases/:id/benefits/guarantees/:guaranteeId/withdraw', async (request, reply) => {
    const user = requireRole(request.principal, CASE_READERS);
    const caseId = idParam(request.params.id, 'case');
    const gid = idParam(request.params.guaranteeId, 'guarantee');
    const typed = formBody(request.body);
    try {
      await guarantees.withdraw(user, caseId, gid, typed);
    } catch (error) {
      const failure = formIssues(error);
      if (!failure) throw error;
      return showForm(
        request,
        reply,
        user,
        caseId,
        withdrawPage(gid, typed, request.t, request.lang),
        `/cases/${caseId}/benefits/guarantees/${gid}/withdraw`,
        failure.issues,
      );
    }
    return reply.redirect(`/cases/${caseId}/benefits?done=withdrawn`, 303);
  });

  // The certificate and the return-to-benefit pack, in English or Welsh.
  for (const kind of ['certificate', 'return-pack'] as const) {
    app.get<{ Params: Params; Querystring: { lang?: string } }>(`/cases/:id/benefits/guarantees/:guaranteeId/${kind}.pdf`, async (request, reply) => {
      const user = requireRole(request.principal, CASE_READERS);
      const caseId = idParam(request.params.id, 'case');
      const doc = await guarantees.documentForStaff(user, caseId, idParam(request.params.guaranteeId, 'guarantee'), kind);
      return sendPdf(reply, deps, kind, doc, isLanguage(request.query.lang) ? request.query.lang : request.lang);
    });
  }

  app.get('/guarantees', async (request, reply) => {
    const user = requireRole(request.principal, ['specialist', 'team-lead']);
    const t = request.t;
    const data = await guarantees.dashboard(user);
    return reply.page(`${VIEWS}/guarantee-dashboard.njk`, {
      title: t('guarantee.dashboard.title'),
      lead: t('guarantee.dashboard.lead', { days: reminderDays(data.today).value }),
      head: ['person', 'job', 'until', 'left', 'rule', 'specialist'].map((k) => ({ text: t(`guarantee.col.${k}`) })),
      rows: dashboardRows(data, t, request.lang),
    });
  });
}

/** A guarantee document as a PDF download, in the language asked for. */
export async function sendPdf(
  reply: FastifyReply,
  deps: GuaranteePagesDeps,
  kind: 'certificate' | 'return-pack',
  doc: Awaited<ReturnType<GuaranteeService['documentForStaff']>>,
  lang: Language,
) {
  const t = deps.translator(lang);
  const pdf = await renderPdf(kind === 'certificate' ? certificateDocument(doc, t, lang) : returnPackDocument(doc, t, lang));
  const name = kind === 'certificate' ? 'bridge-back-guarantee-certificate' : 'return-to-benefit-pack';
  return sendAttachment(reply, `${name}-${lang}.pdf`, 'application/pdf', pdf);
}
