/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journeyMessages, referralMessages } from '../../src/domains/referrals/index.ts';
import type { RunningServer } from '../../src/main.ts';
import { type E2eRun, expectAccessible, signIn as signInAs, startE2e } from './browser.ts';

let run: E2eRun;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const cy = referralMessages.cy;
const cyJourney = journeyMessages.cy;

beforeAll(async () => {
  run = await startE2e();
  ({ server, browser, context } = run);
}, 120_000);
afterAll(() => run?.stop());

type Answers = Record<string, string | string[]>;

/** Checks the question page with axe, answers it by field name, and continues. */
async function answer(page: Page, answers: Answers) {
  await expectAccessible(page);
  for (const [name, value] of Object.entries(answers)) {
    for (const v of [value].flat()) {
      const choice = page.locator(`input[name="${name}"][value="${v}"]`);
      if (await choice.count()) await choice.check();
      else await page.locator(`[name="${name}"]`).fill(v);
    }
  }
  const before = page.url();
  await page.locator('main form button.govuk-button').last().click();
  await page.waitForURL((url) => url.toString() !== before);
}

const signIn = (page: Page, email: string) => signInAs(page, server.url, email);

const PERSON: [string, Answers][] = [
  ['name', { givenName: 'Jordan', familyName: 'Ellis' }],
  ['date-of-birth', { 'dateOfBirth-day': '3', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1979' }],
  ['nhs-number', { nhsNumber: '943 476 5870' }],
  ['address', { addressLine1: '12 Granby Street', town: 'Leicester', postcode: 'LE1 6FB' }],
  ['contact', { phone: '07700 900982', email: 'jordan@example.com' }],
  ['language', { preferredLanguage: 'en' }],
  ['contact-method', { contactMethod: 'email', doNotContact: 'post' }],
];

describe('referral journeys in Chromium with axe-core', () => {
  let clinicianReference = '';
  let selfReference = '';

  test('a clinician refers a patient with their consent and sees the referral in their list', async () => {
    const page = await context.newPage();
    await signIn(page, 'referrer@leicester.bridgework.example');
    await page.getByRole('link', { name: 'Make a referral' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.waitForURL('**/referrals/new/name');
    // A mistake first: the error summary, then the fix.
    await page.locator('main form button.govuk-button').click();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    for (const [, answers] of PERSON) await answer(page, answers);
    await answer(page, { referringService: 'gp' });
    await answer(page, { conditionsText: 'Low back pain', conditionCategories: 'musculoskeletal' });
    await answer(page, { fitNote: 'may-be-fit', fitNoteAdvice: 'Amended duties' });
    await answer(page, { benefits: 'uc-lcw' });
    await answer(page, { helpWanted: 'Find work without heavy lifting' });
    await answer(page, { urgency: 'routine' });
    await answer(page, {
      consentScopes: ['share-with-employment-team', 'share-with-health-team'],
      consentMethod: 'verbal',
      'consentDate-day': '20',
      'consentDate-month': '11',
      'consentDate-year': '2026',
    });
    expect(await page.locator('main').textContent()).toContain('Taking referrals');
    await answer(page, { teamId: (await page.locator('input[name="teamId"]').first().getAttribute('value')) ?? '' });
    expect(await page.locator('h1').textContent()).toContain('Check your answers');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.waitForURL('**/sent');
    clinicianReference = (await page.locator('.govuk-panel strong').textContent()) ?? '';
    expect(clinicianReference).toMatch(/^BW-/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'See your referrals' }).click();
    expect(await page.locator('main').textContent()).toContain(clinicianReference);
    await expectAccessible(page);
    await page.close();
  });

  test('a person refers themselves in Welsh, without signing in', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/self-referral`);
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/self-referral');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    expect(await page.locator('h1').textContent()).toContain(cy['referrals.journey.title.self']);
    await expectAccessible(page);
    await page.getByLabel('Cyngor Caerdydd').check();
    await page.getByRole('button', { name: cy['referrals.journey.start'] }).click();
    await page.waitForURL('**/self-referral/name');
    expect(await page.locator('h1').textContent()).toContain(cy['referrals.q.name.self']);
    const welsh: [string, Answers][] = [
      ['name', { givenName: 'Megan', familyName: 'Pritchard' }],
      ['date-of-birth', { 'dateOfBirth-day': '9', 'dateOfBirth-month': '7', 'dateOfBirth-year': '2005' }],
      ['nhs-number', {}],
      ['address', { addressLine1: '4 Heol y Frenhines', town: 'Caerdydd', postcode: 'CF10 2BH' }],
      ['contact', { email: 'megan@example.com' }],
      ['language', { preferredLanguage: 'cy' }],
      ['contact-method', { contactMethod: 'email' }],
      ['conditions', { conditionsText: 'Gorbryder', conditionCategories: 'mental-health' }],
      ['fit-note', { fitNote: 'none' }],
      ['benefits', { benefits: 'none' }],
      ['help', { helpWanted: 'Swydd ran-amser' }],
      ['urgency', { urgency: 'routine' }],
      ['young-person', { inEducationEmploymentOrTraining: 'no' }],
      ['consent-self', { consentScopes: 'share-with-employment-team' }],
    ];
    for (const [, answers] of welsh) await answer(page, answers);
    expect(await page.locator('h1').textContent()).toContain(cy['referrals.check.titleSelf']);
    // The person's own words: no staff "regime" on the page, the sections about them.
    expect(await page.locator('main').textContent()).not.toContain(cy['referrals.regime.voluntary-youth']);
    expect(await page.locator('main').textContent()).toContain(cyJourney['referrals.self.check.person']);
    await expectAccessible(page);
    await page.getByRole('button', { name: cyJourney['referrals.self.check.send'] }).click();
    await page.waitForURL('**/self-referral/sent');
    expect(await page.locator('h1').textContent()).toContain(cyJourney['referrals.self.confirmation.title']);
    selfReference = (await page.locator('.govuk-panel strong').textContent()) ?? '';
    expect(selfReference).toMatch(/^BW-/);
    await expectAccessible(page);
    await page.close();
  });

  test('a specialist accepts one referral and the team rejects another with a reason the referrer sees', async () => {
    const cardiff = await browser.newContext({ bypassCSP: true });
    const page = await cardiff.newPage();
    await signIn(page, 'specialist@cardiff.bridgework.example');
    await page.goto(`${server.url}/referrals/inbox`);
    await expectAccessible(page);
    await page.getByRole('link', { name: selfReference }).click();
    await expectAccessible(page);
    await page.locator('form[action$="/accept"] button').click();
    await page.waitForURL('**?done=accepted');
    expect(await page.locator('main').textContent()).toContain(cy['referrals.view.caseOpened']);
    await expectAccessible(page);
    await cardiff.close();

    const leicester = await browser.newContext({ bypassCSP: true });
    const lead = await leicester.newPage();
    await signIn(lead, 'specialist@leicester.bridgework.example');
    await lead.goto(`${server.url}/referrals/inbox`);
    await lead.getByRole('link', { name: clinicianReference }).click();
    // Rejecting with no reason is an error, shown with the summary.
    await lead.locator('form[action$="/reject"] button').click();
    expect(await lead.title()).toMatch(/^Error: /);
    await expectAccessible(lead);
    await lead.locator('form[action$="/reject"] input[value="out-of-area"]').check();
    await lead.locator('form[action$="/reject"] textarea').fill('Lives outside Leicester city: refer to the county team');
    await lead.locator('form[action$="/reject"] button').click();
    await lead.waitForURL('**?done=rejected');
    await expectAccessible(lead);
    await leicester.close();

    const referrer = await browser.newContext({ bypassCSP: true });
    const gp = await referrer.newPage();
    await signIn(gp, 'referrer@leicester.bridgework.example');
    await gp.goto(`${server.url}/referrals/mine`);
    await gp.getByRole('link', { name: clinicianReference }).click();
    const text = await gp.locator('main').textContent();
    expect(text).toContain('Not accepted');
    expect(text).toContain('Out of area: Lives outside Leicester city');
    await expectAccessible(gp);
    await referrer.close();
  });

  test('a tenant admin reviews teams, capacity and service levels', async () => {
    const admin = await browser.newContext({ bypassCSP: true });
    const page = await admin.newPage();
    await signIn(page, 'tenant-admin@leicester.bridgework.example');
    await page.getByRole('link', { name: 'Teams and capacity' }).click();
    expect(await page.locator('main').textContent()).toContain('Leicester IPS team');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Leicester IPS team' }).click();
    await expectAccessible(page);
    await page.goto(`${server.url}/teams/service-levels`);
    await page.locator('#contactAttemptLimit').fill('eleven');
    await page.getByRole('button', { name: 'Save service levels' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await page.locator('#contactAttemptLimit').fill('4');
    await page.getByRole('button', { name: 'Save service levels' }).click();
    await page.waitForURL('**/teams/service-levels?saved=1');
    await expectAccessible(page);
    await admin.close();
  });
});
