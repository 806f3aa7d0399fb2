/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { caseMessages, participantMessages } from '../../src/domains/participants/index.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import { validateDocumentBundle } from '../../src/platform/fhir/index.ts';
import { downloadedBytes, expectAccessible, openCase, signInEmail, useE2e } from './browser.ts';

const e2e = useE2e();
const cy = participantMessages.cy;
const EMAIL = 'rhian.evans@example.com';

/** A Welsh speaker in Cardiff whose referral has been accepted, with a little in their plan. */
async function openWelshCase() {
  const opened = await openCase(e2e, 'W06000015', { givenName: 'Rhian', familyName: 'Evans', email: EMAIL, postcode: 'CF10 1AA', language: 'cy' });
  const { specialist, caseId } = opened;
  await e2e.services.cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Gweithio mewn llyfrgell', owner: 'participant' });
  // A month from now: an appointment is booked today or later, within 12 months (case-date-rules.ts).
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await e2e.services.cases.bookAppointment(specialist, caseId, { date: inAMonth, time: '10:00', mode: 'in-person', place: 'Llyfrgell Ganolog' });
  return opened;
}

/** Checks the page with axe, and that it speaks only of choice. */
async function check(page: Page) {
  await expectAccessible(page);
  expect(await page.getAttribute('html', 'lang')).toBe('cy');
  expect(findObligationWording((await page.locator('body').textContent()) ?? '')).toEqual([]);
}

describe('the participant’s own view in Chromium with axe-core', () => {
  test('in Welsh, a participant asks for a link, signs in from the email, changes consent, downloads their record and leaves', async () => {
    const { tenantId, specialist, caseId } = await openWelshCase();
    const page = await e2e.context.newPage();

    // Start, in Welsh from the language link.
    await page.goto(`${e2e.server.url}/my-support`);
    await page.getByRole('link', { name: /Cymraeg/ }).click();
    await page.waitForURL('**/my-support');
    expect(await page.locator('h1').textContent()).toContain(cy['participant.start.title']);
    await check(page);
    // A mistake first: the error summary.
    await page.getByRole('button', { name: cy['participant.start.submit'] }).click();
    expect(await page.title()).toMatch(/^Gwall: /);
    await check(page);
    await page.getByLabel(cy['participant.start.email']).fill(EMAIL);
    await page.getByRole('button', { name: cy['participant.start.submit'] }).click();
    await page.waitForURL('**/my-support/check-email');
    expect(await page.locator('h1').textContent()).toContain(cy['participant.checkEmail.title']);
    await check(page);

    // The email, from the local outbox, in Welsh.
    const mail = await signInEmail(e2e, tenantId, EMAIL);
    expect(mail.language).toBe('cy');
    expect(findObligationWording(`${mail.subject}\n${mail.body}`)).toEqual([]);
    const path = /\/my-support\/sign-in\/\S+/.exec(mail.body)?.[0];
    expect(path).toBeDefined();
    await page.goto(`${e2e.server.url}${path}`);
    expect(await page.locator('h1').textContent()).toContain(cy['participant.signIn.title']);
    await check(page);
    await page.getByRole('button', { name: cy['participant.signIn.submit'] }).click();
    await page.waitForURL('**/my-support/plan');
    expect(await page.locator('h1').textContent()).toContain(cy['participant.plan.title']);
    expect(await page.locator('main').textContent()).toContain('Gweithio mewn llyfrgell');
    expect(await page.locator('main').textContent()).toContain('Llyfrgell Ganolog');
    await check(page);

    // Their own action, a mistake first.
    await page.getByRole('button', { name: cy['participant.plan.addAction'] }).click();
    await page.waitForURL('**/my-support/plan/add-action');
    await check(page);
    await page.getByRole('button', { name: cy['participant.action.submit'] }).click();
    expect(await page.title()).toMatch(/^Gwall: /);
    await check(page);
    await page.getByLabel(cy['participant.action.text']).fill('Diweddaru fy CV');
    await page.getByRole('button', { name: cy['participant.action.submit'] }).click();
    await page.waitForURL('**/my-support/plan?saved=action');
    await check(page);
    await page.getByRole('button', { name: new RegExp(cy['participant.plan.markDone']) }).click();
    await page.waitForURL('**/my-support/plan?saved=done');
    await check(page);

    // Their details: what would help them take part.
    await page.getByRole('link', { name: cy['participant.nav.details'] }).click();
    await page.waitForURL('**/my-support/details');
    await check(page);
    await page.getByLabel(cy['participant.details.accessibility']).fill('Ystafell dawel');
    await page.getByRole('button', { name: cy['participant.details.submit'] }).click();
    await page.waitForURL('**/my-support/details?saved=1');
    await check(page);

    // Consent: agree to employers being contacted, stop sharing with the health team.
    await page.getByRole('link', { name: cy['participant.nav.consent'] }).click();
    await page.waitForURL('**/my-support/consent');
    await check(page);
    await page.getByLabel(caseMessages.cy['cases.consent.contact-employers']).check();
    await page.getByLabel(caseMessages.cy['cases.consent.share-with-health-team']).uncheck();
    await page.getByRole('button', { name: cy['participant.consent.submit'] }).click();
    await page.waitForURL('**/my-support/consent?saved=1**');
    const saved = (await page.locator('.govuk-notification-banner').textContent()) ?? '';
    expect(saved).toContain(cy['participant.consent.saved']);
    expect(saved).toContain(caseMessages.cy['cases.consent.share-with-health-team']);
    await check(page);
    const consents = (await e2e.services.cases.view(specialist, caseId)).participant.consentScopes;
    expect(consents).toEqual(['share-with-employment-team', 'contact-employers']);

    // Download: the page, a real download of the PDF, and both files.
    await page.getByRole('link', { name: cy['participant.nav.download'] }).click();
    await page.waitForURL('**/my-support/download');
    await check(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: cy['participant.download.pdf'] }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await page.request.get(`${e2e.server.url}/my-support/download.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    const json = await page.request.get(`${e2e.server.url}/my-support/download.json`);
    expect(json.status()).toBe(200);
    const record = (await json.json()) as { version: number; person: { givenName: string }; referral: { health: { conditionsText: string } } };
    expect(record).toMatchObject({ version: 1, person: { givenName: 'Rhian' }, referral: { health: { conditionsText: 'Back pain and low mood' } } });
    // The FHIR document Bundle, downloaded through the Welsh link, passes the R4 structure check.
    const [fhirDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: cy['participant.download.fhir'] }).click()]);
    expect(fhirDownload.suggestedFilename()).toBe('bridgework-my-record.fhir.json');
    const bundle = JSON.parse((await downloadedBytes(fhirDownload)).toString('utf8')) as { type: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle.type).toBe('document');
    expect(bundle.entry[0]?.resource.resourceType).toBe('Composition');
    expect(validateDocumentBundle(bundle)).toEqual([]);

    // Leaving: offered on their home page (the plan), not in the navigation; a mistake first, then yes.
    expect(await page.locator('nav').getByRole('link', { name: cy['participant.nav.leave'] }).count()).toBe(0);
    await page.locator('nav').getByRole('link', { name: cy['participant.nav.plan'] }).click();
    await page.waitForURL('**/my-support/plan');
    await page.getByRole('link', { name: cy['participant.nav.leave'] }).click();
    await page.waitForURL('**/my-support/leave');
    expect(await page.locator('main').textContent()).toContain(cy['participant.leave.benefits']);
    await check(page);
    await page.getByRole('button', { name: cy['participant.leave.submit'] }).click();
    expect(await page.title()).toMatch(/^Gwall: /);
    await check(page);
    await page.getByLabel(cy['participant.leave.yes']).check();
    await page.getByRole('button', { name: cy['participant.leave.submit'] }).click();
    await page.waitForURL('**/my-support/left');
    expect(await page.locator('h1').textContent()).toContain(cy['participant.left.title']);
    const left = (await page.locator('main').textContent()) ?? '';
    expect(left).toContain(cy['participant.left.benefits']);
    expect(left).toContain(cy['participant.left.comeBack']);
    await check(page);
    const view = await e2e.services.cases.view(specialist, caseId);
    expect(view.summary).toMatchObject({ phase: 'closed', closureReason: 'left-programme' });

    // The plan now says the support has ended; signing out ends the session.
    await page.getByRole('link', { name: cy['participant.nav.plan'] }).click();
    await page.waitForURL('**/my-support/plan');
    expect(await page.locator('main').textContent()).toContain(cy['participant.plan.closed.title']);
    await check(page);
    await page.getByRole('button', { name: cy['participant.nav.signOut'] }).click();
    await page.waitForURL('**/my-support/signed-out');
    await check(page);
    await page.goto(`${e2e.server.url}/my-support/plan`);
    await page.waitForURL('**/my-support');

    // The used link explains itself.
    await page.goto(`${e2e.server.url}${path}`);
    expect(await page.locator('h1').textContent()).toContain(cy['participant.link.title']);
    await check(page);
    await page.close();
  });
});
