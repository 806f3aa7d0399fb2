import { canonicalJson } from '../audit/index.ts';
import { sha256Hex } from '../auth/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { Conflict, InvalidInput } from '../errors/index.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;
// How long a first request may run before a retry may take its key over (a crashed node).
const LOCK_SECONDS = 60;
// Keys are kept at least this long (Stripe and the IETF draft: 24 hours).
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export type StoredResponse = { status: number; body: string; contentType: string };
export type Claim = { kind: 'proceed' } | { kind: 'replay'; response: StoredResponse };

/**
 * Idempotency-Key handling for mutating API calls, scoped by tenant, principal and key. The first
 * request claims the key; a retry after it finished replays the stored response; a retry while it
 * runs is 409; the same key with a different request is 422. A failed first request (4xx/5xx)
 * releases the key so it can be retried with a corrected body.
 */
export function createIdempotency(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  /** Stores the response inside the caller's (business) transaction: it commits with the change. */
  async function completeIn(tx: Tx, principal: string, key: string, response: StoredResponse): Promise<void> {
    await tx
      .updateTable('idempotency_keys')
      .set({ state: 'done', response_status: response.status, response_body: response.body, response_type: response.contentType })
      .where('principal', '=', principal)
      .where('key', '=', key)
      .execute();
  }

  return {
    requestHash(method: string, path: string, body: unknown): string {
      return sha256Hex(`${method} ${path} ${canonicalJson(body ?? null)}`);
    },

    async claim(tenantId: string, principal: string, key: string, requestHash: string): Promise<Claim> {
      if (!KEY.test(key))
        throw new InvalidInput([{ path: 'Idempotency-Key', message: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters' }]);
      return db.inTenant(tenantId, async (tx) => {
        const now = clock.now();
        const inserted = await tx
          .insertInto('idempotency_keys')
          .values({
            tenant_id: tenantId,
            principal,
            key,
            request_hash: requestHash,
            state: 'running',
            locked_until: new Date(now.getTime() + LOCK_SECONDS * 1000),
            created_at: now,
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'principal', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        if (inserted) return { kind: 'proceed' };
        const row = await tx
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('principal', '=', principal)
          .where('key', '=', key)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (row.request_hash !== requestHash) {
          throw new InvalidInput(
            [{ path: 'Idempotency-Key', message: 'This Idempotency-Key was used with a different request' }],
            'Idempotency-Key reused with a different request',
          );
        }
        if (row.state === 'done' && row.response_status !== null && row.response_body !== null) {
          return { kind: 'replay', response: { status: row.response_status, body: row.response_body, contentType: row.response_type ?? 'application/json' } };
        }
        if (row.locked_until > now) throw new Conflict('A request with this Idempotency-Key is still being processed');
        await tx
          .updateTable('idempotency_keys')
          .set({ locked_until: new Date(now.getTime() + LOCK_SECONDS * 1000) })
          .where('principal', '=', principal)
          .where('key', '=', key)
          .execute();
        return { kind: 'proceed' };
      });
    },

    /** Stores the response a retry will replay, in its own transaction. */
    async complete(tenantId: string, principal: string, key: string, response: StoredResponse): Promise<void> {
      await db.inTenant(tenantId, (tx) => completeIn(tx, principal, key, response));
    },

    completeIn,

    /** Lets go of a key whose first request failed, so a corrected retry can use it. */
    async release(tenantId: string, principal: string, key: string): Promise<void> {
      await db.inTenant(tenantId, (tx) => tx.deleteFrom('idempotency_keys').where('principal', '=', principal).where('key', '=', key).execute());
    },

    /** Forgets keys older than the retention period. Safe to run twice. */
    async purge(): Promise<number> {
      const before = new Date(clock.now().getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
      const removed = await db.eachTenant((tx) => tx.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst());
      return removed.reduce((n, r) => n + Number(r.numDeletedRows), 0);
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
