import disclosureControl from '../../../policy/disclosure-control.json' with { type: 'json' };
import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId } from '../../platform/db/index.ts';
import { Forbidden, InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { caseloadsByTeam } from '../participants/index.ts';
import { teamIdsOf } from '../referrals/index.ts';
import { type FidelityReview, findReviews, insertReview, type Measured, measureTeam, type StoredItem } from './fidelity-repo.ts';
import { type FidelityParameters, fidelityParameters, reviewIssues, scoreReview, suggestedScore } from './fidelity-rules.ts';
import { FIDELITY_ITEMS, type Measure } from './fidelity-scale.ts';
import { teamNames } from './outcome-repo.ts';
import { caseloadPerFte } from './outcome-rules.ts';
import { fidelityReviewSchema } from './outcome-schemas.ts';

const threshold = parsePolicyParameter(disclosureControl);

/** Who may read and record a team's fidelity reviews: the teams they may see (null: every team in the tenant). */
export type { FidelityReview } from './fidelity-repo.ts';

export type FidelityScope = { tenantId: string; teamIds: readonly string[] | null };

/** The roles that see fidelity reviews: a team lead their own teams, commissioners and administrators every team. */
export const FIDELITY_READERS = ['team-lead', 'commissioner', 'tenant-admin'] as const;

export type TeamMeasures = Record<Measure, Measured>;

/**
 * IPS fidelity reviews: a team's scores on the 25 items with the reviewer's evidence and an action
 * per low item, the total and band worked out by the rules, and the four measurable items filled in
 * from the service's own records. Reviews are append-only: a new review is a new row.
 */
export function createFidelityService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => londonIsoDate(clock.now());

  const allowed = (scope: FidelityScope, teamId: string) => scope.teamIds === null || scope.teamIds.includes(teamId);

  async function measures(scope: FidelityScope, teamId: string): Promise<TeamMeasures> {
    if (!allowed(scope, teamId)) throw new Forbidden('A team lead reviews their own teams', [{ path: 'teamId', message: 'fidelity.error.team' }]);
    return db.inTenant(scope.tenantId, async (tx) => {
      const [members, measured, settings] = await Promise.all([
        caseloadsByTeam(tx, [teamId]),
        measureTeam(tx, teamId, clock.now()),
        tx.withTables<{ tenant_settings: { ips_caseload_limit: number } }>().selectFrom('tenant_settings').select('ips_caseload_limit').executeTakeFirst(),
      ]);
      const specialists = members.filter((m) => m.roles.includes('specialist'));
      const open = specialists.reduce((a, m) => a + Number(m.open), 0);
      const fte = specialists.reduce((a, m) => a + Number(m.fte), 0);
      const ratio = caseloadPerFte(open, fte, settings?.ips_caseload_limit ?? 20);
      const all: Record<Measure, Measured> = { caseload: { figure: ratio.perFte, people: open, suggested: null }, ...measured };
      // A figure over a few people is a count of people too: under the threshold, neither is shown (ADR 0030).
      const minimum = valueAt(threshold, today()).value;
      return Object.fromEntries(
        Object.entries(all).map(([m, v]) => [
          m,
          v.people > 0 && v.people < minimum
            ? { figure: null, people: 0, suggested: null, fewerThan: minimum }
            : { ...v, suggested: v.people > 0 ? suggestedScore(m as Measure, v.figure) : null },
        ]),
      ) as TeamMeasures;
    });
  }

  return {
    parameters: (): FidelityParameters => fidelityParameters(today()),

    /** A signed-in user's scope: a team lead their own teams; commissioners and administrators every team. */
    async scopeOf(user: UserPrincipal): Promise<FidelityScope> {
      if (!FIDELITY_READERS.some((r) => user.roles.includes(r))) throw new Forbidden('Only team leads and commissioners see fidelity reviews');
      const wholeTenant = user.roles.includes('commissioner') || user.roles.includes('tenant-admin');
      return { tenantId: user.tenantId, teamIds: wholeTenant ? null : await db.inTenant(user.tenantId, (tx) => teamIdsOf(tx, user.userId)) };
    },

    async teams(scope: FidelityScope): Promise<{ id: string; name: string }[]> {
      const teams = await db.inTenant(scope.tenantId, teamNames);
      return teams.filter((t) => allowed(scope, t.id));
    },

    async list(scope: FidelityScope, teamId: string | null = null): Promise<FidelityReview[]> {
      if (teamId && !allowed(scope, teamId)) throw new Forbidden('A team lead sees their own teams’ reviews');
      return db.inTenant(scope.tenantId, (tx) => findReviews(tx, { teamIds: teamId ? [teamId] : scope.teamIds }));
    },

    async get(scope: FidelityScope, id: string): Promise<FidelityReview> {
      const [review] = await db.inTenant(scope.tenantId, (tx) => findReviews(tx, { teamIds: scope.teamIds, id }));
      if (!review) throw new NotFound('fidelity review', id);
      return review;
    },

    measures,

    /**
     * Records a review in one transaction with its audit row. The measured items keep the figure
     * they were filled in from, so a later reader sees what the reviewer saw.
     */
    async record(scope: FidelityScope, actor: Actor, input: unknown): Promise<FidelityReview> {
      const v = parseInput(fidelityReviewSchema, input);
      const day = today();
      const p = fidelityParameters(day);
      const issues = reviewIssues(v.items, p);
      if (v.reviewedOn > day) issues.unshift({ path: 'reviewedOn', message: 'fidelity.error.future' });
      const known = (await db.inTenant(scope.tenantId, teamNames)).some((t) => t.id === v.teamId);
      if (!known) issues.unshift({ path: 'teamId', message: 'fidelity.error.team' });
      if (issues.length) throw new InvalidInput(issues);
      const figures = await measures(scope, v.teamId);
      const items: StoredItem[] = FIDELITY_ITEMS.map((item) => {
        const answer = v.items.find((i) => i.key === item.key) as StoredItem;
        const m = 'measured' in item ? figures[item.measured] : undefined;
        return { key: item.key, score: answer.score, evidence: answer.evidence, action: answer.action, ...(m ? { measured: m } : {}) };
      });
      const { total, band } = scoreReview(items, p);
      const now = clock.now();
      const id = newId(now);
      return db.inTenant(scope.tenantId, async (tx) => {
        await insertReview(tx, { tenantId: scope.tenantId, id, teamId: v.teamId, reviewedOn: v.reviewedOn, reviewer: v.reviewer, items, total, band, now });
        await recordAudit(tx, scope.tenantId, clock, {
          actor,
          action: 'fidelity-review.create',
          recordType: 'fidelity-review',
          recordId: id,
          reason: 'recorded an IPS fidelity review',
          details: { teamId: v.teamId, total, band },
        });
        const [saved] = await findReviews(tx, { teamIds: null, id });
        return saved as FidelityReview;
      });
    },
  };
}

export type FidelityService = ReturnType<typeof createFidelityService>;
