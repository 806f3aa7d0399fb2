import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { type CountRow, type DashboardFilter, EQUALITY_QUESTIONS, type InactivityEstimate, type OutcomeTables } from './outcome.ts';
import { TIME_KINDS } from './outcome-dashboard.ts';
import { FUNNEL_STEPS } from './outcome-rules.ts';

export const tables = (tx: Tx) => tx.withTables<OutcomeTables>();

/**
 * Everything one tenant dashboard shows, in one statement over the kept counts (ADR 0029): totals
 * by month, days from referral, the equality questions, and the chosen breakdown (teams from the
 * team of each count). Only what `buildDashboard` uses: the totals of the funnel's kinds, the days
 * of the two times, every kind of the equality questions and the breakdown (their groups are the
 * values seen). Each part is one range of `outcome_counts_read` (tenant, dimension, kind, month),
 * read from the index alone (ADR 0063). Row-level security keeps it to the tenant.
 */
export async function readCounts(tx: Tx, tenantId: string, f: DashboardFilter, teamIds: readonly string[] | null): Promise<CountRow[]> {
  const teamFilter = teamIds ? sql`AND team_id = ANY (${[...teamIds]}::uuid[])` : sql``;
  const range = sql`tenant_id = ${tenantId}::uuid AND month >= ${f.from} AND month <= ${f.to} ${teamFilter}`;
  const groups: string[] = f.by === 'team' ? [...EQUALITY_QUESTIONS] : [...EQUALITY_QUESTIONS, f.by];
  const { rows } = await sql<{ month: string; kind: string; dimension: string; value: string; n: string | number }>`
    SELECT CASE WHEN dimension = 'all' THEN month ELSE '' END AS month, kind, dimension, value, sum(n) AS n
      FROM (SELECT month, kind, dimension, value, n FROM outcome_counts WHERE ${range} AND dimension = 'all' AND kind = ANY (${[...FUNNEL_STEPS]}::text[])
            UNION ALL
            SELECT month, kind, dimension, value, n FROM outcome_counts WHERE ${range} AND dimension = 'days' AND kind = ANY (${[...TIME_KINDS]}::text[])
            UNION ALL
            SELECT month, kind, dimension, value, n FROM outcome_counts WHERE ${range} AND dimension = ANY (${groups}::text[])) c
     GROUP BY 1, 2, 3, 4
    ${
      f.by === 'team'
        ? sql`UNION ALL
    SELECT '', kind, 'team', team_id::text, sum(n)
      FROM outcome_counts
     WHERE ${range} AND dimension = 'all' AND value = 'first'
     GROUP BY 2, 4`
        : sql``
    }`.execute(tx);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * The national view's figures from the roll-ups (ADR 0055): per area the people reaching each kind
 * (`tenantId` set), and across areas the totals and days from referral (`tenantId` null). The only
 * cross-tenant read: sums, never a tenant's rows.
 */
export async function readNationalCounts(
  tx: Tx,
  from: string,
  to: string,
): Promise<{ tenantId: string | null; kind: string; dimension: string; value: string; n: number }[]> {
  const { rows } = await sql<{ tenant_id: string | null; kind: string; dimension: string; value: string; n: string | number }>`
    SELECT tenant_id, kind, dimension, value, n FROM outcome_national_rollup(${from}, ${to})`.execute(tx);
  return rows.map((r) => ({ tenantId: r.tenant_id, kind: r.kind, dimension: r.dimension, value: r.value, n: Number(r.n) }));
}

export async function readTenants(tx: Tx): Promise<{ id: string; gssCode: string; name: string; nameCy: string }[]> {
  const rows = await tx.selectFrom('tenants').select(['id', 'gss_code', 'name', 'name_cy']).orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, gssCode: r.gss_code, name: r.name, nameCy: r.name_cy }));
}

/** The latest estimates of each measure for these areas. */
export async function latestEstimates(tx: Tx, gssCodes: readonly string[]): Promise<InactivityEstimate[]> {
  if (gssCodes.length === 0) return [];
  const { rows } = await sql<{
    gss_code: string;
    area_name: string;
    period: string;
    measure: InactivityEstimate['measure'];
    percent: string | null;
    confidence: string | null;
    numerator: string | null;
    denominator: string | null;
    source: string;
  }>`
    SELECT DISTINCT ON (gss_code, measure) gss_code, area_name, period, measure, percent::text, confidence::text, numerator::text, denominator::text, source
      FROM inactivity_estimates WHERE gss_code = ANY (${[...gssCodes]}::text[])
     ORDER BY gss_code, measure, imported_at DESC, period DESC`.execute(tx);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    gssCode: r.gss_code,
    areaName: r.area_name,
    period: r.period,
    measure: r.measure,
    percent: num(r.percent),
    confidence: num(r.confidence),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    source: r.source,
  }));
}

export async function teamNames(tx: Tx): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`SELECT id, name FROM teams ORDER BY name`.execute(tx);
  return rows;
}

export async function staffNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * The kept counts of people for one month's return (one programme, or all with null), by every
 * dimension, and by team from the totals: one statement, row-level security keeping it to the tenant.
 */
export async function readReturnCounts(
  tx: Tx,
  tenantId: string,
  month: string,
  programme: string | null,
  kinds: readonly string[],
  dimensions: readonly string[],
): Promise<{ kind: string; dimension: string; value: string; n: number }[]> {
  const p = programme === null ? sql`` : sql`AND programme = ${programme}`;
  const { rows } = await sql<{ kind: string; dimension: string; value: string; n: string | number }>`
    SELECT kind, dimension, value, sum(n) AS n FROM outcome_counts
     WHERE tenant_id = ${tenantId}::uuid AND month = ${month} AND kind = ANY (${[...kinds]}::text[]) ${p}
       AND ((dimension = 'all' AND value = 'first') OR dimension = ANY (${[...dimensions]}::text[]))
     GROUP BY 1, 2, 3
    UNION ALL
    SELECT kind, 'team', team_id::text, sum(n) FROM outcome_counts
     WHERE tenant_id = ${tenantId}::uuid AND month = ${month} AND kind = ANY (${[...kinds]}::text[]) ${p} AND dimension = 'all' AND value = 'first'
     GROUP BY 1, 3`.execute(tx);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
