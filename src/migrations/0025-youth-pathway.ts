import { type Migration, tenantTable } from './migration.ts';

const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const optionalDate = (column: string) => `${column} IS NULL OR ${isoDate(column)}`;
const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

const OFFER_TYPES = ['job', 'apprenticeship', 'training', 'education', 'work-experience', 'guaranteed-placement'];
const PARTNER_KINDS_BEFORE = ['nhs-trust', 'icb', 'gp-network', 'college', 'charity', 'employers-body', 'jobcentre', 'other'];
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
// In-work retention's kinds (0026, landed beside this one): on a database that ran 0026 first this
// migration runs after it, so the list it writes keeps them; 0026 lists these youth kinds likewise.
const RETENTION_KINDS = ['stayed-same-employer', 'moved-job', 'returned-after-absence', 'left-work'];
const YOUTH_KINDS = ['youth-offer-made', 'youth-offer-taken-up', 'youth-offer-sustained'];

/**
 * The youth pathway (issue 18, ADR 0042): each young person's triage and days-to-offer clock (one
 * row per case), the offers made to them, the local authority's own days-to-offer (null: platform
 * policy), training providers and apprenticeship employers as partners, and the youth outcome facts.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE youth_pathways (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       case_id uuid NOT NULL,
       aims text[] NOT NULL CONSTRAINT youth_pathways_aims_known CHECK (aims <@ ${list(['education', 'training', 'apprenticeship', 'work'])} AND cardinality(aims) > 0),
       mental_health text NOT NULL CONSTRAINT youth_pathways_mental_health_known CHECK (mental_health = ANY (${list(['in-place', 'needed', 'not-needed', 'not-said'])})),
       housing text NOT NULL CONSTRAINT youth_pathways_housing_known CHECK (housing = ANY (${list(['settled', 'at-risk', 'homeless', 'not-said'])})),
       caring text NOT NULL CONSTRAINT youth_pathways_caring_known CHECK (caring = ANY (${list(['none', 'young-carer', 'parent', 'not-said'])})),
       notes text CONSTRAINT youth_pathways_notes_length CHECK (length(notes) <= 2000),
       clock_starts_on text NOT NULL CONSTRAINT youth_pathways_starts_format CHECK (${isoDate('clock_starts_on')}),
       working_days integer NOT NULL CONSTRAINT youth_pathways_days_range CHECK (working_days BETWEEN 1 AND 60),
       days_source text NOT NULL CONSTRAINT youth_pathways_days_source_known CHECK (days_source IN ('tenant', 'platform policy')),
       offer_due text NOT NULL CONSTRAINT youth_pathways_due_format CHECK (${isoDate('offer_due')}),
       first_offer_on text CONSTRAINT youth_pathways_first_offer_format CHECK (${optionalDate('first_offer_on')}),
       reminded_at timestamptz,
       breach_notified_at timestamptz,
       triaged_at timestamptz NOT NULL,
       triaged_by uuid NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, case_id),
       CONSTRAINT youth_pathways_case_fk FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id)
     )`,
    ...tenantTable('youth_pathways'),
    // The daily sweep reads open clocks only.
    'CREATE INDEX youth_pathways_open_clocks ON youth_pathways (tenant_id, offer_due) WHERE first_offer_on IS NULL',
    `CREATE TABLE youth_offers (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       case_id uuid NOT NULL,
       offer_type text NOT NULL CONSTRAINT youth_offers_type_known CHECK (offer_type = ANY (${list(OFFER_TYPES)})),
       provider text NOT NULL CONSTRAINT youth_offers_provider_present CHECK (length(btrim(provider)) > 0 AND length(provider) <= 200),
       details text CONSTRAINT youth_offers_details_length CHECK (length(details) <= 2000),
       offered_on text NOT NULL CONSTRAINT youth_offers_offered_format CHECK (${isoDate('offered_on')}),
       starts_on text CONSTRAINT youth_offers_starts_format CHECK (${optionalDate('starts_on')}),
       status text NOT NULL CONSTRAINT youth_offers_status_known CHECK (status = ANY (${list(['made', 'taken-up', 'declined', 'withdrawn', 'sustained', 'ended'])})),
       condition_relayed boolean NOT NULL DEFAULT false,
       decline_reason text CONSTRAINT youth_offers_decline_reason_known CHECK (decline_reason IS NULL OR decline_reason = ANY (${list(['not-right-for-me', 'health', 'caring', 'travel', 'pay-or-hours', 'found-something-else', 'other'])})),
       decline_note text CONSTRAINT youth_offers_decline_note_length CHECK (length(decline_note) <= 1000),
       decline_reported boolean NOT NULL DEFAULT false,
       taken_up_on text CONSTRAINT youth_offers_taken_up_format CHECK (${optionalDate('taken_up_on')}),
       sustained_on text CONSTRAINT youth_offers_sustained_format CHECK (${optionalDate('sustained_on')}),
       ended_on text CONSTRAINT youth_offers_ended_format CHECK (${optionalDate('ended_on')}),
       directory_service_id uuid,
       onward_referral_id uuid,
       recorded_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT youth_offers_pathway_fk FOREIGN KEY (tenant_id, case_id) REFERENCES youth_pathways (tenant_id, case_id),
       CONSTRAINT youth_offers_onward_fk FOREIGN KEY (tenant_id, onward_referral_id) REFERENCES onward_referrals (tenant_id, id),
       CONSTRAINT youth_offers_declined_has_reason CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
     )`,
    ...tenantTable('youth_offers'),
    'CREATE INDEX youth_offers_case ON youth_offers (tenant_id, case_id, offered_on)',
    // The local authority's own days-to-offer; null means platform policy (policy/youth-days-to-offer.json).
    'ALTER TABLE tenant_settings ADD COLUMN youth_days_to_offer integer CONSTRAINT tenant_settings_youth_days_to_offer_range CHECK (youth_days_to_offer BETWEEN 5 AND 60)',
    'ALTER TABLE partners DROP CONSTRAINT partners_kind_known',
    `ALTER TABLE partners ADD CONSTRAINT partners_kind_known CHECK (kind = ANY (${list([...PARTNER_KINDS_BEFORE, 'training-provider', 'apprenticeship-employer'])}))`,
    'ALTER TABLE outcome_facts DROP CONSTRAINT outcome_facts_kind_known',
    `ALTER TABLE outcome_facts ADD CONSTRAINT outcome_facts_kind_known CHECK (kind = ANY (${list([...KINDS_BEFORE, ...RETENTION_KINDS, ...YOUTH_KINDS])}))`,
  ],
  down: [
    `DELETE FROM outcome_counts WHERE kind = ANY (${list(YOUTH_KINDS)})`,
    `DELETE FROM outcome_facts WHERE kind = ANY (${list(YOUTH_KINDS)})`,
    'ALTER TABLE outcome_facts DROP CONSTRAINT outcome_facts_kind_known',
    `ALTER TABLE outcome_facts ADD CONSTRAINT outcome_facts_kind_known CHECK (kind = ANY (${list([...KINDS_BEFORE, ...RETENTION_KINDS])}))`,
    `UPDATE partners SET kind = 'other' WHERE kind IN ('training-provider', 'apprenticeship-employer')`,
    'ALTER TABLE partners DROP CONSTRAINT partners_kind_known',
    `ALTER TABLE partners ADD CONSTRAINT partners_kind_known CHECK (kind = ANY (${list(PARTNER_KINDS_BEFORE)}))`,
    'ALTER TABLE tenant_settings DROP COLUMN youth_days_to_offer',
    'DROP TABLE youth_offers',
    'DROP TABLE youth_pathways',
  ],
};
