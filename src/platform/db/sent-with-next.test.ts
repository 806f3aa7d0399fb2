import net from 'node:net';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import { sendWithNext } from './sent-with-next.ts';
import type { PlatformTables } from './tables.ts';

let t: TestDatabase;
let tenantId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`create table held_scratch (v text not null)`.execute(t.db.owner);
  await sql`grant select, insert on held_scratch to bridgework_app`.execute(t.db.owner);
  tenantId = '0193a1c2-0000-7000-8000-000000000067';
  await t.db.owner.insertInto('tenants').values({ id: tenantId, gss_code: 'E06000016', name: 'Leicester', name_cy: 'Caerlŷr', nation: 'england' }).execute();
}, 120_000);
afterAll(() => t.dispose());

const values = async () => (await sql<{ v: string }>`select v from held_scratch order by v`.execute(t.db.owner)).rows.map((r) => r.v);
const setting = (q: Kysely<PlatformTables>) => q.selectNoFrom(sql<string>`current_setting('app.tenant_id', true)`.as('s'));
const held = (v: string | null) => sendWithNext(CompiledQuery.raw('insert into held_scratch (v) values ($1)', [v]));

/**
 * Writes to PostgreSQL's port while `fn` runs: each is one flush of the socket, so one round trip
 * (pg writes a query's messages corked, and a pipeline's statements in one cork).
 */
async function writesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const proto = net.Socket.prototype as unknown as { _writeGeneric: (...args: unknown[]) => unknown };
  const original = proto._writeGeneric;
  let writes = 0;
  proto._writeGeneric = function (this: net.Socket, ...args: unknown[]) {
    if (this.remotePort === 5432) writes++;
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), writes };
  } finally {
    proto._writeGeneric = original;
  }
}

describe(`statements sent with the next one (sendWithNext) on ${testDatabaseKind}`, () => {
  test('a held statement is written before the next statement of its transaction, and commits with it', async () => {
    const seen = await t.db.global(async (tx) => {
      await tx.executeQuery(held('first'));
      return (await sql<{ v: string }>`select v from held_scratch where v = ${'first'}`.execute(tx)).rows.map((r) => r.v);
    });
    expect(seen).toEqual(['first']);
    expect(await values()).toContain('first');
  });

  test('a held statement left for the end commits with the transaction', async () => {
    await t.db.global(async (tx) => {
      await sql`insert into held_scratch (v) values (${'before the audit'})`.execute(tx);
      await tx.executeQuery(held('with the commit'));
    });
    expect(await values()).toEqual(expect.arrayContaining(['before the audit', 'with the commit']));
  });

  test('a held statement that fails fails the transaction, and nothing of it is committed', async () => {
    const read = t.db.global(async (tx) => {
      await sql`insert into held_scratch (v) values (${'lost with the failure'})`.execute(tx);
      await tx.executeQuery(held(null));
      return 'shown';
    });
    await expect(read).rejects.toThrow(/null value/);
    expect(await values()).not.toContain('lost with the failure');
    // The connection is usable afterwards.
    await t.db.global((tx) => sql`insert into held_scratch (v) values (${'after the failure'})`.execute(tx));
    expect(await values()).toContain('after the failure');
  });

  test('a held statement that fails fails the statement it travels with', async () => {
    const read = t.db.global(async (tx) => {
      await tx.executeQuery(held(null));
      return sql`select 1 as one`.execute(tx);
    });
    await expect(read).rejects.toThrow(/null value/);
  });

  test('a rolled back transaction sends nothing it held', async () => {
    await expect(
      t.db.global(async (tx) => {
        await tx.executeQuery(held('rolled back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await values()).not.toContain('rolled back');
  });

  test('the tenant is set for the first statement of a tenant transaction', async () => {
    const current = await t.db.inTenant(
      tenantId,
      async (tx) => (await sql<{ s: string }>`select current_setting('app.tenant_id', true) as s`.execute(tx)).rows[0]?.s,
    );
    expect(current).toBe(tenantId);
    const rows = await t.db.readInTenant(tenantId, setting);
    expect(rows).toEqual([{ s: tenantId }]);
  });

  test.runIf(testDatabaseKind === 'postgres')(
    'on PostgreSQL a tenant read is three round trips (BEGIN with the tenant, the read, COMMIT) and a read with its audit row after it three',
    async () => {
      await t.db.readInTenant(tenantId, setting);
      const read = await writesDuring(() => t.db.readInTenant(tenantId, setting));
      expect(read.result).toEqual([{ s: tenantId }]);
      expect(read.writes).toBe(3);
      const audited = await writesDuring(() =>
        t.db.inTenant(tenantId, async (tx) => {
          const rows = await setting(tx).execute();
          await tx.executeQuery(held('audited read'));
          return rows;
        }),
      );
      expect(audited.result).toHaveLength(1);
      expect(audited.writes).toBe(3);
      expect(await values()).toContain('audited read');
    },
  );
});
