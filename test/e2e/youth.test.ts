/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { youthMessages } from '../../src/domains/youth/index.ts';
import { type Answers, expectAccessible, fillAndSubmit, signIn as signInAs, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
const en = youthMessages.en;
const cy = youthMessages.cy;
const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** Checks the page with axe, answers it by field name, and continues to the next page. */
async function answer(page: Page, answers: Answers) {
  await expectAccessible(page);
  for (const [name, value] of Object.entries(answers)) {
    for (const v of [value].flat()) {
      const choice = page.locator(`main input[name="${name}"][value="${v}"]`);
      if (await choice.count()) await choice.check();
      else await page.locator(`main [name="${name}"]`).fill(v);
    }
  }
  const before = page.url();
  await page.locator('main form button.govuk-button').last().click();
  await page.waitForURL((url) => url.toString() !== before);
}

/** Switches to Welsh with the header link, checks the text and axe there, and switches back. */
async function inWelsh(page: Page, expected: string) {
  await page.locator('.app-language-switch').click();
  await page.waitForLoadState();
  expect(await page.getAttribute('html', 'lang')).toBe('cy');
  expect(await main(page)).toContain(expected);
  await expectAccessible(page);
  await page.locator('.app-language-switch').click();
  await page.waitForLoadState();
}

describe('the youth pathway in Chromium with axe-core', () => {
  test('a young person refers themselves; the specialist triages them at first contact and records an offer they take up, in English and Welsh', async () => {
    // The young person, with no account.
    const person = await e2e.browser.newContext({ bypassCSP: true });
    const self = await person.newPage();
    await self.goto(`${e2e.server.url}/self-referral`);
    await expectAccessible(self);
    await self.getByLabel('Leicester City Council').check();
    await self.locator('main form button.govuk-button').click();
    await self.waitForURL('**/self-referral/name');
    const steps: Answers[] = [
      { givenName: 'Kai', familyName: 'Thompson' },
      { 'dateOfBirth-day': '14', 'dateOfBirth-month': '8', 'dateOfBirth-year': '2006' },
      {},
      { addressLine1: '7 Belgrave Gate', town: 'Leicester', postcode: 'LE1 3GP' },
      { email: 'kai.thompson@example.com' },
      { preferredLanguage: 'en' },
      { contactMethod: 'email' },
      { conditionsText: 'Anxiety', conditionCategories: 'mental-health' },
      { fitNote: 'none' },
      { benefits: 'none' },
      { helpWanted: 'An apprenticeship in something practical' },
      { urgency: 'routine' },
      { inEducationEmploymentOrTraining: 'no' },
      { consentScopes: 'share-with-employment-team' },
    ];
    for (const s of steps) await answer(self, s);
    await self.locator('main form button.govuk-button').last().click();
    await self.waitForURL('**/self-referral/sent');
    const reference = (await self.locator('.govuk-panel strong').textContent()) ?? '';
    expect(reference).toMatch(/^BW-/);
    await person.close();

    // The specialist accepts the referral and opens the case's youth pathway.
    const staff = await e2e.browser.newContext({ bypassCSP: true });
    const page = await staff.newPage();
    await signInAs(page, e2e.server.url, 'specialist@leicester.bridgework.example');
    await page.goto(`${e2e.server.url}/referrals/inbox`);
    await page.getByRole('link', { name: reference }).click();
    await page.locator('form[action$="/accept"] button').click();
    await page.waitForURL('**?done=accepted');
    await page.locator('main a[href^="/cases/"]').first().click();
    await page.waitForURL('**/cases/*');
    await page.getByRole('link', { name: en['youth.caseLink'] }).click();
    await page.waitForURL('**/youth');
    expect(await main(page)).toContain(en['youth.triage.none']);
    await expectAccessible(page);
    await inWelsh(page, cy['youth.triage.none']);

    // The triage question page: a mistake first, shown in the error summary.
    await page.getByRole('button', { name: en['youth.triage.record'] }).click();
    await page.waitForURL('**/youth/triage');
    await expectAccessible(page);
    await fillAndSubmit(page, { housing: 'settled' });
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(en['youth.error.aims']);
    await expectAccessible(page);
    await inWelsh(page, cy['youth.triage.aims']);
    await fillAndSubmit(page, {
      aims: ['apprenticeship', 'training'],
      mentalHealth: 'needed',
      housing: 'settled',
      caring: 'none',
      notes: 'Prefers hands-on work',
    });
    await page.waitForURL('**/youth?done=triage');
    const pathway = await main(page);
    expect(pathway).toContain(en['youth.done.triage']);
    expect(pathway).toContain('20 working days (platform policy)');
    expect(pathway).toContain('Running: 20 working days left');
    await expectAccessible(page);
    await inWelsh(page, '20 diwrnod gwaith (polisi’r platfform)');

    // An offer, recorded as an opportunity: no box for a benefit condition on the voluntary regime.
    await page.getByRole('button', { name: en['youth.offer.record'] }).click();
    await page.waitForURL('**/youth/offers/new');
    expect(await page.locator('input[name="relayCondition"]').count()).toBe(0);
    await expectAccessible(page);
    await inWelsh(page, cy['youth.offer.type']);
    await fillAndSubmit(page, {
      type: 'apprenticeship',
      provider: 'Leicester College',
      details: 'Level 2 engineering apprenticeship, four days a week',
      ...ukDate('offeredOn', 0),
      ...ukDate('startsOn', 14),
    });
    await page.waitForURL('**/youth?done=offer');
    expect(await main(page)).toContain('Leicester College');
    expect(await main(page)).toMatch(/Met: first offer after 0 working days/);
    await expectAccessible(page);

    // Taken up: a date in the future is refused first.
    await page.locator('main a[href$="/taken-up"]').click();
    await page.waitForURL('**/taken-up');
    await expectAccessible(page);
    await fillAndSubmit(page, ukDate('takenUpOn', 3));
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(en['youth.error.taken-up-in-future']);
    await expectAccessible(page);
    // The language switch loads the page afresh: the question in Welsh.
    await inWelsh(page, cy['youth.takeUp.takenUpOn']);
    await fillAndSubmit(page, ukDate('takenUpOn', 0));
    await page.waitForURL('**/youth?done=taken-up');
    expect(await main(page)).toContain(en['youth.status.taken-up']);
    await expectAccessible(page);
    await inWelsh(page, cy['youth.status.taken-up']);
    await staff.close();
  });
});
