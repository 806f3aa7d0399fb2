import { createPublicKey, constants as cryptoConstants, type JsonWebKey as NodeJwk, verify as verifySignature } from 'node:crypto';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { type Actor, recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import { type Database, newId, type Role, type Tx, violates } from '../db/index.ts';
import { Conflict, InvalidInput, NotFound, parseInput } from '../errors/index.ts';
import { startSession } from './auth-service.ts';
import { createOidcKeys } from './oidc-keys.ts';
import {
  acrValuesFor,
  checkLogoutToken,
  decideSignIn,
  PROVIDER_KINDS,
  type ProviderKind,
  type ProviderPolicy,
  parseRoleMap,
  type Refusal,
  type RoleMapEntry,
  scopesFor,
} from './oidc-rules.ts';
import { sha256Hex } from './secrets.ts';
import type { VerifiedCache } from './verified-cache.ts';

/** A sign-in under way lasts this long between leaving for the provider and coming back. */
const STATE_MINUTES = 10;
/** A logout token older than this is refused (the spec leaves the window to the receiver). */
const LOGOUT_TOKEN_MAX_AGE_SECONDS = 5 * 60;
const CLOCK_SKEW_SECONDS = 60;
/** Discovery documents and provider keys are fetched again after this long. */
const DISCOVERY_MINUTES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const CALLBACK_PATH = '/sign-in/oidc/callback';
export const JWKS_PATH = '/oidc/jwks';
// Under /oauth/: a server-to-server POST, outside the pages' CSRF check, answered as the token endpoint is.
export const backChannelLogoutPath = (providerId: string) => `/oauth/back-channel-logout/${providerId}`;

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

const issuerSchema = z
  .string({ error: 'oidc.error.issuer' })
  .trim()
  .min(1, 'oidc.error.issuer')
  .max(500, 'oidc.error.issuer')
  .pipe(z.url({ protocol: /^https?$/, error: 'oidc.error.issuer' }));

const levelSchema = (message: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce.number({ error: message }).int(message).min(1, message).max(3, message).nullable(),
  );

export const providerFormSchema = z.object({
  kind: z.enum(PROVIDER_KINDS as [ProviderKind, ...ProviderKind[]], { error: 'oidc.error.kind' }),
  name: z.string({ error: 'oidc.error.name' }).trim().min(1, 'oidc.error.name').max(100, 'oidc.error.nameLength'),
  issuer: issuerSchema,
  clientId: z.string({ error: 'oidc.error.clientId' }).trim().min(1, 'oidc.error.clientId').max(200, 'oidc.error.clientId'),
  roleMap: z.string({ error: 'oidc.error.roleMap' }).max(10_000, 'oidc.error.roleMap'),
  minIdAssurance: levelSchema('oidc.error.level'),
  minAuthAssurance: levelSchema('oidc.error.level'),
  enabled: z.enum(['yes', 'no'], { error: 'oidc.error.enabled' }).default('yes'),
});

const linkSchema = z.object({
  providerId: z.uuid('oidc.error.provider'),
  subject: z.string({ error: 'oidc.error.subject' }).trim().min(1, 'oidc.error.subject').max(255, 'oidc.error.subject'),
});

export type ProviderView = {
  id: string;
  kind: ProviderKind;
  name: string;
  issuer: string;
  clientId: string;
  roleMap: RoleMapEntry[];
  minIdAssurance: number | null;
  minAuthAssurance: number | null;
  enabled: boolean;
};

type ProviderRow = {
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

const view = (r: ProviderRow): ProviderView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  issuer: r.issuer,
  clientId: r.client_id,
  roleMap: r.role_map,
  minIdAssurance: r.min_id_assurance,
  minAuthAssurance: r.min_auth_assurance,
  enabled: r.enabled,
});

const policyOf = (r: ProviderRow): ProviderPolicy => ({
  kind: r.kind,
  roleMap: r.role_map,
  minIdAssurance: r.min_id_assurance,
  minAuthAssurance: r.min_auth_assurance,
});

const providerLookupHash = (providerId: string) => sha256Hex(`oidc-provider:${providerId}`);

/** Plain http only to this machine, and never in production: the tests' local provider. */
function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * Staff sign-in with each tenant's OpenID Connect providers (ADR 0044): the tenant admin's
 * providers and identity links, the authorization code flow with PKCE, single-use state and nonce,
 * `private_key_jwt` with the installation's published keys, role mapping and CIS2 assurance checks,
 * and back-channel logout. Every sign-in, and every refusal with its reason, is audited.
 */
export function createOidcService(deps: {
  db: Database;
  clock: Clock;
  secret: string;
  baseUrl: string;
  absoluteHours: number;
  /** Outside production a provider on this machine may use plain http (the tests' local provider). */
  allowLoopbackHttp: boolean;
  sessions?: Pick<VerifiedCache<unknown>, 'clear'>;
}) {
  const { db, clock } = deps;
  const keys = createOidcKeys({ db, clock, secret: deps.secret });
  const redirectUri = `${deps.baseUrl}${CALLBACK_PATH}`;
  const discovered = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();
  const providerKeys = new Map<string, { at: number; keys: Promise<JsonWebKey[]> }>();
  const revoking = async <T>(change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } finally {
      deps.sessions?.clear();
    }
  };

  const insecureAllowed = (issuer: string) => deps.allowLoopbackHttp && isLoopbackHttp(issuer);

  /** Our assertion: signed with the current key, `aud` the token endpoint (CIS2 expects it [U]). */
  const clientAuth: oidc.ClientAuth = async (as, client, body, headers) => {
    const signing = await keys.signing();
    const audience = as.token_endpoint ?? as.issuer;
    await oidc.PrivateKeyJwt(signing, {
      [oidc.modifyAssertion]: (_header, payload) => {
        payload.aud = audience;
      },
    })(as, client, body, headers);
  };

  function configFor(row: ProviderRow): Promise<oidc.Configuration> {
    const key = `${row.issuer}\n${row.client_id}\n${row.updated_at.getTime()}`;
    const now = clock.now().getTime();
    const cached = discovered.get(row.id);
    if (cached && cached.key === key && now - cached.at < DISCOVERY_MINUTES * 60_000) return cached.config;
    // JWT times are checked against the service's clock (injected), not the machine's.
    const skew = Math.round((now - Date.now()) / 1000);
    const config = oidc.discovery(
      new URL(row.issuer),
      row.client_id,
      { redirect_uris: [redirectUri], response_types: ['code'], [oidc.clockSkew]: skew, [oidc.clockTolerance]: CLOCK_SKEW_SECONDS },
      clientAuth,
      insecureAllowed(row.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    config.catch(() => discovered.delete(row.id));
    discovered.set(row.id, { key, at: now, config });
    return config;
  }

  const selectProvider = (tx: Tx) =>
    tx
      .selectFrom('identity_providers')
      .select(['id', 'kind', 'name', 'issuer', 'client_id', 'role_map', 'min_id_assurance', 'min_auth_assurance', 'enabled', 'updated_at']);

  async function findProvider(tx: Tx, providerId: string): Promise<ProviderRow | undefined> {
    return selectProvider(tx).where('id', '=', providerId).executeTakeFirst();
  }

  async function tenantOfProvider(providerId: string): Promise<string | null> {
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

  function providerValues(input: unknown) {
    const value = parseInput(providerFormSchema, input);
    const { entries, issues } = parseRoleMap(value.roleMap);
    if (issues.length > 0) {
      throw new InvalidInput(
        issues.map((i) => ({ path: 'roleMap', message: i.problem === 'role' ? 'oidc.error.roleMapRole' : 'oidc.error.roleMapShape' })).slice(0, 1),
      );
    }
    if (!deps.allowLoopbackHttp && !value.issuer.startsWith('https://')) throw new InvalidInput([{ path: 'issuer', message: 'oidc.error.issuerHttps' }]);
    if (value.issuer.startsWith('http://') && !insecureAllowed(value.issuer)) throw new InvalidInput([{ path: 'issuer', message: 'oidc.error.issuerHttps' }]);
    return {
      kind: value.kind,
      name: value.name,
      issuer: value.issuer,
      client_id: value.clientId,
      role_map: JSON.stringify(entries),
      min_id_assurance: value.kind === 'nhs-cis2' ? value.minIdAssurance : null,
      min_auth_assurance: value.kind === 'nhs-cis2' ? value.minAuthAssurance : null,
      enabled: value.enabled === 'yes',
    };
  }

  async function audit(tx: Tx, tenantId: string, entry: Parameters<typeof recordAudit>[3]) {
    await recordAudit(tx, tenantId, clock, entry);
  }

  async function refuse(
    tenantId: string,
    reason: CallbackRefusal,
    context: { provider?: ProviderRow; userId?: string | null; subject?: string | null; providerRoles?: string[] },
  ): Promise<CallbackResult> {
    await db.inTenant(tenantId, (tx) =>
      audit(tx, tenantId, {
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

  /** The provider's signing keys, for logout tokens (ID tokens are checked by openid-client). */
  function providerJwks(row: ProviderRow, config: oidc.Configuration, refresh: boolean): Promise<JsonWebKey[]> {
    const now = clock.now().getTime();
    const cached = providerKeys.get(row.id);
    if (cached && !refresh && now - cached.at < DISCOVERY_MINUTES * 60_000) return cached.keys;
    const uri = config.serverMetadata().jwks_uri;
    const loaded = (async () => {
      if (!uri) throw new Error('the provider publishes no jwks_uri');
      const response = await fetch(uri, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`the provider's keys answered ${response.status}`);
      const body = (await response.json()) as { keys?: JsonWebKey[] };
      return Array.isArray(body.keys) ? body.keys : [];
    })();
    loaded.catch(() => providerKeys.delete(row.id));
    providerKeys.set(row.id, { at: now, keys: loaded });
    return loaded;
  }

  /** Verifies a compact JWS against the provider's keys; the claims, or null if it does not verify. */
  async function verifiedClaims(token: string, row: ProviderRow, config: oidc.Configuration): Promise<Record<string, unknown> | null> {
    const [h = '', p = '', s = '', ...rest] = token.split('.');
    if (rest.length > 0 || !h || !p || !s) return null;
    let header: { alg?: unknown; kid?: unknown };
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as typeof header;
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
    const algs: Record<string, { hash: string; pss?: boolean; ec?: boolean }> = {
      RS256: { hash: 'sha256' },
      RS384: { hash: 'sha384' },
      RS512: { hash: 'sha512' },
      PS256: { hash: 'sha256', pss: true },
      PS384: { hash: 'sha384', pss: true },
      PS512: { hash: 'sha512', pss: true },
      ES256: { hash: 'sha256', ec: true },
    };
    const alg = typeof header.alg === 'string' ? algs[header.alg] : undefined;
    if (!alg || typeof claims !== 'object' || claims === null) return null;
    const pick = (list: JsonWebKey[]) =>
      list.find((k) => (k as { kid?: string }).kid === header.kid) ?? (header.kid === undefined && list.length === 1 ? list[0] : undefined);
    let jwk = pick(await providerJwks(row, config, false));
    // An unknown key id: the provider may have rotated; fetch its keys again once.
    jwk ??= pick(await providerJwks(row, config, true));
    if (!jwk) return null;
    try {
      const key = createPublicKey({ key: jwk as NodeJwk, format: 'jwk' });
      const options = alg.pss
        ? { key, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: cryptoConstants.RSA_PSS_SALTLEN_DIGEST }
        : alg.ec
          ? { key, dsaEncoding: 'ieee-p1363' as const }
          : key;
      return verifySignature(alg.hash, Buffer.from(`${h}.${p}`), options, Buffer.from(s, 'base64url')) ? claims : null;
    } catch {
      return null;
    }
  }

  return {
    keys,
    redirectUri,

    // ---- The tenant admin's side ----

    async listProviders(tenantId: string): Promise<ProviderView[]> {
      const rows = await db.inTenant(tenantId, (tx) => selectProvider(tx).orderBy('name').execute());
      return rows.map(view);
    },

    async getProvider(tenantId: string, providerId: string): Promise<ProviderView> {
      const row = UUID.test(providerId) ? await db.inTenant(tenantId, (tx) => findProvider(tx, providerId)) : undefined;
      if (!row) throw new NotFound('identity provider', providerId);
      return view(row);
    },

    /** Adds a provider, or changes one when `providerId` is given. Bad input changes nothing. */
    async saveProvider(tenantId: string, actor: Actor, input: unknown, providerId?: string): Promise<string> {
      const values = providerValues(input);
      const now = clock.now();
      const id = providerId ?? newId(now);
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          try {
            if (providerId) {
              const found = await findProvider(tx, providerId);
              if (!found) throw new NotFound('identity provider', providerId);
              await tx
                .updateTable('identity_providers')
                .set({ ...values, updated_at: now })
                .where('id', '=', providerId)
                .execute();
            } else {
              await tx
                .insertInto('identity_providers')
                .values({ tenant_id: tenantId, id, ...values, created_at: now, updated_at: now })
                .execute();
              await tx
                .insertInto('principal_index')
                .values({ lookup_hash: providerLookupHash(id), kind: 'oidc-provider', tenant_id: tenantId })
                .execute();
            }
          } catch (error) {
            if (violates(error, 'identity_providers_name_unique')) throw new Conflict('name taken', [{ path: 'name', message: 'oidc.error.nameTaken' }]);
            throw error;
          }
          await audit(tx, tenantId, {
            actor,
            action: providerId ? 'identity-provider.change' : 'identity-provider.add',
            recordType: 'identity-provider',
            recordId: id,
            reason: providerId ? 'administrator changed an identity provider' : 'administrator added an identity provider',
            details: { kind: values.kind, issuer: values.issuer, enabled: values.enabled },
          });
          return id;
        }),
      );
    },

    async localSignInAllowed(tenantId: string): Promise<boolean> {
      const row = await db.inTenant(tenantId, (tx) => tx.selectFrom('tenant_settings').select('local_sign_in').executeTakeFirst());
      return row?.local_sign_in ?? true;
    },

    /** Whether staff may still sign in with a local password (kept for the embedded default and providers' outages). */
    async setLocalSignIn(tenantId: string, actor: Actor, allowed: boolean): Promise<void> {
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await tx
            .insertInto('tenant_settings')
            .values({ tenant_id: tenantId, require_mfa: false, local_sign_in: allowed })
            .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ local_sign_in: allowed, updated_at: clock.now() }))
            .execute();
          await audit(tx, tenantId, {
            actor,
            action: 'tenant.local-sign-in',
            recordType: 'tenant-settings',
            recordId: tenantId,
            reason: allowed ? 'administrator allowed local passwords' : 'administrator allowed only identity providers',
          });
        }),
      );
    },

    /** The provider identities linked to a staff account. */
    async identitiesOf(tenantId: string, userId: string) {
      return db.inTenant(tenantId, (tx) =>
        tx
          .selectFrom('user_identities')
          .innerJoin('identity_providers', 'identity_providers.id', 'user_identities.provider_id')
          .select(['user_identities.provider_id', 'identity_providers.name', 'user_identities.subject', 'user_identities.last_sign_in_at'])
          .where('user_identities.user_id', '=', userId)
          .orderBy('identity_providers.name')
          .execute(),
      );
    },

    /**
     * Links a provider's subject to a staff account, before its holder first signs in with it
     * (ADR 0044: never by email). The subject is the provider's `sub` (shown on the refusal page).
     */
    async linkIdentity(tenantId: string, actor: Actor, userId: string, input: unknown): Promise<void> {
      const value = parseInput(linkSchema, input);
      await db.inTenant(tenantId, async (tx) => {
        const provider = await findProvider(tx, value.providerId);
        if (!provider) throw new InvalidInput([{ path: 'providerId', message: 'oidc.error.provider' }]);
        const user = await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
        if (!user) throw new NotFound('staff account', userId);
        const taken = await tx
          .selectFrom('user_identities')
          .select('user_id')
          .where('issuer', '=', provider.issuer)
          .where('subject', '=', value.subject)
          .executeTakeFirst();
        if (taken) throw new Conflict('identity already linked', [{ path: 'subject', message: 'oidc.error.subjectTaken' }]);
        // One identity per provider per account: a new link replaces the old one.
        await tx.deleteFrom('user_identities').where('provider_id', '=', provider.id).where('user_id', '=', userId).execute();
        await tx
          .insertInto('user_identities')
          .values({ tenant_id: tenantId, issuer: provider.issuer, subject: value.subject, provider_id: provider.id, user_id: userId, created_at: clock.now() })
          .execute();
        await audit(tx, tenantId, {
          actor,
          action: 'user.identity-link',
          recordType: 'user',
          recordId: userId,
          reason: 'administrator linked a provider identity',
          details: { provider: provider.id, subject: value.subject },
        });
      });
    },

    async unlinkIdentity(tenantId: string, actor: Actor, userId: string, providerId: string): Promise<void> {
      if (!UUID.test(providerId)) throw new NotFound('identity provider', providerId);
      await revoking(
        db.inTenant(tenantId, async (tx) => {
          await tx.deleteFrom('user_identities').where('provider_id', '=', providerId).where('user_id', '=', userId).execute();
          await tx.deleteFrom('sessions').where('provider_id', '=', providerId).where('user_id', '=', userId).execute();
          await audit(tx, tenantId, {
            actor,
            action: 'user.identity-unlink',
            recordType: 'user',
            recordId: userId,
            reason: 'administrator removed a provider identity',
            details: { provider: providerId },
          });
        }),
      );
    },

    // ---- Signing in ----

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
      const tenantId = await tenantOfProvider(providerId);
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
            await audit(tx, tenantId, {
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
          await audit(tx, tenantId, {
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

    /**
     * Back-channel logout: the provider says a person's session ended. The token must verify
     * against the provider's keys and say what the spec requires; the person's sessions from that
     * provider end (all of them for a `sub`, the one for a `sid`).
     */
    async backChannelLogout(providerId: string, logoutToken: unknown): Promise<{ kind: 'ok'; ended: number } | { kind: 'refused'; reason: string }> {
      const tenantId = await tenantOfProvider(providerId);
      if (!tenantId || typeof logoutToken !== 'string' || logoutToken.length > 16_384) return { kind: 'refused', reason: 'unknown provider or no token' };
      const provider = await db.inTenant(tenantId, (tx) => findProvider(tx, providerId));
      if (!provider) return { kind: 'refused', reason: 'unknown provider' };
      const config = await configFor(provider);
      const claims = await verifiedClaims(logoutToken, provider, config);
      const checked = claims
        ? checkLogoutToken(claims, {
            issuer: config.serverMetadata().issuer,
            clientId: provider.client_id,
            nowSeconds: Math.floor(clock.now().getTime() / 1000),
            maxAgeSeconds: LOGOUT_TOKEN_MAX_AGE_SECONDS,
            skewSeconds: CLOCK_SKEW_SECONDS,
          })
        : ({ kind: 'refused', reason: 'signature' } as const);
      if (checked.kind === 'refused') {
        await db.inTenant(tenantId, (tx) =>
          audit(tx, tenantId, {
            actor: { kind: 'public', id: 'back-channel-logout' },
            action: 'user.back-channel-logout-refused',
            recordType: 'identity-provider',
            recordId: provider.id,
            reason: `logout token refused: ${checked.reason}`,
          }),
        );
        return { kind: 'refused', reason: checked.reason };
      }
      return revoking(
        db.inTenant(tenantId, async (tx) => {
          const user = checked.sub
            ? await tx
                .selectFrom('user_identities')
                .select('user_id')
                .where('issuer', '=', provider.issuer)
                .where('subject', '=', checked.sub)
                .executeTakeFirst()
            : undefined;
          let query = tx.deleteFrom('sessions').where('provider_id', '=', provider.id);
          if (user) query = query.where('user_id', '=', user.user_id);
          if (checked.sid) query = query.where('provider_sid', '=', checked.sid);
          // A `sub` we do not know, with no `sid`, ends nothing.
          const ended = checked.sub && !user && !checked.sid ? 0 : Number((await query.executeTakeFirst()).numDeletedRows);
          await audit(tx, tenantId, {
            actor: { kind: 'public', id: 'back-channel-logout' },
            action: 'user.sign-out',
            recordType: 'user',
            recordId: user?.user_id ?? null,
            reason: `${provider.name} ended the person's session (back-channel logout)`,
            details: { provider: provider.id, sessions: ended },
          });
          return { kind: 'ok', ended } as const;
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

export type OidcService = ReturnType<typeof createOidcService>;
