import type { CellShown } from './disclosure-rules.ts';
import { suppressGroup } from './disclosure-rules.ts';
import type { CountRow, DashboardFilter, EqualityQuestion } from './outcome.ts';
import { EQUALITY_QUESTIONS } from './outcome.ts';
import { equalityGaps, FUNNEL_STEPS, type FunnelRow, funnel, type GroupRate, type Percentiles, percentiles } from './outcome-rules.ts';

export const MONTHLY_KINDS = ['job-start', 'sustained-13-weeks', 'sustained-26-weeks'] as const;
export type MonthlyKind = (typeof MONTHLY_KINDS)[number];
/** The kinds whose days from referral the dashboard shows as times (median, 90th percentile): all it reads of the days. */
export const TIME_KINDS = ['first-contact', 'job-start'] as const;

export type Dashboard = {
  filter: DashboardFilter;
  funnel: FunnelRow[];
  times: { firstContact: Percentiles; jobStart: Percentiles };
  monthly: { months: string[]; series: { kind: MonthlyKind; cells: CellShown[]; total: CellShown }[] };
  breakdown: { value: string; referrals: CellShown; jobStarts: CellShown; sustained: CellShown; rate: number | null }[];
  breakdownTotals: { referrals: CellShown; jobStarts: CellShown; sustained: CellShown };
  equality: { question: EqualityQuestion; overall: number | null; groups: GroupRate[] }[];
};

/** Every month from `from` to `to` (yyyy-mm), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (out.length < 240) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * A dashboard from the counts of one read: the funnel, times, monthly series, the breakdown and
 * equality gaps, each through the rules (suppression included). Every page, CSV and export of a
 * tenant's outcomes is made from this, so no figure is worked out twice.
 */
export function buildDashboard(rows: readonly CountRow[], filter: DashboardFilter, minimum: number): Dashboard {
  const sum = (pick: (r: CountRow) => boolean) => rows.filter(pick).reduce((a, r) => a + r.n, 0);
  const steps = Object.fromEntries(FUNNEL_STEPS.map((k) => [k, sum((r) => r.kind === k && r.dimension === 'all' && r.value === 'first')]));
  const histogram = (kind: string) => {
    const h = new Map<number, number>();
    for (const r of rows) if (r.kind === kind && r.dimension === 'days') h.set(Number(r.value), (h.get(Number(r.value)) ?? 0) + r.n);
    return h;
  };
  const months = monthsBetween(filter.from, filter.to);
  const series = MONTHLY_KINDS.map((kind) => {
    const counts = months.map((month) => sum((r) => r.kind === kind && r.dimension === 'all' && r.value === 'any' && r.month === month));
    const { cells, total } = suppressGroup(counts, minimum);
    return { kind, cells, total };
  });
  const values = [...new Set(rows.filter((r) => r.dimension === filter.by).map((r) => r.value))].sort();
  const of = (kind: string) => values.map((v) => sum((r) => r.kind === kind && r.dimension === filter.by && r.value === v));
  const referrals = suppressGroup(of('referral-received'), minimum);
  const jobStarts = suppressGroup(of('job-start'), minimum);
  const sustained = suppressGroup(of('sustained-13-weeks'), minimum);
  const rate = (a: CellShown | undefined, b: CellShown | undefined) => (a?.kind === 'count' && b?.kind === 'count' && b.value > 0 ? a.value / b.value : null);
  const equality = EQUALITY_QUESTIONS.map((question) => {
    const groups = [...new Set(rows.filter((r) => r.dimension === question).map((r) => r.value))].sort();
    const at = (kind: string, value: string) => sum((r) => r.kind === kind && r.dimension === question && r.value === value);
    return {
      question,
      ...equalityGaps(
        groups.map((value) => ({ value, started: at('referral-received', value), reached: at('job-start', value) })),
        minimum,
      ),
    };
  });
  return {
    filter,
    funnel: funnel(steps, minimum),
    times: { firstContact: percentiles(histogram(TIME_KINDS[0]), minimum), jobStart: percentiles(histogram(TIME_KINDS[1]), minimum) },
    monthly: { months, series },
    breakdown: values.map((value, i) => ({
      value,
      referrals: referrals.cells[i] as CellShown,
      jobStarts: jobStarts.cells[i] as CellShown,
      sustained: sustained.cells[i] as CellShown,
      rate: rate(jobStarts.cells[i], referrals.cells[i]),
    })),
    breakdownTotals: { referrals: referrals.total, jobStarts: jobStarts.total, sustained: sustained.total },
    equality,
  };
}
