import type { Principal, UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { Forbidden, NotFound } from '../../platform/errors/index.ts';
import { teamIdsOf } from '../referrals/index.ts';
import type { CaseSummary, CaseView } from './case.ts';
import { caseSettings } from './case-governance-repo.ts';
import { caseload } from './case-read-repo.ts';
import { tables } from './case-repo.ts';
import { caseloadsByTeam, caseSummaries } from './case-summary-repo.ts';
import type { CaseActor, CaseWork } from './case-work.ts';

/**
 * Reading cases: one case as its reader may see it (health fields only with a working relationship),
 * the specialist's caseload, a team lead's team caseloads, a system client's cases, and the case a
 * referral opened. Part of the case service (case-service.ts composes it).
 */
export function createCaseReads(deps: { db: Database; clock: Clock }, k: CaseWork) {
  const { db, clock } = deps;
  const { load, view, readView } = k;
  return {
    /**
     * A case as this reader may see it; health fields only with a working relationship (audited).
     * `healthFields: false` is for pages that show no health information (most forms): the
     * relationship is still worked out, but nothing is read, so there is no read to audit.
     */
    async view(
      actor: CaseActor,
      caseId: string,
      options: { healthFields?: boolean } = {},
    ): Promise<CaseView & { canWork: boolean; isTeamLead: boolean; takenIn?: boolean }> {
      if (actor.kind === 'user' && actor.roles.every((r) => r === 'national-analyst')) throw new NotFound('case', caseId);
      if (actor.kind !== 'participant') return readView(actor, caseId, options.healthFields !== false);
      return db.inTenant(actor.tenantId, async (tx) => {
        const access = await load(tx, actor, caseId, false);
        return { ...(await view(tx, actor, access, false, options.healthFields !== false)), canWork: access.canWork, isTeamLead: access.isTeamLead };
      });
    },
    /** The specialist's own open cases, with their count against the tenant's IPS caseload limit. */
    async caseload(user: UserPrincipal): Promise<{ cases: CaseSummary[]; limit: number }> {
      return caseload(db, user.tenantId, user.userId, clock.now());
    },
    /** A team lead's view: each member's open caseload, and the team's open cases to share out. */
    async teamCaseloads(user: UserPrincipal) {
      return db.inTenant(user.tenantId, async (tx) => {
        if (!user.roles.includes('team-lead')) throw new Forbidden('Only a team lead sees the team’s caseloads');
        const teamIds = await teamIdsOf(tx, user.userId);
        const [members, cases, settings] = await Promise.all([
          caseloadsByTeam(tx, teamIds),
          caseSummaries(tx, { teamIds, open: true }, clock.now()),
          caseSettings(tx),
        ]);
        return {
          limit: settings.ipsCaseloadLimit,
          members: members
            .filter((m) => m.roles.some((r) => r === 'specialist' || r === 'team-lead'))
            .map((m) => ({ teamId: m.teamId, teamName: m.teamName, userId: m.userId, name: m.name, open: Number(m.open) })),
          cases,
        };
      });
    },
    /** Cases for a system client: its organisation's teams' cases. */
    async listForClient(client: Principal & { kind: 'client' }) {
      return db.inTenant(client.tenantId, async (tx) => {
        if (!client.organisationId) return [];
        const teams = await tables(tx).selectFrom('teams').select('id').where('organisation_id', '=', client.organisationId).execute();
        return caseSummaries(tx, { teamIds: teams.map((t) => t.id), open: true }, clock.now());
      });
    },
    /** The case an accepted referral opened: the referral page links to it. */
    async caseIdOfReferral(actor: UserPrincipal, referralId: string): Promise<string> {
      return db.inTenant(actor.tenantId, async (tx) => {
        const row = await tables(tx).selectFrom('cases').select('id').where('referral_id', '=', referralId).executeTakeFirst();
        if (!row) throw new NotFound('case for referral', referralId);
        return row.id;
      });
    },
    /** For the participant's own view and export: the case as the person may see it (their own record, health included). */
    async forParticipant(participant: { tenantId: string; participantId: string; name: string }, caseId: string): Promise<CaseView> {
      return db.inTenant(participant.tenantId, async (tx) => {
        const actor: CaseActor = { kind: 'participant', ...participant };
        const access = await load(tx, actor, caseId, false);
        return view(tx, actor, access, true);
      });
    },
  };
}
