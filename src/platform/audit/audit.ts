import { createHash } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { canonicalJson } from './canonical-json.ts';

export type Actor = { kind: 'user' | 'client' | 'system' | 'public' | 'participant'; id: string };

export type AuditEntry = {
  actor: Actor;
  /** What happened, as `<thing>.<verb>`: `organisation.create`, `user.sign-in-failed`, `person.read`. */
  action: string;
  recordType: string;
  recordId?: string | null;
  /** Why: the purpose or the user's stated reason. */
  reason: string;
  details?: Record<string, unknown>;
};

export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = {
  tenantId: string;
  seq: number;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  action: string;
  recordType: string;
  recordId: string | null;
  reason: string;
  details: unknown;
};

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends one entry to the tenant's hash chain inside the caller's transaction, so the record of a
 * change commits or rolls back with the change. The head row's lock serialises appends per tenant.
 *
 * @example await recordAudit(tx, tenantId, clock, { actor, action: 'organisation.create', recordType: 'organisation', recordId: id, reason: 'created by admin' });
 */
export async function recordAudit(tx: Tx, tenantId: string, clock: Clock, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_chain_heads')
    .values({ tenant_id: tenantId, seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const head = await tx.selectFrom('audit_chain_heads').select(['seq', 'last_hash']).where('tenant_id', '=', tenantId).forUpdate().executeTakeFirstOrThrow();
  const fields: ChainedFields = {
    tenantId,
    seq: Number(head.seq) + 1,
    occurredAt: clock.now().toISOString(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    reason: entry.reason,
    details: JSON.parse(canonicalJson(entry.details ?? {})),
  };
  const hash = chainHash(head.last_hash, fields);
  await tx
    .insertInto('audit_events')
    .values({
      tenant_id: tenantId,
      seq: fields.seq,
      occurred_at: fields.occurredAt,
      actor_kind: fields.actorKind,
      actor_id: fields.actorId,
      action: fields.action,
      record_type: fields.recordType,
      record_id: fields.recordId,
      reason: fields.reason,
      details: canonicalJson(fields.details),
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_chain_heads').set({ seq: fields.seq, last_hash: hash }).where('tenant_id', '=', tenantId).execute();
}

export type ChainBreak = { tenantId: string; gssCode: string; seq: number; problem: string };
export type VerifyReport = { tenants: number; events: number; firstBreak: ChainBreak | null };

/**
 * Walks every tenant's chain from the start: a changed row, a removed row or a moved head is a break.
 * Reports the first break it meets.
 */
export async function verifyAuditChains(db: Database): Promise<VerifyReport> {
  let events = 0;
  const breaks = await db.eachTenant(async (tx, tenant): Promise<ChainBreak | null> => {
    const brk = (seq: number, problem: string): ChainBreak => ({ tenantId: tenant.id, gssCode: tenant.gssCode, seq, problem });
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
        prev = row.hash;
        expectedSeq++;
        events++;
      }
      if (page.length < 1000) break;
    }
    const head = await tx.selectFrom('audit_chain_heads').selectAll().executeTakeFirst();
    const lastSeq = expectedSeq - 1;
    if ((head ? Number(head.seq) : 0) !== lastSeq || (head?.last_hash ?? GENESIS_HASH) !== prev) {
      return brk(lastSeq + 1, `the chain head says ${head?.seq ?? 0} rows but ${lastSeq} were found`);
    }
    return null;
  });
  return { tenants: breaks.length, events, firstBreak: breaks.find((b) => b !== null) ?? null };
}
