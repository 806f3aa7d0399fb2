import { type Kysely, sql } from 'kysely';
import { type Migration as KyselyMigration, Migrator } from 'kysely/migration';
import type { PlatformTables } from './tables.ts';

export type SqlMigration = { readonly up: readonly string[]; readonly down: readonly string[] };

function toKysely(m: SqlMigration): KyselyMigration {
  const run = (statements: readonly string[]) => async (db: Kysely<unknown>) => {
    for (const statement of statements) await sql.raw(statement).execute(db);
  };
  return { up: run(m.up), down: run(m.down) };
}

function migrator(owner: Kysely<PlatformTables>, migrations: Readonly<Record<string, SqlMigration>>): Migrator {
  return new Migrator({
    db: owner,
    // Numbers are reserved ahead and land in any order: a database that already ran 0018 still
    // runs 0017 when it lands (each migration is written to run before or after its neighbours).
    allowUnorderedMigrations: true,
    provider: {
      getMigrations: async () => Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, toKysely(m)])),
    },
  });
}

export type MigrationReport = { applied: string[] };

/**
 * Brings the schema up to date, in order, each migration in its own transaction.
 *
 * @example await migrateToLatest(db.owner, migrations);
 */
export async function migrateToLatest(owner: Kysely<PlatformTables>, migrations: Readonly<Record<string, SqlMigration>>): Promise<MigrationReport> {
  const { error, results } = await migrator(owner, migrations).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Undoes the most recent migration. */
export async function migrateDown(owner: Kysely<PlatformTables>, migrations: Readonly<Record<string, SqlMigration>>): Promise<MigrationReport> {
  const { error, results } = await migrator(owner, migrations).migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
