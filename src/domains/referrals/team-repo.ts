import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables, TEAM_COLUMNS, Team } from './referral.ts';
import { tables } from './referral-repo.ts';

type TeamRow = Selectable<ReferralTables['teams']>;

export const toTeam = (t: Pick<TeamRow, (typeof TEAM_COLUMNS)[number]>): Team => ({
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

/**
 * Open referrals per team, what counts against its places, and of those the young people's
 * (counted on their own). Read from the counts each team keeps, so routing costs the same however
 * many referrals a tenant holds.
 */
export async function openCountsByTeam(tx: Tx): Promise<Map<string, OpenCounts>> {
  const rows = await tables(tx).selectFrom('teams').select(['id', 'open_referrals', 'open_young_people']).execute();
  return new Map(rows.map((r) => [r.id, { all: r.open_referrals, young: r.open_young_people }]));
}

/** Every team with its open referrals, in name order: what routing reads, in one statement. */
export async function listTeamsWithLoad(tx: Tx): Promise<{ team: Team; openReferrals: number }[]> {
  return (await tables(tx).selectFrom('teams').selectAll().orderBy('name').execute()).map((t) => ({ team: toTeam(t), openReferrals: t.open_referrals }));
}

/**
 * Counts one more open referral against a team. With `onlyIfPlaceLeft`, only while the team has a
 * place left: the row is locked from here to commit, so of two referrals after a team's last place
 * one takes it and the other is told (false) and routes again with the count it now sees.
 */
export async function takePlace(tx: Tx, teamId: string, youngPerson: boolean, onlyIfPlaceLeft: boolean): Promise<boolean> {
  return (await placeUpdate(tx, teamId, youngPerson, onlyIfPlaceLeft).execute()).length === 1;
}

/** `takePlace`'s update, unrun, returning the team's id when it took the place (`writeTogether`). */
export function placeUpdate(tx: Tx, teamId: string, youngPerson: boolean, onlyIfPlaceLeft: boolean) {
  let q = tables(tx)
    .updateTable('teams')
    .set((eb) => ({ open_referrals: eb('open_referrals', '+', 1), open_young_people: eb('open_young_people', '+', youngPerson ? 1 : 0) }))
    .where('id', '=', teamId);
  if (onlyIfPlaceLeft) q = q.where((eb) => eb('open_referrals', '<', eb('specialists', '*', eb.ref('caseload_limit'))));
  return q.returning('id');
}

/** A referral closed or left the team: its place is free again. */
export async function releasePlace(tx: Tx, teamId: string, youngPerson: boolean): Promise<void> {
  await tables(tx)
    .updateTable('teams')
    .set({
      // Never below nought, even if a row was ever written around the service.
      open_referrals: sql<number>`greatest(open_referrals - 1, 0)`,
      open_young_people: sql<number>`greatest(open_young_people - ${youngPerson ? 1 : 0}, 0)`,
    })
    .where('id', '=', teamId)
    .execute();
}

/** A referral moved team: its place moves with it (teams locked in id order, so two moves cannot deadlock). */
export async function movePlace(tx: Tx, fromTeamId: string, toTeamId: string, youngPerson: boolean): Promise<void> {
  const moves = [
    { id: fromTeamId, run: () => releasePlace(tx, fromTeamId, youngPerson) },
    { id: toTeamId, run: () => takePlace(tx, toTeamId, youngPerson, false) },
  ].sort((a, b) => a.id.localeCompare(b.id));
  for (const move of moves) await move.run();
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
