import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type { Appointment, CaseEvent, CaseNote, CaseTables, ConsentScope, Job, NoteKind, Participant, PlanItem, VocationalProfile } from './case.ts';

export type Tables = ReferralTables & CaseTables;
export const tables = (tx: Tx) => tx.withTables<Tables>();

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
  return rows.map(planItemOf);
}

/** Timestamps are Dates from a column and text inside a JSON aggregate (the one-statement read, case-read-repo.ts). */
const dateOf = (v: string | Date) => (v instanceof Date ? v : new Date(v));
type Row<T extends keyof Tables> = Selectable<Tables[T]>;
type Stamped<R, K extends keyof R> = Omit<R, K> & { [k in K]: Date | string };

export const planItemOf = (
  r: Stamped<Pick<Row<'plan_items'>, 'id' | 'kind' | 'goal_id' | 'text' | 'owner' | 'due_on' | 'status' | 'added_by' | 'created_at'>, 'created_at'>,
): PlanItem => ({
  id: r.id,
  kind: r.kind,
  goalId: r.goal_id,
  text: r.text,
  owner: r.owner,
  dueOn: r.due_on,
  status: r.status,
  addedBy: r.added_by,
  createdAt: dateOf(r.created_at),
});

export const appointmentOf = (
  r: Stamped<Pick<Row<'appointments'>, 'id' | 'starts_at' | 'mode' | 'place' | 'mandatory' | 'outcome' | 'outcome_note' | 'follow_up_of'>, 'starts_at'>,
): Appointment => ({
  id: r.id,
  startsAt: dateOf(r.starts_at),
  mode: r.mode,
  place: r.place,
  mandatory: r.mandatory,
  outcome: r.outcome,
  outcomeNote: r.outcome_note,
  followUpOf: r.follow_up_of,
});

export const noteOf = (r: Stamped<Pick<Row<'case_notes'>, 'id' | 'kind' | 'body' | 'author_name' | 'author_kind' | 'at'>, 'at'>): CaseNote => ({
  id: r.id,
  kind: r.kind,
  body: r.body,
  authorName: r.author_name,
  authorKind: r.author_kind,
  at: dateOf(r.at),
});

export const caseEventOf = (
  r: Stamped<Pick<Row<'case_events'>, 'id' | 'at' | 'actor_name' | 'kind' | 'from_value' | 'to_value' | 'reason' | 'details'>, 'at'>,
): CaseEvent => ({
  id: r.id,
  at: dateOf(r.at),
  actorName: r.actor_name,
  kind: r.kind,
  from: r.from_value,
  to: r.to_value,
  reason: r.reason,
  details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
});

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
  return rows.map(appointmentOf);
}

export async function listNotes(tx: Tx, caseId: string): Promise<CaseNote[]> {
  const rows = await tables(tx).selectFrom('case_notes').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').execute();
  return rows.map(noteOf);
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
  return rows.map(caseEventOf);
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
