import { createPublicKey, constants as cryptoConstants, type JsonWebKey as NodeJwk, verify as verifySignature } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Clock } from '../clock/index.ts';
import type { OidcKeys } from './oidc-keys.ts';
import type { ProviderRow } from './oidc-provider-repo.ts';

export const CLOCK_SKEW_SECONDS = 60;
/** Discovery documents and provider keys are fetched again after this long. */
const DISCOVERY_MINUTES = 10;

/** Plain http only to this machine, and never in production: the tests' local provider. */
export function isLoopbackHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/**
 * What the service learns from each provider (ADR 0044), kept for a few minutes: its discovery
 * document, as openid-client's configuration that authenticates as us with `private_key_jwt` and the
 * installation's current key, and the provider's own signing keys, against which a logout token is
 * verified.
 */
export function createProviderKeys(deps: { clock: Clock; keys: OidcKeys; redirectUri: string; allowLoopbackHttp: boolean }) {
  const { clock, keys, redirectUri } = deps;
  const discovered = new Map<string, { key: string; at: number; config: Promise<oidc.Configuration> }>();
  const providerKeys = new Map<string, { at: number; keys: Promise<JsonWebKey[]> }>();
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

  return { configFor, verifiedClaims };
}

export type ProviderKeys = ReturnType<typeof createProviderKeys>;
