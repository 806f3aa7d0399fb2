import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/**
 * A local OpenID provider for the tests (`oidc-provider`), issuing CIS2-shaped and Entra-shaped
 * claims. Nobody types a password: each sign-in uses the account chosen with `nextSignIn`, and
 * consent is granted at once. Clients authenticate with `private_key_jwt` against Bridgework's
 * published JWKS, as CIS2 asks. `logoutToken` signs a back-channel logout token with the
 * provider's own key, for Bridgework's logout endpoint.
 */

export type TestAccount = {
  sub: string;
  /** Claims beyond `sub`; CIS2 ones (`nhsid_nrbac_roles`, assurance levels) or Entra ones (`roles`, `oid`, `tid`). */
  claims: Record<string, unknown>;
  /** The `acr` of the sign-in, as CIS2 reports it (e.g. `AAL3_ANY`). */
  acr?: string;
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  /** The account the next sign-in will use. */
  nextSignIn(account: TestAccount): void;
  /** Lets the provider's cached copy of Bridgework's JWKS lapse, as time would: it fetches again when next needed. */
  expireClientKeys(): Promise<void>;
  /** The client assertions the token endpoint received (decoded), newest last. */
  assertions: { header: Record<string, unknown>; payload: Record<string, unknown> }[];
  /** A back-channel logout token signed with the provider's key; `overrides` change or (undefined) remove claims. */
  logoutToken(claims: Record<string, unknown>, overrides?: Record<string, unknown>): string;
  close(): Promise<void>;
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** CIS2 shape: a clinician with two national RBAC roles, the first selected. */
export function cis2Account(sub: string, overrides: Record<string, unknown> = {}): TestAccount {
  return {
    sub,
    acr: 'AAL3_ANY',
    claims: {
      name: 'Priya Clinician',
      given_name: 'Priya',
      family_name: 'Clinician',
      email: `${sub}@nhs.example`,
      uid: '555021935107',
      nhsid_useruid: '555021935107',
      id_assurance_level: '3',
      authentication_assurance_level: '3',
      amr: ['N3_SMARTCARD'],
      nhsid_nrbac_roles: [
        {
          person_roleid: '555021936103',
          org_code: 'RYA',
          role_code: 'S8000:G8000:R8000',
          role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"',
        },
        { person_roleid: '555021937104', org_code: 'RYA', role_code: 'S8001:G8005:R8003', role_name: '"Admin":"Management":"Health Professional Access Role"' },
      ],
      selected_roleid: '555021936103',
      ...overrides,
    },
  };
}

/** Entra shape: app roles in `roles`, the object and tenant ids. */
export function entraAccount(sub: string, roles: string[], overrides: Record<string, unknown> = {}): TestAccount {
  return {
    sub,
    claims: {
      name: 'Sam Council',
      email: `${sub}@council.example`,
      preferred_username: `${sub}@council.example`,
      oid: randomUUID(),
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      roles,
      ...overrides,
    },
  };
}

export async function startTestProvider(options: { jwksUri: string; redirectUri: string; backChannelLogoutUri: string }): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-provider-1', use: 'sig', alg: 'RS256' };
  const clientId = `bridgework-${randomUUID()}`;
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | null = null;
  const assertions: TestProvider['assertions'] = [];

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS512',
        jwks_uri: options.jwksUri,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        backchannel_logout_uri: options.backChannelLogoutUri,
        backchannel_logout_session_required: true,
      },
    ],
    jwks: { keys: [signingJwk] },
    enabledJWA: { clientAuthSigningAlgValues: ['RS256', 'RS512', 'PS256', 'ES256'] },
    features: { devInteractions: { enabled: false }, backchannelLogout: { enabled: true } },
    pkce: { required: () => true },
    acrValues: ['AAL3_ANY', 'AAL2_OR_AAL3_ANY'],
    // The CIS2 claims arrive in the ID token as well as userinfo, as CIS2's own tokens carry them.
    conformIdTokenClaims: false,
    scopes: ['openid', 'profile', 'email', 'nhsperson', 'nationalrbacaccess', 'selectedrole'],
    claims: {
      openid: ['sub', 'roles', 'oid', 'tid', 'authentication_assurance_level', 'id_assurance_level'],
      profile: ['name', 'given_name', 'family_name', 'uid', 'preferred_username'],
      email: ['email'],
      nhsperson: ['nhsid_useruid', 'idassurancelevel'],
      nationalrbacaccess: ['nhsid_nrbac_roles'],
      selectedrole: ['selected_roleid'],
    },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Consent is not the subject of these tests: every scope and claim asked for is granted.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope('openid profile email nhsperson nationalrbacaccess selectedrole');
      await grant.save();
      return grant;
    },
    // Bridgework's JWKS is on this machine: the provider's guard against fetching local addresses is set aside.
    fetch: (url, init) => {
      const { dispatcher: _guarded, ...rest } = init as RequestInit & { dispatcher?: unknown };
      return globalThis.fetch(url, rest);
    },
    ttl: { Session: 600, Interaction: 600, Grant: 600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    renderError: async (ctx, out) => {
      ctx.type = 'application/json';
      ctx.body = out;
    },
  };

  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, configuration);

  // Sign-in without a form: the account chosen by the test, with its acr.
  provider.use(async (ctx, nextMiddleware) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (!match) {
      await nextMiddleware();
      // The client assertion the token endpoint accepted, for the tests to read its claims.
      const body = (ctx.oidc as { body?: Record<string, unknown> } | undefined)?.body;
      const assertion = ctx.path === '/token' && typeof body?.client_assertion === 'string' ? body.client_assertion : null;
      if (assertion) {
        const [h = '', p = ''] = assertion.split('.');
        assertions.push({ header: JSON.parse(Buffer.from(h, 'base64url').toString()), payload: JSON.parse(Buffer.from(p, 'base64url').toString()) });
      }
      return;
    }
    const account = next;
    if (!account) throw new Error('the test provider has no account for this sign-in: call nextSignIn first');
    accounts.set(account.sub, account);
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId: account.sub, ...(account.acr ? { acr: account.acr } : {}) } },
      { mergeWithLastSubmission: false },
    );
    ctx.respond = false;
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    assertions,
    async expireClientKeys() {
      const client = await provider.Client.find(clientId);
      if (client?.asymmetricKeyStore) client.asymmetricKeyStore.freshUntil = 0;
    },
    nextSignIn(account) {
      next = account;
      accounts.set(account.sub, account);
    },
    logoutToken(claims, overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: issuer,
        aud: clientId,
        iat: now,
        exp: now + 120,
        jti: randomUUID(),
        events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
        ...claims,
        ...overrides,
      };
      for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete payload[k];
      const input = `${b64({ alg: 'RS256', kid: signingJwk.kid, typ: 'logout+jwt' })}.${b64(payload)}`;
      const signature = sign('sha256', Buffer.from(input), createPrivateKey({ key: signingJwk, format: 'jwk' })).toString('base64url');
      return `${input}.${signature}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
