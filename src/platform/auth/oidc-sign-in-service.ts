import * as oidc from 'openid-client';
import { recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Database, Role } from '../db/index.ts';
import { startSession } from './auth-service.ts';
import type { ProviderKeys } from './oidc-provider-keys.ts';
import { findProvider, type ProviderRow, tenantOfProvider, UUID } from './oidc-provider-repo.ts';
import { acrValuesFor, decideSignIn, type ProviderPolicy, type Refusal, scopesFor } from './oidc-rules.ts';
import { sha256Hex } from './secrets.ts';
import { revokingWith, type VerifiedCache } from './verified-cache.ts';

/** A sign-in under way lasts this long between leaving for the provider and coming back. */
const STATE_MINUTES = 10;

export const CALLBACK_PATH = '/sign-in/oidc/callback';

export type CallbackRefusal =
  | Refusal
  | 'state-invalid'
  | 'state-expired'
  | 'provider-disabled'
  | 'provider-error'
  | 'provider-refused'
  | 'nonce-mismatch'
  | 'unknown-subject'
  | 'account-disabled';

export type CallbackResult =
  | { kind: 'signed-in'; cookie: string; returnTo: string }
  | { kind: 'refused'; reason: CallbackRefusal; providerName: string | null; reference: string | null };

/** Why each refusal is audited: English, as the audit log is written. */
const REFUSAL_REASONS: Record<CallbackRefusal, string> = {
  'no-role': 'no Bridgework role is mapped from the provider roles',
  'no-selected-role': 'the provider sent no selected role',
  'selected-role-not-held': 'the selected role is not one of the person’s roles',
  'identity-assurance-missing': 'the provider sent no identity assurance level',
  'identity-assurance-too-low': 'identity assurance below what the tenant requires',
  'authentication-assurance-missing': 'the provider sent no authentication assurance level',
  'authentication-assurance-too-low': 'authentication assurance below what the tenant requires',
  'state-invalid': 'unknown or already used sign-in state',
  'state-expired': 'sign-in state expired',
  'provider-disabled': 'identity provider switched off',
  'provider-error': 'the provider’s response could not be checked',
  'provider-refused': 'the provider returned an error instead of a code',
  'nonce-mismatch': 'ID token nonce does not match the sign-in',
  'unknown-subject': 'no staff account is linked to this provider identity',
  'account-disabled': 'account disabled',
};

const policyOf = (r: ProviderRow): ProviderPolicy => ({
  kind: r.kind,
  roleMap: r.role_map,
  minIdAssurance: r.min_id_assurance,
  minAuthAssurance: r.min_auth_assurance,
});

/**
 * Signing in through a tenant's provider (ADR 0044): the authorization code flow with PKCE,
 * single-use state and nonce, role mapping and CIS2 assurance checks. Every sign-in, and every
 * refusal with its reason, is audited.
 */
export function createOidcSignInService(deps: {
  db: Database;
  clock: Clock;
  absoluteHours: number;
  providers: ProviderKeys;
  redirectUri: string;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'> | undefined;
}) {
  const { db, clock, redirectUri } = deps;
  const { configFor } = deps.providers;
  const revoking = revokingWith(deps.sessions);

  async function refuse(
    tenantId: string,
    reason: CallbackRefusal,
    context: { provider?: ProviderRow; userId?: string | null; subject?: string | null; providerRoles?: string[] },
  ): Promise<CallbackResult> {
    await db.inTenant(tenantId, (tx) =>
      recordAudit(tx, tenantId, clock, {
        actor: { kind: 'public', id: 'sign-in' },
        action: 'user.sign-in-refused',
        recordType: 'user',
        recordId: context.userId ?? null,
        reason: REFUSAL_REASONS[reason],
        details: {
          refusal: reason,
          provider: context.provider?.id ?? null,
          ...(context.subject ? { subject: context.subject } : {}),
          ...(context.providerRoles ? { providerRoles: context.providerRoles } : {}),
        },
      }),
    );
    return {
      kind: 'refused',
      reason,
      providerName: context.provider?.name ?? null,
      reference: reason === 'unknown-subject' ? (context.subject ?? null) : null,
    };
  }

  return {
    /** Providers people may choose on the sign-in page, across tenants (a handful each). */
    async providersForSignIn(): Promise<{ id: string; name: string }[]> {
      const lists = await db.eachTenant((tx) =>
        tx.selectFrom('identity_providers').select(['id', 'name']).where('enabled', '=', true).orderBy('name').execute(),
      );
      return lists.flat();
    },

    /**
     * Starts a sign-in: state (carrying the tenant), nonce and PKCE verifier are kept server-side,
     * single use, for a few minutes; the person goes to the provider's authorization endpoint.
     */
    async start(providerId: string, returnTo: string): Promise<URL | null> {
      const tenantId = await tenantOfProvider(db, providerId);
      if (!tenantId) return null;
      const row = await db.inTenant(tenantId, (tx) => findProvider(tx, providerId));
      if (!row?.enabled) return null;
      const config = await configFor(row);
      const state = `${tenantId}.${oidc.randomState()}`;
      const nonce = oidc.randomNonce();
      const verifier = oidc.randomPKCECodeVerifier();
      const now = clock.now();
      await db.inTenant(tenantId, async (tx) => {
        await tx.deleteFrom('oidc_login_states').where('expires_at', '<=', now).execute();
        await tx
          .insertInto('oidc_login_states')
          .values({
            tenant_id: tenantId,
            state_hash: sha256Hex(state),
            provider_id: row.id,
            nonce,
            code_verifier: verifier,
            return_to: returnTo,
            created_at: now,
            expires_at: new Date(now.getTime() + STATE_MINUTES * 60_000),
          })
          .execute();
      });
      const params: Record<string, string> = {
        redirect_uri: redirectUri,
        scope: scopesFor(row.kind),
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      };
      const acr = acrValuesFor(policyOf(row));
      if (acr) params.acr_values = acr;
      // CIS2 asks the person to choose a role only on a fresh login (CIS2 "Scopes and claims").
      if (row.kind === 'nhs-cis2') params.prompt = 'login';
      return oidc.buildAuthorizationUrl(config, params);
    },

    /** The provider sends the person back: check everything, then link to the account and start a session. */
    async callback(currentUrl: URL, previousSessionIdHash: string | null): Promise<CallbackResult> {
      const state = currentUrl.searchParams.get('state') ?? '';
      const [tenantId = ''] = state.split('.');
      if (!UUID.test(tenantId) || state.length < tenantId.length + 20) return { kind: 'refused', reason: 'state-invalid', providerName: null, reference: null };
      // Single use: the row goes whatever happens next, so a replayed state finds nothing.
      const saved = await db.inTenant(tenantId, async (tx) => {
        const row = await tx.deleteFrom('oidc_login_states').where('state_hash', '=', sha256Hex(state)).returningAll().executeTakeFirst();
        return row ? { row, provider: await findProvider(tx, row.provider_id) } : null;
      });
      if (!saved?.provider) {
        const known = await db.global((tx) => tx.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst());
        if (known) return refuse(tenantId, 'state-invalid', {});
        return { kind: 'refused', reason: 'state-invalid', providerName: null, reference: null };
      }
      const { row, provider } = saved;
      if (clock.now() >= row.expires_at) return refuse(tenantId, 'state-expired', { provider });
      if (!provider.enabled) return refuse(tenantId, 'provider-disabled', { provider });
      if (currentUrl.searchParams.has('error')) return refuse(tenantId, 'provider-refused', { provider });

      let claims: Record<string, unknown>;
      try {
        const config = await configFor(provider);
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: row.code_verifier,
          expectedState: state,
          expectedNonce: row.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) return refuse(tenantId, 'provider-error', { provider });
        claims = { ...idClaims };
        if (provider.kind === 'nhs-cis2') {
          // CIS2 puts the person's roles in userinfo; its `sub` must be the ID token's.
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
          claims = { ...info, ...idClaims };
        }
      } catch (error) {
        // openid-client wraps oauth4webapi's error; the claim that failed is a cause or two down.
        let nonce = false;
        for (let e: unknown = error; typeof e === 'object' && e !== null; e = (e as { cause?: unknown }).cause) {
          if ((e as { claim?: unknown }).claim === 'nonce') nonce = true;
        }
        return refuse(tenantId, nonce ? 'nonce-mismatch' : 'provider-error', { provider });
      }

      const subject = String(claims.sub);
      const issuer = String(claims.iss);
      const identity = await db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('user_identities')
          .innerJoin('users', 'users.id', 'user_identities.user_id')
          .select(['users.id', 'users.disabled_at', 'users.roles'])
          .where('user_identities.issuer', '=', issuer)
          .where('user_identities.subject', '=', subject)
          .where('user_identities.provider_id', '=', provider.id)
          .executeTakeFirst(),
      );
      if (!identity) return refuse(tenantId, 'unknown-subject', { provider, subject });
      if (identity.disabled_at) return refuse(tenantId, 'account-disabled', { provider, userId: identity.id });
      const decision = decideSignIn(policyOf(provider), claims);
      if (decision.kind === 'refused') return refuse(tenantId, decision.reason, { provider, userId: identity.id, providerRoles: decision.providerRoles });

      const sid = typeof claims.sid === 'string' ? claims.sid : null;
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          if (previousSessionIdHash) await tx.deleteFrom('sessions').where('id_hash', '=', previousSessionIdHash).execute();
          const now = clock.now();
          await tx.updateTable('user_identities').set({ last_sign_in_at: now }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
          // The provider holds the roles: they are the account's roles from this sign-in on.
          const same = decision.roles.length === identity.roles.length && decision.roles.every((r) => identity.roles.includes(r));
          if (!same) {
            await tx.updateTable('users').set({ roles: decision.roles }).where('id', '=', identity.id).execute();
            await recordAudit(tx, tenantId, clock, {
              actor: { kind: 'user', id: identity.id },
              action: 'user.roles-from-provider',
              recordType: 'user',
              recordId: identity.id,
              reason: 'roles changed to those the identity provider maps',
              details: { before: identity.roles, after: decision.roles satisfies Role[], provider: provider.id },
            });
          }
          // The provider did the authentication, second factor included.
          const { cookie } = await startSession(tx, clock, deps.absoluteHours, {
            tenantId,
            userId: identity.id,
            mfaPassed: true,
            providerId: provider.id,
            providerSid: sid,
          });
          await recordAudit(tx, tenantId, clock, {
            actor: { kind: 'user', id: identity.id },
            action: 'user.sign-in',
            recordType: 'user',
            recordId: identity.id,
            reason: `signed in through ${provider.name}`,
            details: { provider: provider.id, providerRoles: decision.providerRoles, roles: decision.roles },
          });
          return { kind: 'signed-in', cookie, returnTo: row.return_to } as const;
        }),
      );
    },

    /** Removes sign-ins that were started and never finished. */
    async purgeExpiredStates(): Promise<void> {
      const now = clock.now();
      await db.eachTenant((tx) => tx.deleteFrom('oidc_login_states').where('expires_at', '<=', now).execute());
    },
  };
}
