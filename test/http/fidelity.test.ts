import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIDELITY_KEYS } from '../../src/domains/outcomes/fidelity-scale.ts';
import { writeJourneys } from '../support/outcomes-data.ts';
import { type Browser, bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// IPS fidelity reviews: the form (measured items filled in, issues in the error summary), the
// review with its total and band, the list with scores over time, the API, and who may see what.
let t: TestApp;
let commissioner: Browser;
let leicesterTeam: string;
let cardiffTeam: string;
const teamOf = async (tenant: 'leicester' | 'cardiff') =>
  t.testDb.db.inTenant(t.tenants[tenant], async (tx) => (await sql<{ id: string }>`SELECT id FROM teams ORDER BY name LIMIT 1`.execute(tx)).rows[0]?.id ?? '');

beforeAll(async () => {
  t = await createTestApp();
  // 20 people started a job in June (5 months before the test's today), 4 of them left within 13 weeks: 20%.
  await writeJourneys(t, 'leicester', 'Leicester IPS team', 20, { 'job-start': 20, left: 4 });
  leicesterTeam = await teamOf('leicester');
  cardiffTeam = await teamOf('cardiff');
  commissioner = browser(t.app);
  await commissioner.signIn('commissioner@leicester.bridgework.example');
}, 120_000);
afterAll(() => t.close());

/** A whole review as the form posts it: every item scored `score`, with evidence; `extra` overrides fields. */
const answers = (score: number, extra: Record<string, string> = {}) => ({
  'reviewedOn-day': '20',
  'reviewedOn-month': '11',
  'reviewedOn-year': '2026',
  reviewer: 'Centre for Mental Health, independent review',
  ...Object.fromEntries(
    FIDELITY_KEYS.flatMap((k) => [
      [`${k}-score`, String(score)],
      [`${k}-evidence`, `Seen in the records for item ${FIDELITY_KEYS.indexOf(k) + 1}`],
    ]),
  ),
  ...extra,
});

describe(`IPS fidelity reviews on ${testDatabaseKind}`, () => {
  test('the form fills the measured items from the service’s own records, with the figure shown', async () => {
    const choose = await commissioner.get('/outcomes/fidelity/new');
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('Choose the team');
    const res = await commissioner.get(`/outcomes/fidelity/new?team=${leicesterTeam}`);
    expect(res.statusCode, res.body).toBe(200);
    // Time-unlimited support: 4 of the 20 job starters left within 13 weeks, 20%, which the anchors score 4.
    expect(res.body).toContain('20% of the 20 people who started a job in the last year (at least 13 weeks ago) left the service within 13 weeks of starting');
    expect(res.body).toMatch(/name="time-unlimited-support-score" type="radio" value="4" checked/);
    // Nobody has been introduced to an employer yet: nothing to measure, and no score chosen for it.
    expect(res.body).toContain('nobody introduced to an employer in the last year');
    expect(res.body).not.toMatch(/name="rapid-job-search-score" type="radio" value="\d" checked/);
    // The demo team's few open cases are under the disclosure threshold: no figure, no count, no score.
    expect(res.body).toContain('fewer than 10 people to measure, so the figure is not shown');
    expect(res.body).not.toMatch(/name="caseload-size-score" type="radio" value="\d" checked/);
    expect((await commissioner.get(`/outcomes/fidelity/new?team=${cardiffTeam}`)).statusCode).toBe(400);
  });

  test('a review with missing answers and a low item without an action plan is shown back with every issue', async () => {
    const url = `/outcomes/fidelity/new?team=${leicesterTeam}`;
    const form: Record<string, string> = {
      ...answers(4, { 'disclosure-score': '2', 'reviewedOn-day': '31', 'reviewedOn-month': '2' }),
      _csrf: await commissioner.csrf(url),
    };
    delete form['diversity-of-jobs-score'];
    delete form['zero-exclusion-evidence'];
    const res = await commissioner.post(url, form);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#reviewedOn-day"');
    expect(res.body).toContain('href="#diversity-of-jobs-score"');
    expect(res.body).toContain('Choose a score from 1 to 5 for this item');
    expect(res.body).toContain('href="#zero-exclusion-evidence"');
    // What was typed stays.
    expect(res.body).toContain('Centre for Mental Health, independent review');
    const future = await commissioner.post(url, { ...answers(5, { 'reviewedOn-year': '2027' }), _csrf: await commissioner.csrf(url) });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date of the review must be today or in the past');
    const low = await commissioner.post(url, { ...answers(4, { 'disclosure-score': '2' }), _csrf: await commissioner.csrf(url) });
    expect(low.statusCode).toBe(400);
    expect(low.body).toContain('href="#disclosure-action"');
  });

  test('a saved review shows its total, band, evidence and action plans; the list charts the totals over time', async () => {
    const url = `/outcomes/fidelity/new?team=${leicesterTeam}`;
    // 23 items at 4, one at 3 with an action, one at 5: 92 + 3 + 5 = 100, good.
    const res = await commissioner.post(url, {
      ...answers(4, { 'disclosure-score': '3', 'disclosure-action': 'Train the team in disclosure conversations by March', 'zero-exclusion-score': '5' }),
      _csrf: await commissioner.csrf(url),
    });
    expect(res.statusCode, res.body).toBe(303);
    const view = await commissioner.get(res.headers.location as string);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Total 100 out of 125: Good.');
    expect(view.body).toContain('Train the team in disclosure conversations by March');
    expect(view.body).toContain('Measured: 20% of the 20 people');
    const earlier = { ...answers(3), 'reviewedOn-month': '05' };
    for (const k of FIDELITY_KEYS) (earlier as Record<string, string>)[`${k}-action`] = 'An action';
    expect((await commissioner.post(url, { ...earlier, _csrf: await commissioner.csrf(url) })).statusCode).toBe(303);
    const list = await commissioner.get('/outcomes/fidelity');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<svg');
    expect(list.body).toMatch(/Leicester IPS team<\/a>\s*<\/th>\s*<td[^>]*>\s*20 November 2026\s*<\/td>\s*<td[^>]*>\s*100\s*<\/td>\s*<td[^>]*>\s*Good/);
    expect(list.body).toMatch(/20 May 2026\s*<\/td>\s*<td[^>]*>\s*75\s*<\/td>\s*<td[^>]*>\s*Fair/);
    const welsh = await commissioner.get('/outcomes/fidelity', { cookie: `${[...commissioner.jar].map(([k, v]) => `${k}=${v}`).join('; ')}; bw_lang=cy` });
    expect(welsh.body).toContain('Adolygiadau ffyddlondeb IPS');
    expect(welsh.body).toContain('Da');
  });

  test('a team lead sees and reviews their own teams only; a specialist sees none; another tenant sees none', async () => {
    const lead = browser(t.app);
    await lead.signIn('team-lead@leicester.bridgework.example');
    expect((await lead.get('/outcomes/fidelity')).statusCode).toBe(200);
    expect((await lead.get(`/outcomes/fidelity?team=${leicesterTeam}`)).body).toContain('Leicester IPS team');
    expect((await lead.get(`/outcomes/fidelity?team=${cardiffTeam}`)).statusCode).toBe(403);
    const form = await lead.get('/outcomes/fidelity/new');
    expect(form.body).toContain('Leicester IPS team');
    expect(form.body).not.toContain('Cardiff IPS team');
    expect((await lead.get(`/outcomes/fidelity/new?team=${cardiffTeam}`)).statusCode).toBe(400);
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    expect((await specialist.get('/outcomes/fidelity')).statusCode).toBe(403);
    const cardiff = browser(t.app);
    await cardiff.signIn('commissioner@cardiff.bridgework.example');
    const list = await cardiff.get('/outcomes/fidelity');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Leicester IPS team');
  });

  test('the API lists, reads and records reviews with the same rules; bad input is a 422 with its issues', async () => {
    const read = await bearerToken(t, 'E06000016', 'outcomes:read');
    const write = await bearerToken(t, 'E06000016', 'outcomes:write');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/fidelity-reviews', headers: { authorization: `Bearer ${read}` } });
    expect(list.statusCode).toBe(200);
    const items = (list.json() as { items: { id: string; total: number; band: string }[] }).items;
    expect(items.map((i) => [i.total, i.band])).toEqual([
      [100, 'good'],
      [75, 'fair'],
    ]);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/fidelity-reviews/${items[0]?.id}`, headers: { authorization: `Bearer ${read}` } });
    expect(one.json()).toMatchObject({ team: 'Leicester IPS team', total: 100 });
    const body = {
      teamId: leicesterTeam,
      reviewedOn: '2026-11-01',
      reviewer: 'Provider self-assessment',
      items: FIDELITY_KEYS.map((key) => ({ key, score: 5, evidence: 'Observed' })),
    };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/fidelity-reviews', headers: { authorization: `Bearer ${write}` }, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ total: 125, band: 'exemplary' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fidelity-reviews',
      headers: { authorization: `Bearer ${write}` },
      payload: { ...body, items: body.items.map((i) => (i.key === 'disclosure' ? { ...i, score: 1 } : i)).slice(1) },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues).toEqual([
      { path: 'caseload-size-score', message: 'Choose a score from 1 to 5 for this item' },
      { path: 'disclosure-action', message: 'Enter an action plan for this item: its score is low' },
    ]);
    const otherTenant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fidelity-reviews',
      headers: { authorization: `Bearer ${write}` },
      payload: { ...body, teamId: cardiffTeam },
    });
    expect(otherTenant.statusCode).toBe(422);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/fidelity-reviews', headers: { authorization: `Bearer ${write}` } })).statusCode).toBe(403);
  });
});
