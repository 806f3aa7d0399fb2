import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { recordAudit } from '../../src/platform/audit/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { newId } from '../../src/platform/db/index.ts';
import { queueNotification } from '../../src/platform/notify/index.ts';
import { makeReferral, newPeople } from '../support/referrals.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// /metrics: behind its token, request figures by route template, process metrics, and a test for
// each of the service's own gauges (set up the data, read the figure).
const TOKEN = 'metrics-token-for-tests-0123456789abcdef';
const DAY = 86_400;
let t: TestApp;
const person = newPeople('1960-01-01');

beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: TOKEN });
}, 120_000);
afterAll(() => t.close());

const scrape = async (app = t.app) => {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.statusCode).toBe(200);
  return res.body;
};

/** One figure from the text format: `name{labels} value`, labels given in the order written. */
const figure = (text: string, name: string, labels = ''): number => {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}} ` : `${name} `));
  if (!line) throw new Error(`no ${name}{${labels}} in the metrics`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
};

const daysAgo = (days: number) => fixedClock(new Date(t.clock.now().getTime() - days * DAY * 1000));

describe(`metrics on ${testDatabaseKind}`, () => {
  test('/metrics is refused without its token, or with another', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['content-type']).toContain('application/problem+json');
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}0` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('http_requests_total');
  });

  test('without a token configured there is no /metrics at all', async () => {
    const other = await createApp({ ...t.services, config: { ...t.services.config, metricsToken: undefined } }, { logger: false });
    expect((await other.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    await other.close();
  });

  test('requests are counted and timed by route template, never by URL, with the process metrics beside them', async () => {
    const id = crypto.randomUUID();
    await t.app.inject({ method: 'GET', url: `/referrals/${id}` });
    await t.app.inject({ method: 'GET', url: '/health' });
    const text = await scrape();
    expect(figure(text, 'http_requests_total', 'method="GET",route="/referrals/:id",status="303"')).toBeGreaterThanOrEqual(1);
    expect(figure(text, 'http_request_duration_seconds_count', 'method="GET",route="/health",status="200"')).toBe(1);
    expect(text).not.toContain(id);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  test('each app keeps its own registry, so figures do not leak between apps in one process', async () => {
    const other = await createApp(t.services, { logger: false });
    await other.ready();
    const text = await scrape(other);
    expect(text).not.toContain('route="/health"');
    await other.close();
  });

  test('jobs by state, and how long the oldest due job has waited', async () => {
    const before = await scrape();
    const now = t.clock.now();
    const job = (state: 'pending' | 'running' | 'dead', runAt: Date) => ({
      id: newId(now),
      name: 'test.metrics',
      payload: '{}',
      state,
      max_attempts: 1,
      backoff_seconds: 1,
      attempts: 0,
      run_at: runAt,
      created_at: runAt,
    });
    await t.testDb.db.global((tx) =>
      tx
        .insertInto('jobs')
        .values([
          job('pending', new Date(now.getTime() - 1000 * DAY * 1000)),
          job('running', now),
          job('dead', now),
          job('pending', new Date(now.getTime() + 60_000)),
        ])
        .execute(),
    );
    const after = await scrape();
    expect(figure(after, 'bridgework_jobs', 'state="pending"') - figure(before, 'bridgework_jobs', 'state="pending"')).toBe(2);
    expect(figure(after, 'bridgework_jobs', 'state="running"') - figure(before, 'bridgework_jobs', 'state="running"')).toBe(1);
    expect(figure(after, 'bridgework_jobs', 'state="dead"') - figure(before, 'bridgework_jobs', 'state="dead"')).toBe(1);
    expect(figure(after, 'bridgework_jobs_oldest_due_seconds')).toBe(1000 * DAY);
    await t.testDb.db.global((tx) => tx.deleteFrom('jobs').where('name', '=', 'test.metrics').execute());
  });

  test('the outbox backlog and the age of its oldest message', async () => {
    const before = await scrape();
    const old = daysAgo(900);
    await t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
      queueNotification(tx, old, {
        tenantId: t.tenants.cardiff,
        id: newId(old.now()),
        channel: 'email',
        recipient: 'someone@example.com',
        template: 'test',
        subject: 'Hello',
        body: 'A message',
        language: 'en',
      }),
    );
    const after = await scrape();
    expect(figure(after, 'bridgework_outbox_queued') - figure(before, 'bridgework_outbox_queued')).toBe(1);
    expect(figure(after, 'bridgework_outbox_oldest_queued_seconds')).toBe(900 * DAY);
  });

  test('unsealed audit rows and the age of the oldest', async () => {
    const before = await scrape();
    const old = daysAgo(800);
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      recordAudit(tx, t.tenants.leicester, old, {
        actor: { kind: 'system', id: 'test' },
        action: 'test.metrics',
        recordType: 'test',
        reason: 'a metrics test',
      }),
    );
    const after = await scrape();
    expect(figure(after, 'bridgework_audit_unsealed') - figure(before, 'bridgework_audit_unsealed')).toBe(1);
    expect(figure(after, 'bridgework_audit_oldest_unsealed_seconds')).toBe(800 * DAY);
  });

  test('referrals past their first-contact day with no contact attempt', async () => {
    const before = await scrape();
    const { email, dateOfBirth } = person('overdue');
    const referral = await makeReferral(t, 'leicester', { email, dateOfBirth, nhsNumber: '' });
    const { email: e2, dateOfBirth: d2 } = person('on-time');
    await makeReferral(t, 'leicester', { email: e2, dateOfBirth: d2, nhsNumber: '' });
    const middle = await scrape();
    expect(figure(middle, 'bridgework_referrals_past_first_contact')).toBe(figure(before, 'bridgework_referrals_past_first_contact'));
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx
        .withTables<{ referrals: { id: string; first_contact_due: string } }>()
        .updateTable('referrals')
        .set({ first_contact_due: '2026-11-20' })
        .where('id', '=', referral.id)
        .execute(),
    );
    const after = await scrape();
    expect(figure(after, 'bridgework_referrals_past_first_contact') - figure(before, 'bridgework_referrals_past_first_contact')).toBe(1);
  });
});
