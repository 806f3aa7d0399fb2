/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { employersMessages } from '../../src/domains/employers/index.ts';
import { type Answers, expectAccessible, fillAndSubmit, openCase, signIn, signInEmail, specialistIn, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
const en = employersMessages.en;
const cy = employersMessages.cy;

/** Fills and submits a form, lands on `landing`, and checks both pages with axe. */
async function answer(page: Page, answers: Answers, landing: string | RegExp) {
  await expectAccessible(page);
  await fillAndSubmit(page, answers);
  await page.waitForURL(landing);
  await expectAccessible(page);
}

/** Submits the form as it is and expects the error summary, checked with axe. */
async function mistake(page: Page, message: string) {
  await page.locator('main form button.govuk-button').click();
  expect(await page.title()).toMatch(/^(Error|Gwall): /);
  expect(await page.locator('.govuk-error-summary').textContent()).toContain(message);
  await expectAccessible(page);
}

const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

describe('employers and matching in Chromium with axe-core', () => {
  test('an employer posts a vacancy; a specialist matches and introduces; the employer records an offer that becomes the job start', async () => {
    const url = e2e.server.url;
    const title = `Ward housekeeper ${Date.now()}`;

    // The employer posts a vacancy: a mistake first, then the check page, then publish.
    const employer = await e2e.browser.newContext({ bypassCSP: true });
    const ep = await employer.newPage();
    await signIn(ep, url, 'employer@leicester.bridgework.example');
    await expectAccessible(ep);
    await ep.getByRole('link', { name: en['employers.home.vacancies'] }).click();
    await ep.waitForURL('**/vacancies');
    await expectAccessible(ep);
    await ep.getByRole('button', { name: en['employers.vacancies.post'] }).click();
    await ep.waitForURL('**/vacancies/new');
    await expectAccessible(ep);
    await mistake(ep, en['employers.error.title']);
    await answer(
      ep,
      {
        title,
        description: 'Keeping the wards clean and safe.',
        soc: '9223',
        hoursMin: '16',
        hoursMax: '24',
        days: ['mon', 'tue', 'wed'],
        workplace: 'on-site',
        flexibleOptions: ['phased-start', 'job-share'],
        adjustmentsOffered: ['quiet-space', 'flexible-breaks'],
        payHourly: '12.45',
        contractType: 'permanent',
        postcode: 'LE1 5WW',
        ...ukDate('closingDate', 30),
      },
      /\/vacancies\/[0-9a-f-]{36}\?done=vacancy$/,
    );
    expect(await main(ep)).toContain(en['employers.vacancy.check']);
    await ep.getByRole('button', { name: en['employers.vacancy.publish'] }).click();
    await ep.waitForURL(/done=status$/);
    await expectAccessible(ep);
    expect(await main(ep)).toContain(en['employers.status.open']);

    // The specialist: a person who consents to contact with employers, their work profile, matches with reasons, the introduction.
    const { specialist, caseId } = await openCase(e2e, 'E06000016', {
      givenName: 'Amira',
      familyName: 'Patel',
      email: `amira.${Date.now()}@example.com`,
      postcode: 'LE2 1TE',
      language: 'en',
    });
    await e2e.services.cases.changeConsent(specialist, caseId, { scopes: ['share-with-health-team', 'contact-employers'] });
    const sp = await e2e.context.newPage();
    await signIn(sp, url, 'specialist@leicester.bridgework.example');
    await sp.goto(`${url}/cases/${caseId}`);
    await sp.getByRole('link', { name: en['employers.caseLink'] }).click();
    await sp.waitForURL('**/work');
    await expectAccessible(sp);
    expect(await main(sp)).toContain(en['employers.work.noProfile']);
    await sp.getByRole('button', { name: en['employers.work.edit'] }).click();
    await sp.waitForURL('**/work/profile');
    await expectAccessible(sp);
    await mistake(sp, en['employers.error.hours']);
    await answer(
      sp,
      {
        occupationsWanted: '92',
        hoursMin: '10',
        hoursMax: '20',
        days: ['mon', 'tue', 'wed', 'thu'],
        fluctuating: 'yes',
        fluctuationNeeds: 'A later start on bad days',
        flexibilityNeeded: ['phased-start'],
        adjustmentsNeeded: ['quiet-space'],
        postcode: 'LE2 1TE',
        maxTravelKm: '8',
        travelModes: ['bus'],
        payFloorHourly: '12.21',
      },
      '**/work?done=profile',
    );
    const matches = await main(sp);
    expect(matches).toContain(title);
    expect(matches).toContain(en['employers.work.why']);
    expect(matches).toContain('offers 24 hours; you want up to 20: it offers Job share');
    // Each introduce link names its vacancy for screen readers.
    await sp.getByRole('link', { name: `${en['employers.work.introduce']} (${title})` }).click();
    await sp.waitForURL('**/work/introduce/**');
    await expectAccessible(sp);
    await mistake(sp, en['employers.error.shared']);
    await answer(sp, { shared: ['name', 'availability', 'summary'], summary: 'Keen to work in a hospital', personAgreed: 'yes' }, '**/work?done=introduced');
    expect(await main(sp)).toContain(en['employers.intro.introduced']);

    // The employer: the candidate, with only what was agreed; an offer; accepted.
    await ep.goto(`${url}/home`);
    await ep.getByRole('link', { name: en['employers.home.candidates'] }).click();
    await ep.waitForURL('**/candidates');
    await expectAccessible(ep);
    await ep.getByRole('link', { name: 'Amira Patel' }).first().click();
    await ep.waitForURL(/\/candidates\/[0-9a-f-]{36}$/);
    await expectAccessible(ep);
    const candidate = await main(ep);
    expect(candidate).toContain('Keen to work in a hospital');
    expect(candidate).not.toContain('@example.com');
    await ep.getByRole('button', { name: en['employers.candidate.makeOffer'] }).click();
    await ep.waitForURL('**/offer');
    await expectAccessible(ep);
    await answer(ep, { hoursPerWeek: '20', payHourly: '12.45', contractType: 'permanent', ...ukDate('startDate', 14) }, /done=offer$/);
    await ep.getByRole('button', { name: en['employers.candidate.accepted'] }).click();
    await ep.waitForURL(/done=accepted$/);
    await expectAccessible(ep);
    expect(await main(ep)).toContain(en['employers.done.accepted']);
    await employer.close();

    // The job start is on the case.
    await sp.goto(`${url}/cases/${caseId}`);
    expect(await main(sp)).toContain(title);
    await expectAccessible(sp);
    await sp.close();
  });

  test('in Welsh, the person tells us the work they want and browses the vacancies that suit them, with why', async () => {
    const email = `gethin.${Date.now()}@example.com`;
    const { tenantId, specialist, caseId } = await openCase(e2e, 'W06000015', {
      givenName: 'Gethin',
      familyName: 'Lloyd',
      email,
      postcode: 'CF10 1AA',
      language: 'cy',
    });
    const { specialist: cardiff } = await specialistIn(e2e, 'W06000015');
    const [employer] = await e2e.services.employers.employers(cardiff);
    const title = `Porthor ${Date.now()}`;
    const vacancy = await e2e.services.employers.createVacancy(specialist, {
      employerId: employer?.id,
      title,
      soc: '9223',
      hoursMin: 12,
      hoursMax: 16,
      days: ['mon', 'tue'],
      workplace: 'on-site',
      flexibleOptions: ['phased-start'],
      adjustmentsOffered: ['quiet-space'],
      payHourly: 12.6,
      contractType: 'permanent',
      postcode: 'CF10 1AA',
      closingDate: `${new Date().getUTCFullYear() + 1}-01-31`,
    });
    expect(vacancy.status).toBe('open');

    // Signed in from the emailed link, in Welsh.
    await e2e.services.participants.requestLink({ email });
    const mail = await signInEmail(e2e, tenantId, email);
    const path = /\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0] ?? '';
    const page = await e2e.context.newPage();
    await page.goto(`${e2e.server.url}${path}`);
    await page.locator('main form button.govuk-button').click();
    await page.waitForURL('**/my-support/plan');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await page.getByRole('link', { name: cy['employers.mine.link'] }).click();
    await page.waitForURL('**/my-support/work');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await expectAccessible(page);
    expect(await main(page)).toContain(cy['employers.mine.noProfile']);
    await page.getByRole('button', { name: cy['employers.mine.edit'] }).click();
    await page.waitForURL('**/my-support/work/profile');
    await expectAccessible(page);
    await mistake(page, cy['employers.error.hours']);
    await answer(
      page,
      {
        hoursMin: '10',
        hoursMax: '16',
        days: ['mon', 'tue', 'wed'],
        fluctuating: 'no',
        flexibilityNeeded: ['phased-start'],
        adjustmentsNeeded: ['quiet-space'],
        postcode: 'CF10 1AA',
        maxTravelKm: '5',
        payFloorHourly: '12.21',
      },
      '**/my-support/work?done=profile',
    );
    const mine = await main(page);
    expect(mine).toContain(cy['employers.done.profile']);
    expect(mine).toContain(title);
    expect(mine).toContain(cy['employers.work.why']);
    expect(mine).toContain('mae’r cyflogwr yn barod i ddarparu Lle tawel');
    expect(await page.getAttribute('html', 'lang')).toBe('cy');
    await page.close();
    expect(caseId).toBeTruthy();
  });

  test('staff pages in English and Welsh: employers, adding one, logging a contact, vacancies and the people a vacancy suits', async () => {
    const url = e2e.server.url;
    // Its own context: the shared one is already signed in by the journeys above, and the sign-in
    // page redirects a signed-in browser away.
    const context = await e2e.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, url, 'specialist@leicester.bridgework.example');
    for (const [t, welsh] of [
      [en, false],
      [cy, true],
    ] as const) {
      await page.goto(`${url}/home`);
      if (welsh) {
        await page.getByRole('link', { name: /Cymraeg/ }).click();
        await page.waitForURL('**/home');
        expect(await page.getAttribute('html', 'lang')).toBe('cy');
      }
      await page.getByRole('link', { name: t['employers.home.staff'] }).first().click();
      await page.waitForURL('**/employers');
      await expectAccessible(page);
      await page.getByRole('button', { name: t['employers.list.add'] }).click();
      await page.waitForURL('**/employers/new');
      await expectAccessible(page);
      await mistake(page, t['employers.error.name']);
      const name = `${welsh ? 'Becws' : 'Bakery'} ${Date.now()}`;
      await answer(page, { name, sector: 'Food', sizeBand: 'small', disabilityConfident: 'committed' }, /\/employers\/[0-9a-f-]{36}\?done=employer$/);
      await page.getByRole('button', { name: t['employers.detail.logContact'] }).click();
      await page.waitForURL('**/contacts/new');
      await expectAccessible(page);
      await mistake(page, t['employers.error.mode']);
      await answer(page, { mode: 'phone', purpose: 'job-development', note: 'Talked about kitchen roles' }, /done=contact$/);
      expect(await main(page)).toContain('Talked about kitchen roles');
      await page.getByRole('button', { name: t['employers.detail.post'] }).click();
      await page.waitForURL('**/vacancies/new?employer=*');
      await expectAccessible(page);
      await answer(
        page,
        {
          title: `${welsh ? 'Pobydd' : 'Baker'} ${Date.now()}`,
          soc: '5432',
          hoursMin: '10',
          hoursMax: '20',
          workplace: 'on-site',
          payHourly: '12.50',
          contractType: 'permanent',
          postcode: 'LE1 5WW',
          ...ukDate('closingDate', 20),
        },
        /done=vacancy$/,
      );
      await page.getByRole('button', { name: t['employers.vacancy.publish'] }).click();
      await page.waitForURL(/done=status$/);
      await expectAccessible(page);
      await page.getByRole('link', { name: t['employers.vacancy.people'] }).click();
      await page.waitForURL('**/people');
      await expectAccessible(page);
      await page.goto(`${url}/vacancies`);
      await expectAccessible(page);
      expect(await main(page)).toContain(name);
    }
    await page.goto(`${url}/language/en?return=/home`);
    await context.close();
  });
});
