import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type Database, openDatabase, pgliteDatabase } from '../../src/platform/db/index.ts';
import { type Contents, createScratchDatabase, prepare, type TestTemplates } from './test-templates.ts';

export { createScratchDatabase, TEST_SEED_TIME } from './test-templates.ts';

/**
 * The database every integration test file gets: its own in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, its own database created on that PostgreSQL server (dropped afterwards).
 * Migrated, and empty or seeded with the demo data. The same suite runs on both.
 *
 * Each file's database is a copy of a template the run's global set-up made once
 * (`test/support/global-setup.ts`): a PGlite data-directory dump, or a PostgreSQL database copied
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

export async function createTestDatabase(contents: Contents = 'migrated'): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = templates()?.[contents];
  if (!serverUrl) {
    if (template) {
      // A fresh in-memory PGlite whose data directory starts as the template's: nothing is shared.
      const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
      const db = pgliteDatabase(pglite);
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
