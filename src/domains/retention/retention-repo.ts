import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type { FitNote, PhasedWeek, PlanAction, RetentionCase, RetentionTables, TrackedWeek } from './retention.ts';

type Tables = RetentionTables & Pick<ReferralTables, 'people' | 'referrals' | 'cases' | 'participants'>;
const tables = (tx: Tx) => tx.withTables<Tables>();

type CaseRow = Selectable<RetentionTables['retention_cases']> & {
  given_name: string;
  family_name: string;
  case_id: string | null;
  participant_id: string | null;
};
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const toCase = (r: CaseRow): RetentionCase => ({
  id: r.id,
  referralId: r.referral_id,
  caseId: r.case_id,
  participantId: r.participant_id,
  personName: `${r.given_name} ${r.family_name}`,
  referredBy: r.referred_by,
  employerName: r.employer_name,
  employerOrganisationId: r.employer_organisation_id,
  jobTitle: r.job_title,
  hoursPerWeek: Number(r.hours_per_week),
  absentNow: r.absent_now,
  absenceSpells: r.absence_spells,
  absenceDays: r.absence_days,
  employerConsent: r.employer_consent_on
    ? { givenOn: r.employer_consent_on, contactUserId: r.employer_contact_user_id, contactName: r.employer_contact_name ?? '' }
    : null,
  status: r.status,
  adjustments: r.adjustments,
  actions: json<PlanAction[]>(r.actions),
  employerConversation: r.employer_conversation ? json<{ on: string; with: string; summary: string }>(r.employer_conversation) : null,
  accessToWorkDecisionId: r.access_to_work_decision_id,
  planAgreedOn: r.plan_agreed_on,
  planSharedWithEmployer: r.plan_shared_with_employer,
  outcome: r.outcome,
  leftReason: r.left_reason,
  absenceDaysAfter: r.absence_days_after,
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
  version: r.version,
});

function selectCases(tx: Tx) {
  return tables(tx)
    .selectFrom('retention_cases as rc')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('cases as c', 'c.referral_id', 'rc.referral_id')
    .selectAll('rc')
    .select(['p.given_name', 'p.family_name', 'c.id as case_id', 'c.participant_id']);
}

export async function findByReferral(tx: Tx, referralId: string, forUpdate = false): Promise<RetentionCase | null> {
  let q = selectCases(tx).where('rc.referral_id', '=', referralId);
  if (forUpdate) q = q.forUpdate('rc');
  const row = await q.executeTakeFirst();
  return row ? toCase(row as CaseRow) : null;
}

export async function findById(tx: Tx, id: string): Promise<RetentionCase | null> {
  const row = await selectCases(tx).where('rc.id', '=', id).executeTakeFirst();
  return row ? toCase(row as CaseRow) : null;
}

/** The person's latest retention case, by their participant record. */
export async function findByParticipant(tx: Tx, participantId: string): Promise<RetentionCase | null> {
  const row = await selectCases(tx).where('c.participant_id', '=', participantId).orderBy('c.opened_at', 'desc').executeTakeFirst();
  return row ? toCase(row as CaseRow) : null;
}

/** The plans shared with one employer user, named as their contact, and nothing else. */
export async function sharedWith(tx: Tx, userId: string): Promise<RetentionCase[]> {
  const rows = await selectCases(tx)
    .where('rc.employer_contact_user_id', '=', userId)
    .where('rc.plan_shared_with_employer', '=', true)
    .orderBy('rc.plan_agreed_on', 'desc')
    .execute();
  return rows.map((r) => toCase(r as CaseRow));
}

export async function insertCase(tx: Tx, v: Insertable<RetentionTables['retention_cases']>): Promise<void> {
  await tables(tx).insertInto('retention_cases').values(v).execute();
}

export async function updateCase(tx: Tx, id: string, version: number, set: Updateable<RetentionTables['retention_cases']>, now: Date): Promise<boolean> {
  const result = await tables(tx)
    .updateTable('retention_cases')
    .set({ ...set, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFitNote(tx: Tx, tenantId: string, caseId: string, n: Omit<FitNote, 'recordedAt'>, now: Date): Promise<void> {
  await tables(tx)
    .insertInto('retention_fit_notes')
    .values({
      tenant_id: tenantId,
      id: n.id,
      retention_case_id: caseId,
      fitness: n.fitness,
      advice: n.advice,
      condition: n.condition,
      comments: n.comments,
      valid_from: n.from,
      valid_to: n.to,
      follow_up_needed: n.followUpNeeded,
      issued_on: n.issuedOn,
      issuer_profession: n.issuerProfession,
      source: n.source,
      recorded_at: now,
    })
    .execute();
}

export async function fitNotesOf(tx: Tx, caseId: string): Promise<FitNote[]> {
  const rows = await tables(tx)
    .selectFrom('retention_fit_notes')
    .selectAll()
    .where('retention_case_id', '=', caseId)
    .orderBy('issued_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fitness: r.fitness,
    advice: r.advice,
    condition: r.condition,
    comments: r.comments,
    from: r.valid_from,
    to: r.valid_to,
    followUpNeeded: r.follow_up_needed,
    issuedOn: r.issued_on,
    issuerProfession: r.issuer_profession,
    source: r.source,
    recordedAt: new Date(r.recorded_at),
  }));
}

export async function findFitNote(tx: Tx, id: string): Promise<(FitNote & { retentionCaseId: string }) | null> {
  const r = await tables(tx).selectFrom('retention_fit_notes').select('retention_case_id').where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const note = (await fitNotesOf(tx, r.retention_case_id)).find((n) => n.id === id);
  return note ? { ...note, retentionCaseId: r.retention_case_id } : null;
}

/** Replaces a plan's weeks (a plan agreed again starts its schedule afresh). */
export async function replaceWeeks(tx: Tx, tenantId: string, caseId: string, weeks: readonly PhasedWeek[]): Promise<void> {
  await tables(tx).deleteFrom('retention_weeks').where('retention_case_id', '=', caseId).execute();
  if (weeks.length === 0) return;
  await tables(tx)
    .insertInto('retention_weeks')
    .values(
      weeks.map((w) => ({
        tenant_id: tenantId,
        retention_case_id: caseId,
        week: w.week,
        starts_on: w.startsOn,
        ends_on: w.endsOn,
        hours: w.hours,
        duties: w.duties,
        review_on: w.reviewOn,
        done_at: null,
        reviewed_on: null,
        review_note: null,
        missed_flagged_at: null,
      })),
    )
    .execute();
}

export async function weeksOf(tx: Tx, caseId: string): Promise<(TrackedWeek & { missedFlaggedAt: Date | null })[]> {
  const rows = await tables(tx).selectFrom('retention_weeks').selectAll().where('retention_case_id', '=', caseId).orderBy('week').execute();
  return rows.map((w) => ({
    week: w.week,
    startsOn: w.starts_on,
    endsOn: w.ends_on,
    hours: Number(w.hours),
    duties: w.duties,
    reviewOn: w.review_on,
    doneAt: w.done_at ? new Date(w.done_at) : null,
    reviewedOn: w.reviewed_on,
    reviewNote: w.review_note,
    missedFlaggedAt: w.missed_flagged_at ? new Date(w.missed_flagged_at) : null,
  }));
}

export async function updateWeek(
  tx: Tx,
  caseId: string,
  week: number,
  set: Partial<Pick<Selectable<RetentionTables['retention_weeks']>, 'done_at' | 'reviewed_on' | 'review_note' | 'missed_flagged_at'>>,
): Promise<boolean> {
  const r = await tables(tx).updateTable('retention_weeks').set(set).where('retention_case_id', '=', caseId).where('week', '=', week).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Reviews not held by `before` (their date plus the grace days has passed) and not yet flagged. */
export async function reviewsToFlag(tx: Tx, before: string) {
  return tables(tx)
    .selectFrom('retention_weeks as w')
    .innerJoin('retention_cases as rc', 'rc.id', 'w.retention_case_id')
    .innerJoin('cases as c', 'c.referral_id', 'rc.referral_id')
    .select(['w.retention_case_id', 'w.week', 'w.review_on', 'c.id as case_id'])
    .where('w.review_on', '<', before)
    .where('w.reviewed_on', 'is', null)
    .where('w.missed_flagged_at', 'is', null)
    .where('rc.status', '<>', 'closed')
    .execute();
}

/** Missed reviews (flagged, still not held) on the cases of some teams, for their team leads. */
export async function missedReviewsOf(tx: Tx, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return tables(tx)
    .selectFrom('retention_weeks as w')
    .innerJoin('retention_cases as rc', 'rc.id', 'w.retention_case_id')
    .innerJoin('cases as c', 'c.referral_id', 'rc.referral_id')
    .innerJoin('referrals as r', 'r.id', 'rc.referral_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['c.id as case_id', 'w.week', 'w.review_on', 'p.given_name', 'p.family_name', 'rc.employer_name'])
    .where('c.team_id', 'in', [...teamIds])
    .where('w.missed_flagged_at', 'is not', null)
    .where('w.reviewed_on', 'is', null)
    .where('rc.status', '<>', 'closed')
    .orderBy('w.review_on')
    .execute();
}

/** Employer users who could be a plan's named contact: of one employer organisation, or of any. */
export async function employerUsers(tx: Tx, organisationId: string | null) {
  const { rows } = await sql<{ id: string; display_name: string; organisation: string }>`
    SELECT u.id, u.display_name, o.name AS organisation
      FROM users u JOIN organisations o ON o.tenant_id = u.tenant_id AND o.id = u.organisation_id
     WHERE u.disabled_at IS NULL AND 'employer' = ANY (u.roles) AND (${organisationId}::uuid IS NULL OR u.organisation_id = ${organisationId}::uuid)
     ORDER BY u.display_name`.execute(tx);
  return rows;
}
