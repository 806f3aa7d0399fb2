/// <reference lib="dom" />

import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FIDELITY_KEYS } from '../../src/domains/outcomes/fidelity-scale.ts';
import { fidelityMessages, outcomeMessages } from '../../src/domains/outcomes/outcome-messages.ts';
import { type OutcomeKind, recordOutcomeFact } from '../../src/platform/outcomes/index.ts';
import { downloadedBytes, expectAccessible, signIn, useE2e } from './browser.ts';

// A commissioner's outcomes in the browser: the dashboard with its charts and tables, a filter, the
// CSV download, an IPS fidelity review and the monthly return, in English and in Welsh, axe clean.
const e2e = useE2e();
const words = { en: { ...outcomeMessages.en, ...fidelityMessages.en }, cy: { ...outcomeMessages.cy, ...fidelityMessages.cy } };

/** `n` journeys to the Leicester team last month: everyone referred, `steps[kind]` of them reaching each step. */
async function journeys(n: number, steps: Partial<Record<OutcomeKind, number>>) {
  const { db } = e2e.server;
  const tenant = await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', 'E06000016').executeTakeFirstOrThrow());
  await db.inTenant(tenant.id, async (tx) => {
    const team = (await sql<{ id: string }>`SELECT id FROM teams WHERE name = 'Leicester IPS team'`.execute(tx)).rows[0];
    if (!team) throw new Error('no Leicester team');
    const start = Date.now() - 40 * 86_400_000;
    for (let i = 0; i < n; i++) {
      const subjectId = crypto.randomUUID();
      const personId = crypto.randomUUID();
      const kinds: OutcomeKind[] = ['referral-received', ...(Object.keys(steps) as OutcomeKind[]).filter((k) => i < (steps[k] ?? 0))];
      for (const [j, kind] of kinds.entries()) {
        await recordOutcomeFact(tx, {
          tenantId: tenant.id,
          kind,
          at: new Date(start + j * 86_400_000),
          subjectId,
          personId,
          daysFromReferral: j,
          dimensions: {
            teamId: team.id,
            specialistUserId: null,
            referringService: i % 2 ? 'gp' : 'mental-health',
            programme: 'ips',
            regime: 'voluntary-health',
            youthPathway: false,
            conditionCategories: ['mental-health'],
            ageBand: '25-34',
            nation: 'england',
          },
        });
      }
    }
  });
}

async function walk(page: Page, lang: 'en' | 'cy') {
  const t = words[lang];
  const base = e2e.server.url;
  await page.goto(`${base}/outcomes`);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
  await expectAccessible(page);
  // Every chart has its figures in a table, and the summary in words above. A chart whose every
  // figure is hidden (months of fewer than 10 people) is a sentence saying so instead.
  expect(await page.locator('main svg').count()).toBeGreaterThanOrEqual(1);
  expect((await page.locator('main svg').count()) + (await page.locator('main .govuk-inset-text', { hasText: t['outcomes.chart.tooFew'] }).count())).toBe(2);
  expect(await page.locator('main table caption', { hasText: t['outcomes.funnel.caption'] }).count()).toBe(1);
  expect(await page.locator('main table caption', { hasText: t['outcomes.monthly.caption'] }).count()).toBe(1);
  expect(await page.locator('main').textContent()).toContain(t['outcomes.summary.title']);

  // A filter: the view's address holds it, so it can be bookmarked.
  await page.selectOption('#by', 'referring-service');
  await page.getByRole('button', { name: t['outcomes.filter.apply'] }).click();
  await page.waitForURL(/by=referring-service/);
  await expectAccessible(page);
  expect(await page.locator('main h2', { hasText: t['outcomes.by.referring-service'] }).count()).toBe(1);

  // The CSV download has the same view's figures.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t['outcomes.download'] }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await downloadedBytes(download)).toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('section,item,measure,value');
  expect(csv).toContain('by referring-service');

  // An IPS fidelity review: choose the team, a mistake first, then every item.
  await page.goto(`${base}/outcomes/fidelity`);
  await expectAccessible(page);
  await page.getByRole('button', { name: t['fidelity.new'] }).click();
  await page.waitForURL('**/outcomes/fidelity/new');
  await expectAccessible(page);
  await page.getByLabel('Leicester IPS team').check();
  await page.getByRole('button', { name: t['fidelity.form.start'] }).click();
  await page.waitForURL(/fidelity\/new\?team=/);
  await expectAccessible(page);
  await page.getByRole('button', { name: t['fidelity.form.save'] }).click();
  await page.waitForLoadState();
  expect(await page.title()).toMatch(/^(Error|Gwall): /);
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(t['fidelity.error.reviewer']);
  await expectAccessible(page);
  await page.locator('#reviewedOn-day').fill('1');
  await page.locator('#reviewedOn-month').fill('12');
  await page.locator('#reviewedOn-year').fill('2026');
  await page.locator('#reviewer').fill('Centre for Mental Health');
  for (const key of FIDELITY_KEYS) {
    await page.locator(`input[name="${key}-score"][value="${key === 'disclosure' ? 3 : 4}"]`).check();
    await page.locator(`textarea[name="${key}-evidence"]`).fill('Seen in the records and at the team meeting');
  }
  await page.locator('textarea[name="disclosure-action"]').fill('Training on disclosure conversations by March');
  await page.getByRole('button', { name: t['fidelity.form.save'] }).click();
  await page.waitForURL(/\/outcomes\/fidelity\/[0-9a-f-]+\?saved=1/);
  await expectAccessible(page);
  expect(await page.locator('main').textContent()).toContain(t['fidelity.band.fair']);

  // The list draws each team's totals over time, with the table beside it.
  await page.goto(`${base}/outcomes/fidelity`);
  expect(await page.locator('main svg').count()).toBe(1);
  expect(await page.locator('main table caption', { hasText: t['fidelity.caption'] }).count()).toBe(1);
  await expectAccessible(page);

  // The monthly return.
  await page.goto(`${base}/outcomes/returns?programme=ips`);
  await expectAccessible(page);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t['outcomes.returns.json'] }).click()]);
  expect(JSON.parse((await downloadedBytes(json)).toString('utf8')).schemaVersion).toBe('1.0.0');
}

describe('outcomes in the browser', () => {
  test('a commissioner walks the dashboard, a filter, the CSV, a fidelity review and the monthly return in English, then in Welsh', async () => {
    await journeys(30, { 'first-contact': 25, accepted: 20, 'first-appointment': 18, 'job-start': 12 });
    const page = await e2e.context.newPage();
    await signIn(page, e2e.server.url, 'commissioner@leicester.bridgework.example');
    await walk(page, 'en');
    await page.goto(`${e2e.server.url}/outcomes`);
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/outcomes');
    await walk(page, 'cy');
    await page.close();
  }, 240_000);

  test('a team lead records a specialist’s working time on the team page', async () => {
    const context = await e2e.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'team-lead@leicester.bridgework.example');
    await page.goto(`${e2e.server.url}/teams`);
    await page.getByRole('link', { name: 'Leicester IPS team' }).click();
    await page.waitForURL(/\/teams\/[0-9a-f-]+$/);
    await expectAccessible(page);
    await page.locator('main a[href*="/fte"]').first().click();
    await page.waitForURL(/\/fte$/);
    await expectAccessible(page);
    await page.locator('#fte').fill('2');
    await page.locator('main form button.govuk-button').click();
    await page.waitForLoadState();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page);
    await page.locator('#fte').fill('0.6');
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL(/\/teams\/[0-9a-f-]+$/);
    expect(await page.locator('main .govuk-summary-list').textContent()).toContain('0.60');
    await context.close();
  }, 120_000);
});
