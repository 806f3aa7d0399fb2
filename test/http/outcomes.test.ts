import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeJourneys } from '../support/outcomes-data.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The outcomes dashboards over the kept counts: a commissioner's, a team lead's and the national
// analyst's; filters as GET parameters, CSV with the same figures, and no count under the threshold.
let t: TestApp;
let commissioner: Browser;
beforeAll(async () => {
  t = await createTestApp();
  // 40 referred, 30 contacted, 25 taken on, 12 started a job, 3 stayed 13 weeks (too few to show).
  await writeJourneys(t, 'leicester', 'Leicester IPS team', 40, { 'first-contact': 30, accepted: 25, 'job-start': 12, 'sustained-13-weeks': 3 });
  await writeJourneys(t, 'cardiff', 'Cardiff IPS team', 15, { 'first-contact': 12, 'job-start': 11 });
  commissioner = browser(t.app);
  await commissioner.signIn('commissioner@leicester.bridgework.example');
}, 120_000);
afterAll(() => t.close());

/** Every whole number shown in a table cell of the page. */
const tableNumbers = (html: string) =>
  [...html.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">\s*([0-9][0-9,]*)\s*<\/td>/g)].map((m) => Number(m[1]?.replace(/,/g, '')));

describe(`outcomes dashboards on ${testDatabaseKind}`, () => {
  test('a period with too few people for any figure says so instead of drawing charts of hidden bars', async () => {
    const empty = await commissioner.get('/outcomes?from=2025-01&to=2025-02');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No chart: there are too few people to show any of these figures');
    expect(empty.body).not.toContain('id="funnel-chart-title"');
    expect(empty.body).not.toContain('id="monthly-chart-title"');
    // The tables still list each figure, as hidden.
    expect(empty.body).toMatch(/Referred<\/th>\s*<td[^>]*>\s*not shown/);
    const full = await commissioner.get('/outcomes?from=2026-05&to=2026-08');
    expect(full.body).toContain('id="funnel-chart-title"');
  });

  test('a commissioner sees the funnel with conversions, times, monthly figures and the summary; small counts are not shown', async () => {
    const res = await commissioner.get('/outcomes?from=2026-05&to=2026-08');
    expect(res.statusCode, res.body).toBe(200);
    // A hidden count is worded in the sentence, not left as "not shown".
    expect(res.body).toContain(
      'From May 2026 to August 2026, 40 people were referred, 12 people started a job and fewer than 10 people stayed in work for 13 weeks.',
    );
    expect(res.body).toMatch(/First contact<\/th>\s*<td[^>]*>\s*30\s*<\/td>\s*<td[^>]*>\s*75\.0%/);
    expect(res.body).toContain('<svg');
    // Days to first contact: person i reached on day i+1, i = 0..29: median 15, 90th percentile 27.
    expect(res.body).toMatch(/First contact<\/th>\s*<td[^>]*>\s*30\s*<\/td>\s*<td[^>]*>\s*15 days/);
    for (const n of tableNumbers(res.body)) expect(n === 0 || n >= 10, `a count of ${n} is shown`).toBe(true);
  });

  test('the CSV download has the same figures, in RFC 4180, and no count under the threshold', async () => {
    const res = await commissioner.get('/outcomes/download.csv?from=2026-05&to=2026-08');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('section,item,measure,value');
    expect(lines).toContain('funnel,referral-received,people,40');
    expect(lines).toContain('funnel,job-start,people,12');
    expect(lines).toContain('funnel,sustained-13-weeks,people,suppressed');
    expect(lines).toContain('days from referral,first-contact,median,15');
    expect(lines).toContain('days from referral,first-contact,90th percentile,27');
    // Job starts were all in June, but the other months are zero (small), so June could be worked out from the total: hidden.
    expect(lines).toContain('monthly,2026-06,job-start,suppressed');
    expect(lines).toContain('monthly,total,job-start,12');
    for (const line of lines.filter((l) => /,people,|^monthly|^by /.test(l))) {
      const value = line.split(',').at(-1) ?? '';
      if (value !== 'suppressed') expect(Number(value), line).toBeGreaterThanOrEqual(10);
    }
  });

  test('filters are GET parameters; a bad one is shown in the error summary, not a failure', async () => {
    const byService = await commissioner.get('/outcomes?from=2026-06&to=2026-06&by=referring-service');
    expect(byService.statusCode).toBe(200);
    expect(byService.body).toContain('GP or primary care');
    expect(byService.body).toContain('value="2026-06"');
    const bad = await commissioner.get('/outcomes?from=2026-13&by=shoe-size');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter a month as year and month, like 2026-01');
    const csv = await commissioner.get('/outcomes/download.csv?to=nope');
    expect(csv.statusCode).toBe(422);
  });

  test('a team lead sees their own teams only; a specialist sees no outcomes; one tenant never sees another’s', async () => {
    const lead = browser(t.app);
    await lead.signIn('team-lead@leicester.bridgework.example');
    expect((await lead.get('/outcomes')).statusCode).toBe(200);
    const cardiffTeam = (await t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
      tx
        .selectFrom('teams' as never)
        .select('id' as never)
        .executeTakeFirstOrThrow(),
    )) as {
      id: string;
    };
    expect((await lead.get(`/outcomes?team=${cardiffTeam.id}`)).statusCode).toBe(403);
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    expect((await specialist.get('/outcomes')).statusCode).toBe(403);
    // Cardiff's 15 referrals are not in Leicester's figures.
    expect((await commissioner.get('/outcomes/download.csv?from=2026-05&to=2026-08')).body).not.toContain('referral-received,people,55');
  });

  test('the national analyst sees every area, suppressed as one group per figure, and the CSV with it', async () => {
    const analyst = browser(t.app);
    await analyst.signIn('national-analyst@leicester.bridgework.example');
    const res = await analyst.get('/outcomes/national?from=2026-05&to=2026-08');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('Leicester');
    expect(res.body).toContain('Cardiff');
    for (const n of tableNumbers(res.body)) expect(n === 0 || n >= 10, `a count of ${n} is shown`).toBe(true);
    const csv = await analyst.get('/outcomes/national/download.csv?from=2026-05&to=2026-08');
    expect(csv.body).toContain('E06000016,Leicester City Council,40,12,suppressed');
    // Sustained work: 3 in Leicester and none in Cardiff, so the total is under the threshold and every cell is hidden.
    expect(csv.body).toMatch(/W06000015,Cardiff Council,15,11,suppressed/);
    expect(csv.body).toMatch(/,total,55,23,suppressed/);
    expect((await commissioner.get('/outcomes/national')).statusCode).toBe(403);
  });
});
