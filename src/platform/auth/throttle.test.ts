import { describe, expect, test } from 'vitest';
import { type DelayRule, delaySeconds } from './throttle.ts';

const rule: DelayRule = { freeFailures: 3, baseSeconds: 2, capSeconds: 900, quietSeconds: 86_400 };
const now = new Date('2026-11-23T09:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('delaySeconds', () => {
  test.each([
    ['no failures', undefined, 0],
    ['fewer than the free failures', { failures: 2, last_failure_at: ago(0) }, 0],
    ['at the free failures: the base wait', { failures: 3, last_failure_at: ago(0) }, 2],
    ['each failure after doubles it', { failures: 6, last_failure_at: ago(0) }, 16],
    ['counted from the last failure', { failures: 6, last_failure_at: ago(10) }, 6],
    ['over once the wait has passed', { failures: 6, last_failure_at: ago(16) }, 0],
    ['capped', { failures: 40, last_failure_at: ago(0) }, 900],
    ['a quiet key is a new burst', { failures: 40, last_failure_at: ago(86_400) }, 0],
  ])('%s', (_, row, expected) => {
    expect(delaySeconds(row, rule, now)).toBe(expected);
  });
});
