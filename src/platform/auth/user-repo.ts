import type { Selectable } from 'kysely';
import type { Language, PlatformTables, Role, Tx } from '../db/index.ts';
import type { UserPrincipal } from './principal.ts';
import { emailLookupHash } from './secrets.ts';

export type NewUser = {
  tenantId: string;
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: readonly Role[];
  language?: Language;
};

/** Adds a staff account and its sign-in index entry, inside the caller's tenant transaction. */
export async function insertUser(tx: Tx, user: NewUser): Promise<void> {
  const email = user.email.trim().toLowerCase();
  await tx
    .insertInto('principal_index')
    .values({ lookup_hash: emailLookupHash(email), kind: 'email', tenant_id: user.tenantId })
    .execute();
  await tx
    .insertInto('users')
    .values({
      tenant_id: user.tenantId,
      id: user.id,
      organisation_id: user.organisationId,
      email,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      roles: [...user.roles],
      preferred_language: user.language ?? 'en',
    })
    .execute();
}

export function findUserById(tx: Tx, userId: string) {
  return tx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export function findUserByEmail(tx: Tx, email: string) {
  return tx.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** A user row as the principal the rest of the service sees; `sessionIdHash` is empty outside a session. */
export function userPrincipal(user: Selectable<PlatformTables['users']>, tenantId: string, sessionIdHash = ''): UserPrincipal {
  return {
    kind: 'user',
    tenantId,
    userId: user.id,
    organisationId: user.organisation_id,
    email: user.email,
    displayName: user.display_name,
    roles: user.roles,
    language: user.preferred_language,
    mfaEnabled: user.totp_enabled_at !== null,
    sessionIdHash,
  };
}

export async function findTenantByLookup(tx: Tx, lookupHash: string): Promise<string | null> {
  const row = await tx.selectFrom('principal_index').select('tenant_id').where('lookup_hash', '=', lookupHash).executeTakeFirst();
  return row?.tenant_id ?? null;
}
