import type { Migration } from './migration.ts';

/**
 * The tenant dashboard and the national view read only index pages (issue 15, ADR 0063).
 *
 * - `outcome_counts_read` replaces `outcome_counts_dimension`: keyed by tenant, dimension, kind and
 *   month, carrying value, team and n, so the dashboard's read (only the kinds each figure uses) is
 *   one index range per dimension and kind, read without visiting the table (an index-only scan,
 *   where the table's pages are marked all-visible by vacuum). The table's rows of one tenant lie
 *   scattered among every other area's (about 3,600 pages for one dashboard at 10,000 participants
 *   an area, against about 230 index pages now).
 * - `outcome_area_counts_month`: the national view reads a range of months across every area.
 * - Both roll-ups rewritten compactly in key order (CLUSTER): a bulk load adds to every national
 *   row per statement, leaving most of their pages dead rows that a scan still reads.
 * - `outcome_national_counts` dropped: nothing has read it since the roll-ups (ADR 0055).
 */
export const migration: Migration = {
  up: [
    'CREATE INDEX outcome_counts_read ON outcome_counts (tenant_id, dimension, kind, month) INCLUDE (value, team_id, n)',
    'DROP INDEX outcome_counts_dimension',
    'CREATE INDEX outcome_area_counts_month ON outcome_area_counts (month) INCLUDE (tenant_id, kind, n)',
    'CLUSTER outcome_area_counts USING outcome_area_counts_pkey',
    'CLUSTER outcome_nation_counts USING outcome_nation_counts_pkey',
    'ANALYZE outcome_counts',
    'ANALYZE outcome_area_counts',
    'ANALYZE outcome_nation_counts',
    'DROP FUNCTION outcome_national_counts(text, text, text[])',
  ],
  down: [
    `CREATE FUNCTION outcome_national_counts(from_month text, to_month text, dims text[])
       RETURNS TABLE (tenant_id uuid, kind text, dimension text, value text, n bigint)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT c.tenant_id, c.kind, c.dimension, c.value, sum(c.n)::bigint
           FROM outcome_counts c
          WHERE c.month >= from_month AND c.month <= to_month AND c.dimension = ANY (dims)
          GROUP BY c.tenant_id, c.kind, c.dimension, c.value
     $$`,
    'REVOKE ALL ON FUNCTION outcome_national_counts(text, text, text[]) FROM PUBLIC',
    'GRANT EXECUTE ON FUNCTION outcome_national_counts(text, text, text[]) TO bridgework_app',
    'DROP INDEX outcome_area_counts_month',
    'CREATE INDEX outcome_counts_dimension ON outcome_counts (tenant_id, dimension, month)',
    'DROP INDEX outcome_counts_read',
  ],
};
