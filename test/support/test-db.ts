import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrations } from '../../src/migrations/index.ts';
import { type Database, migrateToLatest, openDatabase } from '../../src/platform/db/index.ts';

/**
 * The database every integration test file gets: a fresh in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a fresh database created on that PostgreSQL server (dropped afterwards).
 * Migrated, empty. The same suite runs on both.
 */
export type TestDatabase = {
  db: Database;
  kind: Database['kind'] /** The scratch database's owner URL (PostgreSQL only). */;
  url?: string;
  dispose(): Promise<void>;
};

export const testDatabaseKind: Database['kind'] = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await migrateToLatest(db.owner, migrations);
    return { db, kind: 'pglite', dispose: () => db.close() };
  }
  const scratch = await createScratchDatabase(serverUrl, 'bw_test');
  const db = await openDatabase({ kind: 'postgres', url: scratch.url });
  await migrateToLatest(db.owner, migrations);
  return {
    db,
    kind: 'postgres',
    url: scratch.url,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

/** A new, empty database on a PostgreSQL server, and a way to drop it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
