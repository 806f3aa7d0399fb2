import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { betterOff } from '../../src/domains/benefits/index.ts';
import { parseHousehold } from '../../src/domains/benefits/universal-credit-rules.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import { referralTables } from '../../src/domains/referrals/index.ts';
import { SINGLE_LCWRA } from '../support/better-off.ts';
import { LEICESTER_SPECIALIST, LEICESTER_TEAM_LEAD, openCase, participantSignedIn } from '../support/cases.ts';
import { figureAlts } from '../support/pdf.ts';
import { makeReferral, newPeople, staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
const NOW = '2026-11-23T09:00:00Z';
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(NOW));

const newPerson = newPeople('1986-05-01');

/** A couple with two children and rent, as the form posts it. */
const COUPLE = {
  hourlyPay: '£12.71',
  hours: '22.5',
  age: '30',
  partner: 'yes',
  partnerAge: '28',
  partnerEarnings: '900',
  lcwra: 'no',
  lcw: 'no',
  children: 'yes',
  childCount: '2',
  'eldestBirthDate-day': '1',
  'eldestBirthDate-month': '6',
  'eldestBirthDate-year': '2015',
  rent: '650',
  savings: '1,200',
  'date-day': '23',
  'date-month': '11',
  'date-year': '2026',
};

const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');
const money = (n: number) => n.toLocaleString('en-GB', { style: 'currency', currency: 'GBP' });
/** What a screen reader gets from the page's chart: its SVG title, then its description. */
const chartWords = (html: string) => {
  const fromXml = (text = '') =>
    text
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  const title = /<title id="better-off-chart-title">([^<]*)<\/title>/.exec(html)?.[1];
  const desc = /<desc id="better-off-chart-desc">([^<]*)<\/desc>/.exec(html)?.[1];
  return `${fromXml(title)}. ${fromXml(desc)}`;
};

async function specialistOnNewCase(label: string) {
  const person = newPerson(label);
  const opened = await openCase(t, person);
  const b = browser(t.app);
  await b.signIn(LEICESTER_SPECIALIST);
  return { b, ...opened, person };
}

async function postForm(b: Browser, url: string, form: Record<string, string>, csrfFrom = url) {
  return b.post(url, { _csrf: await b.csrf(csrfFrom), ...form });
}

/** A participant signed in through the emailed link, in the language asked for. */
async function signedInParticipant(language: 'en' | 'cy') {
  const person = newPerson(`participant-${language}`);
  const opened = await openCase(t, person);
  await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    referralTables(tx).updateTable('people').set({ preferred_language: language }).where('email', '=', person.email).execute(),
  );
  return { b: await participantSignedIn(t, 'leicester', person.email), ...opened, person };
}

describe(`better off in work on ${testDatabaseKind}`, () => {
  test('a specialist works out the figures for a case: the page matches the calculation, with a chart and a table', async () => {
    const { b, caseId } = await specialistOnNewCase('specialist');
    const form = await b.get(`/cases/${caseId}/better-off`);
    expect(form.statusCode).toBe(200);
    // A POST form, so health facts never reach an address; the age comes from the date of birth.
    expect(form.body).toContain(`<form method="post" action="/cases/${caseId}/better-off" novalidate>`);
    expect(form.body).toMatch(/name="age"[^>]*value="40"/);
    expect(form.body).toMatch(/name="date-year"[^>]*value="2026"/);

    const res = await postForm(b, `/cases/${caseId}/better-off`, SINGLE_LCWRA, `/cases/${caseId}/better-off`);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const expected = betterOff({
      date: '2026-11-23',
      household: parseHousehold({ date: '2026-11-23', adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
      hourlyPay: 12.71,
      hours: 16,
    });
    const text = visibleText(res.body);
    expect(text).toContain(
      `At 16 hours a week at £12.71 an hour they would have ${money(expected.inWork?.totalMonthly ?? 0)} a month, ${money(expected.inWork?.gainOverNoWork ?? 0)} more than the ${money(expected.outOfWork.totalMonthly)} they have now without work.`,
    );
    expect(text).toContain('£1,641.75');
    expect(text).toContain('£787.05');
    // Every row of the table, with the same figures as the calculation.
    for (const row of expected.rows) {
      for (const figure of [row.grossMonthly, row.netMonthly, row.universalCredit, row.totalMonthly]) expect(text).toContain(money(figure));
    }
    expect(res.body).toMatch(/<svg [^>]*role="img" aria-labelledby="better-off-chart-title better-off-chart-desc"/);
    expect(res.body.match(/class="app-chart__line"/g)).toHaveLength(3);
    expect(res.body).toContain('<caption class="govuk-table__caption govuk-table__caption--s" id="better-off-table-caption">');
    expect(res.body.match(/<th scope="row" class="govuk-table__header">/g)?.length).toBeGreaterThanOrEqual(expected.rows.length);
    expect(res.body).toContain('govuk-table__cell--numeric');
    // What stays, Access to Work, and how it was worked out, with sources.
    expect(text).toContain('Their LCWRA element of £429.80 a month stays in their Universal Credit when they work');
    expect(text).toContain('They can take home £710.00 a month (their work allowance)');
    expect(text).toContain('A grant can be up to £69,620 a year');
    expect(text).toContain('Only Access to Work decides what it will pay for');
    expect(text).toContain('How this was worked out');
    expect(text).toContain('LCWRA element (protected amount)');
    // ESA permitted work, for a person on ESA: the limits on the date, and these hours and pay.
    // 12.71 × 16 = 203.36 a week, under the £203.50 limit, but 16 hours is not under 16.
    expect(res.body).toContain('<h2 class="govuk-heading-m" id="esa-permitted-work">If they get Employment and Support Allowance</h2>');
    expect(text).toContain('With the limits in force on 23 November 2026, permitted work is: work of less than 16 hours a week, earning up to £203.50 a week');
    expect(text).toContain('work of any number of hours, earning up to £20.00 a week');
    expect(text).toContain('At 16 hours a week at £12.71 an hour they would earn £203.36 a week before tax.');
    expect(text).toContain('That is not permitted work, because it is 16 hours a week or more.');
    expect(text).toContain('Above permitted work, their ESA would stop and they would claim Universal Credit instead.');
    expect(text).toContain('ESA permitted work higher limit (less than 16 hours a week) £203.50 a week 6 April 2026');
    expect(text).toContain('ESA permitted work lower limit (any hours) £20.00 a week');
    expect(res.body).toContain(`formaction="/cases/${caseId}/better-off/pdf"`);
    expect(res.body).toMatch(/<input type="hidden" name="lcwra" value="yes">/);
  });

  test('ESA: within permitted work at 15 hours; the 2025/26 limit; no section for a person who does not get ESA', async () => {
    const { b, caseId } = await specialistOnNewCase('esa');
    const url = `/cases/${caseId}/better-off`;
    const form = await b.get(url);
    expect(form.body).toMatch(/<input class="govuk-radios__input" id="esa" name="esa" type="radio" value="yes">/);
    expect(visibleText(form.body)).toContain('Do they get Employment and Support Allowance (ESA) now? (optional)');

    // 12.71 × 15 = 190.65 ≤ 203.50, and 15 < 16: within. The UC figures are the calculation's own.
    const within = await postForm(b, url, { ...SINGLE_LCWRA, hours: '15', esa: 'yes' });
    expect(within.statusCode, within.body.slice(0, 2000)).toBe(200);
    const text = visibleText(within.body);
    expect(text).toContain('At 15 hours a week at £12.71 an hour they would earn £190.65 a week before tax.');
    expect(text).toContain('That is within permitted work: less than 16 hours a week, and no more than £203.50 a week.');
    const expected = betterOff({
      date: '2026-11-23',
      household: parseHousehold({ date: '2026-11-23', adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
      hourlyPay: 12.71,
      hours: 15,
    });
    expect(text).toContain(`they would have ${money(expected.inWork?.totalMonthly ?? 0)} a month`);
    // The answer travels on to the PDF and back to the form.
    expect(within.body).toMatch(/<input type="hidden" name="esa" value="yes">/);

    // 2025/26: the limit is £195.50; 13.10 × 15 = 196.50 is over it.
    const y2025 = await postForm(b, url, { ...SINGLE_LCWRA, hourlyPay: '13.10', hours: '15', esa: 'yes', 'date-year': '2025' });
    expect(y2025.statusCode).toBe(200);
    expect(visibleText(y2025.body)).toContain('That is not permitted work, because £196.50 a week is more than the limit of £195.50 a week.');

    // "No": the section is left out; the PDF is made either way.
    const no = await postForm(b, url, { ...SINGLE_LCWRA, esa: 'no' });
    expect(no.statusCode).toBe(200);
    expect(no.body).not.toContain('id="esa-permitted-work"');
    const pdf = await postForm(b, `${url}/pdf`, { ...SINGLE_LCWRA, esa: 'yes' }, url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the form starts from the benefit before work recorded on the case, and says so', async () => {
    const { b, caseId, specialist } = await specialistOnNewCase('award-lcwra');
    const url = `/cases/${caseId}/better-off`;
    const before = await b.get(url);
    expect(before.body).not.toContain('id="from-award"');
    expect(before.body).not.toMatch(/id="lcwra" name="lcwra" type="radio" value="yes" checked/);

    await t.services.guarantees.recordAward(specialist, caseId, { benefit: 'uc-lcwra', decisionDate: '2025-06-01', evidence: ['award-letter'] });
    const form = await b.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/id="lcwra" name="lcwra" type="radio" value="yes" checked/);
    expect(form.body).toMatch(/name="lcwraSince-day"[^>]*value="1"/);
    expect(form.body).toMatch(/name="lcwraSince-month"[^>]*value="6"/);
    expect(form.body).toMatch(/name="lcwraSince-year"[^>]*value="2025"/);
    expect(visibleText(form.body)).toContain(
      'Some answers here were filled in from the benefit before work recorded on the case: Universal Credit with limited capability for work and work-related activity (LCWRA), decided on 1 June 2025. Check them with the person: they can be changed.',
    );
    // The team lead sees the same; staff who may not work the case get nothing of it.
    const lead = browser(t.app);
    await lead.signIn(LEICESTER_TEAM_LEAD);
    expect((await lead.get(url)).body).toMatch(/name="lcwraSince-year"[^>]*value="2025"/);
    for (const email of ['referrer@leicester.bridgework.example', 'specialist@cardiff.bridgework.example']) {
      const other = browser(t.app);
      await other.signIn(email);
      const res = await other.get(url);
      expect(res.statusCode, email).not.toBe(200);
      expect(res.body, email).not.toContain('1 June 2025');
      expect(res.body, email).not.toContain('lcwraSince');
    }

    // UC with LCW: LCWRA no, LCW yes. The latest award counts (a minute later: the clock stands still otherwise).
    t.clock.advance(60_000);
    await t.services.guarantees.recordAward(specialist, caseId, { benefit: 'uc-lcw', decisionDate: '2025-09-01', evidence: ['uc-journal'] });
    const lcw = await b.get(url);
    expect(lcw.body).toMatch(/id="lcwra-2" name="lcwra" type="radio" value="no" checked/);
    expect(lcw.body).toMatch(/id="lcw" name="lcw" type="radio" value="yes" checked/);
    expect(lcw.body).toMatch(/name="lcwraSince-year"[^>]*value=""/);

    // ESA: "gets ESA now" is yes.
    t.clock.advance(60_000);
    await t.services.guarantees.recordAward(specialist, caseId, {
      benefit: 'esa-new-style',
      esaGroup: 'wrag',
      decisionDate: '2025-10-01',
      evidence: ['esa-decision-letter'],
    });
    const esa = await b.get(url);
    expect(esa.body).toMatch(/id="esa" name="esa" type="radio" value="yes" checked/);
    expect(visibleText(esa.body)).toContain('New Style Employment and Support Allowance (ESA), decided on 1 October 2025');
  });

  test('a couple with children: the partner’s pay, children and rent come into the figures', async () => {
    const { b, caseId } = await specialistOnNewCase('couple');
    const res = await postForm(b, `/cases/${caseId}/better-off`, COUPLE, `/cases/${caseId}/better-off`);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const expected = betterOff({
      date: '2026-11-23',
      household: parseHousehold({
        date: '2026-11-23',
        adults: [{ age: 30 }, { age: 28, netEarningsMonthly: 900 }],
        children: [{ birthDate: '2015-06-01' }, { birthDate: '2017-04-06' }],
        housing: { eligibleRentMonthly: 650 },
        capital: 1200,
      }),
      hourlyPay: 12.71,
      hours: 22.5,
    });
    const text = visibleText(res.body);
    expect(expected.rows.map((r) => r.hours)).toContain(22.5);
    expect(text).toContain(`they and their partner would have ${money(expected.inWork?.totalMonthly ?? 0)} a month`);
    expect(text).toContain('22.5 (their hours)');
    expect(text).toContain('The totals include their partner’s take-home pay of £900.00 a month.');
  });

  test('the PDF is a PDF, from the same answers', async () => {
    const { b, caseId } = await specialistOnNewCase('pdf');
    const res = await postForm(b, `/cases/${caseId}/better-off/pdf`, SINGLE_LCWRA, `/cases/${caseId}/better-off`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('better-off-in-work.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // By default a one-page summary, no chart; the full workings carry the chart, as on the page: a Figure read out as the chart's title and description.
    expect(figureAlts(res.rawPayload)).toEqual([]);
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\n/gu)).toHaveLength(1);
    const full = await postForm(b, `/cases/${caseId}/better-off/pdf`, { ...SINGLE_LCWRA, appendix: 'yes' }, `/cases/${caseId}/better-off`);
    expect(full.statusCode).toBe(200);
    const expected = betterOff({
      date: '2026-11-23',
      household: parseHousehold({ date: '2026-11-23', adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
      hourlyPay: 12.71,
      hours: 16,
    });
    const last = expected.rows.at(-1);
    const alt = `Money a month at 0 to 40 hours of work a week. Total money a month goes from £854.70 without work to ${money(last?.totalMonthly ?? 0)} at 40 hours a week. Universal Credit goes from £854.70 to ${money(last?.universalCredit ?? 0)}. The table after the chart gives every figure.`;
    expect(figureAlts(full.rawPayload)).toEqual([alt]);
    const page = await postForm(b, `/cases/${caseId}/better-off`, SINGLE_LCWRA, `/cases/${caseId}/better-off`);
    expect(chartWords(page.body)).toBe(alt);
    // Bad answers for a PDF get the form with its errors, not a broken file.
    const bad = await postForm(b, `/cases/${caseId}/better-off/pdf`, { ...SINGLE_LCWRA, hours: '41' }, `/cases/${caseId}/better-off`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
  });

  test('the form starts from the pay and hours of the person’s latest job', async () => {
    const { b, caseId, specialist } = await specialistOnNewCase('job');
    await t.services.cases.startJob(specialist, caseId, {
      employer: 'Leicester Royal Infirmary',
      role: 'Porter',
      hoursPerWeek: 18,
      hourlyPay: 12.9,
      contractType: 'permanent',
      startDate: '2026-11-16',
    });
    const form = await b.get(`/cases/${caseId}/better-off`);
    expect(form.body).toMatch(/name="hourlyPay"[^>]*value="12.90"/);
    expect(form.body).toMatch(/name="hours"[^>]*value="18"/);
  });

  test('"Change the answers" shows the form again with them', async () => {
    const { b, caseId } = await specialistOnNewCase('change');
    const res = await postForm(b, `/cases/${caseId}/better-off`, { ...COUPLE, change: 'yes' }, `/cases/${caseId}/better-off`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/name="partnerAge"[^>]*value="28"/);
    expect(res.body).toMatch(/name="rent"[^>]*value="650"/);
  });

  test('bad answers: 400, the error summary, and an error on each field', async () => {
    const { b, caseId } = await specialistOnNewCase('bad');
    const url = `/cases/${caseId}/better-off`;
    const res = await postForm(b, url, {
      hourlyPay: '-5',
      hours: '41',
      age: '70',
      lcwra: 'yes',
      'lcwraSince-day': '31',
      'lcwraSince-month': '2',
      'lcwraSince-year': '2024',
      children: 'yes',
      childCount: '0',
      'eldestBirthDate-day': '30',
      'eldestBirthDate-month': '2',
      'eldestBirthDate-year': '2020',
      rent: 'lots',
      savings: '-1',
      otherIncome: '12.345',
      'date-day': '32',
      'date-month': '13',
      'date-year': '2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toMatch(/<title>Error: /);
    for (const href of [
      '#hourlyPay',
      '#hours',
      '#age',
      '#partner',
      '#lcwraSince-day',
      '#childCount',
      '#eldestBirthDate-day',
      '#rent',
      '#savings',
      '#otherIncome',
      '#date-day',
    ]) {
      expect(res.body, href).toContain(`href="${href}"`);
    }
    const text = visibleText(res.body);
    expect(text).toContain('Enter the hourly pay in pounds, more than 0, like 12.71');
    expect(text).toContain('Enter the hours of work a week as a number from 0 to 40, like 16 or 22.5');
    expect(text).toContain('Enter a real date for the rates, for example 6 4 2026');
    expect(res.body.match(/class="govuk-error-message"/g)?.length).toBe(11);
    // What was typed comes back.
    expect(res.body).toMatch(/name="hours"[^>]*value="41"/);

    // A date outside the rates held, and an empty form.
    const late = await postForm(b, url, { ...SINGLE_LCWRA, 'date-year': '2030' });
    expect(late.statusCode).toBe(400);
    expect(visibleText(late.body)).toContain('Enter a date from 8 April 2024 to 5 April 2027');
    const empty = await postForm(b, url, {});
    expect(empty.statusCode).toBe(400);
    expect(visibleText(empty.body)).toContain('Enter the hourly pay');
    // Below the National Living Wage is a warning on the result, not an error.
    const low = await postForm(b, url, { ...SINGLE_LCWRA, hourlyPay: '9.50' });
    expect(low.statusCode).toBe(200);
    expect(visibleText(low.body)).toContain('This is less than the National Living Wage of £12.71 an hour');
  });

  test('only staff who work the case may use it; forms need their CSRF token', async () => {
    const { caseId } = await specialistOnNewCase('access');
    const url = `/cases/${caseId}/better-off`;
    const lead = browser(t.app);
    await lead.signIn(LEICESTER_TEAM_LEAD);
    expect((await lead.get(url)).statusCode).toBe(200);
    for (const [email, status] of [
      ['referrer@leicester.bridgework.example', 403],
      ['tenant-admin@leicester.bridgework.example', 403],
      ['national-analyst@leicester.bridgework.example', 403],
      ['specialist@cardiff.bridgework.example', 404],
    ] as const) {
      const other = browser(t.app);
      await other.signIn(email);
      expect((await other.get(url)).statusCode, email).toBe(status);
      expect((await other.post(url, { _csrf: await other.csrf('/home'), ...SINGLE_LCWRA })).statusCode, email).toBe(status);
      expect((await other.post(`${url}/pdf`, { _csrf: await other.csrf('/home'), ...SINGLE_LCWRA })).statusCode, email).toBe(status);
    }
    expect((await browser(t.app).get(url)).statusCode).not.toBe(200);
    const specialist = browser(t.app);
    await specialist.signIn(LEICESTER_SPECIALIST);
    expect((await specialist.get('/cases/not-a-case/better-off')).statusCode).toBe(404);
    expect((await specialist.get(`/cases/${crypto.randomUUID()}/better-off`)).statusCode).toBe(404);
    expect((await specialist.post(url, SINGLE_LCWRA)).statusCode).toBe(403);
  });

  test('a participant works it out in Welsh, and downloads the PDF', async () => {
    const { b } = await signedInParticipant('cy');
    const plan = await b.get('/my-support/plan');
    expect(plan.body).toContain('href="/my-support/better-off"');
    const form = await b.get('/my-support/better-off');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('lang="cy"');
    expect(visibleText(form.body)).toContain('Gwell eich byd mewn gwaith');
    // Like the person's other pages, it names the council that runs their service.
    expect(visibleText(form.body)).toContain('Gwasanaeth a redir gan Cyngor Dinas Caerlŷr');
    // The person's page always uses today's rates: no date to fill in.
    expect(form.body).not.toContain('name="date-day"');
    const { 'date-day': _d, 'date-month': _m, 'date-year': _y, ...answers } = SINGLE_LCWRA;
    const res = await postForm(b, '/my-support/better-off', answers);
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const text = visibleText(res.body);
    expect(text).toContain('Ar 16 awr yr wythnos ar £12.71 yr awr byddai gennych £1,641.75 y mis, £787.05 yn fwy na’r £854.70 sydd gennych nawr heb waith.');
    expect(text).toContain('Beth sy’n aros pan fyddwch yn gweithio');
    expect(text).toContain('Mynediad at Waith');
    expect(res.body).toContain('role="img"');
    expect(res.body).toContain('Arian y mis ar 0 i 40 awr o waith yr wythnos');
    // The ESA question and section, in Welsh; nothing is filled in from a case on the person's page.
    expect(form.body).toMatch(/id="esa" name="esa" type="radio" value="yes">/);
    expect(visibleText(form.body)).toContain('Ydych chi’n cael Lwfans Cyflogaeth a Chymorth (ESA) nawr? (dewisol)');
    expect(form.body).not.toContain('id="from-award"');
    expect(text).toContain('Os ydych yn cael Lwfans Cyflogaeth a Chymorth');
    expect(text).toContain('Ar 16 awr yr wythnos ar £12.71 yr awr byddech yn ennill £203.36 yr wythnos cyn treth.');
    expect(text).toContain('Nid yw hynny’n waith a ganiateir, gan ei fod yn 16 awr yr wythnos neu fwy.');
    expect(text).toContain('Terfyn uwch gwaith a ganiateir ESA (llai na 16 awr yr wythnos)');
    const pdf = await postForm(b, '/my-support/better-off/pdf', { ...answers, appendix: 'yes' }, '/my-support/better-off');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain('gwell-eich-byd-mewn-gwaith.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The chart in the PDF, in Welsh, in the page chart's own words.
    const [alt] = figureAlts(pdf.rawPayload);
    expect(alt).toBe(chartWords(res.body));
    expect(alt).toMatch(/^Arian y mis ar 0 i 40 awr o waith yr wythnos\. \S/);
    const bad = await postForm(b, '/my-support/better-off', { ...answers, hours: '41' }, '/my-support/better-off');
    expect(bad.statusCode).toBe(400);
    expect(visibleText(bad.body)).toContain('Rhowch yr oriau gwaith yr wythnos fel rhif o 0 i 40');
  });

  test('the person’s pages, in English and Welsh, have no obligation or sanction wording', async () => {
    const { 'date-day': _d, 'date-month': _m, 'date-year': _y, ...answers } = SINGLE_LCWRA;
    for (const language of ['en', 'cy'] as const) {
      const { b } = await signedInParticipant(language);
      const pages = [
        (await b.get('/my-support/better-off')).body,
        (await postForm(b, '/my-support/better-off', answers)).body,
        (await postForm(b, '/my-support/better-off', { ...COUPLE, hourlyPay: '9' }, '/my-support/better-off')).body,
        (await postForm(b, '/my-support/better-off', { hours: '50' }, '/my-support/better-off')).body,
      ];
      for (const html of pages) expect(findObligationWording(visibleText(html)), language).toEqual([]);
    }
  });

  test('without a participant session the person is sent to sign in', async () => {
    const b = browser(t.app);
    const res = await b.get('/my-support/better-off');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/my-support');
  });

  test('any junk posted to the form is answered 200 or 4xx, never a server error', async () => {
    const { b, caseId } = await specialistOnNewCase('junk');
    const url = `/cases/${caseId}/better-off`;
    const token = await b.csrf(url);
    const keys = [...Object.keys(SINGLE_LCWRA), ...Object.keys(COUPLE), 'lcwraProtected', 'childcare', 'otherIncome', 'change', 'eldestBirthDate-day', 'x'];
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '',
        ' ',
        'yes',
        'no',
        '0',
        '40',
        '40.01',
        '-0',
        '1e3',
        'NaN',
        'Infinity',
        '12.711',
        '£1,000.00',
        '29',
        '2',
        '2024',
        '2026',
        '2030',
        '99999999',
        '\u0000',
        '<b>',
        'x'.repeat(3000),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 14 }), fc.boolean(), async (junk, pdf) => {
        const res = await b.post(pdf ? `${url}/pdf` : url, { ...junk, _csrf: token });
        // 400 from this form; a body the platform refuses before it (a NUL byte) is 422.
        expect([200, 400, 422], `${res.statusCode} ${JSON.stringify(junk)} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
      }),
      { numRuns: 60 },
    );
    // Valid answers with junk mixed in are worked out.
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom(SINGLE_LCWRA, COUPLE),
        async (pence, halfHours, base) => {
          const res = await b.post(url, { ...base, hourlyPay: (pence / 100).toFixed(2), hours: String(halfHours / 2), _csrf: token });
          expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
        },
      ),
      { numRuns: 25 },
    );
  });

  test('questions that depend on another are GOV.UK conditional reveals, and without JavaScript a follow-up to another answer is ignored', async () => {
    const { b, caseId } = await specialistOnNewCase('reveals');
    const url = `/cases/${caseId}/better-off`;
    const form = (await b.get(url)).body;
    // The reveal's contents (GOV.UK Frontend's markup: hidden by its script, shown without it).
    const reveal = (id: string) =>
      new RegExp(`<div class="govuk-radios__conditional[^"]*" id="${id}">([\\s\\S]*?)</div>\\s*</div>\\s*</div>`).exec(form)?.[1] ?? '';
    expect(form).toMatch(/id="partner" name="partner" type="radio" value="yes" data-aria-controls="conditional-partner"/);
    // Revealed by the service's own script, not GOV.UK Frontend's (which adds aria-expanded to radios).
    expect(form).toContain('data-module="app-reveal"');
    expect(form).not.toContain('data-module="govuk-radios"');
    expect(reveal('conditional-partner')).toContain('name="partnerAge"');
    expect(reveal('conditional-children')).toContain('name="childCount"');
    expect(reveal('conditional-lcwra')).toContain('name="lcwraSince-day"');
    // LCW is asked only when the answer to LCWRA is no.
    expect(form).toMatch(/id="lcwra-2" name="lcwra" type="radio" value="no" data-aria-controls="conditional-lcwra-2"/);
    expect(form).toMatch(/id="conditional-lcwra-2">[\s\S]*name="lcw"/);
    // Nothing is hidden by the server: a browser without JavaScript shows every follow-up.
    expect(form).toContain('govuk-radios__conditional--hidden');
    expect(form).not.toMatch(/style="display:\s*none"|hidden="hidden"/);
    // Without JavaScript a person may fill a follow-up and then answer no: it is ignored.
    const res = await postForm(b, url, { ...SINGLE_LCWRA, partner: 'no', partnerAge: 'not a number', children: 'no', childCount: 'x', lcw: 'maybe' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('govuk-error-summary');
    expect(visibleText(res.body)).toMatch(/they would have £[\d,.]+ a month/);
  });

  test('the form and the result speak to whoever reads them: the specialist about "them", the person to "you"', async () => {
    const { b, caseId } = await specialistOnNewCase('audience');
    const url = `/cases/${caseId}/better-off`;
    const staffForm = visibleText((await b.get(url)).body);
    const staffResult = visibleText(
      (
        await postForm(
          b,
          url,
          { ...SINGLE_LCWRA, children: 'yes', childCount: '1', 'eldestBirthDate-day': '3', 'eldestBirthDate-month': '9', 'eldestBirthDate-year': '2016' },
          url,
        )
      ).body,
    );
    for (const [name, text] of [
      ['staff form', staffForm],
      ['staff result', staffResult],
    ] as const) {
      expect(/Who lives with you|live with you|you would have|Your employment specialist|you have now/.exec(text)?.[0], name).toBeUndefined();
    }
    expect(staffForm).toContain('Who lives with them');
    expect(staffForm).toContain('Do they live with a partner?');
    expect(staffResult).toMatch(/they would have £[\d,.]+ a month/);
    expect(staffResult).toContain('You can help them work out what support to ask for');

    const { b: person } = await signedInParticipant('en');
    const mine = visibleText((await person.get('/my-support/better-off')).body);
    const { 'date-day': _d, 'date-month': _m, 'date-year': _y, ...answers } = SINGLE_LCWRA;
    const mineResult = visibleText((await postForm(person, '/my-support/better-off', answers, '/my-support/better-off')).body);
    for (const [name, text] of [
      ['participant form', mine],
      ['participant result', mineResult],
    ] as const) {
      expect(/the person\b|Who lives with them|they would have|Do they/.exec(text)?.[0], name).toBeUndefined();
    }
    expect(mine).toContain('Who lives with you');
    expect(mine).toContain('Do you live with a partner?');
    expect(mineResult).toMatch(/you would have £[\d,.]+ a month/);
  });
});

/*
 * Council Tax Support: Leicester (E06000016) has the seed's illustrative banded scheme (income a
 * month without UC up to £400: 80%, £700: 60%, £1,000: 40%, £1,300: 20%); Cardiff (W06000015) uses
 * Wales's national scheme. The single-with-LCWRA example, with a yearly bill of £1,800 (£150.00 a month).
 */
const LEICESTER_SCHEME = {
  kind: 'banded' as const,
  name: 'Leicester Council Tax Support (illustrative bands for the demo)',
  url: 'https://www.leicester.gov.uk/',
  bands: [
    { upTo: 400, discount: 80 },
    { upTo: 700, discount: 60 },
    { upTo: 1000, discount: 40 },
    { upTo: 1300, discount: 20 },
  ],
};
const singleWith = (scheme: Parameters<typeof betterOff>[0]['councilTax']) =>
  betterOff({
    date: '2026-11-23',
    household: parseHousehold({ date: '2026-11-23', adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] }),
    hourlyPay: 12.71,
    hours: 16,
    councilTax: scheme,
  });

/** An open case in Cardiff, worked by Cardiff's demo specialist (whose pages are in Welsh). */
async function cardiffSpecialistOnNewCase(label: string) {
  const person = newPerson(label);
  const referral = await makeReferral(t, 'cardiff', { identifier: crypto.randomUUID(), nhsNumber: '', ...person });
  const specialist = await staffPrincipal(t, 'cardiff', 'specialist@cardiff.bridgework.example');
  const accepted = await t.services.referrals.accept(specialist, referral.id, {});
  const b = browser(t.app);
  await b.signIn('specialist@cardiff.bridgework.example');
  return { b, caseId: accepted.caseId ?? '' };
}

describe(`Council Tax Support in the better-off figures on ${testDatabaseKind}`, () => {
  test('England: the council’s own banded scheme, named and linked, in the figures, table, chart and PDF', async () => {
    const { b, caseId } = await specialistOnNewCase('cts-england');
    const url = `/cases/${caseId}/better-off`;
    const form = await b.get(url);
    expect(visibleText(form.body)).toContain('Yearly council tax bill (optional)');
    const res = await postForm(b, url, { ...SINGLE_LCWRA, councilTax: '£1,800' });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const expected = singleWith({ scheme: LEICESTER_SCHEME, annual: 1800 });
    // 0 hours: income 0, band 1: 80% of 150.00 = 120.00; 16 hours: take-home 881.23, band 3: 40% = 60.00.
    // Totals: 854.70 + 120.00 = 974.70 and 1,641.75 + 60.00 = 1,701.75; gain 727.05.
    expect(expected.outOfWork).toMatchObject({ councilTaxSupport: 120, totalMonthly: 974.7 });
    expect(expected.inWork).toMatchObject({ councilTaxSupport: 60, totalMonthly: 1701.75, gainOverNoWork: 727.05 });
    const text = visibleText(res.body);
    expect(text).toContain('they would have £1,701.75 a month, £727.05 more than the £974.70 they have now without work.');
    expect(text).toContain('Council Tax Support £60.00');
    expect(res.body).toContain(
      '<a class="govuk-link" href="https://www.leicester.gov.uk/" rel="noreferrer noopener">Leicester Council Tax Support (illustrative bands for the demo)</a>',
    );
    expect(text).toContain('For a yearly bill of £1,800.00, it would be £60.00 a month at 16 hours a week, compared with £120.00 a month without work.');
    expect(text).toContain('The totals include Council Tax Support under Leicester Council Tax Support (illustrative bands for the demo).');
    // Its own column in the table, in step with the calculation, and its own line in the chart.
    expect(res.body).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Council Tax Support</th>');
    for (const row of expected.rows) expect(text).toContain(`${money(row.councilTaxSupport)} ${money(row.totalMonthly)}`);
    expect(res.body.match(/class="app-chart__line"/g)).toHaveLength(4);
    expect(chartWords(res.body)).toContain('Council Tax Support goes from £120.00 at 0 hours to £0.00 at 40 hours.');
    // How it was worked out: the band, with its arithmetic.
    expect(text).toContain('£881.23 is in band 3 (£700.01 to £1,000.00): 40% of £150.00 is £60.00 a month.');
    // The PDF draws the same chart, with the same words.
    const pdf = await postForm(b, `${url}/pdf`, { ...SINGLE_LCWRA, councilTax: '1800', appendix: 'yes' }, url);
    expect(pdf.statusCode).toBe(200);
    expect(figureAlts(pdf.rawPayload)).toEqual([chartWords(res.body)]);
  });

  test('no bill given: the figures say they leave Council Tax Support out', async () => {
    const { b, caseId } = await specialistOnNewCase('cts-no-bill');
    const res = await postForm(b, `/cases/${caseId}/better-off`, SINGLE_LCWRA);
    const text = visibleText(res.body);
    expect(text).toContain('No yearly council tax bill was given, so the figures leave Council Tax Support out.');
    expect(text).toContain('Council Tax Support Left out of these figures');
    expect(text).toContain('The totals leave Council Tax Support out.');
    expect(res.body.match(/class="app-chart__line"/g)).toHaveLength(3);
    // A bill that is not money is an error on its field.
    const bad = await postForm(b, `/cases/${caseId}/better-off`, { ...SINGLE_LCWRA, councilTax: 'band D' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#councilTax"');
    expect(visibleText(bad.body)).toContain('Enter the yearly bill in pounds, like 1850, or leave it empty');
  });

  test('England in Welsh: the participant’s page names the scheme and counts it', async () => {
    const { b } = await signedInParticipant('cy');
    const { 'date-day': _d, 'date-month': _m, 'date-year': _y, ...answers } = SINGLE_LCWRA;
    const res = await postForm(b, '/my-support/better-off', { ...answers, councilTax: '1800' });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    const text = visibleText(res.body);
    expect(text).toContain('byddai gennych £1,701.75 y mis, £727.05 yn fwy na’r £974.70 sydd gennych nawr heb waith.');
    expect(text).toContain(
      'Caiff Cymorth y Dreth Gyngor ei gyfrifo dan gynllun eich cyngor ei hun: Leicester Council Tax Support (illustrative bands for the demo)',
    );
    expect(text).toContain('Ar gyfer bil blynyddol o £1,800.00, byddai’n £60.00 y mis ar 16 awr yr wythnos, o’i gymharu â £120.00 y mis heb waith.');
    expect(chartWords(res.body)).toContain('Mae Cymorth y Dreth Gyngor yn mynd o £120.00 ar 0 awr i £0.00 ar 40 awr.');
    const pdf = await postForm(b, '/my-support/better-off/pdf', { ...answers, councilTax: '1800', appendix: 'yes' }, '/my-support/better-off');
    expect(figureAlts(pdf.rawPayload)).toEqual([chartWords(res.body)]);
  });

  test('Wales: the national scheme, in Welsh and in English, in the figures, table, chart and PDF', async () => {
    const { b, caseId } = await cardiffSpecialistOnNewCase('cts-wales');
    const url = `/cases/${caseId}/better-off`;
    const expected = singleWith({ scheme: { kind: 'wales' }, annual: 1800 });
    // 0 hours: income = UC 854.70 = the UC maximum amount: the whole bill, 150.00; total 1,004.70.
    // 5 hours: income 854.70 + 275.38; 20% of 275.38 = 55.08 off: 94.92. 16 hours: 20% of 787.05 = 157.41 > 150.00: none.
    expect(expected.outOfWork).toMatchObject({ councilTaxSupport: 150, totalMonthly: 1004.7 });
    expect(expected.rows.find((r) => r.hours === 5)?.councilTaxSupport).toBe(94.92);
    expect(expected.inWork).toMatchObject({ councilTaxSupport: 0, totalMonthly: 1641.75, gainOverNoWork: 637.05 });

    const cy = await postForm(b, url, { ...SINGLE_LCWRA, councilTax: '1800' });
    expect(cy.statusCode, cy.body.slice(0, 2000)).toBe(200);
    expect(cy.body).toContain('lang="cy"');
    const cyText = visibleText(cy.body);
    expect(cyText).toContain('bydden nhw’n cael £1,641.75 y mis, £637.05 yn fwy na’r £1,004.70 sydd ganddyn nhw nawr heb waith.');
    expect(cyText).toContain('Mae eu cyngor yng Nghymru: cyfrifir Cymorth y Dreth Gyngor o dan y cynllun Gostyngiadau Treth Gyngor cenedlaethol.');
    expect(cyText).toContain('Mae’r incwm £787.05 yn uwch na’r swm cymwys. Mae 20% o hynny, £157.41, yn dod oddi ar y bil o £150.00, gan adael £0.00 y mis.');
    expect(cy.body.match(/class="app-chart__line"/g)).toHaveLength(4);
    for (const row of expected.rows) expect(cyText).toContain(`${money(row.councilTaxSupport)} ${money(row.totalMonthly)}`);

    await b.get('/language/en');
    const en = await postForm(b, url, { ...SINGLE_LCWRA, councilTax: '1800' });
    const text = visibleText(en.body);
    expect(text).toContain('they would have £1,641.75 a month, £637.05 more than the £1,004.70 they have now without work.');
    expect(text).toContain('Their council is in Wales: Council Tax Support is worked out under the national Council Tax Reduction scheme.');
    expect(text).toContain('The totals include Council Tax Support under the Council Tax Reduction scheme in Wales.');
    expect(text).toContain('Income is £787.05 above the applicable amount. 20% of that, £157.41, comes off the bill of £150.00, leaving £0.00 a month.');
    expect(text).toContain('Council Tax Reduction (Wales): share of income above the applicable amount taken off 20%');
    expect(chartWords(en.body)).toContain('Council Tax Support goes from £150.00 at 0 hours to £0.00 at 40 hours.');
    const pdf = await postForm(b, `${url}/pdf`, { ...SINGLE_LCWRA, councilTax: '1800', appendix: 'yes' }, url);
    expect(pdf.statusCode).toBe(200);
    expect(figureAlts(pdf.rawPayload)).toEqual([chartWords(en.body)]);
  });
});
