import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseOn } from '../support/case-regimes.ts';
import { countOf, factsOf } from '../support/outcomes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The case capability's outcome facts: first appointment, job start, 13- and 26-week sustained work
// under the sustained-work rule (hours and pay), job end, leaving and re-engaging.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const appointment = { date: '2026-12-01', time: '10:00', mode: 'in-person', place: 'Leicester Job Hub' };

describe(`case outcome facts on ${testDatabaseKind}`, () => {
  test('a journey from first appointment to 26 weeks in work, a job end, leaving and coming back writes each fact once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const cases = t.services.cases;
    const first = await cases.bookAppointment(c.specialist, c.caseId, appointment);
    await cases.recordOutcome(c.specialist, c.caseId, first, { outcome: 'attended' });
    const second = await cases.bookAppointment(c.specialist, c.caseId, { ...appointment, date: '2026-12-08' });
    await cases.recordOutcome(c.specialist, c.caseId, second, { outcome: 'attended' });

    // Paid the National Living Wage or more in every week (the person is over 21): each week counts.
    const jobId = await cases.startJob(c.specialist, c.caseId, {
      employer: 'Leicester Bakery',
      role: 'Baker',
      hoursPerWeek: 16,
      hourlyPay: 13,
      contractType: 'permanent',
      startDate: '2026-04-06',
    });
    const before26 = await countOf(t, 'sustained-26-weeks', 'all', 'any');
    for (let week = 1; week <= 25; week++) await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 16 });
    expect((await factsOf(t, c.referralId)).filter((f) => f.kind.startsWith('sustained')).map((f) => f.kind)).toEqual(['sustained-13-weeks']);
    await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 26, hours: 16 });
    // Recording a week again does not make a second outcome.
    await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 27, hours: 16 });
    expect(await countOf(t, 'sustained-26-weeks', 'all', 'any')).toBe(before26 + 1);

    await cases.endJob(c.specialist, c.caseId, jobId, { endDate: '2026-11-20', reason: 'Contract ended' });
    await cases.close(c.specialist, c.caseId, { reason: 'sustained-work' });
    await cases.reengage(c.specialist, c.caseId, { reason: 'Asked for help again' });

    const facts = await factsOf(t, c.referralId);
    expect(facts.map((f) => f.kind)).toEqual([
      'referral-received',
      'accepted',
      // A milestone after acceptance with no contact attempt yet means contact was made.
      'first-contact',
      'first-appointment',
      'job-start',
      'sustained-13-weeks',
      'sustained-26-weeks',
      'job-end',
      'left',
      're-engaged',
    ]);
    for (const kind of ['job-start', 'sustained-13-weeks', 'sustained-26-weeks', 'job-end']) {
      expect(facts.find((f) => f.kind === kind)).toMatchObject({ job_id: jobId, specialist_user_id: c.specialist.userId, regime: 'voluntary-health' });
    }
  });

  test('weeks paid below the minimum wage do not make a sustained outcome, so no fact is written', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const jobId = await t.services.cases.startJob(c.specialist, c.caseId, {
      employer: 'Leicester Laundry',
      role: 'Presser',
      hoursPerWeek: 20,
      hourlyPay: 9,
      contractType: 'permanent',
      startDate: '2026-06-01',
    });
    for (let week = 1; week <= 16; week++) await t.services.cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 20 });
    expect((await factsOf(t, c.referralId)).map((f) => f.kind)).toEqual(['referral-received', 'accepted', 'first-contact', 'job-start']);
  });

  test('a second job start counts as a job start, but not again as the person’s first', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const job = { employer: 'A', role: 'B', hoursPerWeek: 10, hourlyPay: 13, contractType: 'permanent', startDate: '2026-10-01' };
    const anyBefore = await countOf(t, 'job-start', 'all', 'any');
    const firstBefore = await countOf(t, 'job-start', 'all', 'first');
    await t.services.cases.startJob(c.specialist, c.caseId, job);
    await t.services.cases.startJob(c.specialist, c.caseId, { ...job, employer: 'C' });
    expect(await countOf(t, 'job-start', 'all', 'any')).toBe(anyBefore + 2);
    expect(await countOf(t, 'job-start', 'all', 'first')).toBe(firstBefore + 1);
  });
});

describe(`equality monitoring answers on ${testDatabaseKind}`, () => {
  test('the person’s answers count their facts under those answers; changing or deleting them moves the counts, and facts never hold them', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const participantId = (await t.services.cases.view(c.specialist, c.caseId)).participant.id;
    const p = { kind: 'participant' as const, tenantId: t.tenants.leicester, participantId, name: 'x', language: 'en' as const };
    const female = await countOf(t, 'accepted', 'sex', 'female');
    const male = await countOf(t, 'accepted', 'sex', 'male');
    const notAnswered = await countOf(t, 'accepted', 'sex', 'not-answered');

    await t.services.participants.saveEquality(p, { sex: 'female', ethnicity: 'prefer-not-to-say' });
    expect(await t.services.participants.equality(p)).toEqual({
      sex: 'female',
      ageGroup: 'not-answered',
      ethnicity: 'prefer-not-to-say',
      disability: 'not-answered',
    });
    expect(await countOf(t, 'accepted', 'sex', 'female')).toBe(female + 1);
    expect(await countOf(t, 'accepted', 'sex', 'not-answered')).toBe(notAnswered - 1);

    await t.services.participants.saveEquality(p, { sex: 'male' });
    expect(await countOf(t, 'accepted', 'sex', 'female')).toBe(female);
    expect(await countOf(t, 'accepted', 'sex', 'male')).toBe(male + 1);

    await t.services.participants.saveEquality(p, null);
    expect(await t.services.participants.equality(p)).toBeNull();
    expect(await countOf(t, 'accepted', 'sex', 'male')).toBe(male);
    expect(await countOf(t, 'accepted', 'sex', 'not-answered')).toBe(notAnswered);
    await expect(t.services.participants.saveEquality(p, { sex: 'unknown' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
