import { type Migration, tenantTable } from './migration.ts';

const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * Local partnerships (ADR 0035): each tenant's local plan (its period and targets with baselines),
 * its partner organisations, and agreements recorded against a partner. The plan's growth sectors
 * are the tenant's `growth_sectors` rows (0017), which employers and matching already read.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE local_plans (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       title text NOT NULL CONSTRAINT local_plans_title_present CHECK (length(btrim(title)) > 0),
       starts_on text NOT NULL CONSTRAINT local_plans_starts_format CHECK (${isoDate('starts_on')}),
       ends_on text NOT NULL CONSTRAINT local_plans_ends_format CHECK (${isoDate('ends_on')}),
       updated_by uuid NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id),
       CONSTRAINT local_plans_dates_ordered CHECK (starts_on < ends_on)
     )`,
    ...tenantTable('local_plans'),
    `CREATE TABLE local_plan_targets (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       measure text NOT NULL CONSTRAINT local_plan_targets_measure_known CHECK (measure = ANY (${list(['job-starts', 'sustained-outcomes', 'people-supported'])})),
       programme text NOT NULL CONSTRAINT local_plan_targets_programme_known CHECK (programme = ANY (${list(['all', 'ips', 'youth', 'retention'])})),
       cohort text NOT NULL CONSTRAINT local_plan_targets_cohort_known CHECK (cohort = ANY (${list(['all', 'young-people', 'aged-50-plus', 'health-condition'])})),
       baseline integer NOT NULL CONSTRAINT local_plan_targets_baseline_range CHECK (baseline >= 0),
       target integer NOT NULL CONSTRAINT local_plan_targets_target_range CHECK (target > 0),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT local_plan_targets_one_each UNIQUE (tenant_id, measure, programme, cohort),
       CONSTRAINT local_plan_targets_plan_fk FOREIGN KEY (tenant_id) REFERENCES local_plans (tenant_id) ON DELETE CASCADE
     )`,
    ...tenantTable('local_plan_targets'),
    `CREATE TABLE partners (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       name text NOT NULL CONSTRAINT partners_name_present CHECK (length(btrim(name)) > 0),
       kind text NOT NULL CONSTRAINT partners_kind_known CHECK (kind = ANY (${list(['nhs-trust', 'icb', 'gp-network', 'college', 'charity', 'employers-body', 'jobcentre', 'other'])})),
       role text NOT NULL CONSTRAINT partners_role_present CHECK (length(btrim(role)) > 0),
       -- The same body where it refers people (organisations) or takes onward referrals (directory).
       organisation_id uuid,
       directory_organisation_id uuid,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT partners_name_unique UNIQUE (tenant_id, name),
       CONSTRAINT partners_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
       CONSTRAINT partners_directory_organisation_fk FOREIGN KEY (tenant_id, directory_organisation_id) REFERENCES directory_organisations (tenant_id, id)
     )`,
    ...tenantTable('partners'),
    // An agreement is now recorded with a partner; it keeps the partner's links so the checks at
    // referral in and onward referral read one table. A partner may be both kinds of body.
    'ALTER TABLE data_sharing_agreements ADD COLUMN partner_id uuid',
    'ALTER TABLE data_sharing_agreements ADD COLUMN other_parties text',
    `ALTER TABLE data_sharing_agreements ADD CONSTRAINT data_sharing_agreements_partner_fk FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id)`,
    'ALTER TABLE data_sharing_agreements DROP CONSTRAINT data_sharing_agreements_one_partner',
    `ALTER TABLE data_sharing_agreements ADD CONSTRAINT data_sharing_agreements_has_partner CHECK (partner_id IS NOT NULL OR (organisation_id IS NULL) <> (directory_organisation_id IS NULL))`,
    // The signed copy is a PDF of at most 5 MB (checked by the service; this is the backstop).
    `ALTER TABLE data_sharing_agreements ADD CONSTRAINT data_sharing_agreements_signed_copy_size CHECK (signed_copy IS NULL OR octet_length(signed_copy) <= 5242880)`,
    'CREATE INDEX data_sharing_agreements_partner ON data_sharing_agreements (tenant_id, partner_id)',
  ],
  down: [
    'DROP INDEX data_sharing_agreements_partner',
    'ALTER TABLE data_sharing_agreements DROP CONSTRAINT data_sharing_agreements_signed_copy_size',
    'ALTER TABLE data_sharing_agreements DROP CONSTRAINT data_sharing_agreements_has_partner',
    'DELETE FROM data_sharing_agreements WHERE partner_id IS NOT NULL AND (organisation_id IS NULL) = (directory_organisation_id IS NULL)',
    'ALTER TABLE data_sharing_agreements ADD CONSTRAINT data_sharing_agreements_one_partner CHECK ((organisation_id IS NULL) <> (directory_organisation_id IS NULL))',
    'ALTER TABLE data_sharing_agreements DROP CONSTRAINT data_sharing_agreements_partner_fk',
    'ALTER TABLE data_sharing_agreements DROP COLUMN other_parties',
    'ALTER TABLE data_sharing_agreements DROP COLUMN partner_id',
    'DROP TABLE partners',
    'DROP TABLE local_plan_targets',
    'DROP TABLE local_plans',
  ],
};
