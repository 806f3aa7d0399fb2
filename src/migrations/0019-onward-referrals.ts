import { type Migration, tenantTable } from './migration.ts';

const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * Onward referrals from a case to a service in the directory (closed loop, ADR 0034), and the
 * data-sharing agreements that must be in force before sharing with a partner (ADR 0035).
 * The second half of migration number 0019, reserved for the directory work.
 */
export const migration: Migration = {
  up: [
    // How long a provider has to answer an onward referral before it is reminded.
    `ALTER TABLE tenant_settings ADD COLUMN onward_response_days integer NOT NULL DEFAULT 5 CONSTRAINT tenant_settings_onward_response_range CHECK (onward_response_days BETWEEN 1 AND 30)`,
    `CREATE TABLE data_sharing_agreements (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       title text NOT NULL CONSTRAINT data_sharing_agreements_title_present CHECK (length(btrim(title)) > 0),
       -- The partner: an organisation that refers (organisations) or a provider in the directory.
       organisation_id uuid,
       directory_organisation_id uuid,
       purposes text[] NOT NULL CONSTRAINT data_sharing_agreements_purposes_known CHECK (cardinality(purposes) > 0 AND purposes <@ ${list(['referral-in', 'onward-referral', 'outcomes', 'case-work'])}),
       data_categories text[] NOT NULL CONSTRAINT data_sharing_agreements_categories_known CHECK (cardinality(data_categories) > 0 AND data_categories <@ ${list(['identity', 'contact', 'date-of-birth', 'address', 'need', 'health', 'employment', 'benefits'])}),
       article6 text NOT NULL CONSTRAINT data_sharing_agreements_article6_known CHECK (article6 IN ('consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests')),
       article9 text CONSTRAINT data_sharing_agreements_article9_known CHECK (article9 IN ('explicit-consent', 'employment-social-security', 'vital-interests', 'health-social-care', 'public-health', 'substantial-public-interest')),
       starts_on text NOT NULL CONSTRAINT data_sharing_agreements_starts_format CHECK (${isoDate('starts_on')}),
       ends_on text NOT NULL CONSTRAINT data_sharing_agreements_ends_format CHECK (${isoDate('ends_on')}),
       signed_copy bytea,
       signed_copy_name text,
       end_warned_at timestamptz,
       recorded_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT data_sharing_agreements_one_partner CHECK ((organisation_id IS NULL) <> (directory_organisation_id IS NULL)),
       CONSTRAINT data_sharing_agreements_dates_ordered CHECK (starts_on <= ends_on),
       -- Health data is special category: sharing it needs an Article 9 condition too.
       CONSTRAINT data_sharing_agreements_health_needs_article9 CHECK (NOT ('health' = ANY (data_categories)) OR article9 IS NOT NULL),
       CONSTRAINT data_sharing_agreements_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
       CONSTRAINT data_sharing_agreements_directory_organisation_fk FOREIGN KEY (tenant_id, directory_organisation_id) REFERENCES directory_organisations (tenant_id, id)
     )`,
    `CREATE INDEX data_sharing_agreements_organisation ON data_sharing_agreements (tenant_id, organisation_id)`,
    `CREATE INDEX data_sharing_agreements_directory_organisation ON data_sharing_agreements (tenant_id, directory_organisation_id)`,
    ...tenantTable('data_sharing_agreements'),
    `CREATE TABLE onward_referrals (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       participant_id uuid NOT NULL,
       service_id uuid NOT NULL,
       service_name text NOT NULL,
       provider_email text NOT NULL,
       status text NOT NULL CONSTRAINT onward_referrals_status_known CHECK (status IN ('sent', 'accepted', 'declined', 'completed')),
       need text NOT NULL CONSTRAINT onward_referrals_need_present CHECK (length(btrim(need)) > 0),
       -- Only what the person agreed to share, as it was when sent.
       shared_items text[] NOT NULL,
       shared jsonb NOT NULL,
       consent_method text NOT NULL CONSTRAINT onward_referrals_consent_method_known CHECK (consent_method IN ('verbal', 'written')),
       consent_given_on text NOT NULL CONSTRAINT onward_referrals_consent_format CHECK (${isoDate('consent_given_on')}),
       agreement_id uuid,
       decline_reason text,
       outcome text,
       -- The one live link: the hash of its random part, what it is for, and until when.
       link_nonce_hash text,
       link_purpose text CONSTRAINT onward_referrals_link_purpose_known CHECK (link_purpose IN ('respond', 'outcome')),
       link_expires_at timestamptz,
       sent_by uuid NOT NULL,
       sent_at timestamptz NOT NULL,
       responded_at timestamptz,
       completed_at timestamptz,
       reminded_at timestamptz,
       reminders integer NOT NULL DEFAULT 0,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT onward_referrals_decline_reason CHECK (status <> 'declined' OR length(btrim(coalesce(decline_reason, ''))) > 0),
       CONSTRAINT onward_referrals_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
       CONSTRAINT onward_referrals_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id),
       CONSTRAINT onward_referrals_service_fk FOREIGN KEY (tenant_id, service_id) REFERENCES directory_services (tenant_id, id),
       CONSTRAINT onward_referrals_agreement_fk FOREIGN KEY (tenant_id, agreement_id) REFERENCES data_sharing_agreements (tenant_id, id)
     )`,
    `CREATE INDEX onward_referrals_case ON onward_referrals (tenant_id, case_id, sent_at)`,
    `CREATE INDEX onward_referrals_participant ON onward_referrals (tenant_id, participant_id, sent_at)`,
    `CREATE INDEX onward_referrals_open ON onward_referrals (tenant_id, sent_at) WHERE status IN ('sent', 'accepted')`,
    ...tenantTable('onward_referrals'),
  ],
  down: ['DROP TABLE onward_referrals', 'DROP TABLE data_sharing_agreements', 'ALTER TABLE tenant_settings DROP COLUMN onward_response_days'],
};
