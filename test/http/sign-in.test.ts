import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { totpCode, totpStep } from '../../src/platform/auth/index.ts';
import { DEMO_PASSWORD } from '../../src/seed.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '10' });
}, 120_000);
afterAll(() => t.close());

const auditActions = async (tenantId: string) =>
  (await t.testDb.db.inTenant(tenantId, (tx) => tx.selectFrom('audit_events').select('action').orderBy('pos').execute())).map((r) => r.action);

describe('staff sign-in', () => {
  test('a right password signs in with a new session id, and the home page shows the role', async () => {
    const b = browser(t.app);
    // A session id planted before sign-in (session fixation) is never adopted.
    const planted = `${t.tenants.leicester}.${'a'.repeat(43)}`;
    b.jar.set('bw_session', planted);
    const res = await b.signIn('specialist@leicester.bridgework.example');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/home');
    const session = b.jar.get('bw_session');
    expect(session).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(session).not.toBe(planted);
    const cookie = res.cookies.find((c) => c.name === 'bw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const home = await b.get('/home');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Employment specialist');
    // Each sign-in gets its own id.
    const other = browser(t.app);
    await other.signIn('specialist@leicester.bridgework.example');
    expect(other.jar.get('bw_session')).not.toBe(session);
    expect(await auditActions(t.tenants.leicester)).toContain('user.sign-in');
  });

  test('a wrong password gets the GOV.UK error summary, changes nothing and is audited', async () => {
    const b = browser(t.app);
    const res = await b.signIn('referrer@leicester.bridgework.example', 'not-the-password');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<title>Error: Sign in to Bridgework');
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#email"');
    expect(b.jar.has('bw_session')).toBe(false);
    expect(await auditActions(t.tenants.leicester)).toContain('user.sign-in-failed');
  });

  test('an empty form gets a message for each field, in Welsh when Welsh is chosen', async () => {
    const b = browser(t.app);
    await b.get('/language/cy?return=/sign-in');
    const token = await b.csrf('/sign-in');
    const res = await b.post('/sign-in', { _csrf: token, email: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="cy"');
    expect(res.body).toContain('Rhowch eich cyfeiriad e-bost');
    expect(res.body).toContain('Rhowch eich cyfrinair');
  });

  test('a form without its CSRF token is refused', async () => {
    const b = browser(t.app);
    await b.get('/sign-in');
    const res = await b.post('/sign-in', { email: 'referrer@leicester.bridgework.example', password: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Your form could not be sent');
  });

  test('wrong passwords slow down only the address they come from, with growing delays; the right password from elsewhere always works', async () => {
    const email = 'team-lead@cardiff.bridgework.example';
    const attacker = browser(t.app, { remoteAddress: '203.0.113.7' });
    // Three free tries, then a wait that doubles with each failure, up to 15 minutes.
    for (let i = 0; i < 3; i++) expect((await attacker.signIn(email, `wrong-${i}`)).statusCode).toBe(400);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const refused = await attacker.signIn(email, `wrong-again-${i}`);
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain('govuk-error-summary');
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      // The holder, from their own address, is never kept out.
      const fromHolder = await browser(t.app, { remoteAddress: '198.51.100.20' }).signIn(email);
      expect(fromHolder.statusCode).toBe(303);
      t.clock.advance(wait * 1000);
      expect((await attacker.signIn(email, `wrong-after-wait-${i}`)).statusCode).toBe(400);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]);
    // Even the right password waits at the failing address; the wait is said in words.
    const held = await attacker.signIn(email);
    expect(held.statusCode).toBe(429);
    expect(held.body).toContain('15 minutes');
    expect(await auditActions(t.tenants.cardiff)).toEqual(expect.arrayContaining(['user.sign-in-failed', 'user.sign-in-throttled']));
    t.clock.advance(900_000);
    expect((await attacker.signIn(email)).statusCode).toBe(303);
    // Signing in cleared that address's delays: a slip straight after is not held against it.
    const later = browser(t.app, { remoteAddress: '203.0.113.7' });
    expect((await later.signIn(email, 'wrong-once-more')).statusCode).toBe(400);
    expect((await later.signIn(email)).statusCode).toBe(303);
  }, 180_000);

  test('an address failing across many accounts is slowed down, and only that address', async () => {
    const sprayer = browser(t.app, { remoteAddress: '203.0.113.99' });
    // One guess each at thirty accounts, real or not: each account's own count stays low.
    for (let i = 0; i < 30; i++) expect((await sprayer.signIn(`someone-${i}@leicester.bridgework.example`, `spray-${i}`)).statusCode).toBe(400);
    expect((await sprayer.signIn('referrer@leicester.bridgework.example')).statusCode).toBe(429);
    expect((await browser(t.app, { remoteAddress: '198.51.100.21' }).signIn('referrer@leicester.bridgework.example')).statusCode).toBe(303);
    t.clock.advance(3_600_000);
  }, 180_000);

  test('the account holder is told of repeated failures once per burst, in their language', async () => {
    const email = 'ig-lead@cardiff.bridgework.example';
    await t.testDb.db.inTenant(t.tenants.cardiff, (tx) => tx.updateTable('users').set({ preferred_language: 'cy' }).where('email', '=', email).execute());
    const notices = async () =>
      t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
        tx
          .selectFrom('notifications_outbox')
          .select(['subject', 'language'])
          .where('recipient', '=', email)
          .where('template', '=', 'sign-in-failures')
          .execute(),
      );
    // A spread of addresses, each failing once: none is slowed, but the account sees the burst.
    const failFrom = async (n: number, from: number) => {
      for (let i = 0; i < n; i++) expect((await browser(t.app, { remoteAddress: `192.0.2.${from + i}` }).signIn(email, 'guess')).statusCode).toBe(400);
    };
    await failFrom(9, 1);
    expect(await notices()).toHaveLength(0);
    await failFrom(1, 10);
    expect(await notices()).toEqual([{ subject: 'Mae rhywun yn ceisio mewngofnodi i’ch cyfrif Bridgework', language: 'cy' }]);
    await failFrom(20, 11);
    expect(await notices()).toHaveLength(1);
    // The right password still works, and the burst is not forgotten by it.
    expect((await browser(t.app, { remoteAddress: '198.51.100.30' }).signIn(email)).statusCode).toBe(303);
    await failFrom(5, 40);
    expect(await notices()).toHaveLength(1);
    // After an hour's quiet, a new burst is a new notice.
    t.clock.advance(3_600_001);
    await failFrom(10, 60);
    expect(await notices()).toHaveLength(2);
  }, 180_000);

  test('an idle session ends after the idle timeout, and every session ends at the absolute limit', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@cardiff.bridgework.example');
    t.clock.advance(29 * 60_000);
    expect((await b.get('/home')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await b.get('/home')).statusCode).toBe(303);

    await b.signIn('referrer@cardiff.bridgework.example');
    for (let i = 0; i < 21; i++) {
      t.clock.advance(29 * 60_000);
      await b.get('/home');
    }
    const res = await b.get('/home');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?return=%2Fhome');
  });

  test('sign-out ends the session', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@leicester.bridgework.example');
    const token = await b.csrf('/home');
    const res = await b.post('/sign-out', { _csrf: token });
    expect(res.headers.location).toBe('/sign-in?signed-out=1');
    expect((await b.get('/home')).statusCode).toBe(303);
  });

  test('a tenant can make the second factor mandatory: set-up, then a code at every sign-in', async () => {
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@cardiff.bridgework.example');
    const securityToken = await admin.csrf('/admin/security');
    expect((await admin.post('/admin/security', { _csrf: securityToken })).statusCode).toBe(400);
    expect((await admin.post('/admin/security', { _csrf: securityToken, requireMfa: 'yes' })).headers.location).toBe('/admin/security?saved=1');
    // It applies at once, to the administrator too.
    expect((await admin.get('/home')).statusCode).toBe(303);
    const b = browser(t.app);
    const first = await b.signIn('specialist@cardiff.bridgework.example');
    expect(first.headers.location).toBe('/account/authenticator');
    expect((await b.get('/home')).statusCode).toBe(303);
    const setup = await b.get('/account/authenticator');
    const secret = /class="app-secret"[^>]*>([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '') ?? '';
    expect(secret).toHaveLength(32);
    const token = /name="_csrf" value="([^"]+)"/.exec(setup.body)?.[1] ?? '';
    const wrong = await b.post('/account/authenticator', { _csrf: token, code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const code = totpCode(secret, totpStep(t.clock.now()));
    const ok = await b.post('/account/authenticator', { _csrf: token, code });
    expect(ok.headers.location).toBe('/home?mfa=on');
    expect((await b.get('/home')).statusCode).toBe(200);
    // The change is notified through the outbox, in the same transaction.
    const jobs = await t.testDb.db.global((tx) => tx.selectFrom('jobs').select('name').where('name', '=', 'notify.send').execute());
    expect(jobs.length).toBeGreaterThan(0);

    const again = browser(t.app);
    const next = await again.signIn('specialist@cardiff.bridgework.example');
    expect(next.headers.location).toBe('/sign-in/code');
    const codeToken = await again.csrf('/sign-in/code');
    // The code just used cannot be used again.
    expect((await again.post('/sign-in/code', { _csrf: codeToken, code })).statusCode).toBe(400);
    t.clock.advance(30_000);
    const fresh = totpCode(secret, totpStep(t.clock.now()));
    const done = await again.post('/sign-in/code', { _csrf: codeToken, code: fresh });
    expect(done.headers.location).toBe('/home');
    expect((await again.get('/home')).statusCode).toBe(200);
    await t.services.staff.setRequireMfa(t.tenants.cardiff, { kind: 'system', id: 'test' }, false);
  });

  test('pages need the right role', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@leicester.bridgework.example');
    expect((await b.get('/organisations')).statusCode).toBe(403);
    expect((await b.get('/national')).statusCode).toBe(403);
    expect((await browser(t.app).get('/organisations')).statusCode).toBe(303);
  });

  test('a signed-in user changes their password: the current one is checked, other sessions end, and they are told', async () => {
    const email = 'team-lead@leicester.bridgework.example';
    const elsewhere = browser(t.app);
    await elsewhere.signIn(email);
    const b = browser(t.app);
    await b.signIn(email);
    const token = await b.csrf('/account/password');
    const wrong = await b.post('/account/password', { _csrf: token, current: 'not it', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The current password is not right');
    const same = await b.post('/account/password', { _csrf: token, current: DEMO_PASSWORD, password: DEMO_PASSWORD, confirm: DEMO_PASSWORD });
    expect(same.body).toContain('The new password must be different from the current one');
    const done = await b.post('/account/password', {
      _csrf: token,
      current: DEMO_PASSWORD,
      password: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(done.headers.location).toBe('/home?password=changed');
    expect((await b.get('/home')).statusCode).toBe(200);
    expect((await elsewhere.get('/home')).statusCode).toBe(303);
    expect((await browser(t.app).signIn(email)).statusCode).toBe(400);
    expect((await browser(t.app).signIn(email, 'a brand new passphrase')).headers.location).toBe('/home');
    const actions = await auditActions(t.tenants.leicester);
    expect(actions).toEqual(expect.arrayContaining(['user.password-change-refused', 'user.password-change']));
    const notices = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('notifications_outbox').select('subject').where('recipient', '=', email).execute(),
    );
    expect(notices.map((n) => n.subject)).toContain('Your Bridgework password has changed');
  });
});
