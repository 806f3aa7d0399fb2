import type { Clock } from '../clock/index.ts';

/**
 * Who a session cookie or bearer token belongs to, remembered for a few seconds after the database
 * last said so (ADR 0020). A revocation made on this node (sign-out, password change, an account
 * disabled) clears it at once; one made on another node, or straight in the database, takes effect
 * here within `seconds`. Keys are hashes of the secrets, never the secrets.
 */
export type VerifiedCache<V> = {
  get(key: string): V | undefined;
  /** Remembers `value` until `seconds` from now, or until `notAfter` if that is sooner. */
  set(key: string, value: V, notAfter?: Date): void;
  /** Forgets everything: after any change to who may sign in as whom, or with which rights. */
  clear(): void;
};

/** At most this many entries: past it the oldest goes, so a flood of distinct tokens costs memory only up to here. */
const MAX_ENTRIES = 10_000;

export function createVerifiedCache<V>(clock: Clock, seconds: number): VerifiedCache<V> {
  const entries = new Map<string, { value: V; since: number; until: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      const now = clock.now().getTime();
      // A clock set back (tests travel in time) also ends the entry: it was verified in a future.
      if (now >= entry.until || now < entry.since) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, notAfter) {
      if (seconds <= 0) return;
      const since = clock.now().getTime();
      const until = Math.min(since + seconds * 1000, notAfter?.getTime() ?? Number.POSITIVE_INFINITY);
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, since, until });
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * Wraps a change to who may sign in as whom, or with which rights: once it has run (or failed part
 * way), `cache` forgets everything, so this node never answers from what the change replaced.
 */
export const revokingWith =
  (cache: Pick<VerifiedCache<unknown>, 'clear'> | undefined) =>
  async <T>(change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } finally {
      cache?.clear();
    }
  };
