import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { accessToWorkMessages, adjustmentsForPerson, applicationWaits } from '../../src/domains/access-to-work/index.ts';
import { createTranslator } from '../../src/platform/i18n/index.ts';
import { auditRows, caseOn } from '../support/case-regimes.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Access to Work decisions in principle through the pages: assess → draft → (countersign) → issue →
// public check by code → letter → conversion on a job offer → application pack and dates; expiry;
// the passport and what job matching may read of it.
let t: TestApp;
const START = '2026-01-15T10:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(START);
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const db = () => t.testDb.db;

async function signedIn(email = 'specialist@leicester.bridgework.example') {
  const b = browser(t.app);
  await b.signIn(email);
  return b;
}

async function checkCode(code: string, address = '203.0.113.61', cookie = '') {
  const page = await t.app.inject({ method: 'GET', url: '/check-access-to-work', remoteAddress: address, headers: { cookie } });
  const csrfCookie = page.cookies.find((c) => c.name === 'bw_csrf')?.value ?? '';
  return t.app.inject({
    method: 'POST',
    url: '/check-access-to-work',
    remoteAddress: address,
    headers: { cookie: [cookie, `bw_csrf=${csrfCookie}`].filter(Boolean).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfOf(page.body), code }).toString(),
  });
}

const ASSESS = {
  nation: 'england',
  conditionExpectedMonths: '24',
  status: 'seeking',
  claimsUniversalCredit: 'no',
  equipment: '1800',
  supportHours: '5',
  supportRate: '18',
  mhss: 'yes',
};

async function decisionRows(caseId: string) {
  return db()
    .inTenant(t.tenants.leicester, (tx) =>
      sql<{ id: string; status: string; verification_code: string | null; valid_until: string | null; needs_countersign: boolean }>`
        select id, status, verification_code, valid_until, needs_countersign from access_to_work_decisions where case_id = ${caseId} order by created_at`.execute(
        tx,
      ),
    )
    .then((r) => r.rows);
}

async function assessed(b: Awaited<ReturnType<typeof signedIn>>, caseId: string, form: Record<string, string> = ASSESS) {
  const page = await b.get(`/cases/${caseId}/access-to-work/assess`);
  expect(page.statusCode).toBe(200);
  return b.post(`/cases/${caseId}/access-to-work/assess`, { _csrf: csrfOf(page.body), ...form });
}

describe(`Access to Work decisions in principle on ${testDatabaseKind}`, () => {
  test('assess, issue, check by code (nothing about the person), letter, convert on a job offer, pack, application dates', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const b = await signedIn();
    const res = await assessed(b, c.caseId);
    expect(res.statusCode).toBe(303);
    const [draft] = await decisionRows(c.caseId);
    // £1,800 + 5 × £18 × 52 = £6,480: under the platform default of £20,000, so no countersignature.
    expect(draft).toMatchObject({ status: 'draft', needs_countersign: false, verification_code: null });
    const page = await b.get(`/cases/${c.caseId}/access-to-work`);
    expect(page.body).toContain('not an Access to Work award');
    expect(page.body).toContain('Platform policy, not a DWP rule');
    // Ranges: £1,800 ± 20% is £1,400 to £2,200; £4,680 ± 20% is £3,700 to £5,700.
    expect(page.body).toContain('£1,400 to £2,200 a year');
    expect(page.body).toContain('£3,700 to £5,700 a year');
    // The reasons, with their figures, in the reader's language.
    expect(page.body).toContain('Support worker: 5 hours a week × £18 an hour × 52 weeks = £4,680 a year.');
    b.jar.set('bw_lang', 'cy');
    const welsh = await b.get(`/cases/${c.caseId}/access-to-work`);
    b.jar.delete('bw_lang');
    expect(welsh.body).toContain('Gweithiwr cymorth: 5 awr yr wythnos × £18 yr awr × 52 wythnos = £4,680 y flwyddyn.');
    expect(welsh.body).not.toContain('Support worker: 5 hours a week');

    const issue = await b.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/issue`, { _csrf: csrfOf(page.body) });
    expect(issue.statusCode).toBe(303);
    const [issued] = await decisionRows(c.caseId);
    // Issued 15 January 2026, valid 6 months (platform policy): to 14 July 2026.
    expect(issued).toMatchObject({ status: 'issued', valid_until: '2026-07-14' });
    const code = issued?.verification_code ?? '';
    expect(code).toMatch(/^AW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const check = await checkCode(code.toLowerCase().replace(/-/g, ' '));
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('This decision in principle is valid');
    expect(check.body).toContain('14 July 2026');
    expect(check.body).toContain('Special aids and equipment');
    expect(check.body).toContain('£1,400 to £2,200 a year');
    expect(check.body).not.toContain(c.givenName);
    expect(check.body).not.toContain(c.conditionsText);
    const cy = await checkCode(code, '203.0.113.61', 'bw_lang=cy');
    expect(cy.body).toContain('Mae’r penderfyniad mewn egwyddor hwn yn ddilys');
    expect(cy.body).toContain('14 Gorffennaf 2026');
    expect((await checkCode('AW-0000-0000-0000')).body).toContain('No decision in principle matches that code');
    // A guarantee's code is not a decision's, and the guarantee's page does not answer for a decision's code.
    expect((await checkCode('BW-0000-0000-0000')).statusCode).toBe(400);
    const onGuaranteePage = await t.app.inject({ method: 'GET', url: '/check-a-guarantee' });
    expect(onGuaranteePage.statusCode).toBe(200);

    // The better-off page says what the decision covers.
    const participantId = (await t.services.cases.view(c.specialist, c.caseId, { healthFields: false })).summary.participantId;
    const cover = await t.services.accessToWork.coverFor(
      { tenantId: t.tenants.leicester, participantId },
      createTranslator([accessToWorkMessages])('en'),
      'en',
    );
    expect(cover?.lead).toBe('Your Access to Work decision in principle, valid until 14 July 2026, covers:');
    expect(cover?.items).toEqual([
      'Special aids and equipment: £1,400 to £2,200 a year',
      'Support worker or job coach: £3,700 to £5,700 a year',
      'Mental Health Support Service: Free (no cost to the person or the employer)',
    ]);

    for (const lang of ['en', 'cy']) {
      const letter = await b.get(`/cases/${c.caseId}/access-to-work/${issued?.id}/letter.pdf?lang=${lang}`);
      expect(letter.statusCode).toBe(200);
      expect(letter.headers['content-type']).toBe('application/pdf');
    }
    expect((await b.get(`/cases/${c.caseId}/access-to-work/${issued?.id}/pack.pdf`)).statusCode).toBe(404);

    const convertPage = await b.get(`/cases/${c.caseId}/access-to-work/${issued?.id}/convert`);
    const converted = await b.post(`/cases/${c.caseId}/access-to-work/${issued?.id}/convert`, {
      _csrf: csrfOf(convertPage.body),
      employer: 'Leicester Library',
      role: 'Library assistant',
      'startDate-day': '2',
      'startDate-month': '3',
      'startDate-year': '2026',
      hoursPerWeek: '20',
    });
    expect(converted.statusCode).toBe(303);
    expect((await decisionRows(c.caseId))[0]?.status).toBe('converted');
    const pack = await b.get(`/cases/${c.caseId}/access-to-work/${issued?.id}/pack.pdf?lang=cy`);
    expect(pack.statusCode).toBe(200);
    expect((await checkCode(code)).body).toContain('This decision in principle is not valid');

    t.clock.set('2026-04-20T10:00:00Z');
    // Three months on, the specialist signs in again.
    const later = await signedIn();
    const appPage = await later.get(`/cases/${c.caseId}/access-to-work/${issued?.id}/application`);
    const bad = await later.post(`/cases/${c.caseId}/access-to-work/${issued?.id}/application`, {
      _csrf: csrfOf(appPage.body),
      'submittedOn-day': '10',
      'submittedOn-month': '3',
      'submittedOn-year': '2026',
      'decidedOn-day': '1',
      'decidedOn-month': '3',
      'decidedOn-year': '2026',
      outcome: 'awarded',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    const good = await later.post(`/cases/${c.caseId}/access-to-work/${issued?.id}/application`, {
      _csrf: csrfOf(appPage.body),
      'submittedOn-day': '10',
      'submittedOn-month': '3',
      'submittedOn-year': '2026',
      'decidedOn-day': '14',
      'decidedOn-month': '4',
      'decidedOn-year': '2026',
      outcome: 'awarded',
    });
    expect(good.statusCode).toBe(303);
    // Converted on 15 January; applied 10 March (16 + 28 + 10 = 54 days on); DWP decided 14 April
    // (16 + 28 + 31 + 14 = 89 days on): the case page says so, and outcomes reporting can read it.
    expect((await later.get(`/cases/${c.caseId}/access-to-work`)).body).toContain('89 days');
    const waits = await db().inTenant(t.tenants.leicester, (tx) => applicationWaits(tx));
    expect(waits.find((w) => w.decisionId === issued?.id)).toEqual({
      decisionId: issued?.id,
      offeredOn: '2026-01-15',
      submittedOn: '2026-03-10',
      decidedOn: '2026-04-14',
      outcome: 'awarded',
      toApplication: 54,
      toDecision: 89,
    });
    const actions = (await auditRows(t, 'access-to-work.assess', c.caseId)).length + (await auditRows(t, 'access-to-work.application', c.caseId)).length;
    expect(actions).toBe(2);
    expect(await auditRows(t, 'access-to-work.issue', c.caseId)).toHaveLength(1);
    expect(await auditRows(t, 'access-to-work.convert', c.caseId)).toHaveLength(1);
  });

  test('above the tenant’s amount a team lead countersigns before it can be issued', async () => {
    const admin = await signedIn('tenant-admin@leicester.bridgework.example');
    const settings = await admin.get('/admin/access-to-work');
    expect(settings.body).toContain('20000');
    expect((await admin.post('/admin/access-to-work', { _csrf: csrfOf(settings.body), amount: '5000' })).statusCode).toBe(200);
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const b = await signedIn();
    await assessed(b, c.caseId);
    const [draft] = await decisionRows(c.caseId);
    expect(draft?.needs_countersign).toBe(true);
    const page = await b.get(`/cases/${c.caseId}/access-to-work`);
    expect(page.body).not.toContain(`/${draft?.id}/issue`);
    const early = await b.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/issue`, { _csrf: csrfOf(page.body) });
    expect(early.statusCode).toBe(409);
    const refused = await b.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/countersign`, { _csrf: csrfOf(page.body) });
    expect(refused.statusCode).toBe(403);
    const lead = await signedIn('team-lead@leicester.bridgework.example');
    const leadPage = await lead.get(`/cases/${c.caseId}/access-to-work`);
    expect((await lead.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/countersign`, { _csrf: csrfOf(leadPage.body) })).statusCode).toBe(303);
    expect((await b.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/issue`, { _csrf: csrfOf(page.body) })).statusCode).toBe(303);
    expect((await decisionRows(c.caseId))[0]?.status).toBe('issued');
    await admin.post('/admin/access-to-work', { _csrf: csrfOf(settings.body), amount: '20000' });
  });

  test('the sweep expires a decision after its last valid day, once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const b = await signedIn();
    await assessed(b, c.caseId);
    const [draft] = await decisionRows(c.caseId);
    const page = await b.get(`/cases/${c.caseId}/access-to-work`);
    await b.post(`/cases/${c.caseId}/access-to-work/${draft?.id}/issue`, { _csrf: csrfOf(page.body) });
    t.clock.set('2026-07-14T12:00:00Z');
    await t.services.accessToWork.sweep();
    expect((await decisionRows(c.caseId))[0]?.status).toBe('issued');
    t.clock.set('2026-07-15T12:00:00Z');
    await t.services.accessToWork.sweep();
    await t.services.accessToWork.sweep();
    expect((await decisionRows(c.caseId))[0]?.status).toBe('expired');
    const expired = await db().inTenant(t.tenants.leicester, (tx) =>
      sql<{ n: string }>`select count(*) as n from audit_events where action = 'access-to-work.expire' and record_id = ${c.caseId}`.execute(tx),
    );
    expect(Number(expired.rows[0]?.n)).toBe(1);
  });

  test('bad form input is a 400 with the error summary and writes nothing; not eligible is said plainly', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const b = await signedIn();
    for (const form of [
      { ...ASSESS, conditionExpectedMonths: 'lots' },
      { ...ASSESS, nation: 'mars' },
      { ...ASSESS, equipment: '-5', supportHours: '', supportRate: '', mhss: 'no' },
      { ...ASSESS, supportRate: '' },
      { ...ASSESS, status: 'employed' },
      { ...ASSESS, nation: 'northern-ireland' },
      { ...ASSESS, status: 'voluntary' },
    ]) {
      const res = await assessed(b, c.caseId, form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
    }
    expect(await decisionRows(c.caseId)).toEqual([]);
  });

  test('not eligible on the page: the error summary says so, then each rule not met with its figures, in English and Welsh', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const b = await signedIn();
    const form = { ...ASSESS, nation: 'northern-ireland', status: 'voluntary', conditionExpectedMonths: '6' };
    const summaryOf = (html: string) => /govuk-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    const en = await assessed(b, c.caseId, form);
    expect(en.statusCode).toBe(400);
    const summary = summaryOf(en.body);
    expect(summary).toContain('The person does not look eligible for Access to Work on these answers');
    expect(summary).toContain('The condition is expected to last 6 months: Access to Work needs one that has lasted or is likely to last 12.');
    expect(summary).toContain('Northern Ireland has its own Access to Work (NI) scheme');
    expect(summary).toContain('Voluntary work is not covered: Access to Work is for paid work.');
    // Each reason links to the answer it is about, and shows beside it.
    for (const field of ['conditionExpectedMonths', 'nation', 'status']) expect(summary).toContain(`href="#${field}"`);
    expect(en.body).toContain('id="conditionExpectedMonths-error"');
    b.jar.set('bw_lang', 'cy');
    const cy = summaryOf((await assessed(b, c.caseId, form)).body);
    expect(cy).toContain('Nid yw’r unigolyn yn edrych yn gymwys ar gyfer Mynediad at Waith');
    expect(cy).toContain('Disgwylir i’r cyflwr bara 6 mis');
    expect(cy).toContain('Nid yw gwaith gwirfoddol wedi’i gynnwys');
    expect(await decisionRows(c.caseId)).toEqual([]);
  });

  test('the passport: the person chooses to share; matching reads only shared adjustments, never their words', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const participantId = (await t.services.cases.view(c.specialist, c.caseId, { healthFields: false })).summary.participantId;
    const person = { kind: 'participant' as const, tenantId: t.tenants.leicester, participantId, name: c.givenName };
    await t.services.accessToWork.savePassport(person, participantId, {
      adjustments: ['quiet-space', 'flexible-breaks'],
      inTheirWords: 'Mornings are hard',
      shared: 'no',
    });
    const read = () => db().inTenant(t.tenants.leicester, (tx) => adjustmentsForPerson(tx, participantId));
    expect(await read()).toEqual([]);
    await t.services.accessToWork.savePassport(person, participantId, {
      adjustments: ['quiet-space', 'flexible-breaks'],
      inTheirWords: 'Mornings are hard',
      shared: 'yes',
    });
    expect(await read()).toEqual(['quiet-space', 'flexible-breaks']);
    // The team can update the adjustments, but sharing stays the person's choice.
    const b = await signedIn();
    const form = await b.get(`/cases/${c.caseId}/access-to-work/passport`);
    expect(form.body).not.toContain('name="shared"');
    expect((await b.post(`/cases/${c.caseId}/access-to-work/passport`, { _csrf: csrfOf(form.body), adjustments: 'step-free-access' })).statusCode).toBe(303);
    expect(await read()).toEqual(['step-free-access']);
    await expect(t.services.accessToWork.savePassport(person, participantId, { adjustments: ['not-an-adjustment'], shared: 'yes' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    // Another tenant sees nothing.
    expect(await db().inTenant(t.tenants.cardiff, (tx) => adjustmentsForPerson(tx, participantId))).toEqual([]);
  });

  test('another local authority gets 404 for the page and the letter', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const cardiff = await signedIn('specialist@cardiff.bridgework.example');
    expect((await cardiff.get(`/cases/${c.caseId}/access-to-work`)).statusCode).toBe(404);
    expect((await cardiff.get(`/cases/${c.caseId}/access-to-work/${crypto.randomUUID()}/letter.pdf`)).statusCode).toBe(404);
  });
});
