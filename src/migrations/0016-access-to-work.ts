import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const STATUSES = ['draft', 'issued', 'converted', 'expired', 'withdrawn'];
const OUTCOMES = ['awarded', 'partly-awarded', 'refused', 'withdrawn-by-person'];

/**
 * Access to Work decisions in principle, the adjustments passport, a tenant's countersignature
 * amount, and one global index of verifiable documents' codes (the bridge-back guarantee's codes
 * move into it from `guarantee_codes`, hashes unchanged, so printed certificates still check).
 */
export const migration: Migration = {
  up: [
    // The public checks must find the tenant before they can set it: code hashes only (never a code,
    // nothing about the person), each with its kind so one kind's page never answers for another.
    `CREATE TABLE verification_codes (
       code_hash text PRIMARY KEY,
       kind text NOT NULL CONSTRAINT verification_codes_kind_slug CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       document_id uuid NOT NULL
     )`,
    'GRANT SELECT, INSERT ON verification_codes TO bridgework_app',
    `INSERT INTO verification_codes (code_hash, kind, tenant_id, document_id)
       SELECT code_hash, 'bridge-back-guarantee', tenant_id, guarantee_id FROM guarantee_codes`,
    'DROP TABLE guarantee_codes',
    `CREATE TABLE access_to_work_settings (
       tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
       countersign_above numeric(10, 2) NOT NULL CONSTRAINT access_to_work_settings_countersign_range CHECK (countersign_above >= 0 AND countersign_above <= 1000000),
       updated_at timestamptz NOT NULL,
       updated_by text NOT NULL
     )`,
    ...tenantTable('access_to_work_settings', 'SELECT, INSERT, UPDATE'),
    // The person's adjustments passport: what helps them at work, which they choose to share or not.
    `CREATE TABLE access_to_work_passports (
       tenant_id uuid NOT NULL,
       participant_id uuid NOT NULL,
       adjustments text[] NOT NULL DEFAULT '{}' CONSTRAINT access_to_work_passports_adjustments_slugs CHECK (cardinality(adjustments) <= 50),
       in_their_words text NOT NULL DEFAULT '' CONSTRAINT access_to_work_passports_words_length CHECK (length(in_their_words) <= 2000),
       shared boolean NOT NULL DEFAULT false,
       shared_at timestamptz,
       updated_at timestamptz NOT NULL,
       updated_by text NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, participant_id),
       CONSTRAINT access_to_work_passports_shared_consistent CHECK (shared = (shared_at IS NOT NULL)),
       CONSTRAINT access_to_work_passports_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
     )`,
    ...tenantTable('access_to_work_passports', 'SELECT, INSERT, UPDATE'),
    `CREATE TABLE access_to_work_decisions (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       participant_id uuid NOT NULL,
       status text NOT NULL DEFAULT 'draft' CONSTRAINT access_to_work_decisions_status_known CHECK (status = ANY (${list(STATUSES)})),
       assessed_on text NOT NULL CONSTRAINT access_to_work_decisions_assessed_format CHECK (${isoDate('assessed_on')}),
       input jsonb NOT NULL,
       assessment jsonb NOT NULL,
       categories jsonb NOT NULL CONSTRAINT access_to_work_decisions_categories_list CHECK (jsonb_typeof(categories) = 'array'),
       access_to_work_annual numeric(12, 2) NOT NULL,
       needs_countersign boolean NOT NULL,
       countersigned_at timestamptz,
       countersigned_by_id text,
       countersigned_by_name text,
       issued_at timestamptz,
       issued_by_id text,
       issued_by_name text,
       valid_from text CONSTRAINT access_to_work_decisions_from_format CHECK (${isoDate('valid_from')}),
       valid_until text CONSTRAINT access_to_work_decisions_until_format CHECK (${isoDate('valid_until')}),
       code_hash text,
       verification_code text,
       converted_at timestamptz,
       job_id uuid,
       job_employer text,
       job_role text,
       job_start_date text,
       job_hours_per_week numeric(5, 2),
       application_submitted_on text CONSTRAINT access_to_work_decisions_submitted_format CHECK (${isoDate('application_submitted_on')}),
       dwp_decided_on text CONSTRAINT access_to_work_decisions_decided_format CHECK (${isoDate('dwp_decided_on')}),
       dwp_outcome text CONSTRAINT access_to_work_decisions_outcome_known CHECK (dwp_outcome = ANY (${list(OUTCOMES)})),
       expired_at timestamptz,
       withdrawn_at timestamptz,
       withdrawn_reason text,
       created_at timestamptz NOT NULL,
       created_by_id text NOT NULL,
       created_by_name text NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT access_to_work_decisions_code_unique UNIQUE (tenant_id, code_hash),
       CONSTRAINT access_to_work_decisions_draft_unissued CHECK (status <> 'draft' OR issued_at IS NULL),
       CONSTRAINT access_to_work_decisions_issued_set CHECK (status IN ('draft', 'withdrawn') OR issued_at IS NOT NULL),
       CONSTRAINT access_to_work_decisions_issued_complete CHECK (issued_at IS NULL OR (valid_from IS NOT NULL AND valid_until >= valid_from AND code_hash IS NOT NULL)),
       CONSTRAINT access_to_work_decisions_countersigned CHECK (issued_at IS NULL OR NOT needs_countersign OR countersigned_at IS NOT NULL),
       CONSTRAINT access_to_work_decisions_converted_consistent CHECK ((status = 'converted') = (converted_at IS NOT NULL)),
       CONSTRAINT access_to_work_decisions_withdrawn_consistent CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawn_reason IS NOT NULL)),
       CONSTRAINT access_to_work_decisions_expired_consistent CHECK ((status = 'expired') = (expired_at IS NOT NULL)),
       CONSTRAINT access_to_work_decisions_decided_after CHECK (dwp_decided_on IS NULL OR (application_submitted_on IS NOT NULL AND dwp_decided_on >= application_submitted_on)),
       CONSTRAINT access_to_work_decisions_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT access_to_work_decisions_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id),
       CONSTRAINT access_to_work_decisions_job_fk FOREIGN KEY (tenant_id, job_id) REFERENCES case_jobs (tenant_id, id)
     )`,
    'CREATE INDEX access_to_work_decisions_case ON access_to_work_decisions (tenant_id, case_id)',
    'CREATE INDEX access_to_work_decisions_participant ON access_to_work_decisions (tenant_id, participant_id)',
    "CREATE INDEX access_to_work_decisions_issued ON access_to_work_decisions (tenant_id, valid_until) WHERE status = 'issued'",
    ...tenantTable('access_to_work_decisions', 'SELECT, INSERT, UPDATE'),
  ],
  down: [
    'DROP TABLE access_to_work_decisions',
    'DROP TABLE access_to_work_passports',
    'DROP TABLE access_to_work_settings',
    `CREATE TABLE guarantee_codes (
       code_hash text PRIMARY KEY,
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       guarantee_id uuid NOT NULL
     )`,
    'GRANT SELECT, INSERT ON guarantee_codes TO bridgework_app',
    `INSERT INTO guarantee_codes (code_hash, tenant_id, guarantee_id)
       SELECT code_hash, tenant_id, document_id FROM verification_codes WHERE kind = 'bridge-back-guarantee'`,
    'DROP TABLE verification_codes',
  ],
};
