import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { migrations } from '../../src/migrations/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { type Database, migrateToLatest } from '../../src/platform/db/index.ts';
import { seedDemo } from '../../src/seed.ts';

/** What a test database holds to begin with. */
export type Contents = 'migrated' | 'seeded';

/** The moment the demo data is seeded at, in the templates and in `createTestApp`'s clock. */
export const TEST_SEED_TIME = '2026-11-23T09:00:00Z';

/** What the global set-up made: PGlite data directories, or template database names on the server. */
export type TestTemplates = { kind: Database['kind']; migrated: string; seeded: string };

/** Migrates an empty database and, for `seeded`, adds the demo data as of TEST_SEED_TIME. */
export async function prepare(db: Database, contents: Contents): Promise<void> {
  await migrateToLatest(db.owner, migrations);
  // The demo accounts' hashes at the test-only cost: every sign-in of a test run checks one (ADR 0069).
  if (contents === 'seeded') await seedDemo(db, fixedClock(TEST_SEED_TIME), 'test-only');
}

/**
 * A new database on a PostgreSQL server, empty or a copy of `template`, and a way to drop it.
 * A copy gets what the migrations grant on the database itself, which CREATE DATABASE does not copy.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const run = async (...statements: string[]) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      for (const statement of statements) await client.query(statement);
    } finally {
      await client.end();
    }
  };
  // FILE_COPY copies the template's files as they are; the default (WAL_LOG, PostgreSQL 15+) writes
  // every block through the WAL, about three times the CPU for a test database (docs/testing.md).
  if (template) await run(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY = FILE_COPY`, `GRANT CONNECT ON DATABASE ${name} TO bridgework_app`);
  else await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Where PGlite test databases live: in memory-backed /dev/shm where the system has one (Linux), so a
 * file's copy and its writes cost no disk; otherwise the system's temporary folder.
 */
export function scratchRoot(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}
