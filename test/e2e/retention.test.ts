/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { retentionMessages } from '../../src/domains/retention/index.ts';
import { type Answers, expectAccessible, fillAndSubmit, signIn, signInEmail, specialistIn, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
type Words = typeof retentionMessages.en;

/** Fills and submits a form, lands on `landing`, and checks both pages with axe. */
async function answer(page: Page, answers: Answers, landing: string | RegExp) {
  await expectAccessible(page);
  await fillAndSubmit(page, answers);
  await page.waitForURL(landing);
  await expectAccessible(page);
}

const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** A member of staff signed in, in Welsh when asked (choosing it if their account does not already). */
async function staff(email: string, welsh: boolean) {
  const context = await e2e.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, e2e.server.url, email);
  if (welsh && (await page.getAttribute('html', 'lang')) !== 'cy') {
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/home');
  }
  if (!welsh && (await page.getAttribute('html', 'lang')) !== 'en') {
    await page.getByRole('link', { name: /English/ }).click();
    await page.waitForURL('**/home');
  }
  expect(await page.getAttribute('html', 'lang')).toBe(welsh ? 'cy' : 'en');
  return { context, page };
}

/**
 * A GP's retention referral with its fit note → the team accepts → the specialist agrees a
 * phased-return plan shared with the employer's named contact → the employer, signed in as an
 * employer user, sees only that plan → the person completes their phased return from their own
 * page → the specialist records the outcome. Every page is checked with axe.
 */
async function walk(o: {
  gss: string;
  la: string;
  welsh: boolean;
  person: { givenName: string; familyName: string; email: string; postcode: string };
  employer: string;
}) {
  const t: Words = o.welsh ? retentionMessages.cy : retentionMessages.en;
  const url = e2e.server.url;

  // The GP refers: a mistake first, then the person, their job and absence, consent and the fit note.
  const gp = await staff(`referrer@${o.la}.bridgework.example`, o.welsh);
  await expectAccessible(gp.page);
  await gp.page.getByRole('link', { name: t['retention.refer.title'] }).click();
  await gp.page.waitForURL('**/retention/refer');
  await expectAccessible(gp.page);
  await gp.page.locator('main form button.govuk-button').click();
  expect(await gp.page.title()).toMatch(/^(Error|Gwall): /);
  expect(await gp.page.locator('.govuk-error-summary').textContent()).toContain(t['retention.error.employerName']);
  await answer(
    gp.page,
    {
      givenName: o.person.givenName,
      familyName: o.person.familyName,
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1981',
      addressLine1: '12 Station Road',
      postcode: o.person.postcode,
      email: o.person.email,
      preferredLanguage: o.welsh ? 'cy' : 'en',
      referredBy: 'gp',
      employerName: o.employer,
      jobTitle: o.welsh ? 'Porthor' : 'Porter',
      hoursPerWeek: '30',
      absentNow: 'yes',
      absenceSpells: '1',
      absenceDays: '18',
      employerConsent: 'yes',
      ...ukDate('employerConsentOn', 0),
      fitness: 'may-be-fit',
      advice: ['phased-return', 'amended-duties'],
      condition: o.welsh ? 'Poen cefn' : 'Back pain',
      ...ukDate('from', 0),
      periodDays: '28',
      followUpNeeded: 'no',
      ...ukDate('issuedOn', 0),
      issuerProfession: 'doctor',
      helpWanted: o.welsh ? 'Dychwelyd yn raddol' : 'A phased return',
    },
    '**/retention/referred/**',
  );
  expect(await main(gp.page)).toContain(t['retention.referred.title']);
  const referralId = /\/retention\/referred\/([0-9a-f-]{36})/.exec(gp.page.url())?.[1] ?? '';
  await gp.context.close();

  // The team accepts the referral: a case opens.
  const { tenantId, specialist } = await specialistIn(e2e, o.gss);
  const accepted = await e2e.services.referrals.accept(specialist, referralId, {});
  const caseId = accepted.caseId ?? '';
  const contactId = (
    await e2e.server.db.inTenant(tenantId, (tx) =>
      tx.selectFrom('users').select('id').where('email', '=', `employer@${o.la}.bridgework.example`).executeTakeFirstOrThrow(),
    )
  ).id;

  // The specialist agrees a one-week phased return starting today, shared with the employer's contact.
  const s = await staff(`specialist@${o.la}.bridgework.example`, o.welsh);
  await s.page.goto(`${url}/cases/${caseId}`);
  await s.page.getByRole('link', { name: t['retention.caseLink'] }).click();
  await s.page.waitForURL('**/retention');
  expect(await main(s.page)).toContain(t['retention.advice.amended-duties']);
  await expectAccessible(s.page);
  await s.page.getByRole('button', { name: t['retention.action.plan'] }).click();
  await s.page.waitForURL('**/retention/plan');
  // One adjustment a line, and the action's owner from a list: typed and chosen before the rest.
  await s.page.locator('main [name="adjustments"]').fill(o.welsh ? 'Dim codi trwm\nSeibiannau hyblyg' : 'No heavy lifting\nFlexible breaks');
  await s.page.selectOption('main select[name="action1Owner"]', 'employer');
  await answer(
    s.page,
    {
      ...ukDate('conversationOn', 0),
      conversationWith: o.welsh ? 'Rheolwr y porthorion' : 'Portering manager',
      conversationSummary: o.welsh ? 'Dyletswyddau ysgafn am wythnos' : 'Light duties for a week',
      action1What: o.welsh ? 'Trefnu dyletswyddau ysgafn' : 'Arrange light duties',
      ...ukDate('startsOn', 0),
      reviewEvery: '1',
      week1Hours: '20',
      week1Duties: o.welsh ? 'Dyletswyddau ysgafn' : 'Light duties',
      shareWithEmployer: 'yes',
      employerContactUserId: contactId,
    },
    '**/retention?done=plan',
  );
  expect(await main(s.page)).toContain(t['retention.done.plan']);

  // The employer's named contact sees the plan, and nothing else about the person.
  const employer = await staff(`employer@${o.la}.bridgework.example`, o.welsh);
  await employer.page.getByRole('link', { name: t['retention.employer.title'] }).click();
  await employer.page.waitForURL('**/retention-plans');
  await expectAccessible(employer.page);
  await employer.page.getByRole('link', { name: `${o.person.givenName} ${o.person.familyName}` }).click();
  await employer.page.waitForURL('**/retention-plans/**');
  await expectAccessible(employer.page);
  const seen = await main(employer.page);
  expect(seen).toContain(o.welsh ? 'Dim codi trwm' : 'No heavy lifting');
  expect(seen).not.toContain(o.welsh ? 'Poen cefn' : 'Back pain');
  await employer.context.close();

  // The person signs in by email link and completes their phased return.
  const own = await e2e.browser.newContext({ bypassCSP: true });
  const me = await own.newPage();
  await me.goto(`${url}/my-support`);
  if (o.welsh) {
    await me.getByRole('link', { name: /Cymraeg/ }).click();
    await me.waitForURL('**/my-support');
  }
  await me.locator('#email').fill(o.person.email);
  await me.locator('main form button.govuk-button').click();
  await me.waitForURL('**/my-support/check-email');
  const mail = await signInEmail(e2e, tenantId, o.person.email);
  await me.goto(`${url}${/\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0]}`);
  await me.locator('main form button.govuk-button').click();
  await me.waitForURL('**/my-support/plan');
  await me.getByRole('link', { name: t['retention.mine.title'] }).click();
  await me.waitForURL('**/my-support/retention');
  expect(await me.getAttribute('html', 'lang')).toBe(o.welsh ? 'cy' : 'en');
  await expectAccessible(me);
  await me.getByRole('button', { name: t['retention.mine.weekDone'].replace('{week}', '1') }).click();
  await me.waitForURL('**/my-support/retention?done=week');
  await expectAccessible(me);
  expect(await main(me)).toContain(t['retention.mine.complete']);
  await own.close();

  // The specialist sees the week done and records the outcome: back at work after absence.
  await s.page.reload();
  expect(await main(s.page)).toContain(t['retention.weekState.done']);
  await s.page.getByRole('link', { name: t['retention.action.outcome'] }).click();
  await s.page.waitForURL('**/retention/outcome');
  await answer(s.page, { workStatus: 'working', sameEmployer: 'yes', absenceDaysAfter: '0' }, '**/retention?done=outcome');
  expect(await main(s.page)).toContain(t['retention.outcome.returned-after-absence']);
  await s.context.close();
}

describe('in-work retention in Chromium with axe-core', () => {
  test('in English: a GP retention referral through a phased-return plan the employer sees and the person completes', async () => {
    await walk({
      gss: 'E06000016',
      la: 'leicester',
      welsh: false,
      person: { givenName: 'Joanne', familyName: 'Reid', email: 'joanne.reid@example.com', postcode: 'LE1 5WW' },
      employer: 'University Hospitals of Leicester NHS Trust',
    });
  });

  test('in Welsh: the same walk in Cardiff', async () => {
    await walk({
      gss: 'W06000015',
      la: 'cardiff',
      welsh: true,
      person: { givenName: 'Heledd', familyName: 'Pryce', email: 'heledd.pryce@example.com', postcode: 'CF10 1AA' },
      employer: 'Bwrdd Iechyd Prifysgol Caerdydd a’r Fro',
    });
  });
});
