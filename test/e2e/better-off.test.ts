/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { betterOffMessages } from '../../src/domains/benefits/index.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import { downloadedBytes, expectAccessible, fillAndSubmit, openCase, signIn, signInEmail, useE2e } from './browser.ts';

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
  await page.getByLabel(words['councilTax.form.bill']).fill('1,850');
}

/** The result: summary, chart, table with the proposed hours and Council Tax Support, and the PDF it downloads. */
async function checkResult(page: Page, words: typeof en, audience: 'staff' | 'participant') {
  expect(await page.locator('h1').textContent()).toContain(words['betterOff.result.title']);
  expect(await page.locator('#better-off-summary').textContent()).toMatch(/£[\d,]+\.\d\d/);
  const chart = page.locator('svg[role="img"]');
  expect(await chart.count()).toBe(1);
  expect(await chart.locator('title').textContent()).toBe(words['betterOff.chart.title']);
  // Total, Universal Credit, take-home pay and Council Tax Support, each named in the legend.
  expect(await chart.locator('path.app-chart__line').count()).toBe(4);
  expect(await chart.locator('.app-chart__legend text', { hasText: words['councilTax.line'] }).count()).toBe(1);
  expect(await page.locator('thead th', { hasText: words['councilTax.line'] }).count()).toBe(1);
  expect(await page.locator('#council-tax-support').textContent()).toBe(words['councilTax.section.title']);
  expect(await page.locator('table caption', { hasText: words['betterOff.table.caption'] }).count()).toBe(1);
  expect(
    await page
      .locator('tbody th[scope="row"]', { hasText: audience === 'staff' ? words['betterOff.table.yours.staff'] : words['betterOff.table.yours'] })
      .textContent(),
  ).toContain('16');
  await page.locator('details summary').click();
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words['betterOff.pdf'] }).click()]);
  expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

describe('better off in work in Chromium with axe-core', () => {
  test('follow-up questions are revealed by their answer, without aria-expanded; without JavaScript they all show', async () => {
    const { caseId } = await openCase(e2e, 'E06000016', {
      givenName: 'Rhys',
      familyName: 'Owen',
      email: 'rhys.owen@example.com',
      postcode: 'LE1 6ZG',
      language: 'en',
    });
    // Contexts of its own: the file's shared one is signed in by the tests after this.
    const withScript = await e2e.browser.newContext({ bypassCSP: true });
    const page = await withScript.newPage();
    await signIn(page, e2e.server.url, 'specialist@leicester.bridgework.example');
    const url = `${e2e.server.url}/cases/${caseId}/better-off`;
    await page.goto(url);
    await page.locator('#partner-2').check();
    expect(await page.locator('#partnerAge').isVisible()).toBe(false);
    await page.locator('#partner').check();
    expect(await page.locator('#partnerAge').isVisible()).toBe(true);
    await page.locator('#partner-2').check();
    expect(await page.locator('#partnerAge').isVisible()).toBe(false);
    // LCW only once LCWRA is answered no.
    await page.locator('#lcwra').check();
    expect(await page.locator('#lcwraSince-day').isVisible()).toBe(true);
    expect(await page.locator('#lcw').isVisible()).toBe(false);
    await page.locator('#lcwra-2').check();
    expect(await page.locator('#lcw').isVisible()).toBe(true);
    expect(await page.locator('#lcwra-2').getAttribute('aria-controls')).toBe('conditional-lcwra-2');
    expect(await page.locator('input[aria-expanded]').count()).toBe(0);
    await expectAccessible(page);
    await withScript.close();

    const noScript = await e2e.browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await signIn(plain, e2e.server.url, 'specialist@leicester.bridgework.example');
    await plain.goto(url);
    for (const id of ['#partnerAge', '#childCount', '#lcwraSince-day', '#lcw']) expect(await plain.locator(id).isVisible(), id).toBe(true);
    await noScript.close();
  });

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
    // Leicester's own (illustrative) banded scheme, named and linked.
    expect(await page.getByRole('link', { name: 'Leicester Council Tax Support (illustrative bands for the demo)' }).count()).toBe(1);
    await checkResult(page, en, 'staff');
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
    // Cardiff is in Wales: the national Council Tax Reduction scheme.
    expect(await page.locator('main').textContent()).toContain(cy['councilTax.section.wales']);
    await expectAccessible(page);
    await checkResult(page, cy, 'participant');
    await page.close();
  });

  test('the Welsh scheme in English on a Cardiff case; an English council’s admin sets its bands, errors first', async () => {
    const { caseId } = await openCase(e2e, 'W06000015', {
      givenName: 'Rhys',
      familyName: 'Lloyd',
      email: 'rhys.lloyd@example.com',
      postcode: 'CF10 1AA',
      language: 'en',
    });
    // Browsers of their own: the shared one is signed in as Leicester's specialist by the first test.
    const options = { bypassCSP: true, javaScriptEnabled: true };
    const specialistContext = await e2e.browser.newContext(options);
    const page = await specialistContext.newPage();
    await signIn(page, e2e.server.url, 'specialist@cardiff.bridgework.example');
    await page.goto(`${e2e.server.url}/language/en?return=${encodeURIComponent(`/cases/${caseId}/better-off`)}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await fillForm(page, en);
    await page.getByRole('button', { name: en['betterOff.form.submit'] }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain(en['councilTax.section.wales.staff']);
    await checkResult(page, en, 'staff');
    await specialistContext.close();

    const adminContext = await e2e.browser.newContext(options);
    const admin = await adminContext.newPage();
    await signIn(admin, e2e.server.url, 'tenant-admin@leicester.bridgework.example');
    await admin.goto(`${e2e.server.url}/language/en?return=/home`);
    await admin.getByRole('link', { name: en['councilTax.settings.link'] }).click();
    await admin.waitForURL('**/admin/council-tax-support');
    await expectAccessible(admin);
    // A band with more off for a higher income: the error summary, and nothing saved.
    await fillAndSubmit(admin, { band2UpTo: '800', band2Discount: '90' });
    expect(await admin.title()).toMatch(/^Error: /);
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain(en['councilTax.settings.error.discountOrder']);
    await expectAccessible(admin);
    await fillAndSubmit(admin, { band2UpTo: '700', band2Discount: '60' });
    await admin.waitForURL('**/admin/council-tax-support?saved=1');
    expect(await admin.locator('.govuk-notification-banner').textContent()).toContain(en['councilTax.settings.saved']);
    await expectAccessible(admin);
    await adminContext.close();
  });
});
