import type { CellShown } from '../outcomes/index.ts';

/** Where a target stands: met, at or above the straight line from nothing to the target, below it, or not shown (too small). */
export type TargetStatus = 'met' | 'on-track' | 'behind' | 'not-started' | 'not-shown';

export type TargetProgress = {
  status: TargetStatus;
  /** The figure as a whole percentage of the target; null when the figure is suppressed. */
  percent: number | null;
  /** The figure less the baseline; null when the figure is suppressed. */
  againstBaseline: number | null;
  /** Where a straight line from nothing at the start to the target at the end stands today. */
  expected: number;
};

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** How much of the plan's period has passed on `today` (ISO dates, the end day included), from 0 to 1. */
export function elapsedShare(startsOn: string, endsOn: string, today: string): number {
  const total = dayOf(endsOn) - dayOf(startsOn) + 1;
  const gone = dayOf(today) - dayOf(startsOn) + 1;
  if (gone <= 0) return 0;
  return Math.min(1, gone / total);
}

/**
 * A target's progress from its figure so far: met once the figure reaches the target; before the
 * period starts, not started; otherwise on track when the figure is at least where a straight line
 * from nothing to the target would be by now (rounded down, so a part-person is never expected).
 * A suppressed figure says nothing, so neither does its status.
 */
export function targetProgress(t: { baseline: number; target: number }, figure: CellShown, elapsed: number): TargetProgress {
  const expected = Math.floor(t.target * elapsed);
  if (figure.kind === 'suppressed') return { status: 'not-shown', percent: null, againstBaseline: null, expected };
  const n = figure.value;
  const percent = Math.floor((n * 100) / t.target);
  const againstBaseline = n - t.baseline;
  if (n >= t.target) return { status: 'met', percent, againstBaseline, expected };
  if (elapsed <= 0) return { status: 'not-started', percent, againstBaseline, expected };
  return { status: n >= expected ? 'on-track' : 'behind', percent, againstBaseline, expected };
}

/** The months (yyyy-mm) a plan's figures are read over: its period, cut at today. */
export function progressMonths(startsOn: string, endsOn: string, today: string): { from: string; to: string } {
  const to = (endsOn < today ? endsOn : today).slice(0, 7);
  return { from: startsOn.slice(0, 7), to };
}
