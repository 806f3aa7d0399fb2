import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 120_000);
afterAll(() => t.dispose());

const notify = (payload: string) => t.db.global((tx) => sql`select pg_notify('listen_test', ${payload})`.execute(tx));

/** Looks until `condition` holds, sending `poke` between looks (a bounded number of looks, never a time). */
async function until(condition: () => boolean, poke: () => Promise<unknown> = async () => {}): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await poke();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the condition was never met');
}

describe(`LISTEN/NOTIFY on ${testDatabaseKind}`, () => {
  test('a notification arrives when its transaction commits, and not at all if it rolls back', async () => {
    const got: (string | null)[] = [];
    const stop = await t.db.listen('listen_test', (p) => got.push(p));
    await expect(
      t.db.global(async (tx) => {
        await sql`select pg_notify('listen_test', 'rolled back')`.execute(tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    await notify('committed');
    await until(() => got.includes('committed'));
    expect(got).not.toContain('rolled back');
    await stop();
  });

  test.runIf(testDatabaseKind === 'postgres')('the listening connection comes back after it is cut, and says so', async () => {
    const got: (string | null)[] = [];
    const stop = await t.db.listen('listen_test', (p) => got.push(p));
    const cut = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and query ilike 'LISTEN listen_test%'`.execute(t.db.owner);
    expect(cut.rows[0]?.n).toBe(1);
    await until(() => got.includes(null));
    await until(
      () => got.includes('after'),
      () => notify('after'),
    );
    await stop();
  });
});
