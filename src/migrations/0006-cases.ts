import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const ROLES = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'national-analyst', 'ig-lead'];
const CONSENT_SCOPES = ['share-with-employment-team', 'share-with-health-team', 'contact-employers', 'share-with-jobcentre'];
const CLOSURE_REASONS = ['sustained-work', 'left-programme', 'moved-away', 'no-longer-engaging', 'needs-other-support', 'died', 'other'];

export const migration: Migration = {
  up: [
    `ALTER TABLE tenant_settings
       ADD COLUMN ips_caseload_limit integer NOT NULL DEFAULT 20 CONSTRAINT tenant_settings_ips_caseload_range CHECK (ips_caseload_limit BETWEEN 1 AND 100),
       ADD COLUMN break_glass_hours integer NOT NULL DEFAULT 4 CONSTRAINT tenant_settings_break_glass_range CHECK (break_glass_hours BETWEEN 1 AND 24)`,
    // The information-governance lead reviews break-glass access.
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list(ROLES)} AND cardinality(roles) > 0)`,
    `ALTER TABLE participants
       ADD COLUMN accessibility_needs text NOT NULL DEFAULT '',
       ADD COLUMN consent_scopes text[] NOT NULL DEFAULT '{}' CONSTRAINT participants_consent_known CHECK (consent_scopes <@ ${list(CONSENT_SCOPES)}),
       ADD COLUMN regime_reason text,
       ADD COLUMN version integer NOT NULL DEFAULT 1`,
    // Consent so far is what the accepted referral recorded.
    `UPDATE participants p SET consent_scopes = r.consent_scopes
       FROM cases c JOIN referrals r ON r.tenant_id = c.tenant_id AND r.id = c.referral_id
      WHERE c.tenant_id = p.tenant_id AND c.participant_id = p.id`,
    `ALTER TABLE cases
       ADD COLUMN closed_at timestamptz,
       ADD COLUMN closure_reason text CONSTRAINT cases_closure_reason_known CHECK (closure_reason = ANY (${list(CLOSURE_REASONS)})),
       ADD COLUMN closure_note text,
       ADD COLUMN last_contact_at timestamptz,
       ADD COLUMN updated_at timestamptz,
       ADD COLUMN version integer NOT NULL DEFAULT 1`,
    'UPDATE cases SET updated_at = opened_at',
    'ALTER TABLE cases ALTER COLUMN updated_at SET NOT NULL',
    `ALTER TABLE cases ADD CONSTRAINT cases_closure_consistent CHECK ((phase = 'closed') = (closed_at IS NOT NULL AND closure_reason IS NOT NULL))`,
    'CREATE INDEX cases_team_phase ON cases (tenant_id, team_id, phase)',
    'CREATE INDEX cases_participant ON cases (tenant_id, participant_id)',
    // Participants ask for a sign-in link by email address.
    'CREATE INDEX people_email ON people (tenant_id, lower(email))',
    // The case timeline: phases, reassignments, regime and consent changes. Append-only for the app.
    `CREATE TABLE case_events (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       at timestamptz NOT NULL,
       actor_kind text NOT NULL,
       actor_id text NOT NULL,
       actor_name text NOT NULL,
       kind text NOT NULL,
       from_value text,
       to_value text,
       reason text,
       details jsonb NOT NULL DEFAULT '{}',
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT case_events_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX case_events_case ON case_events (tenant_id, case_id, at)',
    ...tenantTable('case_events', 'SELECT, INSERT'),
    `CREATE TABLE vocational_profiles (
       tenant_id uuid NOT NULL,
       case_id uuid NOT NULL,
       work_history text NOT NULL DEFAULT '',
       skills text NOT NULL DEFAULT '',
       qualifications text NOT NULL DEFAULT '',
       interests text NOT NULL DEFAULT '',
       wants text NOT NULL DEFAULT '',
       does_not_want text NOT NULL DEFAULT '',
       helps text NOT NULL DEFAULT '',
       gets_in_the_way text NOT NULL DEFAULT '',
       -- Health in the person's own words: a health field, shown only with a working relationship.
       health_in_own_words text NOT NULL DEFAULT '',
       updated_at timestamptz NOT NULL,
       updated_by text NOT NULL,
       PRIMARY KEY (tenant_id, case_id),
       CONSTRAINT vocational_profiles_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    ...tenantTable('vocational_profiles'),
    `CREATE TABLE plan_items (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       kind text NOT NULL CONSTRAINT plan_items_kind_known CHECK (kind IN ('goal', 'action')),
       goal_id uuid,
       text text NOT NULL CONSTRAINT plan_items_text_present CHECK (length(btrim(text)) > 0),
       owner text NOT NULL CONSTRAINT plan_items_owner_known CHECK (owner IN ('participant', 'specialist')),
       due_on text CONSTRAINT plan_items_due_format CHECK (${isoDate('due_on')}),
       status text NOT NULL DEFAULT 'open' CONSTRAINT plan_items_status_known CHECK (status IN ('open', 'done', 'dropped')),
       added_by text NOT NULL CONSTRAINT plan_items_added_by_known CHECK (added_by IN ('participant', 'staff')),
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT plan_items_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT plan_items_goal_fk FOREIGN KEY (tenant_id, goal_id) REFERENCES plan_items (tenant_id, id)
     )`,
    'CREATE INDEX plan_items_case ON plan_items (tenant_id, case_id)',
    ...tenantTable('plan_items'),
    `CREATE TABLE appointments (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       starts_at timestamptz NOT NULL,
       mode text NOT NULL CONSTRAINT appointments_mode_known CHECK (mode IN ('in-person', 'phone', 'video')),
       place text NOT NULL DEFAULT '',
       -- Only a conditional regime has mandatory appointments; the service checks the policy table.
       mandatory boolean NOT NULL DEFAULT false,
       outcome text CONSTRAINT appointments_outcome_known CHECK (outcome IN ('attended', 'rearranged', 'did-not-attend')),
       outcome_note text,
       follow_up_of uuid,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT appointments_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX appointments_case ON appointments (tenant_id, case_id, starts_at)',
    ...tenantTable('appointments'),
    `CREATE TABLE case_notes (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       kind text NOT NULL CONSTRAINT case_notes_kind_known CHECK (kind IN ('contact', 'health-liaison', 'employer-contact', 'benefits-advice', 'in-work-support', 'participant')),
       body text NOT NULL CONSTRAINT case_notes_body_present CHECK (length(btrim(body)) > 0),
       author_kind text NOT NULL,
       author_id text NOT NULL,
       author_name text NOT NULL,
       at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT case_notes_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX case_notes_case ON case_notes (tenant_id, case_id, at)',
    ...tenantTable('case_notes', 'SELECT, INSERT'),
    `CREATE TABLE case_jobs (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       employer text NOT NULL,
       role text NOT NULL,
       hours_per_week numeric(5, 2) NOT NULL CONSTRAINT case_jobs_hours_range CHECK (hours_per_week > 0 AND hours_per_week <= 100),
       hourly_pay numeric(8, 2) NOT NULL CONSTRAINT case_jobs_pay_range CHECK (hourly_pay >= 0 AND hourly_pay <= 1000),
       contract_type text NOT NULL CONSTRAINT case_jobs_contract_known CHECK (contract_type IN ('permanent', 'fixed-term', 'temporary', 'zero-hours', 'apprenticeship', 'self-employed')),
       start_date text NOT NULL CONSTRAINT case_jobs_start_format CHECK (${isoDate('start_date')}),
       end_date text CONSTRAINT case_jobs_end_format CHECK (${isoDate('end_date')}),
       end_reason text,
       sustained_on text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT case_jobs_end_after_start CHECK (end_date IS NULL OR end_date >= start_date),
       CONSTRAINT case_jobs_end_reason_present CHECK (end_date IS NULL OR length(btrim(coalesce(end_reason, ''))) > 0),
       CONSTRAINT case_jobs_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX case_jobs_case ON case_jobs (tenant_id, case_id)',
    ...tenantTable('case_jobs'),
    // Hours actually worked, week by week from the start date: the sustained-work rule reads these.
    `CREATE TABLE case_job_weeks (
       tenant_id uuid NOT NULL,
       job_id uuid NOT NULL,
       week integer NOT NULL CONSTRAINT case_job_weeks_week_range CHECK (week BETWEEN 1 AND 520),
       hours numeric(5, 2) NOT NULL CONSTRAINT case_job_weeks_hours_range CHECK (hours >= 0 AND hours <= 100),
       PRIMARY KEY (tenant_id, job_id, week),
       CONSTRAINT case_job_weeks_job_fk FOREIGN KEY (tenant_id, job_id) REFERENCES case_jobs (tenant_id, id)
     )`,
    ...tenantTable('case_job_weeks'),
    // Named members of the person's health team: a working relationship that lets them see health fields.
    `CREATE TABLE case_health_team (
       tenant_id uuid NOT NULL,
       case_id uuid NOT NULL,
       user_id uuid NOT NULL,
       added_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, case_id, user_id),
       CONSTRAINT case_health_team_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT case_health_team_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
     )`,
    ...tenantTable('case_health_team'),
    `CREATE TABLE break_glass_grants (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       user_id uuid NOT NULL,
       reason text NOT NULL CONSTRAINT break_glass_reason_present CHECK (length(btrim(reason)) > 0),
       granted_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       reviewed_at timestamptz,
       reviewed_by uuid,
       review_outcome text CONSTRAINT break_glass_outcome_known CHECK (review_outcome IN ('justified', 'not-justified')),
       review_note text,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT break_glass_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT break_glass_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
     )`,
    'CREATE INDEX break_glass_active ON break_glass_grants (tenant_id, case_id, user_id, expires_at)',
    'CREATE INDEX break_glass_review ON break_glass_grants (tenant_id, reviewed_at)',
    ...tenantTable('break_glass_grants'),
    // Exists only for the conditional regime; the service refuses it for voluntary participants.
    `CREATE TABLE compliance_reports (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       appointment_id uuid,
       details text NOT NULL,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT compliance_reports_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    ...tenantTable('compliance_reports', 'SELECT, INSERT'),
    // One-time sign-in links and sessions for participants: hashes only, never the token.
    `CREATE TABLE participant_links (
       tenant_id uuid NOT NULL,
       token_hash text NOT NULL,
       participant_id uuid NOT NULL,
       expires_at timestamptz NOT NULL,
       used_at timestamptz,
       PRIMARY KEY (tenant_id, token_hash),
       CONSTRAINT participant_links_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
     )`,
    ...tenantTable('participant_links'),
    `CREATE TABLE participant_sessions (
       tenant_id uuid NOT NULL,
       id_hash text NOT NULL,
       participant_id uuid NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id_hash),
       CONSTRAINT participant_sessions_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
     )`,
    ...tenantTable('participant_sessions'),
  ],
  down: [
    'DROP TABLE participant_sessions',
    'DROP TABLE participant_links',
    'DROP TABLE compliance_reports',
    'DROP TABLE break_glass_grants',
    'DROP TABLE case_health_team',
    'DROP TABLE case_job_weeks',
    'DROP TABLE case_jobs',
    'DROP TABLE case_notes',
    'DROP TABLE appointments',
    'DROP TABLE plan_items',
    'DROP TABLE vocational_profiles',
    'DROP TABLE case_events',
    'DROP INDEX people_email',
    'DROP INDEX cases_participant',
    'DROP INDEX cases_team_phase',
    'ALTER TABLE cases DROP CONSTRAINT cases_closure_consistent',
    'ALTER TABLE cases DROP COLUMN version, DROP COLUMN updated_at, DROP COLUMN last_contact_at, DROP COLUMN closure_note, DROP COLUMN closure_reason, DROP COLUMN closed_at',
    'ALTER TABLE participants DROP COLUMN version, DROP COLUMN regime_reason, DROP COLUMN consent_scopes, DROP COLUMN accessibility_needs',
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list(ROLES.filter((r) => r !== 'ig-lead'))} AND cardinality(roles) > 0)`,
    'ALTER TABLE tenant_settings DROP COLUMN break_glass_hours, DROP COLUMN ips_caseload_limit',
  ],
};
