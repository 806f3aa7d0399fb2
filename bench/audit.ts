import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createAuditSealer, GENESIS_HASH, recordAudit, sealAuditChains, verifyAuditChains } from '../src/platform/audit/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import type { Database, Tx } from '../src/platform/db/index.ts';

type Result = { rps: number; p99: number };

/** `clients` loops each running `fn` until `seconds` pass; writes per second and p99 in ms. */
async function drive(seconds: number, clients: number, fn: () => Promise<unknown>): Promise<Result> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await fn();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / ((performance.now() - started) / 1000), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0) };
}

/**
 * Audited writes in one tenant with `clients` at once, as a service writes them: the change, its
 * audit row and one more statement (its job) in one transaction. Beside them, in the same run:
 * a plain one-row insert transaction (the ceiling), and the same audited write with the old
 * design's tenant-wide chain head (a head row locked FOR UPDATE, moved, and held until commit;
 * emulated on a bench table, since the app may no longer touch the real head). Then how long the
 * sealer (running throughout, as in the server) takes to seal the last row after the last commit;
 * the chains must then verify.
 */
export async function benchAudit(label: string, db: Database, opts: { seconds: number; clients: number; tenantId: string }): Promise<string[]> {
  const { seconds, clients, tenantId } = opts;
  for (const statement of [
    'CREATE TABLE IF NOT EXISTS bench_audit_rows (id uuid PRIMARY KEY, payload text NOT NULL)',
    'CREATE TABLE IF NOT EXISTS bench_chain_heads (tenant_id uuid PRIMARY KEY, seq bigint NOT NULL, last_hash text NOT NULL)',
    'GRANT SELECT, INSERT, UPDATE ON bench_audit_rows, bench_chain_heads TO bridgework_app',
  ]) {
    await sql.raw(statement).execute(db.owner);
  }
  const change = (tx: Tx) => sql`INSERT INTO bench_audit_rows (id, payload) VALUES (${randomUUID()}, ${'a referral-sized row'})`.execute(tx);
  const entry = { actor: { kind: 'system', id: 'bench' }, action: 'bench.write', recordType: 'bench', reason: 'bench' } as const;

  const sealer = createAuditSealer({ db, clock: systemClock, intervalMs: 100, checkpointEveryMs: Number.POSITIVE_INFINITY });
  try {
    const plain = await drive(seconds, clients, () => db.inTenant(tenantId, change));
    const before = await drive(seconds, clients, () =>
      db.inTenant(tenantId, async (tx) => {
        await change(tx);
        await sql`INSERT INTO bench_chain_heads VALUES (${tenantId}, 0, ${GENESIS_HASH}) ON CONFLICT DO NOTHING`.execute(tx);
        await sql`SELECT seq, last_hash FROM bench_chain_heads WHERE tenant_id = ${tenantId} FOR UPDATE`.execute(tx);
        await recordAudit(tx, tenantId, systemClock, entry);
        await sql`UPDATE bench_chain_heads SET seq = seq + 1, last_hash = ${randomUUID()} WHERE tenant_id = ${tenantId}`.execute(tx);
        await change(tx);
      }),
    );
    await sealAuditChains(db);
    sealer.start();
    const after = await drive(seconds, clients, () =>
      db.inTenant(tenantId, async (tx) => {
        await change(tx);
        await recordAudit(tx, tenantId, systemClock, entry);
        await change(tx);
      }),
    );
    // How far behind the sealer is when the writing stops: time until nothing is left unsealed.
    const stopped = performance.now();
    for (;;) {
      const left = await db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('seq', 'is', null)
          .executeTakeFirstOrThrow(),
      );
      if (Number(left.n) === 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const lag = Math.round(performance.now() - stopped);
    const verified = await verifyAuditChains(db, { now: new Date() });
    if (verified.firstBreak || verified.unsealed > 0) throw new Error(`audit chains not intact after the bench: ${JSON.stringify(verified)}`);
    const rowOf = (name: string, r: Result) =>
      `${label.padEnd(11)} ${name.padEnd(50)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p99} ms`.padStart(9)} ${(r.rps / plain.rps).toFixed(2).padStart(8)} × insert`;
    return [
      rowOf(`one-row insert transaction (ceiling), ${clients} clients`, plain),
      rowOf('audited write, head locked to commit (before)', before),
      rowOf('audited write, sealed afterwards (now)', after),
      `${label.padEnd(11)} ${'sealer caught up after the last commit in'.padEnd(50)} ${`${lag} ms`.padStart(18)}`,
      '',
    ];
  } finally {
    await sealer.stop();
  }
}
