import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { PlatformTables } from '../../platform/db/index.ts';
import { caseloadCompiled, caseloadQuery } from './case-read-repo.ts';

const compiler = new Kysely<PlatformTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('the caseload compiled once (ADR 0061)', () => {
  test('gives the SQL and parameters Kysely builds for the same specialist and moment', () => {
    for (const [user, now] of [
      ['0190a0b2-0000-7000-8000-000000000001', new Date('2026-12-03T10:00:00Z')],
      ['0190a0b2-0000-7000-8000-000000000002', new Date('2027-01-01T00:00:00Z')],
    ] as const) {
      const built = caseloadQuery(compiler, user, now).compile();
      const once = caseloadCompiled(user, now);
      expect(once.sql).toBe(built.sql);
      expect(once.parameters).toEqual(built.parameters);
    }
  });
});
