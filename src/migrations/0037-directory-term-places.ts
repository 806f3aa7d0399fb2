import { type Migration, tenantTable } from './migration.ts';

// The backfill reads and writes every tenant's directory as the migration owner: row-level security
// is forced on these tables, so it needs a policy of its own, dropped again at the end (as 0022).
const TABLES = ['directory_service_locations', 'directory_locations', 'directory_service_terms', 'directory_service_places'];
const open = TABLES.map((t) => `CREATE POLICY ${t}_rebuild ON ${t} USING (current_user <> 'bridgework_app') WITH CHECK (current_user <> 'bridgework_app')`);
const close = TABLES.map((t) => `DROP POLICY ${t}_rebuild ON ${t}`);

/**
 * The public search near a point for a type of help (ADR 0056): where each service is, by term.
 * One row per service, place and taxonomy term (the place's coordinates copied), so the search
 * reads one index range (the term, then the box) and finds only the services near the point with
 * that term, instead of looking up the link and the term of every place in the box. Derived from
 * the link tables and the locations, and rewritten by the directory import (the only writer of
 * those) for every service it touches.
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE directory_service_places (
       tenant_id uuid NOT NULL,
       service_id uuid NOT NULL,
       location_id uuid NOT NULL,
       term_id uuid NOT NULL,
       latitude double precision NOT NULL,
       longitude double precision NOT NULL,
       PRIMARY KEY (tenant_id, service_id, location_id, term_id),
       CONSTRAINT directory_service_places_service_fk FOREIGN KEY (tenant_id, service_id) REFERENCES directory_services (tenant_id, id) ON DELETE CASCADE
     )`,
    'CREATE INDEX directory_service_places_term ON directory_service_places (tenant_id, term_id, latitude, longitude) INCLUDE (service_id)',
    ...tenantTable('directory_service_places', 'SELECT, INSERT, DELETE'),
    ...open,
    `INSERT INTO directory_service_places (tenant_id, service_id, location_id, term_id, latitude, longitude)
     SELECT sl.tenant_id, sl.service_id, sl.location_id, st.term_id, l.latitude, l.longitude
       FROM directory_service_locations sl
       JOIN directory_locations l ON l.tenant_id = sl.tenant_id AND l.id = sl.location_id
       JOIN directory_service_terms st ON st.tenant_id = sl.tenant_id AND st.service_id = sl.service_id
      WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL`,
    ...close,
  ],
  down: ['DROP TABLE directory_service_places'],
};
