import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId } from '../../platform/db/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import type { PartnerKind } from './partnership.ts';
import { tables } from './partnership-repo.ts';

type DemoTenant = { id: string; gssCode: string; name: string; welsh: boolean; moneyOrganisationId: string };

const PARTNERS = (t: DemoTenant, money: string): { name: string; kind: PartnerKind; role: string; money?: boolean }[] =>
  t.welsh
    ? [
        { name: 'Cardiff and Vale University Health Board', kind: 'nhs-trust', role: 'Refers patients from mental health and musculoskeletal services' },
        { name: 'Cardiff and Vale College', kind: 'college', role: 'Courses and skills for people we support' },
        { name: money, kind: 'charity', role: 'Debt and money advice for people we refer on', money: true },
      ]
    : [
        { name: 'University Hospitals of Leicester NHS Trust', kind: 'nhs-trust', role: 'Refers patients and offers NHS jobs for people starting out' },
        { name: 'Leicester, Leicestershire and Rutland ICB', kind: 'icb', role: 'Co-commissions employment support alongside health services' },
        { name: 'Leicester College', kind: 'college', role: 'Courses and skills for people we support' },
        { name: money, kind: 'charity', role: 'Debt and money advice for people we refer on', money: true },
      ];

/**
 * Each demo council's local plan for the financial year it is in (targets with baselines), two
 * growth sectors and its partners; the directory demo's agreement with the money advice service is
 * recorded against that partner. Run after the directory demo.
 */
export async function seedDemoPartnerships(db: Database, clock: Clock, tenants: readonly DemoTenant[]): Promise<void> {
  const now = clock.now();
  const today = londonIsoDate(now);
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
  for (const t of tenants) {
    await db.inTenant(t.id, async (tx) => {
      const admin = await tx.selectFrom('users').select('id').orderBy('created_at').executeTakeFirst();
      if (!admin) return;
      const x = tables(tx);
      const money = await tx
        .withTables<{ directory_organisations: { id: string; name: string } }>()
        .selectFrom('directory_organisations')
        .select('name')
        .where('id', '=', t.moneyOrganisationId)
        .executeTakeFirst();
      await x
        .insertInto('local_plans')
        .values({
          tenant_id: t.id,
          title: t.welsh ? `${t.name}: Cynllun Cymru’n Gweithio / Wales Works plan` : `${t.name} Get Britain Working plan`,
          starts_on: `${year}-04-01`,
          ends_on: `${year + 1}-03-31`,
          updated_by: admin.id,
          updated_at: now,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await x
        .insertInto('local_plan_targets')
        .values([
          { tenant_id: t.id, id: newId(now), measure: 'job-starts', programme: 'all', cohort: 'all', baseline: 140, target: 180 },
          { tenant_id: t.id, id: newId(now), measure: 'sustained-outcomes', programme: 'ips', cohort: 'all', baseline: 60, target: 85 },
          { tenant_id: t.id, id: newId(now), measure: 'people-supported', programme: 'youth', cohort: 'young-people', baseline: 90, target: 130 },
        ])
        .onConflict((oc) => oc.doNothing())
        .execute();
      await x
        .insertInto('growth_sectors')
        .values([
          { tenant_id: t.id, code: 'social-care', name: 'Social care', name_cy: 'Gofal cymdeithasol' },
          { tenant_id: t.id, code: 'construction', name: 'Construction', name_cy: 'Adeiladu' },
        ])
        .onConflict((oc) => oc.doNothing())
        .execute();
      for (const p of PARTNERS(t, money?.name ?? 'Money advice service')) {
        const id = newId(now);
        const added = await x
          .insertInto('partners')
          .values({
            tenant_id: t.id,
            id,
            name: p.name,
            kind: p.kind,
            role: p.role,
            directory_organisation_id: p.money ? t.moneyOrganisationId : null,
            created_at: now,
          })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (added && p.money)
          await x.updateTable('data_sharing_agreements').set({ partner_id: id }).where('directory_organisation_id', '=', t.moneyOrganisationId).execute();
      }
    });
  }
}
