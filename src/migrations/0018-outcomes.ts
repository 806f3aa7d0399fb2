import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const ROLES_BEFORE = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'national-analyst', 'ig-lead'];
const KINDS = [
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

/**
 * Outcomes (issue 15, ADRs 0029–0031): append-only outcome facts with the dimensions reporting
 * needs and no names; counts kept beside them in the writing transaction; the person's own equality
 * monitoring answers; FTE per specialist; the tenant-wide commissioner role; the Annual Population
 * Survey's inactivity estimates (shared reference data); and IPS fidelity reviews.
 */
export const migration: Migration = {
  up: [
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    // 'employer' comes from 0017, which lands after this one was written but runs before it.
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list([...ROLES_BEFORE, 'employer', 'commissioner'])} AND cardinality(roles) > 0)`,
    // Full-time equivalent of each member, for caseloads against the IPS limit per full-time specialist.
    `ALTER TABLE team_members ADD COLUMN fte numeric(3, 2) NOT NULL DEFAULT 1 CONSTRAINT team_members_fte_range CHECK (fte > 0 AND fte <= 1)`,
    'ALTER TABLE case_jobs ADD COLUMN sustained_26_on text',
    // One row per thing the service achieved. The subject is the referral (a journey), the person
    // an id only: no names, no free text. The app may only read and add (append-only).
    `CREATE TABLE outcome_facts (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       kind text NOT NULL CONSTRAINT outcome_facts_kind_known CHECK (kind = ANY (${list(KINDS)})),
       occurred_at timestamptz NOT NULL,
       month text NOT NULL CONSTRAINT outcome_facts_month_format CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
       subject_id uuid NOT NULL,
       person_id uuid NOT NULL,
       job_id uuid,
       first_of_kind boolean NOT NULL,
       days_from_referral integer CONSTRAINT outcome_facts_days_range CHECK (days_from_referral >= 0),
       team_id uuid NOT NULL,
       specialist_user_id uuid,
       referring_service text NOT NULL,
       programme text NOT NULL,
       regime text NOT NULL,
       youth_pathway boolean NOT NULL,
       condition_categories text[] NOT NULL,
       age_band text NOT NULL,
       nation text NOT NULL,
       PRIMARY KEY (tenant_id, id)
     )`,
    'CREATE INDEX outcome_facts_subject ON outcome_facts (tenant_id, subject_id, kind)',
    'CREATE INDEX outcome_facts_person ON outcome_facts (tenant_id, person_id)',
    'CREATE INDEX outcome_facts_month ON outcome_facts (tenant_id, month, kind)',
    ...tenantTable('outcome_facts', 'SELECT, INSERT'),
    // Counts of facts by team, month, kind and one dimension at a time ('all' for the total, 'days'
    // for the days from referral), kept by the writer in the fact's own transaction (ADR 0029).
    `CREATE TABLE outcome_counts (
       tenant_id uuid NOT NULL,
       team_id uuid NOT NULL,
       month text NOT NULL,
       kind text NOT NULL,
       dimension text NOT NULL,
       value text NOT NULL,
       n integer NOT NULL,
       PRIMARY KEY (tenant_id, team_id, month, kind, dimension, value)
     )`,
    'CREATE INDEX outcome_counts_dimension ON outcome_counts (tenant_id, dimension, month)',
    ...tenantTable('outcome_counts', 'SELECT, INSERT, UPDATE'),
    // Read by the function below as the migration owner, which RLS forced on the table would otherwise stop.
    "CREATE POLICY outcome_counts_national_read ON outcome_counts FOR SELECT USING (current_user <> 'bridgework_app')",
    // The national view reads counts across tenants: only sums per area leave this function, never a row of a tenant's.
    `CREATE FUNCTION outcome_national_counts(from_month text, to_month text, dims text[])
       RETURNS TABLE (tenant_id uuid, kind text, dimension text, value text, n bigint)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT c.tenant_id, c.kind, c.dimension, c.value, sum(c.n)::bigint
           FROM outcome_counts c
          WHERE c.month >= from_month AND c.month <= to_month AND c.dimension = ANY (dims)
          GROUP BY c.tenant_id, c.kind, c.dimension, c.value
     $$`,
    'REVOKE ALL ON FUNCTION outcome_national_counts(text, text, text[]) FROM PUBLIC',
    'GRANT EXECUTE ON FUNCTION outcome_national_counts(text, text, text[]) TO bridgework_app',
    // The person's own equality monitoring answers: optional, changeable, deletable by them.
    `CREATE TABLE equality_answers (
       tenant_id uuid NOT NULL,
       person_id uuid NOT NULL,
       sex text NOT NULL CONSTRAINT equality_sex_known CHECK (sex IN ('female', 'male', 'prefer-not-to-say', 'not-answered')),
       age_group text NOT NULL CONSTRAINT equality_age_known CHECK (age_group IN ('16-24', '25-34', '35-49', '50-64', '65-plus', 'prefer-not-to-say', 'not-answered')),
       ethnicity text NOT NULL CONSTRAINT equality_ethnicity_known CHECK (ethnicity IN ('asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say', 'not-answered')),
       disability text NOT NULL CONSTRAINT equality_disability_known CHECK (disability IN ('yes', 'no', 'prefer-not-to-say', 'not-answered')),
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, person_id)
     )`,
    ...tenantTable('equality_answers'),
    // Annual Population Survey estimates by area: shared reference data, written by the import command only.
    `CREATE TABLE inactivity_estimates (
       gss_code text NOT NULL,
       area_name text NOT NULL,
       period text NOT NULL,
       measure text NOT NULL CONSTRAINT inactivity_measure_known CHECK (measure IN ('inactive-rate', 'long-term-sick-share')),
       percent numeric(6, 2),
       confidence numeric(6, 2),
       numerator bigint,
       denominator bigint,
       status text NOT NULL DEFAULT '',
       source text NOT NULL,
       imported_at timestamptz NOT NULL,
       PRIMARY KEY (gss_code, period, measure)
     )`,
    'GRANT SELECT ON inactivity_estimates TO bridgework_app',
    // A team's review on the 25-item IPS fidelity scale: items as JSON (score, evidence, action).
    `CREATE TABLE fidelity_reviews (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       team_id uuid NOT NULL,
       reviewed_on text NOT NULL CONSTRAINT fidelity_reviews_date_format CHECK (reviewed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
       reviewer text NOT NULL,
       items jsonb NOT NULL,
       total integer NOT NULL CONSTRAINT fidelity_reviews_total_range CHECK (total BETWEEN 25 AND 125),
       band text NOT NULL CONSTRAINT fidelity_reviews_band_known CHECK (band IN ('exemplary', 'good', 'fair', 'not-ips')),
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT fidelity_reviews_team_fk FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id)
     )`,
    'CREATE INDEX fidelity_reviews_team ON fidelity_reviews (tenant_id, team_id, reviewed_on)',
    ...tenantTable('fidelity_reviews', 'SELECT, INSERT'),
  ],
  down: [
    'DROP TABLE fidelity_reviews',
    'DROP TABLE inactivity_estimates',
    'DROP TABLE equality_answers',
    'DROP FUNCTION outcome_national_counts(text, text, text[])',
    'DROP TABLE outcome_counts',
    'DROP TABLE outcome_facts',
    'ALTER TABLE case_jobs DROP COLUMN sustained_26_on',
    'ALTER TABLE team_members DROP COLUMN fte',
    "UPDATE users SET roles = array_remove(roles, 'commissioner')",
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list([...ROLES_BEFORE, 'employer'])} AND cardinality(roles) > 0)`,
  ],
};
