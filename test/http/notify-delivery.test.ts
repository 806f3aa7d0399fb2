import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobsOf } from '../../src/capabilities.ts';
import { createJobRunner } from '../../src/platform/jobs/index.ts';
import { DELIVERY_RECEIPTS_PATH } from '../../src/platform/notify/index.ts';
import { openCase } from '../support/cases.ts';
import { type StubRequest, startNotifyStub } from '../support/notify-stub.ts';
import { makeReferral, newPeople } from '../support/referrals.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// GOV.UK Notify through its official client against a local stub, and its delivery receipts.
const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const API_KEY = `bridgework_test-${SERVICE_ID}-3d844edf-8d35-48ac-975b-e847b4f122b0`;
const EMAIL_TEMPLATE = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const CALLBACK_TOKEN = 'callback-token-for-tests-0123456789abcdef';

let t: TestApp;
let log: pino.Logger;
let stub: Awaited<ReturnType<typeof startNotifyStub>>;
const logLines: string[] = [];
// Each referral a new person (people are matched by name, date of birth and postcode).
const person = newPeople('1970-01-01');

beforeAll(async () => {
  stub = await startNotifyStub();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await createTestApp(
    {
      NOTIFY_API_KEY: API_KEY,
      NOTIFY_BASE_URL: stub.url,
      NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
      NOTIFY_SMS_TEMPLATE_ID: '1f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN,
    },
    { logger: pino({ level: 'trace' }, sink) },
  );
  log = pino({ level: 'trace' }, sink);
}, 120_000);
afterAll(async () => {
  await t.close();
  await stub.close();
});

const runJobs = async () => {
  const { handlers } = jobsOf(t.services);
  return createJobRunner({ db: t.testDb.db, clock: t.clock, handlers, log }).runDue();
};

const sentTo = (address: string): StubRequest => {
  const found = stub.received.find((r) => r.body.email_address === address);
  if (!found) throw new Error(`nothing was sent to ${address}`);
  return found;
};

const receipt = (reference: unknown, status: string, token = CALLBACK_TOKEN) =>
  t.app.inject({
    method: 'POST',
    url: DELIVERY_RECEIPTS_PATH,
    headers: { authorization: `Bearer ${token}` },
    payload: { id: crypto.randomUUID(), reference, to: 'someone@example.com', status, notification_type: 'email', created_at: '2026-11-23T09:00:00Z' },
  });

const outboxRow = (tenantId: string, id: string) =>
  t.testDb.db.inTenant(tenantId, (tx) => tx.selectFrom('notifications_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

const referralEvents = (tenantId: string, referralId: string) =>
  t.testDb.db.inTenant(tenantId, (tx) =>
    tx
      .withTables<{ referral_events: { referral_id: string; kind: string; details: unknown } }>()
      .selectFrom('referral_events')
      .select(['kind', 'details'])
      .where('referral_id', '=', referralId)
      .execute(),
  );

describe(`GOV.UK Notify on ${testDatabaseKind}`, () => {
  test('a message goes through the official client: signed, to the template, with a reference that names tenant and message', async () => {
    const { email, dateOfBirth } = person('sent');
    await makeReferral(t, 'leicester', { email, dateOfBirth, nhsNumber: '' });
    await runJobs();
    const request = sentTo(email);
    expect(request.path).toBe('/v2/notifications/email');
    expect(request.body.template_id).toBe(EMAIL_TEMPLATE);
    expect(request.body.personalisation).toMatchObject({ subject: expect.any(String), body: expect.any(String) });
    const [tenantId, messageId] = String(request.body.reference).split(':');
    expect(tenantId).toBe(t.tenants.leicester);
    expect((await outboxRow(t.tenants.leicester, messageId ?? '')).state).toBe('sent');
    // The client signs a JWT with the key's secret: its issuer is the service id.
    const jwt = String(request.headers.authorization).replace(/^Bearer /, '');
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { iss: string };
    expect(claims.iss).toBe(SERVICE_ID);
  });

  test('the callback is refused without its bearer token, or with another', async () => {
    const none = await t.app.inject({ method: 'POST', url: DELIVERY_RECEIPTS_PATH, payload: { id: 'x', reference: null, status: 'delivered' } });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ status: 401 });
    expect((await receipt(null, 'delivered', `${CALLBACK_TOKEN}x`)).statusCode).toBe(401);
    expect((await receipt(null, 'no-such-status')).statusCode).toBe(422);
    // A receipt about a message this service never sent is acknowledged, so Notify stops retrying.
    expect((await receipt(`${t.tenants.leicester}:${crypto.randomUUID()}`, 'delivered')).statusCode).toBe(204);
  });

  test('delivered and temporary failures update the message only; a repeat changes nothing', async () => {
    const { email, dateOfBirth } = person('temporary');
    const referral = await makeReferral(t, 'leicester', { email, dateOfBirth, nhsNumber: '' });
    await runJobs();
    const reference = sentTo(email).body.reference;
    const messageId = String(reference).split(':')[1] ?? '';
    expect((await receipt(reference, 'temporary-failure')).statusCode).toBe(204);
    expect(await outboxRow(t.tenants.leicester, messageId)).toMatchObject({ receipt: 'temporary-failure' });
    expect((await receipt(reference, 'temporary-failure')).statusCode).toBe(204);
    expect((await receipt(reference, 'technical-failure')).statusCode).toBe(204);
    expect(await outboxRow(t.tenants.leicester, messageId)).toMatchObject({ receipt: 'technical-failure' });
    expect((await referralEvents(t.tenants.leicester, referral.id)).map((e) => e.kind)).not.toContain('message-failed');
  });

  test('a permanent failure reaches the referral timeline and its specialists, once however often Notify repeats it', async () => {
    const { email, dateOfBirth } = person('permanent');
    const referral = await makeReferral(t, 'leicester', { email, dateOfBirth, nhsNumber: '', givenName: 'Daniel' });
    await runJobs();
    const reference = sentTo(email).body.reference;
    const before = stub.received.length;
    for (let i = 0; i < 2; i++) expect((await receipt(reference, 'permanent-failure')).statusCode).toBe(204);
    expect(await outboxRow(t.tenants.leicester, String(reference).split(':')[1] ?? '')).toMatchObject({ receipt: 'permanent-failure' });
    expect((await referralEvents(t.tenants.leicester, referral.id)).filter((e) => e.kind === 'message-failed')).toHaveLength(1);
    // The team's specialists are emailed with the reference only (no name, as in every staff message).
    await runJobs();
    const told = stub.received.slice(before).filter((r) => String((r.body.personalisation as { subject: string }).subject).includes(referral.reference));
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((r) => !JSON.stringify(r.body.personalisation).includes('Daniel'))).toBe(true);
    // Staff see it on the referral's page, in English and in Welsh.
    const b = browser(t.app);
    await b.signIn('specialist@leicester.bridgework.example');
    expect((await b.get(`/referrals/${referral.id}`)).body).toContain('We could not reach Daniel by email');
    await b.get('/language/cy?return=/');
    expect((await b.get(`/referrals/${referral.id}`)).body).toContain('Nid oeddem yn gallu cysylltu â Daniel drwy e-bost');
    await b.get('/language/en?return=/');
    // The tenant admin's list of messages says which could not be delivered.
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    expect((await admin.get('/admin/outbox')).body).toContain('Could not be delivered');
  });

  test('a message Notify refuses outright (a bad address) is not retried and counts as a permanent failure', async () => {
    const { email, dateOfBirth } = person('invalid');
    const referral = await makeReferral(t, 'leicester', { email, dateOfBirth, nhsNumber: '' });
    const result = await runJobs();
    expect(result).toMatchObject({ retried: 0 });
    const reference = sentTo(email).body.reference;
    expect(await outboxRow(t.tenants.leicester, String(reference).split(':')[1] ?? '')).toMatchObject({ state: 'refused', receipt: 'permanent-failure' });
    expect((await referralEvents(t.tenants.leicester, referral.id)).map((e) => e.kind)).toContain('message-failed');
  });

  test('a permanent failure of an appointment letter reaches the case timeline and the case specialist', async () => {
    const { email, dateOfBirth } = person('appointment');
    const c = await openCase(t, { email, dateOfBirth, nhsNumber: '', givenName: 'Daniel' });
    await runJobs();
    const before = stub.received.length;
    await t.services.cases.bookAppointment(c.specialist, c.caseId, { date: '2026-12-01', time: '10:00', mode: 'in-person', place: 'Leicester Job Hub' });
    await runJobs();
    const letter = stub.received.slice(before).find((r) => r.body.email_address === email);
    expect(letter).toBeDefined();
    expect((await receipt(letter?.body.reference, 'permanent-failure')).statusCode).toBe(204);
    const events = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx
        .withTables<{ case_events: { case_id: string; kind: string; to_value: string | null } }>()
        .selectFrom('case_events')
        .select(['kind', 'to_value'])
        .where('case_id', '=', c.caseId)
        .execute(),
    );
    expect(events).toContainEqual({ kind: 'message-failed', to_value: 'email' });
    const afterLetter = stub.received.length;
    await runJobs();
    expect(stub.received.slice(afterLetter).map((r) => r.body.email_address)).toContain('specialist@leicester.bridgework.example');
    const b = browser(t.app);
    await b.signIn('specialist@leicester.bridgework.example');
    expect((await b.get(`/cases/${c.caseId}`)).body).toContain('We could not reach Daniel');
  });

  test('no message text or recipient address reaches the logs', () => {
    const logs = logLines.join('');
    expect(logs).toContain('delivery receipt');
    expect(logs).not.toMatch(/@example\.com/);
    expect(logs).not.toContain('someone@example.com');
    expect(logs).not.toContain('Daniel');
    expect(logs).not.toContain('personalisation');
  });
});
