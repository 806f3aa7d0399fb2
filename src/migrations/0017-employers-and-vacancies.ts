import { type Migration, tenantTable } from './migration.ts';

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
// 0018 (commissioner) landed first but runs after this; where it already ran, this keeps its role.
const ROLES_BEFORE = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'national-analyst', 'ig-lead', 'commissioner'];
const ROLES = [...ROLES_BEFORE, 'employer'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SHIFTS = ['day', 'evening', 'night'];
const FLEXIBLE = ['part-time', 'job-share', 'flexi-time', 'compressed-hours', 'term-time', 'phased-start', 'home-working-bad-days'];
const VACANCY_STATUSES = ['draft', 'open', 'filled', 'closed', 'expired'];
const VACANCY_TRANSITIONS: readonly (readonly [string, string])[] = [
  ['draft', 'open'],
  ['draft', 'closed'],
  ['open', 'filled'],
  ['open', 'closed'],
  ['open', 'expired'],
];
const INTRODUCTION_STATUSES = ['introduced', 'interview', 'offered', 'accepted', 'declined', 'withdrawn'];
const SOC = `~ '^[0-9]{1,4}$'`;
const slugs = (column: string) => `array_to_string(${column}, ',') ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$'`;

/**
 * Employers (each a presence in one tenant, optionally of a body known across tenants), their
 * sites and contacts, vacancies with a declared status table, the person's work profile, employer
 * contacts logged by specialists, and consent-gated introductions. Shared reference data (SOC 2020
 * groups, postcode centroids, employer bodies) lives in tables without a tenant (ADR 0026).
 */
export const migration: Migration = {
  up: [
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list(ROLES)} AND cardinality(roles) > 0)`,
    // Reference data: the same for every tenant, readable by the app, changed by importers (owner).
    `CREATE TABLE soc_groups (
       code text PRIMARY KEY CONSTRAINT soc_groups_code_format CHECK (code ${SOC}),
       level text NOT NULL CONSTRAINT soc_groups_level_known CHECK (level IN ('major', 'sub-major', 'minor', 'unit')),
       title text NOT NULL,
       parent text REFERENCES soc_groups (code)
     )`,
    'GRANT SELECT ON soc_groups TO bridgework_app',
    `CREATE TABLE postcode_points (
       postcode text PRIMARY KEY,
       kind text NOT NULL CONSTRAINT postcode_points_kind_known CHECK (kind IN ('district', 'postcode')),
       lat double precision NOT NULL CONSTRAINT postcode_points_lat CHECK (lat BETWEEN -90 AND 90),
       lon double precision NOT NULL CONSTRAINT postcode_points_lon CHECK (lon BETWEEN -180 AND 180)
     )`,
    'GRANT SELECT ON postcode_points TO bridgework_app',
    // One organisation recruiting in several tenants: a body known nationally by an identifier
    // (an NHS ODS code, a Companies House number), with a presence (employers row) in each tenant.
    `CREATE TABLE employer_bodies (
       id uuid PRIMARY KEY,
       identifier_kind text NOT NULL CONSTRAINT employer_bodies_kind_known CHECK (identifier_kind IN ('ods', 'companies-house', 'charity')),
       identifier text NOT NULL CONSTRAINT employer_bodies_identifier_format CHECK (identifier ~ '^[A-Z0-9]{3,10}$'),
       name text NOT NULL,
       created_at timestamptz NOT NULL,
       CONSTRAINT employer_bodies_identifier_unique UNIQUE (identifier_kind, identifier)
     )`,
    'GRANT SELECT, INSERT ON employer_bodies TO bridgework_app',
    `CREATE TABLE growth_sectors (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       code text NOT NULL CONSTRAINT growth_sectors_code_format CHECK (code ~ '^[a-z0-9-]{1,40}$'),
       name text NOT NULL,
       name_cy text NOT NULL,
       PRIMARY KEY (tenant_id, code)
     )`,
    ...tenantTable('growth_sectors'),
    `CREATE TABLE employers (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       organisation_id uuid NOT NULL,
       body_id uuid REFERENCES employer_bodies (id),
       name text NOT NULL CONSTRAINT employers_name_present CHECK (length(btrim(name)) > 0),
       sector text NOT NULL,
       size_band text NOT NULL CONSTRAINT employers_size_known CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
       nhs_body boolean NOT NULL DEFAULT false,
       growth_sectors text[] NOT NULL DEFAULT '{}',
       disability_confident text NOT NULL DEFAULT 'none' CONSTRAINT employers_dc_known CHECK (disability_confident IN ('none', 'committed', 'employer', 'leader')),
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT employers_organisation_unique UNIQUE (tenant_id, organisation_id),
       CONSTRAINT employers_body_unique UNIQUE (tenant_id, body_id),
       CONSTRAINT employers_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
     )`,
    ...tenantTable('employers'),
    `CREATE TABLE employer_sites (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       employer_id uuid NOT NULL,
       name text NOT NULL,
       postcode text NOT NULL,
       lat double precision NOT NULL,
       lon double precision NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT employer_sites_employer_fk FOREIGN KEY (tenant_id, employer_id) REFERENCES employers (tenant_id, id)
     )`,
    'CREATE INDEX employer_sites_employer ON employer_sites (tenant_id, employer_id)',
    ...tenantTable('employer_sites'),
    `CREATE TABLE employer_contacts (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       employer_id uuid NOT NULL,
       name text NOT NULL,
       job_title text NOT NULL DEFAULT '',
       email text NOT NULL DEFAULT '',
       phone text NOT NULL DEFAULT '',
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT employer_contacts_employer_fk FOREIGN KEY (tenant_id, employer_id) REFERENCES employers (tenant_id, id)
     )`,
    'CREATE INDEX employer_contacts_employer ON employer_contacts (tenant_id, employer_id)',
    ...tenantTable('employer_contacts'),
    // The vacancy lifecycle, declared: the statuses and the moves between them. The service checks
    // the same table in code (vacancy-rules.ts); the foreign key refuses any other move's result.
    `CREATE TABLE vacancy_statuses (
       code text PRIMARY KEY,
       final boolean NOT NULL
     )`,
    `INSERT INTO vacancy_statuses (code, final) VALUES ${VACANCY_STATUSES.map((s) => `('${s}', ${s !== 'draft' && s !== 'open'})`).join(', ')}`,
    `CREATE TABLE vacancy_transitions (
       from_status text NOT NULL REFERENCES vacancy_statuses (code),
       to_status text NOT NULL REFERENCES vacancy_statuses (code),
       PRIMARY KEY (from_status, to_status)
     )`,
    `INSERT INTO vacancy_transitions (from_status, to_status) VALUES ${VACANCY_TRANSITIONS.map(([f, t]) => `('${f}', '${t}')`).join(', ')}`,
    'GRANT SELECT ON vacancy_statuses, vacancy_transitions TO bridgework_app',
    `CREATE TABLE vacancies (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       employer_id uuid NOT NULL,
       title text NOT NULL CONSTRAINT vacancies_title_present CHECK (length(btrim(title)) > 0),
       description text NOT NULL DEFAULT '',
       soc text NOT NULL CONSTRAINT vacancies_soc_format CHECK (soc ~ '^[0-9]{4}$'),
       hours_min real NOT NULL,
       hours_max real NOT NULL,
       days text[] NOT NULL DEFAULT '{}' CONSTRAINT vacancies_days_known CHECK (days <@ ${list(DAYS)}),
       shifts text[] NOT NULL DEFAULT '{}' CONSTRAINT vacancies_shifts_known CHECK (shifts <@ ${list(SHIFTS)}),
       pattern_note text NOT NULL DEFAULT '',
       workplace text NOT NULL CONSTRAINT vacancies_workplace_known CHECK (workplace IN ('on-site', 'hybrid', 'remote')),
       flexible_options text[] NOT NULL DEFAULT '{}' CONSTRAINT vacancies_flexible_known CHECK (flexible_options <@ ${list(FLEXIBLE)}),
       adjustments_offered text[] NOT NULL DEFAULT '{}' CONSTRAINT vacancies_adjustments_format CHECK (${slugs('adjustments_offered')}),
       pay_hourly numeric(8, 2) NOT NULL,
       contract_type text NOT NULL,
       postcode text NOT NULL,
       lat double precision NOT NULL,
       lon double precision NOT NULL,
       closing_date text NOT NULL CONSTRAINT vacancies_closing_format CHECK (${isoDate('closing_date')}),
       status text NOT NULL REFERENCES vacancy_statuses (code),
       source text NOT NULL CONSTRAINT vacancies_source_known CHECK (source IN ('form', 'api', 'csv', 'nhs-jobs', 'synthetic')),
       external_ref text,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT vacancies_hours_order CHECK (hours_min >= 0 AND hours_min <= hours_max AND hours_max <= 168),
       CONSTRAINT vacancies_employer_fk FOREIGN KEY (tenant_id, employer_id) REFERENCES employers (tenant_id, id),
       CONSTRAINT vacancies_external_unique UNIQUE (tenant_id, source, external_ref)
     )`,
    ...tenantTable('vacancies'),
    'CREATE INDEX vacancies_employer ON vacancies (tenant_id, employer_id, status)',
    // The expiry job reads open vacancies by closing date; the index sweep reads changes by time.
    `CREATE INDEX vacancies_closing ON vacancies (tenant_id, closing_date) WHERE status = 'open'`,
    'CREATE INDEX vacancies_updated ON vacancies (tenant_id, updated_at)',
    // The database's own way to find open vacancies near a point (the bench's base, and the
    // fallback when the in-memory index is not built): a bounding box on latitude, then longitude.
    `CREATE INDEX vacancies_open_place ON vacancies (tenant_id, lat, lon) WHERE status = 'open'`,
    `CREATE TABLE work_profiles (
       tenant_id uuid NOT NULL,
       case_id uuid NOT NULL,
       occupations_wanted text[] NOT NULL DEFAULT '{}',
       occupations_excluded text[] NOT NULL DEFAULT '{}',
       hours_min real NOT NULL DEFAULT 0,
       hours_max real NOT NULL DEFAULT 40,
       days text[] NOT NULL DEFAULT '{}' CONSTRAINT work_profiles_days_known CHECK (days <@ ${list(DAYS)}),
       shifts text[] NOT NULL DEFAULT '{}' CONSTRAINT work_profiles_shifts_known CHECK (shifts <@ ${list(SHIFTS)}),
       caring_windows text NOT NULL DEFAULT '',
       fluctuating boolean NOT NULL DEFAULT false,
       fluctuation_needs text NOT NULL DEFAULT '',
       flexibility_needed text[] NOT NULL DEFAULT '{}' CONSTRAINT work_profiles_flexible_known CHECK (flexibility_needed <@ ${list(FLEXIBLE)}),
       -- Until the Access to Work passport is available, the profile keeps its own list (ADR 0027).
       adjustments_needed text[] NOT NULL DEFAULT '{}' CONSTRAINT work_profiles_adjustments_format CHECK (${slugs('adjustments_needed')}),
       postcode text NOT NULL DEFAULT '',
       lat double precision,
       lon double precision,
       max_travel_km real NOT NULL DEFAULT 10,
       travel_modes text[] NOT NULL DEFAULT '{}',
       pay_floor_hourly numeric(8, 2) NOT NULL DEFAULT 0,
       updated_at timestamptz NOT NULL,
       updated_by text NOT NULL,
       PRIMARY KEY (tenant_id, case_id),
       CONSTRAINT work_profiles_hours_order CHECK (hours_min >= 0 AND hours_min <= hours_max AND hours_max <= 168),
       CONSTRAINT work_profiles_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    ...tenantTable('work_profiles'),
    // IPS job development: specialists' contacts with employers, counted towards fidelity.
    `CREATE TABLE employer_engagements (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       employer_id uuid NOT NULL,
       user_id uuid NOT NULL,
       at timestamptz NOT NULL,
       mode text NOT NULL CONSTRAINT employer_engagements_mode_known CHECK (mode IN ('in-person', 'phone', 'video', 'email')),
       purpose text NOT NULL CONSTRAINT employer_engagements_purpose_known CHECK (purpose IN ('job-development', 'introduction', 'in-work-support', 'other')),
       note text NOT NULL DEFAULT '',
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT employer_engagements_employer_fk FOREIGN KEY (tenant_id, employer_id) REFERENCES employers (tenant_id, id)
     )`,
    'CREATE INDEX employer_engagements_employer ON employer_engagements (tenant_id, employer_id, at)',
    'CREATE INDEX employer_engagements_user ON employer_engagements (tenant_id, user_id, at)',
    ...tenantTable('employer_engagements', 'SELECT, INSERT'),
    // A candidate introduced with consent: the employer sees only `shared`, the fields the person
    // agreed to, as they stood when they agreed.
    `CREATE TABLE introductions (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       vacancy_id uuid NOT NULL,
       employer_id uuid NOT NULL,
       case_id uuid NOT NULL,
       shared_fields text[] NOT NULL,
       shared jsonb NOT NULL,
       consent_recorded_by text NOT NULL,
       consent_at timestamptz NOT NULL,
       status text NOT NULL CONSTRAINT introductions_status_known CHECK (status = ANY (${list(INTRODUCTION_STATUSES)})),
       interview_at timestamptz,
       offer jsonb,
       decline_reason text,
       job_id uuid,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT introductions_once UNIQUE (tenant_id, vacancy_id, case_id),
       CONSTRAINT introductions_vacancy_fk FOREIGN KEY (tenant_id, vacancy_id) REFERENCES vacancies (tenant_id, id),
       CONSTRAINT introductions_employer_fk FOREIGN KEY (tenant_id, employer_id) REFERENCES employers (tenant_id, id),
       CONSTRAINT introductions_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    'CREATE INDEX introductions_employer ON introductions (tenant_id, employer_id, status)',
    'CREATE INDEX introductions_case ON introductions (tenant_id, case_id)',
    ...tenantTable('introductions'),
  ],
  down: [
    'DROP TABLE introductions',
    'DROP TABLE employer_engagements',
    'DROP TABLE work_profiles',
    'DROP TABLE vacancies',
    'DROP TABLE vacancy_transitions',
    'DROP TABLE vacancy_statuses',
    'DROP TABLE employer_contacts',
    'DROP TABLE employer_sites',
    'DROP TABLE employers',
    'DROP TABLE growth_sectors',
    'DROP TABLE employer_bodies',
    'DROP TABLE postcode_points',
    'DROP TABLE soc_groups',
    // Employer accounts cannot outlive their role: they are disabled with a harmless role left.
    "UPDATE users SET disabled_at = coalesce(disabled_at, now()), roles = ARRAY['referrer']::text[] WHERE roles = ARRAY['employer']::text[]",
    "UPDATE users SET roles = array_remove(roles, 'employer') WHERE 'employer' = ANY (roles)",
    'ALTER TABLE users DROP CONSTRAINT users_roles_known',
    `ALTER TABLE users ADD CONSTRAINT users_roles_known CHECK (roles <@ ${list(ROLES_BEFORE)} AND cardinality(roles) > 0)`,
  ],
};
