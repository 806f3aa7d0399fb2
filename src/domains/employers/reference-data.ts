import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { ensureDemoDistrictCentres } from '../../platform/places/index.ts';
import { SOC_2020_GROUPS, type SocGroup } from './reference/soc-2020.ts';
import type { EmployerTables } from './vacancy.ts';

type Owner = Kysely<PlatformTables>;
const ref = (owner: Owner) => owner.withTables<EmployerTables>();

/**
 * The reference data shipped with the code (SOC 2020 groups, the demo areas' district centres),
 * added where missing. Imported data (the ONS files) is never overwritten. Runs as the owner: the
 * app role may only read these tables.
 */
export async function ensureReferenceData(owner: Owner): Promise<void> {
  await upsertSocGroups(owner, SOC_2020_GROUPS, false);
  await ensureDemoDistrictCentres(owner);
}

/** SOC groups parents first; `replace` updates titles already there (an import of a newer file). */
export async function upsertSocGroups(owner: Owner, groups: readonly SocGroup[], replace: boolean): Promise<void> {
  const order = { major: 0, 'sub-major': 1, minor: 2, unit: 3 };
  const sorted = [...groups].sort((a, b) => order[a.level] - order[b.level]);
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    await ref(owner)
      .insertInto('soc_groups')
      .values(chunk)
      .onConflict((oc) =>
        replace
          ? oc.column('code').doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), parent: eb.ref('excluded.parent') }))
          : oc.column('code').doNothing(),
      )
      .execute();
  }
}
