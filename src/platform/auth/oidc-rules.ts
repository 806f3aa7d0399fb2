import { ROLES } from './principal.ts';

type Role = (typeof ROLES)[number];

/**
 * What staff sign-in through a tenant's OpenID Connect provider decides from the provider's claims
 * (ADR 0044): which Bridgework roles a person gets, whether NHS CIS2's assurance levels meet the
 * tenant's requirement, and whether a back-channel logout token says what it must. Pure functions:
 * the service verifies signatures and reads the database; these say yes or no, and why.
 */

export type ProviderKind = 'entra-id' | 'nhs-cis2';
export const PROVIDER_KINDS: readonly ProviderKind[] = ['entra-id', 'nhs-cis2'];

/** One line of a tenant's role mapping: a provider's role (Entra app role value, CIS2 role code) to a Bridgework role. */
export type RoleMapEntry = { external: string; role: Role };

export type ProviderPolicy = {
  kind: ProviderKind;
  roleMap: readonly RoleMapEntry[];
  /** CIS2 only; null: the default below. */
  minIdAssurance: number | null;
  minAuthAssurance: number | null;
};

export type Refusal =
  | 'no-role'
  | 'no-selected-role'
  | 'selected-role-not-held'
  | 'identity-assurance-missing'
  | 'identity-assurance-too-low'
  | 'authentication-assurance-missing'
  | 'authentication-assurance-too-low';

export type SignInDecision = { kind: 'allowed'; roles: Role[]; providerRoles: string[] } | { kind: 'refused'; reason: Refusal; providerRoles: string[] };

/**
 * NHS services check identity assurance of at least 3 (integrations.md: NHS code, not a CIS2 page [U]);
 * NHS advice is authentication assurance 2 where possible, stepping up to 3 for sensitive functions.
 */
export const CIS2_DEFAULT_ID_ASSURANCE = 3;
export const CIS2_DEFAULT_AUTH_ASSURANCE = 2;

/** CIS2's scopes for a staff sign-in (CIS2 "Scopes and claims"); Entra needs only the standard ones. */
export function scopesFor(kind: ProviderKind): string {
  return kind === 'nhs-cis2' ? 'openid profile email nhsperson nationalrbacaccess selectedrole' : 'openid profile email';
}

/** The `acr_values` to ask CIS2 for, from the lowest authentication assurance the tenant accepts. */
export function acrValuesFor(policy: ProviderPolicy): string | null {
  if (policy.kind !== 'nhs-cis2') return null;
  const level = policy.minAuthAssurance ?? CIS2_DEFAULT_AUTH_ASSURANCE;
  return level >= 3 ? 'AAL3_ANY' : 'AAL2_OR_AAL3_ANY';
}

/** An assurance level as CIS2 sends it: a number, a digit string ("3"), or an acr such as "AAL3_ANY". */
export function assuranceLevel(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^(?:AAL)?([0-9])(?:_|$)/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Bridgework roles for the provider's roles, in the order the mapping lists them, once each. */
function mapped(roleMap: readonly RoleMapEntry[], matches: (external: string) => boolean): Role[] {
  const roles: Role[] = [];
  for (const entry of roleMap) if (matches(entry.external) && !roles.includes(entry.role)) roles.push(entry.role);
  return roles;
}

type Cis2Role = { person_roleid: string; role_code: string };
const cis2Roles = (value: unknown): Cis2Role[] =>
  Array.isArray(value)
    ? value.filter((r): r is Cis2Role => typeof r === 'object' && r !== null && typeof r.person_roleid === 'string' && typeof r.role_code === 'string')
    : [];

/**
 * A CIS2 role code ("S8001:G8005:R8000") matches a mapping line written as the whole code or as any
 * one of its parts, so a tenant can map a job role ("R8000") without listing every combination.
 */
export function cis2RoleMatches(roleCode: string, external: string): boolean {
  return roleCode === external || roleCode.split(':').includes(external);
}

function decideCis2(policy: ProviderPolicy, claims: Record<string, unknown>): SignInDecision {
  // The identity assurance claim is `id_assurance_level` in ID tokens and `idassurancelevel` in the
  // nhsperson scope's list [U: both names appear in CIS2 material; either is accepted].
  const ial = assuranceLevel(claims.id_assurance_level ?? claims.idassurancelevel);
  const aal = assuranceLevel(claims.authentication_assurance_level ?? claims.acr);
  const roles = cis2Roles(claims.nhsid_nrbac_roles);
  const selectedId = typeof claims.selected_roleid === 'string' ? claims.selected_roleid : null;
  const selected = roles.find((r) => r.person_roleid === selectedId);
  const providerRoles = selected ? [selected.role_code] : [];
  const refuse = (reason: Refusal): SignInDecision => ({ kind: 'refused', reason, providerRoles });
  if (ial === null) return refuse('identity-assurance-missing');
  if (ial < (policy.minIdAssurance ?? CIS2_DEFAULT_ID_ASSURANCE)) return refuse('identity-assurance-too-low');
  if (aal === null) return refuse('authentication-assurance-missing');
  if (aal < (policy.minAuthAssurance ?? CIS2_DEFAULT_AUTH_ASSURANCE)) return refuse('authentication-assurance-too-low');
  if (selectedId === null) return refuse('no-selected-role');
  if (!selected) return refuse('selected-role-not-held');
  // Only the role the person chose for this session counts, as CIS2 intends.
  const granted = mapped(policy.roleMap, (external) => cis2RoleMatches(selected.role_code, external));
  return granted.length > 0 ? { kind: 'allowed', roles: granted, providerRoles } : refuse('no-role');
}

function decideEntra(policy: ProviderPolicy, claims: Record<string, unknown>): SignInDecision {
  // App roles (the `roles` claim), as Microsoft recommends over groups, which overflow past 200.
  const providerRoles = strings(claims.roles);
  const granted = mapped(policy.roleMap, (external) => providerRoles.includes(external));
  return granted.length > 0 ? { kind: 'allowed', roles: granted, providerRoles } : { kind: 'refused', reason: 'no-role', providerRoles };
}

/** Whether the person may sign in, and with which roles, from the claims of their ID token (and CIS2's userinfo). */
export function decideSignIn(policy: ProviderPolicy, claims: Record<string, unknown>): SignInDecision {
  return policy.kind === 'nhs-cis2' ? decideCis2(policy, claims) : decideEntra(policy, claims);
}

export type RoleMapIssue = { line: number; problem: 'shape' | 'role' };

/**
 * Reads the role mapping as a tenant admin types it: one `provider role = Bridgework role` a line,
 * blank lines ignored. Every bad line is reported, so nothing is saved from a half-right list.
 */
export function parseRoleMap(text: string): { entries: RoleMapEntry[]; issues: RoleMapIssue[] } {
  const entries: RoleMapEntry[] = [];
  const issues: RoleMapIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const parts = raw.split('=');
    const external = (parts[0] ?? '').trim();
    const role = (parts[1] ?? '').trim();
    if (parts.length !== 2 || external === '' || role === '') {
      issues.push({ line, problem: 'shape' });
      return;
    }
    const known = ROLES.find((r) => r === role);
    if (!known) {
      issues.push({ line, problem: 'role' });
      return;
    }
    entries.push({ external, role: known });
  });
  return { entries, issues };
}

/** The mapping written back as the admin typed it. */
export function formatRoleMap(entries: readonly RoleMapEntry[]): string {
  return entries.map((e) => `${e.external} = ${e.role}`).join('\n');
}

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

export type LogoutRefusal = 'issuer' | 'audience' | 'issued-at' | 'event' | 'nonce' | 'subject';

/**
 * The claims of a back-channel logout token whose signature has been checked (OpenID Connect
 * Back-Channel Logout 1.0, section 2.6): our provider, for our client, recent, the logout event,
 * no nonce, and a `sub` or `sid` saying whose session ends.
 */
export function checkLogoutToken(
  claims: Record<string, unknown>,
  expected: { issuer: string; clientId: string; nowSeconds: number; maxAgeSeconds: number; skewSeconds: number },
): { kind: 'ok'; sub: string | null; sid: string | null } | { kind: 'refused'; reason: LogoutRefusal } {
  const refuse = (reason: LogoutRefusal) => ({ kind: 'refused', reason }) as const;
  if (claims.iss !== expected.issuer) return refuse('issuer');
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : strings(claims.aud);
  if (!audiences.includes(expected.clientId)) return refuse('audience');
  const iat = claims.iat;
  if (typeof iat !== 'number' || iat > expected.nowSeconds + expected.skewSeconds || iat < expected.nowSeconds - expected.maxAgeSeconds) {
    return refuse('issued-at');
  }
  const events = claims.events;
  if (typeof events !== 'object' || events === null || typeof (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT] !== 'object') {
    return refuse('event');
  }
  if ('nonce' in claims) return refuse('nonce');
  const sub = typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null;
  const sid = typeof claims.sid === 'string' && claims.sid !== '' ? claims.sid : null;
  if (sub === null && sid === null) return refuse('subject');
  return { kind: 'ok', sub, sid };
}
