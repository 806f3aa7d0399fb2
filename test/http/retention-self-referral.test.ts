import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referralMessages } from '../../src/domains/referrals/index.ts';
import { retentionMessages } from '../../src/domains/retention/index.ts';
import { auditRows } from '../support/case-regimes.ts';
import { LEICESTER_SPECIALIST } from '../support/cases.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The public's own in-work retention referral on the web: start points, the question pages with
// the error summary, check answers, the confirmation with a reference, and the referral in the
// retention team's list with its retention case and audit row, as the API makes them.
let t: TestApp;
const en = retentionMessages.en;
const cy = retentionMessages.cy;
const BASE = '/in-work-support';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-03T10:00:00Z');
}, 120_000);
afterAll(() => t.close());

const PAGES: readonly [string, Record<string, string>][] = [
  [
    'about-you',
    {
      givenName: 'Priya',
      familyName: 'Shah',
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1984',
      addressLine1: '12 London Road',
      postcode: 'LE2 0QB',
      email: 'priya.shah@example.com',
      preferredLanguage: 'en',
    },
  ],
  ['job', { employerName: 'Walkers Snack Foods', jobTitle: 'Line operator' }],
  ['hours', { hoursPerWeek: '37.5' }],
  ['absence', { absentNow: 'yes', absenceSpells: '3', absenceDays: '21' }],
  ['health', { conditionsText: 'Rheumatoid arthritis flaring', helpWanted: 'Shorter shifts for a few weeks' }],
  ['consent', { consentShare: 'yes', employerConsent: 'yes', employerContactName: 'Mo Ahmed' }],
];

async function answer(b: Browser, slug: string, form: Record<string, string>) {
  return b.post(`${BASE}/${slug}`, { _csrf: await b.csrf(`${BASE}/${slug}`), ...form });
}

const retentionCases = () =>
  t.testDb.db
    .inTenant(t.tenants.leicester, (tx) =>
      sql<{ referral_id: string; referred_by: string; hours_per_week: number; absence_days: number; employer_consent_on: string | null }>`
        select referral_id, referred_by, hours_per_week, absence_days, employer_consent_on from retention_cases where referred_by = 'self'`.execute(tx),
    )
    .then((r) => r.rows);

describe(`In-work self-referral on the web on ${testDatabaseKind}`, () => {
  test('start points: the public home page and the self-referral start page link to it, in English and Welsh', async () => {
    const b = browser(t.app);
    expect((await b.get('/')).body).toContain(`href="${BASE}"`);
    const selfStart = await b.get('/self-referral');
    expect(selfStart.body).toContain(referralMessages.en['referrals.journey.self.inWork']);
    expect(selfStart.body).toContain(`href="${BASE}"`);
    b.jar.set('bw_lang', 'cy');
    const start = await b.get(BASE);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain(cy['retention.self.title']);
    b.jar.delete('bw_lang');
    expect((await b.get(BASE)).body).toContain(en['retention.self.title']);
    // A question page without a started form goes back to the start.
    expect((await browser(t.app).get(`${BASE}/job`)).headers.location).toBe(BASE);
  });

  test('bad answers come back with the error summary and nothing is written', async () => {
    const before = (await retentionCases()).length;
    const b = browser(t.app, { remoteAddress: '203.0.113.90' });
    const noCouncil = await b.post(BASE, { _csrf: await b.csrf(BASE) });
    expect(noCouncil.statusCode).toBe(400);
    expect(noCouncil.body).toContain('govuk-error-summary');
    expect(noCouncil.body).toContain(en['retention.self.error.council']);
    await b.post(BASE, { _csrf: await b.csrf(BASE), tenantId: t.tenants.leicester });
    const hours = await answer(b, 'hours', { hoursPerWeek: 'lots' });
    expect(hours.statusCode).toBe(400);
    expect(hours.body).toContain('govuk-error-summary');
    expect(hours.body).toContain(en['retention.self.error.hours']);
    expect(hours.body).toContain('value="lots"');
    const absence = await answer(b, 'absence', { absentNow: 'no', absenceSpells: '4', absenceDays: '2' });
    expect(absence.statusCode).toBe(400);
    expect(absence.body).toContain(en['retention.error.daysUnderSpells']);
    const consent = await answer(b, 'consent', {});
    expect(consent.statusCode).toBe(400);
    expect(consent.body).toContain(en['retention.self.error.consentShare']);
    // Check answers sends back to the first question not answered; nothing was sent.
    expect((await b.get(`${BASE}/check`)).headers.location).toBe(`${BASE}/about-you`);
    const postcode = await answer(b, 'about-you', { ...PAGES[0]?.[1], postcode: 'NOWHERE' });
    expect(postcode.statusCode).toBe(400);
    expect(postcode.body).toContain(en['retention.self.error.postcodeReal']);
    // The service refuses the same through the API's path with a 4xx, never a 500.
    const api = t.services.retention.refer({ kind: 'public', tenantId: t.tenants.leicester }, 'self', {
      referral: { identifier: { system: 'urn:test', value: 'bad-postcode' }, person: { postcode: 'NOWHERE' } },
      retention: { referredBy: 'self', employerName: 'A', jobTitle: 'B', hoursPerWeek: 10, absentNow: false, absenceSpells: 0, absenceDays: 0 },
    });
    await expect(api).rejects.toMatchObject({ code: 'invalid-input' });
    expect(await retentionCases()).toHaveLength(before);
  });

  test('the person walks the pages, checks and sends; the referral lands in the retention team’s list with its retention case and audit row', async () => {
    const b = browser(t.app, { remoteAddress: '203.0.113.91' });
    const started = await b.post(BASE, { _csrf: await b.csrf(BASE), tenantId: t.tenants.leicester });
    expect(started.headers.location).toBe(`${BASE}/about-you`);
    for (const [slug, form] of PAGES) {
      const res = await answer(b, slug, form);
      expect(res.statusCode, `${slug}: ${res.body.slice(0, 300)}`).toBe(303);
    }
    const check = await b.get(`${BASE}/check`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain(en['retention.self.check.title']);
    expect(check.body).toContain('Walkers Snack Foods');
    expect(check.body).toContain('14 February 1984');
    // Changing an answer returns to check answers.
    const changed = await b.post(`${BASE}/job?change=1`, { _csrf: await b.csrf(`${BASE}/job?change=1`), employerName: 'Walkers', jobTitle: 'Line operator' });
    expect(changed.headers.location).toBe(`${BASE}/check`);

    const sent = await b.post(`${BASE}/check`, { _csrf: await b.csrf(`${BASE}/check`) });
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303);
    expect(sent.headers.location).toBe(`${BASE}/sent`);
    const confirmation = await b.get(`${BASE}/sent`);
    expect(confirmation.body).toContain(en['retention.self.sent.title']);
    const reference = /reference number is ([A-Z0-9-]+)/.exec(confirmation.body)?.[1] ?? '';
    expect(reference).not.toBe('');
    // Back into the form after sending: the confirmation, never the form again.
    expect((await b.get(`${BASE}/check`)).headers.location).toBe(`${BASE}/sent`);

    const rows = (await retentionCases()).filter((r) => r.absence_days === 21);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ referred_by: 'self', employer_consent_on: '2026-12-03' });
    expect(Number(rows[0]?.hours_per_week)).toBe(37.5);
    const referralId = rows[0]?.referral_id ?? '';
    const audit = await auditRows(t, 'retention.refer', referralId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: 'public', reason: 'in-work retention referral by self' });

    // The retention team sees it in their list, from the self route, with the employer as changed.
    const s = browser(t.app);
    await s.signIn(LEICESTER_SPECIALIST);
    const inbox = await s.get('/referrals/inbox');
    expect(inbox.body).toContain(reference);
    const view = await s.get(`/referrals/${referralId}`);
    expect(view.statusCode).toBe(200);
    const [referral] = await t.testDb.db
      .inTenant(t.tenants.leicester, (tx) =>
        sql<{
          route: string;
          team: string;
        }>`select r.route, tm.name as team from referrals r join teams tm on tm.id = r.team_id where r.id = ${referralId}`.execute(tx),
      )
      .then((r) => r.rows);
    expect(referral).toEqual({ route: 'self', team: 'Leicester IPS team' });
    const [rc] = await t.testDb.db
      .inTenant(t.tenants.leicester, (tx) =>
        sql<{ employer_name: string }>`select employer_name from retention_cases where referral_id = ${referralId}`.execute(tx),
      )
      .then((r) => r.rows);
    expect(rc?.employer_name).toBe('Walkers');
  });
});
