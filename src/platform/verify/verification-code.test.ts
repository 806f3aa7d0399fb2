import { describe, expect, test } from 'vitest';
import { codeHash, formatCode, newVerificationCode, normaliseCode } from './verification-code.ts';

describe('verification codes', () => {
  test.each([
    ['BW-7K3M-Q9PX-2D4R', '7K3MQ9PX2D4R'],
    ['bw 7k3m q9px 2d4r', '7K3MQ9PX2D4R'],
    ['7K3MQ9PX2D4R', '7K3MQ9PX2D4R'],
    [' bw–7k3m–q9px–2d4r ', '7K3MQ9PX2D4R'],
    // Crockford: O is read as 0, I and L as 1.
    ['BW-OOOO-IIII-LLLL', '000011111111'],
    ['BW-7K3M-Q9PX-2D4', null],
    ['BW-7K3M-Q9PX-2D4RR', null],
    ['BW-7K3M-Q9PX-2D4U', null],
    ['', null],
  ] as const)('%j reads as %j', (typed, chars) => {
    expect(normaliseCode(typed, 'BW')).toBe(chars);
  });

  test('reads only its own prefix, so an AW code typed with its prefix is not a BW code', () => {
    expect(normaliseCode('AW-7K3M-Q9PX-2D4R', 'AW')).toBe('7K3MQ9PX2D4R');
    expect(normaliseCode('AW-7K3M-Q9PX-2D4R', 'BW')).toBeNull();
  });

  test('new codes are 12 characters of the alphabet after the prefix, and differ', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode('AW')));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^AW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  test('hashes are per namespace', () => {
    expect(codeHash('a', '7K3MQ9PX2D4R')).not.toBe(codeHash('b', '7K3MQ9PX2D4R'));
    expect(codeHash('a', '7K3MQ9PX2D4R')).toMatch(/^[0-9a-f]{64}$/);
  });

  test('prints in groups', () => {
    expect(formatCode('BW', '7K3MQ9PX2D4R')).toBe('BW-7K3M-Q9PX-2D4R');
  });
});
