import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
    const runner = createJobRunner({ db: t.testDb.db, clock: t.clock, handlers: t.services.jobHandlers });
    expect(await runner.runDue()).toMatchObject({ done: 1 });
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
});
