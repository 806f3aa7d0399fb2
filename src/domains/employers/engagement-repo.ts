import type { Insertable, Updateable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { tables } from './employer-repo.ts';
import type { Day, FlexibleOption, Shift } from './matching.ts';
import type { EmployerTables, Introduction, IntroductionStatus, Offer, ShareableField, SharedCandidate, WorkProfile } from './vacancy.ts';

// The person's side of employer work: their work profile, contacts with employers, and introductions.
// ── Work profiles ─────────────────────────────────────────────────────────────

type ProfileRow = EmployerTables['work_profiles'];
const toProfile = (r: {
  case_id: string;
  occupations_wanted: string[];
  occupations_excluded: string[];
  hours_min: number;
  hours_max: number;
  days: Day[];
  shifts: Shift[];
  caring_windows: string;
  fluctuating: boolean;
  fluctuation_needs: string;
  flexibility_needed: FlexibleOption[];
  adjustments_needed: string[];
  postcode: string;
  lat: number | null;
  lon: number | null;
  max_travel_km: number;
  travel_modes: string[];
  pay_floor_hourly: string | number;
  updated_at: Date;
}): WorkProfile => ({
  caseId: r.case_id,
  occupationsWanted: r.occupations_wanted,
  occupationsExcluded: r.occupations_excluded,
  hoursPerWeek: { min: Number(r.hours_min), max: Number(r.hours_max) },
  days: r.days,
  shifts: r.shifts,
  caringWindows: r.caring_windows,
  fluctuating: r.fluctuating,
  fluctuationNeeds: r.fluctuation_needs,
  flexibilityNeeded: r.flexibility_needed,
  adjustmentsNeeded: r.adjustments_needed,
  postcode: r.postcode,
  location: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon },
  maxTravelKm: Number(r.max_travel_km),
  travelModes: r.travel_modes,
  payFloorHourly: Number(r.pay_floor_hourly),
  updatedAt: r.updated_at,
});

export async function findWorkProfiles(tx: Tx, caseIds: readonly string[]): Promise<WorkProfile[]> {
  if (caseIds.length === 0) return [];
  return (
    await tables(tx)
      .selectFrom('work_profiles')
      .selectAll()
      .where('case_id', 'in', [...caseIds])
      .execute()
  ).map(toProfile);
}

export async function saveWorkProfile(tx: Tx, row: Insertable<ProfileRow>): Promise<void> {
  const { tenant_id: _t, case_id: _c, ...changes } = row;
  await tables(tx)
    .insertInto('work_profiles')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doUpdateSet(changes))
    .execute();
}

// ── Engagement ────────────────────────────────────────────────────────────────

export async function insertEngagement(tx: Tx, row: Insertable<EmployerTables['employer_engagements']>): Promise<void> {
  await tables(tx).insertInto('employer_engagements').values(row).execute();
}

export async function listEngagements(tx: Tx, employerId: string) {
  return tables(tx).selectFrom('employer_engagements').selectAll().where('employer_id', '=', employerId).orderBy('at', 'desc').limit(100).execute();
}

type IntroductionRow = {
  id: string;
  vacancy_id: string;
  title: string;
  employer_id: string;
  case_id: string;
  shared_fields: ShareableField[];
  shared: unknown;
  status: IntroductionStatus;
  interview_at: Date | null;
  offer: unknown;
  decline_reason: string | null;
  job_id: string | null;
  created_at: Date;
  version: number;
};
const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const toIntroduction = (r: IntroductionRow): Introduction => ({
  id: r.id,
  vacancyId: r.vacancy_id,
  vacancyTitle: r.title,
  employerId: r.employer_id,
  caseId: r.case_id,
  sharedFields: r.shared_fields,
  shared: parseJson(r.shared) as SharedCandidate,
  status: r.status,
  interviewAt: r.interview_at,
  offer: r.offer === null ? null : (parseJson(r.offer) as Offer),
  declineReason: r.decline_reason,
  jobId: r.job_id,
  createdAt: r.created_at,
  version: r.version,
});
const introductions = (tx: Tx) =>
  tables(tx)
    .selectFrom('introductions as i')
    .innerJoin('vacancies as v', (j) => j.onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.id', '=', 'i.vacancy_id'))
    .select([
      'i.id',
      'i.vacancy_id',
      'v.title',
      'i.employer_id',
      'i.case_id',
      'i.shared_fields',
      'i.shared',
      'i.status',
      'i.interview_at',
      'i.offer',
      'i.decline_reason',
      'i.job_id',
      'i.created_at',
      'i.version',
    ]);

export async function insertIntroduction(tx: Tx, row: Insertable<EmployerTables['introductions']>): Promise<boolean> {
  const r = await tables(tx)
    .insertInto('introductions')
    .values(row)
    .onConflict((oc) => oc.constraint('introductions_once').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function findIntroduction(tx: Tx, id: string, forUpdate = false): Promise<Introduction | null> {
  let q = introductions(tx).where('i.id', '=', id);
  if (forUpdate) q = q.forUpdate('i');
  const r = await q.executeTakeFirst();
  return r ? toIntroduction(r) : null;
}

export async function listIntroductions(tx: Tx, filter: { employerId?: string; caseId?: string; vacancyId?: string }): Promise<Introduction[]> {
  let q = introductions(tx);
  if (filter.employerId) q = q.where('i.employer_id', '=', filter.employerId);
  if (filter.caseId) q = q.where('i.case_id', '=', filter.caseId);
  if (filter.vacancyId) q = q.where('i.vacancy_id', '=', filter.vacancyId);
  return (await q.orderBy('i.created_at', 'desc').limit(200).execute()).map(toIntroduction);
}

export async function updateIntroduction(
  tx: Tx,
  id: string,
  changes: Pick<Updateable<EmployerTables['introductions']>, 'status' | 'interview_at' | 'offer' | 'decline_reason' | 'job_id'>,
  now: Date,
): Promise<void> {
  await tables(tx)
    .updateTable('introductions')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
