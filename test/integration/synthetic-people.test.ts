import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedSyntheticPeople } from '../../src/domains/employers/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// `seed --synthetic --people N`: N people with open cases and work profiles, the same ones every run.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const profiles = async () =>
  (
    await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      sql<{ case_id: string; hours_min: number; hours_max: number; postcode: string; consent: string[] }>`
        select w.case_id, w.hours_min, w.hours_max, w.postcode, p.consent_scopes as consent
        from work_profiles w join cases c on c.id = w.case_id join participants p on p.id = c.participant_id
        where w.updated_by = 'system:synthetic' order by w.case_id`.execute(tx),
    )
  ).rows;

describe(`synthetic people on ${testDatabaseKind}`, () => {
  test('N people with cases and work profiles, with progress; a second run adds none and changes none', async () => {
    const progress: number[] = [];
    expect(await seedSyntheticPeople(t.testDb.db, 'E06000016', 25, (done) => progress.push(done))).toBe(25);
    expect(progress).toEqual([25]);
    const first = await profiles();
    expect(first).toHaveLength(25);
    expect(new Set(first.map((p) => p.hours_max - p.hours_min))).toEqual(new Set([8, 16, 24]));
    expect(first.every((p) => /^LE\d+ 1AA$/.test(p.postcode) && p.consent.includes('contact-employers'))).toBe(true);
    expect(await seedSyntheticPeople(t.testDb.db, 'E06000016', 25, () => {})).toBe(0);
    expect(await profiles()).toEqual(first);
  });

  test('their profiles are matched like anyone’s', async () => {
    const cases = (await profiles()).map((p) => p.case_id);
    const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      sql<{ participant_id: string; id: string }>`select id, participant_id from cases where id = any(${cases}::uuid[])`.execute(tx),
    );
    const read = await t.services.workProfiles.profilesOf(
      t.tenants.leicester,
      rows.rows.map((r) => ({ caseId: r.id, participantId: r.participant_id })),
    );
    expect(read).toHaveLength(25);
    expect(read.every((p) => p.location !== null && p.maxTravelKm >= 5)).toBe(true);
  });
});
