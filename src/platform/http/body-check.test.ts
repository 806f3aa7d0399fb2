import { describe, expect, test } from 'vitest';
import { bodyProblem, MAX_BODY_DEPTH } from './body-check.ts';

const nested = (levels: number, bottom: unknown): unknown => {
  let value = bottom;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('bodyProblem', () => {
  test.each([
    ['ordinary text, tabs and new lines', { name: 'Ann\tLee\r\n', tags: ['x', 1, null, true] }, null],
    ['a surrogate pair (an emoji) is text', { name: '😀 🏴󠁧󠁢󠁷󠁬󠁳󠁿' }, null],
    ['a NUL', { a: [{ b: 'x\u0000' }] }, { kind: 'control', path: ['a', 0, 'b'] }],
    ['a lone high surrogate', { name: 'x\ud800' }, { kind: 'unicode', path: ['name'] }],
    ['a lone low surrogate', ['ok', '\udc00'], { kind: 'unicode', path: [1] }],
    ['a surrogate in a member name, shown masked', { a: { 'k\ud800': 1 } }, { kind: 'unicode', path: ['a', 'k\ufffd'] }],
    ['a control in a member name, shown masked', { 'k\u0001': 1 }, { kind: 'control', path: ['k?'] }],
    ['the first problem in document order', { a: 'ok', b: '\ud800', c: '\u0000' }, { kind: 'unicode', path: ['b'] }],
  ])('%s', (_, body, expected) => {
    expect(bodyProblem(body)).toEqual(expected);
  });

  test('nesting up to the limit passes; one more level is too deep', () => {
    expect(bodyProblem(nested(MAX_BODY_DEPTH, 'x'))).toBeNull();
    expect(bodyProblem(nested(MAX_BODY_DEPTH + 1, 'x'))).toEqual({ kind: 'too-deep' });
  });

  test('the walk does not recurse: a body a million levels deep is refused without overflowing the stack', () => {
    const deep = nested(1_000_000, 'x');
    expect(bodyProblem(deep)).toEqual({ kind: 'too-deep' });
    const found = bodyProblem(deep, Number.POSITIVE_INFINITY);
    expect(found).toBeNull();
    expect(bodyProblem(nested(200_000, '\u0000'), Number.POSITIVE_INFINITY)).toMatchObject({ kind: 'control' });
  });
});
