import { z } from 'zod';
import { amount, isoDate } from '../../platform/errors/index.ts';
import { REGIMES } from '../participation/index.ts';
import {
  APPOINTMENT_MODES,
  APPOINTMENT_OUTCOMES,
  CLOSURE_REASONS,
  CONTRACT_TYPES,
  MANAGED_CONSENTS,
  PHASES,
  PLAN_OWNERS,
  PLAN_STATUSES,
  STAFF_NOTE_KINDS,
} from './case.ts';

// Messages are catalogue keys: pages show them in English or Welsh, machines get English.
const text = (max: number, required: string) => z.string({ error: required }).trim().min(1, required).max(max, 'cases.error.tooLong');
const optionalText = (max: number) => z.string({ error: 'cases.error.text' }).trim().max(max, 'cases.error.tooLong').default('');
const optionalDate = (message: string) =>
  z
    .union([z.literal(''), isoDate(message)], { error: message })
    .optional()
    .transform((v) => (v ? v : null));
/** Form checkboxes arrive as 'true'/'on' or not at all; JSON sends booleans. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', 'yes', 'no'])], { error: 'cases.error.flag' })
  .optional()
  .transform((v) => v === true || v === 'true' || v === 'on' || v === 'yes');
const id = (message: string) => z.uuid(message);

export const profileSchema = z.object({
  workHistory: optionalText(4000),
  skills: optionalText(4000),
  qualifications: optionalText(4000),
  interests: optionalText(4000),
  wants: optionalText(4000),
  doesNotWant: optionalText(4000),
  helps: optionalText(4000),
  getsInTheWay: optionalText(4000),
  healthInOwnWords: optionalText(4000),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const planItemSchema = z.object({
  kind: z.enum(['goal', 'action'], { error: 'cases.error.planKind' }),
  goalId: z
    .union([z.literal(''), id('cases.error.goal')])
    .optional()
    .transform((v) => (v ? v : null)),
  text: text(500, 'cases.error.planText'),
  owner: z.enum(PLAN_OWNERS, { error: 'cases.error.planOwner' }),
  dueOn: optionalDate('cases.error.date'),
});
export const planStatusSchema = z.object({ status: z.enum(PLAN_STATUSES, { error: 'cases.error.planStatus' }) });
/** What a participant adds to their own plan: always an action they own. */
export const ownActionSchema = z.object({ text: text(500, 'cases.error.planText'), dueOn: optionalDate('cases.error.date') });

export const appointmentSchema = z.object({
  date: isoDate('cases.error.appointmentDate'),
  time: z.string({ error: 'cases.error.appointmentTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'cases.error.appointmentTime'),
  mode: z.enum(APPOINTMENT_MODES, { error: 'cases.error.appointmentMode' }),
  place: optionalText(200),
  /** Regime-governed: refused by policy for voluntary participants. */
  mandatory: flag,
  /** Regime-governed: a letter that mentions obligations or consequences. */
  obligationWording: flag,
});
export type AppointmentInput = z.output<typeof appointmentSchema>;
export const outcomeSchema = z.object({
  outcome: z.enum(APPOINTMENT_OUTCOMES, { error: 'cases.error.outcome' }),
  note: optionalText(1000),
});

export const noteSchema = z.object({ kind: z.enum(STAFF_NOTE_KINDS, { error: 'cases.error.noteKind' }), body: text(4000, 'cases.error.noteBody') });
export const ownNoteSchema = z.object({ body: text(4000, 'cases.error.noteBody') });

/** An amount that may be left out (blank, null or missing): then it is not recorded. */
const optionalAmount = (min: number, max: number, message: string) =>
  z
    .union([z.literal(''), z.null(), amount(min, max, message)], { error: message })
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const jobStartSchema = z.object({
  employer: text(200, 'cases.error.employer'),
  role: text(200, 'cases.error.role'),
  hoursPerWeek: amount(0.5, 100, 'cases.error.hours'),
  /** Pounds an hour; may be left blank when not known yet, and then the job cannot count as sustained work until it is. */
  hourlyPay: optionalAmount(0, 1000, 'cases.error.pay'),
  contractType: z.enum(CONTRACT_TYPES, { error: 'cases.error.contract' }),
  startDate: isoDate('cases.error.startDate'),
});
export const jobWeekSchema = z.object({
  week: z
    .union([z.number(), z.string().regex(/^\d+$/, 'cases.error.week')], { error: 'cases.error.week' })
    .transform(Number)
    .pipe(z.number().int('cases.error.week').min(1, 'cases.error.week').max(520, 'cases.error.week')),
  hours: amount(0, 100, 'cases.error.weekHours'),
  /** The hourly pay that week, when it is not the job's (a pay rise, or pay recorded late). */
  hourlyPay: optionalAmount(0, 1000, 'cases.error.pay'),
});
export const jobEndSchema = z.object({ endDate: isoDate('cases.error.endDate'), reason: text(500, 'cases.error.endReason') });

export const phaseSchema = z.object({ phase: z.enum(PHASES, { error: 'cases.error.phase' }), reason: optionalText(1000) });
export const closeSchema = z
  .object({ reason: z.enum(CLOSURE_REASONS, { error: 'cases.error.closureReason' }), note: optionalText(1000) })
  .refine((v) => v.reason !== 'other' || v.note.length > 0, { path: ['note'], message: 'cases.error.closureNote' });
export const reengageSchema = z.object({ reason: text(1000, 'cases.error.reason') });
export const reassignSchema = z.object({ specialistUserId: id('cases.error.specialist'), reason: text(1000, 'cases.error.reason') });
export const regimeSchema = z.object({ regime: z.enum(REGIMES, { error: 'cases.error.regime' }), reason: text(1000, 'cases.error.reason') });
export const consentChangeSchema = z.object({
  scopes: z
    .union([z.enum(MANAGED_CONSENTS), z.array(z.enum(MANAGED_CONSENTS))], { error: 'cases.error.consent' })
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])]),
});
export const breakGlassSchema = z.object({
  reason: z.string({ error: 'cases.error.breakGlassReason' }).trim().min(10, 'cases.error.breakGlassReason').max(1000, 'cases.error.tooLong'),
});
export const reviewSchema = z.object({ outcome: z.enum(['justified', 'not-justified'], { error: 'cases.error.reviewOutcome' }), note: optionalText(1000) });
export const healthTeamSchema = z.object({ userId: id('cases.error.healthTeamMember') });
export const complianceReportSchema = z.object({
  appointmentId: z
    .union([z.literal(''), id('cases.error.appointment')])
    .optional()
    .transform((v) => (v ? v : null)),
  details: text(2000, 'cases.error.reportDetails'),
});
/** How the person wants to be contacted, and what helps them take part. */
export const detailsSchema = z.object({
  accessibilityNeeds: optionalText(1000),
  preferredLanguage: z.enum(['en', 'cy'], { error: 'cases.error.language' }),
  contactMethod: z.enum(['email', 'phone', 'text', 'post'], { error: 'cases.error.contactMethod' }),
});
export const leaveSchema = z.object({ confirm: z.enum(['yes'], { error: 'cases.error.leaveConfirm' }) });
export const signInLinkSchema = z.object({ email: z.email('cases.error.email').trim().max(320, 'cases.error.email') });

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error: message }).int(message).min(min, message).max(max, message),
  );
/** A tenant's case settings; messages are catalogue keys of the settings page. */
export const caseSettingsSchema = z.object({
  ipsCaseloadLimit: wholeNumber(1, 100, 'caseload.settings.error.limit'),
  breakGlassHours: wholeNumber(1, 24, 'caseload.settings.error.hours'),
});

/** The GOV.UK standard equality monitoring questions: every answer optional, "prefer not to say" on each. */
export const equalitySchema = z.object({
  sex: z.enum(['female', 'male', 'prefer-not-to-say', 'not-answered'], { error: 'participant.equality.error' }).default('not-answered'),
  ageGroup: z
    .enum(['16-24', '25-34', '35-49', '50-64', '65-plus', 'prefer-not-to-say', 'not-answered'], { error: 'participant.equality.error' })
    .default('not-answered'),
  ethnicity: z
    .enum(['asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say', 'not-answered'], { error: 'participant.equality.error' })
    .default('not-answered'),
  disability: z.enum(['yes', 'no', 'prefer-not-to-say', 'not-answered'], { error: 'participant.equality.error' }).default('not-answered'),
});
