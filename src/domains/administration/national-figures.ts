import disclosureControl from '../../../policy/disclosure-control.json' with { type: 'json' };
import type { Database } from '../../platform/db/index.ts';
import { type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import { countOrganisations } from '../organisations/index.ts';
import { type SuppressedCount, suppress } from '../outcomes/index.ts';

const threshold = parsePolicyParameter(disclosureControl);

export type AreaFigures = { gssCode: string; name: string; nameCy: string; organisations: SuppressedCount; staff: SuppressedCount };

/**
 * Figures across every local authority for the national analyst. Each area is read inside its own
 * tenant transaction and only the suppressed aggregate leaves it: no row of any tenant does.
 */
export async function nationalFigures(db: Database, date: string): Promise<{ areas: AreaFigures[]; threshold: PolicyValue }> {
  const minimum = valueAt(threshold, date);
  const areas = await db.eachTenant(async (tx, tenant) => {
    const staff = await tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      gssCode: tenant.gssCode,
      name: tenant.name,
      nameCy: tenant.nameCy,
      organisations: suppress(await countOrganisations(tx), minimum.value),
      staff: suppress(Number(staff.n), minimum.value),
    };
  });
  areas.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { areas, threshold: minimum };
}
