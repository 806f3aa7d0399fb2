import type { Json, Timestamp, Tx } from '../../platform/db/index.ts';
import type { CouncilTaxBand } from './council-tax-support-rules.ts';

/** The table this capability adds for a council's own Council Tax Support scheme (migration 0009). */
export type CouncilTaxSupportTables = {
  council_tax_support_schemes: {
    tenant_id: string;
    name: string;
    url: string;
    bands: Json;
    updated_at: Timestamp;
  };
};

export type StoredScheme = { name: string; url: string; bands: CouncilTaxBand[] };

const tables = (tx: Tx) => tx.withTables<CouncilTaxSupportTables>();

/** The tenant's GSS code (its nation is its first letter); tenants are reference data, readable by all. */
export async function gssCodeOf(tx: Tx, tenantId: string): Promise<string | null> {
  const row = await tx.selectFrom('tenants').select('gss_code').where('id', '=', tenantId).executeTakeFirst();
  return row?.gss_code ?? null;
}

/** The tenant's banded scheme as stored, or null. The bands were checked before they were written. */
export async function storedScheme(tx: Tx): Promise<StoredScheme | null> {
  const row = await tables(tx).selectFrom('council_tax_support_schemes').select(['name', 'url', 'bands']).executeTakeFirst();
  if (!row) return null;
  const bands = (typeof row.bands === 'string' ? JSON.parse(row.bands) : row.bands) as CouncilTaxBand[];
  return { name: row.name, url: row.url, bands };
}

export async function saveScheme(tx: Tx, tenantId: string, scheme: StoredScheme, at: Date): Promise<void> {
  const set = { name: scheme.name, url: scheme.url, bands: JSON.stringify(scheme.bands), updated_at: at };
  await tables(tx)
    .insertInto('council_tax_support_schemes')
    .values({ tenant_id: tenantId, ...set })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(set))
    .execute();
}

export async function deleteScheme(tx: Tx): Promise<void> {
  await tables(tx).deleteFrom('council_tax_support_schemes').execute();
}
