import disclosureControl from '../../../policy/disclosure-control.json' with { type: 'json' };
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { Forbidden, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { caseloadsByTeam } from '../participants/index.ts';
import { teamIdsOf } from '../referrals/index.ts';
import { type CellShown, suppress, suppressGroup } from './disclosure-rules.ts';
import { type MonthlyReturn, RETURN_DIMENSIONS, RETURN_MEASURES, RETURN_SCHEMA_VERSION, returnRows } from './monthly-return.ts';
import type { DashboardFilter, InactivityEstimate } from './outcome.ts';
import { buildDashboard, type Dashboard } from './outcome-dashboard.ts';
import { latestEstimates, readCounts, readNationalCounts, readReturnCounts, readTenants, staffNames, teamNames } from './outcome-repo.ts';
import { caseloadPerFte, type FunnelRow, funnel, type InactivityShare, inactivityShare, type Percentiles, percentiles } from './outcome-rules.ts';
import { dashboardQuerySchema, returnQuerySchema } from './outcome-schemas.ts';

const threshold = parsePolicyParameter(disclosureControl);
/** Who sees a tenant's outcomes: team leads (their teams), commissioners and administrators (every team). */
export const TENANT_READERS = ['team-lead', 'commissioner', 'tenant-admin'] as const;
/** Who sends the monthly return: it is the whole tenant's, so commissioners and administrators. */
export const RETURN_READERS = ['commissioner', 'tenant-admin'] as const;

const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export type TenantOutcomes = Dashboard & {
  threshold: PolicyValue;
  teams: { id: string; name: string }[];
  names: Map<string, string>;
  caseloads: { teamId: string; team: string; open: CellShown; fte: number; perFte: number | null; over: boolean }[];
  caseloadLimit: number;
  inactivity: { estimate: InactivityEstimate; jobStarts: InactivityShare | null; sustained: InactivityShare | null } | null;
};

export type AreaOutcomes = {
  gssCode: string;
  name: string;
  nameCy: string;
  referrals: CellShown;
  jobStarts: CellShown;
  sustained: CellShown;
  share: InactivityShare | null;
  estimate: InactivityEstimate | null;
};
export type NationalOutcomes = {
  filter: Omit<DashboardFilter, 'teamId' | 'by'>;
  threshold: PolicyValue;
  funnel: FunnelRow[];
  times: { firstContact: Percentiles; jobStart: Percentiles };
  areas: AreaOutcomes[];
  totals: { referrals: CellShown; jobStarts: CellShown; sustained: CellShown };
  national: InactivityEstimate[];
};

/** The UK figure the policy cites, shipped in the fixture: the national view shows it for context. */
const UK = 'K02000001';

/**
 * Outcomes: tenant dashboards for team leads and commissioners, and the national view, all read
 * from the counts kept beside the facts (one round trip each for the figures) and passed through
 * the suppression rule before anything leaves.
 */
export function createOutcomeService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const today = () => londonIsoDate(clock.now());
  const filterOf = (query: unknown): DashboardFilter => {
    const q = parseInput(dashboardQuerySchema, query);
    const to = q.to ?? today().slice(0, 7);
    return { to, from: q.from ?? shiftMonth(to, -11), teamId: q.team || null, by: q.by ?? 'programme' };
  };

  return {
    filterOf,

    /**
     * The monthly return for one programme (or all, without one) and month (default: last month),
     * from the kept counts, suppressed as the national view is. `tenantId` is the caller's own:
     * a signed-in commissioner's or an API client's.
     */
    async monthlyReturn(tenantId: string, query: unknown): Promise<MonthlyReturn> {
      const q = parseInput(returnQuerySchema, query);
      const month = q.month ?? shiftMonth(today().slice(0, 7), -1);
      const minimum = valueAt(threshold, today()).value;
      return db.inTenant(tenantId, async (tx) => {
        const [counts, teams, area] = await Promise.all([
          readReturnCounts(tx, tenantId, month, q.programme ?? null, Object.values(RETURN_MEASURES), RETURN_DIMENSIONS),
          teamNames(tx),
          tx.selectFrom('tenants').select(['gss_code', 'name']).where('id', '=', tenantId).executeTakeFirstOrThrow(),
        ]);
        // Teams by name: what a commissioner's template knows them by.
        const named = counts.map((c) => (c.dimension === 'team' ? { ...c, value: teams.find((t) => t.id === c.value)?.name ?? c.value } : c));
        return {
          schemaVersion: RETURN_SCHEMA_VERSION,
          area: { gssCode: area.gss_code, name: area.name },
          programme: q.programme ?? 'all',
          month,
          threshold: minimum,
          generatedAt: clock.now().toISOString(),
          rows: returnRows(named, minimum),
        };
      });
    },

    async tenant(user: UserPrincipal, query: unknown): Promise<TenantOutcomes> {
      if (!TENANT_READERS.some((r) => user.roles.includes(r))) throw new Forbidden('Only team leads and commissioners see outcomes');
      const filter = filterOf(query);
      const minimum = valueAt(threshold, today());
      return db.inTenant(user.tenantId, async (tx) => {
        const wholeTenant = user.roles.includes('commissioner') || user.roles.includes('tenant-admin');
        const own = wholeTenant ? null : await teamIdsOf(tx, user.userId);
        if (filter.teamId && own && !own.includes(filter.teamId)) throw new Forbidden('A team lead sees the outcomes of their own teams');
        const teamIds = filter.teamId ? [filter.teamId] : own;
        const [rows, teams, tenant] = await Promise.all([
          readCounts(tx, user.tenantId, filter, teamIds),
          teamNames(tx),
          tx.selectFrom('tenants').select(['gss_code']).where('id', '=', user.tenantId).executeTakeFirstOrThrow(),
        ]);
        const dashboard = buildDashboard(rows, filter, minimum.value);
        const visibleTeams = own ? teams.filter((t) => own.includes(t.id)) : teams;
        const [members, estimates, settings] = await Promise.all([
          caseloadsByTeam(
            tx,
            (teamIds ?? visibleTeams.map((t) => t.id)).filter((id) => visibleTeams.some((t) => t.id === id)),
          ),
          latestEstimates(tx, [tenant.gss_code]),
          tx.withTables<{ tenant_settings: { ips_caseload_limit: number } }>().selectFrom('tenant_settings').select('ips_caseload_limit').executeTakeFirst(),
        ]);
        const limit = settings?.ips_caseload_limit ?? 20;
        const caseloads = visibleTeams
          .filter((t) => !teamIds || teamIds.includes(t.id))
          .map((t) => {
            const ms = members.filter((m) => m.teamId === t.id && m.roles.some((r) => r === 'specialist'));
            const open = ms.reduce((a, m) => a + Number(m.open), 0);
            const fte = Math.round(ms.reduce((a, m) => a + Number(m.fte), 0) * 100) / 100;
            // A few open cases is a count of people too: shown only from the threshold, with the ratio that would reveal it.
            const shown = suppress(open, minimum.value);
            const ratio = caseloadPerFte(open, fte, limit);
            return { teamId: t.id, team: t.name, open: shown, fte, perFte: shown.kind === 'count' ? ratio.perFte : null, over: ratio.over };
          });
        const names = new Map(teams.map((t) => [t.id, t.name]));
        if (filter.by === 'specialist')
          for (const [id, name] of await staffNames(
            tx,
            dashboard.breakdown.map((b) => b.value).filter((v) => v !== 'none'),
          ))
            names.set(id, name);
        const lts = estimates.find((e) => e.measure === 'long-term-sick-share');
        const shown = (c: CellShown | undefined) => (c?.kind === 'count' ? c.value : null);
        const jobStarts = shown(dashboard.monthly.series[0]?.total);
        const sustained = shown(dashboard.monthly.series[1]?.total);
        return {
          ...dashboard,
          threshold: minimum,
          teams: visibleTeams,
          names,
          caseloads,
          caseloadLimit: limit,
          inactivity: lts
            ? {
                estimate: lts,
                jobStarts: jobStarts === null ? null : inactivityShare(jobStarts, lts),
                sustained: sustained === null ? null : inactivityShare(sustained, lts),
              }
            : null,
        };
      });
    },

    /** Every area's outcomes against its inactivity, ranked; sums only cross tenants, suppressed as one group per figure. */
    async national(user: UserPrincipal, query: unknown): Promise<NationalOutcomes> {
      if (!user.roles.includes('national-analyst')) throw new Forbidden('Only the national analyst sees every area');
      const { from, to } = filterOf(query);
      const minimum = valueAt(threshold, today());
      return db.global(async (tx) => {
        const [rows, tenants] = await Promise.all([readNationalCounts(tx, from, to), readTenants(tx)]);
        const estimates = await latestEstimates(tx, [...tenants.map((t) => t.gssCode), UK]);
        const byArea = new Map<string, number>();
        for (const r of rows) if (r.tenantId !== null) byArea.set(`${r.tenantId} ${r.kind}`, r.n);
        const per = (kind: string) => tenants.map((t) => byArea.get(`${t.id} ${kind}`) ?? 0);
        // The national totals and times: the roll-up across areas (tenant null), the same sums as the areas'.
        const nation = rows.filter((r) => r.tenantId === null);
        const referrals = suppressGroup(per('referral-received'), minimum.value);
        const jobStarts = suppressGroup(per('job-start'), minimum.value);
        const sustained = suppressGroup(per('sustained-13-weeks'), minimum.value);
        const areas = tenants.map((t, i) => {
          const estimate = estimates.find((e) => e.gssCode === t.gssCode && e.measure === 'long-term-sick-share') ?? null;
          const js = jobStarts.cells[i] as CellShown;
          return {
            gssCode: t.gssCode,
            name: t.name,
            nameCy: t.nameCy,
            referrals: referrals.cells[i] as CellShown,
            jobStarts: js,
            sustained: sustained.cells[i] as CellShown,
            share: js.kind === 'count' && estimate ? inactivityShare(js.value, estimate) : null,
            estimate,
          };
        });
        // Ranked by job starts per 1,000 long-term-sick inactive people; areas without a figure last, by name.
        areas.sort((a, b) => (b.share?.perThousand.value ?? -1) - (a.share?.perThousand.value ?? -1) || a.name.localeCompare(b.name, 'en-GB'));
        const total = (kind: string) => nation.filter((r) => r.kind === kind && r.dimension === 'all' && r.value === 'first').reduce((a, r) => a + r.n, 0);
        const histogram = (kind: string) => {
          const h = new Map<number, number>();
          for (const r of nation) if (r.kind === kind && r.dimension === 'days') h.set(Number(r.value), (h.get(Number(r.value)) ?? 0) + r.n);
          return h;
        };
        return {
          filter: { from, to },
          threshold: minimum,
          funnel: funnel(
            Object.fromEntries(
              ['referral-received', 'first-contact', 'accepted', 'first-appointment', 'job-start', 'sustained-13-weeks', 'sustained-26-weeks'].map((k) => [
                k,
                total(k),
              ]),
            ),
            minimum.value,
          ),
          times: { firstContact: percentiles(histogram('first-contact'), minimum.value), jobStart: percentiles(histogram('job-start'), minimum.value) },
          areas,
          totals: { referrals: referrals.total, jobStarts: jobStarts.total, sustained: sustained.total },
          national: estimates.filter((e) => e.gssCode === UK),
        };
      });
    },
  };
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;
