import type { Kysely } from 'kysely';
import type { PlatformTables, Tx } from '../../platform/db/index.ts';
import type { CaseSummary, ClosureReason, Phase } from './case.ts';
import { type Tables, tables } from './case-repo.ts';

/* Cases as lists see them: the summaries of a caseload or search, and caseloads per specialist. */

export type CaseFilter = { specialistUserId?: string; teamIds?: readonly string[]; open?: boolean; caseIds?: readonly string[]; participantId?: string };

/**
 * A case joined to its participant, person, referral, team and specialist (c, p, pe, r, t, u): what
 * the case summaries and the whole case model both start from.
 */
export const caseWithPeople = (db: Kysely<PlatformTables>) =>
  db
    .withTables<Tables>()
    .selectFrom('cases as c')
    .innerJoin('participants as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.participant_id'))
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'p.tenant_id').onRef('pe.id', '=', 'p.person_id'))
    .innerJoin('referrals as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.id', '=', 'c.referral_id'))
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.specialist_user_id'));

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
  let q = caseWithPeople(db)
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

/** Open cases per specialist in the given teams: the team lead's view of caseloads. */
export async function caseloadsByTeam(tx: Tx, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return tables(tx)
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'm.tenant_id').onRef('t.id', '=', 'm.team_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.specialist_user_id', '=', 'm.user_id').on('c.phase', '<>', 'closed'))
    .select(['m.team_id as teamId', 't.name as teamName', 'u.id as userId', 'u.display_name as name', 'u.roles', 'm.fte'])
    .select((eb) => eb.fn.count<string>('c.id').as('open'))
    .where('m.team_id', 'in', teamIds)
    .where('u.disabled_at', 'is', null)
    .groupBy(['m.team_id', 't.name', 'u.id', 'u.display_name', 'u.roles', 'm.fte'])
    .orderBy('u.display_name')
    .execute();
}
