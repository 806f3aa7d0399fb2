import { type Migration, tenantTable } from './migration.ts';

const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const present = (column: string) => `length(btrim(${column})) > 0`;
const METHODS = `ARRAY['verbal', 'written', 'online']::text[]`;

/**
 * A person's record that moves with them (ADR 0048). The sending local authority keeps a row for
 * each record that left for another area, with the person's consent; the receiving one keeps each
 * record it took in, whole (the FHIR document Bundle) with where it came from. A record taken in
 * once is not taken in again: one row per sending installation and Bundle identifier. Both are
 * append-only: what left and what arrived is history.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE record_transfers_out (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       participant_id uuid NOT NULL,
       destination text NOT NULL CONSTRAINT record_transfers_out_destination_present CHECK (${present('destination')} AND length(destination) <= 200),
       consent_given_on text NOT NULL CONSTRAINT record_transfers_out_consent_date CHECK (${isoDate('consent_given_on')}),
       consent_method text NOT NULL CONSTRAINT record_transfers_out_consent_method CHECK (consent_method = ANY (${METHODS})),
       bundle_identifier text NOT NULL,
       sent_by uuid NOT NULL,
       sent_by_name text NOT NULL,
       sent_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT record_transfers_out_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
     )`,
    'CREATE INDEX record_transfers_out_participant ON record_transfers_out (tenant_id, participant_id, sent_at)',
    ...tenantTable('record_transfers_out', 'SELECT, INSERT'),
    `CREATE TABLE record_transfers_in (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       -- Where it came from: the sending installation (Bundle.meta.source) and the Bundle's identifier.
       source text NOT NULL CONSTRAINT record_transfers_in_source_present CHECK (${present('source')}),
       bundle_identifier text NOT NULL CONSTRAINT record_transfers_in_identifier_present CHECK (${present('bundle_identifier')}),
       sender_name text NOT NULL,
       sender_gss_code text,
       record_as_of timestamptz NOT NULL,
       person_name text NOT NULL,
       date_of_birth text CONSTRAINT record_transfers_in_birth_date CHECK (date_of_birth IS NULL OR ${isoDate('date_of_birth')}),
       nhs_number text CONSTRAINT record_transfers_in_nhs_number CHECK (nhs_number IS NULL OR nhs_number ~ '^[0-9]{10}$'),
       -- The person already known here, when one matched by NHS number, or by name and date of birth.
       participant_id uuid,
       consent_given_on text NOT NULL CONSTRAINT record_transfers_in_consent_date CHECK (${isoDate('consent_given_on')}),
       consent_method text NOT NULL CONSTRAINT record_transfers_in_consent_method CHECK (consent_method = ANY (${METHODS})),
       bundle jsonb NOT NULL,
       imported_by_kind text NOT NULL CONSTRAINT record_transfers_in_importer_kind CHECK (imported_by_kind IN ('user', 'system')),
       imported_by uuid,
       imported_by_name text NOT NULL,
       imported_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT record_transfers_in_once UNIQUE (tenant_id, source, bundle_identifier),
       CONSTRAINT record_transfers_in_participant_fk FOREIGN KEY (tenant_id, participant_id) REFERENCES participants (tenant_id, id)
     )`,
    'CREATE INDEX record_transfers_in_participant ON record_transfers_in (tenant_id, participant_id)',
    ...tenantTable('record_transfers_in', 'SELECT, INSERT'),
  ],
  down: ['DROP TABLE record_transfers_in', 'DROP TABLE record_transfers_out'],
};
