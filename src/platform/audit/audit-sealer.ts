import { sql } from 'kysely';
import type { Database, Tx } from '../db/index.ts';
import { chainHash, GENESIS_HASH } from './audit.ts';

/** The role that chains audit rows: it may fill in unsealed rows and move heads, nothing else. */
export const SEALER_ROLE = 'bridgework_sealer';

const BATCH = 1000;

export type SealReport = { sealed: number; tenants: number };

/**
 * The sealing bound: a transaction id below which every transaction of this database has ended.
 * It is the smallest id of a transaction of this database still running (pg_stat_activity), or the
 * upper bound of a snapshot taken just before. Any transaction that writes later gets a larger id, so rows
 * below the bound can never be joined by another: their order by (txid, insertion) is final. It is
 * per database, not the server-wide oldest transaction (`pg_snapshot_xmin`), so a long transaction
 * in another database on the same server does not hold sealing back. pg_stat_activity shows 32-bit
 * ids: each is widened against the 64-bit next id. Must be the first read of statistics in its
 * transaction (PostgreSQL keeps one statistics snapshot per transaction).
 */
async function sealingBound(tx: Tx): Promise<string> {
  // Two statements, in this order: a transaction that gets its id after the first has one at least
  // `next`; one that had it before is, at the second, either still listed in pg_stat_activity or over.
  const next = (await sql<{ next: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as next`.execute(tx)).rows[0]?.next ?? '0';
  const running = await sql<{ bound: string }>`
    select least(${next}::bigint, min(${next}::bigint - ((${next}::bigint % 4294967296) - backend_xid::text::bigint + 4294967296) % 4294967296))::text as bound
    from pg_stat_activity where datname = current_database() and backend_xid is not null`.execute(tx);
  return running.rows[0]?.bound ?? next;
}

const sealable = (bound: string) => sql<boolean>`seq is null and txid < ${bound}::xid8`;

/** Runs `fn` in one owner transaction as the sealer role. */
export async function asSealer<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.owner.transaction().execute(async (tx) => {
    await sql.raw(`SET LOCAL ROLE ${SEALER_ROLE}`).execute(tx);
    return fn(tx);
  });
}

/** Chains up to one batch of one tenant's sealable rows; null when another sealer holds the tenant. */
async function sealTenantBatch(db: Database, tenantId: string, bound: string): Promise<number | null> {
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
      .where(sealable(bound))
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
  const { bound, pending } = await asSealer(db, async (tx) => {
    const bound = await sealingBound(tx);
    return { bound, pending: await tx.selectFrom('audit_events').select('tenant_id').distinct().where(sealable(bound)).execute() };
  });
  let sealed = 0;
  for (const { tenant_id } of pending) {
    for (;;) {
      const n = await sealTenantBatch(db, tenant_id, bound);
      sealed += n ?? 0;
      if (n === null || n < BATCH) break;
    }
  }
  return { sealed, tenants: pending.length };
}
