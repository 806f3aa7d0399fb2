import { type Migration, tenantTable } from './migration.ts';

/**
 * Staff sign-in through each tenant's OpenID Connect providers (ADR 0044): the providers a tenant
 * admin configures, the single-use state of a sign-in under way, the links from a provider's stable
 * subject (issuer + sub) to a staff account, the installation's signing keys for `private_key_jwt`
 * (published at /oidc/jwks), and whether the tenant still allows local passwords.
 */
export const migration: Migration = {
  up: [
    'ALTER TABLE tenant_settings ADD COLUMN local_sign_in boolean NOT NULL DEFAULT true',
    // A provider's start and back-channel logout URLs carry only its id: the global index finds the tenant.
    'ALTER TABLE principal_index DROP CONSTRAINT principal_index_kind_known',
    `ALTER TABLE principal_index ADD CONSTRAINT principal_index_kind_known CHECK (kind IN ('email', 'client', 'oidc-provider'))`,
    `CREATE TABLE identity_providers (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       kind text NOT NULL CONSTRAINT identity_providers_kind_known CHECK (kind IN ('entra-id', 'nhs-cis2')),
       name text NOT NULL CONSTRAINT identity_providers_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 100),
       issuer text NOT NULL CONSTRAINT identity_providers_issuer_url CHECK (issuer ~ '^https?://[^[:space:]]+$' AND length(issuer) <= 500),
       client_id text NOT NULL CONSTRAINT identity_providers_client_id_present CHECK (length(btrim(client_id)) BETWEEN 1 AND 200),
       -- [{ "external": "<app role value or CIS2 role code>", "role": "<Bridgework role>" }]
       role_map jsonb NOT NULL DEFAULT '[]' CONSTRAINT identity_providers_role_map_list CHECK (jsonb_typeof(role_map) = 'array'),
       min_id_assurance integer CONSTRAINT identity_providers_ial_range CHECK (min_id_assurance BETWEEN 1 AND 3),
       min_auth_assurance integer CONSTRAINT identity_providers_aal_range CHECK (min_auth_assurance BETWEEN 1 AND 3),
       enabled boolean NOT NULL DEFAULT true,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT identity_providers_name_unique UNIQUE (tenant_id, name)
     )`,
    ...tenantTable('identity_providers'),
    // A sign-in under way: single use (deleted when the provider sends the person back), short-lived.
    `CREATE TABLE oidc_login_states (
       tenant_id uuid NOT NULL,
       state_hash text NOT NULL,
       provider_id uuid NOT NULL,
       nonce text NOT NULL,
       code_verifier text NOT NULL,
       return_to text NOT NULL,
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, state_hash),
       CONSTRAINT oidc_login_states_provider_fk FOREIGN KEY (tenant_id, provider_id) REFERENCES identity_providers (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('oidc_login_states'),
    // Never an email: the provider's issuer and subject identify the person (ADR 0044).
    `CREATE TABLE user_identities (
       tenant_id uuid NOT NULL,
       issuer text NOT NULL,
       subject text NOT NULL CONSTRAINT user_identities_subject_present CHECK (length(subject) BETWEEN 1 AND 255),
       provider_id uuid NOT NULL,
       user_id uuid NOT NULL,
       created_at timestamptz NOT NULL,
       last_sign_in_at timestamptz,
       PRIMARY KEY (tenant_id, issuer, subject),
       CONSTRAINT user_identities_one_per_provider UNIQUE (tenant_id, provider_id, user_id),
       CONSTRAINT user_identities_provider_fk FOREIGN KEY (tenant_id, provider_id) REFERENCES identity_providers (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT user_identities_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
     )`,
    ...tenantTable('user_identities'),
    // Which provider session a Bridgework session came from, so back-channel logout can end it.
    'ALTER TABLE sessions ADD COLUMN provider_id uuid',
    'ALTER TABLE sessions ADD COLUMN provider_sid text',
    'CREATE INDEX sessions_provider ON sessions (tenant_id, provider_id, user_id)',
    // The installation's keys for private_key_jwt; the private half sealed with the service secret.
    `CREATE TABLE oidc_signing_keys (
       kid text PRIMARY KEY,
       public_jwk jsonb NOT NULL,
       private_jwk_sealed text NOT NULL,
       created_at timestamptz NOT NULL,
       -- Published from creation; signs from here (after providers have fetched it, on rotation).
       signs_from timestamptz NOT NULL,
       retired_at timestamptz
     )`,
    'GRANT SELECT, INSERT, UPDATE ON oidc_signing_keys TO bridgework_app',
  ],
  down: [
    'DROP TABLE oidc_signing_keys',
    'DROP INDEX sessions_provider',
    'ALTER TABLE sessions DROP COLUMN provider_sid',
    'ALTER TABLE sessions DROP COLUMN provider_id',
    'DROP TABLE user_identities',
    'DROP TABLE oidc_login_states',
    'DROP TABLE identity_providers',
    `DELETE FROM principal_index WHERE kind = 'oidc-provider'`,
    'ALTER TABLE principal_index DROP CONSTRAINT principal_index_kind_known',
    `ALTER TABLE principal_index ADD CONSTRAINT principal_index_kind_known CHECK (kind IN ('email', 'client'))`,
    'ALTER TABLE tenant_settings DROP COLUMN local_sign_in',
  ],
};
