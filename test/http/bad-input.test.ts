import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OrganisationTables } from '../../src/domains/organisations/index.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';

// Every route, every kind of caller, a spread of hostile input: nothing may answer 500, and
// nothing may change.
let t: TestApp;
let token: string;
let staff: ReturnType<typeof browser>;
let csrf: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await bearerToken(t, 'E06000016', 'organisations:read organisations:write referrals:read referrals:write');
  staff = browser(t.app);
  await staff.signIn('tenant-admin@leicester.bridgework.example');
  csrf = await staff.csrf('/organisations/new');
}, 300_000);
afterAll(() => t.close());

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  '\u0000',
  '%00',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '😀🏴󠁧󠁢󠁷󠁬󠁳󠁿',
  '{{ 7*7 }}',
  '-1',
  '1e309',
  'null',
];
const JSON_BODIES = [
  '{',
  '[]',
  'null',
  '"text"',
  '123',
  '{"name":null,"kind":[]}',
  '{"name":{"$gt":""},"kind":"employer"}',
  JSON.stringify({ name: 'x'.repeat(100_000), kind: 'employer' }),
];

const fill = (url: string, value: string) => url.replace(/:(\w+)/g, () => encodeURIComponent(value)).replace(/\*$/, encodeURIComponent(value));

async function counts() {
  const c = async (tenant: string) =>
    t.testDb.db.inTenant(tenant, async (tx) => ({
      organisations: (await tx.withTables<OrganisationTables>().selectFrom('organisations').select('id').execute()).length,
      users: (await tx.selectFrom('users').select('id').execute()).length,
      clients: (await tx.selectFrom('oauth_clients').select('id').execute()).length,
    }));
  return { leicester: await c(t.tenants.leicester), cardiff: await c(t.tenants.cardiff) };
}

describe('bad input on every route', () => {
  test('the app has the routes we expect to probe', () => {
    expect(t.app.registeredRoutes.length).toBeGreaterThan(20);
  });

  test('no route answers 500, whoever calls it with whatever', async () => {
    const before = await counts();
    const failures: string[] = [];
    let requests = 0;
    const bodiesSent = new Map<string, Set<string>>();
    const check = (label: string, status: number) => {
      requests++;
      if (status >= 500) failures.push(`${label} → ${status}`);
    };
    // Signing out would end the staff session the other routes are probed with: do it last.
    const routes = [...t.app.registeredRoutes].sort((a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'));
    for (const [r, route] of routes.entries()) {
      if (route.url.startsWith('/assets/')) continue;
      for (const [v, value] of NASTY_STRINGS.entries()) {
        const url = `${fill(route.url, value)}?return=${encodeURIComponent(value)}&lang=${encodeURIComponent(value)}`;
        // A system client with JSON. Every hostile value reaches every route (in the path, the query
        // and the idempotency key), and so does every hostile body, but not every pair of them on
        // every route: value v goes with body (v + r) mod 8, so each route gets all 8 bodies (there
        // are more values than bodies) and each value meets every body on some routes (ADR 0069).
        for (const body of route.method === 'GET' ? [undefined] : [JSON_BODIES[(v + r) % JSON_BODIES.length]]) {
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': value || 'k' },
            ...(body === undefined ? {} : { payload: body }),
          });
          check(`client ${route.method} ${url} ${body?.slice(0, 40)}`, res.statusCode);
          if (body !== undefined) bodiesSent.set(`${route.method} ${route.url}`, (bodiesSent.get(`${route.method} ${route.url}`) ?? new Set()).add(body));
        }
        // A signed-in member of staff with a form, with and without a valid CSRF token.
        const form = { _csrf: csrf, name: value, kind: value, email: value, password: value, code: value, return: value };
        const page = route.method === 'GET' ? await staff.get(url) : await staff.post(url, form);
        check(`staff ${route.method} ${url}`, page.statusCode);
        if (route.method !== 'GET') check(`staff no-csrf ${route.method} ${url}`, (await staff.post(url, { ...form, _csrf: value })).statusCode);
        // Nobody, with a mangled session cookie and bearer header.
        const anon = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: `bw_session=${encodeURIComponent(value)}; bw_lang=${encodeURIComponent(value)}`, authorization: `Bearer ${value}` },
        });
        check(`anonymous ${route.method} ${url}`, anon.statusCode);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
    // Every route that takes a body was sent every hostile body.
    const short = [...bodiesSent].filter(([, sent]) => sent.size !== JSON_BODIES.length).map(([route]) => route);
    expect(short).toEqual([]);
    expect(bodiesSent.size).toBeGreaterThan(20);
    // Sign-in tries are audited, but no organisation, account or client appeared or vanished.
    expect(await counts()).toEqual(before);
  }, 900_000);
});

describe('bodies refused at the edge, before any handler', () => {
  const uuid = '00000000-0000-4000-8000-000000000000';
  const writes = () => t.app.registeredRoutes.filter((r) => r.method !== 'GET' && !r.url.startsWith('/assets/'));
  // What an attack sent: about 7,700 levels in 15 KB.
  const deep = `${'['.repeat(7700)}${']'.repeat(7700)}`;

  test('JSON nested thousands of levels deep is a 400 with a clear body on every route, signed in or not', async () => {
    const before = await counts();
    const answers: string[] = [];
    for (const route of writes()) {
      for (const authorization of [undefined, `Bearer ${token}`]) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: fill(route.url, uuid),
          headers: {
            'content-type': route.url.startsWith('/fhir') ? 'application/fhir+json' : 'application/json',
            ...(authorization ? { authorization } : {}),
          },
          payload: deep,
        });
        if (res.statusCode !== 400) answers.push(`${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(answers).toEqual([]);
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 400, type: 'urn:bridgework:problem:bad-request', detail: 'The body is nested more than 64 levels deep' });
    const fhir = await t.app.inject({ method: 'POST', url: '/fhir/Task', headers: { 'content-type': 'application/fhir+json' }, payload: deep });
    expect(fhir.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure' }] });
    expect(fhir.json().issue[0].diagnostics).toContain('nested');
    const deepPage = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(deepPage.statusCode).toBe(400);
    expect(deepPage.body).toContain('nested more than 64 levels');
    expect(await counts()).toEqual(before);
  });

  test('nesting within the limit still reaches the handler', async () => {
    const nested = `{"name":"Deep Ltd","kind":"employer","x":${'['.repeat(60)}${']'.repeat(60)}}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: nested,
    });
    expect(res.statusCode).not.toBe(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  test('a lone surrogate in a JSON API body is a 422 naming the field, and writes nothing', async () => {
    const before = await counts();
    for (const payload of ['{"name":"Lone \\ud800 Ltd","kind":"employer"}', JSON.stringify({ name: 'Lone \udfff Ltd', kind: 'employer' })]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ issues: [{ path: 'body.name', message: expect.stringContaining('well-formed Unicode') }] });
    }
    // In a member name too; a surrogate pair (an emoji) is ordinary text.
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"name":"Pair 😀 Ltd","kind":"employer","x":{"\\ud800":1}}',
    });
    expect(key.statusCode).toBe(422);
    expect(key.json().issues[0].path).toBe('body.x.\ufffd');
    expect(await counts()).toEqual(before);
  });

  test('a lone surrogate sent to a web referral draft is a 4xx with the error summary on that field, in Welsh too', async () => {
    const person = browser(t.app);
    const csrfP = await person.csrf('/self-referral');
    await person.post('/self-referral', { _csrf: csrfP, tenantId: t.tenants.leicester });
    const form = await person.csrf('/self-referral/name');
    const cookie = [...person.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (extra: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/self-referral/name',
        headers: { cookie, 'content-type': 'application/json', ...extra },
        payload: `{"_csrf":"${form}","givenName":"Sam\\ud800","familyName":"Jones"}`,
      });
    const res = await send();
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#givenName"');
    expect(res.body).toContain('well-formed Unicode');
    const welsh = await send({ cookie: `${cookie}; bw_lang=cy` });
    expect(welsh.statusCode).toBe(422);
    expect(welsh.body).toContain('Unicode dilys');
    const drafts = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.withTables<{ referral_drafts: { answers: unknown } }>().selectFrom('referral_drafts').select('answers').execute(),
    );
    expect(JSON.stringify(drafts)).not.toContain('Sam');
  });
});
