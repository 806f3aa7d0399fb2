import type { Actor } from '../audit/index.ts';
import type { Language, Role } from '../db/index.ts';
import { Forbidden, Unauthenticated } from '../errors/index.ts';

export const ROLES: readonly Role[] = ['referrer', 'specialist', 'team-lead', 'tenant-admin', 'national-analyst', 'ig-lead', 'commissioner', 'employer'];

export type UserPrincipal = {
  kind: 'user';
  tenantId: string;
  userId: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: readonly Role[];
  language: Language;
  mfaEnabled: boolean;
  sessionIdHash: string;
};

export type ClientPrincipal = {
  kind: 'client';
  tenantId: string;
  /** The row id of the client, used in audit and idempotency records. */
  id: string;
  clientId: string;
  name: string;
  scopes: readonly string[];
  /** The organisation the client acts for, if it was registered with one. */
  organisationId: string | null;
};

export type Principal = UserPrincipal | ClientPrincipal;

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user' ? { kind: 'user', id: principal.userId } : { kind: 'client', id: principal.id };
}

/** A signed-in user holding at least one of `roles`; otherwise Unauthenticated or Forbidden. */
export function requireRole(principal: Principal | null, roles: readonly Role[]): UserPrincipal {
  if (!principal) throw new Unauthenticated('Sign in to continue');
  if (principal.kind !== 'user' || !roles.some((r) => principal.roles.includes(r))) {
    throw new Forbidden(`This needs one of these roles: ${roles.join(', ')}`);
  }
  return principal;
}

/** A system client granted `scope`; otherwise Unauthenticated or Forbidden. */
export function requireScope(principal: Principal | null, scope: string): ClientPrincipal {
  if (principal?.kind !== 'client') throw new Unauthenticated('A bearer access token is required');
  if (!principal.scopes.includes(scope)) throw new Forbidden(`The access token does not have the scope ${scope}`);
  return principal;
}
