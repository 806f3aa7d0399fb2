import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backChannelLogoutPath, findUserByEmail, PUBLISH_LEAD_SECONDS } from '../../src/platform/auth/index.ts';
import { cis2Account, entraAccount, startTestProvider, type TestAccount, type TestProvider } from '../support/oidc-provider.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';

// Staff sign-in through a local OpenID provider (ADR 0044): the same provider is registered twice in
// Leicester, once as Entra ID and once as NHS CIS2, and issues claims of each shape.
let t: TestApp;
let provider: TestProvider;
let admin: Browser;
let entraId = '';
let cis2Id = '';
let origin = '';

const userId = async (email: string) => (await t.testDb.db.inTenant(t.tenants.leicester, (tx) => findUserByEmail(tx, email)))?.id ?? '';
const rolesOf = async (email: string) =>
  (await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('users').select('roles').where('email', '=', email).executeTakeFirstOrThrow())).roles;
const lastAudit = (action: string) =>
  t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    tx
      .selectFrom('audit_events')
      .select(['action', 'reason', 'record_id', 'details'])
      .where('action', '=', action)
      .orderBy('pos', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );

/** Leaves for the provider, which signs `account` in at once, and follows it back to the callback URL. */
async function toCallback(b: Browser, providerId: string, account: TestAccount): Promise<string> {
  provider.nextSignIn(account);
  const start = await b.get(`/sign-in/oidc/${providerId}`);
  expect(start.statusCode).toBe(303);
  let url = String(start.headers.location);
  const cookies = new Map<string, string>();
  for (let hop = 0; hop < 10 && !url.startsWith(t.services.oidc.redirectUri); hop++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const [name = '', ...value] = pair.split('=');
      cookies.set(name, value.join('='));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${res.status}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  return url.slice(new URL(t.services.oidc.redirectUri).origin.length);
}

async function signInThrough(b: Browser, providerId: string, account: TestAccount): Promise<LightMyRequestResponse> {
  return b.get(await toCallback(b, providerId, account));
}

async function addProvider(form: Record<string, string>): Promise<string> {
  const token = await admin.csrf('/admin/sign-in/providers/new');
  const saved = await admin.post('/admin/sign-in/providers/new', { _csrf: token, ...form });
  expect(saved.statusCode).toBe(303);
  const list = await admin.get('/admin/sign-in');
  return new RegExp(`/admin/sign-in/providers/([0-9a-f-]{36})">${form.name}<`).exec(list.body)?.[1] ?? '';
}

async function link(email: string, providerId: string, subject: string) {
  const id = await userId(email);
  const token = await admin.csrf(`/admin/staff/${id}/identity`);
  const res = await admin.post(`/admin/staff/${id}/identity`, { _csrf: token, providerId, subject });
  expect(res.statusCode).toBe(303);
}

beforeAll(async () => {
  t = await createTestApp();
  // Tokens from the provider carry the machine's time: the service's clock is set to it.
  t.clock.set(new Date());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  provider = await startTestProvider({
    jwksUri: `${origin}/oidc/jwks`,
    redirectUri: t.services.oidc.redirectUri,
    backChannelLogoutUri: `${origin}/oauth/back-channel-logout/not-used`,
  });
  admin = browser(t.app);
  await admin.signIn('tenant-admin@leicester.bridgework.example');
  entraId = await addProvider({
    kind: 'entra-id',
    name: 'Leicester council staff',
    issuer: provider.issuer,
    clientId: provider.clientId,
    roleMap: 'Bridgework.Specialist = specialist\nBridgework.TeamLead = team-lead',
    enabled: 'yes',
  });
  cis2Id = await addProvider({
    kind: 'nhs-cis2',
    name: 'NHS smartcard',
    issuer: provider.issuer,
    clientId: provider.clientId,
    roleMap: 'R8000 = referrer\nS8001:G8005:R8003 = team-lead',
    minIdAssurance: '3',
    minAuthAssurance: '3',
    enabled: 'yes',
  });
}, 120_000);

afterAll(async () => {
  await provider?.close();
  await t?.close();
});

describe('the tenant admin’s sign-in settings', () => {
  test('bad input shows the error summary and saves nothing; both providers were saved', async () => {
    expect(entraId).toMatch(/^[0-9a-f-]{36}$/);
    expect(cis2Id).toMatch(/^[0-9a-f-]{36}$/);
    const token = await admin.csrf('/admin/sign-in/providers/new');
    const bad = await admin.post('/admin/sign-in/providers/new', {
      _csrf: token,
      kind: 'entra-id',
      name: 'Broken',
      issuer: 'not a url',
      clientId: '',
      roleMap: 'Bridgework.Specialist => wizard',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter the issuer as a web address');
    const badMap = await admin.post('/admin/sign-in/providers/new', {
      _csrf: token,
      kind: 'entra-id',
      name: 'Broken',
      issuer: provider.issuer,
      clientId: 'x',
      roleMap: 'Bridgework.Specialist = wizard',
    });
    expect(badMap.statusCode).toBe(400);
    expect(badMap.body).toContain('Each line of the role mapping must end with a Bridgework role');
    const list = await admin.get('/admin/sign-in');
    expect(list.body).not.toContain('Broken');
    expect(list.body).toContain('Leicester council staff');
    expect(list.body).toContain('/oidc/jwks');

    const page = await admin.get(`/admin/sign-in/providers/${cis2Id}`);
    expect(page.body).toContain('R8000 = referrer');
    expect(page.body).toContain(backChannelLogoutPath(cis2Id));

    const welsh = await admin.get('/admin/sign-in', { cookie: `${[...admin.jar].map(([k, v]) => `${k}=${v}`).join('; ')}; lang=cy` });
    expect(welsh.statusCode).toBe(200);

    // The sign-in page offers both providers.
    const signIn = await browser(t.app).get('/sign-in');
    expect(signIn.body).toContain('Sign in with Leicester council staff');
    expect(signIn.body).toContain(`/sign-in/oidc/${cis2Id}`);
  });
});

describe('Entra-shaped sign-in', () => {
  test('an unknown subject is refused with a reference; once the admin links it, app roles map to Bridgework roles', async () => {
    const b = browser(t.app);
    const unknown = await signInThrough(b, entraId, entraAccount('entra-sam', ['Bridgework.Specialist']));
    expect(unknown.statusCode).toBe(403);
    expect(unknown.body).toContain('not linked to a Bridgework account yet');
    expect(unknown.body).toContain('entra-sam');
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'no staff account is linked to this provider identity' });

    // The email matches a staff account, but email alone never links.
    expect(unknown.body).not.toContain('/home');
    await link('specialist@leicester.bridgework.example', entraId, 'entra-sam');
    const ok = await signInThrough(b, entraId, entraAccount('entra-sam', ['Bridgework.TeamLead', 'Bridgework.Specialist', 'Other.Role']));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/home');
    const home = await b.get('/home');
    expect(home.statusCode).toBe(200);
    expect(await rolesOf('specialist@leicester.bridgework.example')).toEqual(['specialist', 'team-lead']);
    expect(await lastAudit('user.sign-in')).toMatchObject({ reason: 'signed in through Leicester council staff' });
  });

  test('a person whose app roles map to nothing is refused with a clear page', async () => {
    const res = await signInThrough(browser(t.app), entraId, entraAccount('entra-sam', ['Some.Other.App']));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('does not have a role that lets you use Bridgework');
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'no Bridgework role is mapped from the provider roles' });
  });
});

describe('CIS2-shaped sign-in', () => {
  beforeAll(async () => {
    await link('referrer@leicester.bridgework.example', cis2Id, 'cis2-priya');
  });

  test('the selected role is the one mapped, by a part of its code or the whole code', async () => {
    const b = browser(t.app);
    expect((await signInThrough(b, cis2Id, cis2Account('cis2-priya'))).headers.location).toBe('/home');
    expect(await rolesOf('referrer@leicester.bridgework.example')).toEqual(['referrer']);
    const other = await signInThrough(browser(t.app), cis2Id, cis2Account('cis2-priya', { selected_roleid: '555021937104' }));
    expect(other.statusCode).toBe(303);
    expect(await rolesOf('referrer@leicester.bridgework.example')).toEqual(['team-lead']);
    expect(await lastAudit('user.roles-from-provider')).toMatchObject({ record_id: await userId('referrer@leicester.bridgework.example') });
  });

  test.each([
    ['identity assurance below 3', { id_assurance_level: '2' }, 'Your identity has not been checked to the level'],
    ['authentication assurance below the tenant’s 3', { authentication_assurance_level: '2' }, 'Bridgework needs a stronger way of signing in'],
    ['no identity assurance at all', { id_assurance_level: undefined }, 'did not say how well your identity has been checked'],
    ['a user with no roles', { nhsid_nrbac_roles: [] }, 'is not one of your roles'],
    [
      'a selected role that is not mapped',
      { selected_roleid: 'x', nhsid_nrbac_roles: [{ person_roleid: 'x', role_code: 'S9:G9:R9' }] },
      'does not have a role',
    ],
  ])('%s is refused', async (_name, overrides, message) => {
    const account = cis2Account('cis2-priya', overrides);
    // An undefined override removes the claim.
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete account.claims[k];
    const res = await signInThrough(browser(t.app), cis2Id, account);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(message);
  });
});

describe('state, nonce and keys', () => {
  test('a replayed state is refused, and audited', async () => {
    const b = browser(t.app);
    const callback = await toCallback(b, entraId, entraAccount('entra-sam', ['Bridgework.Specialist']));
    expect((await b.get(callback)).statusCode).toBe(303);
    const replay = await browser(t.app).get(callback);
    expect(replay.statusCode).toBe(403);
    expect(replay.body).toContain('already been used');
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'unknown or already used sign-in state' });
  });

  test('an ID token whose nonce is not the one sent is refused', async () => {
    const b = browser(t.app);
    const callback = await toCallback(b, entraId, entraAccount('entra-sam', ['Bridgework.Specialist']));
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.updateTable('oidc_login_states').set({ nonce: 'not-the-nonce-we-sent' }).execute());
    const res = await b.get(callback);
    expect(res.statusCode).toBe(403);
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'ID token nonce does not match the sign-in' });
  });

  test('an expired state is refused', async () => {
    const b = browser(t.app);
    const callback = await toCallback(b, entraId, entraAccount('entra-sam', ['Bridgework.Specialist']));
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx
        .updateTable('oidc_login_states')
        .set({ expires_at: new Date(t.clock.now().getTime() - 1000) })
        .execute(),
    );
    const res = await b.get(callback);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You took too long');
  });

  test('client assertions go to the token endpoint; after a rotation the new key signs and both are published until the old one retires', async () => {
    const before = provider.assertions.at(-1);
    expect(before?.payload.aud).toBe(`${provider.issuer}/token`);
    expect(before?.payload.iss).toBe(provider.clientId);
    expect(before?.payload.sub).toBe(provider.clientId);
    expect(before?.header.alg).toBe('RS512');
    const oldKid = String(before?.header.kid);

    const { keys } = t.services.oidc;
    // A planned rotation: the new key is published at once and signs only once providers have fetched it.
    const newKid = await keys.rotate();
    const jwks = (await t.app.inject({ url: '/oidc/jwks' })).json() as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual([oldKid, newKid].sort());
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    expect((await signInThrough(browser(t.app), entraId, entraAccount('entra-sam', ['Bridgework.Specialist']))).statusCode).toBe(303);
    expect(provider.assertions.at(-1)?.header.kid).toBe(oldKid);
    t.clock.advance(PUBLISH_LEAD_SECONDS * 1000);
    expect((await keys.signing()).kid).toBe(newKid);
    t.clock.advance(-PUBLISH_LEAD_SECONDS * 1000);

    // An urgent rotation signs at once: a provider holding our old key set refuses until it fetches again.
    t.clock.advance(1000);
    const urgentKid = await keys.rotate({ immediately: true });
    expect((await signInThrough(browser(t.app), entraId, entraAccount('entra-sam', ['Bridgework.Specialist']))).statusCode).toBe(403);
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'the provider’s response could not be checked' });
    await provider.expireClientKeys();
    expect((await signInThrough(browser(t.app), entraId, entraAccount('entra-sam', ['Bridgework.Specialist']))).statusCode).toBe(303);
    expect(provider.assertions.at(-1)?.header.kid).toBe(urgentKid);

    await expect(keys.retire(urgentKid)).rejects.toThrow(/rotate first/);
    await keys.retire(oldKid);
    const after = (await t.app.inject({ url: '/oidc/jwks' })).json() as { keys: { kid: string }[] };
    expect(after.keys.map((k) => k.kid).sort()).toEqual([newKid, urgentKid].sort());
  });
});

describe('back-channel logout', () => {
  const sessionsOf = async (email: string) => {
    const id = await userId(email);
    return t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('sessions').select(['id_hash', 'provider_id', 'provider_sid']).where('user_id', '=', id).execute(),
    );
  };
  const logout = (providerId: string, token: string) =>
    t.app.inject({
      method: 'POST',
      url: backChannelLogoutPath(providerId),
      payload: `logout_token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  test('a valid logout token for the subject ends that person’s sessions; a bad one ends nothing', async () => {
    const b = browser(t.app);
    expect((await signInThrough(b, entraId, entraAccount('entra-sam', ['Bridgework.Specialist']))).statusCode).toBe(303);
    expect((await b.get('/home')).statusCode).toBe(200);
    const sessions = await sessionsOf('specialist@leicester.bridgework.example');
    expect(sessions.some((s) => s.provider_id === entraId && s.provider_sid)).toBe(true);

    for (const bad of [
      provider.logoutToken({ sub: 'entra-sam' }, { aud: 'someone-else' }),
      provider.logoutToken({ sub: 'entra-sam' }, { events: undefined }),
      provider.logoutToken({ sub: 'entra-sam' }, { nonce: 'n' }),
      provider.logoutToken({ sub: 'entra-sam' }, { iat: Math.floor(Date.now() / 1000) - 3600 }),
      `${provider.logoutToken({ sub: 'entra-sam' }).slice(0, -4)}AAAA`,
    ]) {
      const res = await logout(entraId, bad);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect((await b.get('/home')).statusCode).toBe(200);

    const res = await logout(entraId, provider.logoutToken({ sub: 'entra-sam' }));
    expect(res.statusCode).toBe(200);
    expect((await sessionsOf('specialist@leicester.bridgework.example')).filter((s) => s.provider_id === entraId)).toEqual([]);
    const after = await b.get('/home');
    expect(after.statusCode).toBe(303);
    expect(await lastAudit('user.sign-out')).toMatchObject({ reason: "Leicester council staff ended the person's session (back-channel logout)" });
  });

  test('a logout token with only the provider session id ends that session', async () => {
    const other = browser(t.app);
    expect((await signInThrough(other, cis2Id, cis2Account('cis2-priya'))).statusCode).toBe(303);
    const before = new Set((await sessionsOf('referrer@leicester.bridgework.example')).map((s) => s.id_hash));
    const b = browser(t.app);
    expect((await signInThrough(b, cis2Id, cis2Account('cis2-priya'))).statusCode).toBe(303);
    const session = (await sessionsOf('referrer@leicester.bridgework.example')).find((s) => !before.has(s.id_hash));
    expect(session?.provider_sid).toBeTruthy();
    const res = await logout(cis2Id, provider.logoutToken({ sid: String(session?.provider_sid) }));
    expect(res.statusCode).toBe(200);
    expect((await b.get('/home')).statusCode).toBe(303);
    // The person's other session, from another sign-in at the provider, goes on.
    expect((await other.get('/home')).statusCode).toBe(200);
  });
});

describe('links, disabled accounts and providers switched off', () => {
  test('removing a link ends the sessions it started, and the next sign-in is refused as unknown', async () => {
    await link('team-lead@leicester.bridgework.example', entraId, 'entra-helen');
    const b = browser(t.app);
    expect((await signInThrough(b, entraId, entraAccount('entra-helen', ['Bridgework.TeamLead']))).statusCode).toBe(303);
    const id = await userId('team-lead@leicester.bridgework.example');
    const page = await admin.get(`/admin/staff/${id}`);
    expect(page.body).toContain('entra-helen');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect((await admin.post(`/admin/staff/${id}/identity/${entraId}/remove`, { _csrf: token })).statusCode).toBe(303);
    expect((await b.get('/home')).statusCode).toBe(303);
    const again = await signInThrough(browser(t.app), entraId, entraAccount('entra-helen', ['Bridgework.TeamLead']));
    expect(again.body).toContain('not linked to a Bridgework account yet');
  });

  test('an identity already linked to one account cannot be linked to another', async () => {
    await link('team-lead@leicester.bridgework.example', entraId, 'entra-helen');
    const id = await userId('commissioner@leicester.bridgework.example');
    const token = await admin.csrf(`/admin/staff/${id}/identity`);
    const res = await admin.post(`/admin/staff/${id}/identity`, { _csrf: token, providerId: entraId, subject: 'entra-helen' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('This identity is already linked to a staff account');
    const empty = await admin.post(`/admin/staff/${id}/identity`, { _csrf: token, providerId: '', subject: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
  });

  test('a disabled account is refused', async () => {
    const id = await userId('team-lead@leicester.bridgework.example');
    let token = await admin.csrf(`/admin/staff/${id}`);
    await admin.post(`/admin/staff/${id}/disable`, { _csrf: token });
    const res = await signInThrough(browser(t.app), entraId, entraAccount('entra-helen', ['Bridgework.TeamLead']));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Your Bridgework account has been switched off');
    token = await admin.csrf(`/admin/staff/${id}`);
    await admin.post(`/admin/staff/${id}/enable`, { _csrf: token });
  });

  test('a provider switched off is not offered, and its start link says so', async () => {
    const token = await admin.csrf(`/admin/sign-in/providers/${entraId}`);
    const form = {
      _csrf: token,
      kind: 'entra-id',
      name: 'Leicester council staff',
      issuer: provider.issuer,
      clientId: provider.clientId,
      roleMap: 'Bridgework.Specialist = specialist\nBridgework.TeamLead = team-lead',
    };
    expect((await admin.post(`/admin/sign-in/providers/${entraId}`, { ...form, enabled: 'no' })).statusCode).toBe(303);
    expect((await browser(t.app).get('/sign-in')).body).not.toContain(`/sign-in/oidc/${entraId}`);
    const start = await browser(t.app).get(`/sign-in/oidc/${entraId}`);
    expect(start.statusCode).toBe(404);
    expect(start.body).toContain('This sign-in link does not work');
    expect((await admin.post(`/admin/sign-in/providers/${entraId}`, { ...form, enabled: 'yes' })).statusCode).toBe(303);
  });
});

describe('local passwords', () => {
  test('a tenant that allows only its providers refuses a right password, and can allow passwords again', async () => {
    let token = await admin.csrf('/admin/sign-in');
    expect((await admin.post('/admin/sign-in/local', { _csrf: token })).statusCode).toBe(400);
    expect((await admin.post('/admin/sign-in/local', { _csrf: token, localSignIn: 'no' })).statusCode).toBe(303);
    const refused = await browser(t.app).signIn('team-lead@leicester.bridgework.example');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your organisation signs in with its own accounts');
    expect(await lastAudit('user.sign-in-refused')).toMatchObject({ reason: 'local passwords are not allowed in this tenant' });
    // Another tenant is not affected.
    expect((await browser(t.app).signIn('team-lead@cardiff.bridgework.example')).statusCode).toBe(303);

    token = await admin.csrf('/admin/sign-in');
    expect((await admin.post('/admin/sign-in/local', { _csrf: token, localSignIn: 'yes' })).statusCode).toBe(303);
    expect((await browser(t.app).signIn('team-lead@leicester.bridgework.example')).statusCode).toBe(303);
  });
});
