import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/main.ts';
import { asSealer, ensureSigningKey, recordAudit, sealAuditChains } from '../../src/platform/audit/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { APP_ROLE, appSession, newId } from '../../src/platform/db/index.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-db.ts';

let t: TestDatabase;
let dir: string;
const tenantA = newId();
const tenantB = newId();
const clock = fixedClock('2026-11-23T10:00:00Z');
const onPostgres = testDatabaseKind === 'postgres';

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'bw-least-'));
  await t.db.owner
    .insertInto('tenants')
    .values([
      { id: tenantA, gss_code: 'E06000016', name: 'A', name_cy: 'A', nation: 'england' },
      { id: tenantB, gss_code: 'W06000015', name: 'B', name_cy: 'B', nation: 'wales' },
    ])
    .execute();
  for (const tenantId of [tenantA, tenantA, tenantB]) {
    await t.db.inTenant(tenantId, (tx) =>
      recordAudit(tx, tenantId, clock, { actor: { kind: 'system', id: 't' }, action: 'x.y', recordType: 'x', reason: 'test' }),
    );
  }
  await sealAuditChains(t.db);
}, 120_000);
afterAll(async () => {
  await t.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe(`least privilege on ${testDatabaseKind}`, () => {
  test.skipIf(!onPostgres)('the app pool logs in as the app role itself: no superuser, no RLS bypass, owns nothing', async () => {
    expect(await appSession(t.db)).toEqual({ sessionUser: APP_ROLE, superuser: false, bypassRls: false, ownedTables: 0 });
  });

  test.skipIf(!onPostgres)('the app connection cannot step out of row-level security by changing who it is', async () => {
    await expect(t.db.global((tx) => sql`set session authorization postgres`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(t.db.global((tx) => sql`set role postgres`.execute(tx))).rejects.toThrow(/permission denied/);
    await expect(t.db.global((tx) => sql`set role bridgework_sealer`.execute(tx))).rejects.toThrow(/permission denied/);
    const after = await t.db.inTenant(tenantA, async (tx) => {
      await sql`reset role`.execute(tx);
      await sql`reset session authorization`.execute(tx);
      return sql<{ who: string; tenants: string }>`select current_user as who, (select count(distinct tenant_id) from audit_events)::text as tenants`.execute(
        tx,
      );
    });
    expect(after.rows[0]).toEqual({ who: APP_ROLE, tenants: '1' });
  });

  test('the app cannot change or remove sealed audit rows, move a chain head, or write a row already sealed', async () => {
    const denied = [
      sql`update audit_events set reason = 'x'`,
      sql`delete from audit_events`,
      sql`update audit_chain_heads set seq = 0`,
      sql`delete from audit_chain_heads`,
      sql`insert into audit_chain_heads (tenant_id, seq, last_hash) values (${tenantA}, 99, 'x') on conflict (tenant_id) do update set seq = 99`,
      sql`insert into audit_events (tenant_id, seq, prev_hash, hash, occurred_at, actor_kind, actor_id, action, record_type, reason, details)
          values (${tenantA}, 99, 'x', 'x', now(), 'system', 't', 'x.y', 'x', 'forged', '{}')`,
      sql`insert into audit_checkpoints values (${tenantA}, 1, 'x', now(), 'k', 's')`,
    ];
    for (const statement of denied) {
      await expect(t.db.inTenant(tenantA, (tx) => statement.execute(tx))).rejects.toThrow(/permission denied/);
    }
  });

  test('even the sealer cannot rewrite a row once sealed', async () => {
    const changed = await asSealer(t.db, (tx) => sql`update audit_events set hash = 'x', prev_hash = 'x' where seq is not null`.execute(tx));
    expect(Number(changed.numAffectedRows)).toBe(0);
    await expect(asSealer(t.db, (tx) => sql`update audit_events set reason = 'x'`.execute(tx))).rejects.toThrow(/permission denied/);
  });

  test.skipIf(!onPostgres)('production refuses to start when the app connection is a superuser, and starts as the app role', async () => {
    const keyPath = join(dir, 'audit-key.pem');
    await ensureSigningKey(keyPath);
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: '0',
      DATABASE_URL: t.url,
      BRIDGEWORK_SECRET: 'x'.repeat(40),
      AUDIT_SIGNING_KEY_PATH: keyPath,
    };
    await expect(startServer(loadConfig({ ...env, DATABASE_APP_URL: t.url }), { seedIfEmpty: false })).rejects.toThrow(
      /Refusing to start: the app's database login postgres is a superuser/,
    );
    const server = await startServer(loadConfig(env), { seedIfEmpty: false });
    await server.stop();
  });

  test('production refuses to start without an audit signing key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', BRIDGEWORK_SECRET: 'x'.repeat(40) })).toThrow(
      /AUDIT_SIGNING_KEY_PATH is required/,
    );
  });
});
