import { z } from 'zod';
import { isoDate } from '../../../platform/errors/index.ts';
import type { Answers, DraftRoute } from '../draft-service.ts';
import {
  BENEFITS,
  CLINICAL_SERVICES,
  CONDITION_CATEGORIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONTACT_METHODS,
  FIT_NOTES,
  LANGUAGES,
  URGENCIES,
} from '../referral.ts';
import { ageOn } from '../referral-rules.ts';
import { contextFields, personFields } from '../referral-schemas.ts';

export type Audience = 'staff' | 'self';
/** `exclusive`: the GOV.UK "none of these" choice, shown after an "or" divider, that unticks the others. */
export type Option = { value: string; textKey: string; hint?: string; exclusive?: boolean; selfTextKey?: string };
export type Field = {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'radios' | 'checkboxes';
  labelKey: string;
  /** The public's own words where the staff words would not do (labels, hints, check answers). */
  self?: { label?: string; hint?: string; summary?: string };
  hintKey?: string;
  /** The label on the check-answers page, where "(optional)" means nothing: the answer is shown. */
  summaryKey?: string;
  options?: readonly Option[];
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email';
  width?: string;
};
export type Step = {
  slug: string;
  title: string;
  fields: readonly Field[];
  schema: z.ZodType;
  /** Shown on check answers as one row under this label (an address), not a row per field. */
  summaryKey?: string;
  routes?: readonly DraftRoute[];
  applies?: (answers: Answers, today: string) => boolean;
};

/**
 * The referral's three parts, in order: each question page names its part in a caption (as GOV.UK
 * question pages do, so a 15-question journey has a sense of where it is), and check answers
 * groups its rows under the same headings.
 */
export const SECTIONS: readonly { key: 'person' | 'context' | 'consent'; slugs: readonly string[] }[] = [
  { key: 'person', slugs: ['name', 'date-of-birth', 'nhs-number', 'address', 'contact', 'language', 'contact-method'] },
  { key: 'context', slugs: ['service', 'conditions', 'fit-note', 'benefits', 'help', 'urgency', 'young-person', 'jobcentre'] },
  { key: 'consent', slugs: ['consent', 'consent-self', 'team'] },
];

/** The part of the referral a question page belongs to, and its place among the parts. */
export function sectionOf(slug: string): { key: 'person' | 'context' | 'consent'; number: number } | null {
  const index = SECTIONS.findIndex((s) => s.slugs.includes(slug));
  const section = SECTIONS[index];
  return section ? { key: section.key, number: index + 1 } : null;
}

const opts = (values: readonly string[], prefix: string): Option[] => values.map((v) => ({ value: v, textKey: `${prefix}.${v}` }));
const yesNo = z.enum(['yes', 'no'], { error: 'referrals.error.youngPerson' });
const staffRoutes: readonly DraftRoute[] = ['clinician', 'jobcentre'];
const p = personFields.shape;
const c = contextFields.shape;

/**
 * The referral questions, one thing per page (GOV.UK "question pages"), as data. Each step checks
 * its own answers; the whole referral is checked again when it is sent.
 */
export const STEPS: readonly Step[] = [
  {
    slug: 'name',
    title: 'referrals.q.name',
    fields: [
      { name: 'givenName', kind: 'text', labelKey: 'referrals.field.givenName', autocomplete: 'given-name', width: 'govuk-!-width-two-thirds' },
      { name: 'familyName', kind: 'text', labelKey: 'referrals.field.familyName', autocomplete: 'family-name', width: 'govuk-!-width-two-thirds' },
    ],
    schema: z.object({ givenName: p.givenName, familyName: p.familyName }),
  },
  {
    slug: 'date-of-birth',
    title: 'referrals.q.dateOfBirth',
    fields: [{ name: 'dateOfBirth', kind: 'date', labelKey: 'referrals.field.dateOfBirth', hintKey: 'referrals.field.dateOfBirthHint', autocomplete: 'bday' }],
    schema: z.object({ dateOfBirth: p.dateOfBirth }),
  },
  {
    slug: 'nhs-number',
    title: 'referrals.q.nhsNumber',
    fields: [
      {
        name: 'nhsNumber',
        kind: 'text',
        labelKey: 'referrals.field.nhsNumber',
        hintKey: 'referrals.field.nhsNumberHint',
        inputmode: 'numeric',
        width: 'govuk-input--width-10',
      },
    ],
    schema: z.object({ nhsNumber: p.nhsNumber }),
  },
  {
    slug: 'address',
    title: 'referrals.q.address',
    summaryKey: 'referrals.check.address',
    fields: [
      { name: 'addressLine1', kind: 'text', labelKey: 'referrals.field.addressLine1', autocomplete: 'address-line1' },
      {
        name: 'addressLine2',
        kind: 'text',
        labelKey: 'referrals.field.addressLine2',
        summaryKey: 'referrals.check.addressLine2',
        autocomplete: 'address-line2',
      },
      {
        name: 'town',
        kind: 'text',
        labelKey: 'referrals.field.town',
        summaryKey: 'referrals.check.town',
        autocomplete: 'address-level2',
        width: 'govuk-!-width-two-thirds',
      },
      { name: 'postcode', kind: 'text', labelKey: 'referrals.field.postcode', autocomplete: 'postal-code', width: 'govuk-input--width-10' },
    ],
    schema: z.object({ addressLine1: p.addressLine1, addressLine2: p.addressLine2, town: p.town, postcode: p.postcode }),
  },
  {
    slug: 'contact',
    title: 'referrals.q.contact',
    fields: [
      {
        name: 'phone',
        kind: 'text',
        labelKey: 'referrals.field.phone',
        summaryKey: 'referrals.check.phone',
        autocomplete: 'tel',
        inputmode: 'tel',
        width: 'govuk-input--width-20',
      },
      { name: 'email', kind: 'text', labelKey: 'referrals.field.email', summaryKey: 'referrals.check.email', autocomplete: 'email', inputmode: 'email' },
    ],
    schema: z.object({ phone: p.phone, email: p.email }),
  },
  {
    slug: 'language',
    title: 'referrals.q.language',
    fields: [{ name: 'preferredLanguage', kind: 'radios', labelKey: 'referrals.field.language', options: opts(LANGUAGES, 'referrals.language') }],
    schema: z.object({ preferredLanguage: p.preferredLanguage }),
  },
  {
    slug: 'contact-method',
    title: 'referrals.q.contactMethod',
    fields: [
      {
        name: 'contactMethod',
        kind: 'radios',
        labelKey: 'referrals.field.contactMethod',
        self: { label: 'referrals.self.field.contactMethod' },
        options: opts(CONTACT_METHODS, 'referrals.contactMethod'),
      },
      {
        name: 'doNotContact',
        kind: 'checkboxes',
        labelKey: 'referrals.field.doNotContact',
        summaryKey: 'referrals.check.doNotContact',
        hintKey: 'referrals.field.doNotContactHint',
        self: { label: 'referrals.self.field.doNotContact', hint: 'referrals.self.field.doNotContactHint', summary: 'referrals.self.check.doNotContact' },
        options: opts(['phone', 'text', 'email', 'post'], 'referrals.dnc'),
      },
    ],
    schema: z.object({ contactMethod: p.contactMethod, doNotContact: p.doNotContact }),
  },
  {
    slug: 'service',
    title: 'referrals.q.service',
    routes: ['clinician'],
    fields: [{ name: 'referringService', kind: 'radios', labelKey: 'referrals.field.referringService', options: opts(CLINICAL_SERVICES, 'referrals.service') }],
    schema: z.object({ referringService: c.referringService }),
  },
  {
    slug: 'conditions',
    title: 'referrals.q.conditions',
    fields: [
      {
        name: 'conditionsText',
        kind: 'textarea',
        labelKey: 'referrals.field.conditionsText',
        summaryKey: 'referrals.check.conditionsText',
        self: { label: 'referrals.field.conditionsTextSelf', summary: 'referrals.self.check.conditionsText' },
      },
      {
        name: 'conditionCategories',
        kind: 'checkboxes',
        labelKey: 'referrals.field.conditionCategories',
        summaryKey: 'referrals.check.conditionCategories',
        self: { label: 'referrals.self.field.conditionCategories', summary: 'referrals.self.check.conditionCategories' },
        options: opts(CONDITION_CATEGORIES, 'referrals.category'),
      },
    ],
    schema: z.object({ conditionsText: c.conditionsText, conditionCategories: c.conditionCategories }),
  },
  {
    slug: 'fit-note',
    title: 'referrals.q.fitNote',
    fields: [
      {
        name: 'fitNote',
        kind: 'radios',
        labelKey: 'referrals.field.fitNote',
        self: { label: 'referrals.self.field.fitNote' },
        options: FIT_NOTES.map((v) => ({ value: v, textKey: `referrals.fitNote.${v}`, selfTextKey: `referrals.self.fitNote.${v}` })),
      },
      {
        name: 'fitNoteAdvice',
        kind: 'textarea',
        labelKey: 'referrals.field.fitNoteAdvice',
        summaryKey: 'referrals.check.fitNoteAdvice',
        hintKey: 'referrals.field.fitNoteAdviceHint',
        self: { label: 'referrals.self.field.fitNoteAdvice', hint: 'referrals.self.field.fitNoteAdviceHint', summary: 'referrals.self.check.fitNoteAdvice' },
      },
    ],
    schema: z.object({ fitNote: c.fitNote, fitNoteAdvice: c.fitNoteAdvice }),
  },
  {
    slug: 'benefits',
    title: 'referrals.q.benefits',
    fields: [
      {
        name: 'benefits',
        kind: 'checkboxes',
        labelKey: 'referrals.field.benefits',
        hintKey: 'referrals.field.benefitsHint',
        // "None" last, after the GOV.UK "or" divider, and exclusive; the schema refuses it with others when JS is off.
        options: [
          ...opts(
            BENEFITS.filter((b) => b !== 'none'),
            'referrals.benefit',
          ),
          { value: 'none', textKey: 'referrals.benefit.none', exclusive: true },
        ],
      },
    ],
    schema: z
      .object({ benefits: c.benefits })
      .refine((b) => !(b.benefits.includes('none') && b.benefits.length > 1), { path: ['benefits'], message: 'referrals.error.benefitsNone' }),
  },
  {
    slug: 'help',
    title: 'referrals.q.help',
    fields: [
      {
        name: 'helpWanted',
        kind: 'textarea',
        labelKey: 'referrals.field.helpWanted',
        hintKey: 'referrals.field.helpWantedHint',
        self: { hint: 'referrals.self.field.helpWantedHint', summary: 'referrals.self.check.helpWanted' },
      },
    ],
    schema: z.object({ helpWanted: c.helpWanted }),
  },
  {
    slug: 'urgency',
    title: 'referrals.q.urgency',
    fields: [
      {
        name: 'urgency',
        kind: 'radios',
        labelKey: 'referrals.field.urgency',
        self: { summary: 'referrals.self.check.urgency' },
        options: URGENCIES.map((v) => ({ value: v, textKey: `referrals.urgency.${v}`, selfTextKey: `referrals.self.urgency.${v}` })),
      },
    ],
    schema: z.object({ urgency: c.urgency }),
  },
  {
    slug: 'young-person',
    title: 'referrals.q.youngPerson',
    // Only asked of 16 to 24 year olds: the youth pathway's question.
    applies: (a, today) => typeof a.dateOfBirth === 'string' && ageOn(a.dateOfBirth, today) >= 16 && ageOn(a.dateOfBirth, today) <= 24,
    fields: [
      {
        name: 'inEducationEmploymentOrTraining',
        kind: 'radios',
        labelKey: 'referrals.field.neet',
        self: { summary: 'referrals.self.check.neet' },
        options: [
          { value: 'no', textKey: 'referrals.neet.no' },
          { value: 'yes', textKey: 'referrals.neet.yes' },
        ],
      },
    ],
    schema: z.object({ inEducationEmploymentOrTraining: yesNo }),
  },
  {
    slug: 'jobcentre',
    title: 'referrals.q.jobcentre',
    routes: ['jobcentre'],
    fields: [
      { name: 'shortTermUnemployed', kind: 'radios', labelKey: 'referrals.field.shortTermUnemployed', options: opts(['yes', 'no'], 'referrals') },
      {
        name: 'conditionalityRequested',
        kind: 'radios',
        labelKey: 'referrals.field.conditionality',
        hintKey: 'referrals.field.conditionalityHint',
        options: opts(['no', 'yes'], 'referrals'),
      },
    ],
    schema: z.object({
      shortTermUnemployed: z.enum(['yes', 'no'], { error: 'referrals.error.shortTermUnemployed' }),
      conditionalityRequested: z.enum(['yes', 'no'], { error: 'referrals.error.conditionality' }),
    }),
  },
  {
    slug: 'consent',
    title: 'referrals.q.consent',
    routes: staffRoutes,
    fields: [
      { name: 'consentScopes', kind: 'checkboxes', labelKey: 'referrals.field.consentScopes', options: opts(CONSENT_SCOPES, 'referrals.consentScope') },
      { name: 'consentMethod', kind: 'radios', labelKey: 'referrals.field.consentMethod', options: opts(CONSENT_METHODS, 'referrals.consentMethod') },
      { name: 'consentDate', kind: 'date', labelKey: 'referrals.field.consentDate' },
    ],
    schema: z.object({
      consentScopes: z
        .array(z.enum(CONSENT_SCOPES, { error: 'referrals.error.consentScopes' }))
        .refine((s) => s.includes('share-with-employment-team'), 'referrals.error.consentScopes'),
      consentMethod: z.enum(CONSENT_METHODS, { error: 'referrals.error.consentMethod' }),
      consentDate: isoDate('referrals.error.consentDate'),
    }),
  },
  {
    slug: 'consent-self',
    title: 'referrals.q.consent',
    routes: ['self'],
    fields: [
      {
        name: 'consentScopes',
        kind: 'checkboxes',
        labelKey: 'referrals.field.consentScopes',
        self: { hint: 'referrals.self.field.consentHint', summary: 'referrals.self.check.consent' },
        options: CONSENT_SCOPES.map((v) => ({ value: v, textKey: `referrals.consentScope.${v}`, selfTextKey: `referrals.self.consentScope.${v}` })),
      },
    ],
    schema: z.object({
      consentScopes: z
        .array(z.enum(CONSENT_SCOPES, { error: 'referrals.error.consentScopes' }))
        .refine((s) => s.includes('share-with-employment-team'), 'referrals.error.consentScopes'),
    }),
  },
  {
    slug: 'team',
    title: 'referrals.q.team',
    routes: staffRoutes,
    // Options are the routed teams with their capacity, filled in when the page is shown.
    fields: [{ name: 'teamId', kind: 'radios', labelKey: 'referrals.field.team', hintKey: 'referrals.field.teamHint' }],
    schema: z.object({ teamId: z.uuid('referrals.error.team') }),
  },
];

export function stepsFor(route: DraftRoute, answers: Answers, today: string): Step[] {
  return STEPS.filter((s) => (!s.routes || s.routes.includes(route)) && (!s.applies || s.applies(answers, today)));
}

/** The first step not yet answered, or null when every step has an answer. */
export function nextUnanswered(route: DraftRoute, answers: Answers, today: string): Step | null {
  return stepsFor(route, answers, today).find((s) => s.fields.every((f) => !(f.name in answers))) ?? null;
}

const pad = (v: string) => v.trim().padStart(2, '0');

/** Reads one page's form body into raw values for its schema: dates from three boxes, checkboxes as arrays. */
export function readForm(step: Step, body: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const f of step.fields) {
    if (f.kind === 'date') {
      const [d, m, y] = ['day', 'month', 'year'].map((part) => str(body[`${f.name}-${part}`]) ?? '');
      raw[f.name] = d || m || y ? `${(y ?? '').trim()}-${pad(m ?? '')}-${pad(d ?? '')}` : '';
    } else if (f.kind === 'checkboxes') {
      const v = body[f.name];
      raw[f.name] = Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' && v !== '' ? [v] : [];
    } else {
      const v = str(body[f.name]);
      // An empty optional box is "not given"; a required one is caught by its schema.
      raw[f.name] = f.kind === 'radios' ? v : v === undefined || v.trim() === '' ? undefined : v;
    }
  }
  return raw;
}

/** The whole referral from a draft's answers, in the shape the service checks. */
export function referralInput(route: DraftRoute, a: Answers, who: { name: string; today: string }) {
  const self = route === 'self';
  return {
    person: {
      givenName: a.givenName,
      familyName: a.familyName,
      dateOfBirth: a.dateOfBirth,
      nhsNumber: a.nhsNumber ?? undefined,
      addressLine1: a.addressLine1,
      addressLine2: a.addressLine2 ?? undefined,
      town: a.town ?? undefined,
      postcode: a.postcode,
      phone: a.phone ?? undefined,
      email: a.email ?? undefined,
      preferredLanguage: a.preferredLanguage,
      contactMethod: a.contactMethod,
      doNotContact: a.doNotContact ?? [],
    },
    context: {
      referringService: self ? 'self' : route === 'jobcentre' ? 'jobcentre' : a.referringService,
      conditionsText: a.conditionsText ?? '',
      conditionCategories: a.conditionCategories ?? [],
      fitNote: a.fitNote,
      fitNoteAdvice: a.fitNoteAdvice ?? undefined,
      benefits: a.benefits,
      helpWanted: a.helpWanted,
      urgency: a.urgency,
      notInEducationEmploymentOrTraining: a.inEducationEmploymentOrTraining === 'no',
    },
    consent: {
      scopes: a.consentScopes,
      method: self ? 'online' : a.consentMethod,
      givenOn: self ? who.today : a.consentDate,
      recordedBy: self ? 'The person, online' : who.name,
      active: true,
    },
    ...(route === 'jobcentre'
      ? { jobcentre: { shortTermUnemployed: a.shortTermUnemployed === 'yes', conditionalityRequested: a.conditionalityRequested === 'yes' } }
      : {}),
    ...(typeof a.teamId === 'string' ? { teamId: a.teamId } : {}),
  };
}

/** Which page asks for a field: where the check-answers page sends an error's link. */
export function stepOfField(route: DraftRoute, path: string): Step | undefined {
  const field = path.split('.').at(-1) ?? '';
  const aliases: Record<string, string> = {
    scopes: 'consentScopes',
    method: 'consentMethod',
    givenOn: 'consentDate',
    notInEducationEmploymentOrTraining: 'inEducationEmploymentOrTraining',
  };
  const name = aliases[field] ?? field;
  return STEPS.find((s) => (!s.routes || s.routes.includes(route)) && s.fields.some((f) => f.name === name));
}
