import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { violates } from './ids.ts';
import { createPGliteGate, serialisedPGliteDialect } from './pglite-dialect.ts';

type Tables = { things: { id: number; name: string; at: Date; tags: string[]; doc: unknown; amount: string } };

describe('PGlite with named prepared statements (ADR 0053)', () => {
  let pglite: PGlite;
  let prepared: Kysely<Tables>;
  let plain: Kysely<Tables>;
  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.exec(`CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL CONSTRAINT things_name UNIQUE, at timestamptz NOT NULL,
      tags text[] NOT NULL, doc jsonb NOT NULL, amount numeric NOT NULL)`);
    const gate = createPGliteGate(pglite);
    // Two statements kept, so the third distinct one evicts the oldest.
    prepared = new Kysely<Tables>({ dialect: serialisedPGliteDialect(gate, null, 2) });
    plain = new Kysely<Tables>({ dialect: serialisedPGliteDialect(gate, null) });
  });
  afterAll(async () => {
    await pglite.close();
  });

  test('reads and writes the same values, types and counts as PGlite’s own query', async () => {
    const at = new Date('2026-12-03T10:00:00Z');
    const inserted = await prepared
      .insertInto('things')
      .values([
        { id: 1, name: 'one', at, tags: ['a', 'b'], doc: JSON.stringify({ x: [1, 2] }), amount: '1.50' },
        { id: 2, name: 'two', at, tags: [], doc: JSON.stringify({}), amount: '2' },
      ])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const read = (db: Kysely<Tables>) => db.selectFrom('things').selectAll().where('at', '=', at).where('id', '>', 0).orderBy('id').execute();
    for (let i = 0; i < 7; i++) expect(await read(prepared)).toEqual(await read(plain));
    expect((await read(prepared))[0]).toEqual({ id: 1, name: 'one', at, tags: ['a', 'b'], doc: { x: [1, 2] }, amount: '1.50' });
    const updated = await prepared.updateTable('things').set({ name: 'uno' }).where('id', '=', 1).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    // Prepared once, then run by name (PostgreSQL moves to a generic plan after five runs).
    const statements = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE 'select * from "things"%'`.execute(
      plain,
    );
    expect(statements.rows[0]?.n).toBe(1);
  });

  test('keeps at most its limit of statements, and an evicted one is prepared again when needed', async () => {
    for (let round = 0; round < 2; round++)
      for (const id of [1, 2, 3]) {
        const rows = await prepared
          .selectFrom('things')
          .select('id')
          .where('id', '=', id)
          .$if(id === 2, (q) => q.where('name', '=', 'two'))
          .$if(id === 3, (q) => q.where('amount', '>', '0'))
          .execute();
        expect(rows.length).toBe(id === 3 ? 0 : 1);
      }
    const named = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'bwl%'`.execute(plain);
    expect(named.rows[0]?.n).toBeLessThanOrEqual(2);
  });

  test('an error keeps its constraint, leaves the connection usable, and an aborted transaction does not commit', async () => {
    const at = new Date();
    const duplicate = prepared.insertInto('things').values({ id: 9, name: 'two', at, tags: [], doc: '{}', amount: '0' }).execute();
    await expect(duplicate).rejects.toSatisfy((e: unknown) => violates(e, 'things_name'));
    expect((await prepared.selectFrom('things').select('id').where('id', '=', 2).execute()).length).toBe(1);
    await expect(
      prepared.transaction().execute(async (tx) => {
        await sql`select set_config('app.x', 'y', true)`.execute(tx);
        await tx.insertInto('things').values({ id: 10, name: 'ten', at, tags: [], doc: '{}', amount: '0' }).execute();
        await tx.insertInto('things').values({ id: 11, name: 'ten', at, tags: [], doc: '{}', amount: '0' }).execute();
      }),
    ).rejects.toThrow();
    expect((await prepared.selectFrom('things').select('id').where('id', '=', 10).execute()).length).toBe(0);
    const committed = await prepared.transaction().execute(async (tx) => {
      await sql`select set_config('app.x', 'y', true)`.execute(tx);
      await tx.insertInto('things').values({ id: 12, name: 'twelve', at, tags: [], doc: '{}', amount: '0' }).execute();
      return (await sql<{ x: string }>`select current_setting('app.x') AS x`.execute(tx)).rows[0]?.x;
    });
    expect(committed).toBe('y');
    expect((await prepared.selectFrom('things').select('id').where('id', '=', 12).execute()).length).toBe(1);
  });
});
