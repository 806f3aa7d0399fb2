import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const KINDS_BEFORE = [
  'referral-received',
  'first-contact',
  'accepted',
  'not-accepted',
  'first-appointment',
  'job-start',
  'sustained-13-weeks',
  'sustained-26-weeks',
  'job-end',
  'left',
  're-engaged',
];
const RETENTION_KINDS = ['stayed-same-employer', 'moved-job', 'returned-after-absence', 'left-work'];
// The youth pathway's kinds (0025, landed beside this one): 0025 runs first on a fresh database, so
// the list this migration writes keeps them too; on a database that ran this first, 0025 adds them.
const YOUTH_KINDS = ['youth-offer-made', 'youth-offer-taken-up', 'youth-offer-sustained'];
const STATUSES = ['referred', 'plan-agreed', 'phased-return', 'closed'];
const ADVICE = ['phased-return', 'altered-hours', 'amended-duties', 'workplace-adaptations'];
const LEFT_REASONS = ['resigned-health', 'resigned-other', 'dismissed', 'ill-health-retirement', 'contract-ended', 'other'];

/**
 * In-work retention (issue 18 items 5–8, ADR 0043): a retention case beside the referral of an
 * employed person at risk (employer, job, hours, absence so far, the employer's consent and named
 * contact), its fit notes as structured data, the plan and its phased-return weeks; and outcome
 * facts for what became of the person's work with their sickness absence before and after.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE retention_cases (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       referral_id uuid NOT NULL,
       referred_by text NOT NULL CONSTRAINT retention_cases_referred_by_known CHECK (referred_by IN ('gp', 'employer', 'occupational-health', 'self')),
       employer_name text NOT NULL CONSTRAINT retention_cases_employer_length CHECK (length(employer_name) BETWEEN 1 AND 200),
       employer_organisation_id uuid,
       job_title text NOT NULL CONSTRAINT retention_cases_job_length CHECK (length(job_title) BETWEEN 1 AND 200),
       hours_per_week numeric(5, 2) NOT NULL CONSTRAINT retention_cases_hours_range CHECK (hours_per_week > 0 AND hours_per_week <= 100),
       absent_now boolean NOT NULL,
       absence_spells integer NOT NULL CONSTRAINT retention_cases_spells_range CHECK (absence_spells BETWEEN 0 AND 366),
       absence_days integer NOT NULL CONSTRAINT retention_cases_days_range CHECK (absence_days BETWEEN 0 AND 3660),
       employer_consent_on text CONSTRAINT retention_cases_consent_format CHECK (${isoDate('employer_consent_on')}),
       employer_contact_user_id uuid,
       employer_contact_name text CONSTRAINT retention_cases_contact_length CHECK (length(employer_contact_name) <= 200),
       status text NOT NULL DEFAULT 'referred' CONSTRAINT retention_cases_status_known CHECK (status = ANY (${list(STATUSES)})),
       adjustments text[] NOT NULL DEFAULT '{}' CONSTRAINT retention_cases_adjustments_count CHECK (cardinality(adjustments) <= 20),
       actions jsonb NOT NULL DEFAULT '[]' CONSTRAINT retention_cases_actions_list CHECK (jsonb_typeof(actions) = 'array'),
       employer_conversation jsonb,
       access_to_work_decision_id uuid,
       plan_agreed_on text CONSTRAINT retention_cases_agreed_format CHECK (${isoDate('plan_agreed_on')}),
       plan_shared_with_employer boolean NOT NULL DEFAULT false,
       outcome text CONSTRAINT retention_cases_outcome_known CHECK (outcome = ANY (${list(RETENTION_KINDS)})),
       left_reason text CONSTRAINT retention_cases_left_reason_known CHECK (left_reason = ANY (${list(LEFT_REASONS)})),
       absence_days_after integer CONSTRAINT retention_cases_days_after_range CHECK (absence_days_after BETWEEN 0 AND 3660),
       closed_at timestamptz,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT retention_cases_referral_unique UNIQUE (tenant_id, referral_id),
       -- An employer's referral is made with the person's consent; the employer sees the plan only with it.
       CONSTRAINT retention_cases_employer_consented CHECK (referred_by <> 'employer' OR employer_consent_on IS NOT NULL),
       CONSTRAINT retention_cases_shared_consented CHECK (NOT plan_shared_with_employer OR (employer_consent_on IS NOT NULL AND employer_contact_user_id IS NOT NULL)),
       CONSTRAINT retention_cases_closed_consistent CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
       CONSTRAINT retention_cases_left_reasoned CHECK ((outcome = 'left-work') = (left_reason IS NOT NULL)),
       CONSTRAINT retention_cases_referral_fk FOREIGN KEY (tenant_id, referral_id) REFERENCES referrals (tenant_id, id),
       CONSTRAINT retention_cases_employer_fk FOREIGN KEY (tenant_id, employer_organisation_id) REFERENCES organisations (tenant_id, id),
       CONSTRAINT retention_cases_decision_fk FOREIGN KEY (tenant_id, access_to_work_decision_id) REFERENCES access_to_work_decisions (tenant_id, id)
     )`,
    // The employer user's one read: the plans shared with them.
    'CREATE INDEX retention_cases_contact ON retention_cases (tenant_id, employer_contact_user_id) WHERE plan_shared_with_employer',
    ...tenantTable('retention_cases', 'SELECT, INSERT, UPDATE'),
    `CREATE TABLE retention_fit_notes (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       retention_case_id uuid NOT NULL,
       fitness text NOT NULL CONSTRAINT retention_fit_notes_fitness_known CHECK (fitness IN ('not-fit', 'may-be-fit')),
       advice text[] NOT NULL DEFAULT '{}' CONSTRAINT retention_fit_notes_advice_known CHECK (advice <@ ${list(ADVICE)}),
       condition text NOT NULL CONSTRAINT retention_fit_notes_condition_length CHECK (length(condition) <= 1000),
       comments text NOT NULL DEFAULT '' CONSTRAINT retention_fit_notes_comments_length CHECK (length(comments) <= 2000),
       valid_from text NOT NULL CONSTRAINT retention_fit_notes_from_format CHECK (${isoDate('valid_from')}),
       valid_to text CONSTRAINT retention_fit_notes_to_format CHECK (${isoDate('valid_to')}),
       follow_up_needed boolean NOT NULL,
       issued_on text NOT NULL CONSTRAINT retention_fit_notes_issued_format CHECK (${isoDate('issued_on')}),
       issuer_profession text CONSTRAINT retention_fit_notes_issuer_known CHECK (issuer_profession IN ('doctor', 'nurse', 'occupational-therapist', 'pharmacist', 'physiotherapist')),
       source text NOT NULL CONSTRAINT retention_fit_notes_source_known CHECK (source IN ('web', 'fhir')),
       recorded_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT retention_fit_notes_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
       CONSTRAINT retention_fit_notes_advice_may_be_fit CHECK (fitness = 'may-be-fit' OR cardinality(advice) = 0),
       CONSTRAINT retention_fit_notes_case_fk FOREIGN KEY (tenant_id, retention_case_id) REFERENCES retention_cases (tenant_id, id)
     )`,
    'CREATE INDEX retention_fit_notes_case ON retention_fit_notes (tenant_id, retention_case_id, issued_on)',
    ...tenantTable('retention_fit_notes', 'SELECT, INSERT'),
    `CREATE TABLE retention_weeks (
       tenant_id uuid NOT NULL,
       retention_case_id uuid NOT NULL,
       week integer NOT NULL CONSTRAINT retention_weeks_week_range CHECK (week BETWEEN 1 AND 52),
       starts_on text NOT NULL CONSTRAINT retention_weeks_starts_format CHECK (${isoDate('starts_on')}),
       ends_on text NOT NULL CONSTRAINT retention_weeks_ends_format CHECK (${isoDate('ends_on')}),
       hours numeric(5, 2) NOT NULL CONSTRAINT retention_weeks_hours_range CHECK (hours > 0 AND hours <= 100),
       duties text NOT NULL CONSTRAINT retention_weeks_duties_length CHECK (length(duties) <= 500),
       review_on text CONSTRAINT retention_weeks_review_format CHECK (${isoDate('review_on')}),
       done_at timestamptz,
       reviewed_on text CONSTRAINT retention_weeks_reviewed_format CHECK (${isoDate('reviewed_on')}),
       review_note text CONSTRAINT retention_weeks_note_length CHECK (length(review_note) <= 2000),
       missed_flagged_at timestamptz,
       PRIMARY KEY (tenant_id, retention_case_id, week),
       CONSTRAINT retention_weeks_order CHECK (ends_on >= starts_on),
       CONSTRAINT retention_weeks_reviewed_set CHECK (reviewed_on IS NULL OR review_on IS NOT NULL),
       CONSTRAINT retention_weeks_case_fk FOREIGN KEY (tenant_id, retention_case_id) REFERENCES retention_cases (tenant_id, id)
     )`,
    // The missed-review sweep reads reviews not held, by date.
    'CREATE INDEX retention_weeks_reviews ON retention_weeks (tenant_id, review_on) WHERE review_on IS NOT NULL AND reviewed_on IS NULL',
    ...tenantTable('retention_weeks', 'SELECT, INSERT, UPDATE, DELETE'),
    // Retention outcomes are outcome facts, with the days of sickness absence before and after.
    'ALTER TABLE outcome_facts DROP CONSTRAINT outcome_facts_kind_known',
    `ALTER TABLE outcome_facts ADD CONSTRAINT outcome_facts_kind_known CHECK (kind = ANY (${list([...KINDS_BEFORE, ...RETENTION_KINDS, ...YOUTH_KINDS])}))`,
    `ALTER TABLE outcome_facts
       ADD COLUMN absence_days_before integer CONSTRAINT outcome_facts_absence_before_range CHECK (absence_days_before >= 0),
       ADD COLUMN absence_days_after integer CONSTRAINT outcome_facts_absence_after_range CHECK (absence_days_after >= 0)`,
  ],
  down: [
    'ALTER TABLE outcome_facts DROP COLUMN absence_days_after, DROP COLUMN absence_days_before',
    `DELETE FROM outcome_counts WHERE kind = ANY (${list(RETENTION_KINDS)})`,
    `DELETE FROM outcome_facts WHERE kind = ANY (${list(RETENTION_KINDS)})`,
    'ALTER TABLE outcome_facts DROP CONSTRAINT outcome_facts_kind_known',
    `ALTER TABLE outcome_facts ADD CONSTRAINT outcome_facts_kind_known CHECK (kind = ANY (${list([...KINDS_BEFORE, ...YOUTH_KINDS])}))`,
    'DROP TABLE retention_weeks',
    'DROP TABLE retention_fit_notes',
    'DROP TABLE retention_cases',
  ],
};
