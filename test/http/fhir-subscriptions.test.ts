import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobsOf } from '../../src/capabilities.ts';
import { createJobRunner, type JobRunner } from '../../src/platform/jobs/index.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';

// FHIR subscriptions end to end: a partner's endpoint, started here, hears a handshake, then one
// notification for each change to a referral Task it may read, in order, and everything that
// happened while it was down once it is back.
let t: TestApp;
let runner: JobRunner;
let gp: string;
let ips: string;
let otherIps: string;
let server: Server;
let endpoint: string;
/** What the endpoint answers: 200, or 503 while "down". */
let answer = 200;
type Received = { url: string; headers: IncomingHttpHeaders; body: NotificationBundle };
const received: Received[] = [];

type Parameter = {
  name: string;
  valueString?: string;
  valueCode?: string;
  valueCanonical?: string;
  part?: Parameter[];
  valueReference?: { reference: string };
};
type NotificationBundle = { resourceType: string; type: string; entry: { fullUrl: string; resource?: { resourceType: string; parameter: Parameter[] } }[] };

const TOPIC = 'https://bridgework.org.uk/fhir/SubscriptionTopic/referral-task-changes';
const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';
const CS = 'https://bridgework.org.uk/fhir/CodeSystem/';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      if (answer === 200) received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(body) as NotificationBundle });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  t = await createTestApp();
  runner = createJobRunner({ db: t.testDb.db, clock: t.clock, handlers: jobsOf(t.services).handlers, listen: false });
  const both = 'referrals:read referrals:write';
  gp = await bearerToken(t, 'E06000016', both, 'Leicester Central Primary Care Network');
  ips = await bearerToken(t, 'E06000016', both, 'Leicester IPS Employment Service');
  otherIps = await bearerToken(t, 'E06000016', both, 'Leicester IPS Employment Service');
}, 120_000);
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json' });
const subscription = (over: Record<string, unknown> = {}, channel: Record<string, unknown> = {}) => ({
  resourceType: 'Subscription',
  status: 'requested',
  reason: 'Our referrals',
  criteria: TOPIC,
  channel: {
    extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: 120 }],
    type: 'rest-hook',
    endpoint,
    payload: 'application/fhir+json',
    _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: 'id-only' }] },
    header: ['Authorization: Bearer partner-secret'],
    ...channel,
  },
  ...over,
});
const post = (body: unknown, token = ips) =>
  t.app.inject({ method: 'POST', url: '/fhir/Subscription', headers: headers(token), payload: JSON.stringify(body) });
const get = (url: string, token = ips) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

/** Runs the queue until nothing more is due (each delivery job sends all that waits). */
async function drain() {
  for (let i = 0; i < 20; i++) {
    const r = await runner.runDue(100);
    if (r.done + r.retried + r.dead === 0) return;
  }
}

const statusOf = (b: NotificationBundle) => {
  const params = b.entry[0]?.resource?.parameter ?? [];
  const value = (name: string) => params.find((p) => p.name === name);
  const event = value('notification-event')?.part ?? [];
  return {
    type: value('type')?.valueCode,
    status: value('status')?.valueCode,
    events: value('events-since-subscription-start')?.valueString,
    topic: value('topic')?.valueCanonical,
    number: event.find((p) => p.name === 'event-number')?.valueString,
    focus: event.find((p) => p.name === 'focus')?.valueReference?.reference,
  };
};

async function createTask(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/fhir/Task',
    headers: headers(gp),
    payload: JSON.stringify({
      resourceType: 'Task',
      identifier: [{ system: 'https://gp.example/referrals', value: randomUUID() }],
      status: 'requested',
      intent: 'order',
      priority: 'routine',
      requester: { display: 'Dr Priya Shah' },
      code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
      focus: { reference: '#sr' },
      for: { reference: '#p' },
      authoredOn: '2026-11-20T10:00:00Z',
      contained: [
        {
          resourceType: 'Patient',
          id: 'p',
          name: [{ use: 'official', family: 'Okafor', given: ['Sam'] }],
          birthDate: '1985-02-03',
          address: [{ use: 'home', line: ['2 Granby Street'], city: 'Leicester', postalCode: 'LE1 6ZG' }],
          telecom: [{ system: 'email', value: 'sam@example.com', rank: 1 }],
        },
        {
          resourceType: 'ServiceRequest',
          id: 'sr',
          status: 'active',
          intent: 'order',
          category: [{ coding: [{ system: `${CS}referring-service`, code: 'gp' }] }],
          reasonCode: [{ text: 'Back pain', coding: [{ system: `${CS}condition-category`, code: 'musculoskeletal' }] }],
          orderDetail: [{ coding: [{ system: `${CS}fit-note`, code: 'not-fit' }] }, { coding: [{ system: `${CS}benefit`, code: 'uc' }] }],
          patientInstruction: 'Help back to work',
          supportingInfo: [{ reference: '#c' }],
        },
        {
          resourceType: 'Consent',
          id: 'c',
          status: 'active',
          category: [{ coding: [{ system: `${CS}consent-method`, code: 'verbal' }] }],
          dateTime: '2026-11-20',
          provision: { type: 'permit', code: [{ coding: [{ system: `${CS}consent-scope`, code: 'share-with-employment-team' }] }] },
        },
      ],
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const setStatus = async (taskId: string, status: string, token = ips) => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/fhir/Task/${taskId}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json-patch+json' },
    payload: JSON.stringify([{ op: 'replace', path: '/status', value: status }]),
  });
  expect(res.statusCode).toBe(200);
};

describe('FHIR subscriptions to referral Task changes', () => {
  test.each([
    ['an unknown topic', () => subscription({ criteria: 'https://example.org/SubscriptionTopic/admissions' }), 'Subscription.criteria'],
    ['a search as criteria', () => subscription({ criteria: 'Task?status=requested' }), 'Subscription.criteria'],
    [
      'a filter',
      () => subscription({ _criteria: { extension: [{ url: `${BACKPORT}/backport-filter-criteria`, valueString: 'Task?status=accepted' }] } }),
      'Subscription._criteria',
    ],
    ['an email channel', () => subscription({}, { type: 'email', endpoint: 'mailto:team@example.org' }), 'Subscription.channel.type'],
    [
      'full-resource payloads',
      () => subscription({}, { _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: 'full-resource' }] } }),
      'Subscription.channel.payload',
    ],
    ['plain HTTP to another host', () => subscription({}, { endpoint: 'http://partner.example.org/hook' }), 'Subscription.channel.endpoint'],
    ['credentials in the URL', () => subscription({}, { endpoint: 'https://user:pw@partner.example.org/hook' }), 'Subscription.channel.endpoint'],
    ['a header on two lines', () => subscription({}, { header: ['Authorization: Bearer a\r\nX-Evil: 1'] }), 'Subscription.channel.header[0]'],
    [
      'a heartbeat every second',
      () => subscription({}, { extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: 1 }] }),
      'Subscription.channel.heartbeatPeriod',
    ],
    ['an end in the past', () => subscription({ end: '2020-01-01T00:00:00Z' }), 'Subscription.end'],
    ['an active status', () => subscription({ status: 'active' }), 'Subscription.status'],
  ])('refuses %s with an OperationOutcome', async (_what, body, path) => {
    const res = await post(body());
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const outcome = res.json() as { resourceType: string; issue: { expression?: string[]; diagnostics?: string }[] };
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(outcome.issue)).toContain(path);
  });

  test('needs a token with referrals:read', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/fhir/Subscription', payload: subscription() })).statusCode).toBe(401);
  });

  test('a handshake, then each Task change in order with its id; the partner reads the Task; back after being down', async () => {
    const created = await post(subscription());
    expect(created.statusCode).toBe(201);
    const sub = created.json() as { id: string; status: string; channel: { header: string[] } };
    expect(sub.status).toBe('requested');
    // The bearer token the partner gave is sent, never shown back.
    expect(sub.channel.header).toEqual(['Authorization: ***']);

    await drain();
    expect(received).toHaveLength(1);
    expect(statusOf(received[0]?.body as NotificationBundle)).toMatchObject({ type: 'handshake', events: '0', topic: TOPIC });
    expect(received[0]?.headers.authorization).toBe('Bearer partner-secret');
    expect((await get(`/fhir/Subscription/${sub.id}`)).json()).toMatchObject({ status: 'active' });

    // Created by the GP's system for the IPS team: the IPS client may read it, so it hears of it.
    const task = await createTask();
    await setStatus(task, 'accepted');
    await drain();
    const events = received.slice(1).map((r) => statusOf(r.body));
    expect(events).toEqual([
      expect.objectContaining({ type: 'event-notification', number: '1', events: '1', focus: expect.stringMatching(new RegExp(`/fhir/Task/${task}$`)) }),
      expect.objectContaining({ type: 'event-notification', number: '2', events: '2' }),
    ]);
    const bundle = received[1]?.body as NotificationBundle;
    expect(bundle.type).toBe('history');
    expect(bundle.entry[0]?.resource?.resourceType).toBe('Parameters');
    // id-only: the Task's entry has its URL and no resource; the partner reads it with its token.
    expect(bundle.entry[1]).not.toHaveProperty('resource');
    const focus = new URL(bundle.entry[1]?.fullUrl ?? '');
    const read = await get(focus.pathname);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: task, status: 'accepted' });

    // The endpoint goes down: the next change fails, the subscription shows error, later changes wait.
    answer = 503;
    await setStatus(task, 'in-progress');
    await drain();
    const status = await get(`/fhir/Subscription/${sub.id}/$status`);
    expect(status.statusCode).toBe(200);
    const statusBody = status.json() as NotificationBundle;
    expect(statusBody.type).toBe('searchset');
    expect(statusOf(statusBody)).toMatchObject({ type: 'query-status', status: 'error', events: '3' });
    await setStatus(task, 'completed');
    await drain();
    expect(received).toHaveLength(3);

    // Back: after the backoff the waiting events go, in order, and the subscription is active again.
    answer = 200;
    t.clock.advance(31_000);
    await drain();
    expect(received.slice(3).map((r) => statusOf(r.body).number)).toEqual(['3', '4']);
    expect(statusOf((await get(`/fhir/Subscription/$status?id=${sub.id}`)).json() as NotificationBundle)).toMatchObject({ status: 'active', events: '4' });

    // Heartbeat: nothing for the period, so the sweep sends one with the count so far.
    t.clock.advance(121_000);
    await t.services.subscriptions.sweep();
    await drain();
    expect(statusOf(received.at(-1)?.body as NotificationBundle)).toMatchObject({ type: 'heartbeat', events: '4' });

    // A delivery job lost (a node died with it): the rows wait, and the sweep queues the delivery again.
    const second = await createTask();
    await sql`delete from jobs where name = 'referrals.subscription-deliver'`.execute(t.testDb.db.owner);
    await drain();
    expect(statusOf(received.at(-1)?.body as NotificationBundle).type).toBe('heartbeat');
    await t.services.subscriptions.sweep();
    await drain();
    expect(statusOf(received.at(-1)?.body as NotificationBundle)).toMatchObject({
      number: '5',
      focus: expect.stringMatching(new RegExp(`/fhir/Task/${second}$`)),
    });

    // A refused change commits nothing, so it is no event.
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/fhir/Task/${task}`,
      headers: { authorization: `Bearer ${ips}`, 'content-type': 'application/json-patch+json' },
      payload: JSON.stringify([{ op: 'replace', path: '/status', value: 'in-progress' }]),
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(statusOf((await get(`/fhir/Subscription/${sub.id}/$status`)).json() as NotificationBundle).events).toBe('5');
  });

  test("a client sees only its own subscriptions; another client's answers 404", async () => {
    const sub = (await post(subscription({}, { endpoint: `${endpoint}?who=other` }))).json() as { id: string };
    expect((await get(`/fhir/Subscription/${sub.id}`, otherIps)).statusCode).toBe(404);
    expect((await get(`/fhir/Subscription/${sub.id}`, gp)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/fhir/Subscription/${sub.id}`, headers: { authorization: `Bearer ${gp}` } })).statusCode).toBe(404);
    const list = (await get('/fhir/Subscription', otherIps)).json() as { total: number };
    expect(list.total).toBe(0);
  });

  test('update pauses and restarts with a handshake; masked headers keep their value; delete removes it', async () => {
    answer = 200;
    const sub = (await post(subscription())).json() as Record<string, unknown> & { id: string };
    await drain();
    const before = received.length;
    const put = (body: unknown) => t.app.inject({ method: 'PUT', url: `/fhir/Subscription/${sub.id}`, headers: headers(ips), payload: JSON.stringify(body) });
    const current = (await get(`/fhir/Subscription/${sub.id}`)).json() as Record<string, unknown>;
    const off = await put({ ...current, status: 'off' });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ status: 'off' });
    expect((await put({ ...current, status: 'error' })).statusCode).toBe(422);
    const on = await put({ ...(off.json() as object), status: 'requested' });
    expect(on.json()).toMatchObject({ status: 'requested' });
    await drain();
    const handshake = received.slice(before).find((r) => statusOf(r.body).type === 'handshake');
    expect(handshake?.headers.authorization).toBe('Bearer partner-secret');
    expect((await get(`/fhir/Subscription/${sub.id}`)).json()).toMatchObject({ status: 'active' });
    expect((await t.app.inject({ method: 'DELETE', url: `/fhir/Subscription/${sub.id}`, headers: { authorization: `Bearer ${ips}` } })).statusCode).toBe(204);
    expect((await get(`/fhir/Subscription/${sub.id}`)).statusCode).toBe(404);
  });

  test('a subscription hears only of Tasks its client may read: the sender hears, a client of no organisation does not', async () => {
    answer = 200;
    const lonely = await bearerToken(t, 'E06000016', 'referrals:read');
    expect((await post(subscription({}, { endpoint: `${endpoint}?who=gp` }), gp)).statusCode).toBe(201);
    expect((await post(subscription({}, { endpoint: `${endpoint}?who=lonely` }), lonely)).statusCode).toBe(201);
    await drain();
    const task = await createTask();
    await drain();
    const to = (who: string) => received.filter((r) => r.url.endsWith(`who=${who}`)).map((r) => statusOf(r.body));
    expect(to('gp')).toEqual([expect.objectContaining({ type: 'handshake' }), expect.objectContaining({ number: '1', focus: expect.stringContaining(task) })]);
    expect(to('lonely')).toEqual([expect.objectContaining({ type: 'handshake' })]);
  });

  test('an endpoint nobody answers at: the handshake fails, the subscription shows error and why', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const sub = (await post(subscription({}, { endpoint: `http://127.0.0.1:${port}/hook` }))).json() as { id: string };
    await drain();
    expect((await get(`/fhir/Subscription/${sub.id}`)).json()).toMatchObject({ status: 'error', error: 'The endpoint could not be reached' });
    const status = (await get(`/fhir/Subscription/${sub.id}/$status`)).json() as NotificationBundle;
    expect(status.entry[0]?.resource?.parameter.find((p) => p.name === 'error')).toEqual({
      name: 'error',
      valueCodeableConcept: { text: 'The endpoint could not be reached' },
    });
  });

  test('the CapabilityStatement lists Subscription with the topic', async () => {
    const cs = (await t.app.inject({ url: '/fhir/metadata' })).json() as { rest: { resource: { type: string; extension?: { valueCanonical: string }[] }[] }[] };
    const entry = cs.rest[0]?.resource.find((r) => r.type === 'Subscription');
    expect(entry?.extension?.[0]?.valueCanonical).toBe(TOPIC);
    expect(cs.rest[0]?.resource.some((r) => r.type === 'Task')).toBe(true);
  });
});
