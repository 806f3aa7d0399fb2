import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx, violates } from '../../platform/db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import type { Team } from './referral.ts';
import { type ReferralSettings, tables, tenantReferralSettings } from './referral-repo.ts';
import { type Capacity, capacityOf } from './referral-rules.ts';
import { findTeam, listTeams, openCountsByTeam, teamMembers } from './team-repo.ts';
import { fteSchema, referralSettingsSchema, type TeamInput, teamSchema } from './team-schemas.ts';

export type TeamSummary = Team & { openReferrals: number; openYoungPeople: number; capacity: Capacity };

/** Employment specialist teams: where they sit, what they cover, and how many people they can take. */
export function createTeamService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  async function setMembers(tx: Tx, tenantId: string, teamId: string, memberIds: readonly string[]) {
    const known = memberIds.length
      ? await tx
          .selectFrom('users')
          .select('id')
          .where('id', 'in', [...memberIds])
          .where('disabled_at', 'is', null)
          .execute()
      : [];
    if (known.length !== new Set(memberIds).size) throw new InvalidInput([{ path: 'memberIds', message: 'teams.error.members' }]);
    // A member who stays keeps their recorded FTE; a new member starts full time.
    const before = await tables(tx).selectFrom('team_members').select(['user_id', 'fte']).where('team_id', '=', teamId).execute();
    await tables(tx).deleteFrom('team_members').where('team_id', '=', teamId).execute();
    if (known.length)
      await tables(tx)
        .insertInto('team_members')
        .values(known.map((u) => ({ tenant_id: tenantId, team_id: teamId, user_id: u.id, fte: before.find((b) => b.user_id === u.id)?.fte ?? 1 })))
        .execute();
  }

  async function save(tenantId: string, actor: Actor, id: string | null, input: unknown): Promise<Team> {
    const value: TeamInput = parseInput(teamSchema, input);
    return db.inTenant(tenantId, async (tx) => {
      const org = await findOrganisation(tx, value.organisationId);
      if (!org) throw new InvalidInput([{ path: 'organisationId', message: 'teams.error.organisation' }]);
      const now = clock.now();
      const row = {
        organisation_id: value.organisationId,
        name: value.name,
        services: value.services,
        postcode_districts: value.postcodeDistricts,
        programmes: value.programmes,
        specialists: value.specialists,
        caseload_limit: value.caseloadLimit,
        accepting: value.accepting,
        updated_at: now,
      };
      const teamId = id ?? newId(now);
      try {
        if (id) {
          const updated = await tables(tx).updateTable('teams').set(row).where('id', '=', id).returning('id').executeTakeFirst();
          if (!updated) throw new NotFound('team', id);
        } else {
          await tables(tx)
            .insertInto('teams')
            .values({ ...row, tenant_id: tenantId, id: teamId, created_at: now })
            .execute();
        }
      } catch (error) {
        if (violates(error, 'teams_name_unique'))
          throw new Conflict(`A team called ${value.name} already exists`, [{ path: 'name', message: 'teams.error.nameTaken' }]);
        throw error;
      }
      await setMembers(tx, tenantId, teamId, value.memberIds);
      await recordAudit(tx, tenantId, clock, {
        actor,
        action: id ? 'team.update' : 'team.create',
        recordType: 'team',
        recordId: teamId,
        reason: id ? 'changed a team' : 'added a team',
        details: { specialists: value.specialists, caseloadLimit: value.caseloadLimit, accepting: value.accepting, members: value.memberIds.length },
      });
      return (await findTeam(tx, teamId)) as Team;
    });
  }

  return {
    async list(tenantId: string): Promise<TeamSummary[]> {
      return db.inTenant(tenantId, async (tx) => {
        const [teams, counts] = await Promise.all([listTeams(tx), openCountsByTeam(tx)]);
        return teams.map((t) => {
          const open = counts.get(t.id) ?? { all: 0, young: 0 };
          return { ...t, openReferrals: open.all, openYoungPeople: open.young, capacity: capacityOf(t, open.all) };
        });
      });
    },

    async get(tenantId: string, id: string): Promise<{ team: Team; memberIds: string[] }> {
      return db.inTenant(tenantId, async (tx) => {
        const team = await findTeam(tx, id);
        if (!team) throw new NotFound('team', id);
        return { team, memberIds: (await teamMembers(tx, id)).map((m) => m.id) };
      });
    },

    /** A team's members with their full-time equivalent. */
    async membersWithFte(tenantId: string, teamId: string): Promise<{ userId: string; name: string; fte: number }[]> {
      return db.inTenant(tenantId, async (tx) => {
        const rows = await tables(tx)
          .selectFrom('team_members as m')
          .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
          .select(['m.user_id', 'u.display_name', 'm.fte'])
          .where('m.team_id', '=', teamId)
          .orderBy('u.display_name')
          .execute();
        return rows.map((r) => ({ userId: r.user_id, name: r.display_name, fte: Number(r.fte) }));
      });
    },

    /** Records a member's full-time equivalent (caseloads are measured per full-time specialist), audited. */
    async setFte(tenantId: string, actor: Actor, teamId: string, userId: string, input: unknown): Promise<void> {
      const { fte } = parseInput(fteSchema, input);
      await db.inTenant(tenantId, async (tx) => {
        const updated = await tables(tx)
          .updateTable('team_members')
          .set({ fte })
          .where('team_id', '=', teamId)
          .where('user_id', '=', userId)
          .returning('user_id')
          .executeTakeFirst();
        if (!updated) throw new NotFound('team member', userId);
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'team.member-fte',
          recordType: 'team',
          recordId: teamId,
          reason: 'recorded a member’s full-time equivalent',
          details: { userId, fte },
        });
      });
    },

    /** Staff who could be members: specialists and team leads. */
    async candidates(tenantId: string) {
      return db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('users')
          .select(['id', 'display_name', 'roles'])
          .where('disabled_at', 'is', null)
          .where((eb) => eb.or([eb(eb.val('specialist'), '=', eb.fn.any('roles')), eb(eb.val('team-lead'), '=', eb.fn.any('roles'))]))
          .orderBy('display_name')
          .execute(),
      );
    },

    settings: (tenantId: string): Promise<ReferralSettings> => db.inTenant(tenantId, tenantReferralSettings),

    /** Changes the tenant's service levels; new referrals use them, existing ones keep their dates. */
    async updateSettings(tenantId: string, actor: Actor, input: unknown): Promise<ReferralSettings> {
      const value = parseInput(referralSettingsSchema, input);
      return db.inTenant(tenantId, async (tx) => {
        const before = await tenantReferralSettings(tx);
        const row = {
          first_contact_working_days: value.firstContactWorkingDays,
          youth_first_contact_working_days: value.youthFirstContactWorkingDays,
          contact_attempt_limit: value.contactAttemptLimit,
          updated_at: clock.now(),
        };
        await tx
          .insertInto('tenant_settings')
          .values({ tenant_id: tenantId, require_mfa: false, ...row })
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
          .execute();
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'tenant.referral-settings',
          recordType: 'tenant',
          recordId: tenantId,
          reason: 'changed referral service levels',
          details: { before, after: value },
        });
        return value;
      });
    },

    create: (tenantId: string, actor: Actor, input: unknown) => save(tenantId, actor, null, input),
    update: (tenantId: string, actor: Actor, id: string, input: unknown) => save(tenantId, actor, id, input),
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
