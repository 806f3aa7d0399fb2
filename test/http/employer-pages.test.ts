import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseOn, uniqueName } from '../support/case-regimes.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The employers and matching pages, signed in through the pages: staff add an employer, log a
// contact and post a vacancy that is checked, then published; the specialist fills in a case's work
// profile, sees matches with their reasons and introduces the person only with consent; the
// employer user sees only its own vacancies and candidates, records an offer and its acceptance
// (the job start on the case), and reaches nothing else.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const LEICESTER = (role: string) => `${role}@leicester.bridgework.example`;
async function signedIn(role: string): Promise<Browser> {
  const b = browser(t.app);
  expect((await b.signIn(LEICESTER(role))).statusCode).toBe(303);
  return b;
}
/** Posts a form page with its own CSRF token (repeated names post as several fields). */
async function post(b: Browser, url: string, form: Record<string, string | string[]>) {
  const csrf = await b.csrf(url);
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}
const action = async (b: Browser, url: string, from: string) => b.post(url, { _csrf: await b.csrf(from) });
const errorsOf = (body: string) => /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(body)?.[0] ?? body.slice(0, 300);

const vacancyForm = (title: string) => ({
  title,
  description: 'Serving meals in the staff restaurant.',
  soc: '9263',
  hoursMin: '12',
  hoursMax: '20',
  days: ['mon', 'tue', 'wed'],
  workplace: 'on-site',
  flexibleOptions: ['phased-start', 'job-share'],
  adjustmentsOffered: ['quiet-space'],
  payHourly: '12.80',
  contractType: 'permanent',
  postcode: 'LE1 6ZG',
  'closingDate-day': '31',
  'closingDate-month': '1',
  'closingDate-year': '2027',
});
const profileForm = {
  occupationsWanted: '92',
  hoursMin: '10',
  hoursMax: '16',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  fluctuating: 'yes',
  fluctuationNeeds: 'A later start on bad days',
  flexibilityNeeded: ['phased-start'],
  adjustmentsNeeded: ['quiet-space'],
  postcode: 'LE2 1TE',
  maxTravelKm: '10',
  payFloorHourly: '12.21',
};

describe(`employers pages on ${testDatabaseKind}`, () => {
  test('staff add an employer (bad input shows the error summary), log a contact, and post a vacancy that is checked, then published', async () => {
    const b = await signedIn('specialist');
    expect((await b.get('/home')).body).toContain('href="/employers"');
    const bad = await post(b, '/employers/new', { name: '', sector: 'Food' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter the employer’s name');
    expect(bad.body).toContain('href="#name"');
    // The local plan's growth sectors are offered; a code not in the list is refused.
    await sql`insert into growth_sectors (tenant_id, code, name, name_cy) values (${t.tenants.leicester}, 'food-manufacturing', 'Food manufacturing', 'Gweithgynhyrchu bwyd') on conflict do nothing`.execute(
      t.testDb.db.owner,
    );
    expect((await b.get('/employers/new')).body).toContain('value="food-manufacturing"');
    const name = `Bakery ${uniqueName()}`;
    const unknown = await post(b, '/employers/new', { name, sector: 'Food', sizeBand: 'small', growthSectors: 'space-tourism' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Select growth sectors from the list');
    const made = await post(b, '/employers/new', {
      name,
      sector: 'Food',
      sizeBand: 'small',
      disabilityConfident: 'committed',
      growthSectors: 'food-manufacturing',
    });
    expect(made.statusCode, errorsOf(made.body)).toBe(303);
    const employerUrl = (made.headers.location as string).split('?')[0] as string;
    const page = await b.get(made.headers.location as string);
    expect(page.body).toContain('Employer added');
    expect(page.body).toContain(name);
    expect(page.body).toContain('Food manufacturing');
    const contact = await post(b, `${employerUrl}/contacts/new`, { mode: 'in-person', purpose: 'job-development', note: 'Met the kitchen manager' });
    expect(contact.statusCode, errorsOf(contact.body)).toBe(303);
    expect((await b.get(contact.headers.location as string)).body).toContain('Met the kitchen manager');

    const employerId = employerUrl.split('/').pop() as string;
    const noTitle = await post(b, '/vacancies/new', { ...vacancyForm(''), employerId });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.body).toContain('Enter the job title');
    const posted = await post(b, '/vacancies/new', { ...vacancyForm('Baker'), employerId });
    expect(posted.statusCode, errorsOf(posted.body)).toBe(303);
    const check = await b.get(posted.headers.location as string);
    expect(check.body).toContain('Check this vacancy, then publish it');
    expect(check.body).toContain('Draft');
    const vacancyUrl = (posted.headers.location as string).split('?')[0] as string;
    const published = await action(b, `${vacancyUrl}/status?to=open`, vacancyUrl);
    expect(published.statusCode).toBe(303);
    const open = await b.get(published.headers.location as string);
    expect(open.body).toContain('Vacancy status changed');
    expect(open.body).not.toContain('Check this vacancy');
    // Filled is allowed from open; draft again is not (409 from the declared lifecycle).
    expect((await action(b, `${vacancyUrl}/status?to=draft`, vacancyUrl)).statusCode).toBe(409);
    // A status that is not one is bad input, not a server error.
    expect((await action(b, `${vacancyUrl}/status?to=bogus`, vacancyUrl)).statusCode).toBe(422);
  });

  test('the specialist fills in the work profile, sees matches with reasons, and introduces only with consent; the employer records an offer that becomes the job start', async () => {
    const specialist = await signedIn('specialist');
    const employer = await signedIn('employer');
    const title = `Catering assistant ${uniqueName()}`;
    const posted = await post(employer, '/vacancies/new', vacancyForm(title));
    expect(posted.statusCode, errorsOf(posted.body)).toBe(303);
    const vacancyUrl = (posted.headers.location as string).split('?')[0] as string;
    const vacancyId = vacancyUrl.split('/').pop() as string;
    expect((await action(employer, `${vacancyUrl}/status?to=open`, vacancyUrl)).statusCode).toBe(303);

    const noConsent = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team'] });
    expect((await post(specialist, `/cases/${noConsent.caseId}/work/profile`, profileForm)).statusCode).toBe(303);
    const refused = await post(specialist, `/cases/${noConsent.caseId}/work/introduce/${vacancyId}`, { shared: ['name'], personAgreed: 'yes' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('has not consented to contact with employers');

    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    const badProfile = await post(specialist, `/cases/${c.caseId}/work/profile`, { ...profileForm, hoursMin: '30', hoursMax: '10' });
    expect(badProfile.statusCode).toBe(400);
    expect(badProfile.body).toContain('The most hours must be the same as or more than the fewest hours');
    const saved = await post(specialist, `/cases/${c.caseId}/work/profile`, profileForm);
    expect(saved.statusCode, errorsOf(saved.body)).toBe(303);
    await t.services.matchingIndex.ready();
    const work = await specialist.get(`/cases/${c.caseId}/work`);
    expect(work.statusCode).toBe(200);
    expect(work.body).toContain(title);
    expect(work.body).toContain('Why this vacancy suits');
    expect(work.body).toContain('the employer is ready to provide A quiet space');
    // 12 to 20 hours against up to 16: the near miss says what to ask, naming the job share offered.
    expect(work.body).toContain('offers 20 hours; you want up to 16: it offers Job share');

    const noAgreement = await post(specialist, `/cases/${c.caseId}/work/introduce/${vacancyId}`, { shared: ['name'] });
    expect(noAgreement.statusCode).toBe(400);
    expect(noAgreement.body).toContain('Confirm that the person agreed to this introduction');
    const introduced = await post(specialist, `/cases/${c.caseId}/work/introduce/${vacancyId}`, {
      shared: ['name', 'availability', 'summary'],
      personAgreed: 'yes',
      summary: 'Keen to start in a kitchen',
    });
    expect(introduced.statusCode, errorsOf(introduced.body)).toBe(303);

    const candidates = await employer.get('/candidates');
    expect(candidates.statusCode).toBe(200);
    expect(candidates.body).toContain(title);
    const candidateId = /href="\/candidates\/([0-9a-f-]{36})"/.exec(candidates.body.slice(candidates.body.indexOf(title) - 400))?.[1] as string;
    const candidate = await employer.get(`/candidates/${candidateId}`);
    expect(candidate.body).toContain('Keen to start in a kitchen');
    // Not shared, so not shown: the person's email address and adjustments.
    expect(candidate.body).not.toContain('@example.com');
    expect(candidate.body).not.toContain('Adjustments needed');
    const noDate = await post(employer, `/candidates/${candidateId}/offer`, { hoursPerWeek: '16', payHourly: '12.80', contractType: 'permanent' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.body).toContain('Enter a real start date');
    const offer = await post(employer, `/candidates/${candidateId}/offer`, {
      hoursPerWeek: '16',
      payHourly: '12.80',
      contractType: 'permanent',
      'startDate-day': '4',
      'startDate-month': '1',
      'startDate-year': '2027',
    });
    expect(offer.statusCode, errorsOf(offer.body)).toBe(303);
    const accepted = await action(employer, `/candidates/${candidateId}/accepted`, `/candidates/${candidateId}`);
    expect(accepted.statusCode).toBe(303);
    expect((await employer.get(accepted.headers.location as string)).body).toContain('Offer accepted: the job start is recorded');
    const casePage = await specialist.get(`/cases/${c.caseId}`);
    expect(casePage.body).toContain(title);
  });

  test('an employer user reaches its own vacancies and candidates and nothing else', async () => {
    const employer = await signedIn('employer');
    const specialist = await signedIn('specialist');
    const home = await employer.get('/home');
    expect(home.body).toContain('href="/vacancies"');
    expect(home.body).toContain('href="/candidates"');
    expect(home.body).not.toContain('href="/employers"');
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    const other = await t.services.employers.createEmployer(await staffPrincipal(t, 'leicester', LEICESTER('specialist')), {
      name: `Another employer ${uniqueName()}`,
      sector: 'Retail',
      sizeBand: 'medium',
    });
    const otherEmployerId = other.id;
    const otherVacancy = await post(specialist, '/vacancies/new', { ...vacancyForm(`Not theirs ${uniqueName()}`), employerId: otherEmployerId });
    const otherVacancyUrl = (otherVacancy.headers.location as string).split('?')[0] as string;
    for (const url of [
      '/employers',
      '/employers/new',
      `/employers/${otherEmployerId}`,
      `/cases/${c.caseId}`,
      `/cases/${c.caseId}/work`,
      `/cases/${c.caseId}/work/profile`,
      `${otherVacancyUrl}/people`,
      '/cases',
      '/referrals',
      '/admin/access-to-work',
    ]) {
      const res = await employer.get(url);
      expect([403, 404], `${url}: ${res.statusCode}`).toContain(res.statusCode);
    }
    // Another employer's vacancy is as if it did not exist, to read or to change.
    const theirs = await employer.get(otherVacancyUrl);
    const mine = await specialist.get(otherVacancyUrl);
    expect(mine.statusCode).toBe(200);
    expect(theirs.statusCode).toBe(404);
    expect((await action(employer, `${otherVacancyUrl}/status?to=closed`, '/vacancies/new')).statusCode).toBe(404);
    expect((await employer.get('/vacancies')).body).not.toContain('Not theirs');
    expect((await employer.get(`/candidates/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});
