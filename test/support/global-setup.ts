import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteDatabase } from '../../src/platform/db/index.ts';
import { createScratchDatabase, prepare, type TestTemplates } from './test-templates.ts';

/**
 * Once per run, before any test file: the templates every file's database is copied from
 * (see `createTestDatabase`), one migrated and one migrated and seeded, on the run's engine.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'bridgework-test-templates-'));
    const pglite = await PGlite.create();
    const db = pgliteDatabase(pglite);
    try {
      const dump = async (file: string) => {
        // Written out first, so a copy starts clean rather than by recovering from the WAL.
        await sql`checkpoint`.execute(db.owner);
        writeFileSync(join(dir, file), new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer()));
        return join(dir, file);
      };
      await prepare(db, 'migrated');
      const migrated = await dump('migrated.tar');
      await prepare(db, 'seeded');
      const seeded = await dump('seeded.tar');
      project.provide('testTemplates', { kind: 'pglite', migrated, seeded } satisfies TestTemplates);
    } finally {
      await db.close();
    }
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
