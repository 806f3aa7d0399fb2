/**
 * Statistical disclosure control: the one rule every outcomes page, download and export applies
 * (policy/disclosure-control.json gives the minimum). Pure, table-tested.
 */

/** Why a cell is not shown: too small itself, or hidden so it cannot be worked out from the others. */
export type CellShown = { kind: 'count'; value: number } | { kind: 'suppressed'; why: 'small' | 'secondary' };
export type SuppressedCount = CellShown;

/**
 * A count standing alone (no total beside it to subtract from), or nothing when it is small enough
 * to help identify someone (zero included).
 */
export function suppress(count: number, minimum: number): CellShown {
  return count >= minimum ? { kind: 'count', value: count } : { kind: 'suppressed', why: 'small' };
}

/**
 * Suppresses a group of cells that add up to a total shown beside them (a breakdown, or a series
 * and its sum). First every cell below the minimum; then, so that no hidden cell can be worked out
 * by subtracting the shown cells from the total, more cells (the smallest shown first) until the
 * hidden cells are none, or are at least two whose sum is itself at least the minimum. When the
 * total is below the minimum, everything is hidden, the total too.
 */
export function suppressGroup(counts: readonly number[], minimum: number): { cells: CellShown[]; total: CellShown } {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < minimum) {
    return { cells: counts.map(() => ({ kind: 'suppressed', why: 'small' })), total: { kind: 'suppressed', why: 'small' } };
  }
  const hidden = new Map<number, 'small' | 'secondary'>();
  counts.forEach((n, i) => {
    if (n < minimum) hidden.set(i, 'small');
  });
  const hiddenSum = () => [...hidden.keys()].reduce((sum, i) => sum + (counts[i] ?? 0), 0);
  // Every cell hidden so far is below the minimum, so a sum that reaches it always has two or more cells.
  const safe = () => hidden.size === 0 || hiddenSum() >= minimum;
  const candidates = counts
    .map((n, i) => ({ n, i }))
    .filter(({ i }) => !hidden.has(i))
    // Sorting is stable, so of equal cells the first is hidden first.
    .sort((a, b) => a.n - b.n);
  for (const { i } of candidates) {
    if (safe()) break;
    hidden.set(i, 'secondary');
  }
  return {
    cells: counts.map((n, i) => {
      const why = hidden.get(i);
      return why ? { kind: 'suppressed', why } : { kind: 'count', value: n };
    }),
    total: { kind: 'count', value: total },
  };
}

/** A rate shown only when both its counts are shown: a hidden count cannot be recovered from a rate. */
export function rateOf(numerator: CellShown, denominator: CellShown): number | null {
  if (numerator.kind !== 'count' || denominator.kind !== 'count' || denominator.value === 0) return null;
  return numerator.value / denominator.value;
}
