import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Tx } from '../db/index.ts';

/**
 * Growing delays, never a lock-out. A key may fail `freeFailures` times with no wait; after that
 * each try must wait `baseSeconds`, doubling with every further failure up to `capSeconds`,
 * counted from the last failure. A key quiet for `quietSeconds` starts a new burst.
 */
export type DelayRule = { freeFailures: number; baseSeconds: number; capSeconds: number; quietSeconds: number };

type Row = { failures: number; last_failure_at: Date };

/** The wait a key's failures impose now, in whole seconds; 0 when it may try. */
export function delaySeconds(row: Row | undefined, rule: DelayRule, now: Date): number {
  if (!row) return 0;
  const sinceLast = (now.getTime() - row.last_failure_at.getTime()) / 1000;
  if (sinceLast >= rule.quietSeconds || row.failures < rule.freeFailures) return 0;
  const wait = Math.min(rule.capSeconds, rule.baseSeconds * 2 ** (row.failures - rule.freeFailures));
  return Math.max(0, Math.ceil(wait - sinceLast));
}

/** The longest wait any of the keys imposes now (one round trip). */
export async function waitSeconds(tx: Tx, clock: Clock, keys: readonly { keyHash: string; rule: DelayRule }[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await tx
    .selectFrom('auth_throttle')
    .select(['key_hash', 'failures', 'last_failure_at'])
    .where(
      'key_hash',
      'in',
      keys.map((k) => k.keyHash),
    )
    .execute();
  const now = clock.now();
  return Math.max(
    0,
    ...keys.map((k) =>
      delaySeconds(
        rows.find((r) => r.key_hash === k.keyHash),
        k.rule,
        now,
      ),
    ),
  );
}

/**
 * Counts a failure against a key, starting a new burst when the key has been quiet. Returns the
 * burst's failures so far. One statement: concurrent failures all count.
 */
export async function countFailure(tx: Tx, clock: Clock, keyHash: string, rule: DelayRule): Promise<number> {
  const now = clock.now();
  const quietBefore = new Date(now.getTime() - rule.quietSeconds * 1000);
  const stale = sql<boolean>`auth_throttle.last_failure_at <= ${quietBefore}`;
  const row = await tx
    .insertInto('auth_throttle')
    .values({ key_hash: keyHash, window_start: now, failures: 1, last_failure_at: now, notified_at: null })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        failures: sql<number>`CASE WHEN ${stale} THEN 1 ELSE auth_throttle.failures + 1 END`,
        window_start: sql<Date>`CASE WHEN ${stale} THEN ${now} ELSE auth_throttle.window_start END`,
        notified_at: sql<Date | null>`CASE WHEN ${stale} THEN NULL ELSE auth_throttle.notified_at END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return row.failures;
}

/**
 * Marks a key's burst as told, if it has reached `threshold` failures and was not told yet.
 * True exactly once per burst, however many requests race here.
 */
export async function claimNotice(tx: Tx, clock: Clock, keyHash: string, threshold: number): Promise<boolean> {
  const claimed = await tx
    .updateTable('auth_throttle')
    .set({ notified_at: clock.now() })
    .where('key_hash', '=', keyHash)
    .where('notified_at', 'is', null)
    .where('failures', '>=', threshold)
    .returning('key_hash')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** A fixed window with a hard limit: for public actions that are abused by repetition (asking for links, checking codes). */
export type ThrottleRule = { maxFailures: number; windowSeconds: number };

/** How many more failures a key may have in its window; 0 means refused until the window ends. */
export async function remainingAttempts(tx: Tx, clock: Clock, keyHash: string, rule: ThrottleRule): Promise<number> {
  const row = await tx.selectFrom('auth_throttle').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  if (!row || clock.now().getTime() - row.window_start.getTime() > rule.windowSeconds * 1000) return rule.maxFailures;
  return Math.max(0, rule.maxFailures - row.failures);
}

export async function recordFailure(tx: Tx, clock: Clock, keyHash: string, rule: ThrottleRule): Promise<void> {
  const now = clock.now();
  const windowStartedBefore = new Date(now.getTime() - rule.windowSeconds * 1000);
  const stale = sql<boolean>`auth_throttle.window_start < ${windowStartedBefore}`;
  await tx
    .insertInto('auth_throttle')
    .values({ key_hash: keyHash, window_start: now, failures: 1, last_failure_at: now, notified_at: null })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet({
        failures: sql<number>`CASE WHEN ${stale} THEN 1 ELSE auth_throttle.failures + 1 END`,
        window_start: sql<Date>`CASE WHEN ${stale} THEN ${now} ELSE auth_throttle.window_start END`,
        last_failure_at: now,
      }),
    )
    .execute();
}

export async function clearFailures(tx: Tx, keyHash: string): Promise<void> {
  await tx.deleteFrom('auth_throttle').where('key_hash', '=', keyHash).execute();
}
