import type { Clock } from '../clock/index.ts';
import type { Tx } from '../db/index.ts';

export type ThrottleRule = { maxFailures: number; windowSeconds: number };

/** How many more failures a key may have before it is locked out; 0 means locked out now. */
export async function remainingAttempts(tx: Tx, clock: Clock, keyHash: string, rule: ThrottleRule): Promise<number> {
  const row = await tx.selectFrom('auth_throttle').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
  if (!row || clock.now().getTime() - row.window_start.getTime() > rule.windowSeconds * 1000) return rule.maxFailures;
  return Math.max(0, rule.maxFailures - row.failures);
}

export async function recordFailure(tx: Tx, clock: Clock, keyHash: string, rule: ThrottleRule): Promise<void> {
  const now = clock.now();
  const windowStartedAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const row = await tx.selectFrom('auth_throttle').selectAll().where('key_hash', '=', keyHash).forUpdate().executeTakeFirst();
  if (!row) {
    await tx
      .insertInto('auth_throttle')
      .values({ key_hash: keyHash, window_start: now, failures: 1 })
      .onConflict((oc) => oc.column('key_hash').doUpdateSet((eb) => ({ failures: eb('auth_throttle.failures', '+', 1) })))
      .execute();
  } else if (row.window_start < windowStartedAfter) {
    await tx.updateTable('auth_throttle').set({ window_start: now, failures: 1 }).where('key_hash', '=', keyHash).execute();
  } else {
    await tx
      .updateTable('auth_throttle')
      .set({ failures: row.failures + 1 })
      .where('key_hash', '=', keyHash)
      .execute();
  }
}

export async function clearFailures(tx: Tx, keyHash: string): Promise<void> {
  await tx.deleteFrom('auth_throttle').where('key_hash', '=', keyHash).execute();
}
