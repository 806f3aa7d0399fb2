import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import type { Tx } from './database.ts';
import { writeTogether } from './write-together.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table wt_parent (id integer primary key, v text not null)`.execute(t.db.owner);
  await sql`create table wt_child (parent_id integer not null references wt_parent (id), n integer not null)`.execute(t.db.owner);
  await sql`grant select, insert, update on wt_parent, wt_child to bridgework_app`.execute(t.db.owner);
}, 120_000);
afterAll(() => t.dispose());

// The scratch tables are not in the app's table types: raw fragments stand in for builders.
const write = (tx: Tx, parts: Parameters<typeof writeTogether>[1], counted?: number[]) => writeTogether(tx, parts, counted);

describe(`writeTogether on ${testDatabaseKind}`, () => {
  test('runs every write in one statement, counts what the counted ones returned, and a child may reference a parent written beside it', async () => {
    const counts = await t.db.global((tx) =>
      write(
        tx,
        [
          sql`insert into wt_child (parent_id, n) values (${1}, ${10})`,
          sql`insert into wt_parent (id, v) values (${1}, ${'one'}), (${2}, ${'two'}) returning id`,
          { onPrevious: (parents) => sql`insert into wt_child (parent_id, n) select id, id * 100 from ${sql.raw(parents)}` },
          sql`update wt_parent set v = 'never' where id = ${99} returning id`,
        ],
        [1, 3],
      ),
    );
    expect(counts).toEqual([2, 0]);
    const children = await sql<{ parent_id: number; n: number }>`select parent_id, n from wt_child order by n`.execute(t.db.owner);
    expect(children.rows).toEqual([
      { parent_id: 1, n: 10 },
      { parent_id: 1, n: 100 },
      { parent_id: 2, n: 200 },
    ]);
  });

  test('a part of several queries names them after its prefix, and they read each other by name', async () => {
    const counts = await t.db.global((tx) =>
      write(
        tx,
        [
          sql`insert into wt_parent (id, v) values (${10}, ${'ten'}) returning id`,
          {
            queries: (prefix) => [
              [`${prefix}made`, sql`insert into wt_parent (id, v) values (${11}, ${'eleven'}), (${12}, ${'twelve'}) returning id`],
              [`${prefix}children`, sql`insert into wt_child (parent_id, n) select id, id * 1000 from ${sql.raw(`${prefix}made`)}`],
            ],
          },
          sql`update wt_parent set v = 'never' where id = ${98} returning id`,
        ],
        [0, 2],
      ),
    );
    expect(counts).toEqual([1, 0]);
    const children = await sql<{ parent_id: number; n: number }>`select parent_id, n from wt_child where n >= 1000 order by n`.execute(t.db.owner);
    expect(children.rows).toEqual([
      { parent_id: 11, n: 11000 },
      { parent_id: 12, n: 12000 },
    ]);
    await expect(t.db.global((tx) => write(tx, [{ queries: () => [['elsewhere', sql`select 1`]] }]))).rejects.toThrow(/must start with w0_/);
  });

  test('a write that fails undoes the others', async () => {
    await expect(
      t.db.global((tx) =>
        write(tx, [sql`insert into wt_parent (id, v) values (${3}, ${'three'})`, sql`insert into wt_child (parent_id, n) values (${404}, ${1})`]),
      ),
    ).rejects.toThrow();
    const found = await sql`select id from wt_parent where id = 3`.execute(t.db.owner);
    expect(found.rows).toEqual([]);
  });
});
