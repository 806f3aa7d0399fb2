import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/index.ts';
import type { Day, FlexibleOption, Shift, Workplace } from './matching.ts';

/** The vacancy lifecycle (docs/domain/employers-and-matching.md); migration 0017 declares the same table. */
export const VACANCY_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** An introduction's lifecycle: the employer moves it on, the specialist may withdraw it. */
export const INTRODUCTION_STATUSES = ['introduced', 'interview', 'offered', 'accepted', 'declined', 'withdrawn'] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];
export const DISABILITY_CONFIDENT = ['none', 'committed', 'employer', 'leader'] as const;
export type DisabilityConfident = (typeof DISABILITY_CONFIDENT)[number];
export const CONTRACT_TYPES = ['permanent', 'fixed-term', 'temporary', 'zero-hours', 'apprenticeship'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const VACANCY_SOURCES = ['form', 'api', 'csv', 'nhs-jobs', 'synthetic'] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number];

/** What a person may agree to share with an employer when introduced; nothing else ever reaches them. */
export const SHAREABLE_FIELDS = ['name', 'email', 'phone', 'availability', 'flexibility', 'adjustments', 'summary'] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export type Employer = {
  id: string;
  organisationId: string;
  bodyId: string | null;
  name: string;
  sector: string;
  sizeBand: SizeBand;
  nhsBody: boolean;
  growthSectors: string[];
  disabilityConfident: DisabilityConfident;
  version: number;
};

export type Vacancy = {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  description: string;
  soc: string;
  hoursPerWeek: { min: number; max: number };
  days: Day[];
  shifts: Shift[];
  patternNote: string;
  workplace: Workplace;
  flexibleOptions: FlexibleOption[];
  adjustmentsOffered: string[];
  payHourly: number;
  contractType: ContractType;
  postcode: string;
  location: { lat: number; lon: number };
  closingDate: string;
  status: VacancyStatus;
  source: VacancySource;
  externalRef: string | null;
  version: number;
};

/** What an employer sees of an introduced candidate: only the fields the person agreed to share. */
export type SharedCandidate = Partial<{
  name: string;
  email: string;
  phone: string;
  availability: { hoursPerWeek: { min: number; max: number }; days: Day[] };
  flexibility: FlexibleOption[];
  adjustments: string[];
  summary: string;
}>;

export type Offer = { hoursPerWeek: number; payHourly: number; startDate: string; contractType: ContractType };

export type Introduction = {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  employerId: string;
  caseId: string;
  sharedFields: ShareableField[];
  shared: SharedCandidate;
  status: IntroductionStatus;
  interviewAt: Date | null;
  offer: Offer | null;
  declineReason: string | null;
  jobId: string | null;
  createdAt: Date;
  version: number;
};

export type WorkProfile = {
  caseId: string;
  occupationsWanted: string[];
  occupationsExcluded: string[];
  hoursPerWeek: { min: number; max: number };
  days: Day[];
  shifts: Shift[];
  caringWindows: string;
  fluctuating: boolean;
  fluctuationNeeds: string;
  flexibilityNeeded: FlexibleOption[];
  /** The profile's own list, or the adjustments the person shares in their Access to Work passport (ADR 0027). */
  adjustmentsNeeded: string[];
  /** True when `adjustmentsNeeded` came from the passport. */
  adjustmentsFromPassport?: boolean;
  postcode: string;
  location: { lat: number; lon: number } | null;
  maxTravelKm: number;
  travelModes: string[];
  payFloorHourly: number;
  updatedAt: Date | null;
};

type Numeric = ColumnType<string | number, string | number, string | number>;

export type EmployerTables = {
  soc_groups: { code: string; level: 'major' | 'sub-major' | 'minor' | 'unit'; title: string; parent: string | null };
  employer_bodies: { id: string; identifier_kind: 'ods' | 'companies-house' | 'charity'; identifier: string; name: string; created_at: Timestamp };
  growth_sectors: { tenant_id: string; code: string; name: string; name_cy: string };
  employers: {
    tenant_id: string;
    id: string;
    organisation_id: string;
    body_id: string | null;
    name: string;
    sector: string;
    size_band: SizeBand;
    nhs_body: boolean;
    growth_sectors: string[];
    disability_confident: DisabilityConfident;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: ColumnType<number, number | undefined, number>;
  };
  employer_sites: { tenant_id: string; id: string; employer_id: string; name: string; postcode: string; lat: number; lon: number };
  employer_contacts: { tenant_id: string; id: string; employer_id: string; name: string; job_title: string; email: string; phone: string };
  vacancy_statuses: { code: VacancyStatus; final: boolean };
  vacancy_transitions: { from_status: VacancyStatus; to_status: VacancyStatus };
  vacancies: {
    tenant_id: string;
    id: string;
    employer_id: string;
    title: string;
    description: string;
    soc: string;
    hours_min: number;
    hours_max: number;
    days: Day[];
    shifts: Shift[];
    pattern_note: string;
    workplace: Workplace;
    flexible_options: FlexibleOption[];
    adjustments_offered: string[];
    pay_hourly: Numeric;
    contract_type: string;
    postcode: string;
    lat: number;
    lon: number;
    closing_date: string;
    status: VacancyStatus;
    source: VacancySource;
    external_ref: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: ColumnType<number, number | undefined, number>;
  };
  work_profiles: {
    tenant_id: string;
    case_id: string;
    occupations_wanted: string[];
    occupations_excluded: string[];
    hours_min: number;
    hours_max: number;
    days: Day[];
    shifts: Shift[];
    caring_windows: string;
    fluctuating: boolean;
    fluctuation_needs: string;
    flexibility_needed: FlexibleOption[];
    adjustments_needed: string[];
    postcode: string;
    lat: number | null;
    lon: number | null;
    max_travel_km: number;
    travel_modes: string[];
    pay_floor_hourly: Numeric;
    updated_at: Timestamp;
    updated_by: string;
  };
  employer_engagements: {
    tenant_id: string;
    id: string;
    employer_id: string;
    user_id: string;
    at: Timestamp;
    mode: 'in-person' | 'phone' | 'video' | 'email';
    purpose: 'job-development' | 'introduction' | 'in-work-support' | 'other';
    note: string;
  };
  introductions: {
    tenant_id: string;
    id: string;
    vacancy_id: string;
    employer_id: string;
    case_id: string;
    shared_fields: ShareableField[];
    shared: Json;
    consent_recorded_by: string;
    consent_at: Timestamp;
    status: IntroductionStatus;
    interview_at: Timestamp | null;
    offer: Json | null;
    decline_reason: string | null;
    job_id: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: ColumnType<number, number | undefined, number>;
  };
};
