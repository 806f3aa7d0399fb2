import { recordAudit } from '../../platform/audit/index.ts';
import type { UserPrincipal } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { Conflict, Forbidden, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { type CellShown, targetProgress as figuresFor } from '../outcomes/index.ts';
import type { GrowthSector, LocalPlan, Partner, PlanTarget } from './partnership.ts';
import { listPartners, readPlan, tables } from './partnership-repo.ts';
import { planSchema, sectorSchema, targetSchema } from './partnership-schemas.ts';
import { elapsedShare, progressMonths, type TargetProgress, targetProgress } from './plan-rules.ts';

/** Who edits the local plan; everyone in the tenant reads it. */
export const PLAN_EDITORS = ['commissioner', 'tenant-admin'] as const;

export type PlanPage = {
  plan: LocalPlan | null;
  targets: (PlanTarget & { figure: CellShown; progress: TargetProgress })[];
  sectors: GrowthSector[];
  partners: Partner[];
  threshold: number;
  canEdit: boolean;
};

/** A growth sector's code from its English name: what employers and vacancies refer to it by. */
export const sectorCode = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '') || 'sector';

/**
 * The growth sectors the area's local plan prioritises, in the caller's transaction (other
 * capabilities' reads: matching weighs vacancies of employers in them).
 */
export async function areaGrowthSectors(tx: Tx): Promise<GrowthSector[]> {
  const rows = await tables(tx).selectFrom('growth_sectors').select(['code', 'name', 'name_cy']).orderBy('name').execute();
  return rows.map((s) => ({ code: s.code, name: s.name, nameCy: s.name_cy }));
}

/**
 * The local plan (ADR 0035): its period, its targets with their baselines, the growth sectors the
 * area prioritises, and its partners, with progress on each target read through the outcomes
 * capability (suppressed there). A commissioner or tenant admin edits it; every write is audited.
 */
export function createPlanService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  const editor = (user: UserPrincipal) => {
    if (!PLAN_EDITORS.some((r) => user.roles.includes(r))) throw new Forbidden('Only a commissioner or tenant admin edits the local plan');
  };
  const audit = (tx: Tx, user: UserPrincipal, action: string, recordId: string, details: Record<string, unknown>) =>
    recordAudit(tx, user.tenantId, clock, {
      actor: { kind: 'user', id: user.userId },
      action,
      recordType: 'local-plan',
      recordId,
      reason: 'edited the local plan',
      details,
    });

  return {
    async page(user: UserPrincipal): Promise<PlanPage> {
      const today = londonIsoDate(clock.now());
      return db.inTenant(user.tenantId, async (tx) => {
        const [{ plan, targets, sectors }, partners] = await Promise.all([readPlan(tx), listPartners(tx)]);
        const canEdit = PLAN_EDITORS.some((r) => user.roles.includes(r));
        if (!plan) return { plan, targets: [], sectors, partners, threshold: 0, canEdit };
        const months = progressMonths(plan.startsOn, plan.endsOn, today);
        const { figures, threshold } = await figuresFor(tx, user.tenantId, { ...months, on: today }, targets);
        const elapsed = elapsedShare(plan.startsOn, plan.endsOn, today);
        return {
          plan,
          targets: targets.map((t, i) => {
            const figure = figures[i] as CellShown;
            return { ...t, figure, progress: targetProgress(t, figure, elapsed) };
          }),
          sectors,
          partners,
          threshold,
          canEdit,
        };
      });
    },

    /** Sets the plan's title and period (the first save creates the plan). */
    async savePlan(user: UserPrincipal, input: unknown): Promise<void> {
      editor(user);
      const v = parseInput(planSchema, input);
      const now = clock.now();
      await db.inTenant(user.tenantId, async (tx) => {
        await tables(tx)
          .insertInto('local_plans')
          .values({ tenant_id: user.tenantId, title: v.title, starts_on: v.startsOn, ends_on: v.endsOn, updated_by: user.userId, updated_at: now })
          .onConflict((oc) =>
            oc.column('tenant_id').doUpdateSet({ title: v.title, starts_on: v.startsOn, ends_on: v.endsOn, updated_by: user.userId, updated_at: now }),
          )
          .execute();
        await audit(tx, user, 'local-plan.save', user.tenantId, { startsOn: v.startsOn, endsOn: v.endsOn });
      });
    },

    /** Adds a target, or replaces the one for the same measure, programme and cohort. */
    async saveTarget(user: UserPrincipal, input: unknown): Promise<PlanTarget> {
      editor(user);
      const v = parseInput(targetSchema, input);
      return db.inTenant(user.tenantId, async (tx) => {
        const plan = await tables(tx).selectFrom('local_plans').select('tenant_id').executeTakeFirst();
        if (!plan) throw new Conflict('Set the local plan’s period before its targets', [{ path: 'measure', message: 'plan.error.noPlan' }]);
        const row = await tables(tx)
          .insertInto('local_plan_targets')
          .values({ tenant_id: user.tenantId, id: newId(clock.now()), ...v })
          .onConflict((oc) => oc.columns(['tenant_id', 'measure', 'programme', 'cohort']).doUpdateSet({ baseline: v.baseline, target: v.target }))
          .returning(['id', 'measure', 'programme', 'cohort', 'baseline', 'target'])
          .executeTakeFirstOrThrow();
        await audit(tx, user, 'local-plan.target-save', row.id, { ...v });
        return row;
      });
    },

    async removeTarget(user: UserPrincipal, id: string): Promise<void> {
      editor(user);
      await db.inTenant(user.tenantId, async (tx) => {
        const gone = await tables(tx).deleteFrom('local_plan_targets').where('id', '=', id).returning(['measure', 'programme', 'cohort']).executeTakeFirst();
        if (!gone) throw new NotFound('target', id);
        await audit(tx, user, 'local-plan.target-remove', id, { ...gone });
      });
    },

    /** Adds a growth sector: the tenant's list that employers' records and matching read. */
    async addSector(user: UserPrincipal, input: unknown): Promise<GrowthSector> {
      editor(user);
      const v = parseInput(sectorSchema, input);
      const code = sectorCode(v.name);
      return db.inTenant(user.tenantId, async (tx) => {
        const added = await tables(tx)
          .insertInto('growth_sectors')
          .values({ tenant_id: user.tenantId, code, name: v.name, name_cy: v.nameCy })
          .onConflict((oc) => oc.doNothing())
          .returning('code')
          .executeTakeFirst();
        if (!added) throw new Conflict(`The growth sector ${v.name} is already in the plan`, [{ path: 'name', message: 'plan.error.sectorTaken' }]);
        await audit(tx, user, 'local-plan.sector-add', user.tenantId, { code });
        return { code, name: v.name, nameCy: v.nameCy };
      });
    },

    async removeSector(user: UserPrincipal, code: string): Promise<void> {
      editor(user);
      await db.inTenant(user.tenantId, async (tx) => {
        const gone = await tables(tx).deleteFrom('growth_sectors').where('code', '=', code).returning('code').executeTakeFirst();
        if (!gone) throw new NotFound('growth sector', code);
        await audit(tx, user, 'local-plan.sector-remove', user.tenantId, { code });
      });
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
