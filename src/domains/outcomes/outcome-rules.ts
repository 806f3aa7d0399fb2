/**
 * The figures the outcomes dashboards show, worked out from counts: the funnel and its conversions,
 * times from histograms, and equality gaps. Pure and table-tested; every page, download and export
 * takes its figures from here, so no figure is worked out twice.
 */
import { type CellShown, rateOf, suppressGroup } from './disclosure-rules.ts';

/** The steps of a journey, in order: each counts people reaching it for the first time. */
export const FUNNEL_STEPS = [
  'referral-received',
  'first-contact',
  'accepted',
  'first-appointment',
  'job-start',
  'sustained-13-weeks',
  'sustained-26-weeks',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export type FunnelRow = { step: FunnelStep; people: CellShown; fromPrevious: number | null; fromStart: number | null };

/**
 * The funnel over a period: people reaching each step, and the conversion from the step before and
 * from referral. Counts are suppressed one by one (the steps are not parts of one total, so no
 * differencing applies between them); a conversion needs both its counts shown. A conversion can
 * pass 100% when people reach a later step in the period after an earlier step before it.
 */
export function funnel(counts: Readonly<Partial<Record<FunnelStep, number>>>, minimum: number): FunnelRow[] {
  const shown = FUNNEL_STEPS.map((step) => {
    const n = counts[step] ?? 0;
    return n >= minimum ? ({ kind: 'count', value: n } as const) : ({ kind: 'suppressed', why: 'small' } as const);
  });
  const first = shown[0] as CellShown;
  return FUNNEL_STEPS.map((step, i) => ({
    step,
    people: shown[i] as CellShown,
    fromPrevious: i === 0 ? null : rateOf(shown[i] as CellShown, shown[i - 1] as CellShown),
    fromStart: i === 0 ? null : rateOf(shown[i] as CellShown, first),
  }));
}

export type Percentiles = { people: number; median: number; p90: number } | { people: number; median: null; p90: null };

/**
 * The median and 90th percentile of whole days from a histogram (days → people), by the nearest-rank
 * method: the p-th percentile is the smallest value with at least p% of people at or below it. With
 * fewer people than the minimum, neither is shown: a percentile of a few people tells about each.
 */
export function percentiles(histogram: ReadonlyMap<number, number>, minimum: number): Percentiles {
  // Empty bins add nobody, and a rank is at least 1, so they are never the answer.
  const bins = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const people = bins.reduce((sum, [, n]) => sum + n, 0);
  if (people === 0 || people < minimum) return { people, median: null, p90: null };
  let seen = 0;
  const reached = bins.map(([days, n]) => {
    seen += n;
    return { days, seen };
  });
  // The rank is at most `people`, so some bin always reaches it.
  const at = (p: number) => (reached.find((r) => r.seen >= Math.ceil((p / 100) * people)) as { days: number }).days;
  return { people, median: at(50), p90: at(90) };
}

export type GroupRate = { value: string; started: CellShown; reached: CellShown; rate: number | null; gap: number | null };

/**
 * Equality gaps: for each group of one question, the rate of an outcome (people reaching it over
 * people starting) against everyone's rate, in percentage points (the group's minus everyone's).
 * Each side is suppressed as a group (so a hidden group cannot be worked out from the total), and a
 * gap needs the group's rate shown.
 */
export function equalityGaps(
  groups: readonly { value: string; started: number; reached: number }[],
  minimum: number,
): { overall: number | null; groups: GroupRate[] } {
  const started = suppressGroup(
    groups.map((g) => g.started),
    minimum,
  );
  const reached = suppressGroup(
    groups.map((g) => g.reached),
    minimum,
  );
  const overall = rateOf(reached.total, started.total);
  return {
    overall,
    groups: groups.map((g, i) => {
      const s = started.cells[i] as CellShown;
      const r = reached.cells[i] as CellShown;
      const rate = rateOf(r, s);
      // A group's rate is shown only with its counts, and then everyone's total is shown too.
      return { value: g.value, started: s, reached: r, rate, gap: rate === null ? null : Math.round((rate - (overall ?? 0)) * 1000) / 10 };
    }),
  };
}

/** Open cases per full-time specialist against the IPS limit (20 per full-time specialist). */
export function caseloadPerFte(open: number, fte: number, limit: number): { perFte: number | null; over: boolean } {
  if (fte <= 0) return { perFte: null, over: false };
  const perFte = Math.round((open / fte) * 10) / 10;
  return { perFte, over: perFte > limit };
}

export type InactivityShare = {
  /** People inactive because of long-term sickness, as the survey estimates, with its interval. */
  longTermSick: { estimate: number; low: number; high: number };
  /** Outcomes per 1,000 of them, with the interval the survey's uncertainty gives. */
  perThousand: { value: number; low: number; high: number };
};

/**
 * Outcomes as a share of an area's long-term-sick inactive population. The survey gives the share
 * of the inactive who are long-term sick (a percentage with a 95% confidence interval in percentage
 * points) and the count of inactive people; the count of long-term-sick inactive people and its
 * interval follow from them [D]. Only the survey's sampling error is carried: our counts are counts.
 */
export function inactivityShare(
  outcomes: number,
  survey: { percent: number | null; confidence: number | null; numerator: number | null; denominator: number | null },
): InactivityShare | null {
  const { percent, denominator } = survey;
  if (percent === null || !denominator || denominator < 0) return null;
  const estimate = survey.numerator ?? Math.round((percent / 100) * denominator);
  if (estimate <= 0) return null;
  const ci = survey.confidence ?? 0;
  const low = Math.max(0, Math.round(((percent - ci) / 100) * denominator));
  const high = Math.round(((percent + ci) / 100) * denominator);
  const per = (n: number) => (n > 0 ? Math.round((outcomes / n) * 1000 * 100) / 100 : Number.POSITIVE_INFINITY);
  return { longTermSick: { estimate, low, high }, perThousand: { value: per(estimate), low: per(high), high: per(low) } };
}
