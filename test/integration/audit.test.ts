import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordAudit, verifyAuditChains } from '../../src/platform/audit/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { newId } from '../../src/platform/db/index.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-db.ts';

let t: TestDatabase;
const clock = fixedClock('2026-11-23T10:00:00Z');
const tenantA = newId();
const tenantB = newId();
const actor = { kind: 'user', id: 'u1' } as const;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.owner
    .insertInto('tenants')
    .values([
      { id: tenantA, gss_code: 'E06000016', name: 'A', name_cy: 'A', nation: 'england' },
      { id: tenantB, gss_code: 'W06000015', name: 'B', name_cy: 'B', nation: 'wales' },
    ])
    .execute();
}, 120_000);
afterAll(() => t.dispose());

const entry = (n: number) => ({
  actor,
  action: 'thing.change',
  recordType: 'thing',
  recordId: `r${n}`,
  reason: 'testing',
  details: { n, nested: { b: 1, a: [1, 2] } },
});

describe(`the audit hash chain on ${testDatabaseKind}`, () => {
  test('appends form one unbroken chain per tenant, even when written concurrently', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.db.inTenant(i % 2 ? tenantA : tenantB, (tx) => recordAudit(tx, i % 2 ? tenantA : tenantB, clock, entry(i)))),
    );
    const report = await verifyAuditChains(t.db);
    expect(report).toEqual({ tenants: 2, events: 30, firstBreak: null });
    const seqs = await t.db.inTenant(tenantA, (tx) => tx.selectFrom('audit_events').select('seq').orderBy('seq').execute());
    expect(seqs.map((s) => Number(s.seq))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  test('an audit entry rolls back with the change it records', async () => {
    await expect(
      t.db.inTenant(tenantA, async (tx) => {
        await recordAudit(tx, tenantA, clock, entry(99));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const found = await t.db.inTenant(tenantA, (tx) => tx.selectFrom('audit_events').select('seq').where('record_id', '=', 'r99').execute());
    expect(found).toHaveLength(0);
    expect((await verifyAuditChains(t.db)).firstBreak).toBeNull();
  });

  test('a removed row is found and named', async () => {
    await sql`delete from audit_events where tenant_id = ${tenantB} and seq = 7`.execute(t.db.owner);
    const report = await verifyAuditChains(t.db);
    expect(report.firstBreak).toMatchObject({ gssCode: 'W06000015', seq: 7, problem: 'row 7 is missing' });
  });

  test('an edited detail is found and named', async () => {
    await sql`update audit_events set details = '{"n": 1000}' where tenant_id = ${tenantA} and seq = 4`.execute(t.db.owner);
    const report = await verifyAuditChains(t.db);
    expect(report.firstBreak).toMatchObject({ gssCode: 'E06000016', seq: 4, problem: 'its contents do not match its hash' });
  });
});
