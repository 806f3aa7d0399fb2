import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseloadMessages } from '../../src/domains/participants/index.ts';
import { auditRows, caseOn, rowCount } from '../support/case-regimes.ts';
import { visibleText } from '../support/code-like.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The staff case pages, signed in through the pages: the caseload, a case and each of its forms
// (happy path, and bad input refused with the error summary and nothing written), who sees health
// information, break glass and its review, the participation policy on the appointment form,
// reassigning, and the tenant's case settings.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const en = caseloadMessages.en;
const LEICESTER = (role: string) => `${role}@leicester.bridgework.example`;

async function signedIn(role: string): Promise<Browser> {
  const b = browser(t.app);
  const res = await b.signIn(LEICESTER(role));
  expect(res.statusCode).toBe(303);
  return b;
}

/** Opens a form page, checks it, and posts it with its own CSRF token. */
async function post(b: Browser, url: string, form: Record<string, string>) {
  const page = await b.get(url);
  expect(page.statusCode, `${url}: ${page.body.slice(0, 400)}`).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return b.post(url, { _csrf: csrf, ...form });
}

/** A form accepted: back to the case with its success message. */
async function accepted(b: Browser, caseId: string, path: string, form: Record<string, string>, done: keyof typeof en) {
  const res = await post(b, `/cases/${caseId}/${path}`, form);
  expect(res.statusCode, `${path}: ${/govuk-error-summary__list[\s\S]*?<\/ul>/.exec(res.body)?.[0] ?? res.body.slice(0, 300)}`).toBe(303);
  expect(res.headers.location).toBe(`/cases/${caseId}?done=${done.replace('caseload.done.', '')}`);
  const page = await b.get(res.headers.location as string);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(en[done]);
  return page.body;
}

/** A form refused: 400, the error summary linking to the field, the message, and nothing written. */
async function refused(b: Browser, caseId: string, path: string, form: Record<string, string>, message: string, table: string, href?: string) {
  const before = await rowCount(t, table, table === 'cases' ? {} : { caseId });
  const res = await post(b, `/cases/${caseId}/${path}`, form);
  expect(res.statusCode, `${path}: ${res.body.slice(0, 400)}`).toBe(400);
  expect(res.body).toContain('govuk-error-summary');
  expect(res.body).toMatch(/<title>\s*Error: /);
  expect(res.body).toContain(message);
  if (href) expect(res.body).toContain(`href="#${href}"`);
  expect(await rowCount(t, table, table === 'cases' ? {} : { caseId })).toBe(before);
  return res.body;
}

const eventCount = (caseId: string) => rowCount(t, 'case_events', { caseId });

describe(`case pages on ${testDatabaseKind}`, () => {
  test('the caseload counts open cases against the tenant’s limit, and warns when over it', async () => {
    const s = await signedIn('specialist');
    const count = async () => {
      const page = await s.get('/cases');
      expect(page.statusCode).toBe(200);
      const match = /Your caseload: (\d+) of (\d+) open cases/.exec(page.body);
      return { n: Number(match?.[1]), limit: Number(match?.[2]), body: page.body };
    };
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER('specialist'));
    const first = await count();
    expect(first.limit).toBe(20);
    expect(first.n).toBe((await t.services.cases.caseload(specialist)).cases.length);
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const second = await count();
    expect(second.n).toBe(first.n + 1);
    expect(second.body).toContain(`href="/cases/${c.caseId}"`);
    expect(second.body).toContain(`${c.givenName} Morgan`);
    expect(second.body).toContain('No contact yet');
    expect(second.body).toContain('Voluntary (health)');
    expect(second.body).not.toContain(en['caseload.over'].slice(0, 30));
    // Over the tenant's limit: a warning.
    const admin = await signedIn('tenant-admin');
    expect((await post(admin, '/cases/settings', { ipsCaseloadLimit: '1', breakGlassHours: '4' })).statusCode).toBe(303);
    const over = await count();
    expect(over.limit).toBe(1);
    expect(over.body).toContain('You have more open cases than the caseload limit of 1');
    expect((await post(admin, '/cases/settings', { ipsCaseloadLimit: '20', breakGlassHours: '4' })).statusCode).toBe(303);
    // Only specialists and team leads have a caseload.
    expect((await (await signedIn('referrer')).get('/cases')).statusCode).toBe(403);
  });

  test('in the demo data, nobody in work shows "No contact yet": the person in work has been contacted and supported', async () => {
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER('specialist'));
    const inWork = (await t.services.cases.caseload(specialist)).cases.filter((c) => c.phase === 'in-work');
    expect(inWork.length).toBeGreaterThan(0);
    for (const c of inWork) expect(c.lastContactAt, c.personName).not.toBeNull();
    const page = await (await signedIn('specialist')).get('/cases');
    const row = new RegExp(`${inWork[0]?.personName}[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).not.toBe('');
    expect(row).not.toContain(en['caseload.noContactYet']);
  });

  test('a tenant admin sets the caseload limit and break-glass hours, audited; bad numbers are refused and change nothing', async () => {
    const admin = await signedIn('tenant-admin');
    const form = await admin.get('/cases/settings');
    expect(form.body).toContain('value="20"');
    expect(form.body).toContain('value="4"');
    const before = await t.services.cases.settings(await staffPrincipal(t, 'leicester', LEICESTER('tenant-admin')));
    const bad = await post(admin, '/cases/settings', { ipsCaseloadLimit: '101', breakGlassHours: 'four' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain(en['caseload.settings.error.limit']);
    expect(bad.body).toContain(en['caseload.settings.error.hours']);
    expect(bad.body).toContain('href="#ipsCaseloadLimit"');
    expect(bad.body).toContain('value="four"');
    const admin0 = await staffPrincipal(t, 'leicester', LEICESTER('tenant-admin'));
    expect(await t.services.cases.settings(admin0)).toEqual(before);
    const saved = await post(admin, '/cases/settings', { ipsCaseloadLimit: '18', breakGlassHours: '2' });
    expect(saved.statusCode).toBe(303);
    expect((await admin.get(saved.headers.location as string)).body).toContain(en['caseload.done.settings']);
    expect(await t.services.cases.settings(admin0)).toEqual({ ipsCaseloadLimit: 18, breakGlassHours: 2 });
    const audit = await auditRows(t, 'tenant.case-settings', t.tenants.leicester);
    expect(audit.at(-1)?.details).toMatchObject({ before, after: { ipsCaseloadLimit: 18, breakGlassHours: 2 } });
    await post(admin, '/cases/settings', { ipsCaseloadLimit: '20', breakGlassHours: '4' });
    expect((await (await signedIn('specialist')).get('/cases/settings')).statusCode).toBe(403);
  });

  test('the case page shows the case, and the profile and plan forms work and refuse bad input', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    const page = await s.get(`/cases/${c.caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${c.givenName} Morgan`);
    expect(page.body).toContain('Getting to know you');
    expect(page.body).toContain('Sam Okafor');
    expect(page.body).toContain('Leicester IPS team');
    expect(page.body).toContain(`href="/referrals/${c.referralId}"`);
    expect(page.body).toContain('12 April 1988');
    // The assigned specialist has a working relationship: health is shown.
    expect(page.body).toContain(c.conditionsText);
    expect(page.body).not.toContain(en['caseload.health.hidden']);
    // The better-off calculator is one of the case's actions, not two links deep under benefits.
    const actions = /<h2 class="govuk-heading-m">Actions<\/h2>[\s\S]*?<\/ul>/.exec(page.body)?.[0] ?? '';
    expect(actions).toContain(`href="/cases/${c.caseId}/better-off"`);
    expect(actions).toContain(en['caseload.action.betterOff']);
    // Profile: too long is refused; then saved, which starts the vocational-profile phase.
    await refused(s, c.caseId, 'profile', { skills: 'x'.repeat(4001) }, 'The answer is too long', 'case_events', 'skills');
    const profiled = await accepted(
      s,
      c.caseId,
      'profile',
      { workHistory: 'Ten years in a warehouse', skills: 'Forklift licence', healthInOwnWords: 'Tired after lunch' },
      'caseload.done.profile',
    );
    expect(profiled).toContain('Forklift licence');
    expect(profiled).toContain('Tired after lunch');
    expect(profiled).toContain('Vocational profile updated');
    // Plan: a goal (escaped), an action under it, and marking it done.
    await refused(s, c.caseId, 'goals/new', { owner: 'participant' }, 'Enter what the goal or action is', 'plan_items', 'text');
    const goalPage = await accepted(s, c.caseId, 'goals/new', { text: '<script>alert(1)</script> Warehouse work', owner: 'participant' }, 'caseload.done.goal');
    expect(goalPage).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Warehouse work');
    expect(goalPage).not.toContain('<script>alert(1)');
    const form = await s.get(`/cases/${c.caseId}/actions/new`);
    const goalId = /name="goalId" type="radio" value="([0-9a-f-]{36})"/.exec(form.body)?.[1] ?? '';
    expect(goalId).not.toBe('');
    await refused(
      s,
      c.caseId,
      'actions/new',
      { goalId, text: 'Update CV', owner: 'specialist', 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2027' },
      en['caseload.date.hint'].replace('For example, ', ''),
      'plan_items',
      'dueOn-day',
    );
    await refused(
      s,
      c.caseId,
      'actions/new',
      { goalId, text: 'Update CV', owner: 'specialist', 'dueOn-day': '1', 'dueOn-month': '11', 'dueOn-year': '2026' },
      'The date it is due must be today or in the future',
      'plan_items',
      'dueOn-day',
    );
    const withAction = await accepted(
      s,
      c.caseId,
      'actions/new',
      { goalId, text: 'Update CV', owner: 'specialist', 'dueOn-day': '4', 'dueOn-month': '12', 'dueOn-year': '2026' },
      'caseload.done.action',
    );
    expect(withAction).toContain('Update CV');
    expect(withAction).toContain('due 4 December 2026');
    const actionId =
      new RegExp(`/cases/${c.caseId}/plan/([0-9a-f-]{36})"[^>]*>Update<span class="govuk-visually-hidden"> Update CV`).exec(withAction)?.[1] ?? '';
    expect(actionId).not.toBe('');
    await refused(s, c.caseId, `plan/${actionId}`, {}, 'Select done or no longer needed', 'case_events', 'status');
    const done = await accepted(s, c.caseId, `plan/${actionId}`, { status: 'done' }, 'caseload.done.planStatus');
    expect(done).toContain('Plan item marked: Done');
    // A plan item that does not exist, or a bad id, is a page not found.
    expect((await s.get(`/cases/${c.caseId}/plan/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await s.get(`/cases/${c.caseId}/plan/not-an-id`)).statusCode).toBe(404);
  });

  test('contact and access details: saved and shown; a way of contact with no details for it is refused', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    expect((await s.get(`/cases/${c.caseId}`)).body).toContain(`href="/cases/${c.caseId}/details"`);
    // The test person has an email address but no phone number.
    await refused(
      s,
      c.caseId,
      'details',
      { preferredLanguage: 'en', contactMethod: 'phone' },
      'There is no phone number or email address on record',
      'case_events',
      'contactMethod',
    );
    const page = await accepted(
      s,
      c.caseId,
      'details',
      { accessibilityNeeds: 'Large print, please', preferredLanguage: 'cy', contactMethod: 'post' },
      'caseload.done.details',
    );
    expect(page).toContain('Large print, please');
    const view = await t.services.cases.view(c.specialist, c.caseId);
    expect(view.participant).toMatchObject({ accessibilityNeeds: 'Large print, please', preferredLanguage: 'cy', contactMethod: 'post' });
    expect(await auditRows(t, 'participant.details', c.caseId)).toHaveLength(1);
  });

  test('appointments: booked in UK time, an outcome recorded, and a missed one leads only to a follow-up', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    await refused(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '30', 'date-month': '2', 'date-year': '2027', time: '10:00', mode: 'phone' },
      'Enter a real date for the appointment',
      'appointments',
      'date-day',
    );
    // An appointment in the past (the bug: 1 January 2020, and the person was emailed about it), or
    // more than a year ahead, is refused with GOV.UK's wording; nothing is written, nobody is emailed.
    const mailBefore = await rowCount(t, 'notifications_outbox', {});
    await refused(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '1', 'date-month': '1', 'date-year': '2020', time: '10:00', mode: 'phone' },
      'The date of the appointment must be today or in the future',
      'appointments',
      'date-day',
    );
    await refused(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '1', 'date-month': '1', 'date-year': '2062', time: '10:00', mode: 'phone' },
      'The date of the appointment must be within the next 12 months',
      'appointments',
      'date-day',
    );
    expect(await rowCount(t, 'notifications_outbox', {})).toBe(mailBefore);
    await refused(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '1', 'date-month': '12', 'date-year': '2026', time: 'lunchtime', mode: 'phone' },
      'Enter a time for the appointment',
      'appointments',
      'time',
    );
    const booked = await accepted(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '1', 'date-month': '12', 'date-year': '2026', time: '2:30pm', mode: 'in-person', place: 'Westcotes library' },
      'caseload.done.appointment',
    );
    expect(booked).toContain('Tuesday, 1 December 2026 at 14:30');
    expect(booked).toContain('Westcotes library');
    const outcomeHref = new RegExp(`/cases/${c.caseId}/appointments/([0-9a-f-]{36})/outcome`).exec(booked)?.[0] ?? '';
    expect(outcomeHref).not.toBe('');
    const path = outcomeHref.replace(`/cases/${c.caseId}/`, '');
    const form = await s.get(outcomeHref);
    expect(form.body).toContain(en['caseload.appointment.missedVoluntary']);
    await refused(s, c.caseId, path, { note: 'x' }, 'Select what happened', 'case_events', 'outcome');
    const attended = await accepted(s, c.caseId, path, { outcome: 'attended', note: 'Talked about warehouse jobs' }, 'caseload.done.outcome');
    expect(attended).toContain('Attended: Talked about warehouse jobs');
    expect(attended).not.toContain('No contact yet');
    // A second one, missed: the plan gains a follow-up contact, and nothing else.
    await accepted(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '8', 'date-month': '12', 'date-year': '2026', time: '10:00', mode: 'phone' },
      'caseload.done.appointment',
    );
    const page = await s.get(`/cases/${c.caseId}`);
    const second = new RegExp(`/cases/${c.caseId}/(appointments/[0-9a-f-]{36}/outcome)`).exec(page.body)?.[1] ?? '';
    const missed = await accepted(s, c.caseId, second, { outcome: 'did-not-attend' }, 'caseload.done.outcome');
    expect(missed).toContain('Get back in touch to see how they are and offer another time');
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(0);
  });

  test('notes: the kinds offered follow consent and health visibility; consent changes are recorded', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    const form = await s.get(`/cases/${c.caseId}/notes/new`);
    expect(form.body).toContain('value="health-liaison"');
    expect(form.body).not.toContain('value="employer-contact"');
    await refused(s, c.caseId, 'notes/new', { kind: 'contact' }, 'Enter the note', 'case_notes', 'body');
    const noted = await accepted(s, c.caseId, 'notes/new', { kind: 'contact', body: 'Phoned.\nWants to meet next week.' }, 'caseload.done.note');
    expect(noted).toContain('Phoned.<br>Wants to meet next week.');
    // The person agrees to employer contact: the note form offers it.
    await refused(s, c.caseId, 'consent', { scopes: 'share-with-everyone' }, 'Select only the choices listed', 'case_events', 'scopes');
    const consent = await post(s, `/cases/${c.caseId}/consent`, {});
    expect(consent.statusCode).toBe(303);
    const withdrawn = await s.get(consent.headers.location as string);
    expect(withdrawn.body).toContain('Withdrew: Share how I am getting on with my health team.');
    // Without consent to share with the health team, no health-team liaison is offered.
    expect((await s.get(`/cases/${c.caseId}/notes/new`)).body).not.toContain('value="health-liaison"');
    const csrf = await s.csrf(`/cases/${c.caseId}/consent`);
    const res = await t.app.inject({
      method: 'POST',
      url: `/cases/${c.caseId}/consent`,
      headers: { cookie: [...s.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${csrf}&scopes=contact-employers&scopes=share-with-health-team`,
    });
    expect(res.statusCode).toBe(303);
    const form2 = await s.get(`/cases/${c.caseId}/notes/new`);
    expect(form2.body).toContain('value="employer-contact"');
    expect(form2.body).toContain('value="health-liaison"');
    await accepted(s, c.caseId, 'notes/new', { kind: 'employer-contact', body: 'Called the warehouse manager' }, 'caseload.done.note');
  });

  test('jobs: a start moves the case to in work, hours are recorded by week, and an end returns it to job search', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    const job = { employer: 'Fosse Foods', role: 'Picker', hoursPerWeek: '16', hourlyPay: '£12.71', contractType: 'permanent' };
    // A start date years back or far ahead is a typing slip: refused, as GOV.UK words it.
    await refused(
      s,
      c.caseId,
      'jobs/new',
      { ...job, 'startDate-day': '2', 'startDate-month': '11', 'startDate-year': '2016' },
      'The start date must be within the last 24 months',
      'case_jobs',
      'startDate-day',
    );
    await refused(
      s,
      c.caseId,
      'jobs/new',
      { ...job, 'startDate-day': '2', 'startDate-month': '11', 'startDate-year': '2027' },
      'The start date must be within the next 6 months',
      'case_jobs',
      'startDate-day',
    );
    await refused(
      s,
      c.caseId,
      'jobs/new',
      { ...job, hoursPerWeek: 'lots', 'startDate-day': '2', 'startDate-month': '11', 'startDate-year': '2026' },
      'Enter hours a week as a number',
      'case_jobs',
      'hoursPerWeek',
    );
    const started = await accepted(
      s,
      c.caseId,
      'jobs/new',
      { ...job, 'startDate-day': '2', 'startDate-month': '11', 'startDate-year': '2026' },
      'caseload.done.job',
    );
    expect(started).toContain('Picker at Fosse Foods');
    expect(started).toContain('£12.71');
    expect(started).toContain('In work (in-work support)');
    const jobId = new RegExp(`/cases/${c.caseId}/jobs/([0-9a-f-]{36})/week`).exec(started)?.[1] ?? '';
    expect((await s.get(`/cases/${c.caseId}/jobs/${jobId}/week`)).body).toContain('value="1"');
    await refused(s, c.caseId, `jobs/${jobId}/week`, { week: '0', hours: '16' }, 'Enter the week of the job as a whole number', 'case_events', 'week');
    const week = await accepted(s, c.caseId, `jobs/${jobId}/week`, { week: '1', hours: '16' }, 'caseload.done.week');
    expect(week).toContain('week 1: 16');
    expect(week).toContain('Not yet: 1 of the 13 qualifying weeks recorded');
    await refused(
      s,
      c.caseId,
      `jobs/${jobId}/end`,
      { 'endDate-day': '1', 'endDate-month': '11', 'endDate-year': '2026', reason: 'Contract ended' },
      'The end date must be on or after the start date',
      'case_events',
      'endDate-day',
    );
    const ended = await accepted(
      s,
      c.caseId,
      `jobs/${jobId}/end`,
      { 'endDate-day': '20', 'endDate-month': '11', 'endDate-year': '2026', reason: 'Contract ended' },
      'caseload.done.jobEnd',
    );
    expect(ended).toContain('20 November 2026: Contract ended');
    expect(ended).toContain('Moved from In work (in-work support) to Job search');
  });

  test('health team, participation regime, phases, closing and re-engaging', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    await refused(s, c.caseId, 'health-team', { userId: crypto.randomUUID() }, 'Select a member of staff', 'case_events', 'userId');
    const gp = await staffPrincipal(t, 'leicester', LEICESTER('referrer'));
    const named = await accepted(s, c.caseId, 'health-team', { userId: gp.userId }, 'caseload.done.healthTeam');
    expect(named).toContain('Dr Priya Shah named in the health team');
    // A person with a health condition cannot be moved onto conditionality: the reason is shown on the form.
    await refused(s, c.caseId, 'regime', { regime: 'voluntary-youth' }, 'Give a reason', 'case_events', 'reason');
    const before = await eventCount(c.caseId);
    const health = await post(s, `/cases/${c.caseId}/regime`, { regime: 'conditional', reason: 'Jobcentre asked' });
    expect(health.statusCode).toBe(403);
    expect(health.body).toContain('govuk-error-summary');
    expect(health.body).toContain('cannot be moved to the conditional regime');
    expect(await eventCount(c.caseId)).toBe(before);
    const changed = await accepted(s, c.caseId, 'regime', { regime: 'voluntary-youth', reason: 'Referred by the youth hub' }, 'caseload.done.regime');
    expect(changed).toContain('Participation changed from Voluntary (health) to Voluntary (young person)');
    // Phase.
    await refused(s, c.caseId, 'phase', {}, 'Select a phase', 'case_events', 'phase');
    const moved = await accepted(s, c.caseId, 'phase', { phase: 'job-search', reason: 'Ready to apply' }, 'caseload.done.phase');
    expect(moved).toContain('Moved from Getting to know you to Job search');
    // Close: another reason needs words.
    await refused(s, c.caseId, 'close', { reason: 'other' }, 'Say why the case is closing', 'case_events', 'note');
    const closed = await accepted(s, c.caseId, 'close', { reason: 'moved-away' }, 'caseload.done.closed');
    expect(closed).toContain('Case closed: Moved away');
    expect(closed).toContain(en['caseload.case.closed']);
    expect(closed).not.toContain(`/cases/${c.caseId}/appointments/new`);
    expect((await s.get(`/cases/${c.caseId}/appointments/new`)).statusCode).toBe(403);
    // Re-engage, history kept.
    await refused(s, c.caseId, 'reengage', { reason: '' }, 'Give a reason', 'case_events', 'reason');
    const back = await accepted(s, c.caseId, 'reengage', { reason: 'Moved back to Leicester' }, 'caseload.done.reengaged');
    expect(back).toContain('Case re-engaged');
    expect(back).toContain('Case closed: Moved away');
    expect(back).toContain(`/cases/${c.caseId}/appointments/new`);
  });

  test('staff with no working relationship see no health information; a specialist breaks glass, which the IG lead reviews', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER('specialist'));
    const lead = await staffPrincipal(t, 'leicester', LEICESTER('team-lead'));
    const ownWords = `Tired after lunch ${crypto.randomUUID()}`;
    const secrets = [c.conditionsText, ownWords, 'Spoke to the GP about hours', `Fit-note advice for ${c.givenName}`];
    await t.services.cases.updateProfile(specialist, c.caseId, { skills: 'Forklift licence', healthInOwnWords: ownWords });
    await t.services.cases.addNote(specialist, c.caseId, { kind: 'health-liaison', body: 'Spoke to the GP about hours' });
    // A referrer who is not in the person's health team sees the case, read-only, without health.
    const gp = await signedIn('referrer');
    const page = await gp.get(`/cases/${c.caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Forklift licence');
    for (const secret of [...secrets, 'Health-team liaison']) expect(page.body).not.toContain(secret);
    expect(page.body).toContain(en['caseload.health.hidden']);
    expect(page.body).toContain(en['caseload.case.readOnly']);
    expect(page.body).not.toContain(`/cases/${c.caseId}/appointments/new`);
    expect(page.body).not.toContain(`/cases/${c.caseId}/profile`);
    expect((await gp.get(`/cases/${c.caseId}/notes/new`)).statusCode).toBe(403);
    // Break glass is for staff who work cases: a referrer is told to ask the team.
    expect(page.body).not.toContain(`/cases/${c.caseId}/break-glass`);
    expect(page.body).toContain(en['caseload.health.askTeam']);
    expect((await gp.get(`/cases/${c.caseId}/break-glass`)).statusCode).toBe(403);
    // Handed to the team lead, the case has no working relationship with its former specialist.
    await t.services.cases.reassign(lead, c.caseId, { specialistUserId: lead.userId, reason: 'Covering a sickness absence' });
    const s = await signedIn('specialist');
    const hidden = await s.get(`/cases/${c.caseId}`);
    for (const secret of secrets) expect(hidden.body).not.toContain(secret);
    expect(hidden.body).toContain(en['caseload.health.hidden']);
    expect(hidden.body).toContain(`href="/cases/${c.caseId}/break-glass"`);
    const form = await s.get(`/cases/${c.caseId}/break-glass`);
    expect(form.body).toContain('recorded and reviewed by your information governance lead');
    expect(form.body).toContain('for 4 hours');
    await refused(s, c.caseId, 'break-glass', { reason: 'urgent' }, 'Give a reason of at least 10 characters', 'break_glass_grants', 'reason');
    const reason = 'The person is in crisis at the surgery and asked me to check their plan';
    const opened = await accepted(s, c.caseId, 'break-glass', { reason }, 'caseload.done.breakGlass');
    for (const secret of secrets) expect(opened).toContain(secret);
    expect(opened).toContain('through break-glass access until 23 November 2026 at 13:00');
    expect((await auditRows(t, 'case.health-read', c.caseId)).some((r) => r.reason.startsWith('break-glass'))).toBe(true);
    // The information-governance lead sees it to review.
    const ig = await signedIn('ig-lead');
    const list = await ig.get('/cases/reviews');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(reason);
    expect(list.body).toContain('Sam Okafor');
    const reviewHref = /href="(\/cases\/reviews\/[0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
    const grantId = reviewHref.split('/').at(-1) ?? '';
    const noOutcome = await post(ig, reviewHref, { note: 'Checked with the practice' });
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.body).toContain('Select whether the access was justified');
    expect(await auditRows(t, 'case.break-glass-review', grantId)).toHaveLength(0);
    const reviewed = await post(ig, reviewHref, { outcome: 'justified', note: 'Checked with the practice' });
    expect(reviewed.statusCode).toBe(303);
    const after = await ig.get(reviewed.headers.location as string);
    expect(after.body).toContain(en['caseload.done.reviewed']);
    expect(after.body).toContain('Checked with the practice');
    expect(await auditRows(t, 'case.break-glass-review', grantId)).toHaveLength(1);
    expect((await ig.get(reviewHref)).statusCode).toBe(404);
    // Only the IG lead reviews.
    expect((await gp.get('/cases/reviews')).statusCode).toBe(403);
  });

  test('only pages that show health fields read them: the case page and the profile form leave a health-read audit row, other forms none', async () => {
    const s = await signedIn('specialist');
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const reads = async () => (await auditRows(t, 'case.health-read', c.caseId)).length;
    expect((await s.get(`/cases/${c.caseId}/notes/new`)).statusCode).toBe(200);
    expect((await s.get(`/cases/${c.caseId}/appointments/new`)).statusCode).toBe(200);
    expect(await reads()).toBe(0);
    const page = await s.get(`/cases/${c.caseId}`);
    expect(page.body).toContain(c.conditionsText);
    expect(await reads()).toBe(1);
    expect((await s.get(`/cases/${c.caseId}/profile`)).statusCode).toBe(200);
    expect(await reads()).toBe(2);
  });

  test('a voluntary participant is offered no mandatory appointment, obligation wording or compliance report; forged ones are refused 403', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    const form = await s.get(`/cases/${c.caseId}/appointments/new`);
    expect(form.body).not.toContain('name="mandatory"');
    expect(form.body).not.toContain('name="obligationWording"');
    expect(form.body).toContain(en['caseload.appointment.voluntaryLead']);
    const before = await rowCount(t, 'appointments', { caseId: c.caseId });
    const refusedBefore = (await auditRows(t, 'participation.refused', c.caseId)).length;
    for (const flag of ['mandatory', 'obligationWording']) {
      const forged = await post(s, `/cases/${c.caseId}/appointments/new`, {
        'date-day': '1',
        'date-month': '12',
        'date-year': '2026',
        time: '10:00',
        mode: 'phone',
        [flag]: 'true',
      });
      expect(forged.statusCode).toBe(403);
      expect(forged.body).toContain('You do not have permission');
    }
    expect(await rowCount(t, 'appointments', { caseId: c.caseId })).toBe(before);
    expect((await auditRows(t, 'participation.refused', c.caseId)).length).toBe(refusedBefore + 2);
    const page = await s.get(`/cases/${c.caseId}`);
    expect(page.body).not.toContain('compliance-report');
    expect(page.body).toContain(en['caseload.participation.voluntary']);
    expect((await s.get(`/cases/${c.caseId}/compliance-report`)).statusCode).toBe(403);
    const csrf = await s.csrf(`/cases/${c.caseId}`);
    const report = await s.post(`/cases/${c.caseId}/compliance-report`, { _csrf: csrf, details: 'Did not come to the appointment' });
    expect(report.statusCode).toBe(403);
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(0);
  });

  test('a conditional participant’s appointment form offers the Jobcentre conditions, and a compliance report can be sent', async () => {
    const c = await caseOn(t, { regime: 'conditional', consent: ['share-with-employment-team', 'share-with-jobcentre'] });
    const s = await signedIn('specialist');
    const form = await s.get(`/cases/${c.caseId}/appointments/new`);
    expect(form.body).toContain('name="mandatory"');
    expect(form.body).toContain('name="obligationWording"');
    await accepted(
      s,
      c.caseId,
      'appointments/new',
      { 'date-day': '2', 'date-month': '12', 'date-year': '2026', time: '09:30', mode: 'in-person', place: 'Jobcentre', mandatory: 'true' },
      'caseload.done.appointment',
    );
    const page = await s.get(`/cases/${c.caseId}`);
    expect(page.body).toContain('(mandatory)');
    expect(page.body).toContain(`href="/cases/${c.caseId}/compliance-report"`);
    await refused(s, c.caseId, 'compliance-report', { appointmentId: '' }, 'Enter the details of the report', 'compliance_reports', 'details');
    await accepted(s, c.caseId, 'compliance-report', { details: 'Did not attend the mandatory appointment' }, 'caseload.done.complianceReport');
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(1);
  });

  test('a team lead sees each specialist’s caseload and reassigns a case with a reason', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const lead = await signedIn('team-lead');
    const team = await lead.get('/cases/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('Sam Okafor');
    expect(team.body).toContain('Helen Brooks');
    expect(team.body).toMatch(/\d+ of 20 open cases/);
    // Every member's row names their team, a team with no open case too.
    const members = team.body.slice(team.body.indexOf('<table'), team.body.indexOf('</table>'));
    const teamCells = [...members.matchAll(/<tr class="govuk-table__row">\s*<td[^>]*>[\s\S]*?<\/td>\s*<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]?.trim());
    expect(teamCells.length).toBeGreaterThan(1);
    expect(teamCells.filter((cell) => !cell)).toEqual([]);
    expect(team.body).toContain(`href="/cases/${c.caseId}/reassign"`);
    const form = await lead.get(`/cases/${c.caseId}/reassign`);
    const helen = (await staffPrincipal(t, 'leicester', LEICESTER('team-lead'))).userId;
    expect(form.body).toContain(`value="${helen}"`);
    const specialistBefore = (await t.services.cases.view(await staffPrincipal(t, 'leicester', LEICESTER('specialist')), c.caseId)).summary.specialistName;
    expect(specialistBefore).toBe('Sam Okafor');
    await refused(lead, c.caseId, 'reassign', { specialistUserId: helen }, 'Give a reason', 'case_events', 'reason');
    const moved = await accepted(lead, c.caseId, 'reassign', { specialistUserId: helen, reason: 'Sam is on leave' }, 'caseload.done.reassigned');
    expect(moved).toContain('Reassigned from Sam Okafor to Helen Brooks');
    expect(moved).toContain('Sam is on leave');
    // A specialist cannot reassign, and a referrer cannot see team caseloads.
    const s = await signedIn('specialist');
    expect((await s.get(`/cases/${c.caseId}/reassign`)).statusCode).toBe(403);
    expect((await s.get('/cases/team')).statusCode).toBe(403);
  });

  test('the referral page links to its case; other tenants and bad addresses find nothing', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    const referral = await s.get(`/referrals/${c.referralId}`);
    expect(referral.body).toContain(`href="/cases/for-referral/${c.referralId}"`);
    const go = await s.get(`/cases/for-referral/${c.referralId}`);
    expect(go.statusCode).toBe(303);
    expect(go.headers.location).toBe(`/cases/${c.caseId}`);
    const cardiff = browser(t.app);
    await cardiff.signIn('specialist@cardiff.bridgework.example');
    expect((await cardiff.get(`/cases/${c.caseId}`)).statusCode).toBe(404);
    expect((await s.get('/cases/not-a-case')).statusCode).toBe(404);
    expect((await s.get(`/cases/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await (await signedIn('national-analyst')).get(`/cases/${c.caseId}`)).statusCode).toBe(403);
  });

  test('the caseload and a case read in Welsh', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const s = await signedIn('specialist');
    await s.get('/language/cy?return=/cases');
    const list = await s.get('/cases');
    expect(list.body).toContain(caseloadMessages.cy['caseload.title']);
    expect(list.body).toContain('lang="cy"');
    const page = await s.get(`/cases/${c.caseId}`);
    expect(page.body).toContain(caseloadMessages.cy['caseload.section.plan']);
    expect(page.body).toContain(caseloadMessages.cy['caseload.section.health']);
    expect(page.body).toContain('12 Ebrill 1988');
    const form = await post(s, `/cases/${c.caseId}/goals/new`, { owner: 'participant' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Rhowch beth yw’r nod neu’r cam gweithredu');
  });

  test('the timeline words what the service wrote in the reader’s language: no codes, no English on a Welsh page', async () => {
    // The demo person in work: a benefit recorded (uc-lcw), a job started, a guarantee made (uc-reclaim).
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER('specialist'));
    const inWork = (await t.services.cases.caseload(specialist)).cases.find((c) => c.phase === 'in-work');
    expect(inWork).toBeDefined();
    const s = await signedIn('specialist');
    await s.get('/language/cy?return=/cases');
    // The page helper itself refuses code-like words (test/support/code-like.ts); here the English too.
    const page = visibleText((await s.get(`/cases/${inWork?.id}`)).body);
    expect(page).toContain(caseloadMessages.cy['caseload.reason.jobStarted']);
    expect(page).toContain('Credyd Cynhwysol');
    for (const english of ['job started', 'job found', 'Bridge-back guarantee created for', 'Benefit before work recorded:'])
      expect(page).not.toContain(english);
  });
});
