import { describe, expect, test } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  test.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: null, c: 'x' }] } }, '{"z":{"y":[3,{"c":"x","d":null}]}}'],
    [{ a: undefined, b: true }, '{"b":true}'],
    ['é', '"é"'],
    [new Date('2026-01-02T03:04:05.678Z'), '"2026-01-02T03:04:05.678Z"'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  test('the same value in any key order gives the same text', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  test('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});
