import { randomUUID } from 'node:crypto';
import type { UserPrincipal } from '../../../platform/auth/index.ts';
import { DomainError, InvalidInput } from '../../../platform/errors/index.ts';
import { checkboxes, dateInput, type Field, type FieldValues, input, radios, select, textarea } from '../../../platform/http/form-fields.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { FIT_NOTE_ADVICE, ISSUER_PROFESSIONS, LEFT_REASONS, PLAN_OWNERS, WORK_STATUSES } from '../retention.ts';

/** The dates each form posts as three boxes. */
export const REFER_DATES = ['dateOfBirth', 'employerConsentOn', 'from', 'to', 'issuedOn'] as const;
export const FIT_NOTE_DATES = ['from', 'to', 'issuedOn'] as const;
export const PLAN_DATES = ['conversationOn', 'startsOn'] as const;
/** The plan form offers this many week rows and action rows; blank rows are left out. */
export const WEEK_ROWS = 8;
export const ACTION_ROWS = 4;

const yesNo = (t: Translate) => [
  { value: 'yes', text: t('retention.yes') },
  { value: 'no', text: t('retention.no') },
];

/** The fit note's fields, in the order of the Statement of Fitness for Work. */
export function fitNoteFields(values: FieldValues, t: Translate, optional: boolean): Field[] {
  const s = { values };
  return [
    radios(s, 'fitness', t('retention.fitNote.fitness'), [
      ...(optional ? [{ value: 'none', text: t('retention.fitNote.none') }] : []),
      { value: 'not-fit', text: t('retention.fitness.not-fit') },
      { value: 'may-be-fit', text: t('retention.fitness.may-be-fit') },
    ]),
    checkboxes(
      s,
      'advice',
      t('retention.fitNote.advice'),
      FIT_NOTE_ADVICE.map((a) => ({ value: a, text: t(`retention.advice.${a}`) })),
      { hint: t('retention.fitNote.adviceHint') },
    ),
    textarea(s, 'condition', t('retention.fitNote.condition'), { rows: 2 }),
    textarea(s, 'comments', t('retention.fitNote.comments'), { rows: 3, hint: t('retention.fitNote.commentsHint') }),
    dateInput(s, 'from', t('retention.fitNote.from'), t, { hint: t('retention.dateHint') }),
    dateInput(s, 'to', t('retention.fitNote.to'), t, { hint: t('retention.fitNote.toHint') }),
    input(s, 'periodDays', t('retention.fitNote.periodDays'), { width: 3, numeric: true, hint: t('retention.fitNote.periodDaysHint') }),
    checkboxes(s, 'indefinite', t('retention.fitNote.indefiniteLegend'), [{ value: 'yes', text: t('retention.fitNote.indefinite') }]),
    radios(s, 'followUpNeeded', t('retention.fitNote.followUp'), yesNo(t), { inline: true }),
    dateInput(s, 'issuedOn', t('retention.fitNote.issuedOn'), t, { hint: t('retention.dateHint') }),
    radios(
      s,
      'issuerProfession',
      t('retention.fitNote.issuer'),
      ISSUER_PROFESSIONS.map((p) => ({ value: p, text: t(`retention.issuer.${p}`) })),
    ),
  ];
}

/** The referral page: the person, who refers, the job and absence, the employer's consent, the fit note. */
export function referFields(values: FieldValues, t: Translate, asEmployer: boolean): Field[] {
  const s = { values };
  return [
    input(s, 'givenName', t('retention.refer.givenName'), { width: 20 }),
    input(s, 'familyName', t('retention.refer.familyName'), { width: 20 }),
    dateInput(s, 'dateOfBirth', t('retention.refer.dateOfBirth'), t, { hint: t('retention.refer.dateOfBirthHint') }),
    input(s, 'addressLine1', t('retention.refer.addressLine1')),
    input(s, 'postcode', t('retention.refer.postcode'), { width: 10 }),
    input(s, 'email', t('retention.refer.email'), { hint: t('retention.refer.emailHint') }),
    radios(
      s,
      'preferredLanguage',
      t('retention.refer.language'),
      [
        { value: 'en', text: 'English' },
        { value: 'cy', text: 'Cymraeg' },
      ],
      { inline: true },
    ),
    ...(asEmployer
      ? []
      : [
          radios(s, 'referredBy', t('retention.refer.referredBy'), [
            { value: 'gp', text: t('retention.referredBy.gp') },
            { value: 'occupational-health', text: t('retention.referredBy.occupational-health') },
          ]),
        ]),
    input(s, 'employerName', t('retention.refer.employerName')),
    input(s, 'jobTitle', t('retention.refer.jobTitle')),
    input(s, 'hoursPerWeek', t('retention.refer.hours'), { width: 3, numeric: true }),
    radios(s, 'absentNow', t('retention.refer.absentNow'), yesNo(t), { inline: true }),
    input(s, 'absenceSpells', t('retention.refer.spells'), { width: 3, numeric: true, hint: t('retention.refer.spellsHint') }),
    input(s, 'absenceDays', t('retention.refer.days'), { width: 3, numeric: true }),
    checkboxes(s, 'employerConsent', t('retention.refer.employerConsentLegend'), [{ value: 'yes', text: t('retention.refer.employerConsent') }], {
      hint: t(asEmployer ? 'retention.refer.employerConsentHintEmployer' : 'retention.refer.employerConsentHint'),
    }),
    dateInput(s, 'employerConsentOn', t('retention.refer.employerConsentOn'), t, { hint: t('retention.dateHint') }),
    input(s, 'employerContactName', t('retention.refer.contactName')),
    ...fitNoteFields(values, t, true),
    textarea(s, 'helpWanted', t('retention.refer.helpWanted'), { rows: 3 }),
  ];
}

const arr = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));

/** The fit note as the service takes it from the form's answers. */
export const fitNoteInput = (b: Record<string, unknown>) => ({
  fitness: b.fitness,
  advice: arr(b.advice),
  condition: b.condition,
  comments: b.comments ?? '',
  from: b.from,
  to: b.to,
  periodDays: b.periodDays,
  indefinite: arr(b.indefinite).includes('yes'),
  followUpNeeded: b.followUpNeeded,
  issuedOn: b.issuedOn,
  issuerProfession: b.issuerProfession,
});

/** The referral page's answers as a retention referral: the referral every route sends, the retention details, the fit note. */
export function referInput(b: Record<string, unknown>, user: UserPrincipal, today: string) {
  const asEmployer = user.roles.includes('employer') && !user.roles.includes('referrer');
  const referredBy = asEmployer ? 'employer' : b.referredBy;
  const consent = arr(b.employerConsent).includes('yes');
  const hasNote = b.fitness !== undefined && b.fitness !== 'none';
  return {
    referral: {
      identifier: { system: 'urn:bridgework:retention-web-form', value: randomUUID() },
      person: {
        givenName: b.givenName,
        familyName: b.familyName,
        dateOfBirth: b.dateOfBirth,
        addressLine1: b.addressLine1,
        postcode: b.postcode,
        email: b.email,
        preferredLanguage: b.preferredLanguage ?? 'en',
        contactMethod: b.email ? 'email' : 'post',
      },
      context: {
        referringService: referredBy === 'gp' ? 'gp' : 'other',
        conditionsText: typeof b.condition === 'string' ? b.condition : '',
        fitNote: hasNote ? b.fitness : 'none',
        fitNoteAdvice: hasNote ? arr(b.advice).join(', ') || undefined : undefined,
        benefits: ['none'],
        helpWanted: b.helpWanted,
        urgency: 'routine',
      },
      consent: {
        scopes: consent ? ['share-with-employment-team', 'contact-employers'] : ['share-with-employment-team'],
        method: 'verbal',
        givenOn: today,
        recordedBy: user.displayName,
        active: true,
      },
    },
    retention: {
      referredBy,
      employerName: b.employerName,
      jobTitle: b.jobTitle,
      hoursPerWeek: b.hoursPerWeek,
      absentNow: b.absentNow,
      absenceSpells: b.absenceSpells,
      absenceDays: b.absenceDays,
      employerConsent: consent,
      employerConsentOn: b.employerConsentOn,
      employerContactName: b.employerContactName ?? '',
    },
    ...(hasNote ? { fitNote: fitNoteInput(b) } : {}),
  };
}

/** Issues about nested answers (`retention.jobTitle`, `person.givenName`) shown beside the form's flat fields. */
export async function flatIssues<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid-input')
      throw new InvalidInput(error.issues.map((i) => ({ ...i, path: i.path.split('.').pop() ?? i.path })));
    throw error;
  }
}

/** The plan form: adjustments, who does what, the conversation with the employer, Access to Work, the weeks and sharing. */
export function planFields(
  values: FieldValues,
  t: Translate,
  o: { decisions: readonly { id: string; label: string }[]; contacts: readonly { id: string; name: string }[]; consent: boolean },
): Field[] {
  const s = { values };
  const fields: Field[] = [
    textarea(s, 'adjustments', t('retention.plan.adjustments'), { rows: 4, hint: t('retention.plan.adjustmentsHint') }),
    dateInput(s, 'conversationOn', t('retention.plan.conversationOn'), t, { hint: t('retention.dateHint') }),
    input(s, 'conversationWith', t('retention.plan.conversationWith')),
    textarea(s, 'conversationSummary', t('retention.plan.conversationSummary'), { rows: 3 }),
  ];
  for (let i = 1; i <= ACTION_ROWS; i++) {
    fields.push(
      select(s, `action${i}Owner`, t('retention.plan.actionOwner', { n: i }), [
        { value: '', text: '' },
        ...PLAN_OWNERS.map((p) => ({ value: p, text: t(`retention.owner.${p}`) })),
      ]),
      input(s, `action${i}What`, t('retention.plan.actionWhat', { n: i })),
    );
  }
  if (o.decisions.length)
    fields.push(
      radios(s, 'accessToWorkDecisionId', t('retention.plan.accessToWork'), [
        { value: '', text: t('retention.plan.accessToWorkNone') },
        ...o.decisions.map((d) => ({ value: d.id, text: d.label })),
      ]),
    );
  fields.push(
    dateInput(s, 'startsOn', t('retention.plan.startsOn'), t, { hint: t('retention.dateHint') }),
    input(s, 'reviewEvery', t('retention.plan.reviewEvery'), { width: 2, numeric: true, hint: t('retention.plan.reviewEveryHint') }),
  );
  for (let i = 1; i <= WEEK_ROWS; i++)
    fields.push(
      input(s, `week${i}Hours`, t('retention.plan.weekHours', { n: i }), { width: 3, numeric: true }),
      input(s, `week${i}Duties`, t('retention.plan.weekDuties', { n: i })),
    );
  if (o.consent && o.contacts.length)
    fields.push(
      radios(s, 'shareWithEmployer', t('retention.plan.share'), [
        { value: 'yes', text: t('retention.plan.shareYes') },
        { value: 'no', text: t('retention.plan.shareNo') },
      ]),
      radios(
        s,
        'employerContactUserId',
        t('retention.plan.contact'),
        o.contacts.map((c) => ({ value: c.id, text: c.name })),
      ),
    );
  return fields;
}

/** The plan form's rows as the service takes them: blank rows left out. */
export function planInput(b: Record<string, unknown>) {
  const actions = [];
  for (let i = 1; i <= ACTION_ROWS; i++)
    if (b[`action${i}Owner`] || b[`action${i}What`]) actions.push({ owner: b[`action${i}Owner`], what: b[`action${i}What`] });
  const weeks = [];
  for (let i = 1; i <= WEEK_ROWS; i++)
    if (b[`week${i}Hours`] || b[`week${i}Duties`]) weeks.push({ hours: b[`week${i}Hours`], duties: b[`week${i}Duties`] ?? '' });
  return {
    adjustments: b.adjustments ?? '',
    actions,
    conversationOn: b.conversationOn,
    conversationWith: b.conversationWith,
    conversationSummary: b.conversationSummary,
    accessToWorkDecisionId: b.accessToWorkDecisionId || undefined,
    startsOn: b.startsOn,
    reviewEvery: b.reviewEvery,
    weeks,
    shareWithEmployer: b.shareWithEmployer ?? 'no',
    employerContactUserId: b.employerContactUserId,
  };
}

export const reviewFields = (values: FieldValues, t: Translate): Field[] => [textarea({ values }, 'note', t('retention.review.note'), { rows: 4 })];

export function outcomeFields(values: FieldValues, t: Translate): Field[] {
  const s = { values };
  return [
    radios(
      s,
      'workStatus',
      t('retention.outcome.workStatus'),
      WORK_STATUSES.map((w) => ({ value: w, text: t(`retention.workStatus.${w}`) })),
    ),
    radios(s, 'sameEmployer', t('retention.outcome.sameEmployer'), yesNo(t), { inline: true }),
    radios(
      s,
      'leftReason',
      t('retention.outcome.leftReason'),
      LEFT_REASONS.map((r) => ({ value: r, text: t(`retention.leftReason.${r}`) })),
      { hint: t('retention.outcome.leftReasonHint') },
    ),
    input(s, 'absenceDaysAfter', t('retention.outcome.daysAfter'), { width: 3, numeric: true, hint: t('retention.outcome.daysAfterHint') }),
  ];
}
