import { describe, expect, test } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  const at = new Date('2026-11-23T09:00:00.000Z');

  test('is a UUIDv7 carrying the millisecond it was made for', () => {
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at.getTime());
  });

  test('ids made in the same millisecond sort in the order they were made', () => {
    // Another millisecond first, so the counter starts afresh: test files share this module (and
    // its counter) with whatever ran before them in the same worker, at the same fixed test time.
    newId(new Date(at.getTime() - 1));
    const ids = Array.from({ length: 1000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('a later millisecond sorts after, and an earlier one before, whatever the counter', () => {
    const first = newId(at);
    expect(newId(new Date(at.getTime() + 1)) > first).toBe(true);
    expect(newId(new Date(at.getTime() - 1)) < first).toBe(true);
  });
});
