import { type CellShown, suppressGroup } from './disclosure-rules.ts';

/**
 * The monthly management-information return a commissioner sends its funder: per programme and
 * month, people referred, starting, starting a job and in sustained work, in total and by each
 * reporting dimension. The schema is versioned and documented in docs/domain/monthly-return.md;
 * a change to the columns or their meaning is a new version.
 */
export const RETURN_SCHEMA_VERSION = '1.0.0';

/** The measures, each the people reaching that step for the first time in the month. */
export const RETURN_MEASURES = {
  referrals: 'referral-received',
  starts: 'accepted',
  'job-starts': 'job-start',
  'sustained-13-weeks': 'sustained-13-weeks',
  'sustained-26-weeks': 'sustained-26-weeks',
} as const;
export type ReturnMeasure = keyof typeof RETURN_MEASURES;

/**
 * The dimensions of the return, in its order. Not the specialist: a return leaves the organisation,
 * and a named member of staff's figures are not the funder's to see. Not the programme: a return is
 * for one programme (or all of them together).
 */
export const RETURN_DIMENSIONS = [
  'team',
  'referring-service',
  'regime',
  'youth-pathway',
  'condition',
  'age-band',
  'nation',
  'sex',
  'age-group',
  'ethnicity',
  'disability',
] as const;
export type ReturnDimension = (typeof RETURN_DIMENSIONS)[number];

export type ReturnRow = {
  dimension: 'total' | ReturnDimension;
  value: string;
  measure: ReturnMeasure;
  /** The count, or null when it is not shown. */
  count: number | null;
  /** Why a count is not shown: under the threshold itself, or hidden so it cannot be worked out. */
  suppressed: 'small' | 'secondary' | null;
};

export type MonthlyReturn = {
  schemaVersion: string;
  area: { gssCode: string; name: string };
  programme: string;
  month: string;
  threshold: number;
  generatedAt: string;
  rows: ReturnRow[];
};

const row = (dimension: ReturnRow['dimension'], value: string, measure: ReturnMeasure, c: CellShown): ReturnRow =>
  c.kind === 'count' ? { dimension, value, measure, count: c.value, suppressed: null } : { dimension, value, measure, count: null, suppressed: c.why };

/**
 * The rows of a return from the kept counts of one month (people: each dimension's 'first' counts,
 * and the team from the total's team). Each breakdown is suppressed as one group with the total, as
 * the national view is, so no hidden cell can be worked out from the total and the others.
 */
export function returnRows(counts: readonly { kind: string; dimension: string; value: string; n: number }[], minimum: number): ReturnRow[] {
  const rows: ReturnRow[] = [];
  for (const [measure, kind] of Object.entries(RETURN_MEASURES) as [ReturnMeasure, string][]) {
    const total = counts.filter((c) => c.kind === kind && c.dimension === 'all').reduce((a, c) => a + c.n, 0);
    rows.push(row('total', 'all', measure, suppressGroup([total], minimum).total));
  }
  for (const dimension of RETURN_DIMENSIONS) {
    const values = [...new Set(counts.filter((c) => c.dimension === dimension).map((c) => c.value))].sort();
    for (const [measure, kind] of Object.entries(RETURN_MEASURES) as [ReturnMeasure, string][]) {
      const n = values.map((v) => counts.filter((c) => c.kind === kind && c.dimension === dimension && c.value === v).reduce((a, c) => a + c.n, 0));
      const { cells } = suppressGroup(n, minimum);
      values.forEach((v, i) => {
        rows.push(row(dimension, v, measure, cells[i] as CellShown));
      });
    }
  }
  return rows;
}

/** The return as CSV rows (RFC 4180 by platform/http/csv.ts): one row per figure, the header first. */
export function returnCsv(r: MonthlyReturn): (string | number | null)[][] {
  return [
    ['schema_version', 'gss_code', 'programme', 'month', 'dimension', 'value', 'measure', 'count', 'suppressed'],
    ...r.rows.map((x) => [r.schemaVersion, r.area.gssCode, r.programme, r.month, x.dimension, x.value, x.measure, x.count, x.suppressed]),
  ];
}
