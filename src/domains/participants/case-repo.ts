import { type Kysely, type Selectable, sql } from 'kysely';
import type { PlatformTables, Tx } from '../../platform/db/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type {
  Appointment,
  CaseEvent,
  CaseNote,
  CaseSummary,
  CaseTables,
  ClosureReason,
  ConsentScope,
  HealthFields,
  Job,
  NoteKind,
  Participant,
  Phase,
  PlanItem,
  VocationalProfile,
} from './case.ts';

export type Tables = ReferralTables & CaseTables;
export const tables = (tx: Tx) => tx.withTables<Tables>();

export type CaseFilter = { specialistUserId?: string; teamIds?: readonly string[]; open?: boolean; caseIds?: readonly string[]; participantId?: string };

/** Case summaries for lists and the caseload page: one query, the next appointment as a lateral lookup. */
export async function caseSummaries(tx: Tx, f: CaseFilter, now: Date): Promise<CaseSummary[]> {
  if (f.teamIds?.length === 0 || f.caseIds?.length === 0) return [];
  return (await caseSummariesQuery(tx, f, now).execute()).map(caseSummaryOf);
}

/**
 * The case summaries query, not yet run: `caseSummaries` runs it in a transaction, the caseload
 * (case-read-repo.ts) inside its one statement. An empty `teamIds` or `caseIds` is the caller's to
 * short-cut.
 */
export function caseSummariesQuery(db: Kysely<PlatformTables>, f: CaseFilter, now: Date) {
  let q = db
    .withTables<Tables>()
    .selectFrom('cases as c')
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.participant_id'))
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
    .innerJoin('referrals as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.id', '=', 'c.referral_id'))
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.specialist_user_id'))
    .select([
      'c.id',
      'c.participant_id',
      'c.referral_id',
      'r.reference',
      'c.team_id',
      't.name as team_name',
      'c.specialist_user_id',
      'u.display_name as specialist_name',
      'c.phase',
      'p.regime',
      'pe.given_name',
      'pe.family_name',
      'r.young_person',
      'c.opened_at',
      'c.closed_at',
      'c.closure_reason',
      'c.closure_note',
      'c.last_contact_at',
      'c.version',
    ])
    .select((eb) =>
      eb
        .selectFrom('appointments as a')
        .select((e) => e.fn.min('a.starts_at').as('next'))
        .whereRef('a.tenant_id', '=', 'c.tenant_id')
        .whereRef('a.case_id', '=', 'c.id')
        .where('a.outcome', 'is', null)
        .where('a.starts_at', '>=', now)
        .as('next_appointment_at'),
    );
  if (f.specialistUserId) q = q.where('c.specialist_user_id', '=', f.specialistUserId);
  if (f.teamIds) q = q.where('c.team_id', 'in', f.teamIds);
  if (f.caseIds) q = q.where('c.id', 'in', f.caseIds);
  if (f.participantId) q = q.where('c.participant_id', '=', f.participantId);
  if (f.open === true) q = q.where('c.phase', '<>', 'closed');
  // A total order (id last): cases opened at the same moment keep one order however it is planned.
  return q
    .orderBy('c.last_contact_at', (o) => o.asc().nullsFirst())
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .limit(1000);
}

/** The columns a case summary is made from: a caseload row and the one-statement case read share them. */
export type CaseSummaryRow = {
  id: string;
  participant_id: string;
  referral_id: string;
  reference: string;
  team_id: string;
  team_name: string;
  specialist_user_id: string | null;
  specialist_name: string | null;
  phase: string;
  regime: CaseSummary['regime'];
  given_name: string;
  family_name: string;
  young_person: boolean;
  opened_at: Date;
  closed_at: Date | null;
  closure_reason: string | null;
  closure_note: string | null;
  last_contact_at: Date | null;
  next_appointment_at: unknown;
  version: number;
};

export function caseSummaryOf(r: CaseSummaryRow): CaseSummary {
  return {
    id: r.id,
    participantId: r.participant_id,
    referralId: r.referral_id,
    referralReference: r.reference,
    teamId: r.team_id,
    teamName: r.team_name,
    specialistUserId: r.specialist_user_id,
    specialistName: r.specialist_name,
    phase: r.phase as Phase,
    regime: r.regime,
    personName: `${r.given_name} ${r.family_name}`,
    youngPerson: r.young_person,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    closureReason: r.closure_reason as ClosureReason | null,
    closureNote: r.closure_note,
    lastContactAt: r.last_contact_at,
    nextAppointmentAt: r.next_appointment_at ? new Date(r.next_appointment_at as unknown as string | Date) : null,
    version: r.version,
  };
}

export async function findCaseRow(tx: Tx, id: string, forUpdate = false) {
  const q = tables(tx).selectFrom('cases').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCaseRow>>>;

export async function updateCase(tx: Tx, id: string, patch: Partial<Omit<Selectable<Tables['cases']>, 'id' | 'tenant_id' | 'version'>>, now: Date) {
  return tables(tx)
    .updateTable('cases')
    .set({ ...patch, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findParticipant(tx: Tx, id: string, forUpdate = false): Promise<Participant | null> {
  let q = tables(tx)
    .selectFrom('participants as p')
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
    .selectAll('pe')
    .select(['p.id as participant_id', 'p.regime', 'p.regime_reason', 'p.consent_scopes', 'p.accessibility_needs'])
    .where('p.id', '=', id);
  if (forUpdate) q = q.forUpdate('p');
  const r = await q.executeTakeFirst();
  if (!r) return null;
  return {
    id: r.participant_id,
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    dateOfBirth: r.date_of_birth,
    nhsNumber: r.nhs_number,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    town: r.town,
    postcode: r.postcode,
    phone: r.phone,
    email: r.email,
    preferredLanguage: r.preferred_language,
    contactMethod: r.contact_method,
    doNotContact: r.do_not_contact,
    accessibilityNeeds: r.accessibility_needs,
    regime: r.regime,
    regimeReason: r.regime_reason,
    consentScopes: r.consent_scopes as ConsentScope[],
  };
}

/** The participant's most recent case (open first). */
export async function latestCaseOf(tx: Tx, participantId: string) {
  return tables(tx)
    .selectFrom('cases')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy(sql`closed_at IS NULL`, 'desc')
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
}

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

export async function findProfile(tx: Tx, caseId: string): Promise<VocationalProfile> {
  const r = await tables(tx).selectFrom('vocational_profiles').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  return {
    workHistory: r?.work_history ?? '',
    skills: r?.skills ?? '',
    qualifications: r?.qualifications ?? '',
    interests: r?.interests ?? '',
    wants: r?.wants ?? '',
    doesNotWant: r?.does_not_want ?? '',
    helps: r?.helps ?? '',
    getsInTheWay: r?.gets_in_the_way ?? '',
    updatedAt: r?.updated_at ?? null,
    updatedBy: r?.updated_by ?? null,
  };
}

export async function saveProfile(tx: Tx, row: Selectable<Tables['vocational_profiles']>) {
  const { tenant_id: _t, case_id: _c, ...rest } = row;
  await tables(tx)
    .insertInto('vocational_profiles')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doUpdateSet(rest))
    .execute();
}

export async function listPlan(tx: Tx, caseId: string): Promise<PlanItem[]> {
  const rows = await tables(tx).selectFrom('plan_items').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    goalId: r.goal_id,
    text: r.text,
    owner: r.owner,
    dueOn: r.due_on,
    status: r.status,
    addedBy: r.added_by,
    createdAt: r.created_at,
  }));
}

export async function insertPlanItem(
  tx: Tx,
  i: {
    tenantId: string;
    id: string;
    caseId: string;
    kind: 'goal' | 'action';
    goalId: string | null;
    text: string;
    owner: 'participant' | 'specialist';
    dueOn: string | null;
    addedBy: 'participant' | 'staff';
    at: Date;
  },
) {
  await tables(tx)
    .insertInto('plan_items')
    .values({
      tenant_id: i.tenantId,
      id: i.id,
      case_id: i.caseId,
      kind: i.kind,
      goal_id: i.goalId,
      text: i.text,
      owner: i.owner,
      due_on: i.dueOn,
      added_by: i.addedBy,
      created_at: i.at,
      updated_at: i.at,
    })
    .execute();
}

export async function insertNote(
  tx: Tx,
  n: { tenantId: string; id: string; caseId: string; kind: NoteKind; body: string; author: { kind: string; id: string; name: string }; at: Date },
) {
  await tables(tx)
    .insertInto('case_notes')
    .values({
      tenant_id: n.tenantId,
      id: n.id,
      case_id: n.caseId,
      kind: n.kind,
      body: n.body,
      author_kind: n.author.kind,
      author_id: n.author.id,
      author_name: n.author.name,
      at: n.at,
    })
    .execute();
}

export async function listAppointments(tx: Tx, caseId: string): Promise<Appointment[]> {
  const rows = await tables(tx).selectFrom('appointments').selectAll().where('case_id', '=', caseId).orderBy('starts_at').execute();
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    mode: r.mode,
    place: r.place,
    mandatory: r.mandatory,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    followUpOf: r.follow_up_of,
  }));
}

export async function listNotes(tx: Tx, caseId: string): Promise<CaseNote[]> {
  const rows = await tables(tx).selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, body: r.body, authorName: r.author_name, authorKind: r.author_kind, at: r.at }));
}

export async function listJobs(tx: Tx, caseId: string): Promise<Job[]> {
  const rows = await tables(tx).selectFrom('case_jobs').selectAll().where('case_id', '=', caseId).orderBy('start_date').execute();
  if (rows.length === 0) return [];
  const weeks = await tables(tx)
    .selectFrom('case_job_weeks')
    .selectAll()
    .where(
      'job_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('week')
    .execute();
  return rows.map((r) =>
    jobOf(
      r,
      weeks.filter((w) => w.job_id === r.id),
    ),
  );
}

type JobRow = {
  id: string;
  employer: string;
  role: string;
  hours_per_week: number | string;
  hourly_pay: number | string | null;
  contract_type: string;
  start_date: string;
  end_date: string | null;
  end_reason: string | null;
  sustained_on: string | null;
};
type JobWeekRow = { week: number; hours: number | string; hourly_pay: number | string | null };

/** A job row and its weeks as the case's Job (numeric columns arrive as strings from the driver and from JSON). */
export function jobOf(r: JobRow, weeks: JobWeekRow[]): Job {
  return {
    id: r.id,
    employer: r.employer,
    role: r.role,
    hoursPerWeek: Number(r.hours_per_week),
    hourlyPay: r.hourly_pay === null ? null : Number(r.hourly_pay),
    contractType: r.contract_type,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
    sustainedOn: r.sustained_on,
    weeks: weeks.map((w) => ({ week: w.week, hours: Number(w.hours), hourlyPay: w.hourly_pay === null ? null : Number(w.hourly_pay) })),
  };
}

export async function listCaseEvents(tx: Tx, caseId: string): Promise<CaseEvent[]> {
  const rows = await tables(tx).selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    kind: r.kind,
    from: r.from_value,
    to: r.to_value,
    reason: r.reason,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
  }));
}

export async function insertCaseEvent(
  tx: Tx,
  e: {
    tenantId: string;
    id: string;
    caseId: string;
    at: Date;
    actor: { kind: string; id: string; name: string };
    kind: string;
    from?: string | null;
    to?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await tables(tx)
    .insertInto('case_events')
    .values({
      tenant_id: e.tenantId,
      id: e.id,
      case_id: e.caseId,
      at: e.at,
      actor_kind: e.actor.kind,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      kind: e.kind,
      from_value: e.from ?? null,
      to_value: e.to ?? null,
      reason: e.reason ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
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

/** Open cases per specialist in the given teams: the team lead's view of caseloads. */
export async function caseloadsByTeam(tx: Tx, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return tables(tx)
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.specialist_user_id', '=', 'm.user_id').on('c.phase', '<>', 'closed'))
    .select(['m.team_id as teamId', 'u.id as userId', 'u.display_name as name', 'u.roles', 'm.fte'])
    .select((eb) => eb.fn.count<string>('c.id').as('open'))
    .where('m.team_id', 'in', teamIds)
    .where('u.disabled_at', 'is', null)
    .groupBy(['m.team_id', 'u.id', 'u.display_name', 'u.roles', 'm.fte'])
    .orderBy('u.display_name')
    .execute();
}
