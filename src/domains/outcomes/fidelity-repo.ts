import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { FidelityBand } from './fidelity-rules.ts';
import type { FidelityItemKey, Measure } from './fidelity-scale.ts';
import { tables } from './outcome-repo.ts';

/** What the service measured for an item when the review was written: the figure, over how many, and the score it suggested. */
export type Measured = {
  figure: number | null;
  people: number;
  suggested: number | null;
  /** Set when there were some people but fewer than the disclosure threshold: figure and count not shown. */
  fewerThan?: number;
};
export type StoredItem = { key: FidelityItemKey; score: number; evidence: string; action: string; measured?: Measured };
export type FidelityReview = {
  id: string;
  teamId: string;
  teamName: string;
  reviewedOn: string;
  reviewer: string;
  items: StoredItem[];
  total: number;
  band: FidelityBand;
  createdAt: Date;
};

export async function insertReview(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    teamId: string;
    reviewedOn: string;
    reviewer: string;
    items: StoredItem[];
    total: number;
    band: FidelityBand;
    now: Date;
  },
): Promise<void> {
  await tables(tx)
    .insertInto('fidelity_reviews')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      team_id: row.teamId,
      reviewed_on: row.reviewedOn,
      reviewer: row.reviewer,
      items: JSON.stringify(row.items),
      total: row.total,
      band: row.band,
      created_at: row.now,
    })
    .execute();
}

/** Reviews of these teams (all with null), newest first within each team; one review with `id`. */
export async function findReviews(tx: Tx, where: { teamIds: readonly string[] | null; id?: string }): Promise<FidelityReview[]> {
  const teams = where.teamIds ? sql`AND r.team_id = ANY (${[...where.teamIds]}::uuid[])` : sql``;
  const one = where.id ? sql`AND r.id = ${where.id}::uuid` : sql``;
  const { rows } = await sql<{
    id: string;
    team_id: string;
    team_name: string;
    reviewed_on: string;
    reviewer: string;
    items: StoredItem[] | string;
    total: number;
    band: FidelityBand;
    created_at: Date | string;
  }>`
    SELECT r.id, r.team_id, t.name AS team_name, r.reviewed_on, r.reviewer, r.items, r.total, r.band, r.created_at
      FROM fidelity_reviews r JOIN teams t ON t.tenant_id = r.tenant_id AND t.id = r.team_id
     WHERE true ${teams} ${one}
     ORDER BY t.name, r.reviewed_on DESC, r.created_at DESC`.execute(tx);
  return rows.map((r) => ({
    id: r.id,
    teamId: r.team_id,
    teamName: r.team_name,
    reviewedOn: r.reviewed_on,
    reviewer: r.reviewer,
    items: typeof r.items === 'string' ? (JSON.parse(r.items) as StoredItem[]) : r.items,
    total: r.total,
    band: r.band,
    createdAt: new Date(r.created_at),
  }));
}

/**
 * The figures behind the measured items, for one team as of `now`: each is a count of the team's
 * own records, so the reviewer sees the figure and the number of people it is over. Read when a
 * review is started, not per dashboard view.
 */
export async function measureTeam(tx: Tx, teamId: string, now: Date): Promise<Record<Exclude<Measure, 'caseload'>, Measured>> {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const thirteenWeeksAgo = new Date(now.getTime() - 91 * 86_400_000);
  const { rows } = await sql<{ measure: string; figure: string | null; base: string }>`
    SELECT 'employer-contact' AS measure, percentile_disc(0.5) WITHIN GROUP (ORDER BY d.days)::text AS figure, count(*)::text AS base
      FROM (SELECT floor(extract(epoch FROM min(i.created_at) - c.opened_at) / 86400)::integer AS days
              FROM cases c JOIN introductions i ON i.tenant_id = c.tenant_id AND i.case_id = c.id
             WHERE c.team_id = ${teamId}::uuid AND c.opened_at >= ${yearAgo}
             GROUP BY c.id, c.opened_at) d
    UNION ALL
    SELECT 'time-unlimited', (100.0 * count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM outcome_facts l
              WHERE l.tenant_id = s.tenant_id AND l.subject_id = s.subject_id AND l.kind = 'left'
                AND l.occurred_at >= s.occurred_at AND l.occurred_at < s.occurred_at + interval '91 days')) / nullif(count(*), 0))::text,
           count(*)::text
      FROM outcome_facts s
     WHERE s.team_id = ${teamId}::uuid AND s.kind = 'job-start' AND s.first_of_kind
       AND s.occurred_at >= ${yearAgo} AND s.occurred_at < ${thirteenWeeksAgo}
    UNION ALL
    SELECT 'integration', (100.0 * count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM case_health_team h WHERE h.tenant_id = c.tenant_id AND h.case_id = c.id)) / nullif(count(*), 0))::text,
           count(*)::text
      FROM cases c WHERE c.team_id = ${teamId}::uuid AND c.phase <> 'closed'`.execute(tx);
  const of = (m: string) => {
    const r = rows.find((x) => x.measure === m);
    const figure = r?.figure === null || r?.figure === undefined ? null : Math.round(Number(r.figure) * 10) / 10;
    return { figure, people: Number(r?.base ?? 0), suggested: null };
  };
  return { 'employer-contact': of('employer-contact'), 'time-unlimited': of('time-unlimited'), integration: of('integration') };
}
