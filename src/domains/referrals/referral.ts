import type { Generated } from 'kysely';
import type { CreatedAt, Json, Timestamp } from '../../platform/db/index.ts';

export const REFERRAL_ROUTES = ['clinician', 'self', 'jobcentre', 'fhir'] as const;
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];

/** The services a referral comes from; teams say which of these they sit in. */
export const REFERRING_SERVICES = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'other', 'self', 'jobcentre'] as const;
export type ReferringService = (typeof REFERRING_SERVICES)[number];
/** What a clinician chooses from; `self` and `jobcentre` follow from the route. */
export const CLINICAL_SERVICES = ['gp', 'mental-health', 'addiction', 'rehabilitation', 'talking-therapies', 'other'] as const;

export const CONDITION_CATEGORIES = [
  'mental-health',
  'musculoskeletal',
  'long-term-condition',
  'neurological',
  'addiction',
  'learning-disability',
  'other',
] as const;
export const FIT_NOTES = ['none', 'not-fit', 'may-be-fit'] as const;
export type FitNote = (typeof FIT_NOTES)[number];
/** Benefits as the person reports them: a record of what they said, not a verified award. */
export const BENEFITS = ['none', 'uc', 'uc-lcw', 'uc-lcwra', 'esa', 'pip', 'other'] as const;
export const URGENCIES = ['routine', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const LANGUAGES = ['en', 'cy'] as const;
export const CONTACT_METHODS = ['email', 'phone', 'text', 'post'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONSENT_SCOPES = ['share-with-employment-team', 'share-with-health-team', 'contact-employers', 'share-with-jobcentre'] as const;
export const CONSENT_METHODS = ['verbal', 'written', 'online'] as const;
export const PROGRAMMES = ['ips', 'youth', 'retention'] as const;
export type Programme = (typeof PROGRAMMES)[number];
export const REGIMES = ['voluntary-health', 'voluntary-youth', 'conditional'] as const;
export type Regime = (typeof REGIMES)[number];

/** Gravity's referral Task statuses (no `received`/`ready`: those are business statuses here). */
export const REFERRAL_STATUSES = ['requested', 'accepted', 'rejected', 'cancelled', 'in-progress', 'on-hold', 'completed', 'failed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** Milestones, in order, carried in Task.businessStatus. */
export const MILESTONES = [
  'received',
  'triaged',
  'first-contact-attempted',
  'contacted',
  'first-appointment',
  'engaged',
  'job-start',
  'sustained-13-weeks',
] as const;
export type Milestone = (typeof MILESTONES)[number];
/** Structured reasons a team gives when it rejects (or closes) a referral; the referrer sees them. */
export const REJECTION_REASONS = ['out-of-area', 'not-eligible', 'at-capacity', 'person-declined', 'could-not-contact', 'duplicate', 'other'] as const;
export const CONTACT_OUTCOMES = ['contacted', 'no-answer', 'left-message', 'wrong-details'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type PersonMatch = 'new' | 'nhs-number' | 'details';

export type Person = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  addressLine1: string;
  addressLine2: string | null;
  town: string | null;
  postcode: string;
  phone: string | null;
  email: string | null;
  preferredLanguage: 'en' | 'cy';
  contactMethod: ContactMethod;
  doNotContact: string[];
};

export type Referral = {
  id: string;
  reference: string;
  identifier: { system: string; value: string };
  personId: string;
  personMatch: PersonMatch;
  /** The person's details as this referral gave them, which may differ from the person record. */
  submittedPerson: Omit<Person, 'id'>;
  route: ReferralRoute;
  referrer: { userId: string | null; clientId: string | null; organisationId: string | null; name: string };
  referringService: ReferringService;
  conditionsText: string;
  conditionCategories: string[];
  fitNote: FitNote;
  fitNoteAdvice: string | null;
  benefits: string[];
  helpWanted: string;
  urgency: Urgency;
  youngPerson: boolean;
  regime: Regime;
  regimeBasis: string;
  shortTermUnemployed: boolean | null;
  consent: { scopes: string[]; method: string; givenOn: string; recordedBy: string };
  teamId: string;
  ownerUserId: string | null;
  status: ReferralStatus;
  statusReason: string | null;
  reasonCode: string | null;
  milestone: Milestone;
  contactAttempts: number;
  firstContactDue: string;
  firstContactAt: Date | null;
  slaRemindedAt: Date | null;
  slaBreachedAt: Date | null;
  caseId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type ReferralEventKind = 'created' | 'status' | 'milestone' | 'rerouted' | 'contact-attempt' | 'service-level' | 'message-failed';
export type ReferralEvent = {
  id: string;
  at: Date;
  actorName: string;
  kind: ReferralEventKind;
  fromStatus: string | null;
  toStatus: string | null;
  milestone: string | null;
  reason: string | null;
  details: Record<string, unknown>;
};

export type Team = {
  id: string;
  organisationId: string;
  name: string;
  services: ReferringService[];
  postcodeDistricts: string[];
  programmes: Programme[];
  specialists: number;
  caseloadLimit: number;
  accepting: boolean;
};

/** The columns of `teams` a Team is made of. */
export const TEAM_COLUMNS = [
  'id',
  'organisation_id',
  'name',
  'services',
  'postcode_districts',
  'programmes',
  'specialists',
  'caseload_limit',
  'accepting',
] as const;

export type ReferralTables = {
  teams: {
    tenant_id: string;
    id: string;
    organisation_id: string;
    name: string;
    services: ReferringService[];
    postcode_districts: string[];
    programmes: Programme[];
    specialists: number;
    caseload_limit: number;
    accepting: boolean;
    /** Open referrals counted against the team's places, kept with every change that opens, closes or moves one. */
    open_referrals: Generated<number>;
    open_young_people: Generated<number>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  /** `fte`: the member's full-time equivalent (migration 0018), for caseloads per full-time specialist. */
  team_members: { tenant_id: string; team_id: string; user_id: string; fte: Generated<string | number> };
  people: {
    tenant_id: string;
    id: string;
    given_name: string;
    family_name: string;
    date_of_birth: string;
    nhs_number: string | null;
    address_line1: string;
    address_line2: string | null;
    town: string | null;
    postcode: string;
    phone: string | null;
    email: string | null;
    preferred_language: 'en' | 'cy';
    contact_method: ContactMethod;
    do_not_contact: string[];
    match_key: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  referrals: {
    tenant_id: string;
    id: string;
    reference: string;
    identifier_system: string;
    identifier_value: string;
    person_id: string;
    person_match: PersonMatch;
    submitted_person: Json;
    route: ReferralRoute;
    referrer_user_id: string | null;
    referrer_client_id: string | null;
    referrer_organisation_id: string | null;
    referrer_name: string;
    referring_service: ReferringService;
    conditions_text: string;
    condition_categories: string[];
    fit_note: FitNote;
    fit_note_advice: string | null;
    benefits: string[];
    help_wanted: string;
    urgency: Urgency;
    young_person: boolean;
    regime: Regime;
    regime_basis: string;
    short_term_unemployed: boolean | null;
    consent_scopes: string[];
    consent_method: string;
    consent_given_on: string;
    consent_recorded_by: string;
    team_id: string;
    owner_user_id: string | null;
    status: ReferralStatus;
    status_reason: string | null;
    reason_code: string | null;
    business_status: Milestone;
    contact_attempts: number;
    first_contact_due: string;
    first_contact_at: Timestamp | null;
    sla_reminded_at: Timestamp | null;
    sla_breached_at: Timestamp | null;
    case_id: string | null;
    version: number;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  referral_events: {
    tenant_id: string;
    id: string;
    referral_id: string;
    at: Timestamp;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    kind: ReferralEventKind;
    from_status: string | null;
    to_status: string | null;
    business_status: string | null;
    reason: string | null;
    details: Json;
  };
  referral_drafts: {
    tenant_id: string;
    token_hash: string;
    route: 'clinician' | 'self' | 'jobcentre';
    owner_user_id: string | null;
    answers: Json;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  participants: {
    tenant_id: string;
    id: string;
    person_id: string;
    regime: Regime;
    created_at: CreatedAt;
    accessibility_needs: Generated<string>;
    consent_scopes: string[];
    regime_reason: string | null;
    version: Generated<number>;
  };
  cases: {
    tenant_id: string;
    id: string;
    participant_id: string;
    referral_id: string;
    team_id: string;
    specialist_user_id: string | null;
    phase: string;
    opened_at: Timestamp;
    closed_at: Timestamp | null;
    closure_reason: string | null;
    closure_note: string | null;
    last_contact_at: Timestamp | null;
    updated_at: Timestamp;
    version: Generated<number>;
  };
};

/** A referral as an inbox list shows it (a list's table columns, and nothing more read: ADR 0067). */
export type InboxItem = Pick<
  Referral,
  'id' | 'reference' | 'createdAt' | 'status' | 'urgency' | 'youngPerson' | 'personMatch' | 'firstContactDue' | 'firstContactAt' | 'milestone'
> & { personName: string };
