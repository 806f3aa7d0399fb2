import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { CaseTables } from '../participants/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type { AppliedRule, Award, Guarantee, GuaranteeTables, RuleNotApplied } from './guarantee.ts';
import type { PersonContact } from './guarantee-letters.ts';

/** A guarantee is made for one of a case's jobs, read here under the case's row lock; the participants capability owns `case_jobs`. */
type Tables = ReferralTables & GuaranteeTables & Pick<CaseTables, 'case_jobs'>;
export const tables = (tx: Tx) => tx.withTables<Tables>();

type AwardRow = Selectable<GuaranteeTables['benefit_awards']>;
const toAward = (r: AwardRow): Award => ({
  id: r.id,
  caseId: r.case_id,
  benefit: r.benefit,
  esaGroup: r.esa_group,
  decisionDate: r.decision_date,
  evidence: r.evidence,
  evidenceNote: r.evidence_note,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by_name,
});

export async function insertAward(tx: Tx, row: Insertable<GuaranteeTables['benefit_awards']>): Promise<void> {
  await tables(tx).insertInto('benefit_awards').values(row).execute();
}

/** Every award recorded on the case, newest first: the first is the one that counts. */
export async function awardsOfCase(tx: Tx, caseId: string): Promise<Award[]> {
  const rows = await tables(tx)
    .selectFrom('benefit_awards')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toAward);
}

/** Every award recorded on any case of one participant (their download), newest first. */
export async function awardsOfParticipant(tx: Tx, participantId: string): Promise<Award[]> {
  const rows = await tables(tx)
    .selectFrom('benefit_awards as a')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.case_id'))
    .selectAll('a')
    .where('c.participant_id', '=', participantId)
    .orderBy('a.recorded_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map(toAward);
}

export const latestAward = async (tx: Tx, caseId: string): Promise<Award | null> => (await awardsOfCase(tx, caseId))[0] ?? null;

export async function jobOf(tx: Tx, caseId: string, jobId: string) {
  return tables(tx)
    .selectFrom('case_jobs')
    .select(['id', 'employer', 'role', 'start_date', 'end_date'])
    .where('case_id', '=', caseId)
    .where('id', '=', jobId)
    .executeTakeFirst();
}

function guaranteeQuery(tx: Tx) {
  return tables(tx)
    .selectFrom('bridge_back_guarantees as g')
    .innerJoin('benefit_awards as a', (j) => j.onRef('a.tenant_id', '=', 'g.tenant_id').onRef('a.id', '=', 'g.award_id'))
    .selectAll('g')
    .select(['a.benefit', 'a.esa_group', 'a.decision_date']);
}
type GuaranteeRow = Awaited<ReturnType<ReturnType<typeof guaranteeQuery>['executeTakeFirstOrThrow']>>;

const parseRules = (v: unknown): Guarantee['rules'] => {
  const r = (typeof v === 'string' ? JSON.parse(v) : v) as { applied?: AppliedRule[]; notApplied?: RuleNotApplied[] };
  return { applied: r.applied ?? [], notApplied: r.notApplied ?? [] };
};

const toGuarantee = (r: GuaranteeRow): Guarantee => ({
  id: r.id,
  caseId: r.case_id,
  jobId: r.job_id,
  awardId: r.award_id,
  status: r.status,
  startsOn: r.starts_on,
  protectedUntil: r.protected_until,
  protectingRule: r.protecting_rule,
  rules: parseRules(r.rules),
  job: { employer: r.job_employer, role: r.job_role, startDate: r.starts_on },
  award: { benefit: r.benefit, esaGroup: r.esa_group, decisionDate: r.decision_date },
  verificationCode: r.verification_code,
  remindedAt: r.reminded_at,
  usedAt: r.used_at,
  jobEndedOn: r.job_ended_on,
  withdrawnAt: r.withdrawn_at,
  withdrawnReason: r.withdrawn_reason,
  withdrawnNote: r.withdrawn_note,
  restatedAt: r.restated_at,
  restatedFrom: r.restated_from,
  createdAt: r.created_at,
  version: r.version,
});

type NewGuarantee = Omit<
  Insertable<GuaranteeTables['bridge_back_guarantees']>,
  'reminded_at' | 'used_at' | 'job_ended_on' | 'withdrawn_at' | 'withdrawn_reason' | 'withdrawn_note' | 'restated_at' | 'restated_from' | 'version'
>;
export async function insertGuarantee(tx: Tx, row: NewGuarantee) {
  await tables(tx)
    .insertInto('bridge_back_guarantees')
    .values({
      ...row,
      reminded_at: null,
      used_at: null,
      job_ended_on: null,
      withdrawn_at: null,
      withdrawn_reason: null,
      withdrawn_note: null,
      restated_at: null,
      restated_from: null,
      version: 1,
    })
    .execute();
}

export async function guaranteesOfCase(tx: Tx, caseId: string): Promise<Guarantee[]> {
  return (await guaranteeQuery(tx).where('g.case_id', '=', caseId).orderBy('g.created_at', 'desc').execute()).map(toGuarantee);
}

export async function findGuarantee(tx: Tx, id: string, forUpdate = false): Promise<Guarantee | null> {
  const q = guaranteeQuery(tx).where('g.id', '=', id);
  const row = await (forUpdate ? q.forUpdate('g') : q).executeTakeFirst();
  return row ? toGuarantee(row) : null;
}

export async function guaranteeForJob(tx: Tx, jobId: string): Promise<Guarantee | null> {
  const row = await guaranteeQuery(tx).where('g.job_id', '=', jobId).forUpdate('g').executeTakeFirst();
  return row ? toGuarantee(row) : null;
}

export async function updateGuarantee(
  tx: Tx,
  id: string,
  patch: Pick<
    Updateable<GuaranteeTables['bridge_back_guarantees']>,
    'status' | 'reminded_at' | 'used_at' | 'job_ended_on' | 'withdrawn_at' | 'withdrawn_reason' | 'withdrawn_note'
  >,
  now: Date,
  only: { status?: Guarantee['status']; notReminded?: boolean } = {},
): Promise<boolean> {
  let q = tables(tx)
    .updateTable('bridge_back_guarantees')
    .set({ ...patch, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (only.status) q = q.where('status', '=', only.status);
  if (only.notReminded) q = q.where('reminded_at', 'is', null);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The guarantees of every case of one participant (their own view), newest first. */
export async function guaranteesOfParticipant(tx: Tx, participantId: string): Promise<Guarantee[]> {
  const rows = await guaranteeQuery(tx)
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'g.tenant_id').onRef('c.id', '=', 'g.case_id'))
    .where('c.participant_id', '=', participantId)
    .orderBy('g.created_at', 'desc')
    .execute();
  return rows.map(toGuarantee);
}

/** Who a guarantee is for and who works their case: for the dashboard, letters and reminders. */
export function withPeople(tx: Tx) {
  // The same joins as participants' case queries: a query over guarantees and cases together cannot be borrowed through its index.
  return guaranteeQuery(tx)
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'g.tenant_id').onRef('c.id', '=', 'g.case_id'))
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.participant_id'))
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.specialist_user_id'))
    .select([
      'c.participant_id',
      'c.team_id',
      'c.specialist_user_id',
      'pe.given_name',
      'pe.family_name',
      'pe.email',
      'pe.phone',
      'pe.preferred_language',
      'pe.do_not_contact',
      'pe.contact_method',
      'u.email as specialist_email',
      'u.display_name as specialist_name',
      'u.preferred_language as specialist_language',
    ]);
}
export type GuaranteeWithPeople = Guarantee & {
  participantId: string;
  teamId: string;
  specialistUserId: string | null;
  person: PersonContact & { familyName: string };
  specialist: { email: string; name: string; language: 'en' | 'cy' } | null;
};
export const toGuaranteeWithPeople = (r: Awaited<ReturnType<ReturnType<typeof withPeople>['executeTakeFirstOrThrow']>>): GuaranteeWithPeople => ({
  ...toGuarantee(r),
  participantId: r.participant_id,
  teamId: r.team_id,
  specialistUserId: r.specialist_user_id,
  person: {
    givenName: r.given_name,
    familyName: r.family_name,
    email: r.email,
    phone: r.phone,
    language: r.preferred_language,
    doNotContact: r.do_not_contact,
    contactMethod: r.contact_method,
  },
  specialist: r.specialist_email ? { email: r.specialist_email, name: r.specialist_name ?? '', language: r.specialist_language ?? 'en' } : null,
});

/** Active guarantees by expiry, soonest first: a specialist's own cases, or a team lead's teams'. */
export async function activeGuarantees(tx: Tx, f: { specialistUserId: string; teamIds: readonly string[] }): Promise<GuaranteeWithPeople[]> {
  const rows = await withPeople(tx)
    .where('g.status', '=', 'active')
    .where((eb) => eb.or([eb('c.specialist_user_id', '=', f.specialistUserId), ...(f.teamIds.length ? [eb('c.team_id', 'in', f.teamIds)] : [])]))
    .orderBy('g.protected_until')
    .orderBy('g.created_at')
    .limit(1000)
    .execute();
  return rows.map(toGuaranteeWithPeople);
}

/**
 * Every guarantee of the tenant, whatever its status, whose rules name a revoked rule (as the rule that
 * protects, or anywhere in its rules): what the re-statement looks at. Once re-stated, none does.
 */
export async function onRevokedRules(tx: Tx, revoked: readonly string[]): Promise<GuaranteeWithPeople[]> {
  if (revoked.length === 0) return [];
  const rows = await withPeople(tx)
    .where((eb) =>
      eb.or([
        eb('g.protecting_rule', 'in', revoked as Guarantee['protectingRule'][]),
        ...revoked.map((rule) => eb(sql<string>`g.rules::text`, 'like', `%"${rule}"%`)),
      ]),
    )
    .orderBy('g.created_at')
    .execute();
  return rows.map(toGuaranteeWithPeople);
}

/** Re-states a guarantee's protection, once: only a row still naming what it named when read is changed. */
export async function restateGuarantee(
  tx: Tx,
  g: Pick<Guarantee, 'id' | 'version'>,
  patch: { protected_until: string; protecting_rule: Guarantee['protectingRule']; rules: string; restated_from: string },
  now: Date,
): Promise<boolean> {
  const result = await tables(tx)
    .updateTable('bridge_back_guarantees')
    .set({ ...patch, restated_at: now, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', g.id)
    .where('version', '=', g.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every active guarantee of the tenant whose last day is on or before `by`: what the sweep looks at. */
export async function activeEndingBy(tx: Tx, by: string): Promise<GuaranteeWithPeople[]> {
  const rows = await withPeople(tx).where('g.status', '=', 'active').where('g.protected_until', '<=', by).orderBy('g.protected_until').execute();
  return rows.map(toGuaranteeWithPeople);
}

export async function findWithPeople(tx: Tx, id: string): Promise<GuaranteeWithPeople | null> {
  const row = await withPeople(tx).where('g.id', '=', id).executeTakeFirst();
  return row ? toGuaranteeWithPeople(row) : null;
}

/** The person a case is for, as letters and documents need them. */
export async function personOfCase(tx: Tx, caseId: string) {
  const r = await tables(tx)
    .selectFrom('cases as c')
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.participant_id'))
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.specialist_user_id'))
    .select([
      'c.participant_id',
      'pe.given_name',
      'pe.family_name',
      'pe.date_of_birth',
      'pe.address_line1',
      'pe.address_line2',
      'pe.town',
      'pe.postcode',
      'pe.email',
      'pe.phone',
      'pe.preferred_language',
      'pe.do_not_contact',
      'pe.contact_method',
      't.name as team_name',
      'u.display_name as specialist_name',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    participantId: r.participant_id,
    name: `${r.given_name} ${r.family_name}`,
    dateOfBirth: r.date_of_birth,
    address: [r.address_line1, r.address_line2, r.town, r.postcode].filter(Boolean).join(', '),
    contact: {
      givenName: r.given_name,
      email: r.email,
      phone: r.phone,
      language: r.preferred_language,
      doNotContact: r.do_not_contact,
      contactMethod: r.contact_method,
    },
    teamName: r.team_name,
    specialistName: r.specialist_name,
  };
}

export async function findAward(tx: Tx, id: string): Promise<Award | null> {
  const row = await tables(tx).selectFrom('benefit_awards').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAward(row) : null;
}
