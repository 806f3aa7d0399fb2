import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { PlatformTables } from '../db/index.ts';
import { auditInsert } from './audit.ts';

describe('the audit insert compiled once (ADR 0053)', () => {
  test('gives the SQL and parameters Kysely builds for the same row', () => {
    const db = new Kysely<PlatformTables>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const row = {
      tenant_id: '01a23c1d-8e4d-7160-8000-000000000001',
      occurred_at: '2026-12-03T10:00:00.000Z',
      actor_kind: 'user',
      actor_id: 'u-1',
      action: 'case.health-read',
      record_type: 'case',
      record_id: null,
      reason: 'working relationship: assigned-specialist',
      details: '{"relationship":"assigned-specialist"}',
    };
    const built = db.insertInto('audit_events').values(row).compile();
    const once = auditInsert(row.tenant_id, row.occurred_at, row.actor_kind, row.actor_id, row.action, row.record_type, row.record_id, row.reason, row.details);
    expect(once.sql).toBe(built.sql);
    expect(once.parameters).toEqual(built.parameters);
  });
});
