import { sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { HealthFields } from './case.ts';
import { tables } from './case-repo.ts';

/* Who may see what on a case: the health fields, the health team, break-glass grants and the tenant's limits. */

/** Health fields: what the referrals said about the person's health, and the profile's own words. */
export async function healthOf(tx: Tx, c: { id: string; participant_id: string }): Promise<HealthFields> {
  const referral = await tables(tx)
    .selectFrom('referrals as r')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'r.tenant_id').onRef('c.referral_id', '=', 'r.id'))
    .select(['r.conditions_text', 'r.condition_categories', 'r.fit_note', 'r.fit_note_advice'])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const profile = await tables(tx).selectFrom('vocational_profiles').select('health_in_own_words').where('case_id', '=', c.id).executeTakeFirst();
  return {
    conditionsText: referral.conditions_text,
    conditionCategories: referral.condition_categories,
    fitNote: referral.fit_note,
    fitNoteAdvice: referral.fit_note_advice,
    healthInOwnWords: profile?.health_in_own_words ?? '',
  };
}

/** Whether any health condition is recorded for the participant: in any referral or in a profile. */
export async function healthConditionRecorded(tx: Tx, participantId: string): Promise<boolean> {
  const row = await tables(tx)
    .selectFrom('cases as c')
    .innerJoin('referrals as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.id', '=', 'c.referral_id'))
    .leftJoin('vocational_profiles as v', (j) => j.onRef('v.tenant_id', '=', 'c.tenant_id').onRef('v.case_id', '=', 'c.id'))
    .select('c.id')
    .where('c.participant_id', '=', participantId)
    .where((eb) =>
      eb.or([
        eb('r.conditions_text', '<>', ''),
        eb(sql`cardinality(r.condition_categories)`, '>', 0),
        eb('r.fit_note', '<>', 'none'),
        eb(sql`coalesce(v.health_in_own_words, '')`, '<>', ''),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function healthTeamOf(tx: Tx, caseId: string) {
  return tables(tx)
    .selectFrom('case_health_team as h')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'h.tenant_id').onRef('u.id', '=', 'h.user_id'))
    .select(['u.id as userId', 'u.display_name as name'])
    .where('h.case_id', '=', caseId)
    .orderBy('u.display_name')
    .execute();
}

export async function activeBreakGlass(tx: Tx, caseId: string, userId: string, now: Date) {
  return tables(tx)
    .selectFrom('break_glass_grants as g')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'))
    .select([
      'g.id',
      'g.case_id as caseId',
      'g.user_id as userId',
      'u.display_name as userName',
      'g.reason',
      'g.granted_at as grantedAt',
      'g.expires_at as expiresAt',
    ])
    .where('g.case_id', '=', caseId)
    .where('g.user_id', '=', userId)
    .where('g.expires_at', '>', now)
    .orderBy('g.expires_at', 'desc')
    .executeTakeFirst();
}

/** Break-glass grants for the information-governance lead: unreviewed first, newest first. */
export async function breakGlassReviewItems(tx: Tx) {
  return tables(tx)
    .selectFrom('break_glass_grants as g')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'))
    .select([
      'g.id',
      'g.case_id as caseId',
      'u.display_name as userName',
      'g.reason',
      'g.granted_at as grantedAt',
      'g.expires_at as expiresAt',
      'g.reviewed_at as reviewedAt',
      'g.review_outcome as reviewOutcome',
      'g.review_note as reviewNote',
    ])
    .orderBy(sql`g.reviewed_at IS NULL`, 'desc')
    .orderBy('g.granted_at', 'desc')
    .limit(200)
    .execute();
}

export async function caseSettings(tx: Tx): Promise<{ ipsCaseloadLimit: number; breakGlassHours: number }> {
  const row = await tx
    .selectFrom('tenant_settings')
    .select(sql<number>`ips_caseload_limit`.as('limit'))
    .select(sql<number>`break_glass_hours`.as('hours'))
    .executeTakeFirst();
  return { ipsCaseloadLimit: row?.limit ?? 20, breakGlassHours: row?.hours ?? 4 };
}
