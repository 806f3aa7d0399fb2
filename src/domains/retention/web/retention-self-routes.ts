import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock/index.ts';
import { type Issue, isoDate, parseInput } from '../../../platform/errors/index.ts';
import { checkboxes, dateInput, type Field, type FieldValues, formBody, input, radios, textarea, withErrors } from '../../../platform/http/form-fields.ts';
import { formRoute } from '../../../platform/http/form-route.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate, londonIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { type DraftService, normalisePostcode, type ReferralService, WEB_FORM_SYSTEM } from '../../referrals/index.ts';
import type { RetentionService } from '../retention-service.ts';
import { PAGE } from './retention-routes.ts';

/*
 * The public's own in-work retention referral (issue 18 item 5): someone in work whose health puts
 * their job at risk refers themselves, without signing in. Like `/self-referral` it keeps the
 * answers server-side in a referral draft (its own cookie, so the two journeys never mix), asks one
 * thing per page, checks the answers, and sends through the retention service, the same path as
 * the API: one transaction, the retention case and the `retention.refer` audit row. The draft's
 * token is the referral's business identifier, so pressing "Send" twice makes one referral.
 */
export const BASE = '/in-work-support';
const COOKIE = 'bw_retention_self';
type Deps = { retention: RetentionService; drafts: DraftService; referrals: ReferralService; clock: Clock; secure: boolean };
type Answers = Record<string, unknown>;
type Step = { slug: string; title: string; dates?: readonly string[]; fields: (v: FieldValues, t: Translate) => Field[]; schema: z.ZodType };

const required = (key: string, max = 200) => z.string({ error: key }).trim().min(1, key).max(max, 'retention.error.tooLong');
const optional = (max: number) => z.string().trim().max(max, 'retention.error.tooLong').optional();
const yesNo = (t: Translate) => [
  { value: 'yes', text: t('retention.yes') },
  { value: 'no', text: t('retention.no') },
];
const arr = (v: unknown): string[] => (v === undefined || v === null || v === '' ? [] : [v].flat().map(String));

/** The questions, one thing per page, as data; the whole referral is checked again when it is sent. */
export const SELF_STEPS: readonly Step[] = [
  {
    slug: 'about-you',
    title: 'retention.self.q.aboutYou',
    dates: ['dateOfBirth'],
    fields: (v, t) => [
      // The person's own details: the browser may fill them in (WCAG 1.3.5).
      input({ values: v }, 'givenName', t('retention.refer.givenName'), { width: 20, autocomplete: 'given-name' }),
      input({ values: v }, 'familyName', t('retention.refer.familyName'), { width: 20, autocomplete: 'family-name' }),
      dateInput({ values: v }, 'dateOfBirth', t('retention.refer.dateOfBirth'), t, { hint: t('retention.refer.dateOfBirthHint'), autocomplete: 'bday' }),
      input({ values: v }, 'addressLine1', t('retention.refer.addressLine1'), { autocomplete: 'address-line1' }),
      input({ values: v }, 'postcode', t('retention.refer.postcode'), { width: 10, autocomplete: 'postal-code' }),
      input({ values: v }, 'email', t('retention.self.email'), { hint: t('retention.self.emailHint'), autocomplete: 'email' }),
      radios(
        { values: v },
        'preferredLanguage',
        t('retention.self.language'),
        [
          { value: 'en', text: 'English' },
          { value: 'cy', text: 'Cymraeg' },
        ],
        { inline: true },
      ),
    ],
    schema: z.object({
      givenName: required('retention.self.error.givenName'),
      familyName: required('retention.self.error.familyName'),
      dateOfBirth: isoDate('retention.self.error.dateOfBirth'),
      addressLine1: required('retention.self.error.addressLine1'),
      postcode: required('retention.self.error.postcode', 10).refine((v) => normalisePostcode(v) !== null, 'retention.self.error.postcodeReal'),
      email: z.union([z.literal(''), z.email('retention.self.error.email')]).optional(),
      preferredLanguage: z.enum(['en', 'cy'], { error: 'retention.self.error.language' }),
    }),
  },
  {
    slug: 'job',
    title: 'retention.self.q.job',
    fields: (v, t) => [input({ values: v }, 'employerName', t('retention.self.employerName')), input({ values: v }, 'jobTitle', t('retention.self.jobTitle'))],
    schema: z.object({ employerName: required('retention.self.error.employerName'), jobTitle: required('retention.self.error.jobTitle') }),
  },
  {
    slug: 'hours',
    title: 'retention.self.q.hours',
    fields: (v, t) => [input({ values: v }, 'hoursPerWeek', t('retention.self.hours'), { width: 3, numeric: true, hint: t('retention.self.hoursHint') })],
    schema: z.object({
      hoursPerWeek: z.coerce.number({ error: 'retention.self.error.hours' }).min(0.5, 'retention.self.error.hours').max(100, 'retention.self.error.hours'),
    }),
  },
  {
    slug: 'absence',
    title: 'retention.self.q.absence',
    fields: (v, t) => [
      radios({ values: v }, 'absentNow', t('retention.self.absentNow'), yesNo(t), { inline: true }),
      input({ values: v }, 'absenceSpells', t('retention.self.spells'), { width: 3, numeric: true, hint: t('retention.self.spellsHint') }),
      input({ values: v }, 'absenceDays', t('retention.self.days'), { width: 3, numeric: true, hint: t('retention.self.daysHint') }),
    ],
    schema: z
      .object({
        absentNow: z.enum(['yes', 'no'], { error: 'retention.self.error.absentNow' }),
        absenceSpells: z.coerce
          .number({ error: 'retention.error.spells' })
          .int('retention.error.spells')
          .min(0, 'retention.error.spells')
          .max(366, 'retention.error.spells'),
        absenceDays: z.coerce
          .number({ error: 'retention.error.days' })
          .int('retention.error.days')
          .min(0, 'retention.error.days')
          .max(3660, 'retention.error.days'),
      })
      .refine((a) => a.absenceDays >= a.absenceSpells, { path: ['absenceDays'], message: 'retention.error.daysUnderSpells' }),
  },
  {
    slug: 'health',
    title: 'retention.self.q.health',
    fields: (v, t) => [
      textarea({ values: v }, 'conditionsText', t('retention.self.conditions'), { rows: 3, hint: t('retention.self.conditionsHint') }),
      textarea({ values: v }, 'helpWanted', t('retention.self.helpWanted'), { rows: 3, hint: t('retention.self.helpWantedHint') }),
    ],
    schema: z.object({ conditionsText: required('retention.self.error.conditions', 2000), helpWanted: required('retention.self.error.helpWanted', 2000) }),
  },
  {
    slug: 'consent',
    title: 'retention.self.q.consent',
    fields: (v, t) => [
      checkboxes({ values: v }, 'consentShare', t('retention.self.consentShareLegend'), [{ value: 'yes', text: t('retention.self.consentShare') }]),
      checkboxes({ values: v }, 'employerConsent', t('retention.self.employerConsentLegend'), [{ value: 'yes', text: t('retention.self.employerConsent') }], {
        hint: t('retention.self.employerConsentHint'),
      }),
      input({ values: v }, 'employerContactName', t('retention.self.contactName')),
    ],
    schema: z.object({
      consentShare: z.preprocess(
        arr,
        z.array(z.string()).refine((s) => s.includes('yes'), 'retention.self.error.consentShare'),
      ),
      employerConsent: z.preprocess(arr, z.array(z.enum(['yes']))),
      employerContactName: optional(200),
    }),
  },
];

const answered = (step: Step, a: Answers) => step.slug in ((a.done as Record<string, boolean> | undefined) ?? {});
const nextStep = (a: Answers) => SELF_STEPS.find((s) => !answered(s, a)) ?? null;

/** The draft's answers as a retention referral, in the shape the API takes. */
export function selfReferralInput(a: Answers, draftTokenHash: string, today: string) {
  const str = (k: string) => (typeof a[k] === 'string' && a[k] !== '' ? (a[k] as string) : undefined);
  const employerConsent = arr(a.employerConsent).includes('yes');
  return {
    referral: {
      identifier: { system: WEB_FORM_SYSTEM, value: draftTokenHash },
      person: {
        givenName: str('givenName'),
        familyName: str('familyName'),
        dateOfBirth: str('dateOfBirth'),
        addressLine1: str('addressLine1'),
        postcode: str('postcode'),
        email: str('email'),
        preferredLanguage: str('preferredLanguage') ?? 'en',
        contactMethod: str('email') ? 'email' : 'post',
      },
      context: {
        referringService: 'self',
        conditionsText: str('conditionsText') ?? '',
        fitNote: 'none',
        benefits: ['none'],
        helpWanted: str('helpWanted'),
        urgency: 'routine',
      },
      consent: {
        scopes: employerConsent ? ['share-with-employment-team', 'contact-employers'] : ['share-with-employment-team'],
        method: 'online',
        givenOn: today,
        recordedBy: 'The person, online',
        active: true,
      },
    },
    retention: {
      referredBy: 'self',
      employerName: str('employerName'),
      jobTitle: str('jobTitle'),
      hoursPerWeek: str('hoursPerWeek'),
      absentNow: str('absentNow'),
      absenceSpells: str('absenceSpells'),
      absenceDays: str('absenceDays'),
      employerConsent,
      ...(employerConsent ? { employerConsentOn: today } : {}),
      employerContactName: str('employerContactName') ?? '',
    },
  };
}

/** Which page asks for an answer the service refused: where the check page's error links go. */
const stepOf = (path: string) => {
  const name = path.split('.').at(-1) ?? '';
  const aliases: Record<string, string> = { scopes: 'consentShare', employerConsentOn: 'employerConsent', contactMethod: 'email' };
  const field = aliases[name] ?? name;
  return SELF_STEPS.find((s) => s.fields({}, (k) => k).some((f) => f.name === field));
};

export function registerRetentionSelfReferral(app: FastifyInstance, deps: Deps): void {
  const { retention, drafts, referrals } = deps;
  const today = () => londonIsoDate(deps.clock.now());
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secure, maxAge: 24 * 3600 };
  const load = async (request: FastifyRequest) => {
    const draft = await drafts.load(request.cookies[COOKIE], null);
    return draft?.route === 'self' ? draft : null;
  };
  const sent = async (request: FastifyRequest) => {
    const ref = drafts.tokenHashOf(request.cookies[COOKIE]);
    return ref ? referrals.sentFromDraft(ref.tenantId, ref.tokenHash) : null;
  };

  // The start page: what this is for, and the council area, because the council's teams are the service.
  async function start(request: FastifyRequest, reply: FastifyReply, typed: FieldValues = {}, issues: readonly Issue[] = []) {
    const t = request.t;
    const councils = await drafts.councils();
    const fields = [
      radios(
        { values: typed },
        'tenantId',
        t('retention.self.council'),
        councils.map((c) => ({ value: c.id, text: (request.lang === 'cy' ? c.nameCy : c.name) || c.name })),
      ),
    ];
    const marked = issues.length ? withErrors(fields, issues, t) : { fields, errors: undefined };
    return reply.page(
      'pages/form.njk',
      {
        title: t('retention.self.title'),
        lead: [t('retention.self.lead'), t('retention.self.leadOther'), t('retention.self.time')],
        fields: marked.fields,
        errors: marked.errors,
        button: t('retention.self.start'),
        backHref: '/',
        action: BASE,
      },
      issues.length ? 400 : 200,
    );
  }
  app.get(BASE, async (request, reply) => start(request, reply));
  app.post(BASE, async (request, reply) => {
    const typed = formBody(request.body);
    const tenantId = typed.tenantId;
    if (typeof tenantId !== 'string' || !(await drafts.councils()).some((c) => c.id === tenantId))
      return start(request, reply, typed, [{ path: 'tenantId', message: 'retention.self.error.council' }]);
    await drafts.throttle(request.ip, 'start');
    const { cookie } = await drafts.start(tenantId, 'self', null);
    reply.setCookie(COOKIE, cookie, cookieOptions);
    return reply.redirect(`${BASE}/${SELF_STEPS[0]?.slug}`, 303);
  });

  // Registered before the questions so that it is not taken for one.
  app.get(`${BASE}/sent`, async (request, reply) => {
    const done = await sent(request);
    if (!done) return reply.redirect(BASE, 303);
    const t = request.t;
    return reply.page(PAGE, {
      title: t('retention.self.sent.title'),
      lead: [
        t('retention.self.sent.reference', { reference: done.reference }),
        t('retention.self.sent.next', { days: done.firstContactWorkingDays }),
        t('retention.self.sent.keep'),
      ],
    });
  });

  // Check answers: every answer with a link to change it, then send.
  const summary = (a: Answers, t: Translate, lang: string) =>
    SELF_STEPS.flatMap((step) =>
      step.fields(a, t).map((f) => {
        const v = a[f.name];
        const shown =
          f.kind === 'date' && typeof v === 'string'
            ? formatIsoDate(v, lang)
            : f.kind === 'radios' && (v === 'yes' || v === 'no')
              ? t(`retention.${v}`)
              : f.kind === 'checkboxes'
                ? t(arr(v).includes('yes') ? 'retention.yes' : 'retention.no')
                : f.name === 'preferredLanguage'
                  ? v === 'cy'
                    ? 'Cymraeg'
                    : 'English'
                  : typeof v === 'string' && v !== ''
                    ? v
                    : t('retention.self.notGiven');
        // A field's label, or a group's legend: the question as the page asked it.
        const asked = (f.params.label ?? (f.params.fieldset as { legend?: unknown } | undefined)?.legend) as { text?: string } | undefined;
        const label = asked?.text ?? f.name;
        return {
          key: { text: label },
          value: { text: shown },
          actions: { items: [{ href: `${BASE}/${step.slug}?change=1`, text: t('retention.self.change'), visuallyHiddenText: label.toLowerCase() }] },
        };
      }),
    );
  app.get(`${BASE}/check`, async (request, reply) => {
    const draft = await load(request);
    if (!draft) return reply.redirect((await sent(request)) ? `${BASE}/sent` : BASE, 303);
    const missing = nextStep(draft.answers);
    if (missing) return reply.redirect(`${BASE}/${missing.slug}`, 303);
    return showCheck(request, reply, draft.answers);
  });
  async function showCheck(request: FastifyRequest, reply: FastifyReply, a: Answers, issues: readonly Issue[] = []) {
    const t = request.t;
    const errors = issues.length ? formErrors(issues, t) : undefined;
    if (errors)
      for (const e of errors.summary) {
        // Each error links to the page that asks for the answer, to change it there.
        const step = stepOf(e.href.slice(1));
        e.href = step ? `${BASE}/${step.slug}?change=1` : `${BASE}/check`;
      }
    return reply.page(
      'pages/form.njk',
      {
        title: t('retention.self.check.title'),
        rows: summary(a, t, request.lang),
        inset: t('retention.self.check.declaration'),
        fields: [],
        errors,
        button: t('retention.self.check.send'),
        backHref: `${BASE}/${SELF_STEPS.at(-1)?.slug}`,
        action: `${BASE}/check`,
      },
      issues.length ? 400 : 200,
    );
  }
  app.post(`${BASE}/check`, async (request, reply) => {
    const draft = await load(request);
    if (!draft) return reply.redirect((await sent(request)) ? `${BASE}/sent` : BASE, 303);
    await drafts.throttle(request.ip, 'send');
    try {
      await retention.refer({ kind: 'public', tenantId: draft.tenantId }, 'self', selfReferralInput(draft.answers, draft.tokenHash, today()));
    } catch (error) {
      const issues = (error as { issues?: readonly Issue[]; code?: string }).code === 'invalid-input' ? (error as { issues: readonly Issue[] }).issues : null;
      if (!issues?.length) throw error;
      return showCheck(request, reply, draft.answers, issues);
    }
    // Sent: the draft goes, so going back shows the confirmation, never the form again.
    await drafts.discard(draft);
    return reply.redirect(`${BASE}/sent`, 303);
  });

  for (const [index, step] of SELF_STEPS.entries()) {
    formRoute(app, {
      path: `${BASE}/${step.slug}`,
      actor: async (request) => load(request),
      signIn: BASE,
      dates: step.dates ?? [],
      page: async (request, draft, typed) => {
        const t = request.t;
        const fields = step.fields(typed ?? draft.answers, t);
        const change = (request.query as { change?: string }).change === '1';
        return {
          title: t(step.title),
          caption: t('retention.self.caption', { number: index + 1, of: SELF_STEPS.length }),
          fields,
          button: t('retention.self.continue'),
          backHref: change ? `${BASE}/check` : index > 0 ? `${BASE}/${SELF_STEPS[index - 1]?.slug}` : BASE,
        };
      },
      submit: async (request, draft, body) => {
        parseInput(step.schema, body);
        // What was typed is kept (dates as their three boxes too), so a page shows it again on return.
        const typed = formBody(request.body);
        const answers: Answers = { ...draft.answers, done: { ...((draft.answers.done as object) ?? {}), [step.slug]: true } };
        for (const f of step.fields({}, (k) => k)) {
          answers[f.name] = body[f.name] ?? null;
          if (f.kind === 'date') for (const part of ['day', 'month', 'year']) answers[`${f.name}-${part}`] = typed[`${f.name}-${part}`] ?? '';
        }
        await drafts.save(draft, answers);
        if ((request.query as { change?: string }).change === '1') return `${BASE}/check`;
        const next = nextStep(answers);
        return next ? `${BASE}/${next.slug}` : `${BASE}/check`;
      },
    });
  }
}
