import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countOf, factsOf } from '../support/outcomes.ts';
import { makeReferral, staffPrincipal } from '../support/referrals.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The referral capability's outcome facts: received, first contact, accepted or not; each with its
// dimensions and no names, append-only, and counted in the same transaction.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const SPECIALIST = 'specialist@leicester.bridgework.example';

describe(`referral outcome facts on ${testDatabaseKind}`, () => {
  test('a referral received, contacted and accepted writes those three facts with its dimensions', async () => {
    const before = await countOf(t, 'referral-received', 'all', 'any');
    const referral = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', dateOfBirth: '1990-01-15' });
    expect(await factsOf(t, referral.id)).toEqual([
      expect.objectContaining({
        kind: 'referral-received',
        first_of_kind: true,
        days_from_referral: 0,
        team_id: referral.teamId,
        specialist_user_id: null,
        referring_service: 'self',
        programme: 'ips',
        regime: 'voluntary-health',
        youth_pathway: false,
        condition_categories: ['musculoskeletal', 'mental-health'],
        age_band: '35-49',
        nation: 'england',
      }),
    ]);
    expect(await countOf(t, 'referral-received', 'all', 'any')).toBe(before + 1);

    const specialist = await staffPrincipal(t, 'leicester', SPECIALIST);
    t.clock.advance(3 * 86_400_000);
    await t.services.referrals.recordContactAttempt(specialist, referral.id, { outcome: 'no-answer' });
    // A second attempt is not a second first contact.
    await t.services.referrals.recordContactAttempt(specialist, referral.id, { outcome: 'contacted' });
    await t.services.referrals.accept(specialist, referral.id, {});
    const facts = await factsOf(t, referral.id);
    expect(facts.map((f) => f.kind)).toEqual(['referral-received', 'first-contact', 'accepted']);
    expect(facts[1]).toMatchObject({ days_from_referral: 3 });
    expect(facts[2]).toMatchObject({ specialist_user_id: specialist.userId, first_of_kind: true });
    expect(JSON.stringify(facts)).not.toMatch(/Alex|Morgan/);
  });

  test('a referral turned down, and one withdrawn before the team took it, are "not accepted"', async () => {
    const specialist = await staffPrincipal(t, 'leicester', SPECIALIST);
    const turnedDown = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', dateOfBirth: '1970-03-01' });
    await t.services.referrals.reject(specialist, turnedDown.id, { reasonCode: 'not-eligible' });
    expect((await factsOf(t, turnedDown.id)).map((f) => f.kind)).toEqual(['referral-received', 'not-accepted']);
  });

  test('facts are append-only for the app, and another tenant sees none of them', async () => {
    const referral = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', dateOfBirth: '1985-06-01' });
    await expect(
      t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`UPDATE outcome_facts SET kind = 'job-start' WHERE subject_id = ${referral.id}`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`DELETE FROM outcome_facts WHERE subject_id = ${referral.id}`.execute(tx)),
    ).rejects.toThrow(/permission denied/);
    expect(await factsOf(t, referral.id, 'cardiff')).toEqual([]);
  });
});
