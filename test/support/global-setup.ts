import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteDatabase } from '../../src/platform/db/index.ts';
import { type Contents, createScratchDatabase, prepare, scratchRoot, type TestTemplates } from './test-templates.ts';

/**
 * Once per run, before any test file: the templates every file's database is copied from
 * (see `createTestDatabase`), one migrated and one migrated and seeded, on the run's engine.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // PGlite data directories; each file's copy is made beside them, so ending the run removes all.
    const dir = mkdtempSync(join(scratchRoot(), 'bridgework-test-templates-'));
    const migrated = join(dir, 'migrated');
    const seeded = join(dir, 'seeded');
    const make = async (dataDir: string, contents: Contents) => {
      const db = pgliteDatabase(await PGlite.create({ dataDir }));
      try {
        await prepare(db, contents);
      } finally {
        // A clean shutdown writes everything out, so a copy starts without recovering from the WAL.
        await db.close();
      }
    };
    try {
      await make(migrated, 'migrated');
      cpSync(migrated, seeded, { recursive: true });
      await make(seeded, 'seeded');
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    project.provide('testTemplates', { kind: 'pglite', migrated, seeded } satisfies TestTemplates);
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  const migrated = await createScratchDatabase(serverUrl, 'bw_template');
  const seeded = await createScratchDatabase(serverUrl, 'bw_template');
  const drop = () => Promise.all([migrated.drop(), seeded.drop()]).then(() => {});
  try {
    for (const [scratch, contents] of [
      [migrated, 'migrated'],
      [seeded, 'seeded'],
    ] as const) {
      const db = await openDatabase({ kind: 'postgres', url: scratch.url });
      try {
        await prepare(db, contents);
      } finally {
        // CREATE DATABASE … TEMPLATE needs the template to have no sessions.
        await db.close();
      }
    }
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide('testTemplates', { kind: 'postgres', migrated: migrated.name, seeded: seeded.name } satisfies TestTemplates);
  return drop;
}
