import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createServices } from '../../src/services.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';

/*
 * Verified sessions and tokens are remembered for AUTH_CACHE_SECONDS (5 by default, ADR 0020). A
 * revocation on the node that made it takes effect at once; on another node over the same
 * database, within those seconds. The clock is injected: nothing here sleeps.
 */
let t: TestApp;
let other: Awaited<ReturnType<typeof createApp>>;
beforeAll(async () => {
  t = await createTestApp();
  // A second app node: its own services (and caches) over the same database and clock.
  const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db: t.testDb.db, clock: t.clock });
  other = await createApp(services, { logger: false });
  await other.ready();
}, 120_000);
afterAll(async () => {
  await other.close();
  await t.close();
});

describe('verified sessions and tokens', () => {
  test('a sign-out ends the session at once on its node, and within five seconds on another', async () => {
    const here = browser(t.app);
    await here.signIn('specialist@leicester.bridgework.example');
    const there = browser(other);
    there.jar.set('bw_session', here.jar.get('bw_session') ?? '');
    expect((await here.get('/home')).statusCode).toBe(200);
    expect((await there.get('/home')).statusCode).toBe(200);

    const token = await here.csrf('/home');
    await here.post('/sign-out', { _csrf: token });
    const start = t.clock.now();
    try {
      // This node forgot the session as it ended it.
      const same = browser(t.app);
      same.jar.set('bw_session', there.jar.get('bw_session') ?? '');
      expect((await same.get('/home')).statusCode).toBe(303);
      // The other node trusts what it verified for at most five seconds.
      t.clock.advance(4_000);
      expect((await there.get('/home')).statusCode).toBe(200);
      t.clock.advance(1_000);
      expect((await there.get('/home')).statusCode).toBe(303);
    } finally {
      t.clock.set(start);
    }
  });

  test('a disabled account is refused at once on the node that disabled it', async () => {
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    expect((await specialist.get('/home')).statusCode).toBe(200);
    const id = (
      await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        tx.selectFrom('users').select('id').where('email', '=', 'specialist@leicester.bridgework.example').executeTakeFirstOrThrow(),
      )
    ).id;
    await t.services.staff.setDisabled(t.tenants.leicester, { kind: 'system', id: 'test' }, id, true);
    try {
      expect((await specialist.get('/home')).statusCode).toBe(303);
    } finally {
      await t.services.staff.setDisabled(t.tenants.leicester, { kind: 'system', id: 'test' }, id, false);
    }
  });

  test('a revoked client’s token is refused within five seconds', async () => {
    const token = await bearerToken(t, 'E06000016', 'organisations:read');
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/v1/organisations', headers: auth })).statusCode).toBe(200);
    const start = t.clock.now();
    // Revoked in the database, as an operator would: no node is told.
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.updateTable('oauth_clients').set({ revoked_at: t.clock.now() }).where('name', '=', 'test client organisations:read').execute(),
    );
    try {
      t.clock.advance(4_000);
      expect((await t.app.inject({ url: '/api/v1/organisations', headers: auth })).statusCode).toBe(200);
      t.clock.advance(1_000);
      expect((await t.app.inject({ url: '/api/v1/organisations', headers: auth })).statusCode).toBe(401);
    } finally {
      t.clock.set(start);
    }
  });
});
