import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import { DomainError, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { sendAttachment } from '../../../platform/http/attachment.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import { isVoluntary } from '../../participation/index.ts';
import type { CaseView } from '../case.ts';
import { buildExport } from '../participant-export.ts';
import { buildExportPdf } from '../participant-export-pdf.ts';
import { buildRecordBundle } from '../participant-fhir-bundle.ts';
import { PARTICIPANT_COOKIE, type ParticipantPrincipal, type ParticipantService } from '../participant-service.ts';
import {
  asBody,
  type Body,
  consentChangeQuery,
  fieldIssues,
  readAction,
  readConsent,
  readConsentChange,
  readEmail,
  readLeave,
  readNote,
} from './participant-forms.ts';
import { consentItems, consentList, isClosed, planPage } from './participant-presenter.ts';
import { signedInParticipant } from './participant-request.ts';

export { participantMessages } from './participant-messages.ts';

const VIEWS = 'participants/web/views';
const BASE = '/my-support';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Deps = { participants: ParticipantService; secure: boolean; clock: Clock; translator: (lang: Language) => Translate };
type Section = 'plan' | 'details' | 'consent' | 'equality' | 'download' | 'leave';
type Handler<G extends RouteGenericInterface> = (request: FastifyRequest<G>, reply: FastifyReply, p: ParticipantPrincipal) => Promise<FastifyReply>;

/** Only issues a form can show beside its fields; anything else is the error handler's. */
const formIssues = (error: unknown): Issue[] | null =>
  error instanceof DomainError && error.code === 'invalid-input' && error.issues.length > 0 ? fieldIssues(error.issues) : null;

/**
 * The participant's own view, `/my-support`: sign in with a one-time emailed link (a page with a
 * button, so that a mail scanner fetching the link cannot use it up), then their plan and
 * appointments, their own actions and notes, consent, a copy of their record, and leaving. Pages
 * are in the person's language unless they chose the other one with the language link.
 */
export function registerParticipantPages(app: FastifyInstance, deps: Deps): void {
  const { participants, clock, translator } = deps;
  const sessionCookie = { path: BASE, httpOnly: true, sameSite: 'lax' as const, secure: deps.secure };

  /** The signed-in participant, if any; their recorded language unless they switched with the toggle. */
  async function participantOf(request: FastifyRequest): Promise<ParticipantPrincipal | null> {
    return signedInParticipant(request, participants, translator);
  }

  /** A page that needs the person signed in: without a session, back to the start. */
  function signedIn<G extends RouteGenericInterface = RouteGenericInterface>(handler: Handler<G>) {
    return async (request: FastifyRequest<G>, reply: FastifyReply) => {
      const p = await participantOf(request);
      if (!p) return reply.redirect(BASE, 303);
      return handler(request, reply, p);
    };
  }

  const page = (reply: FastifyReply, p: ParticipantPrincipal, section: Section | null, template: string, context: Record<string, unknown>, status = 200) =>
    reply.page(`${VIEWS}/${template}`, { ...context, participantName: p.name, section }, status);

  const message = (reply: FastifyReply, context: { title: string; paragraphs: string[]; links?: { href: string; text: string }[] }, status = 200) =>
    reply.page(`${VIEWS}/my-message.njk`, context, status);

  // Start: ask for a sign-in link by email.
  const startPage = (request: FastifyRequest, reply: FastifyReply, email = '', issues: Issue[] = []) =>
    reply.page(
      `${VIEWS}/my-start.njk`,
      { title: request.t('participant.start.title'), email, errors: issues.length ? formErrors(issues, request.t) : undefined },
      issues.length ? 400 : 200,
    );

  app.get(BASE, async (request, reply) => {
    if (await participantOf(request)) return reply.redirect(`${BASE}/plan`, 303);
    return startPage(request, reply);
  });

  app.post(BASE, async (request, reply) => {
    const form = readEmail(asBody(request.body));
    if ('issues' in form) return startPage(request, reply, form.email, form.issues);
    try {
      await participants.requestLink({ email: form.email });
    } catch (error) {
      const issues = formIssues(error);
      if (!issues) throw error;
      return startPage(request, reply, form.email, issues);
    }
    return reply.redirect(`${BASE}/check-email`, 303);
  });

  app.get(`${BASE}/check-email`, async (request, reply) =>
    message(reply, {
      title: request.t('participant.checkEmail.title'),
      paragraphs: [request.t('participant.checkEmail.body'), request.t('participant.checkEmail.expiry'), request.t('participant.checkEmail.notReceived')],
      links: [{ href: BASE, text: request.t('participant.checkEmail.again') }],
    }),
  );

  const linkGone = (request: FastifyRequest, reply: FastifyReply) =>
    message(
      reply,
      {
        title: request.t('participant.link.title'),
        paragraphs: [request.t('participant.link.body')],
        links: [{ href: BASE, text: request.t('participant.link.again') }],
      },
      410,
    );

  // The emailed link shows a button; only the button (a POST) uses the link up.
  app.get<{ Params: { link: string } }>(`${BASE}/sign-in/:link`, async (request, reply) => {
    if (!(await participants.linkUsable(request.params.link))) return linkGone(request, reply);
    return reply.page(`${VIEWS}/my-sign-in.njk`, {
      title: request.t('participant.signIn.title'),
      action: `${BASE}/sign-in/${encodeURIComponent(request.params.link)}`,
    });
  });

  app.post<{ Params: { link: string } }>(`${BASE}/sign-in/:link`, async (request, reply) => {
    const signed = await participants.signIn(request.params.link);
    if (!signed) return linkGone(request, reply);
    // A new session every time: any earlier one in this browser ends.
    await participants.signOut(request.cookies[PARTICIPANT_COOKIE]);
    reply.setCookie(PARTICIPANT_COOKIE, signed.cookie, sessionCookie);
    return reply.redirect(`${BASE}/plan`, 303);
  });

  app.post(`${BASE}/sign-out`, async (request, reply) => {
    await participants.signOut(request.cookies[PARTICIPANT_COOKIE]);
    reply.clearCookie(PARTICIPANT_COOKIE, { path: BASE });
    return reply.redirect(`${BASE}/signed-out`, 303);
  });

  app.get(`${BASE}/signed-out`, async (request, reply) =>
    message(reply, {
      title: request.t('participant.signedOut.title'),
      paragraphs: [request.t('participant.signedOut.body')],
      links: [{ href: BASE, text: request.t('participant.link.again') }],
    }),
  );

  // Your plan.
  const BANNERS: Record<string, string> = { action: 'participant.plan.actionAdded', done: 'participant.plan.actionDone', note: 'participant.plan.noteAdded' };
  app.get<{ Querystring: { saved?: string } }>(
    `${BASE}/plan`,
    signedIn<{ Querystring: { saved?: string } }>(async (request, reply, p) => {
      const view = await participants.mine(p);
      const saved = typeof request.query.saved === 'string' ? BANNERS[request.query.saved] : undefined;
      return page(reply, p, 'plan', 'my-plan.njk', {
        title: request.t('participant.plan.title'),
        plan: planPage(view, request.t, request.lang, clock.now()),
        banner: saved ? request.t(saved) : null,
      });
    }),
  );

  const actionPage = (request: FastifyRequest, reply: FastifyReply, p: ParticipantPrincipal, shown = readAction({}).shown, issues: Issue[] = []) => {
    const errors = issues.length ? formErrors(issues, request.t) : undefined;
    for (const e of errors?.summary ?? []) if (e.href === '#dueOn') e.href = '#dueOn-day';
    return page(
      reply,
      p,
      'plan',
      'my-action.njk',
      { title: request.t('participant.action.title'), shown, errors, backHref: `${BASE}/plan` },
      issues.length ? 400 : 200,
    );
  };
  app.get(
    `${BASE}/plan/add-action`,
    signedIn(async (request, reply, p) => actionPage(request, reply, p)),
  );
  app.post(
    `${BASE}/plan/add-action`,
    signedIn(async (request, reply, p) => {
      const form = readAction(asBody(request.body));
      try {
        await participants.addAction(p, form.input);
      } catch (error) {
        const issues = formIssues(error);
        if (!issues) throw error;
        return actionPage(request, reply, p, form.shown, issues);
      }
      return reply.redirect(`${BASE}/plan?saved=action`, 303);
    }),
  );

  const notePage = (request: FastifyRequest, reply: FastifyReply, p: ParticipantPrincipal, shown = readNote({}).shown, issues: Issue[] = []) =>
    page(
      reply,
      p,
      'plan',
      'my-note.njk',
      { title: request.t('participant.note.title'), shown, errors: issues.length ? formErrors(issues, request.t) : undefined, backHref: `${BASE}/plan` },
      issues.length ? 400 : 200,
    );
  app.get(
    `${BASE}/plan/add-note`,
    signedIn(async (request, reply, p) => notePage(request, reply, p)),
  );
  app.post(
    `${BASE}/plan/add-note`,
    signedIn(async (request, reply, p) => {
      const form = readNote(asBody(request.body));
      try {
        await participants.addNote(p, form.input);
      } catch (error) {
        const issues = formIssues(error);
        if (!issues) throw error;
        return notePage(request, reply, p, form.shown, issues);
      }
      return reply.redirect(`${BASE}/plan?saved=note`, 303);
    }),
  );

  app.post<{ Params: { id: string } }>(
    `${BASE}/plan/actions/:id/done`,
    signedIn<{ Params: { id: string } }>(async (request, reply, p) => {
      if (!UUID.test(request.params.id)) throw new NotFound('plan item', request.params.id);
      await participants.setActionStatus(p, request.params.id, { status: 'done' });
      return reply.redirect(`${BASE}/plan?saved=done`, 303);
    }),
  );

  // How we contact you, and what helps you take part.
  const detailsPage = async (request: FastifyRequest, reply: FastifyReply, p: ParticipantPrincipal, shown?: Body, issues: Issue[] = []) => {
    const view = await participants.mine(p);
    const t = request.t;
    const values: Body = shown ?? {
      accessibilityNeeds: view.participant.accessibilityNeeds,
      preferredLanguage: view.participant.preferredLanguage,
      contactMethod: view.participant.contactMethod,
    };
    const choices = (name: string, options: readonly string[], key: (o: string) => string) =>
      options.map((o) => ({ value: o, text: t(key(o)), checked: values[name] === o }));
    return page(
      reply,
      p,
      'details',
      'my-details.njk',
      {
        title: t('participant.details.title'),
        closed: isClosed(view),
        saved: asBody(request.query).saved === '1',
        values,
        languages: choices('preferredLanguage', ['en', 'cy'], (o) => `referrals.language.${o}`),
        methods: choices('contactMethod', ['email', 'phone', 'text', 'post'], (o) => `referrals.contactMethod.${o}`),
        errors: issues.length ? formErrors(issues, t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  };
  app.get(
    `${BASE}/details`,
    signedIn(async (request, reply, p) => detailsPage(request, reply, p)),
  );
  app.post(
    `${BASE}/details`,
    signedIn(async (request, reply, p) => {
      const body = asBody(request.body);
      try {
        await participants.updateDetails(p, body);
      } catch (error) {
        const issues = formIssues(error);
        if (!issues) throw error;
        return detailsPage(request, reply, p, body, issues);
      }
      return reply.redirect(`${BASE}/details?saved=1`, 303);
    }),
  );

  // What you agree to.
  const consentPage = async (request: FastifyRequest, reply: FastifyReply, p: ParticipantPrincipal, chosen?: string[], issues: Issue[] = []) => {
    const view = await participants.mine(p);
    const change = readConsentChange(request.query);
    const t = request.t;
    const names = (list: string[]) => list.map((s) => t(`cases.consent.${s}`)).join('; ');
    const saved = change
      ? [
          t('participant.consent.saved'),
          ...(change.withdrawn.length ? [t('participant.consent.withdrawn', { list: names(change.withdrawn) })] : []),
          ...(change.given.length ? [t('participant.consent.given', { list: names(change.given) })] : []),
          ...(change.withdrawn.length + change.given.length === 0 ? [t('participant.consent.unchanged')] : []),
        ]
      : null;
    return page(
      reply,
      p,
      'consent',
      'my-consent.njk',
      {
        title: t('participant.consent.title'),
        closed: isClosed(view),
        items: consentItems(chosen ?? view.participant.consentScopes, t),
        current: consentList(view.participant.consentScopes, t),
        saved,
        errors: issues.length ? formErrors(issues, t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  };
  app.get(
    `${BASE}/consent`,
    signedIn(async (request, reply, p) => consentPage(request, reply, p)),
  );
  app.post(
    `${BASE}/consent`,
    signedIn(async (request, reply, p) => {
      const form = readConsent(asBody(request.body));
      let change: { withdrawn: string[]; given: string[] };
      try {
        change = await participants.changeConsent(p, form.input);
      } catch (error) {
        const issues = formIssues(error);
        if (!issues) throw error;
        return consentPage(request, reply, p, form.shown, issues);
      }
      return reply.redirect(`${BASE}/consent?${consentChangeQuery(change)}`, 303);
    }),
  );

  // Equality monitoring: optional questions the person can answer, change or delete at any time.
  const QUESTIONS = {
    sex: ['female', 'male', 'prefer-not-to-say'],
    ageGroup: ['16-24', '25-34', '35-49', '50-64', '65-plus', 'prefer-not-to-say'],
    ethnicity: ['asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say'],
    disability: ['yes', 'no', 'prefer-not-to-say'],
  } as const;
  app.get<{ Querystring: { saved?: string } }>(
    `${BASE}/equality`,
    signedIn<{ Querystring: { saved?: string } }>(async (request, reply, p) => {
      const answers = await participants.equality(p);
      const t = request.t;
      return page(reply, p, 'equality', 'my-equality.njk', {
        title: t('participant.equality.title'),
        hasAnswers: answers !== null,
        banner:
          request.query.saved === 'saved' ? t('participant.equality.saved') : request.query.saved === 'deleted' ? t('participant.equality.deleted') : null,
        questions: Object.entries(QUESTIONS).map(([name, values]) => ({
          name,
          legend: t(`participant.equality.${name}`),
          hint: name === 'disability' ? t('participant.equality.disability.hint') : undefined,
          items: values.map((value) => ({
            value,
            text: t(`participant.equality.${name}.${value}`),
            checked: answers?.[name as keyof typeof QUESTIONS] === value,
          })),
        })),
      });
    }),
  );
  app.post(
    `${BASE}/equality`,
    signedIn(async (request, reply, p) => {
      const body = asBody(request.body);
      if (body.action === 'delete') {
        await participants.saveEquality(p, null);
        return reply.redirect(`${BASE}/equality?saved=deleted`, 303);
      }
      const pick = (name: string) => (typeof body[name] === 'string' && body[name] !== '' ? body[name] : undefined);
      await participants.saveEquality(p, { sex: pick('sex'), ageGroup: pick('ageGroup'), ethnicity: pick('ethnicity'), disability: pick('disability') });
      return reply.redirect(`${BASE}/equality?saved=saved`, 303);
    }),
  );

  // A copy of everything we hold.
  app.get(
    `${BASE}/download`,
    signedIn(async (request, reply, p) => page(reply, p, 'download', 'my-download.njk', { title: request.t('participant.download.title') })),
  );
  app.get(
    `${BASE}/download.json`,
    signedIn(async (_request, reply, p) => {
      const record = await participants.export(p);
      return sendAttachment(
        reply,
        'bridgework-my-information.json',
        'application/json; charset=utf-8',
        JSON.stringify(buildExport(record, clock.now()), null, 2),
      );
    }),
  );
  // The same record as a FHIR document Bundle (UK GDPR Article 20: a commonly used, machine-readable format).
  app.get(
    `${BASE}/download.fhir.json`,
    signedIn(async (_request, reply, p) => {
      const record = await participants.export(p);
      const bundle = buildRecordBundle(buildExport(record, clock.now()), { participantId: p.participantId }, await participants.recordSource(p.tenantId));
      return sendAttachment(reply, 'bridgework-my-record.fhir.json', 'application/fhir+json; charset=utf-8', JSON.stringify(bundle, null, 2));
    }),
  );
  app.get(
    `${BASE}/download.pdf`,
    signedIn(async (request, reply, p) => {
      const record = await participants.export(p);
      const pdf = await renderPdf(buildExportPdf(record, request.t, request.lang, clock.now()));
      return sendAttachment(reply, 'bridgework-my-information.pdf', 'application/pdf', pdf);
    }),
  );

  // Leaving the programme.
  const leavePage = async (request: FastifyRequest, reply: FastifyReply, p: ParticipantPrincipal, issues: Issue[] = []) => {
    const view = await participants.mine(p);
    return page(
      reply,
      p,
      'leave',
      'my-leave.njk',
      {
        title: request.t('participant.leave.title'),
        closed: isClosed(view),
        benefitsKey: benefitsKeyOf(view, 'participant.leave.benefits'),
        leftBenefitsKey: benefitsKeyOf(view, 'participant.left.benefits'),
        // Reached from the home page, not the navigation: a way back to it.
        backHref: `${BASE}/plan`,
        errors: issues.length ? formErrors(issues, request.t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  };
  app.get(
    `${BASE}/leave`,
    signedIn(async (request, reply, p) => leavePage(request, reply, p)),
  );
  app.post(
    `${BASE}/leave`,
    signedIn(async (request, reply, p) => {
      const answer = readLeave(asBody(request.body));
      if (answer === 'no') return reply.redirect(`${BASE}/plan`, 303);
      if (answer === 'unanswered') return leavePage(request, reply, p, [{ path: 'confirm', message: 'cases.error.leaveConfirm' }]);
      await participants.leave(p, { confirm: 'yes' });
      return reply.redirect(`${BASE}/left`, 303);
    }),
  );
  app.get(
    `${BASE}/left`,
    signedIn(async (request, reply, p) => {
      const view = await participants.mine(p);
      if (!isClosed(view)) return reply.redirect(`${BASE}/plan`, 303);
      return page(reply, p, null, 'my-left.njk', {
        title: request.t('participant.left.title'),
        team: view.summary.teamName,
        leftBenefitsKey: benefitsKeyOf(view, 'participant.left.benefits'),
      });
    }),
  );
}

/**
 * What leaving means for benefits. For the voluntary regimes, plainly nothing. A conditional
 * participant (referred by a Jobcentre) may have taking part in their claimant commitment, so
 * promising "no effect" would be untrue: they are told to talk to their work coach instead.
 */
function benefitsKeyOf(view: CaseView, voluntaryKey: string): string {
  return isVoluntary(view.participant.regime) ? voluntaryKey : 'participant.benefits.conditional';
}
