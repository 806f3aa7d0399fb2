import { sql } from 'kysely';
import type { Database, Tx } from '../db/index.ts';
import { chainHash, GENESIS_HASH } from './audit.ts';

/** The role that chains audit rows: it may fill in unsealed rows and move heads, nothing else. */
export const SEALER_ROLE = 'bridgework_sealer';

const BATCH = 1000;

export type SealReport = { sealed: number; tenants: number };

/**
 * Rows every transaction older than the oldest one still running has written: no row can ever
 * appear before them again, so their order by (txid, insertion) is final. The same bound on both
 * engines (PGlite has one connection, so there everything committed is sealable).
 */
const SEALABLE = sql<boolean>`seq is null and txid < pg_snapshot_xmin(pg_current_snapshot())`;

/** Runs `fn` in one owner transaction as the sealer role. */
export async function asSealer<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.owner.transaction().execute(async (tx) => {
    await sql.raw(`SET LOCAL ROLE ${SEALER_ROLE}`).execute(tx);
    return fn(tx);
  });
}

/** Chains up to one batch of one tenant's sealable rows; null when another sealer holds the tenant. */
async function sealTenantBatch(db: Database, tenantId: string): Promise<number | null> {
  return asSealer(db, async (tx) => {
    await tx
      .insertInto('audit_chain_heads')
      .values({ tenant_id: tenantId, seq: 0, last_hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    // Held only by the sealer, for the length of this short transaction: writers never wait on it.
    const head = await tx
      .selectFrom('audit_chain_heads')
      .select(['seq', 'last_hash'])
      .where('tenant_id', '=', tenantId)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!head) return null;
    const rows = await tx
      .selectFrom('audit_events')
      .select(['pos', 'occurred_at', 'actor_kind', 'actor_id', 'action', 'record_type', 'record_id', 'reason', 'details'])
      .where('tenant_id', '=', tenantId)
      .where(SEALABLE)
      .orderBy('txid')
      .orderBy('pos')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return 0;
    let seq = Number(head.seq);
    let prev = head.last_hash;
    const sealed = rows.map((row) => {
      seq++;
      const hash = chainHash(prev, {
        tenantId,
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
      const values = sql`(${String(row.pos)}::bigint, ${seq}::bigint, ${prev}, ${hash})`;
      prev = hash;
      return values;
    });
    await sql`
      update audit_events a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from (values ${sql.join(sealed)}) as v (pos, seq, prev_hash, hash)
      where a.tenant_id = ${tenantId} and a.pos = v.pos and a.seq is null`.execute(tx);
    await tx.updateTable('audit_chain_heads').set({ seq, last_hash: prev }).where('tenant_id', '=', tenantId).execute();
    return rows.length;
  });
}

/**
 * Gives every sealable audit row its place in its tenant's chain. Safe to run from any number of
 * processes at once: a tenant's head is locked (SKIP LOCKED) by whichever sealer gets there first.
 * Idle, it costs one small indexed query.
 *
 * @example await sealAuditChains(db);
 */
export async function sealAuditChains(db: Database): Promise<SealReport> {
  const pending = await asSealer(db, (tx) => tx.selectFrom('audit_events').select('tenant_id').distinct().where(SEALABLE).execute());
  let sealed = 0;
  for (const { tenant_id } of pending) {
    for (;;) {
      const n = await sealTenantBatch(db, tenant_id);
      sealed += n ?? 0;
      if (n === null || n < BATCH) break;
    }
  }
  return { sealed, tenants: pending.length };
}
