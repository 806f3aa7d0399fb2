import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { ReferralStatus } from './referral.ts';
import { inboxCompiled, inboxQuery } from './referral-read-repo.ts';

const compiler = new Kysely<PlatformTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('the inbox lists compiled once for each set of lists (ADR 0061)', () => {
  const shapes: (readonly ReferralStatus[])[][] = [[['requested']], [['requested'], ['accepted', 'in-progress']], [['accepted', 'in-progress', 'requested']]];
  test.each(shapes)('%j: the SQL and parameters Kysely builds for the same reader and page size', (...lists) => {
    const wanted = lists.map((statuses, i) => ({ statuses, i }));
    for (const [user, limit] of [
      ['0190a0b2-0000-7000-8000-000000000001', 200],
      ['0190a0b2-0000-7000-8000-000000000002', 7],
    ] as const) {
      const built = inboxQuery(compiler, wanted, user, limit).compile();
      const once = inboxCompiled(wanted)(user, limit);
      expect(once.sql).toBe(built.sql);
      expect(once.parameters).toEqual(built.parameters);
    }
  });
});
