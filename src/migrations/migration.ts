/**
 * A migration is a list of SQL statements each way. Plain SQL keeps one dialect (PostgreSQL 15+)
 * for PGlite and the server, and one statement at a time suits PGlite's extended protocol.
 * Append-only once landed: add a new file rather than edit one.
 */
export type Migration = { readonly up: readonly string[]; readonly down: readonly string[] };

/**
 * Statements that make `table` tenant-owned: RLS enabled and forced, one policy on `tenant_id`,
 * and the app role's grants. Frozen: later migrations rely on it producing exactly this.
 */
export function tenantTable(table: string, grants = 'SELECT, INSERT, UPDATE, DELETE'): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_tenant_isolation ON ${table} USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    `GRANT ${grants} ON ${table} TO bridgework_app`,
  ];
}
