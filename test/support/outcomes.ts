import { sql } from 'kysely';
import type { TestApp } from './test-app.ts';

export type FactRow = {
  kind: string;
  first_of_kind: boolean;
  days_from_referral: number | null;
  job_id: string | null;
  team_id: string;
  specialist_user_id: string | null;
  referring_service: string;
  programme: string;
  regime: string;
  youth_pathway: boolean;
  condition_categories: string[];
  age_band: string;
  nation: string;
};

/** The outcome facts of one journey (a referral), oldest first, as the app role reads them. */
export async function factsOf(t: TestApp, referralId: string, tenant: 'leicester' | 'cardiff' = 'leicester'): Promise<FactRow[]> {
  return t.testDb.db.inTenant(t.tenants[tenant], async (tx) => {
    const { rows } = await sql<FactRow>`
      SELECT kind, first_of_kind, days_from_referral, job_id, team_id, specialist_user_id, referring_service, programme, regime,
             youth_pathway, condition_categories, age_band, nation
        FROM outcome_facts WHERE subject_id = ${referralId} ORDER BY occurred_at, id`.execute(tx);
    return rows;
  });
}

/** One count from outcome_counts, summed over teams and months. */
export async function countOf(t: TestApp, kind: string, dimension: string, value: string, tenant: 'leicester' | 'cardiff' = 'leicester'): Promise<number> {
  return t.testDb.db.inTenant(t.tenants[tenant], async (tx) => {
    const { rows } = await sql<{ n: string | null }>`
      SELECT sum(n)::text AS n FROM outcome_counts WHERE kind = ${kind} AND dimension = ${dimension} AND value = ${value}`.execute(tx);
    return Number(rows[0]?.n ?? 0);
  });
}
