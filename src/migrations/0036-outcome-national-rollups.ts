import { type Migration, tenantTable } from './migration.ts';

// The owner fills the roll-ups from every tenant's counts: row-level security is forced on the
// tenant tables, so it needs a policy of its own while it does (as migration 0022), dropped after.
const TABLES = ['outcome_counts', 'outcome_area_counts'];
const open = TABLES.map((t) => `CREATE POLICY ${t}_rollup_fill ON ${t} USING (current_user <> 'bridgework_app') WITH CHECK (current_user <> 'bridgework_app')`);
const close = TABLES.map((t) => `DROP POLICY ${t}_rollup_fill ON ${t}`);

/**
 * Roll-ups for the national outcomes view (issue 15, ADR 0055): it read every area's team, month,
 * programme and days rows from `outcome_counts`, which at 300 areas misses 300 ms. Now the writer
 * keeps, in the same statement as the counts, two sums of them: per area, month and kind the people
 * reaching it; and across areas per month, kind and value the totals and the days from referral.
 * The national view reads a few thousand rows of these. Filled here from the counts as they stand
 * (the sums of `rollupsOf` in src/platform/outcomes, as it stood when this was written).
 */
export const migration: Migration = {
  up: [
    `CREATE TABLE outcome_area_counts (
       tenant_id uuid NOT NULL,
       month text NOT NULL,
       kind text NOT NULL,
       n integer NOT NULL,
       PRIMARY KEY (tenant_id, month, kind)
     )`,
    ...tenantTable('outcome_area_counts', 'SELECT, INSERT, UPDATE'),
    "CREATE POLICY outcome_area_counts_national_read ON outcome_area_counts FOR SELECT USING (current_user <> 'bridgework_app')",
    // Sums across areas, no tenant's row: the app adds to them in the fact's transaction; pages read them through the function below.
    `CREATE TABLE outcome_nation_counts (
       month text NOT NULL,
       kind text NOT NULL,
       dimension text NOT NULL CONSTRAINT outcome_nation_counts_dimension_known CHECK (dimension IN ('all', 'days')),
       value text NOT NULL,
       n integer NOT NULL,
       PRIMARY KEY (month, kind, dimension, value)
     )`,
    // The upsert (SET n = n + excluded.n) reads the row it updates, so it needs SELECT as well.
    'GRANT SELECT, INSERT, UPDATE ON outcome_nation_counts TO bridgework_app',
    ...open,
    `INSERT INTO outcome_area_counts (tenant_id, month, kind, n)
     SELECT tenant_id, month, kind, sum(n)::integer FROM outcome_counts WHERE dimension = 'all' AND value = 'first' GROUP BY tenant_id, month, kind`,
    `INSERT INTO outcome_nation_counts (month, kind, dimension, value, n)
     SELECT month, kind, dimension, value, sum(n)::integer FROM outcome_counts WHERE dimension IN ('all', 'days') GROUP BY month, kind, dimension, value`,
    ...close,
    // The national view's one cross-tenant read: per area only the people reaching each kind, and the national sums.
    `CREATE FUNCTION outcome_national_rollup(from_month text, to_month text)
       RETURNS TABLE (tenant_id uuid, kind text, dimension text, value text, n bigint)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
         SELECT a.tenant_id, a.kind, 'all', 'first', sum(a.n)::bigint
           FROM outcome_area_counts a
          WHERE a.month >= from_month AND a.month <= to_month
          GROUP BY a.tenant_id, a.kind
         UNION ALL
         SELECT NULL::uuid, c.kind, c.dimension, c.value, sum(c.n)::bigint
           FROM outcome_nation_counts c
          WHERE c.month >= from_month AND c.month <= to_month
          GROUP BY c.kind, c.dimension, c.value
     $$`,
    'REVOKE ALL ON FUNCTION outcome_national_rollup(text, text) FROM PUBLIC',
    'GRANT EXECUTE ON FUNCTION outcome_national_rollup(text, text) TO bridgework_app',
  ],
  down: ['DROP FUNCTION outcome_national_rollup(text, text)', 'DROP TABLE outcome_nation_counts', 'DROP TABLE outcome_area_counts'],
};
