/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { betterOffMessages } from '../../src/domains/benefits/index.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import { expectAccessible, openCase, signIn, signInEmail, useE2e } from './browser.ts';

const e2e = useE2e();
const en = betterOffMessages.en;
const cy = betterOffMessages.cy;

/** Answers the form as a person would: the LCWRA answer reveals its date. */
async function fillForm(page: Page, words: typeof en) {
  await page.getByLabel(words['betterOff.form.hourlyPay']).fill('12.71');
  await page.getByLabel(words['betterOff.form.hours']).fill('16');
  await page.locator('#age').fill('42');
  await page.locator('#partner-2').check();
  await page.locator('#children-2').check();
  await page.locator('#lcwra').check();
  await page.locator('#lcwraSince-day').fill('1');
  await page.locator('#lcwraSince-month').fill('5');
  await page.locator('#lcwraSince-year').fill('2023');
  await page.getByLabel(words['betterOff.form.rent']).fill('450');
}

/** The result: summary, chart, table with the proposed hours, and the PDF it downloads. */
async function checkResult(page: Page, words: typeof en) {
  expect(await page.locator('h1').textContent()).toContain(words['betterOff.result.title']);
  expect(await page.locator('#better-off-summary').textContent()).toMatch(/£[\d,]+\.\d\d/);
  const chart = page.locator('svg[role="img"]');
  expect(await chart.count()).toBe(1);
  expect(await chart.locator('title').textContent()).toBe(words['betterOff.chart.title']);
  expect(await chart.locator('path.app-chart__line').count()).toBe(3);
  expect(await page.locator('table caption', { hasText: words['betterOff.table.caption'] }).count()).toBe(1);
  expect(await page.locator('tbody th[scope="row"]', { hasText: words['betterOff.table.yours'] }).textContent()).toContain('16');
  await page.locator('details summary').click();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words['betterOff.pdf'] }).click()]);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('better off in work in Chromium with axe-core', () => {
  test('a specialist works out a person’s figures on their case, sees the chart and table, and downloads the PDF', async () => {
    const { caseId } = await openCase(e2e, 'E06000016', {
      givenName: 'Dylan',
      familyName: 'Price',
      email: 'dylan.price@example.com',
      postcode: 'LE1 6ZG',
      language: 'en',
    });
    const page = await e2e.context.newPage();
    await signIn(page, e2e.server.url, 'specialist@leicester.bridgework.example');
    await page.goto(`${e2e.server.url}/cases/${caseId}/better-off`);
    expect(await page.locator('h1').textContent()).toContain(en['betterOff.title']);
    expect(await page.locator('#age').inputValue()).toMatch(/^\d+$/);
    await expectAccessible(page);

    // A mistake first: the error summary, with a link to the field.
    await page.getByLabel(en['betterOff.form.hours']).fill('41');
    await page.getByRole('button', { name: en['betterOff.form.submit'] }).click();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(en['betterOff.error.hours']);
    await expectAccessible(page);

    await fillForm(page, en);
    await page.getByRole('button', { name: en['betterOff.form.submit'] }).click();
    await page.waitForLoadState();
    // Posted, so the health answers are not in the address.
    expect(page.url()).toBe(`${e2e.server.url}/cases/${caseId}/better-off`);
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('LCWRA element of £429.80 a month stays');
    await checkResult(page, en);
    await page.close();
  });

  test('in Welsh, a participant finds it in their own pages, works it out and downloads the PDF', async () => {
    const email = 'gwen.morgan@example.com';
    const { tenantId } = await openCase(e2e, 'W06000015', { givenName: 'Gwen', familyName: 'Morgan', email, postcode: 'CF10 1AA', language: 'cy' });
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.server.url}/my-support`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL('**/my-support/check-email');
    const mail = await signInEmail(e2e, tenantId, email);
    const link = /\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0] ?? '';
    await page.goto(`${e2e.server.url}${link}`);
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL('**/my-support/plan');

    await page.getByRole('link', { name: cy['betterOff.nav'] }).click();
    await page.waitForURL('**/my-support/better-off');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    expect(await page.locator('h1').textContent()).toContain(cy['betterOff.title']);
    await expectAccessible(page);

    await fillForm(page, cy);
    await page.getByRole('button', { name: cy['betterOff.form.submit'] }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${e2e.server.url}/my-support/better-off`);
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    expect(await page.locator('#better-off-summary').textContent()).toContain('awr yr wythnos');
    expect(findObligationWording((await page.locator('body').textContent()) ?? '')).toEqual([]);
    await expectAccessible(page);
    await checkResult(page, cy);
    await page.close();
  });
});
