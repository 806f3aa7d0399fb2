import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let readToken: string;
let writeToken: string;
beforeAll(async () => {
  t = await createTestApp();
  readToken = await bearerToken(t, 'E06000016', 'organisations:read');
  writeToken = await bearerToken(t, 'E06000016', 'organisations:read organisations:write');
}, 120_000);
afterAll(() => t.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const count = async () => (await t.services.organisations.list(t.tenants.leicester)).length;

describe('OAuth 2.0 client credentials', () => {
  test('a client gets a bearer token for its scopes, by Basic auth or in the body', async () => {
    const { clientId, clientSecret } = await t.services.clients.createClient({
      gssCode: 'E06000016',
      name: 'GP system',
      scopes: 'referrals:read referrals:write',
    });
    const basic = Buffer.from(`${clientId}:${clientSecret}`).toString('base64');
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&scope=referrals:read',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'referrals:read' });
    expect(res.json()).toHaveProperty('access_token');
  });

  test.each([
    [{ grant_type: 'password', client_id: 'x', client_secret: 'y' }, 400, 'unsupported_grant_type'],
    [{ client_id: 'x', client_secret: 'y' }, 400, 'invalid_request'],
    [{ grant_type: 'client_credentials' }, 401, 'invalid_client'],
    [{ grant_type: 'client_credentials', client_id: 'bwc_unknown', client_secret: 'y' }, 401, 'invalid_client'],
  ])('a bad token request %j is %i %s', async (payload, status, error) => {
    const res = await t.app.inject({ method: 'POST', url: '/oauth/token', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error });
  });

  test('a wrong secret and a scope the client was not given are refused', async () => {
    const { clientId, clientSecret } = await t.services.clients.createClient({ gssCode: 'E06000016', name: 'Partner', scopes: 'organisations:read' });
    expect(
      (await t.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: 'wrong' } }))
        .statusCode,
    ).toBe(401);
    const scope = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'organisations:write' },
    });
    expect(scope.json()).toMatchObject({ error: 'invalid_scope' });
  });

  test('a token expires', async () => {
    const token = await bearerToken(t, 'E06000016', 'organisations:read');
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: auth(token) })).statusCode).toBe(200);
    t.clock.advance(3601_000);
    const res = await t.app.inject({ url: '/api/v1/organisations', headers: auth(token) });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    t.clock.advance(-3601_000);
  });
});

describe('/api/v1/organisations', () => {
  test('needs a token with the right scope', async () => {
    expect((await t.app.inject('/api/v1/organisations')).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: auth(readToken), payload: { name: 'A', kind: 'employer' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ status: 403, detail: 'The access token does not have the scope organisations:write' });
  });

  test('lists and reads organisations', async () => {
    const list = await t.app.inject({ url: '/api/v1/organisations', headers: auth(readToken) });
    const items = (list.json() as { items: { id: string; name: string }[] }).items;
    expect(items.map((i) => i.name)).toContain('Leicester Jobcentre');
    const one = await t.app.inject({ url: `/api/v1/organisations/${items[0]?.id}`, headers: auth(readToken) });
    expect(one.json()).toMatchObject({ id: items[0]?.id });
  });

  test.each([
    [{}, ['body.name', 'body.kind']],
    [{ name: '   ', kind: 'employer' }, ['body.name']],
    [{ name: 'X', kind: 'bakery' }, ['body.kind']],
    [{ name: 'x'.repeat(201), kind: 'employer' }, ['body.name']],
  ])('bad input %j is 422 with field issues and changes nothing', async (payload, paths) => {
    const before = await count();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: auth(writeToken), payload });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { issues: { path: string; message: string }[] };
    expect(body.issues.map((i) => i.path)).toEqual(paths);
    expect(body.issues.every((i) => !i.message.startsWith('organisations.'))).toBe(true);
    expect(await count()).toBe(before);
  });

  test('malformed JSON, a wrong content type and a bad id are 4xx problems, never 500', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...auth(writeToken), 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).not.toHaveProperty('stack');
    const type = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...auth(writeToken), 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(type.statusCode).toBe(415);
    const id = await t.app.inject({ url: '/api/v1/organisations/not-a-uuid', headers: auth(readToken) });
    expect(id.statusCode).toBe(422);
    expect(id.json()).toMatchObject({ issues: [{ path: 'params.id' }] });
    const missing = await t.app.inject({ url: `/api/v1/organisations/${crypto.randomUUID()}`, headers: auth(readToken) });
    expect(missing.statusCode).toBe(404);
  });

  test('creates, audits, and refuses a duplicate name with 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: auth(writeToken),
      payload: { name: 'Leicester Royal Infirmary', kind: 'employer' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string };
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').selectAll().where('record_id', '=', created.id).execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'organisation.create', actor_kind: 'client' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: auth(writeToken),
      payload: { name: 'Leicester Royal Infirmary', kind: 'employer' },
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('Idempotency-Key', () => {
  const post = (key: string, payload: object, token = writeToken) =>
    t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: { ...auth(token), 'idempotency-key': key }, payload });

  test('a retry replays the first response and creates nothing more', async () => {
    const before = await count();
    const first = await post('retry-1', { name: 'Idempotent Employer', kind: 'employer' });
    expect(first.statusCode).toBe(201);
    const second = await post('retry-1', { name: 'Idempotent Employer', kind: 'employer' });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await count()).toBe(before + 1);
  });

  test('the same key with a different body is 422', async () => {
    await post('retry-2', { name: 'Employer Two', kind: 'employer' });
    const res = await post('retry-2', { name: 'Employer Three', kind: 'employer' });
    expect(res.statusCode).toBe(422);
  });

  test('a retry while the first is still running is 409', async () => {
    const token = await bearerToken(t, 'E06000016', 'organisations:write');
    const principal = (await t.services.clients.authenticate(token))?.id ?? '';
    const payload = { name: 'Slow Employer', kind: 'employer' };
    const hash = t.services.idempotency.requestHash('POST', '/api/v1/organisations', payload);
    await t.services.idempotency.claim(t.tenants.leicester, `client:${principal}`, 'in-flight', hash);
    const res = await post('in-flight', payload, token);
    expect(res.statusCode).toBe(409);
    // Once the first request's lock has lapsed (it crashed), a retry may proceed.
    t.clock.advance(61_000);
    expect((await post('in-flight', payload, token)).statusCode).toBe(201);
  });

  test('keys are scoped per client: another client with the same key is a new request', async () => {
    const other = await bearerToken(t, 'E06000016', 'organisations:write');
    await post('shared-key', { name: 'Client A Employer', kind: 'employer' });
    const res = await post('shared-key', { name: 'Client B Employer', kind: 'employer' }, other);
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  test('a failed first request frees the key for a corrected retry', async () => {
    expect((await post('fix-me', { name: '', kind: 'employer' })).statusCode).toBe(422);
    expect((await post('fix-me', { name: 'Fixed Employer', kind: 'employer' })).statusCode).toBe(201);
  });

  test('the stored response commits with the change itself: a write that fails leaves nothing to replay', async () => {
    const principal = `client:${(await t.services.clients.authenticate(writeToken))?.id}`;
    const payload = { name: 'Half-done Employer', kind: 'employer' };
    const hash = t.services.idempotency.requestHash('POST', '/api/v1/organisations', payload);
    await t.services.idempotency.claim(t.tenants.leicester, principal, 'same-tx', hash);
    await expect(
      t.services.organisations.create(t.tenants.leicester, { kind: 'system', id: 'test' }, payload, {
        afterWrite: async (tx) => {
          await t.services.idempotency.completeIn(tx, principal, 'same-tx', { status: 201, body: '{}', contentType: 'application/json' });
          throw new Error('the node died before commit');
        },
      }),
    ).rejects.toThrow('the node died before commit');
    const row = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('idempotency_keys').select('state').where('key', '=', 'same-tx').executeTakeFirstOrThrow(),
    );
    expect(row.state).toBe('running');
    expect((await t.services.organisations.list(t.tenants.leicester)).map((o) => o.name)).not.toContain('Half-done Employer');
    // Once the lock lapses, the retry does the work once and stores its response.
    t.clock.advance(61_000);
    const res = await post('same-tx', payload);
    expect(res.statusCode).toBe(201);
    expect((await post('same-tx', payload)).headers['idempotent-replayed']).toBe('true');
  });

  test('an over-long key is refused', async () => {
    expect((await post('k'.repeat(256), { name: 'Long Key', kind: 'employer' })).statusCode).toBe(422);
  });
});
