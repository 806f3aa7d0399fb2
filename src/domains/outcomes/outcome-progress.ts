import { sql } from 'kysely';
import disclosureControl from '../../../policy/disclosure-control.json' with { type: 'json' };
import type { Tx } from '../../platform/db/index.ts';
import { parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { type CellShown, suppress } from './disclosure-rules.ts';

const threshold = parsePolicyParameter(disclosureControl);

/** What a local plan counts, and the outcome fact each is read from. */
export const PROGRESS_MEASURES = ['job-starts', 'sustained-outcomes', 'people-supported'] as const;
export type ProgressMeasure = (typeof PROGRESS_MEASURES)[number];
/** The groups of people a local plan may set a target for, each one a filter on the facts. */
export const PROGRESS_COHORTS = ['all', 'young-people', 'aged-50-plus', 'health-condition'] as const;
export type ProgressCohort = (typeof PROGRESS_COHORTS)[number];

export type ProgressQuery = { measure: ProgressMeasure; programme: string; cohort: ProgressCohort };

const KIND: Readonly<Record<ProgressMeasure, string>> = {
  'job-starts': 'job-start',
  'sustained-outcomes': 'sustained-13-weeks',
  // A person supported is one accepted onto a programme: counted once however many journeys.
  'people-supported': 'accepted',
};

const cohortFilter = (cohort: ProgressCohort) =>
  cohort === 'young-people'
    ? sql`AND youth_pathway`
    : cohort === 'aged-50-plus'
      ? sql`AND age_band IN ('50-64', '65-plus')`
      : cohort === 'health-condition'
        ? sql`AND cardinality(condition_categories) > 0`
        : sql``;

/**
 * How far a tenant has come on each of `queries` between two months (yyyy-mm, both included),
 * from its outcome facts: each person's first fact of the kind (as the dashboards count), by
 * programme and cohort together, which the kept counts (one dimension at a time) cannot answer.
 * Small counts are suppressed here, so nothing below the threshold leaves this capability; the
 * plan page is read by everyone in the tenant. One statement for every target.
 */
export async function targetProgress(
  tx: Tx,
  tenantId: string,
  period: { from: string; to: string; on: string },
  queries: readonly ProgressQuery[],
): Promise<{ figures: CellShown[]; threshold: number }> {
  const minimum = valueAt(threshold, period.on).value;
  if (queries.length === 0) return { figures: [], threshold: minimum };
  const parts = queries.map(
    (q, i) => sql`SELECT ${i}::integer AS i, count(DISTINCT person_id)::integer AS n FROM outcome_facts
       WHERE tenant_id = ${tenantId}::uuid AND kind = ${KIND[q.measure]} AND first_of_kind
         AND month >= ${period.from} AND month <= ${period.to}
         ${q.programme === 'all' ? sql`` : sql`AND programme = ${q.programme}`} ${cohortFilter(q.cohort)}`,
  );
  const { rows } = await sql<{ i: number; n: number }>`${sql.join(parts, sql` UNION ALL `)}`.execute(tx);
  const byIndex = new Map(rows.map((r) => [Number(r.i), Number(r.n)]));
  return { figures: queries.map((_, i) => suppress(byIndex.get(i) ?? 0, minimum)), threshold: minimum };
}
