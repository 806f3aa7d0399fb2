import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/index.ts';
import type { Regime } from '../participation/index.ts';
import type { Person } from '../referrals/index.ts';

/** Case phases, in the order work usually moves through them. */
export const PHASES = ['engagement', 'vocational-profile', 'job-search', 'in-work', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
export const CLOSURE_REASONS = ['sustained-work', 'left-programme', 'moved-away', 'no-longer-engaging', 'needs-other-support', 'died', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const APPOINTMENT_MODES = ['in-person', 'phone', 'video'] as const;
export const APPOINTMENT_OUTCOMES = ['attended', 'rearranged', 'did-not-attend'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];
/** Note kinds staff write; `participant` is a note the person adds themselves. */
export const STAFF_NOTE_KINDS = ['contact', 'health-liaison', 'employer-contact', 'benefits-advice', 'in-work-support'] as const;
export type NoteKind = (typeof STAFF_NOTE_KINDS)[number] | 'participant';
/** Health-team liaison notes are health information: they follow the health-field rules. */
export const HEALTH_NOTE_KINDS: readonly NoteKind[] = ['health-liaison'];
export const CONTRACT_TYPES = ['permanent', 'fixed-term', 'temporary', 'zero-hours', 'apprenticeship', 'self-employed'] as const;
export const PLAN_OWNERS = ['participant', 'specialist'] as const;
export const PLAN_STATUSES = ['open', 'done', 'dropped'] as const;
/** The consents a participant manages; sharing with the employment team is what the service is. */
export const CONSENT_SCOPES = ['share-with-employment-team', 'share-with-health-team', 'contact-employers', 'share-with-jobcentre'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const MANAGED_CONSENTS = ['share-with-health-team', 'contact-employers', 'share-with-jobcentre'] as const satisfies readonly ConsentScope[];

/** Why a reader may (or may not) see health fields on a case. */
export type Relationship = 'assigned-specialist' | 'team-lead' | 'health-team' | 'break-glass' | 'none';

export type CaseSummary = {
  id: string;
  participantId: string;
  referralId: string;
  referralReference: string;
  teamId: string;
  teamName: string;
  specialistUserId: string | null;
  specialistName: string | null;
  phase: Phase;
  regime: Regime;
  personName: string;
  youngPerson: boolean;
  openedAt: Date;
  closedAt: Date | null;
  closureReason: ClosureReason | null;
  closureNote: string | null;
  lastContactAt: Date | null;
  nextAppointmentAt: Date | null;
  version: number;
};

/** The person (as the referrals keep them) and what being a participant adds. */
export type Participant = Omit<Person, 'id'> & {
  id: string;
  personId: string;
  accessibilityNeeds: string;
  regime: Regime;
  regimeReason: string | null;
  consentScopes: ConsentScope[];
};

/** The health fields of a case: only a reader with a working relationship gets these. */
export type HealthFields = {
  conditionsText: string;
  conditionCategories: string[];
  fitNote: string;
  fitNoteAdvice: string | null;
  healthInOwnWords: string;
};

export type VocationalProfile = {
  workHistory: string;
  skills: string;
  qualifications: string;
  interests: string;
  wants: string;
  doesNotWant: string;
  helps: string;
  getsInTheWay: string;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type PlanItem = {
  id: string;
  kind: 'goal' | 'action';
  goalId: string | null;
  text: string;
  owner: 'participant' | 'specialist';
  dueOn: string | null;
  status: 'open' | 'done' | 'dropped';
  addedBy: 'participant' | 'staff';
  createdAt: Date;
};

export type Appointment = {
  id: string;
  startsAt: Date;
  mode: 'in-person' | 'phone' | 'video';
  place: string;
  mandatory: boolean;
  outcome: AppointmentOutcome | null;
  outcomeNote: string | null;
  followUpOf: string | null;
};

export type CaseNote = { id: string; kind: NoteKind; body: string; authorName: string; authorKind: string; at: Date };

export type Job = {
  id: string;
  employer: string;
  role: string;
  hoursPerWeek: number;
  /** Pounds an hour, or null when not recorded: a job without pay never counts as sustained work. */
  hourlyPay: number | null;
  contractType: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  sustainedOn: string | null;
  /** Hours worked each week, and the hourly pay that week when it was recorded (else the job's). */
  weeks: { week: number; hours: number; hourlyPay: number | null }[];
};

export type CaseEvent = {
  id: string;
  at: Date;
  actorName: string;
  kind: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown>;
};

export type BreakGlassGrant = { id: string; caseId: string; userId: string; userName: string; reason: string; grantedAt: Date; expiresAt: Date };

/** A case as one reader may see it: health fields only with a working relationship. */
export type CaseView = {
  summary: CaseSummary;
  participant: Participant;
  relationship: Relationship;
  health: HealthFields | null;
  profile: VocationalProfile;
  plan: PlanItem[];
  appointments: Appointment[];
  notes: CaseNote[];
  jobs: Job[];
  events: CaseEvent[];
  healthTeam: { userId: string; name: string }[];
  breakGlass: BreakGlassGrant | null;
};

type Numeric = import('kysely').ColumnType<string | number, string | number, string | number>;

export type CaseTables = {
  case_events: {
    tenant_id: string;
    id: string;
    case_id: string;
    at: Timestamp;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    kind: string;
    from_value: string | null;
    to_value: string | null;
    reason: string | null;
    details: import('../../platform/db/index.ts').Json;
  };
  vocational_profiles: {
    tenant_id: string;
    case_id: string;
    work_history: string;
    skills: string;
    qualifications: string;
    interests: string;
    wants: string;
    does_not_want: string;
    helps: string;
    gets_in_the_way: string;
    health_in_own_words: string;
    updated_at: Timestamp;
    updated_by: string;
  };
  plan_items: {
    tenant_id: string;
    id: string;
    case_id: string;
    kind: 'goal' | 'action';
    goal_id: string | null;
    text: string;
    owner: 'participant' | 'specialist';
    due_on: string | null;
    status: Generated<'open' | 'done' | 'dropped'>;
    added_by: 'participant' | 'staff';
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  appointments: {
    tenant_id: string;
    id: string;
    case_id: string;
    starts_at: Timestamp;
    mode: 'in-person' | 'phone' | 'video';
    place: string;
    mandatory: boolean;
    outcome: AppointmentOutcome | null;
    outcome_note: string | null;
    follow_up_of: string | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  case_notes: {
    tenant_id: string;
    id: string;
    case_id: string;
    kind: NoteKind;
    body: string;
    author_kind: string;
    author_id: string;
    author_name: string;
    at: Timestamp;
  };
  case_jobs: {
    tenant_id: string;
    id: string;
    case_id: string;
    employer: string;
    role: string;
    hours_per_week: Numeric;
    hourly_pay: Numeric | null;
    contract_type: string;
    start_date: string;
    end_date: string | null;
    end_reason: string | null;
    sustained_on: string | null;
    /** When the 26-week sustained-work outcome was met (migration 0018). */
    sustained_26_on: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  case_job_weeks: { tenant_id: string; job_id: string; week: number; hours: Numeric; hourly_pay: Numeric | null };
  case_health_team: { tenant_id: string; case_id: string; user_id: string; added_at: Timestamp };
  break_glass_grants: {
    tenant_id: string;
    id: string;
    case_id: string;
    user_id: string;
    reason: string;
    granted_at: Timestamp;
    expires_at: Timestamp;
    reviewed_at: Timestamp | null;
    reviewed_by: string | null;
    review_outcome: 'justified' | 'not-justified' | null;
    review_note: string | null;
  };
  compliance_reports: {
    tenant_id: string;
    id: string;
    case_id: string;
    appointment_id: string | null;
    details: string;
    created_by: string;
    created_at: Timestamp;
  };
  participant_links: { tenant_id: string; token_hash: string; participant_id: string; expires_at: Timestamp; used_at: Timestamp | null };
  participant_sessions: { tenant_id: string; id_hash: string; participant_id: string; created_at: Timestamp; expires_at: Timestamp };
};
