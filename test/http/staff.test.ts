import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobsOf } from '../../src/capabilities.ts';
import { createJobRunner } from '../../src/platform/jobs/index.ts';
import { listOutbox } from '../../src/platform/notify/index.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const organisationId = async (tenantId: string, name: string) => (await t.services.organisations.list(tenantId)).find((o) => o.name === name)?.id ?? '';

describe('staff accounts', () => {
  test('an administrator adds a member of staff, who chooses a password from the emailed link and signs in', async () => {
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    const token = await admin.csrf('/admin/staff/new');

    const empty = await admin.post('/admin/staff/new', { _csrf: token });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Enter their full name',
      'Enter their email address',
      'Select the organisation they work for',
      'Select what they will do in Bridgework',
    ]) {
      expect(empty.body).toContain(message);
    }

    const form = {
      _csrf: token,
      displayName: 'Amira Hassan',
      email: 'Amira.Hassan@leicester.example',
      organisationId: await organisationId(t.tenants.leicester, 'Leicester IPS Employment Service'),
      role: 'specialist',
      language: 'en',
    };
    const added = await admin.post('/admin/staff/new', form);
    expect(added.statusCode).toBe(303);
    const list = await admin.get(added.headers.location as string);
    expect(list.body).toContain('Amira Hassan has been added');
    expect(list.body).toContain('amira.hassan@leicester.example');
    expect(list.body).toContain('Invited');

    // The invitation waits in the outbox until the worker delivers it (kept locally: no Notify).
    // The demo data queues messages of its own, so the worker is given room for all of them.
    const runner = createJobRunner({ db: t.testDb.db, clock: t.clock, handlers: jobsOf(t.services).handlers });
    expect(await runner.runDue(1000)).toMatchObject({ retried: 0, dead: 0 });
    const message = (await listOutbox(t.testDb.db, t.tenants.leicester)).find((m) => m.recipient === 'amira.hassan@leicester.example');
    expect(message).toMatchObject({ state: 'kept', subject: 'Your Bridgework account' });
    const link = /http:\/\/localhost:3000(\/account\/set-password\?token=\S+)/.exec(message?.body ?? '')?.[1] ?? '';
    expect(link).not.toBe('');

    const newcomer = browser(t.app);
    const page = await newcomer.get(link);
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const short = await newcomer.post(link, { _csrf: csrf, password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('The password must be at least 12 characters');
    const mismatch = await newcomer.post(link, { _csrf: csrf, password: 'correct horse battery', confirm: 'correct horse battery staple' });
    expect(mismatch.body).toContain('The passwords do not match');
    const chosen = await newcomer.post(link, { _csrf: csrf, password: 'correct horse battery', confirm: 'correct horse battery' });
    expect(chosen.headers.location).toBe('/sign-in?password-set=1');
    expect((await newcomer.signIn('amira.hassan@leicester.example', 'correct horse battery')).headers.location).toBe('/home');

    // The link works once.
    expect((await browser(t.app).get(link)).statusCode).toBe(404);
  });

  test('an email already used anywhere, or an organisation of another tenant, is refused and nothing is created', async () => {
    const before = (await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('users').select('id').execute())).length;
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    const token = await admin.csrf('/admin/staff/new');
    const base = { _csrf: token, displayName: 'Someone', role: 'referrer', organisationId: await organisationId(t.tenants.leicester, 'Leicester Jobcentre') };
    const taken = await admin.post('/admin/staff/new', { ...base, email: 'referrer@cardiff.bridgework.example' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('An account with this email address already exists');
    const foreign = await admin.post('/admin/staff/new', {
      ...base,
      email: 'new.person@leicester.example',
      organisationId: await organisationId(t.tenants.cardiff, 'Cardiff Jobcentre'),
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('Select the organisation they work for');
    expect((await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('users').select('id').execute())).length).toBe(before);
  });

  test('an expired or made-up link is a clear dead end', async () => {
    expect((await t.app.inject('/account/set-password?token=nonsense')).statusCode).toBe(404);
    const { userId } = await t.services.staff.invite(
      t.tenants.cardiff,
      { kind: 'system', id: 'test' },
      {
        displayName: 'Gwen Price',
        email: 'gwen.price@cardiff.example',
        organisationId: await organisationId(t.tenants.cardiff, 'Cardiff IPS Employment Service'),
        role: 'specialist',
        language: 'cy',
      },
    );
    expect(userId).toBeTruthy();
    const message = (await listOutbox(t.testDb.db, t.tenants.cardiff)).find((m) => m.recipient === 'gwen.price@cardiff.example');
    expect(message?.subject).toBe('Eich cyfrif Bridgework');
    const link = /(\/account\/set-password\?token=\S+)/.exec(message?.body ?? '')?.[1] ?? '';
    t.clock.advance(8 * 86_400_000);
    const res = await t.app.inject(link);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('This link has expired or has already been used');
    t.clock.advance(-8 * 86_400_000);
  });

  test('an administrator can disable an account (ending its sessions at once), enable it, and send a new password link', async () => {
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    expect((await specialist.get('/home')).statusCode).toBe(200);
    const specialistId = (
      await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        tx.selectFrom('users').select('id').where('email', '=', 'specialist@leicester.bridgework.example').executeTakeFirstOrThrow(),
      )
    ).id;

    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    const page = await admin.get(`/admin/staff/${specialistId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sam Okafor');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';

    const disabled = await admin.post(`/admin/staff/${specialistId}/disable`, { _csrf: token });
    expect(disabled.headers.location).toBe(`/admin/staff/${specialistId}?done=disabled`);
    expect((await specialist.get('/home')).statusCode).toBe(303);
    expect((await browser(t.app).signIn('specialist@leicester.bridgework.example')).statusCode).toBe(400);

    await admin.post(`/admin/staff/${specialistId}/enable`, { _csrf: token });
    expect((await browser(t.app).signIn('specialist@leicester.bridgework.example')).headers.location).toBe('/home');

    await admin.post(`/admin/staff/${specialistId}/password-link`, { _csrf: token });
    const link = (await listOutbox(t.testDb.db, t.tenants.leicester)).find((m) => m.recipient === 'specialist@leicester.bridgework.example');
    expect(link?.subject).toBe('Choose a new Bridgework password');

    const actions = (
      await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('audit_events').select('action').where('record_id', '=', specialistId).execute())
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.read', 'user.disable', 'user.enable', 'user.password-link-sent']));
  });

  test('an administrator cannot disable their own account, and a bad id is refused', async () => {
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@cardiff.bridgework.example');
    const selfId = (
      await t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
        tx.selectFrom('users').select('id').where('email', '=', 'tenant-admin@cardiff.bridgework.example').executeTakeFirstOrThrow(),
      )
    ).id;
    const page = await admin.get(`/admin/staff/${selfId}`);
    expect(page.body).not.toContain('/disable');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect((await admin.post(`/admin/staff/${selfId}/disable`, { _csrf: token })).statusCode).toBe(409);
    expect((await admin.get('/admin/staff/not-an-id')).statusCode).toBe(422);
    expect((await admin.get(`/admin/staff/${crypto.randomUUID()}`)).statusCode).toBe(404);
    // Another tenant's account is simply not there.
    const leicesterUser = (await t.testDb.db.inTenant(t.tenants.leicester, (tx) => tx.selectFrom('users').select('id').executeTakeFirstOrThrow())).id;
    expect((await admin.get(`/admin/staff/${leicesterUser}`)).statusCode).toBe(404);
  });
});
