import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import { DomainError, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import type { OrganisationService } from '../../organisations/index.ts';
import { type Answers, DRAFT_COOKIE, type Draft, type DraftRoute, type DraftService } from '../draft-service.ts';
import { spacedNhsNumber } from '../nhs-number.ts';
import { decideRegime, isYoungPerson } from '../referral-rules.ts';
import type { ReferralService, Submitter } from '../referral-service.ts';
import { londonDate } from '../working-days.ts';
import {
  type Audience,
  type Field,
  nextUnanswered,
  readForm,
  referralInput,
  SECTIONS,
  type Step,
  sectionOf,
  stepOfField,
  stepsFor,
} from './referral-journey.ts';

const VIEWS = 'referrals/web/views';
type Deps = { referrals: ReferralService; drafts: DraftService; organisations: OrganisationService; clock: Clock; secure: boolean };
type Journey = { base: string; audience: Audience; draft: Draft; submitter: Submitter; name: string };

const formatDate = formatIsoDate;
const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One field as the parameters of its GOV.UK macro, with the answer (or what was typed) filled in. */
function fieldParams(
  f: Field,
  t: Translate,
  audience: Audience,
  value: unknown,
  error: { text: string } | undefined,
  heading: string | null,
  options = f.options ?? [],
) {
  const own = audience === 'self' ? f.self : undefined;
  // Only the person's own details are theirs to fill from their browser (WCAG 1.3.5); a referrer
  // typing someone else's must not be offered their own name, birthday or address.
  const autocomplete = audience === 'self' ? f.autocomplete : undefined;
  const labelText = heading ?? t(own?.label ?? f.labelKey);
  const label = heading ? { text: labelText, isPageHeading: true, classes: 'govuk-label--l' } : { text: labelText, classes: 'govuk-label--s' };
  const legend = heading
    ? { text: labelText, isPageHeading: true, classes: 'govuk-fieldset__legend--l' }
    : { text: labelText, classes: 'govuk-fieldset__legend--s' };
  const hintKey = own?.hint ?? f.hintKey;
  const hint = hintKey ? { text: t(hintKey) } : undefined;
  const base = { errorMessage: error };
  switch (f.kind) {
    case 'text':
      return {
        ...base,
        id: f.name,
        name: f.name,
        label,
        hint,
        value: typeof value === 'string' ? value : '',
        autocomplete,
        inputmode: f.inputmode,
        classes: f.width,
        spellcheck: false,
      };
    case 'textarea':
      return { ...base, id: f.name, name: f.name, label, hint, value: typeof value === 'string' ? value : '', rows: 4 };
    case 'radios':
    case 'checkboxes': {
      // One choice or several: either way an option is checked if the answer holds it.
      const chosen: unknown[] = Array.isArray(value) ? value : [value];
      return {
        ...base,
        idPrefix: f.name,
        name: f.name,
        fieldset: { legend },
        hint,
        items: options.flatMap((o) => {
          const item = {
            value: o.value,
            text: t(own && o.selfTextKey ? o.selfTextKey : o.textKey),
            hint: o.hint ? { text: o.hint } : undefined,
            checked: chosen.includes(o.value),
            ...(o.exclusive ? { behaviour: 'exclusive' } : {}),
          };
          return o.exclusive ? [{ divider: t('referrals.or') }, item] : [item];
        }),
      };
    }
    case 'date': {
      const [y, m, d] = typeof value === 'string' ? value.split('-') : [];
      const part = (name: string, v: string | undefined, width: string) => ({
        name,
        label: t(`date.${name}`),
        value: v ? String(Number(v)) || v : '',
        classes: `govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`,
        // bday-day, bday-month, bday-year: each box says which part it is (WCAG 1.3.5).
        ...(autocomplete ? { autocomplete: `${autocomplete}-${name}` } : {}),
      });
      return { ...base, id: f.name, namePrefix: f.name, fieldset: { legend }, hint, items: [part('day', d, '2'), part('month', m, '2'), part('year', y, '4')] };
    }
  }
}

/** What a field's answer looks like on the check-answers page. */
function displayValue(f: Field, value: unknown, t: Translate, lang: string, audience: Audience, options = f.options ?? []): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('referrals.notProvided');
  const label = (v: unknown) => {
    const o = options.find((x) => x.value === v);
    return o ? t(audience === 'self' && o.selfTextKey ? o.selfTextKey : o.textKey) : String(v);
  };
  if (f.kind === 'date') return formatDate(String(value), lang);
  if (f.name === 'nhsNumber') return spacedNhsNumber(String(value));
  if (f.kind === 'checkboxes') return (value as unknown[]).map(label).join(', ');
  if (f.kind === 'radios') return label(value);
  return String(value);
}

/** Error messages in the public's words, where the staff message speaks about "the person". */
const SELF_ERRORS: Readonly<Record<string, string>> = {
  'referrals.error.givenName': 'referrals.self.error.givenName',
  'referrals.error.familyName': 'referrals.self.error.familyName',
  'referrals.error.dateOfBirth': 'referrals.self.error.dateOfBirth',
  'referrals.error.addressLine1': 'referrals.self.error.addressLine1',
  'referrals.error.contactMethod': 'referrals.self.error.contactMethod',
  'referrals.error.contactMethodDetails': 'referrals.self.error.contactMethodDetails',
  'referrals.error.doNotContactPreferred': 'referrals.self.error.doNotContactPreferred',
  'referrals.error.fitNote': 'referrals.self.error.fitNote',
  'referrals.error.benefits': 'referrals.self.error.benefits',
  'referrals.error.benefitsNone': 'referrals.self.error.benefitsNone',
  'referrals.error.helpWanted': 'referrals.self.error.helpWanted',
  'referrals.error.urgency': 'referrals.self.error.urgency',
  'referrals.error.consentScopes': 'referrals.self.error.consentScopes',
};
const SELF_SECTIONS: Readonly<Record<string, string>> = {
  'referrals.view.person': 'referrals.self.check.person',
  'referrals.view.context': 'referrals.self.check.context',
  'referrals.view.consent': 'referrals.self.check.consent-section',
};
const selfIssue = (i: Issue): Issue => ({ ...i, message: SELF_ERRORS[i.message] ?? i.message });

/**
 * The referral question pages, check answers and confirmation, for staff (`/referrals/new`) and
 * for the public (`/self-referral`, no sign-in, rate-limited per address). The same questions and
 * rules serve both; only the wording and who records consent differ.
 */
export function registerReferralJourney(app: FastifyInstance, deps: Deps): void {
  const today = () => londonDate(deps.clock.now());
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secure, maxAge: 24 * 3600 };

  async function staffJourney(request: FastifyRequest): Promise<Journey | null> {
    const user = requireRole(request.principal, ['referrer']);
    const draft = await deps.drafts.load(request.cookies[DRAFT_COOKIE], user.userId);
    return draft ? { base: '/referrals/new', audience: 'staff', draft, submitter: user, name: user.displayName } : null;
  }
  async function selfJourney(request: FastifyRequest): Promise<Journey | null> {
    const draft = await deps.drafts.load(request.cookies[DRAFT_COOKIE], null);
    return draft?.route === 'self'
      ? { base: '/self-referral', audience: 'self', draft, submitter: { kind: 'public', tenantId: draft.tenantId }, name: 'self' }
      : null;
  }

  /** The team question offers the routed teams with their capacity, before anything is sent. */
  async function optionsFor(j: Journey, f: Field, t: Translate) {
    if (f.name !== 'teamId') return (f.options ?? []).map((o) => ({ ...o, closed: false }));
    const a = j.draft.answers;
    const service = j.draft.route === 'jobcentre' ? 'jobcentre' : ((a.referringService as 'gp' | undefined) ?? 'other');
    const young = typeof a.dateOfBirth === 'string' && isYoungPerson(a.dateOfBirth, today(), a.inEducationEmploymentOrTraining === 'no');
    const teams = await deps.referrals.teamsFor(j.draft.tenantId, {
      service,
      postcode: typeof a.postcode === 'string' ? a.postcode : null,
      youngPerson: young,
    });
    return teams.map((r) => ({
      value: r.team.id,
      textKey: r.team.name,
      closed: r.capacity.state === 'closed',
      hint: [
        r.capacity.state === 'waiting-list'
          ? t('referrals.capacity.waiting-list', { band: t(`referrals.band.${r.capacity.band}`) })
          : t(`referrals.capacity.${r.capacity.state}`),
        r.matches ? null : t('referrals.team.notCovering'),
        young && r.team.programmes.includes('youth') ? t('referrals.team.youth') : null,
      ]
        .filter(Boolean)
        .join('. '),
    }));
  }

  async function renderStep(request: FastifyRequest, reply: FastifyReply, j: Journey, step: Step, values: Answers, issues: readonly Issue[] = []) {
    const t = request.t;
    const errors = issues.length ? formErrors(j.audience === 'self' ? issues.map(selfIssue) : issues, t) : undefined;
    if (errors) {
      for (const e of errors.summary) {
        const f = step.fields.find((x) => `#${x.name}` === e.href);
        if (f?.kind === 'date') e.href = `#${f.name}-day`;
      }
    }
    const single = step.fields.length === 1;
    const title = t(`${step.title}.${j.audience}`);
    const steps = stepsFor(j.draft.route, j.draft.answers, today());
    const index = steps.findIndex((s) => s.slug === step.slug);
    const change = (request.query as { change?: string }).change === '1';
    const fields = [];
    for (const f of step.fields) {
      // Team names are data, not catalogue keys: translate only real keys.
      const options = await optionsFor(j, f, t);
      const tr: Translate = (k, params) => (f.name === 'teamId' && !k.startsWith('referrals.') ? k : t(k, params));
      fields.push({ kind: f.kind, params: fieldParams(f, tr, j.audience, values[f.name], errors?.fields[f.name], single ? title : null, options) });
    }
    const section = sectionOf(step.slug);
    return reply.page(
      `${VIEWS}/question.njk`,
      {
        title,
        caption: section
          ? t('referrals.journey.caption', {
              section: t(`referrals.journey.section.${section.key}.${j.audience}`),
              number: section.number,
              of: SECTIONS.length,
            })
          : null,
        single,
        fields,
        errors,
        action: `${j.base}/${step.slug}${change ? '?change=1' : ''}`,
        backHref: change ? `${j.base}/check` : index > 0 ? `${j.base}/${steps[index - 1]?.slug}` : j.base,
      },
      issues.length ? 400 : 200,
    );
  }

  async function renderCheck(request: FastifyRequest, reply: FastifyReply, j: Journey, issues: readonly Issue[] = []) {
    const t = request.t;
    const steps = stepsFor(j.draft.route, j.draft.answers, today());
    const groups: [string, readonly string[]][] = SECTIONS.map((s) => [`referrals.view.${s.key}`, s.slugs]);
    const sections = [];
    for (const [heading, slugs] of groups) {
      const rows = [];
      for (const step of steps.filter((s) => slugs.includes(s.slug))) {
        const change = (what: string) => ({
          items: [{ href: `${j.base}/${step.slug}?change=1`, text: t('referrals.check.change'), visuallyHiddenText: what.toLowerCase() }],
        });
        if (step.summaryKey) {
          // One row for the step (an address): its answers one per line, the ones not given left out.
          const lines = step.fields.map((f) => j.draft.answers[f.name]).filter((v): v is string => typeof v === 'string' && v !== '');
          const label = t(step.summaryKey);
          rows.push({ key: { text: label }, value: { html: lines.map(escapeHtml).join('<br>') || t('referrals.notProvided') }, actions: change(label) });
          continue;
        }
        for (const f of step.fields) {
          const options = await optionsFor(j, f, t);
          const shown =
            f.name === 'teamId'
              ? (options.find((o) => o.value === j.draft.answers.teamId)?.textKey ?? t('referrals.notProvided'))
              : displayValue(f, j.draft.answers[f.name], t, request.lang, j.audience, options);
          const label = t((j.audience === 'self' ? f.self?.summary : undefined) ?? f.summaryKey ?? f.labelKey);
          rows.push({ key: { text: label }, value: { text: shown }, actions: change(label) });
        }
      }
      sections.push({ heading: t(j.audience === 'self' ? (SELF_SECTIONS[heading] ?? heading) : heading), rows });
    }
    const a = j.draft.answers;
    const young = typeof a.dateOfBirth === 'string' && isYoungPerson(a.dateOfBirth, today(), a.inEducationEmploymentOrTraining === 'no');
    const regime = decideRegime({
      route: j.draft.route,
      hasHealthCondition:
        Boolean(a.conditionsText) ||
        (Array.isArray(a.conditionCategories) && a.conditionCategories.length > 0) ||
        (a.fitNote !== undefined && a.fitNote !== 'none'),
      youngPerson: young,
      shortTermUnemployed: a.shortTermUnemployed === undefined ? null : a.shortTermUnemployed === 'yes',
      conditionalityRequested: a.conditionalityRequested === 'yes',
    });
    const errors = issues.length ? formErrors(j.audience === 'self' ? issues.map(selfIssue) : issues, t) : undefined;
    if (errors) {
      for (const e of errors.summary) {
        const step = stepOfField(j.draft.route, e.href.slice(1));
        e.href = step ? `${j.base}/${step.slug}?change=1` : `${j.base}/check`;
      }
    }
    return reply.page(
      `${VIEWS}/check.njk`,
      {
        title: t(j.audience === 'self' ? 'referrals.check.titleSelf' : 'referrals.check.title'),
        sections,
        // The person referring themselves is always on the voluntary offer: the confirmation says so in plain words.
        regime: j.audience === 'self' ? null : t(`referrals.regime.${regime.regime}`),
        declaration: t(j.audience === 'self' ? 'referrals.check.declarationSelf' : 'referrals.check.declaration'),
        send: t(j.audience === 'self' ? 'referrals.self.check.send' : 'referrals.check.send'),
        action: `${j.base}/check`,
        backHref: `${j.base}/${steps.at(-1)?.slug ?? ''}`,
        errors,
      },
      issues.length ? 400 : 200,
    );
  }

  /**
   * The same question pages, check answers and send for one audience. `confirmation` is where a
   * sent referral is shown: after sending, and when the browser comes back to a form already sent.
   */
  function journeyRoutes(base: string, load: (request: FastifyRequest) => Promise<Journey | null>, confirmation: (id: string) => string) {
    // Back into a form already sent: show what was sent, never the form again (GOV.UK once-only actions).
    const gone = async (request: FastifyRequest, reply: FastifyReply) => {
      const ref = deps.drafts.tokenHashOf(request.cookies[DRAFT_COOKIE]);
      const sent = ref ? await deps.referrals.sentFromDraft(ref.tenantId, ref.tokenHash) : null;
      if (sent) return reply.redirect(confirmation(sent.id), 303);
      if (request.method === 'GET') return reply.redirect(base, 303);
      return reply.page('pages/message.njk', { title: request.t('referrals.journey.title.staff'), paragraphs: [request.t('referrals.error.draftGone')] }, 410);
    };

    app.get(`${base}/check`, async (request, reply) => {
      const j = await load(request);
      if (!j) return gone(request, reply);
      const missing = nextUnanswered(j.draft.route, j.draft.answers, today());
      if (missing) return reply.redirect(`${base}/${missing.slug}`, 303);
      return renderCheck(request, reply, j);
    });

    app.post(`${base}/check`, async (request, reply) => {
      const j = await load(request);
      if (!j) return gone(request, reply);
      if (j.audience === 'self') await deps.drafts.throttle(request.ip, 'send');
      try {
        const { referral } = await deps.referrals.createFromDraft(
          j.submitter,
          j.draft.route,
          j.draft.tokenHash,
          referralInput(j.draft.route, j.draft.answers, { name: j.name, today: today() }),
        );
        return reply.redirect(confirmation(referral.id), 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
        return renderCheck(request, reply, j, error.issues);
      }
    });

    app.get<{ Params: { step: string } }>(`${base}/:step`, async (request, reply) => {
      const j = await load(request);
      if (!j) return gone(request, reply);
      const step = stepsFor(j.draft.route, j.draft.answers, today()).find((s) => s.slug === request.params.step);
      if (!step) throw new NotFound('question', request.params.step);
      return renderStep(request, reply, j, step, j.draft.answers);
    });

    app.post<{ Params: { step: string } }>(`${base}/:step`, async (request, reply) => {
      const j = await load(request);
      if (!j) return gone(request, reply);
      const step = stepsFor(j.draft.route, j.draft.answers, today()).find((s) => s.slug === request.params.step);
      if (!step) throw new NotFound('question', request.params.step);
      const raw = readForm(step, (request.body ?? {}) as Record<string, unknown>);
      const parsed = step.schema.safeParse(raw);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? step.fields[0]?.name ?? ''), message: i.message }));
        return renderStep(request, reply, j, step, raw, issues);
      }
      if (step.slug === 'team') {
        // Only a team that was offered and is not closed can be chosen; the service checks again on sending.
        const offered = await optionsFor(j, step.fields[0] as Field, request.t);
        const chosen = offered.find((o) => o.value === (parsed.data as { teamId: string }).teamId);
        if (!chosen || chosen.closed)
          return renderStep(request, reply, j, step, raw, [{ path: 'teamId', message: chosen ? 'referrals.error.teamClosed' : 'referrals.error.team' }]);
      }
      // Every field of the page is recorded, an empty optional one as null, so the page counts as answered.
      const answers: Answers = { ...j.draft.answers };
      for (const f of step.fields) answers[f.name] = (parsed.data as Record<string, unknown>)[f.name] ?? null;
      await deps.drafts.save(j.draft, answers);
      if ((request.query as { change?: string }).change === '1') return reply.redirect(`${base}/check`, 303);
      const next = nextUnanswered(j.draft.route, answers, today());
      return reply.redirect(next ? `${base}/${next.slug}` : `${base}/check`, 303);
    });
  }

  // Staff: a referrer in a Jobcentre refers by the Jobcentre route; anyone else as a clinician.
  app.get('/referrals/new', async (request, reply) => {
    requireRole(request.principal, ['referrer']);
    return reply.page(`${VIEWS}/start.njk`, {
      title: request.t('referrals.journey.title.staff'),
      paragraphs: [request.t('referrals.journey.staff.lead')],
      action: '/referrals/new',
    });
  });
  app.post('/referrals/new', async (request, reply) => {
    const user = requireRole(request.principal, ['referrer']);
    const organisation = await deps.organisations.get(user.tenantId, user.organisationId);
    const route: DraftRoute = organisation.kind === 'jobcentre' ? 'jobcentre' : 'clinician';
    const { cookie } = await deps.drafts.start(user.tenantId, route, user.userId);
    reply.setCookie(DRAFT_COOKIE, cookie, cookieOptions);
    return reply.redirect('/referrals/new/name', 303);
  });
  journeyRoutes('/referrals/new', staffJourney, (id) => `/referrals/${id}/sent`);

  // The public: choose the council first, because the council's teams are the service.
  const councilItems = async (t: Translate, lang: string, selected?: unknown) =>
    (await deps.drafts.councils())
      .map((c) => ({ value: c.id, text: lang === 'cy' ? c.nameCy : c.name, checked: selected === c.id, attributes: { lang: lang === 'cy' ? 'cy' : 'en' } }))
      .map((x) => ({ ...x, text: x.text || t('referrals.notProvided') }));
  const selfStart = async (request: FastifyRequest, reply: FastifyReply, selected?: unknown, issues: Issue[] = []) =>
    reply.page(
      `${VIEWS}/start.njk`,
      {
        title: request.t('referrals.journey.title.self'),
        paragraphs: [request.t('referrals.journey.self.lead'), request.t('referrals.journey.self.time')],
        action: '/self-referral',
        // Someone still in work has their own, shorter journey (in-work retention).
        inWork: { heading: request.t('referrals.journey.self.inWork'), text: request.t('referrals.journey.self.inWorkLink'), href: '/in-work-support' },
        councils: await councilItems(request.t, request.lang, selected),
        errors: issues.length ? formErrors(issues, request.t) : undefined,
      },
      issues.length ? 400 : 200,
    );
  app.get('/self-referral', async (request, reply) => selfStart(request, reply));
  app.post('/self-referral', async (request, reply) => {
    const tenantId = ((request.body ?? {}) as { tenantId?: unknown }).tenantId;
    const councils = await deps.drafts.councils();
    if (typeof tenantId !== 'string' || !councils.some((c) => c.id === tenantId)) {
      return selfStart(request, reply, tenantId, [{ path: 'tenantId', message: 'referrals.journey.self.councilError' }]);
    }
    await deps.drafts.throttle(request.ip, 'start');
    const { cookie } = await deps.drafts.start(tenantId, 'self', null);
    reply.setCookie(DRAFT_COOKIE, cookie, cookieOptions);
    return reply.redirect('/self-referral/name', 303);
  });
  app.get('/self-referral/sent', async (request, reply) => {
    const ref = deps.drafts.tokenHashOf(request.cookies[DRAFT_COOKIE]);
    const sent = ref ? await deps.referrals.sentFromDraft(ref.tenantId, ref.tokenHash) : null;
    if (!sent) return reply.redirect('/self-referral', 303);
    // The voluntary message once, in the person's words (it was said twice, once in staff words).
    return reply.page(`${VIEWS}/confirmation.njk`, {
      title: request.t('referrals.self.confirmation.title'),
      reference: sent.reference,
      paragraphs: [
        request.t('referrals.self.confirmation.next', { days: sent.firstContactWorkingDays }),
        request.t('referrals.self.confirmation.voluntary'),
        request.t('referrals.self.confirmation.keep'),
      ],
      links: [],
    });
  });
  // Registered after /sent so that it is not taken for a question.
  journeyRoutes('/self-referral', selfJourney, () => '/self-referral/sent');

  app.get<{ Params: { id: string } }>('/referrals/:id/sent', async (request, reply) => {
    const user = requireRole(request.principal, ['referrer']);
    const view = await deps.referrals.view(user, request.params.id);
    return reply.page(`${VIEWS}/confirmation.njk`, {
      title: request.t('referrals.confirmation.title'),
      reference: view.referral.reference,
      paragraphs: [request.t('referrals.confirmation.nextStaff'), request.t('referrals.confirmation.voluntary')],
      links: [
        { href: '/referrals/mine', text: request.t('referrals.confirmation.mine') },
        { href: '/referrals/new', text: request.t('referrals.confirmation.another') },
      ],
    });
  });
}
