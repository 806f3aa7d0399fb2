import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Language, Role } from '../../../platform/db/index.ts';
import { DomainError, Forbidden, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { sendAttachment } from '../../../platform/http/attachment.ts';
import { forAudience, londonIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import type { AccessToWorkService } from '../../access-to-work/index.ts';
import { type CaseView, type ParticipantService, signedInParticipant } from '../../participants/index.ts';
import { at, CHILDREN_BORN_BEFORE, OTHER, UC_RATES_FROM, UC_RATES_UNTIL } from '../benefit-parameters.ts';
import { betterOff } from '../better-off-rules.ts';
import type { CouncilTaxSupportService } from '../council-tax-support-service.ts';
import type { GuaranteeService } from '../guarantee-service.ts';
import { parseHousehold } from '../universal-credit-rules.ts';
import { ageOn, calculationIssues, householdInputOf, initialShown, type KnownAward, readBetterOff, type Shown, shownOf } from './better-off-form.ts';
import { buildBetterOffPdf } from './better-off-pdf.ts';
import { dateText, formErrorsOf, hiddenFields, money, presentResult } from './better-off-presenter.ts';
import { registerCouncilTaxSettingsPages } from './council-tax-settings-routes.ts';

export { betterOffMessages } from './better-off-messages.ts';

const VIEWS = 'benefits/web/views';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Staff who work cases; the case itself decides whether this one is theirs to work. */
const CASE_WORKERS: readonly Role[] = ['specialist', 'team-lead'];
const PARTICIPANT_BASE = '/my-support';

type Deps = {
  participants: ParticipantService;
  /** The case with its benefit before work: the same capability, and the case's own access rules. */
  guarantees: Pick<GuaranteeService, 'caseWithAward'>;
  /** The council's Council Tax Support scheme, and its tenant admin's settings page. */
  councilTax: CouncilTaxSupportService;
  clock: Clock;
  translator: (lang: Language) => Translate;
  /** What the person's Access to Work decision in principle covers, if they hold a valid one (the access-to-work capability). */
  accessToWork?: Pick<AccessToWorkService, 'coverFor'>;
};

/** Who the page is for, and where it sits: the same templates serve the specialist and the person. */
type Context = {
  audience: 'staff' | 'participant';
  /** The council whose Council Tax Support scheme applies. */
  tenantId: string;
  layout: string;
  action: string;
  pdfAction: string;
  backHref: string | null;
  /** The person's name: the caption on staff pages, and who the PDF is for. */
  name: string;
  /** Shown on the staff page only; the person's page always uses today's rates. */
  askDate: boolean;
  /** What the case knows, to fill the form in first: the benefit before work only on the staff page. */
  known: { age: number | null; hourlyPay: number | null; hours: number | null; award: KnownAward | null };
  extra: Record<string, unknown>;
};

const clampDate = (d: string) => (d < UC_RATES_FROM ? UC_RATES_FROM : d > UC_RATES_UNTIL ? UC_RATES_UNTIL : d);

/** The person's age on a day, and their latest job's pay and hours, if the case has them. */
function knownOf(view: CaseView, day: string): Omit<Context['known'], 'award'> {
  const dob = view.participant.dateOfBirth;
  const age = /^\d{4}-\d{2}-\d{2}$/.test(dob) && dob <= day ? ageOn(dob, day) : null;
  const jobs = [...view.jobs].sort((a, b) =>
    (a.endDate === null) === (b.endDate === null) ? b.startDate.localeCompare(a.startDate) : a.endDate === null ? -1 : 1,
  );
  const job = jobs[0];
  return { age, hourlyPay: job ? Number(job.hourlyPay) : null, hours: job ? Number(job.hoursPerWeek) : null };
}

/**
 * Better off in work, for a specialist on a case (`/cases/:id/better-off`) and for the person in
 * their own pages (`/my-support/better-off`): a form, then the result page, and the same answers
 * as a PDF. Answers are posted, never put in an address, and nothing is saved.
 */
export function registerBetterOffPages(app: FastifyInstance, deps: Deps): void {
  const { guarantees, participants, councilTax, clock, translator } = deps;
  const today = () => clampDate(londonIsoDate(clock.now()));
  registerCouncilTaxSettingsPages(app, { councilTax });

  const formPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: Context,
    shown: Shown,
    issues: readonly Issue[] = [],
    fromAward: string | null = null,
  ) => {
    // One set of questions, worded for whoever reads them: "Who lives with them" for the specialist, "with you" for the person.
    const t = forAudience(request.t, ctx.audience);
    return reply.page(
      `${VIEWS}/better-off-form.njk`,
      {
        ...ctx.extra,
        t,
        layout: ctx.layout,
        title: t('betterOff.title'),
        caption: ctx.audience === 'staff' ? ctx.name : null,
        lead: t(`betterOff.lead.${ctx.audience}`),
        notSaved: t(`betterOff.notSaved.${ctx.audience}`),
        nlw: money(at(OTHER.nationalLivingWage, today()).value, request.lang),
        askDate: ctx.askDate,
        ratesFrom: dateText(UC_RATES_FROM, request.lang),
        ratesUntil: dateText(UC_RATES_UNTIL, request.lang),
        action: ctx.action,
        backHref: ctx.backHref,
        shown,
        fromAward,
        errors: issues.length > 0 ? formErrorsOf(issues, t, request.lang) : undefined,
      },
      issues.length > 0 ? 400 : 200,
    );
  };

  /** GET: the form, filled in with what the case knows, saying so when the benefit before work answered some of it. */
  const showForm = (request: FastifyRequest, reply: FastifyReply, ctx: Context) => {
    const award = ctx.known.award;
    const fromAward = award
      ? request.t('betterOff.form.fromAward', { benefit: request.t(`guarantee.benefit.${award.benefit}`), date: dateText(award.decisionDate, request.lang) })
      : null;
    return formPage(request, reply, ctx, initialShown(today(), ctx.known), [], fromAward);
  };

  /** POST: the result page or the PDF; the form again with errors; or the form to change the answers. */
  async function answer(request: FastifyRequest, reply: FastifyReply, ctx: Context, as: 'page' | 'pdf') {
    const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
    if (as === 'page' && body.change === 'yes') return formPage(request, reply, ctx, shownOf(body));
    const form = readBetterOff(body, { today: today(), ratesFrom: UC_RATES_FROM, ratesUntil: UC_RATES_UNTIL, dateField: ctx.askDate });
    if (!form.ok) return formPage(request, reply, ctx, form.shown, form.issues);
    const v = form.value;
    const scheme = await councilTax.schemeFor(ctx.tenantId);
    let result: ReturnType<typeof betterOff>;
    try {
      const household = parseHousehold(householdInputOf(v, CHILDREN_BORN_BEFORE));
      result = betterOff({ date: v.date, household, hourlyPay: v.hourlyPay, hours: v.hours, councilTax: { scheme, annual: v.councilTaxYearly } });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid-input') return formPage(request, reply, ctx, form.shown, calculationIssues(error.issues));
      throw error;
    }
    // The page speaks to its reader; the PDF is handed to the person, so it speaks to them.
    const t = forAudience(request.t, as === 'pdf' ? 'participant' : ctx.audience);
    const presented = presentResult(result, v, t, request.lang);
    if (as === 'pdf') {
      // A one-page summary unless the full workings were asked for (a second button posting appendix=yes).
      const appendix = body.appendix === 'yes';
      const pdf = await renderPdf(buildBetterOffPdf(presented, v, t, request.lang, { madeAt: clock.now(), name: ctx.name, appendix }));
      const file = request.lang === 'cy' ? 'gwell-eich-byd-mewn-gwaith.pdf' : 'better-off-in-work.pdf';
      return sendAttachment(reply, file, 'application/pdf', pdf);
    }
    return reply.page(`${VIEWS}/better-off-result.njk`, {
      ...ctx.extra,
      t,
      layout: ctx.layout,
      title: t('betterOff.result.title'),
      caption: ctx.audience === 'staff' ? ctx.name : null,
      backHref: ctx.backHref,
      result: presented,
      answers: hiddenFields(form.shown),
      action: ctx.action,
      pdfAction: ctx.pdfAction,
    });
  }

  // The specialist, on a case they work.
  async function staffContext(request: FastifyRequest<{ Params: { id: string } }>): Promise<Context> {
    const user = requireRole(request.principal, CASE_WORKERS);
    const id = request.params.id;
    if (!UUID.test(id)) throw new NotFound('case', id);
    const { view, award } = await guarantees.caseWithAward(user, id);
    if (!view.canWork) throw new Forbidden('Only the team working this case can work out better-off figures for it');
    const base = `/cases/${view.summary.id}`;
    return {
      audience: 'staff',
      tenantId: user.tenantId,
      layout: `${VIEWS}/better-off-staff-layout.njk`,
      action: `${base}/better-off`,
      pdfAction: `${base}/better-off/pdf`,
      backHref: base,
      name: view.summary.personName,
      askDate: true,
      known: { ...knownOf(view, today()), award: award ? { benefit: award.benefit, decisionDate: award.decisionDate } : null },
      extra: {
        atwCover: (await deps.accessToWork?.coverFor({ tenantId: user.tenantId, participantId: view.summary.participantId }, request.t, request.lang)) ?? null,
      },
    };
  }
  app.get<{ Params: { id: string } }>('/cases/:id/better-off', async (request, reply) => showForm(request, reply, await staffContext(request)));
  app.post<{ Params: { id: string } }>('/cases/:id/better-off', async (request, reply) => answer(request, reply, await staffContext(request), 'page'));
  app.post<{ Params: { id: string } }>('/cases/:id/better-off/pdf', async (request, reply) => answer(request, reply, await staffContext(request), 'pdf'));

  // The person, in their own pages and their own language (unless they chose the other one).
  async function participantContext(request: FastifyRequest): Promise<Context | null> {
    const p = await signedInParticipant(request, participants, translator);
    if (!p) return null;
    const view = await participants.mine(p);
    return {
      audience: 'participant',
      tenantId: p.tenantId,
      layout: 'participants/web/views/my-layout.njk',
      action: `${PARTICIPANT_BASE}/better-off`,
      pdfAction: `${PARTICIPANT_BASE}/better-off/pdf`,
      backHref: null,
      name: p.name,
      askDate: false,
      known: { ...knownOf(view, today()), award: null },
      extra: {
        section: 'better-off',
        participantName: p.name,
        atwCover: (await deps.accessToWork?.coverFor({ tenantId: p.tenantId, participantId: p.participantId }, request.t, request.lang)) ?? null,
      },
    };
  }
  const signedIn =
    (handle: (request: FastifyRequest, reply: FastifyReply, ctx: Context) => Promise<FastifyReply>) => async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = await participantContext(request);
      if (!ctx) return reply.redirect(PARTICIPANT_BASE, 303);
      return handle(request, reply, ctx);
    };
  app.get(
    `${PARTICIPANT_BASE}/better-off`,
    signedIn(async (request, reply, ctx) => showForm(request, reply, ctx)),
  );
  app.post(
    `${PARTICIPANT_BASE}/better-off`,
    signedIn(async (request, reply, ctx) => answer(request, reply, ctx, 'page')),
  );
  app.post(
    `${PARTICIPANT_BASE}/better-off/pdf`,
    signedIn(async (request, reply, ctx) => answer(request, reply, ctx, 'pdf')),
  );
}
