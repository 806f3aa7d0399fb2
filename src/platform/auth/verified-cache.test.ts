import { describe, expect, test } from 'vitest';
import { fixedClock } from '../clock/index.ts';
import { createVerifiedCache } from './verified-cache.ts';

describe('verified cache: requests that miss together share one load (ADR 0053)', () => {
  const deferred = () => {
    let resolve!: (v: { value: string } | null) => void;
    const promise = new Promise<{ value: string } | null>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };

  test('one load for every request in flight, then remembered', async () => {
    const cache = createVerifiedCache<string>(fixedClock('2026-12-03T10:00:00Z'), 5);
    let loads = 0;
    const pending = deferred();
    const load = () => {
      loads++;
      return pending.promise;
    };
    const all = Promise.all([cache.through('k', load), cache.through('k', load), cache.through('k', load)]);
    pending.resolve({ value: 'alice' });
    expect(await all).toEqual(['alice', 'alice', 'alice']);
    expect(await cache.through('k', load)).toBe('alice');
    expect(loads).toBe(1);
  });

  test('a load started before clear is not remembered, and no later request joins it', async () => {
    const cache = createVerifiedCache<string>(fixedClock('2026-12-03T10:00:00Z'), 5);
    const before = deferred();
    const first = cache.through('k', () => before.promise);
    cache.clear();
    let later = 0;
    const second = cache.through('k', async () => {
      later++;
      return null;
    });
    before.resolve({ value: 'revoked' });
    expect(await first).toBe('revoked');
    expect(await second).toBeNull();
    expect(later).toBe(1);
    expect(cache.get('k')).toBeUndefined();
  });

  test('with the cache off, every request loads for itself', async () => {
    const cache = createVerifiedCache<string>(fixedClock('2026-12-03T10:00:00Z'), 0);
    let loads = 0;
    const load = async () => {
      loads++;
      return { value: 'x' };
    };
    await Promise.all([cache.through('k', load), cache.through('k', load)]);
    expect(loads).toBe(2);
  });
});
