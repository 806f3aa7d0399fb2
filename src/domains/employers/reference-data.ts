import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { DEMO_DISTRICT_CENTROIDS } from './reference/postcode-districts.ts';
import { SOC_2020_GROUPS, type SocGroup } from './reference/soc-2020.ts';
import type { EmployerTables } from './vacancy.ts';

type Owner = Kysely<PlatformTables>;
const ref = (owner: Owner) => owner.withTables<EmployerTables>();

/**
 * The reference data shipped with the code (SOC 2020 major and sub-major groups, the demo areas'
 * district centroids), added where missing. Imported data (the ONS files) is never overwritten.
 * Runs as the owner: the app role may only read these tables.
 */
export async function ensureReferenceData(owner: Owner): Promise<void> {
  await upsertSocGroups(owner, SOC_2020_GROUPS, false);
  await ref(owner)
    .insertInto('postcode_points')
    .values(DEMO_DISTRICT_CENTROIDS.map(([postcode, lat, lon]) => ({ postcode, kind: 'district' as const, lat, lon })))
    .onConflict((oc) => oc.column('postcode').doNothing())
    .execute();
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

/** Postcodes and district centroids, replacing what is there (the ONS Postcode Directory import). */
export async function upsertCentroids(
  owner: Owner,
  rows: readonly { postcode: string; kind: 'district' | 'postcode'; lat: number; lon: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await ref(owner)
      .insertInto('postcode_points')
      .values(rows.slice(i, i + 2000))
      .onConflict((oc) =>
        oc.column('postcode').doUpdateSet((eb) => ({ lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon'), kind: eb.ref('excluded.kind') })),
      )
      .execute();
  }
}
