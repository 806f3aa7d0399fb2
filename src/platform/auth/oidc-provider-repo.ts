import type { Database, Tx } from '../db/index.ts';
import type { ProviderKind, RoleMapEntry } from './oidc-rules.ts';
import { sha256Hex } from './secrets.ts';

// The identity providers' queries (ADR 0044), shared by the admin's side, the sign-in flow and logout.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ProviderRow = {
  id: string;
  kind: ProviderKind;
  name: string;
  issuer: string;
  client_id: string;
  role_map: RoleMapEntry[];
  min_id_assurance: number | null;
  min_auth_assurance: number | null;
  enabled: boolean;
  updated_at: Date;
};

export const providerLookupHash = (providerId: string) => sha256Hex(`oidc-provider:${providerId}`);

export const selectProvider = (tx: Tx) =>
  tx
    .selectFrom('identity_providers')
    .select(['id', 'kind', 'name', 'issuer', 'client_id', 'role_map', 'min_id_assurance', 'min_auth_assurance', 'enabled', 'updated_at']);

export async function findProvider(tx: Tx, providerId: string): Promise<ProviderRow | undefined> {
  return selectProvider(tx).where('id', '=', providerId).executeTakeFirst();
}

/** The tenant a provider belongs to, from the global index (a sign-in or logout arrives before any tenant is known). */
export async function tenantOfProvider(db: Database, providerId: string): Promise<string | null> {
  if (!UUID.test(providerId)) return null;
  const row = await db.global((tx) =>
    tx
      .selectFrom('principal_index')
      .select('tenant_id')
      .where('lookup_hash', '=', providerLookupHash(providerId))
      .where('kind', '=', 'oidc-provider')
      .executeTakeFirst(),
  );
  return row?.tenant_id ?? null;
}
