import { createHash } from 'node:crypto';
import type { Clock } from '../clock/index.ts';
import { compileOnce, sendWithNext, type Tx } from '../db/index.ts';
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
 * Writes one entry inside the caller's transaction, so the record of a change commits or rolls back
 * with the change. It touches no row shared with other writers: the sealer gives it its place in the
 * tenant's hash chain once the transaction is over (see audit-sealer.ts and ADR 0008).
 *
 * @example await recordAudit(tx, tenantId, clock, { actor, action: 'organisation.create', recordType: 'organisation', recordId: id, reason: 'created by admin' });
 */
/**
 * The audit insert compiled once (ADR 0053): every audited request writes one, and Kysely would
 * otherwise build and compile the same SQL each time. Its SQL does not depend on the values.
 */
export const auditInsert = compileOnce(
  (
    db,
    tenantId: string,
    at: string,
    actorKind: string,
    actorId: string,
    action: string,
    recordType: string,
    recordId: string | null,
    reason: string,
    details: string,
  ) =>
    db.insertInto('audit_events').values({
      tenant_id: tenantId,
      occurred_at: at,
      actor_kind: actorKind,
      actor_id: actorId,
      action,
      record_type: recordType,
      record_id: recordId,
      reason,
      details,
    }),
  ['\u0000tenant', '\u0000at', '\u0000actorKind', '\u0000actorId', '\u0000action', '\u0000recordType', '\u0000recordId', '\u0000reason', '\u0000details'],
);

/**
 * `withCommit`: for a read's audit row written as the transaction's last statement (ADR 0067): the
 * row goes to the server with the `COMMIT`, one round trip for both. It has not been written when
 * this returns: the commit fails if it fails, so the caller must show or do nothing the row vouches
 * for until the transaction has committed (as `db.inTenant` returning does).
 */
export async function recordAudit(tx: Tx, tenantId: string, clock: Clock, entry: AuditEntry, options: { withCommit?: boolean } = {}): Promise<void> {
  const insert = auditInsert(
    tenantId,
    clock.now().toISOString(),
    entry.actor.kind,
    entry.actor.id,
    entry.action,
    entry.recordType,
    entry.recordId ?? null,
    entry.reason,
    canonicalJson(entry.details ?? {}),
  );
  await tx.executeQuery(options.withCommit ? sendWithNext(insert) : insert);
}

/**
 * `recordAudit`'s insert as a builder, unrun: for a write that sends it together with others in one
 * statement (`writeTogether`), where a compiled query cannot be embedded.
 */
export function auditRowInsert(tx: Tx, tenantId: string, clock: Clock, entry: AuditEntry) {
  return tx.insertInto('audit_events').values({
    tenant_id: tenantId,
    occurred_at: clock.now().toISOString(),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId ?? null,
    reason: entry.reason,
    details: canonicalJson(entry.details ?? {}),
  });
}
