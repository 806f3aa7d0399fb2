import type { KeyObject } from 'node:crypto';
import type { Database } from '../db/index.ts';
import { chainHash, GENESIS_HASH } from './audit.ts';
import { type Checkpoint, checkpointSignatureValid } from './audit-checkpoints.ts';

export type ChainBreak = { tenantId: string; gssCode: string; seq: number; problem: string };
export type VerifyReport = {
  tenants: number;
  /** Sealed rows walked. */
  events: number;
  /** Rows not yet sealed, and of those the ones written more than a minute ago (the sealer is not keeping up, or is not running). */
  unsealed: number;
  overdue: number;
  /** Checkpoints matched against the chains. */
  checkpoints: number;
  firstBreak: ChainBreak | null;
};
export type VerifyOptions = {
  /** Unsealed rows written before `now` − 1 minute are overdue. */
  now: Date;
  /** Checkpoints from outside the database (an exported file), checked with those stored in it. */
  checkpoints?: readonly Checkpoint[];
  /** When given, every checkpoint must carry a valid signature by this key. */
  publicKey?: KeyObject;
};

const OVERDUE_MS = 60_000;

/**
 * Walks every tenant's sealed chain from the start: a changed row, a removed row or a moved head is
 * a break, and so is a checkpoint the chain no longer matches (a chain rewritten and rehashed whole)
 * or one not signed by the audit key. Counts unsealed rows and flags those overdue. Reports the
 * first break it meets.
 */
export async function verifyAuditChains(db: Database, options: VerifyOptions): Promise<VerifyReport> {
  let events = 0;
  let unsealed = 0;
  let overdue = 0;
  let checkpointsMatched = 0;
  const external = options.checkpoints ?? [];
  const overdueBefore = new Date(options.now.getTime() - OVERDUE_MS);
  const seenTenants = new Set<string>();
  const breaks = await db.eachTenant(async (tx, tenant): Promise<ChainBreak | null> => {
    seenTenants.add(tenant.id);
    const brk = (seq: number, problem: string): ChainBreak => ({ tenantId: tenant.id, gssCode: tenant.gssCode, seq, problem });
    const waiting = await tx
      .selectFrom('audit_events')
      .select((eb) => [eb.fn.countAll<string>().as('all'), eb.fn.countAll<string>().filterWhere('occurred_at', '<', overdueBefore).as('old')])
      .where('seq', 'is', null)
      .executeTakeFirstOrThrow();
    unsealed += Number(waiting.all);
    overdue += Number(waiting.old);

    const stored = (await tx.selectFrom('audit_checkpoints').selectAll().execute()).map(
      (r): Checkpoint => ({
        tenantId: r.tenant_id,
        seq: Number(r.seq),
        hash: r.hash,
        signedAt: r.signed_at.toISOString(),
        keyId: r.key_id,
        signature: r.signature,
      }),
    );
    const mine = [...stored, ...external.filter((c) => c.tenantId === tenant.id)];
    const bySeq = new Map<number, Checkpoint[]>();
    for (const c of mine) {
      if (options.publicKey && !checkpointSignatureValid(options.publicKey, c))
        return brk(c.seq, `the checkpoint signed at ${c.signedAt} is not signed by the audit key`);
      bySeq.set(c.seq, [...(bySeq.get(c.seq) ?? []), c]);
    }

    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await tx.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(1000).execute();
      for (const row of page) {
        const seq = Number(row.seq);
        if (seq !== expectedSeq) return brk(expectedSeq, `row ${expectedSeq} is missing`);
        if (row.prev_hash !== prev) return brk(seq, 'its previous hash does not match the row before it');
        const recomputed = chainHash(prev, {
          tenantId: row.tenant_id,
          seq,
          occurredAt: row.occurred_at.toISOString(),
          actorKind: row.actor_kind,
          actorId: row.actor_id,
          action: row.action,
          recordType: row.record_type,
          recordId: row.record_id,
          reason: row.reason,
          details: row.details,
        });
        if (recomputed !== row.hash || row.tenant_id !== tenant.id) return brk(seq, 'its contents do not match its hash');
        for (const c of bySeq.get(seq) ?? []) {
          if (c.hash !== row.hash) return brk(seq, `it does not match the checkpoint signed at ${c.signedAt}: the chain was rewritten`);
          checkpointsMatched++;
        }
        prev = row.hash;
        expectedSeq++;
        events++;
      }
      if (page.length < 1000) break;
    }
    const lastSeq = expectedSeq - 1;
    const beyond = mine.find((c) => c.seq > lastSeq);
    if (beyond) return brk(beyond.seq, `the checkpoint signed at ${beyond.signedAt} vouches for row ${beyond.seq} but the chain ends at ${lastSeq}`);
    const head = await tx.selectFrom('audit_chain_heads').selectAll().executeTakeFirst();
    if ((head ? Number(head.seq) : 0) !== lastSeq || (head?.last_hash ?? GENESIS_HASH) !== prev) {
      return brk(lastSeq + 1, `the chain head says ${head?.seq ?? 0} rows but ${lastSeq} were found`);
    }
    return null;
  });
  const orphan = external.find((c) => !seenTenants.has(c.tenantId));
  const firstBreak =
    breaks.find((b) => b !== null) ??
    (orphan ? { tenantId: orphan.tenantId, gssCode: 'unknown', seq: orphan.seq, problem: 'a checkpoint names a tenant the database no longer has' } : null);
  return { tenants: breaks.length, events, unsealed, overdue, checkpoints: checkpointsMatched, firstBreak };
}
