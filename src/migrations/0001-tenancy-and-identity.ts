import { type Migration, tenantTable } from './migration.ts';

export const migration: Migration = {
  up: [
    // Roles are cluster-wide: several databases (and parallel test runs) may race to create it.
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bridgework_app') THEN
         CREATE ROLE bridgework_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
    `GRANT USAGE ON SCHEMA public TO bridgework_app`,
    // A missing or empty setting yields NULL, so every policy fails closed.
    `CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
       AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$`,
    `CREATE TABLE tenants (
       id uuid PRIMARY KEY,
       gss_code text NOT NULL CONSTRAINT tenants_gss_code_format CHECK (gss_code ~ '^[EWSN][0-9]{8}$'),
       name text NOT NULL,
       name_cy text NOT NULL,
       nation text NOT NULL CONSTRAINT tenants_nation_known CHECK (nation IN ('england', 'wales', 'scotland', 'northern-ireland')),
       created_at timestamptz NOT NULL DEFAULT now(),
       CONSTRAINT tenants_gss_code_unique UNIQUE (gss_code)
     )`,
    `GRANT SELECT ON tenants TO bridgework_app`,
    // What a local authority decides for itself lives in a tenant-owned table, not in the shared list.
    `CREATE TABLE tenant_settings (
       tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
       require_mfa boolean NOT NULL DEFAULT false,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    ...tenantTable('tenant_settings', 'SELECT, INSERT, UPDATE'),
    // Sign-in and token requests must find the tenant before they can set it: a global index of
    // hashes (never the email itself) answers that one question.
    `CREATE TABLE principal_index (
       lookup_hash text PRIMARY KEY,
       kind text NOT NULL CONSTRAINT principal_index_kind_known CHECK (kind IN ('email', 'client')),
       tenant_id uuid NOT NULL REFERENCES tenants (id)
     )`,
    `GRANT SELECT, INSERT, DELETE ON principal_index TO bridgework_app`,
    `CREATE TABLE organisations (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       kind text NOT NULL CONSTRAINT organisations_kind_known CHECK (kind IN ('health-service', 'employment-provider', 'jobcentre', 'employer', 'council')),
       name text NOT NULL CONSTRAINT organisations_name_present CHECK (length(btrim(name)) > 0),
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT organisations_name_unique UNIQUE (tenant_id, name)
     )`,
    ...tenantTable('organisations'),
    `CREATE TABLE users (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       organisation_id uuid NOT NULL,
       email text NOT NULL,
       display_name text NOT NULL,
       password_hash text NOT NULL,
       roles text[] NOT NULL CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['referrer', 'specialist', 'team-lead', 'tenant-admin', 'national-analyst']::text[] AND cardinality(roles) > 0),
       preferred_language text NOT NULL DEFAULT 'en' CONSTRAINT users_language_known CHECK (preferred_language IN ('en', 'cy')),
       totp_secret text,
       totp_enabled_at timestamptz,
       totp_last_step bigint,
       disabled_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT users_email_unique UNIQUE (tenant_id, email),
       CONSTRAINT users_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
     )`,
    ...tenantTable('users'),
    // A new account's one-time link to choose a password; only the token's hash is kept.
    `CREATE TABLE user_invitations (
       tenant_id uuid NOT NULL,
       token_hash text NOT NULL,
       user_id uuid NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, token_hash),
       CONSTRAINT user_invitations_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('user_invitations'),
    `CREATE TABLE sessions (
       tenant_id uuid NOT NULL,
       id_hash text NOT NULL,
       user_id uuid NOT NULL,
       mfa_passed boolean NOT NULL,
       created_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id_hash),
       CONSTRAINT sessions_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('sessions'),
    // Keys are HMACs of the email or address being throttled: no personal data outside a tenant.
    `CREATE TABLE auth_throttle (
       key_hash text PRIMARY KEY,
       window_start timestamptz NOT NULL,
       failures integer NOT NULL
     )`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON auth_throttle TO bridgework_app`,
    `CREATE TABLE oauth_clients (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       client_id text NOT NULL,
       name text NOT NULL,
       secret_hash text NOT NULL,
       scopes text[] NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT oauth_clients_client_id_unique UNIQUE (tenant_id, client_id)
     )`,
    ...tenantTable('oauth_clients'),
    `CREATE TABLE access_tokens (
       tenant_id uuid NOT NULL,
       token_hash text NOT NULL,
       client_id uuid NOT NULL,
       scopes text[] NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, token_hash),
       CONSTRAINT access_tokens_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES oauth_clients (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('access_tokens'),
  ],
  down: [
    'DROP TABLE access_tokens',
    'DROP TABLE oauth_clients',
    'DROP TABLE auth_throttle',
    'DROP TABLE sessions',
    'DROP TABLE user_invitations',
    'DROP TABLE users',
    'DROP TABLE organisations',
    'DROP TABLE principal_index',
    'DROP TABLE tenant_settings',
    'DROP TABLE tenants',
    'DROP FUNCTION app_current_tenant()',
    'REVOKE USAGE ON SCHEMA public FROM bridgework_app',
  ],
};
