import { hash, verify } from '@node-rs/argon2';

/**
 * How much work a new password hash costs. `standard` is OWASP's argon2id baseline (19 MiB, 2
 * passes, 1 lane) and the only cost production accepts (`loadConfig` refuses the other). `test-only`
 * is argon2id at its minimum (8 KiB, 1 pass): the same code paths at about 0.1 ms instead of 14 ms of
 * CPU a check, for test runs that sign in hundreds of times (ADR 0069). Checking a password reads
 * the cost from the stored hash, so either kind of hash verifies under either setting.
 */
export type PasswordCost = 'standard' | 'test-only';

// 2 is Argon2id in @node-rs/argon2's (const enum) Algorithm.
const OPTIONS = {
  standard: { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  'test-only': { algorithm: 2, memoryCost: 8, timeCost: 1, parallelism: 1 },
} as const;

export function hashPassword(password: string, cost: PasswordCost = 'standard'): Promise<string> {
  return hash(password, OPTIONS[cost]);
}

/** Verifies against a stored argon2id hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Unknown accounts are checked against this so that a miss takes as long as a wrong password: it is
// hashed at the cost new passwords get.
const dummies = new Map<PasswordCost, Promise<string>>();
export async function burnPasswordCheck(password: string, cost: PasswordCost = 'standard'): Promise<void> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword('bridgework-timing-equaliser', cost);
    dummies.set(cost, dummy);
  }
  await verifyPassword(await dummy, password);
}
