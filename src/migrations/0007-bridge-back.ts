import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const BENEFITS = ['uc-lcw', 'uc-lcwra', 'esa-new-style', 'esa-income-related'];
const EVIDENCE = ['award-letter', 'uc-journal', 'esa-decision-letter', 'wca-decision', 'other'];
const STATUSES = ['active', 'used', 'expired', 'withdrawn'];
const RULES = ['uc-reclaim', 'esa-linking', 'esa-work-or-training', 'platform-protected-period'];
const WITHDRAW_REASONS = ['recorded-in-error', 'person-asked'];

/** The bridge-back guarantee: the prior award as evidenced, the guarantee per job, and the public code lookup. */
export const migration: Migration = {
  up: [
    // The prior award as evidenced, per case. Append-only: a correction is a new row; the latest counts.
    `CREATE TABLE benefit_awards (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       benefit text NOT NULL CONSTRAINT benefit_awards_benefit_known CHECK (benefit = ANY (${list(BENEFITS)})),
       esa_group text CONSTRAINT benefit_awards_group_known CHECK (esa_group IN ('wrag', 'support-group')),
       decision_date text NOT NULL CONSTRAINT benefit_awards_decision_format CHECK (${isoDate('decision_date')}),
       evidence text[] NOT NULL CONSTRAINT benefit_awards_evidence_known CHECK (evidence <@ ${list(EVIDENCE)} AND cardinality(evidence) > 0),
       evidence_note text NOT NULL DEFAULT '',
       recorded_at timestamptz NOT NULL,
       recorded_by_kind text NOT NULL,
       recorded_by_id text NOT NULL,
       recorded_by_name text NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT benefit_awards_group_for_esa CHECK ((benefit LIKE 'esa-%') = (esa_group IS NOT NULL)),
       CONSTRAINT benefit_awards_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX benefit_awards_case ON benefit_awards (tenant_id, case_id, recorded_at)',
    ...tenantTable('benefit_awards', 'SELECT, INSERT'),
    // One guarantee per job. The code is kept here (behind RLS) so the certificate can be printed
    // again; the global lookup below holds only its hash.
    `CREATE TABLE bridge_back_guarantees (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       job_id uuid NOT NULL,
       award_id uuid NOT NULL,
       status text NOT NULL DEFAULT 'active' CONSTRAINT bridge_back_guarantees_status_known CHECK (status = ANY (${list(STATUSES)})),
       starts_on text NOT NULL CONSTRAINT bridge_back_guarantees_starts_format CHECK (${isoDate('starts_on')}),
       protected_until text NOT NULL CONSTRAINT bridge_back_guarantees_until_format CHECK (${isoDate('protected_until')}),
       protecting_rule text NOT NULL CONSTRAINT bridge_back_guarantees_rule_known CHECK (protecting_rule = ANY (${list(RULES)})),
       rules jsonb NOT NULL,
       job_employer text NOT NULL,
       job_role text NOT NULL,
       code_hash text NOT NULL,
       verification_code text NOT NULL,
       reminded_at timestamptz,
       used_at timestamptz,
       job_ended_on text CONSTRAINT bridge_back_guarantees_ended_format CHECK (${isoDate('job_ended_on')}),
       withdrawn_at timestamptz,
       withdrawn_reason text CONSTRAINT bridge_back_guarantees_withdrawn_known CHECK (withdrawn_reason = ANY (${list(WITHDRAW_REASONS)})),
       withdrawn_note text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT bridge_back_guarantees_one_per_job UNIQUE (tenant_id, job_id),
       CONSTRAINT bridge_back_guarantees_code_unique UNIQUE (tenant_id, code_hash),
       CONSTRAINT bridge_back_guarantees_period CHECK (protected_until >= starts_on),
       CONSTRAINT bridge_back_guarantees_used_consistent CHECK ((status = 'used') = (used_at IS NOT NULL AND job_ended_on IS NOT NULL)),
       CONSTRAINT bridge_back_guarantees_withdrawn_consistent CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawn_reason IS NOT NULL)),
       CONSTRAINT bridge_back_guarantees_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT bridge_back_guarantees_job_fk FOREIGN KEY (tenant_id, job_id) REFERENCES case_jobs (tenant_id, id),
       CONSTRAINT bridge_back_guarantees_award_fk FOREIGN KEY (tenant_id, award_id) REFERENCES benefit_awards (tenant_id, id)
     )`,
    'CREATE INDEX bridge_back_guarantees_case ON bridge_back_guarantees (tenant_id, case_id)',
    "CREATE INDEX bridge_back_guarantees_active ON bridge_back_guarantees (tenant_id, protected_until) WHERE status = 'active'",
    ...tenantTable('bridge_back_guarantees', 'SELECT, INSERT, UPDATE'),
    // The public check must find the tenant before it can set it: a global index of code hashes
    // (never the code, nothing about the person) answers that one question, as principal_index does.
    `CREATE TABLE guarantee_codes (
       code_hash text PRIMARY KEY,
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       guarantee_id uuid NOT NULL
     )`,
    'GRANT SELECT, INSERT ON guarantee_codes TO bridgework_app',
  ],
  down: ['DROP TABLE guarantee_codes', 'DROP TABLE bridge_back_guarantees', 'DROP TABLE benefit_awards'],
};
