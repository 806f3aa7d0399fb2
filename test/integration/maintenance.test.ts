import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jobsOf } from '../../src/capabilities.ts';
import { createJobRunner } from '../../src/platform/jobs/index.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const count = (table: 'sessions' | 'access_tokens' | 'idempotency_keys' | 'referral_drafts') =>
  t.testDb.db
    .eachTenant(async (tx) => (await tx.withTables<{ referral_drafts: { tenant_id: string } }>().selectFrom(table).select('tenant_id').execute()).length)
    .then((n) => n.reduce((a, b) => a + b, 0));

describe(`scheduled maintenance on ${testDatabaseKind}`, () => {
  test('the purge job runs on its schedule and removes expired sessions, tokens, old idempotency keys and referral drafts', async () => {
    await t.services.drafts.start(t.tenants.cardiff, 'self', null);
    await browser(t.app).signIn('referrer@leicester.bridgework.example');
    const token = await bearerToken(t, 'W06000015', 'organisations:write');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'maintenance' },
      payload: { name: 'Purge Test', kind: 'employer' },
    });
    expect(await count('sessions')).toBe(1);
    expect(await count('access_tokens')).toBe(1);
    expect(await count('idempotency_keys')).toBe(1);
    expect(await count('referral_drafts')).toBe(1);

    const runner = createJobRunner({ db: t.testDb.db, clock: t.clock, ...jobsOf(t.services) });
    await runner.runDue();
    // Nothing has expired yet: the first scheduled run keeps everything.
    expect(await count('sessions')).toBe(1);

    t.clock.advance(25 * 3_600_000);
    await runner.runDue();
    expect(await count('sessions')).toBe(0);
    expect(await count('access_tokens')).toBe(0);
    expect(await count('idempotency_keys')).toBe(0);
    expect(await count('referral_drafts')).toBe(0);
    const runs = await t.testDb.db.global((tx) => tx.selectFrom('jobs').select('state').where('name', '=', 'maintenance.purge-expired').execute());
    expect(runs.map((r) => r.state)).toEqual(['done', 'done']);
  });
});
