import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { progressBar } from '../../src/cli/cli-io.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { type CliWorkspace, cliWorkspace } from '../support/cli-workspace.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// As an operator would: the CLI opens the database from configuration.
let env: NodeJS.ProcessEnv;
let dir: string;
let workspace: CliWorkspace;
const cli = (...args: string[]) => workspace.cli(...args);

beforeAll(async () => {
  // The demo data as `bridgework seed` writes it, copied from the run's template (cli.test.ts tests `seed`).
  workspace = await cliWorkspace('dircli', { seeded: true });
  ({ env, dir } = workspace);
}, 120_000);
afterAll(() => workspace.close());

const target = () =>
  env.DATABASE_URL ? ({ kind: 'postgres', url: env.DATABASE_URL } as const) : ({ kind: 'pglite', dataDir: env.BRIDGEWORK_DATA_DIR ?? '' } as const);

const DIRECTORY_TABLES = [
  'directory_service_terms',
  'directory_service_locations',
  'directory_services',
  'directory_taxonomy_terms',
  'directory_taxonomies',
  'directory_locations',
  'directory_organisations',
];

async function counts(): Promise<Record<string, number>> {
  const db = await openDatabase(target());
  try {
    const result: Record<string, number> = {};
    for (const table of DIRECTORY_TABLES) {
      const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db.owner);
      result[table] = Number(row.rows[0]?.n);
    }
    return result;
  } finally {
    await db.close();
  }
}

describe(`bridgework import/export directory on ${testDatabaseKind}`, () => {
  test('export, wipe, import: the same directory, byte for byte, with a progress bar', async () => {
    const first = join(dir, 'leicester.json');
    const exported = await cli('export', 'directory', '--tenant', 'E06000016', first);
    expect(exported.code, exported.err).toBe(0);
    const pkg = JSON.parse(readFileSync(first, 'utf8')) as { services: unknown[]; organizations: unknown[]; taxonomy_terms: unknown[] };
    expect(pkg.services).toHaveLength(6);
    expect(pkg.taxonomy_terms).toHaveLength(6);

    const db = await openDatabase(target());
    const leicester = await db.owner.selectFrom('tenants').select('id').where('gss_code', '=', 'E06000016').executeTakeFirstOrThrow();
    // The demo's onward referral, agreement and partner point into the directory: they go first.
    for (const table of ['onward_referrals', 'data_sharing_agreements', 'partners', ...DIRECTORY_TABLES])
      await sql`delete from ${sql.table(table)} where tenant_id = ${leicester.id}`.execute(db.owner);
    await db.close();
    expect(JSON.parse((await cli('export', 'directory', '--tenant', 'E06000016')).out).services).toEqual([]);

    const imported = await cli('import', 'directory', first, '--tenant', 'E06000016');
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toBe('Imported into the Leicester City Council directory: 6 organisations, 6 locations, 6 taxonomy terms, 6 services.');
    expect(imported.err).toContain('100% 6/6 services');

    const second = join(dir, 'again.json');
    expect((await cli('export', 'directory', '--tenant', 'E06000016', second)).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  }, 120_000);

  test('importing the same package again changes nothing', async () => {
    const before = await counts();
    const file = join(dir, 'leicester.json');
    expect((await cli('import', 'directory', file, '--tenant', 'E06000016')).code).toBe(0);
    expect(await counts()).toEqual(before);
  }, 60_000);

  test('all or nothing: a package with a bad reference is refused whole, naming the problem', async () => {
    const before = await counts();
    const pkg = JSON.parse(readFileSync(join(dir, 'leicester.json'), 'utf8')) as {
      organizations: { id: string; name: string }[];
      services: { id: string; name: string; organization_id: string; attributes: { taxonomy_term_id: string }[] }[];
    };
    const bad = structuredClone(pkg);
    bad.organizations.push({ id: '6b0c8c52-2a53-4c1e-9d7e-0a6f1d2e3f40', name: 'New organisation' });
    bad.services.at(-1)?.attributes.push({ id: '5a9b7b41-1942-4b0d-8c6d-f95e0c1d2e3f', taxonomy_term_id: '00000000-0000-4000-8000-000000000001' } as never);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    const refused = await cli('import', 'directory', join(dir, 'bad.json'), '--tenant', 'E06000016');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('services.5.attributes.1.taxonomy_term_id');
    expect(refused.err).toContain('names no taxonomy term in the package');
    expect(await counts()).toEqual(before);
  }, 60_000);

  test('all or nothing: a failure in the database half-way leaves nothing written', async () => {
    const before = await counts();
    const pkg = JSON.parse(readFileSync(join(dir, 'leicester.json'), 'utf8')) as {
      organizations: { id: string; name: string; description: string }[];
      services: { id: string; attributes: { id: string }[] }[];
    };
    // A new organisation (written first), then two services claiming one attribute id: the database refuses the second.
    pkg.organizations.push({ id: '7c1d9d63-3b64-4d2f-8e8f-1b7a2e3f4051', name: 'Written then undone', description: '' });
    const [one, two] = pkg.services;
    const clash = one?.attributes[0]?.id;
    if (!two?.attributes[0] || !clash) throw new Error('the demo directory has services with terms');
    two.attributes[0].id = clash;
    writeFileSync(join(dir, 'clash.json'), JSON.stringify(pkg));
    const failed = await cli('import', 'directory', join(dir, 'clash.json'), '--tenant', 'E06000016');
    expect(failed.code).toBe(1);
    expect(await counts()).toEqual(before);
  }, 60_000);

  test('usage mistakes exit 2', async () => {
    expect((await cli('import', 'directory', '--tenant', 'E06000016')).code).toBe(2);
    expect((await cli('import', 'directory', join(dir, 'leicester.json'))).code).toBe(2);
    expect((await cli('import', 'directory', join(dir, 'missing.json'), '--tenant', 'E06000016')).code).toBe(2);
    writeFileSync(join(dir, 'not.json'), '{ nope');
    const notJson = await cli('import', 'directory', join(dir, 'not.json'), '--tenant', 'E06000016');
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('is not valid JSON');
    expect((await cli('export', 'directory', '--tenant', 'E06000099')).code).toBe(2);
  }, 60_000);

  test('the progress bar', () => {
    expect(progressBar(0, 10, 10)).toBe('[          ] 0% 0/10 services');
    expect(progressBar(5, 10, 10)).toBe('[#####     ] 50% 5/10 services');
    expect(progressBar(10, 10, 10)).toBe('[##########] 100% 10/10 services');
    expect(progressBar(0, 0, 4)).toBe('[####] 100% 0/0 services');
  });
});
