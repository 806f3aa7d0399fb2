import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeJourneys } from '../support/outcomes-data.ts';
import { type Browser, bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The monthly return per programme: page, CSV, JSON and API from the same kept counts, suppressed.
let t: TestApp;
let commissioner: Browser;
beforeAll(async () => {
  t = await createTestApp();
  // June 2026, one team: 40 referred to IPS (25 taken on, 12 started a job, 3 in work 13 weeks),
  // and 15 to the youth pathway (11 started a job).
  await writeJourneys(t, 'leicester', 'Leicester IPS team', 40, { accepted: 25, 'job-start': 12, 'sustained-13-weeks': 3 });
  await writeJourneys(t, 'leicester', 'Leicester IPS team', 15, { 'job-start': 11 }, { programme: 'youth' });
  commissioner = browser(t.app);
  await commissioner.signIn('commissioner@leicester.bridgework.example');
}, 120_000);
afterAll(() => t.close());

const csvRows = (body: string) =>
  body
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(','));

describe(`the monthly return on ${testDatabaseKind}`, () => {
  test('the page shows the month’s totals for one programme, with the downloads for that view', async () => {
    const res = await commissioner.get('/outcomes/returns?month=2026-06&programme=ips');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(/Referred<\/th>\s*<td[^>]*>\s*40\s*</);
    expect(res.body).toMatch(/Started \(taken on\)<\/th>\s*<td[^>]*>\s*25\s*</);
    expect(res.body).toMatch(/In work 13 weeks<\/th>\s*<td[^>]*>\s*not shown\s*</);
    expect(res.body).toContain('href="/outcomes/returns/download.csv?month=2026-06&amp;programme=ips"');
    const welsh = await commissioner.get('/outcomes/returns?month=2026-06', {
      cookie: `${[...commissioner.jar].map(([k, v]) => `${k}=${v}`).join('; ')}; bw_lang=cy`,
    });
    expect(welsh.body).toContain('Ffurflen fisol');
  });

  test('the CSV holds every figure by dimension, versioned, with no count under the threshold', async () => {
    const res = await commissioner.get('/outcomes/returns/download.csv?month=2026-06&programme=ips');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('monthly-return-E06000016-ips-2026-06.csv');
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual(['schema_version', 'gss_code', 'programme', 'month', 'dimension', 'value', 'measure', 'count', 'suppressed']);
    const find = (dimension: string, value: string, measure: string) => rows.find((r) => r[4] === dimension && r[5] === value && r[6] === measure)?.slice(7);
    expect(find('total', 'all', 'referrals')).toEqual(['40', '']);
    expect(find('total', 'all', 'job-starts')).toEqual(['12', '']);
    expect(find('total', 'all', 'sustained-13-weeks')).toEqual(['', 'small']);
    expect(find('team', 'Leicester IPS team', 'referrals')).toEqual(['40', '']);
    expect(find('referring-service', 'gp', 'starts')).toEqual(['25', '']);
    // Nobody answered the equality questions: all 40 under "not answered".
    expect(find('sex', 'not-answered', 'referrals')).toEqual(['40', '']);
    for (const r of rows.slice(1)) {
      expect(r[0]).toBe('1.0.0');
      if (r[7] !== '') expect(Number(r[7]), r.join(',')).toBeGreaterThanOrEqual(10);
      else expect(['small', 'secondary']).toContain(r[8]);
    }
  });

  test('each programme has its own return; without one, all programmes together', async () => {
    const total = async (q: string) =>
      csvRows((await commissioner.get(`/outcomes/returns/download.csv?${q}`)).body)
        .filter((r) => r[4] === 'total')
        .map((r) => [r[6], r[7]]);
    expect(await total('month=2026-06&programme=youth')).toEqual([
      ['referrals', '15'],
      ['starts', ''],
      ['job-starts', '11'],
      ['sustained-13-weeks', ''],
      ['sustained-26-weeks', ''],
    ]);
    expect((await total('month=2026-06')).slice(0, 3)).toEqual([
      ['referrals', '55'],
      ['starts', '25'],
      ['job-starts', '23'],
    ]);
    expect(await total('month=2026-07&programme=ips')).toEqual([
      ['referrals', ''],
      ['starts', ''],
      ['job-starts', ''],
      ['sustained-13-weeks', ''],
      ['sustained-26-weeks', ''],
    ]);
  });

  test('the JSON download and the API give the same return as the CSV', async () => {
    const json = await commissioner.get('/outcomes/returns/download.json?month=2026-06&programme=ips');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const page = json.json() as { schemaVersion: string; rows: { dimension: string; value: string; measure: string; count: number | null }[] };
    expect(page.schemaVersion).toBe('1.0.0');
    const csv = csvRows((await commissioner.get('/outcomes/returns/download.csv?month=2026-06&programme=ips')).body).slice(1);
    expect(page.rows.map((r) => [r.dimension, r.value, r.measure, r.count === null ? '' : String(r.count)])).toEqual(csv.map((r) => r.slice(4, 8)));
    const token = await bearerToken(t, 'E06000016', 'outcomes:read');
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/outcomes/monthly-return?month=2026-06&programme=ips',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json().rows).toEqual(page.rows);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/outcomes/monthly-return?month=June', headers: { authorization: `Bearer ${token}` } });
    expect(bad.statusCode).toBe(422);
  });

  test('a bad month is shown in the error summary; a team lead has no return; another tenant’s is its own', async () => {
    const bad = await commissioner.get('/outcomes/returns?month=2026-13&programme=shoes');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Choose a programme from the list');
    const lead = browser(t.app);
    await lead.signIn('team-lead@leicester.bridgework.example');
    expect((await lead.get('/outcomes/returns')).statusCode).toBe(403);
    const cardiff = browser(t.app);
    await cardiff.signIn('commissioner@cardiff.bridgework.example');
    const rows = csvRows((await cardiff.get('/outcomes/returns/download.csv?month=2026-06')).body);
    expect(rows.find((r) => r[4] === 'total' && r[6] === 'referrals')?.slice(1, 2)).toEqual(['W06000015']);
    expect(rows.find((r) => r[4] === 'total' && r[6] === 'referrals')?.[7]).toBe('');
  });
});
