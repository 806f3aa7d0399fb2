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
  /**
   * The remembered value, or else `load`'s, remembered in turn. Requests that miss together share
   * one load: when an entry ends under load, every request in flight would otherwise ask the
   * database at once (ADR 0053). A load started before `clear` is not remembered, and no request
   * made after `clear` joins it. With the cache off (`seconds` 0) every call loads for itself.
   */
  through(key: string, load: () => Promise<{ value: V; notAfter?: Date } | null>): Promise<V | null>;
  /** Forgets everything: after any change to who may sign in as whom, or with which rights. */
  clear(): void;
};

/** At most this many entries: past it the oldest goes, so a flood of distinct tokens costs memory only up to here. */
const MAX_ENTRIES = 10_000;

export function createVerifiedCache<V>(clock: Clock, seconds: number): VerifiedCache<V> {
  const entries = new Map<string, { value: V; since: number; until: number }>();
  const loading = new Map<string, Promise<V | null>>();
  let generation = 0;
  const cache: VerifiedCache<V> = {
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
    through(key, load) {
      const hit = cache.get(key);
      if (hit !== undefined) return Promise.resolve(hit);
      if (seconds <= 0) return load().then((r) => r?.value ?? null);
      const pending = loading.get(key);
      if (pending) return pending;
      const started = generation;
      const loaded = load()
        .then((r) => {
          if (r && started === generation) cache.set(key, r.value, r.notAfter);
          return r?.value ?? null;
        })
        .finally(() => {
          if (loading.get(key) === loaded) loading.delete(key);
        });
      loading.set(key, loaded);
      return loaded;
    },
    clear() {
      entries.clear();
      loading.clear();
      generation++;
    },
  };
  return cache;
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
