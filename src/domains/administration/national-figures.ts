import disclosureControl from '../../../policy/disclosure-control.json' with { type: 'json' };
import type { Database } from '../../platform/db/index.ts';
import { type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { countOrganisations } from '../organisations/index.ts';

const threshold = parsePolicyParameter(disclosureControl);

export type SuppressedCount = { kind: 'count'; value: number } | { kind: 'suppressed' };
export type AreaFigures = { gssCode: string; name: string; nameCy: string; organisations: SuppressedCount; staff: SuppressedCount };

/** A count, or nothing when it is small enough to help identify someone. Pure, table-tested. */
export function suppress(count: number, minimum: number): SuppressedCount {
  return count >= minimum ? { kind: 'count', value: count } : { kind: 'suppressed' };
}

/**
 * Figures across every local authority for the national analyst. Each area is read inside its own
 * tenant transaction and only the suppressed aggregate leaves it: no row of any tenant does.
 */
export async function nationalFigures(db: Database, date: string): Promise<{ areas: AreaFigures[]; threshold: PolicyValue }> {
  const minimum = valueAt(threshold, date);
  const tenants = await db.global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code', 'name', 'name_cy']).orderBy('name').execute());
  const areas: AreaFigures[] = [];
  for (const tenant of tenants) {
    const counts = await db.inTenant(tenant.id, async (tx) => ({
      organisations: await countOrganisations(tx),
      staff: Number(
        (
          await tx
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    }));
    areas.push({
      gssCode: tenant.gss_code,
      name: tenant.name,
      nameCy: tenant.name_cy,
      organisations: suppress(counts.organisations, minimum.value),
      staff: suppress(counts.staff, minimum.value),
    });
  }
  return { areas, threshold: minimum };
}
