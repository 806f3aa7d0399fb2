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
}, 120_000);
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
    const check = (label: string, status: number) => {
      requests++;
      if (status >= 500) failures.push(`${label} → ${status}`);
    };
    // Signing out would end the staff session the other routes are probed with: do it last.
    const routes = [...t.app.registeredRoutes].sort((a, b) => Number(a.url === '/sign-out') - Number(b.url === '/sign-out'));
    for (const route of routes) {
      if (route.url.startsWith('/assets/')) continue;
      for (const value of NASTY_STRINGS) {
        const url = `${fill(route.url, value)}?return=${encodeURIComponent(value)}&lang=${encodeURIComponent(value)}`;
        // A system client with JSON.
        for (const body of route.method === 'GET' ? [undefined] : JSON_BODIES) {
          const res = await t.app.inject({
            method: route.method as 'GET',
            url,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': value || 'k' },
            ...(body === undefined ? {} : { payload: body }),
          });
          check(`client ${route.method} ${url} ${body?.slice(0, 40)}`, res.statusCode);
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
    // Sign-in tries are audited, but no organisation, account or client appeared or vanished.
    expect(await counts()).toEqual(before);
  }, 300_000);
});
