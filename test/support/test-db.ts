import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrations } from '../../src/migrations/index.ts';
import { type Database, migrateToLatest, openDatabase } from '../../src/platform/db/index.ts';

/**
 * The database every integration test file gets: a fresh in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a fresh database created on that PostgreSQL server (dropped afterwards).
 * Migrated, empty. The same suite runs on both.
 */
export type TestDatabase = { db: Database; kind: Database['kind']; ownerUrl: string | null; dispose(): Promise<void> };

export const testDatabaseKind: Database['kind'] = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await migrateToLatest(db.owner, migrations);
    return { db, kind: 'pglite', ownerUrl: null, dispose: () => db.close() };
  }
  const name = `bw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(db.owner, migrations);
  return {
    db,
    kind: 'postgres',
    ownerUrl: url.toString(),
    async dispose() {
      await db.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
