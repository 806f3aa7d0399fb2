/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { caseloadMessages } from '../../src/domains/participants/index.ts';
import { type Answers, expectAccessible, fillAndSubmit, signIn as signInAs, ukDate, useE2e } from './browser.ts';

const e2e = useE2e();
const en = caseloadMessages.en;

const signIn = (page: Page, email: string) => signInAs(page, e2e.server.url, email);

/** Checks the form page with axe, answers it by field name, submits it, and checks where it lands. */
async function answer(page: Page, answers: Answers, done: keyof typeof en) {
  await expectAccessible(page);
  await fillAndSubmit(page, answers);
  await page.waitForURL(`**?done=${done.replace('caseload.done.', '')}`);
  expect(await page.locator('.govuk-notification-banner').textContent()).toContain(en[done]);
  await expectAccessible(page);
}

const phaseOf = async (page: Page) =>
  (await page.locator('.govuk-summary-list__row', { hasText: en['caseload.case.phase'] }).first().locator('dd').first().textContent())?.trim();

describe('case work in Chromium with axe-core', () => {
  test('a specialist takes a case from an accepted referral through profile, plan, an appointment and a job start to in-work support', async () => {
    const page = await e2e.context.newPage();
    await signIn(page, 'specialist@leicester.bridgework.example');

    // Accept a referral from the inbox; its page links to the case that opens.
    await page.goto(`${e2e.server.url}/referrals/inbox`);
    await expectAccessible(page);
    await page.locator('tr', { hasText: 'Amira Hussain' }).locator('a').first().click();
    await expectAccessible(page);
    await page.locator('form[action$="/accept"] button').click();
    await page.waitForURL('**?done=accepted');
    await expectAccessible(page);
    await page.getByRole('link', { name: en['caseload.referral.caseLink'] }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    expect(await page.locator('h1').textContent()).toContain('Amira Hussain');
    expect(await phaseOf(page)).toBe('Getting to know you');
    expect(await page.locator('main').textContent()).toContain('Anxiety and low mood');
    await expectAccessible(page);

    // The caseload lists it.
    await page.goto(`${e2e.server.url}/cases`);
    expect(await page.locator('main').textContent()).toContain('Amira Hussain');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Amira Hussain' }).click();
    await page.waitForURL(caseUrl);

    // Vocational profile.
    await page.locator('#profile ~ dl a[href$="/profile"]').first().click();
    await page.waitForURL('**/profile');
    await answer(
      page,
      {
        workHistory: 'Six years as an office administrator at a housing association',
        skills: 'Spreadsheets, answering phones, keeping records',
        wants: 'Part-time office work close to home, mornings',
        helps: 'Knowing what the day holds; a quiet desk',
      },
      'caseload.done.profile',
    );
    expect(await phaseOf(page)).toBe('Vocational profile');

    // Plan: a goal (after a mistake), then an action towards it.
    await page.getByRole('button', { name: en['caseload.plan.addGoal'] }).click();
    await page.waitForURL('**/goals/new');
    await page.locator('main form button.govuk-button').click();
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await answer(page, { text: 'Part-time office work by the spring', owner: 'participant' }, 'caseload.done.goal');
    await page.getByRole('button', { name: en['caseload.plan.addAction'] }).click();
    await page.waitForURL('**/actions/new');
    const goalId = (await page.locator('input[name="goalId"]').first().getAttribute('value')) ?? '';
    await answer(
      page,
      { goalId, text: 'Ask two local employers about morning admin roles', owner: 'specialist', ...ukDate('dueOn', 14) },
      'caseload.done.action',
    );
    expect(await page.locator('main').textContent()).toContain('Ask two local employers about morning admin roles');

    // An appointment, booked and then attended.
    await page.getByRole('button', { name: en['caseload.appointment.book'] }).click();
    await page.waitForURL('**/appointments/new');
    expect(await page.locator('input[name="mandatory"]').count()).toBe(0);
    await answer(page, { ...ukDate('date', 1), time: '10:30', mode: 'in-person', place: 'Westcotes library' }, 'caseload.done.appointment');
    await page.getByRole('link', { name: new RegExp(en['caseload.appointment.recordOutcome']) }).click();
    await page.waitForURL('**/outcome');
    await answer(page, { outcome: 'attended', note: 'Talked about what mornings look like' }, 'caseload.done.outcome');
    expect(await page.locator('main').textContent()).toContain('Attended: Talked about what mornings look like');

    // A job start: the case moves to in-work support.
    await page.getByRole('button', { name: en['caseload.job.add'] }).click();
    await page.waitForURL('**/jobs/new');
    await answer(
      page,
      {
        employer: 'Leicester Housing Trust',
        role: 'Admin assistant',
        hoursPerWeek: '16',
        hourlyPay: '12.60',
        contractType: 'permanent',
        ...ukDate('startDate', 0),
      },
      'caseload.done.job',
    );
    expect(await phaseOf(page)).toBe('In work (in-work support)');
    expect(await page.locator('main').textContent()).toContain('Admin assistant at Leicester Housing Trust');

    await page.goto(`${e2e.server.url}/cases`);
    expect(await page.locator('tr', { hasText: 'Amira Hussain' }).textContent()).toContain('In work (in-work support)');
    await expectAccessible(page);
    await page.close();
  });

  test('a team lead reassigns, a colleague breaks glass, the IG lead reviews it, and a tenant admin sets the limits', async () => {
    const as = async (email: string) => {
      const ctx = await e2e.browser.newContext({ bypassCSP: true });
      const page = await ctx.newPage();
      await signIn(page, email);
      return { ctx, page };
    };
    // The team lead shares out a case: the conditional participant's, to themself.
    const lead = await as('team-lead@leicester.bridgework.example');
    await lead.page.goto(`${e2e.server.url}/cases/team`);
    await expectAccessible(lead.page);
    await lead.page
      .locator('tr', { hasText: 'Kevin Marsh' })
      .getByRole('link', { name: /Reassign/ })
      .click();
    await lead.page.waitForURL('**/reassign');
    await lead.page.locator('main form button.govuk-button').click();
    expect(await lead.page.title()).toMatch(/^Error: /);
    await expectAccessible(lead.page);
    await lead.page.getByLabel('Helen Brooks').check();
    await answer(lead.page, { reason: 'Sam is on leave next week' }, 'caseload.done.reassigned');
    const caseUrl = lead.page.url().split('?')[0] ?? '';
    // A conditional participant's forms offer what the policy allows.
    await lead.page.goto(`${caseUrl}/appointments/new`);
    expect(await lead.page.locator('input[name="mandatory"]').count()).toBe(1);
    await expectAccessible(lead.page);
    await lead.page.goto(`${caseUrl}/compliance-report`);
    await expectAccessible(lead.page);
    await lead.ctx.close();

    // The former specialist, with no working relationship now, breaks glass.
    const sam = await as('specialist@leicester.bridgework.example');
    await sam.page.goto(caseUrl);
    expect(await sam.page.locator('main').textContent()).toContain(en['caseload.health.hidden']);
    await expectAccessible(sam.page);
    await sam.page.getByRole('link', { name: en['caseload.health.breakGlassLink'] }).click();
    await sam.page.waitForURL('**/break-glass');
    await answer(sam.page, { reason: 'Kevin phoned in distress and I am covering today' }, 'caseload.done.breakGlass');
    // In Welsh too.
    await sam.page.getByRole('link', { name: /Cymraeg/ }).click();
    await sam.page.locator('html[lang="cy"]').waitFor({ state: 'attached' });
    expect(await sam.page.locator('main').textContent()).toContain(caseloadMessages.cy['caseload.section.plan']);
    await expectAccessible(sam.page);
    await sam.ctx.close();

    // The information-governance lead reviews it.
    const ig = await as('ig-lead@leicester.bridgework.example');
    await ig.page.getByRole('link', { name: en['caseload.reviews.title'] }).click();
    await ig.page.waitForURL('**/cases/reviews');
    expect(await ig.page.locator('main').textContent()).toContain('Kevin phoned in distress');
    await expectAccessible(ig.page);
    await ig.page
      .getByRole('link', { name: /^Review/ })
      .first()
      .click();
    await ig.page.waitForURL(/\/cases\/reviews\/[0-9a-f-]{36}$/);
    await expectAccessible(ig.page);
    await ig.page.locator('input[name="outcome"][value="justified"]').check();
    await ig.page.locator('main form button.govuk-button').click();
    await ig.page.waitForURL('**/cases/reviews?done=reviewed');
    await expectAccessible(ig.page);
    await ig.ctx.close();

    // The tenant admin's case settings.
    const admin = await as('tenant-admin@leicester.bridgework.example');
    await admin.page.goto(`${e2e.server.url}/cases/settings`);
    await expectAccessible(admin.page);
    await admin.page.locator('#ipsCaseloadLimit').fill('200');
    await admin.page.locator('main form button.govuk-button').click();
    expect(await admin.page.title()).toMatch(/^Error: /);
    await expectAccessible(admin.page);
    await admin.page.locator('#ipsCaseloadLimit').fill('18');
    await admin.page.locator('main form button.govuk-button').click();
    await admin.page.waitForURL('**/cases/settings?saved=1');
    await expectAccessible(admin.page);
    await admin.ctx.close();
  });
});
