import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHECKPOINT_FILE,
  type Checkpoint,
  chainHash,
  createAuditSealer,
  ensureSigningKey,
  listCheckpoints,
  parseCheckpoints,
  recordAudit,
  type SigningKey,
  sealAuditChains,
  signCheckpoint,
  verifyAuditChains,
  writeCheckpoints,
} from '../../src/platform/audit/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { newId, openDatabase } from '../../src/platform/db/index.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-db.ts';

let t: TestDatabase;
let dir: string;
let key: SigningKey;
const clock = fixedClock('2026-11-23T10:00:00Z');
const tenantA = newId();
const tenantB = newId();
const actor = { kind: 'user', id: 'u1' } as const;
const now = () => clock.now();

beforeAll(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'bw-audit-'));
  key = await ensureSigningKey(join(dir, 'key.pem'));
  await t.db.owner
    .insertInto('tenants')
    .values([
      { id: tenantA, gss_code: 'E06000016', name: 'A', name_cy: 'A', nation: 'england' },
      { id: tenantB, gss_code: 'W06000015', name: 'B', name_cy: 'B', nation: 'wales' },
    ])
    .execute();
}, 120_000);
afterAll(async () => {
  await t.dispose();
  await rm(dir, { recursive: true, force: true });
});

const entry = (n: number) => ({
  actor,
  action: 'thing.change',
  recordType: 'thing',
  recordId: `r${n}`,
  reason: 'testing',
  details: { n, nested: { b: 1, a: [1, 2] } },
});
const audit = (tenantId: string, n: number) => t.db.inTenant(tenantId, (tx) => recordAudit(tx, tenantId, clock, entry(n)));
const chainOf = (tenantId: string) =>
  t.db.inTenant(tenantId, (tx) => tx.selectFrom('audit_events').select(['seq', 'record_id']).where('seq', 'is not', null).orderBy('seq').execute());

describe(`the audit hash chain on ${testDatabaseKind}`, () => {
  test('rows are written unsealed with their change, and the sealer chains them into one unbroken chain per tenant', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit(i % 2 ? tenantA : tenantB, i)));
    expect(await verifyAuditChains(t.db, { now: now() })).toMatchObject({ tenants: 2, events: 0, unsealed: 30, overdue: 0, firstBreak: null });
    // A minute on, rows still unsealed are flagged: the sealer is not keeping up or not running.
    expect(await verifyAuditChains(t.db, { now: new Date(now().getTime() + 61_000) })).toMatchObject({ unsealed: 30, overdue: 30 });

    expect(await sealAuditChains(t.db)).toEqual({ sealed: 30, tenants: 2 });
    expect(await sealAuditChains(t.db)).toEqual({ sealed: 0, tenants: 0 });
    expect(await verifyAuditChains(t.db, { now: now() })).toEqual({ tenants: 2, events: 30, unsealed: 0, overdue: 0, checkpoints: 0, firstBreak: null });
    expect((await chainOf(tenantA)).map((s) => Number(s.seq))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  test('rows of one transaction keep the order they were written in', async () => {
    await t.db.inTenant(tenantA, async (tx) => {
      for (const n of [101, 102, 103]) await recordAudit(tx, tenantA, clock, entry(n));
    });
    await sealAuditChains(t.db);
    expect((await chainOf(tenantA)).slice(-3).map((r) => r.record_id)).toEqual(['r101', 'r102', 'r103']);
  });

  test('an audit entry rolls back with the change it records', async () => {
    await expect(
      t.db.inTenant(tenantA, async (tx) => {
        await recordAudit(tx, tenantA, clock, entry(99));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sealAuditChains(t.db);
    const found = await t.db.inTenant(tenantA, (tx) => tx.selectFrom('audit_events').select('seq').where('record_id', '=', 'r99').execute());
    expect(found).toHaveLength(0);
    expect((await verifyAuditChains(t.db, { now: now() })).firstBreak).toBeNull();
  });

  test('sealers running at once (and from two connections) never seal a row twice or leave a gap', async () => {
    const other = t.url ? await openDatabase({ kind: 'postgres', url: t.url }) : null;
    const sealers = [t.db, other ?? t.db];
    try {
      for (let round = 0; round < 5; round++) {
        await Promise.all([
          ...Array.from({ length: 10 }, (_, i) => audit(i % 2 ? tenantA : tenantB, 1000 + round * 10 + i)),
          ...sealers.map((db) => sealAuditChains(db)),
          ...sealers.map((db) => sealAuditChains(db)),
        ]);
      }
      await sealAuditChains(t.db);
      const report = await verifyAuditChains(t.db, { now: now() });
      expect(report).toMatchObject({ unsealed: 0, firstBreak: null });
    } finally {
      await other?.close();
    }
  });

  test.skipIf(testDatabaseKind !== 'postgres')('one audited transaction held open does not stop another in the same tenant from committing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const heldHasWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const first = t.db.inTenant(tenantA, async (tx) => {
      await recordAudit(tx, tenantA, clock, entry(500));
      written();
      await held;
    });
    await heldHasWritten;
    // Were the writers queued on a shared row, this would wait for the held transaction: fail fast instead.
    await t.db.inTenant(tenantA, async (tx) => {
      await sql`set local lock_timeout = '5s'`.execute(tx);
      await recordAudit(tx, tenantA, clock, entry(501));
    });
    // The sealer does not wait either; it leaves the second row until the first transaction ends,
    // so the order it gives cannot change afterwards.
    await sealAuditChains(t.db);
    expect((await chainOf(tenantA)).map((r) => r.record_id)).not.toContain('r501');
    release();
    await first;
    await sealAuditChains(t.db);
    expect((await chainOf(tenantA)).slice(-2).map((r) => r.record_id)).toEqual(['r500', 'r501']);
    expect((await verifyAuditChains(t.db, { now: now() })).firstBreak).toBeNull();
  });

  test('signed checkpoints catch a chain rewritten and rehashed whole, which the chain alone cannot', async () => {
    await sealAuditChains(t.db);
    const made = await writeCheckpoints(t.db, clock, key, dir);
    expect(made.map((c) => c.tenantId).sort()).toEqual([tenantA, tenantB].sort());
    expect(await writeCheckpoints(t.db, clock, key, dir)).toEqual([]);
    const exported = parseCheckpoints(await readFile(join(dir, CHECKPOINT_FILE), 'utf8'));
    const byTenant = (cs: Checkpoint[]) => [...cs].sort((a, b) => a.tenantId.localeCompare(b.tenantId));
    expect(byTenant(exported)).toEqual(byTenant(made));
    expect(byTenant(await listCheckpoints(t.db))).toEqual(byTenant(made));
    expect(await verifyAuditChains(t.db, { now: now(), publicKey: key.publicKey, checkpoints: exported })).toMatchObject({ checkpoints: 4, firstBreak: null });

    // The owner edits row 2 of tenant B and rehashes every row after it, and the head.
    const rows = await sql<{
      seq: string;
      occurred_at: Date;
      actor_kind: string;
      actor_id: string;
      action: string;
      record_type: string;
      record_id: string | null;
      reason: string;
      details: unknown;
    }>`select * from audit_events where tenant_id = ${tenantB} and seq is not null order by seq`.execute(t.db.owner);
    let prev = '0'.repeat(64);
    for (const row of rows.rows) {
      const seq = Number(row.seq);
      const reason = seq === 2 ? 'nothing to see here' : row.reason;
      const hash = chainHash(prev, {
        tenantId: tenantB,
        seq,
        occurredAt: row.occurred_at.toISOString(),
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        recordType: row.record_type,
        recordId: row.record_id,
        reason,
        details: row.details,
      });
      await sql`update audit_events set reason = ${reason}, prev_hash = ${prev}, hash = ${hash} where tenant_id = ${tenantB} and seq = ${seq}`.execute(
        t.db.owner,
      );
      prev = hash;
    }
    await sql`update audit_chain_heads set last_hash = ${prev} where tenant_id = ${tenantB}`.execute(t.db.owner);
    // The stored checkpoint no longer matches...
    expect((await verifyAuditChains(t.db, { now: now() })).firstBreak).toMatchObject({ gssCode: 'W06000015', problem: expect.stringContaining('rewritten') });
    // ...and with it deleted, the chain on its own looks intact, but the exported file still catches it.
    await sql`delete from audit_checkpoints where tenant_id = ${tenantB}`.execute(t.db.owner);
    expect((await verifyAuditChains(t.db, { now: now() })).firstBreak).toBeNull();
    expect((await verifyAuditChains(t.db, { now: now(), publicKey: key.publicKey, checkpoints: exported })).firstBreak).toMatchObject({
      gssCode: 'W06000015',
      problem: expect.stringContaining('the chain was rewritten'),
    });
    // Re-signing the new head needs the key: a checkpoint signed with any other key is refused.
    const forger = { ...key, privateKey: generateKeyPairSync('ed25519').privateKey };
    const forged = signCheckpoint(forger, { tenantId: tenantB, seq: rows.rows.length, hash: prev, signedAt: now().toISOString() });
    await sql`insert into audit_checkpoints values (${tenantB}, ${forged.seq}, ${forged.hash}, ${forged.signedAt}, ${forged.keyId}, ${forged.signature})`.execute(
      t.db.owner,
    );
    expect((await verifyAuditChains(t.db, { now: now(), publicKey: key.publicKey })).firstBreak).toMatchObject({
      gssCode: 'W06000015',
      problem: expect.stringContaining('not signed by the audit key'),
    });
    await sql`delete from audit_checkpoints where tenant_id = ${tenantB}`.execute(t.db.owner);
  });

  test('the sealer loop seals and signs in one round', async () => {
    await audit(tenantA, 600);
    const sealer = createAuditSealer({ db: t.db, clock, intervalMs: 50, signingKey: key, checkpointEveryMs: 60_000 });
    // Tenant A's head moved; tenant B's has had no checkpoint since the last test removed its own.
    expect(await sealer.tick()).toMatchObject({ sealed: 1, tenants: 1, checkpoints: 2 });
    expect(await sealer.tick()).toMatchObject({ sealed: 0, checkpoints: 0 });
  });

  test('a removed row is found and named', async () => {
    await sql`delete from audit_events where tenant_id = ${tenantA} and seq = 7`.execute(t.db.owner);
    const report = await verifyAuditChains(t.db, { now: now() });
    expect(report.firstBreak).toMatchObject({ gssCode: 'E06000016', seq: 7, problem: 'row 7 is missing' });
  });

  test('an edited detail is found and named', async () => {
    await sql`update audit_events set details = '{"n": 1000}' where tenant_id = ${tenantA} and seq = 4`.execute(t.db.owner);
    const report = await verifyAuditChains(t.db, { now: now() });
    expect(report.firstBreak).toMatchObject({ gssCode: 'E06000016', seq: 4, problem: 'its contents do not match its hash' });
  });
});
