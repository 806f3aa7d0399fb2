import type { Selectable } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables, Team } from './referral.ts';
import { tables } from './referral-repo.ts';
import { OPEN_STATUSES } from './referral-rules.ts';

type TeamRow = Selectable<ReferralTables['teams']>;

export const toTeam = (t: TeamRow): Team => ({
  id: t.id,
  organisationId: t.organisation_id,
  name: t.name,
  services: t.services,
  postcodeDistricts: t.postcode_districts,
  programmes: t.programmes,
  specialists: t.specialists,
  caseloadLimit: t.caseload_limit,
  accepting: t.accepting,
});

export async function listTeams(tx: Tx): Promise<Team[]> {
  return (await tables(tx).selectFrom('teams').selectAll().orderBy('name').execute()).map(toTeam);
}

export async function findTeam(tx: Tx, id: string): Promise<Team | null> {
  const row = await tables(tx).selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTeam(row) : null;
}

export type OpenCounts = { all: number; young: number };

/** Open referrals per team, what counts against its places, and of those the young people's (counted on their own). */
export async function openCountsByTeam(tx: Tx): Promise<Map<string, OpenCounts>> {
  const rows = await tables(tx)
    .selectFrom('referrals')
    .select((eb) => ['team_id', eb.fn.countAll<string>().as('n'), eb.fn.countAll<string>().filterWhere('young_person', '=', true).as('young')])
    .where('status', 'in', OPEN_STATUSES)
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id, { all: Number(r.n), young: Number(r.young) }]));
}

export async function teamIdsOf(tx: Tx, userId: string): Promise<string[]> {
  return (await tables(tx).selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute()).map((r) => r.team_id);
}

export async function teamMembers(tx: Tx, teamId: string) {
  return tx
    .withTables<ReferralTables>()
    .selectFrom('team_members')
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'team_members.tenant_id').onRef('users.id', '=', 'team_members.user_id'))
    .select(['users.id', 'users.display_name', 'users.email', 'users.roles', 'users.preferred_language', 'users.disabled_at'])
    .where('team_members.team_id', '=', teamId)
    .orderBy('users.display_name')
    .execute();
}
