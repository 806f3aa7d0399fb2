import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import { migrations } from '../../migrations/index.ts';
import { migrateDown, migrateToLatest } from './migrate.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table scratch (v text not null)`.execute(t.db.owner);
  await sql`grant select, insert on scratch to bridgework_app`.execute(t.db.owner);
}, 120_000);
afterAll(() => t.dispose());

const values = async () => (await sql<{ v: string }>`select v from scratch order by v`.execute(t.db.owner)).rows.map((r) => r.v);

describe(`the database layer on ${testDatabaseKind}`, () => {
  test('a write never lands inside another caller’s transaction, so a rollback there cannot take it', async () => {
    // The failure seen with kysely-pglite: a plain insert ran inside another request's open
    // transaction and was rolled back with it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const failing = t.db.owner.transaction().execute(async (tx) => {
      await sql`insert into scratch values ('inside the failed transaction')`.execute(tx);
      await held;
      throw new Error('the change failed');
    });
    await new Promise((r) => setTimeout(r, 20));
    // A statement outside any transaction, on the same Kysely instance, at the same moment.
    const plain = sql`insert into scratch values ('its own transaction')`.execute(t.db.owner);
    setTimeout(release, 50);
    await expect(failing).rejects.toThrow('the change failed');
    await plain;
    expect(await values()).toEqual(['its own transaction']);
  });

  test('many concurrent transactions all commit', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.db.global((tx) => sql`insert into scratch values (${`row ${String(i).padStart(2, '0')}`})`.execute(tx))),
    );
    expect((await values()).filter((v) => v.startsWith('row '))).toHaveLength(50);
  });

  test('the owner and the app role share a PGlite connection without the app ever running as owner', async () => {
    const roles = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? t.db.global(async (tx) => (await sql<{ r: string }>`select current_user as r`.execute(tx)).rows[0]?.r)
          : sql<{ r: string }>`select current_user as r`.execute(t.db.owner).then((x) => x.rows[0]?.r),
      ),
    );
    expect(roles.filter((_, i) => i % 2).every((r) => r === 'bridgework_app')).toBe(true);
    expect(roles.filter((_, i) => i % 2 === 0).every((r) => r !== 'bridgework_app')).toBe(true);
  });

  test('every migration goes down and comes back up', async () => {
    const names = Object.keys(migrations);
    for (let i = 0; i < names.length; i++) await migrateDown(t.db.owner, migrations);
    const left = await sql<{
      n: string;
    }>`select count(*) as n from information_schema.tables where table_schema = 'public' and table_name <> 'scratch' and table_name not like 'kysely_%'`.execute(
      t.db.owner,
    );
    expect(Number(left.rows[0]?.n)).toBe(0);
    expect((await migrateToLatest(t.db.owner, migrations)).applied).toEqual(names);
  });
});
