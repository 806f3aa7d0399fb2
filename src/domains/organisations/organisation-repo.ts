import type { Kysely } from 'kysely';
import type { PlatformTables, Tx } from '../../platform/db/index.ts';
import type { Organisation, OrganisationKind, OrganisationTables } from './organisation.ts';

const tables = (tx: Tx) => tx.withTables<OrganisationTables>();

const toOrganisation = (row: { id: string; kind: OrganisationKind; name: string; email: string | null; created_at: Date }): Organisation => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  email: row.email,
  createdAt: row.created_at,
});

export async function listOrganisations(tx: Tx): Promise<Organisation[]> {
  const rows = await tables(tx).selectFrom('organisations').select(['id', 'kind', 'name', 'email', 'created_at']).orderBy('name').execute();
  return rows.map(toOrganisation);
}

export async function findOrganisation(tx: Tx, id: string): Promise<Organisation | null> {
  const row = await tables(tx).selectFrom('organisations').select(['id', 'kind', 'name', 'email', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row ? toOrganisation(row) : null;
}

/**
 * An organisation's shared inbox address, as a query for another's one-statement read (referral
 * intake reads it with everything else it needs, ADR 0066): no row for an unknown id.
 */
export const organisationEmailQuery = (q: Kysely<PlatformTables>, id: string) =>
  q.withTables<OrganisationTables>().selectFrom('organisations').select('email').where('id', '=', id);

/** Inserts unless the name is taken in this tenant; returns null then (the constraint decides, not a search). */
export async function insertOrganisation(
  tx: Tx,
  row: { tenantId: string; id: string; kind: OrganisationKind; name: string; email?: string | null; createdAt: Date },
): Promise<Organisation | null> {
  const inserted = await tables(tx)
    .insertInto('organisations')
    .values({ tenant_id: row.tenantId, id: row.id, kind: row.kind, name: row.name, email: row.email ?? null, created_at: row.createdAt })
    .onConflict((oc) => oc.constraint('organisations_name_unique').doNothing())
    .returning(['id', 'kind', 'name', 'email', 'created_at'])
    .executeTakeFirst();
  return inserted ? toOrganisation(inserted) : null;
}

export async function countOrganisations(tx: Tx): Promise<number> {
  const row = await tables(tx)
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
