import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { rateOf, suppress, suppressGroup } from './disclosure-rules.ts';

const C = (value: number) => ({ kind: 'count', value }) as const;
const S = { kind: 'suppressed', why: 'small' } as const;
const X = { kind: 'suppressed', why: 'secondary' } as const;

describe('a single count', () => {
  test.each([
    [0, 10, { kind: 'suppressed', why: 'small' }],
    [9, 10, { kind: 'suppressed', why: 'small' }],
    [10, 10, { kind: 'count', value: 10 }],
    [250, 10, { kind: 'count', value: 250 }],
  ])('%i with a minimum of %i', (count, minimum, expected) => {
    expect(suppress(count, minimum)).toEqual(expected);
  });
});

describe('a group with its total: small cells hidden, and no hidden cell can be worked out from the total', () => {
  test.each([
    // nothing small: everything shown
    [[10, 20, 30], { cells: [C(10), C(20), C(30)], total: C(60) }],
    // one small cell: the next smallest is hidden too, and together they reach the minimum
    [[3, 20, 30], { cells: [S, X, C(30)], total: C(53) }],
    // two small cells whose sum is under the minimum: a third is hidden
    [[2, 3, 40, 50], { cells: [S, S, X, C(50)], total: C(95) }],
    // two small cells summing to the minimum or more: enough
    [[5, 6, 40], { cells: [S, S, C(40)], total: C(51) }],
    // ties: the first of equal cells is hidden
    [[4, 12, 12], { cells: [S, X, C(12)], total: C(28) }],
    // a zero is small too
    [[0, 15, 15], { cells: [S, X, C(15)], total: C(30) }],
    // a total under the minimum hides everything
    [[4, 5], { cells: [S, S], total: S }],
    // one cell, shown
    [[12], { cells: [C(12)], total: C(12) }],
    // the minimum exactly
    [[10, 10], { cells: [C(10), C(10)], total: C(20) }],
    [[9, 10], { cells: [S, X], total: C(19) }],
    // no cells
    [[], { cells: [], total: S }],
    // a total of the minimum exactly is shown, and two small cells reaching it exactly are enough
    [[10], { cells: [C(10)], total: C(10) }],
    [[4, 6], { cells: [S, S], total: C(10) }],
    [[4, 6, 40], { cells: [S, S, C(40)], total: C(50) }],
    // the smallest shown cell is the one hidden with a small one, wherever it is
    [[3, 40, 20], { cells: [S, C(40), X], total: C(63) }],
    [[40, 25, 3, 20], { cells: [C(40), C(25), S, X], total: C(88) }],
    // of equal smallest cells, the first
    [[4, 15, 12, 12], { cells: [S, C(15), X, C(12)], total: C(43) }],
    [[12, 12, 4], { cells: [X, C(12), S], total: C(28) }],
  ])('%j', (counts, expected) => {
    expect(suppressGroup(counts, 10)).toEqual(expected);
  });

  test('for any counts, the hidden cells are none, or at least two adding up to the minimum or more, or the total is hidden', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 60 }), { maxLength: 12 }), fc.integer({ min: 1, max: 20 }), (counts, minimum) => {
        const { cells, total } = suppressGroup(counts, minimum);
        // every small cell is hidden
        counts.forEach((n, i) => {
          if (n < minimum) expect(cells[i]?.kind).toBe('suppressed');
        });
        if (total.kind === 'suppressed') return;
        const hidden = counts.filter((_, i) => cells[i]?.kind === 'suppressed');
        const shownSum = cells.reduce((sum, c) => sum + (c.kind === 'count' ? c.value : 0), 0);
        // what a reader can work out: the hidden cells' sum
        expect(total.value - shownSum).toBe(hidden.reduce((a, b) => a + b, 0));
        expect(hidden.length === 0 || (hidden.length >= 2 && total.value - shownSum >= minimum)).toBe(true);
      }),
    );
  });
});

describe('a rate needs both its counts shown', () => {
  test.each([
    [C(5), C(10), 0.5],
    [S, C(10), null],
    [C(5), S, null],
    [C(5), C(0), null],
  ] as const)('%j over %j', (a, b, expected) => {
    expect(rateOf(a, b)).toBe(expected);
  });
});
