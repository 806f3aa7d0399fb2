import { hmacHex, randomToken, recordFailure, remainingAttempts, sha256Hex, type ThrottleRule } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { TooManyRequests } from '../../platform/errors/index.ts';
import { tables } from './referral-repo.ts';

export const DRAFT_COOKIE = 'bw_referral';
const DRAFT_HOURS = 24;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type DraftRoute = 'clinician' | 'self' | 'jobcentre';
export type Answers = Record<string, unknown>;
export type Draft = { tenantId: string; tokenHash: string; route: DraftRoute; answers: Answers };

/** Public self-referral limits per network address: enough for a family at one address, not for a script. */
export const SELF_REFERRAL_LIMITS = { start: { maxFailures: 20, windowSeconds: 3600 }, send: { maxFailures: 5, windowSeconds: 3600 } } as const;

/**
 * Answers to the referral questions, kept server-side between pages. The browser holds only a
 * random token (in a cookie); the table holds its hash, so a leaked table gives no way in.
 */
export function createDraftService(deps: { db: Database; clock: Clock; secret: string }) {
  const { db, clock, secret } = deps;
  return {
    async start(tenantId: string, route: DraftRoute, ownerUserId: string | null): Promise<{ cookie: string; draft: Draft }> {
      const token = randomToken(24);
      const now = clock.now();
      const tokenHash = sha256Hex(token);
      await db.inTenant(tenantId, (tx) =>
        tables(tx)
          .insertInto('referral_drafts')
          .values({
            tenant_id: tenantId,
            token_hash: tokenHash,
            route,
            owner_user_id: ownerUserId,
            answers: '{}',
            created_at: now,
            expires_at: new Date(now.getTime() + DRAFT_HOURS * 3_600_000),
          })
          .execute(),
      );
      return { cookie: `${tenantId}.${token}`, draft: { tenantId, tokenHash, route, answers: {} } };
    },

    /** The draft behind a cookie, if it exists, has not expired and belongs to this user (or to nobody, for the public). */
    async load(cookie: string | undefined, ownerUserId: string | null): Promise<Draft | null> {
      const [tenantId, token, ...rest] = (cookie ?? '').split('.');
      if (!tenantId || !token || rest.length > 0 || !UUID.test(tenantId)) return null;
      const tokenHash = sha256Hex(token);
      const row = await db.inTenant(tenantId, (tx) =>
        tables(tx).selectFrom('referral_drafts').selectAll().where('token_hash', '=', tokenHash).where('expires_at', '>', clock.now()).executeTakeFirst(),
      );
      if (!row || row.owner_user_id !== ownerUserId) return null;
      const answers = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Answers;
      return { tenantId, tokenHash, route: row.route, answers };
    },

    /** The hash a sent draft leaves behind as the referral's identifier, for the confirmation page. */
    tokenHashOf(cookie: string | undefined): { tenantId: string; tokenHash: string } | null {
      const [tenantId, token, ...rest] = (cookie ?? '').split('.');
      if (!tenantId || !token || rest.length > 0 || !UUID.test(tenantId)) return null;
      return { tenantId, tokenHash: sha256Hex(token) };
    },

    async save(draft: Draft, answers: Answers): Promise<void> {
      await db.inTenant(draft.tenantId, (tx) =>
        tables(tx)
          .updateTable('referral_drafts')
          .set({ answers: JSON.stringify(answers) })
          .where('token_hash', '=', draft.tokenHash)
          .execute(),
      );
    },

    /** A draft sent by another capability's journey (in-work retention): gone, so the form is not shown again. */
    async discard(draft: Draft): Promise<void> {
      await db.inTenant(draft.tenantId, (tx) => tables(tx).deleteFrom('referral_drafts').where('token_hash', '=', draft.tokenHash).execute());
    },

    /** Counts a public action against the caller's address; refuses once over the limit. */
    async throttle(address: string, kind: keyof typeof SELF_REFERRAL_LIMITS): Promise<void> {
      const rule: ThrottleRule = SELF_REFERRAL_LIMITS[kind];
      const key = hmacHex(secret, `self-referral:${kind}:${address}`);
      await db.global(async (tx) => {
        if ((await remainingAttempts(tx, clock, key, rule)) === 0) throw new TooManyRequests('Too many self-referrals from this address', rule.windowSeconds);
        await recordFailure(tx, clock, key, rule);
      });
    },

    /** The local authorities a member of the public can refer themselves in. */
    async councils(): Promise<{ id: string; name: string; nameCy: string }[]> {
      return db.global((tx) => tx.selectFrom('tenants').select(['id', 'name', 'name_cy as nameCy']).orderBy('name').execute());
    },

    async purgeExpired(): Promise<number> {
      const removed = await db.eachTenant((tx) => tables(tx).deleteFrom('referral_drafts').where('expires_at', '<=', clock.now()).executeTakeFirst());
      return removed.reduce((n, r) => n + Number(r.numDeletedRows), 0);
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
