import { type Migration, tenantTable } from './migration.ts';

// Calendar dates are ISO text (yyyy-mm-dd), as elsewhere: both drivers return them unchanged.
const isoDate = (column: string) => `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;

/**
 * The service directory in the Open Referral UK shape (HSDS 3.0, ADR 0033): organisations,
 * locations, services and the service-at-location links, taxonomies and their terms, and which
 * terms describe which service. A service's one-to-many parts that are never searched on
 * (phones, schedules, service areas, contacts, cost options, languages) are kept as HSDS JSON on
 * its row, so a full service is read in one statement. Capacity and freshness are Bridgework's own.
 * Postcode centroids are shared reference data (not a tenant's), loaded by the operator.
 */
export const migration: Migration = {
  up: [
    // How old a directory entry may grow before it is flagged and its owner reminded.
    `ALTER TABLE tenant_settings ADD COLUMN directory_stale_days integer NOT NULL DEFAULT 180 CONSTRAINT tenant_settings_directory_stale_range CHECK (directory_stale_days BETWEEN 7 AND 730)`,
    `CREATE TABLE postcode_centroids (
       postcode text PRIMARY KEY CONSTRAINT postcode_centroids_normalised CHECK (postcode ~ '^[A-Z0-9]{2,7}$'),
       latitude double precision NOT NULL CONSTRAINT postcode_centroids_latitude CHECK (latitude BETWEEN 49 AND 61),
       longitude double precision NOT NULL CONSTRAINT postcode_centroids_longitude CHECK (longitude BETWEEN -9 AND 2)
     )`,
    `GRANT SELECT ON postcode_centroids TO bridgework_app`,
    `CREATE TABLE directory_organisations (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       name text NOT NULL CONSTRAINT directory_organisations_name_present CHECK (length(btrim(name)) > 0),
       description text NOT NULL DEFAULT '',
       email text,
       website text,
       PRIMARY KEY (tenant_id, id)
     )`,
    ...tenantTable('directory_organisations'),
    `CREATE TABLE directory_locations (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       organisation_id uuid,
       location_type text NOT NULL CONSTRAINT directory_locations_type_known CHECK (location_type IN ('physical', 'postal', 'virtual')),
       name text,
       description text,
       latitude double precision CONSTRAINT directory_locations_latitude CHECK (latitude BETWEEN -90 AND 90),
       longitude double precision CONSTRAINT directory_locations_longitude CHECK (longitude BETWEEN -180 AND 180),
       addresses jsonb NOT NULL DEFAULT '[]',
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT directory_locations_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES directory_organisations (tenant_id, id)
     )`,
    // Distance search narrows by a box of latitudes first.
    `CREATE INDEX directory_locations_latitude ON directory_locations (tenant_id, latitude)`,
    ...tenantTable('directory_locations'),
    `CREATE TABLE directory_services (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       organisation_id uuid NOT NULL,
       name text NOT NULL CONSTRAINT directory_services_name_present CHECK (length(btrim(name)) > 0),
       description text NOT NULL DEFAULT '',
       url text,
       email text,
       status text NOT NULL CONSTRAINT directory_services_status_known CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
       eligibility_description text,
       minimum_age integer CONSTRAINT directory_services_minimum_age CHECK (minimum_age BETWEEN 0 AND 130),
       maximum_age integer CONSTRAINT directory_services_maximum_age CHECK (maximum_age BETWEEN 0 AND 130),
       fees_description text,
       application_process text,
       phones jsonb NOT NULL DEFAULT '[]',
       schedules jsonb NOT NULL DEFAULT '[]',
       service_areas jsonb NOT NULL DEFAULT '[]',
       contacts jsonb NOT NULL DEFAULT '[]',
       cost_options jsonb NOT NULL DEFAULT '[]',
       languages jsonb NOT NULL DEFAULT '[]',
       capacity text NOT NULL DEFAULT 'accepting' CONSTRAINT directory_services_capacity_known CHECK (capacity IN ('accepting', 'waiting-list', 'closed')),
       waiting_weeks integer CONSTRAINT directory_services_waiting_weeks CHECK (waiting_weeks BETWEEN 0 AND 104),
       verified_on text CONSTRAINT directory_services_verified_on_format CHECK (${isoDate('verified_on')}),
       verified_by text,
       stale_reminded_at timestamptz,
       last_modified timestamptz NOT NULL,
       search_text tsvector GENERATED ALWAYS AS (to_tsvector('english', name || ' ' || description || ' ' || coalesce(eligibility_description, ''))) STORED,
       PRIMARY KEY (tenant_id, id),
       -- A waiting list says how long; nothing else does.
       CONSTRAINT directory_services_waiting_weeks_only_when_waiting CHECK ((capacity = 'waiting-list') = (waiting_weeks IS NOT NULL)),
       CONSTRAINT directory_services_ages_ordered CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
       CONSTRAINT directory_services_organisation_fk FOREIGN KEY (tenant_id, organisation_id) REFERENCES directory_organisations (tenant_id, id)
     )`,
    `CREATE INDEX directory_services_search ON directory_services USING gin (search_text)`,
    `CREATE INDEX directory_services_modified ON directory_services (tenant_id, last_modified, id)`,
    `CREATE INDEX directory_services_name ON directory_services (tenant_id, name, id)`,
    `CREATE INDEX directory_services_organisation ON directory_services (tenant_id, organisation_id)`,
    ...tenantTable('directory_services'),
    `CREATE TABLE directory_service_locations (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       service_id uuid NOT NULL,
       location_id uuid NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT directory_service_locations_pair UNIQUE (tenant_id, service_id, location_id),
       CONSTRAINT directory_service_locations_service_fk FOREIGN KEY (tenant_id, service_id) REFERENCES directory_services (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT directory_service_locations_location_fk FOREIGN KEY (tenant_id, location_id) REFERENCES directory_locations (tenant_id, id)
     )`,
    `CREATE INDEX directory_service_locations_location ON directory_service_locations (tenant_id, location_id)`,
    ...tenantTable('directory_service_locations'),
    `CREATE TABLE directory_taxonomies (
       tenant_id uuid NOT NULL REFERENCES tenants (id),
       id uuid NOT NULL,
       name text NOT NULL,
       description text NOT NULL,
       uri text,
       version text,
       PRIMARY KEY (tenant_id, id)
     )`,
    ...tenantTable('directory_taxonomies'),
    `CREATE TABLE directory_taxonomy_terms (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       taxonomy_id uuid NOT NULL,
       code text,
       name text NOT NULL,
       description text NOT NULL,
       parent_id uuid,
       term_uri text,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT directory_taxonomy_terms_taxonomy_fk FOREIGN KEY (tenant_id, taxonomy_id) REFERENCES directory_taxonomies (tenant_id, id),
       CONSTRAINT directory_taxonomy_terms_parent_fk FOREIGN KEY (tenant_id, parent_id) REFERENCES directory_taxonomy_terms (tenant_id, id)
     )`,
    ...tenantTable('directory_taxonomy_terms'),
    // HSDS attributes linking a service to a taxonomy term.
    `CREATE TABLE directory_service_terms (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL,
       service_id uuid NOT NULL,
       term_id uuid NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT directory_service_terms_pair UNIQUE (tenant_id, service_id, term_id),
       CONSTRAINT directory_service_terms_service_fk FOREIGN KEY (tenant_id, service_id) REFERENCES directory_services (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT directory_service_terms_term_fk FOREIGN KEY (tenant_id, term_id) REFERENCES directory_taxonomy_terms (tenant_id, id)
     )`,
    `CREATE INDEX directory_service_terms_term ON directory_service_terms (tenant_id, term_id, service_id)`,
    ...tenantTable('directory_service_terms'),
  ],
  down: [
    'DROP TABLE directory_service_terms',
    'DROP TABLE directory_taxonomy_terms',
    'DROP TABLE directory_taxonomies',
    'DROP TABLE directory_service_locations',
    'DROP TABLE directory_services',
    'DROP TABLE directory_locations',
    'DROP TABLE directory_organisations',
    'DROP TABLE postcode_centroids',
    'ALTER TABLE tenant_settings DROP COLUMN directory_stale_days',
  ],
};
