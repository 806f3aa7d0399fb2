import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type Database, openDatabase, pgliteDatabase } from '../../src/platform/db/index.ts';
import { type Contents, createScratchDatabase, prepare, type TestTemplates } from './test-templates.ts';

export { createScratchDatabase, TEST_SEED_TIME } from './test-templates.ts';

/**
 * The database every integration test file gets: its own PGlite (over its own copy of a data
 * directory, in memory-backed /dev/shm where there is one), or, when
 * TEST_DATABASE_URL is set, its own database created on that PostgreSQL server (dropped afterwards).
 * Migrated, and empty or seeded with the demo data. The same suite runs on both.
 *
 * Each file's database is a copy of a template the run's global set-up made once
 * (`test/support/global-setup.ts`): a copied PGlite data directory, or a PostgreSQL database copied
 * with `CREATE DATABASE … TEMPLATE`. Creating a PGlite (initdb), migrating and seeding cost far more
 * than the copy. Without the global set-up (a config that has none) each file migrates its own.
 */
export type TestDatabase = {
  db: Database;
  kind: Database['kind'] /** The scratch database's owner URL (PostgreSQL only). */;
  url?: string;
  dispose(): Promise<void>;
};

export const testDatabaseKind: Database['kind'] = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates?: TestTemplates | undefined;
  }
}

function templates(): TestTemplates | undefined {
  const provided = inject('testTemplates');
  return provided?.kind === testDatabaseKind ? provided : undefined;
}

/**
 * The run's template of `contents` on this run's engine: a PGlite data directory to copy, or a
 * PostgreSQL database to copy with `CREATE DATABASE … TEMPLATE`; undefined without the global set-up.
 */
export function testTemplate(contents: Contents): string | undefined {
  return templates()?.[contents];
}

export async function createTestDatabase(contents: Contents = 'migrated'): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = templates()?.[contents];
  if (!serverUrl) {
    if (template) {
      // A PGlite over a copy of the template's data directory: nothing is shared. Copying the folder
      // and starting PGlite on it (it reads the pages it needs) costs about a third of the CPU of
      // loading a dump of it into an in-memory PGlite (docs/testing.md, ADR 0065).
      const dataDir = mkdtempSync(join(dirname(template), 'file-'));
      cpSync(template, dataDir, { recursive: true });
      const pglite = await PGlite.create({ dataDir });
      const db = pgliteDatabase(pglite, () => rmSync(dataDir, { recursive: true, force: true }));
      return { db, kind: 'pglite', dispose: () => db.close() };
    }
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await prepare(db, contents);
    return { db, kind: 'pglite', dispose: () => db.close() };
  }
  const scratch = await createScratchDatabase(serverUrl, 'bw_test', template);
  const db = await openDatabase({ kind: 'postgres', url: scratch.url });
  if (!template) await prepare(db, contents);
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
