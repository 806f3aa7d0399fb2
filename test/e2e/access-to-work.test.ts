/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accessToWorkMessages } from '../../src/domains/access-to-work/index.ts';
import { type Answers, downloadedBytes, expectAccessible, fillAndSubmit, openCase, signIn, signInEmail, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
const en = accessToWorkMessages.en;
const cy = accessToWorkMessages.cy;
type Words = typeof en;

/** Fills a form by field name, submits it and waits to land on `landing`, checking both pages with axe. */
async function answer(page: Page, answers: Answers, landing: string | RegExp) {
  await expectAccessible(page);
  await fillAndSubmit(page, answers);
  await page.waitForURL(landing);
  await expectAccessible(page);
}

/** A download started by clicking a link, read as a PDF. */
async function downloadPdf(page: Page, linkName: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return downloadedBytes(download);
}

/** An employer checks the code on the public page, signed in as nobody, in English or Welsh. */
async function employerChecks(code: string, welsh: boolean) {
  const anonymous = await e2e.browser.newContext({ bypassCSP: true });
  const page = await anonymous.newPage();
  await page.goto(`${e2e.server.url}/check-access-to-work`);
  const t: Words = welsh ? cy : en;
  if (welsh) {
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/check-access-to-work');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: t['atw.check.button'] }).click();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(t['atw.error.code']);
  await expectAccessible(page);
  await page.getByLabel(t['atw.check.label']).fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: t['atw.check.button'] }).click();
  await page.waitForLoadState();
  const main = (await page.locator('main').textContent()) ?? '';
  await expectAccessible(page);
  await anonymous.close();
  return main;
}

/** Assessment → decision in principle → letter → employer check by code → conversion on a job offer, in one language. */
async function walk(page: Page, caseId: string, t: Words, welsh: boolean, person: string) {
  await page.goto(`${e2e.server.url}/cases/${caseId}`);
  await expectAccessible(page);
  await page.getByRole('link', { name: t['atw.caseLink'] }).click();
  await page.waitForURL('**/access-to-work');
  expect(await page.locator('main').textContent()).toContain(t['atw.decision.none']);
  await expectAccessible(page);

  // The assessment: a mistake first (nothing answered), then the person's needs.
  await page.getByRole('button', { name: t['atw.action.assess'] }).click();
  await page.waitForURL('**/access-to-work/assess');
  await page.locator('main form button.govuk-button').click();
  expect(await page.title()).toMatch(/^(Error|Gwall): /);
  await expectAccessible(page);
  // Not eligible: the summary says so and gives each rule not met, in the reader's language.
  await fillAndSubmit(page, { nation: 'northern-ireland', conditionExpectedMonths: '18', status: 'voluntary', claimsUniversalCredit: 'no', equipment: '900' });
  await page.waitForLoadState();
  const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
  expect(summary).toContain(t['atw.error.notEligible']);
  expect(summary).toContain(t['atw.reason.work.voluntary']);
  expect(summary).toContain(t['atw.reason.nation.northern-ireland']);
  await expectAccessible(page);
  await answer(
    page,
    {
      nation: welsh ? 'wales' : 'england',
      conditionExpectedMonths: '24',
      status: 'seeking',
      claimsUniversalCredit: 'yes',
      equipment: '1800',
      supportHours: '5',
      supportRate: '18',
      mhss: 'yes',
    },
    '**/access-to-work?done=assessed',
  );
  const draft = (await page.locator('.govuk-summary-card').first().textContent()) ?? '';
  expect(draft).toContain(t['atw.status.draft']);
  expect(await page.locator('main').textContent()).toContain(t['atw.platformPolicy']);

  // Issued: a code, the letter.
  await page.getByRole('button', { name: t['atw.action.issue'] }).click();
  await page.waitForURL('**/access-to-work?done=issued');
  await expectAccessible(page);
  const card = (await page.locator('.govuk-summary-card').first().textContent()) ?? '';
  expect(card).toContain(t['atw.status.issued']);
  const code = /AW-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(card)?.[0] ?? '';
  expect(code).not.toBe('');
  const letter = await downloadPdf(page, t[welsh ? 'atw.decision.letterCy' : 'atw.decision.letter']);
  expect(letter.subarray(0, 4).toString('latin1')).toBe('%PDF');
  expect(letter.toString('latin1')).toContain(welsh ? '/Lang (cy-GB)' : '/Lang (en-GB)');

  // An employer checks it by code: valid, its categories and ranges, never the person.
  const checked = await employerChecks(code, welsh);
  expect(checked).toContain(t['atw.check.valid']);
  expect(checked).toContain(t['atw.category.equipment']);
  expect(checked).not.toContain(person);

  // The job offer: one action makes the application pack and marks the decision converted.
  await page.getByRole('button', { name: t['atw.action.convert'] }).click();
  await page.waitForURL('**/convert');
  await answer(
    page,
    {
      employer: welsh ? 'Llyfrgell Caerdydd' : 'Leicester Library',
      role: welsh ? 'Cynorthwyydd llyfrgell' : 'Library assistant',
      ...ukDate('startDate', 21),
      hoursPerWeek: '20',
    },
    '**/access-to-work?done=converted',
  );
  expect((await page.locator('.govuk-summary-card').first().textContent()) ?? '').toContain(t['atw.status.converted']);
  const pack = await downloadPdf(page, t[welsh ? 'atw.decision.packCy' : 'atw.decision.pack']);
  expect(pack.subarray(0, 4).toString('latin1')).toBe('%PDF');
  return code;
}

describe('Access to Work decisions in principle in Chromium with axe-core', () => {
  test('in English: assessment, decision in principle, letter, employer check by code, conversion on a job offer', async () => {
    const { caseId } = await openCase(e2e, 'E06000016', {
      givenName: 'Priya',
      familyName: 'Shah',
      email: 'priya.shah@example.com',
      postcode: 'LE1 5WW',
      language: 'en',
    });
    const page = await e2e.context.newPage();
    await signIn(page, e2e.server.url, 'specialist@leicester.bridgework.example');
    await walk(page, caseId, en, false, 'Priya');
    await page.close();
  });

  test('in Welsh: the same walk by a Cardiff specialist, then the person shares their passport from their own page', async () => {
    const email = 'gethin.lloyd@example.com';
    const { tenantId, caseId } = await openCase(e2e, 'W06000015', { givenName: 'Gethin', familyName: 'Lloyd', email, postcode: 'CF10 1AA', language: 'cy' });
    const context = await e2e.browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, e2e.server.url, 'specialist@cardiff.bridgework.example');
    // The Cardiff specialist may already work in Welsh; if not, they choose it.
    if ((await page.getAttribute('html', 'lang')) !== 'cy') {
      await page.getByRole('link', { name: /Cymraeg/ }).click();
      await page.waitForURL('**/home');
    }
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await walk(page, caseId, cy, true, 'Gethin');
    await context.close();

    // The person, from their plan: the decision and the passport, which they choose to share.
    const own = await e2e.browser.newContext({ bypassCSP: true, acceptDownloads: true });
    const me = await own.newPage();
    await me.goto(`${e2e.server.url}/my-support`);
    await me.getByRole('link', { name: /Cymraeg/ }).click();
    await me.waitForURL('**/my-support');
    await me.locator('#email').fill(email);
    await me.locator('main form button.govuk-button').click();
    await me.waitForURL('**/my-support/check-email');
    const mail = await signInEmail(e2e, tenantId, email);
    await me.goto(`${e2e.server.url}${/\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0]}`);
    await me.locator('main form button.govuk-button').click();
    await me.waitForURL('**/my-support/plan');
    await me.getByRole('link', { name: cy['atw.mine.link'] }).click();
    await me.waitForURL('**/my-support/access-to-work');
    expect(await me.getAttribute('html', 'lang')).toBe('cy');
    expect((await me.locator('main').textContent()) ?? '').toContain(cy['atw.status.converted']);
    await answer(me, { adjustments: ['quiet-space', 'flexible-breaks'], shared: 'yes' }, '**/my-support/access-to-work?done=passport');
    expect(await me.locator('.govuk-notification-banner').textContent()).toContain(cy['atw.done.passport']);
    const letter = await downloadPdf(me, cy['atw.decision.letterCy']);
    expect(letter.toString('latin1')).toContain('/Lang (cy-GB)');
    await own.close();
  });
});
