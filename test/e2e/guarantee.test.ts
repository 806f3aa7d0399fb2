/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { guaranteeMessages } from '../../src/domains/benefits/index.ts';
import { caseloadMessages } from '../../src/domains/participants/index.ts';
import { type Answers, downloadedBytes, expectAccessible, fillAndSubmit, openCase, signIn, signInEmail, specialistIn, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
const en = guaranteeMessages.en;
const cy = guaranteeMessages.cy;

/** Fills a form by field name, submits it and waits to land on `landing`. */
async function answer(page: Page, answers: Answers, landing: string | RegExp) {
  await expectAccessible(page);
  await fillAndSubmit(page, answers);
  await page.waitForURL(landing);
  await expectAccessible(page);
}

/** A download started by clicking a link, read as a PDF. */
async function downloadPdf(page: Page, linkName: string | RegExp) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).first().click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return downloadedBytes(download);
}

/** The public check, from a browser with nobody signed in. */
async function checkOnPublicPage(code: string, welsh: boolean) {
  const anonymous = await e2e.browser.newContext({ bypassCSP: true });
  const page = await anonymous.newPage();
  await page.goto(`${e2e.server.url}/check-a-guarantee`);
  await expectAccessible(page);
  const t = welsh ? cy : en;
  if (welsh) {
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/check-a-guarantee');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
  }
  expect(await page.locator('h1').textContent()).toContain(t['guarantee.check.title']);
  // A mistake first: the error summary.
  await page.getByRole('button', { name: t['guarantee.check.button'] }).click();
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(t['guarantee.error.code']);
  await expectAccessible(page);
  // Typed in lower case with spaces, as someone reading it off a letter might.
  await page.getByLabel(t['guarantee.check.label']).fill(code.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: t['guarantee.check.button'] }).click();
  await page.waitForLoadState();
  const main = (await page.locator('main').textContent()) ?? '';
  await expectAccessible(page);
  await anonymous.close();
  return main;
}

describe('the bridge-back guarantee in Chromium with axe-core', () => {
  test('a specialist records the benefit, a job start gives a guarantee, its code checks out publicly, and the job end produces the return pack', async () => {
    const page = await e2e.context.newPage();
    await signIn(page, e2e.server.url, 'specialist@leicester.bridgework.example');
    // Amira (Universal Credit with LCW) is waiting in the inbox: accepting her referral opens her case.
    const { specialist } = await specialistIn(e2e, 'E06000016');
    const inbox = await e2e.services.referrals.inbox(specialist);
    const amira = inbox.find((r) => r.personName === 'Amira Hussain');
    if (!amira) throw new Error('no referral for Amira');
    const caseId = (await e2e.services.referrals.accept(specialist, amira.id, {})).caseId;

    // From the case page, the one link to benefits and the guarantee.
    await page.goto(`${e2e.server.url}/cases/${caseId}`);
    await expectAccessible(page);
    await page.getByRole('link', { name: en['guarantee.caseLink'] }).click();
    await page.waitForURL('**/benefits');
    expect(await page.locator('h1').textContent()).toContain(en['guarantee.benefits.title']);
    expect(await page.locator('main').textContent()).toContain(en['guarantee.award.none']);
    await expectAccessible(page);

    // The benefit before work: a mistake first, then the award as evidenced.
    await page.getByRole('button', { name: en['guarantee.award.record'] }).click();
    await page.waitForURL('**/benefits/award');
    await expectAccessible(page);
    await page.locator('main form button.govuk-button').click();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await answer(page, { benefit: 'uc-lcw', ...ukDate('decisionDate', -400), evidence: ['award-letter', 'uc-journal'] }, '**/benefits?done=award');
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(en['guarantee.done.award']);

    // A job start, from the case page, makes the guarantee.
    await page.goto(`${e2e.server.url}/cases/${caseId}/jobs/new`);
    await answer(
      page,
      {
        employer: 'Leicester Housing Trust',
        role: 'Admin assistant',
        hoursPerWeek: '16',
        hourlyPay: '12.60',
        contractType: 'permanent',
        ...ukDate('startDate', -7),
      },
      '**?done=job',
    );
    await page.getByRole('link', { name: en['guarantee.caseLink'] }).click();
    await page.waitForURL('**/benefits');
    const card = (await page.locator('.govuk-summary-card').first().textContent()) ?? '';
    expect(card).toContain(en['guarantee.status.active']);
    expect(card).toContain('Universal Credit 6-month rule');
    const code = /BW-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(card)?.[0] ?? '';
    expect(code).not.toBe('');
    await expectAccessible(page);

    // The certificate, downloaded.
    const certificate = await downloadPdf(page, en['guarantee.certificate.en']);
    expect(certificate.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // The dashboard lists it.
    await page.goto(`${e2e.server.url}/guarantees`);
    expect(await page.locator('main').textContent()).toContain('Amira Hussain');
    await expectAccessible(page);

    // Anyone with the code can check it, in English and in Welsh, and sees nobody's name.
    const english = await checkOnPublicPage(code, false);
    expect(english).toContain(en['guarantee.check.valid']);
    expect(english).not.toContain('Amira');
    const welsh = await checkOnPublicPage(code, true);
    expect(welsh).toContain(cy['guarantee.check.valid']);

    // The job ends within the period: one action, and the case is back in job search with the pack ready.
    await page.goto(`${e2e.server.url}/cases/${caseId}`);
    await page
      .getByRole('link', { name: new RegExp(caseloadMessages.en['caseload.job.end']) })
      .first()
      .click();
    await page.waitForURL('**/end');
    await answer(page, { ...ukDate('endDate', 0), reason: 'The journey was too tiring' }, '**?done=jobEnd');
    await page.getByRole('link', { name: en['guarantee.caseLink'] }).click();
    await page.waitForURL('**/benefits');
    expect(await page.locator('main').textContent()).toContain(en['guarantee.returnPackReady']);
    await expectAccessible(page);
    const pack = await downloadPdf(page, en['guarantee.returnPack.en']);
    expect(pack.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const welshPack = await downloadPdf(page, en['guarantee.returnPack.cy']);
    expect(welshPack.toString('latin1')).toContain('/Lang (cy-GB)');
    expect((await e2e.services.cases.view(specialist, caseId ?? '')).summary.phase).toBe('job-search');
    await page.close();
  });

  test('in Welsh, the person sees their guarantee and downloads their certificate', async () => {
    const email = 'eleri.rowlands@example.com';
    const { tenantId, specialist, caseId } = await openCase(e2e, 'W06000015', {
      givenName: 'Eleri',
      familyName: 'Rowlands',
      email,
      postcode: 'CF10 1AA',
      language: 'cy',
      dateOfBirth: '1983-02-14',
    });
    await e2e.services.guarantees.recordAward(specialist, caseId, {
      benefit: 'esa-new-style',
      esaGroup: 'wrag',
      decisionDate: '2025-01-20',
      evidence: ['esa-decision-letter'],
    });
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    await e2e.services.cases.startJob(specialist, caseId, {
      employer: 'Llyfrgell Caerdydd',
      role: 'Cynorthwyydd llyfrgell',
      hoursPerWeek: 15,
      hourlyPay: 12.6,
      contractType: 'permanent',
      startDate: today,
    });

    // The person signs in from the emailed link.
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.server.url}/my-support`);
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/my-support');
    await page.locator('#email').fill(email);
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL('**/my-support/check-email');
    const mail = await signInEmail(e2e, tenantId, email);
    await page.goto(`${e2e.server.url}${/\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0]}`);
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL('**/my-support/plan');

    // From their plan, their guarantee, in Welsh.
    await page.getByRole('link', { name: cy['guarantee.mine.link'] }).click();
    await page.waitForURL('**/my-support/guarantee');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(cy['guarantee.mine.title']);
    expect(main).toContain(cy['guarantee.status.active']);
    expect(main).toContain('Cynorthwyydd llyfrgell');
    await expectAccessible(page);
    const certificate = await downloadPdf(page, cy['guarantee.certificate.cy']);
    expect(certificate.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(certificate.toString('latin1')).toContain('/Lang (cy-GB)');
    await page.close();
  });
});
