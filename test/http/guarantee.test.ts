import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GuaranteeService } from '../../src/domains/benefits/index.ts';
import { type CaseService, createCaseService } from '../../src/domains/participants/index.ts';
import type { UserPrincipal } from '../../src/platform/auth/index.ts';
import { api, auditRows, caseOn, LEICESTER_IPS, outboxFor } from '../support/case-regimes.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The bridge-back guarantee end to end: made at a job start (pages, service and API), its
// certificate, the public check, reminders and expiry with the clock moved, a job end that uses it
// and produces the return-to-benefit pack, withdrawal, and every form refusing bad input, writing nothing.
let t: TestApp;
let cases: CaseService;
let guarantees: GuaranteeService;
let ips: string;
const START = '2026-11-23T09:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  cases = t.services.cases;
  guarantees = t.services.guarantees;
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

type Case = Awaited<ReturnType<typeof caseOn>>;
const db = () => t.testDb.db;
const award = (over: Record<string, unknown> = {}) => ({ benefit: 'uc-lcwra', decisionDate: '2025-06-01', evidence: ['award-letter'], ...over });
const job = (startDate: string) => ({ employer: 'Leicester Bakery', role: 'Baker', hoursPerWeek: 16, hourlyPay: 12.5, contractType: 'permanent', startDate });

async function guaranteeRows(caseId: string) {
  return db()
    .inTenant(t.tenants.leicester, (tx) =>
      sql<{
        id: string;
        status: string;
        starts_on: string;
        protected_until: string;
        protecting_rule: string;
        verification_code: string;
        code_hash: string;
        reminded_at: Date | null;
        job_ended_on: string | null;
      }>`select * from bridge_back_guarantees where case_id = ${caseId} order by created_at`.execute(tx),
    )
    .then((r) => r.rows);
}
const countOf = async (table: string, caseId: string) =>
  Number(
    (await db().inTenant(t.tenants.leicester, (tx) => sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where case_id = ${caseId}`.execute(tx)))
      .rows[0]?.n,
  );
const timeline = async (caseId: string) =>
  (
    await db().inTenant(t.tenants.leicester, (tx) =>
      sql<{
        kind: string;
        to_value: string | null;
        reason: string;
      }>`select kind, to_value, reason from case_events where case_id = ${caseId} order by at, id`.execute(tx),
    )
  ).rows;

/** A voluntary-health case with a health-related award and a job from `startDate`: it has a guarantee. */
async function withGuarantee(options: { language?: 'en' | 'cy'; startDate?: string; award?: Record<string, unknown> } = {}) {
  const c = await caseOn(t, { regime: 'voluntary-health', language: options.language });
  await guarantees.recordAward(c.specialist, c.caseId, award(options.award));
  const jobId = await cases.startJob(c.specialist, c.caseId, job(options.startDate ?? '2026-11-16'));
  const [g] = await guaranteeRows(c.caseId);
  if (!g) throw new Error('no guarantee');
  return { ...c, jobId, g };
}

async function specialistBrowser(email = 'specialist@leicester.bridgework.example') {
  const b = browser(t.app);
  await b.signIn(email);
  return b;
}
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const pdfText = (body: Buffer) => body.toString('latin1');
/** A string as pdfkit writes it in the document information: UTF-16BE with a byte order mark once any character is past ASCII. */
const pdfString = (text: string) =>
  /^[\x20-\x7e]*$/u.test(text) ? `(${text})` : `(\xfe\xff${[...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join('')})`;

/** Checks a code on the public page from one client address. */
async function checkCode(code: string, address = '203.0.113.1', cookie = '') {
  const page = await t.app.inject({ method: 'GET', url: '/check-a-guarantee', remoteAddress: address, headers: { cookie } });
  const csrfCookie = page.cookies.find((c) => c.name === 'bw_csrf')?.value ?? '';
  const cookies = [cookie, `bw_csrf=${csrfCookie}`].filter(Boolean).join('; ');
  return t.app.inject({
    method: 'POST',
    url: '/check-a-guarantee',
    remoteAddress: address,
    headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfOf(page.body), code }).toString(),
  });
}

describe(`the bridge-back guarantee on ${testDatabaseKind}`, () => {
  test('a job start with a health-related award makes the guarantee in the same transaction; without an award, none', async () => {
    const none = await caseOn(t, { regime: 'voluntary-health' });
    await cases.startJob(none.specialist, none.caseId, job('2026-11-16'));
    expect(await guaranteeRows(none.caseId)).toEqual([]);

    const { caseId, g, email } = await withGuarantee();
    // UC LCWRA from 16 November 2026: the 6-month re-claim rule and the platform period both end on 16 May 2027; the law wins the tie.
    expect(g).toMatchObject({ status: 'active', starts_on: '2026-11-16', protected_until: '2027-05-16', protecting_rule: 'uc-reclaim' });
    expect(g.verification_code).toMatch(/^BW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Only the hash is in the global lookup, and it is found without a tenant.
    const lookup = await db().global((tx) =>
      sql<{
        tenant_id: string;
        guarantee_id: string;
      }>`select tenant_id, document_id as guarantee_id from verification_codes where code_hash = ${g.code_hash} and kind = 'bridge-back-guarantee'`.execute(tx),
    );
    expect(lookup.rows).toEqual([{ tenant_id: t.tenants.leicester, guarantee_id: g.id }]);
    expect((await timeline(caseId)).map((e) => e.kind)).toContain('bridge-back-guarantee');
    expect(await auditRows(t, 'guarantee.create', caseId)).toEqual([expect.objectContaining({ details: expect.objectContaining({ guarantee: g.id }) })]);
    const mail = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-created');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.body).toContain(g.verification_code);
    expect(mail[0]?.body).toContain('/my-support/guarantee');
    // The specialist's pages say so: the case page links to the benefits page, which shows it.
    const b = await specialistBrowser();
    expect((await b.get(`/cases/${caseId}`)).body).toContain(`/cases/${caseId}/benefits`);
    const page = await b.get(`/cases/${caseId}/benefits`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(g.verification_code);
    expect(page.body).toContain('16 May 2027');
    expect(page.body).toContain('Universal Credit 6-month rule');
    expect(page.body).toContain(`/cases/${caseId}/better-off`);
  });

  test('the API job start makes the guarantee too', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    await guarantees.recordAward(c.specialist, c.caseId, award({ benefit: 'esa-new-style', esaGroup: 'support-group', decisionDate: '2025-01-10' }));
    const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, job('2026-11-20'));
    expect(res.statusCode, res.body).toBe(201);
    // ESA with LCW since January 2025: the law links only for 12 weeks (to 12 February 2027); the
    // platform's 6 months from 20 November 2026 run to 20 May 2027. (The revoked 104-week term once said 17 November 2028.)
    expect(await guaranteeRows(c.caseId)).toEqual([expect.objectContaining({ protected_until: '2027-05-20', protecting_rule: 'platform-protected-period' })]);
  });

  test('a failure half way through a job start changes nothing: no job, no phase, no guarantee, no audit', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    await guarantees.recordAward(c.specialist, c.caseId, award());
    const failing = createCaseService({
      db: db(),
      clock: t.clock,
      baseUrl: 'http://localhost',
      referrals: t.services.referrals,
      jobEvents: {
        started: async (tx, e) => {
          await guarantees.jobEvents.started?.(tx, e);
          throw new Error('the lights went out');
        },
      },
    });
    await expect(failing.startJob(c.specialist, c.caseId, job('2026-11-16'))).rejects.toThrow('the lights went out');
    expect(await countOf('case_jobs', c.caseId)).toBe(0);
    expect(await guaranteeRows(c.caseId)).toEqual([]);
    expect((await cases.view(c.specialist, c.caseId)).summary.phase).toBe('engagement');
    expect(await auditRows(t, 'case.job-start', c.caseId)).toEqual([]);
    expect((await outboxFor(t, c.email)).filter((m) => m.template === 'guarantee-created')).toEqual([]);
  });

  test('the certificate downloads as a PDF in English and in Welsh, for the person', async () => {
    const { caseId, g, givenName } = await withGuarantee();
    const b = await specialistBrowser();
    const titles = { en: 'Bridge-back guarantee certificate', cy: 'Tystysgrif gwarant pont yn ôl' };
    for (const lang of ['en', 'cy'] as const) {
      const res = await b.get(`/cases/${caseId}/benefits/guarantees/${g.id}/certificate.pdf?lang=${lang}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="bridge-back-guarantee-certificate-(en|cy)\.pdf"$/);
      expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdfText(res.rawPayload)).toContain(`/Lang (${lang}-GB)`);
      // Its title, and the person it is for (the document's subject).
      expect(pdfText(res.rawPayload)).toContain(pdfString(titles[lang]));
      expect(pdfText(res.rawPayload)).toContain(pdfString(`${givenName} Morgan`));
    }
    // No return pack until the guarantee is used.
    expect((await b.get(`/cases/${caseId}/benefits/guarantees/${g.id}/return-pack.pdf`)).statusCode).toBe(404);
  });

  test('the public check shows validity and dates only, in English and Welsh, whatever the typing', async () => {
    const { g, givenName } = await withGuarantee();
    const typed = g.verification_code.toLowerCase().replace(/-/g, ' ');
    const en = await checkCode(typed, '203.0.113.10');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('This guarantee is valid');
    expect(en.body).toContain('16 November 2026');
    expect(en.body).toContain('16 May 2027');
    expect(en.body).not.toContain(givenName);
    expect(en.body).not.toContain('Baker');
    const cy = await checkCode(g.verification_code, '203.0.113.10', 'bw_lang=cy');
    expect(cy.body).toContain('Mae’r warant hon yn ddilys');
    expect(cy.body).toContain('16 Tachwedd 2026');
    expect(cy.body).toContain('lang="cy"');

    const unknown = await checkCode('BW-0000-0000-0000', '203.0.113.10');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('No guarantee matches that code');
    const blank = await checkCode('', '203.0.113.10');
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('govuk-error-summary');
  });

  test('a guarantee whose job starts later is not "in force" on the public check: it says when it starts', async () => {
    // The test clock is 23 November 2026; the job starts on 14 December.
    const { g } = await withGuarantee({ startDate: '2026-12-14' });
    const en = await checkCode(g.verification_code, '203.0.113.11');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('The guarantee is not in force yet: it starts on 14 December 2026');
    expect(en.body).not.toContain('The guarantee is in force.');
    const cy = await checkCode(g.verification_code, '203.0.113.11', 'bw_lang=cy');
    expect(cy.body).toContain('mae’n dechrau ar 14 Rhagfyr 2026');
    expect(cy.body).not.toContain('Mae’r warant mewn grym.');
  });

  test('the job-start confirmation says a guarantee was made and links to it; without one it does not', async () => {
    const form = {
      employer: 'Leicester Bakery',
      role: 'Baker',
      hoursPerWeek: '16',
      hourlyPay: '12.50',
      contractType: 'permanent',
      'startDate-day': '16',
      'startDate-month': '11',
      'startDate-year': '2026',
    };
    const b = await specialistBrowser();
    const startJobOnPage = async (caseId: string) => {
      const page = await b.get(`/cases/${caseId}/jobs/new`);
      const res = await b.post(`/cases/${caseId}/jobs/new`, { _csrf: csrfOf(page.body), ...form });
      expect(res.statusCode).toBe(303);
      return (await b.get(res.headers.location as string)).body;
    };
    const withAward = await caseOn(t, { regime: 'voluntary-health' });
    await guarantees.recordAward(withAward.specialist, withAward.caseId, award());
    const made = await startJobOnPage(withAward.caseId);
    expect(made).toContain('Job start recorded');
    expect(made).toContain('A bridge-back guarantee was created for this job');
    expect(made).toContain(`<a class="govuk-notification-banner__link" href="/cases/${withAward.caseId}/benefits">See the guarantee</a>`);
    const none = await caseOn(t, { regime: 'voluntary-health' });
    const without = await startJobOnPage(none.caseId);
    expect(without).toContain('Job start recorded');
    expect(without).not.toContain('A bridge-back guarantee was created');
  });

  test('unknown codes are throttled per client address, so codes cannot be guessed', async () => {
    const address = '198.51.100.7';
    for (let i = 0; i < 10; i++) expect((await checkCode(`BW-0000-0000-${String(i).padStart(4, '0')}`, address)).statusCode).toBe(200);
    const blocked = await checkCode('BW-0000-0000-0099', address);
    expect(blocked.statusCode).toBe(429);
    // Another client is not affected.
    expect((await checkCode('BW-0000-0000-0099', '198.51.100.8')).statusCode).toBe(200);
  });

  test('reminders go once, 28 days before the end, to the person and the specialist; then the guarantee expires', async () => {
    const { caseId, g, email } = await withGuarantee();
    const reminders = async () => (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-reminder');
    const staffReminders = async () =>
      (await outboxFor(t, 'specialist@leicester.bridgework.example')).filter((m) => m.template === 'guarantee-reminder-staff' && m.body.includes(caseId));
    // Protected to 16 May 2027: the reminder is due from 18 April (16 May − 28 days).
    t.clock.set('2027-04-17T09:00:00Z');
    await guarantees.sweep();
    expect(await reminders()).toEqual([]);
    t.clock.set('2027-04-18T09:00:00Z');
    await guarantees.sweep();
    await guarantees.sweep();
    expect(await reminders()).toHaveLength(1);
    expect((await reminders())[0]?.subject).toContain('16 May 2027');
    expect(await staffReminders()).toHaveLength(1);
    expect((await guaranteeRows(caseId))[0]?.reminded_at).not.toBeNull();
    t.clock.set('2027-05-16T09:00:00Z');
    await guarantees.sweep();
    expect((await guaranteeRows(caseId))[0]?.status).toBe('active');
    t.clock.set('2027-05-17T09:00:00Z');
    await guarantees.sweep();
    await guarantees.sweep();
    expect((await guaranteeRows(caseId))[0]?.status).toBe('expired');
    expect(await reminders()).toHaveLength(1);
    expect(await auditRows(t, 'guarantee.expire', caseId)).toHaveLength(1);
    expect((await timeline(caseId)).filter((e) => e.to_value === 'expired')).toHaveLength(1);
    const check = await checkCode(g.verification_code, '203.0.113.20');
    expect(check.body).toContain('This guarantee is not valid');
    expect(check.body).toContain('Expired');
  });

  test('a job that ends inside the period uses the guarantee: the case goes back to job search and the pack is there', async () => {
    const { caseId, jobId, g, email, specialist } = await withGuarantee({ language: 'cy' });
    const b = await specialistBrowser();
    const form = await b.get(`/cases/${caseId}/jobs/${jobId}/end`);
    const ended = await b.post(`/cases/${caseId}/jobs/${jobId}/end`, {
      _csrf: csrfOf(form.body),
      'endDate-day': '10',
      'endDate-month': '2',
      'endDate-year': '2027',
      reason: 'The shifts made my condition worse',
    });
    expect(ended.statusCode).toBe(303);
    expect((await guaranteeRows(caseId))[0]).toMatchObject({ status: 'used', job_ended_on: '2027-02-10' });
    expect((await cases.view(specialist, caseId)).summary.phase).toBe('job-search');
    expect(await auditRows(t, 'guarantee.use', caseId)).toHaveLength(1);
    const told = (await outboxFor(t, email)).filter((m) => m.template === 'guarantee-used');
    expect(told).toEqual([expect.objectContaining({ language: 'cy' })]);
    const page = await b.get(`/cases/${caseId}/benefits`);
    expect(page.body).toContain(`/cases/${caseId}/benefits/guarantees/${g.id}/return-pack.pdf`);
    for (const lang of ['en', 'cy'] as const) {
      const pack = await b.get(`/cases/${caseId}/benefits/guarantees/${g.id}/return-pack.pdf?lang=${lang}`);
      expect(pack.statusCode).toBe(200);
      expect(pack.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdfText(pack.rawPayload)).toContain(`/Lang (${lang}-GB)`);
    }
    const check = await checkCode(g.verification_code, '203.0.113.30');
    expect(check.body).toContain('This guarantee is valid');
    expect(check.body).toContain('Used');
    // Used is final.
    await expect(guarantees.withdraw(specialist, caseId, g.id, { reason: 'person-asked' })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  test('a job that ends after the period does not use the guarantee; it expires', async () => {
    const { caseId, jobId, specialist } = await withGuarantee();
    t.clock.set('2027-06-01T09:00:00Z');
    await cases.endJob(specialist, caseId, jobId, { endDate: '2027-05-31', reason: 'Contract ended' });
    expect((await guaranteeRows(caseId))[0]).toMatchObject({ status: 'active', job_ended_on: null });
    expect(await auditRows(t, 'guarantee.use', caseId)).toEqual([]);
    await guarantees.sweep();
    expect((await guaranteeRows(caseId))[0]?.status).toBe('expired');
  });

  test('an award recorded after the job started: the benefits page offers the guarantee while the job is on', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const jobId = await cases.startJob(c.specialist, c.caseId, job('2026-11-02'));
    expect(await guaranteeRows(c.caseId)).toEqual([]);
    const b = await specialistBrowser();
    let page = await b.get(`/cases/${c.caseId}/benefits`);
    expect(page.body).not.toContain('Create the guarantee for this job');
    const form = await b.get(`/cases/${c.caseId}/benefits/award`);
    expect(form.statusCode).toBe(200);
    const saved = await b.post(`/cases/${c.caseId}/benefits/award`, {
      _csrf: csrfOf(form.body),
      benefit: 'uc-lcw',
      'decisionDate-day': '3',
      'decisionDate-month': '3',
      'decisionDate-year': '2026',
      evidence: 'uc-journal',
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect(saved.headers.location).toBe(`/cases/${c.caseId}/benefits?done=award`);
    page = await b.get(`/cases/${c.caseId}/benefits`);
    expect(page.body).toContain('Create the guarantee for this job');
    const made = await b.post(`/cases/${c.caseId}/benefits/guarantees`, { _csrf: csrfOf(page.body), jobId });
    expect(made.statusCode).toBe(303);
    expect(await guaranteeRows(c.caseId)).toEqual([expect.objectContaining({ starts_on: '2026-11-02', protected_until: '2027-05-02' })]);
    // Once it has one, it is not offered again, and a second try is refused.
    page = await b.get(`/cases/${c.caseId}/benefits`);
    expect(page.body).not.toContain('Create the guarantee for this job');
    const again = await b.post(`/cases/${c.caseId}/benefits/guarantees`, { _csrf: csrfOf(page.body), jobId });
    expect(again.statusCode).toBe(409);
    expect(await guaranteeRows(c.caseId)).toHaveLength(1);
  });

  test('the award as evidenced: an ESA group is ignored for Universal Credit, and the same answers again add nothing', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    await guarantees.recordAward(c.specialist, c.caseId, award({ esaGroup: 'wrag' }));
    await guarantees.recordAward(c.specialist, c.caseId, award());
    const groups = await db().inTenant(t.tenants.leicester, (tx) =>
      sql<{ esa_group: string | null }>`select esa_group from benefit_awards where case_id = ${c.caseId}`.execute(tx),
    );
    expect(groups.rows).toEqual([{ esa_group: null }]);
    // A correction is a new record; the page keeps the earlier one in its history.
    await guarantees.recordAward(c.specialist, c.caseId, award({ decisionDate: '2025-07-01' }));
    expect(await countOf('benefit_awards', c.caseId)).toBe(2);
    expect(await auditRows(t, 'benefits.award-record', c.caseId)).toHaveLength(2);
    const page = await (await specialistBrowser()).get(`/cases/${c.caseId}/benefits`);
    expect(page.body).toContain('1 July 2025');
    expect(page.body).toContain('Earlier records');
  });

  test('withdrawing needs a reason, is audited and tells the person; a withdrawn code is not valid', async () => {
    const { caseId, g, email } = await withGuarantee();
    const b = await specialistBrowser();
    const url = `/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`;
    const form = await b.get(url);
    expect(form.statusCode).toBe(200);
    const missing = await b.post(url, { _csrf: csrfOf(form.body), note: 'No reason chosen' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('govuk-error-summary');
    expect(missing.body).toContain('Select why the guarantee is being withdrawn');
    expect((await guaranteeRows(caseId))[0]?.status).toBe('active');
    const done = await b.post(url, { _csrf: csrfOf(form.body), reason: 'recorded-in-error', note: 'Wrong person' });
    expect(done.statusCode).toBe(303);
    expect((await guaranteeRows(caseId))[0]?.status).toBe('withdrawn');
    expect(await auditRows(t, 'guarantee.withdraw', caseId)).toEqual([expect.objectContaining({ reason: 'recorded-in-error: Wrong person' })]);
    expect((await outboxFor(t, email)).filter((m) => m.template === 'guarantee-withdrawn')).toHaveLength(1);
    expect((await b.get(url)).statusCode).toBe(404);
    const check = await checkCode(g.verification_code, '203.0.113.40');
    expect(check.body).toContain('This guarantee is not valid');
    expect(check.body).toContain('Withdrawn');
  });
});

describe(`the person's own guarantee on ${testDatabaseKind}`, () => {
  /** Signs the person in through the emailed link, as they would. */
  async function signedIn(email: string) {
    const b = browser(t.app);
    const start = await b.get('/my-support');
    await b.post('/my-support', { _csrf: csrfOf(start.body), email });
    const mail = (await outboxFor(t, email)).filter((m) => m.template === 'participant-sign-in').at(-1);
    const link = /\/my-support\/sign-in\/(\S+)/.exec(mail?.body ?? '')?.[1] ?? '';
    const page = await b.get(`/my-support/sign-in/${link}`);
    const res = await b.post(`/my-support/sign-in/${link}`, { _csrf: csrfOf(page.body) });
    expect(res.headers.location).toBe('/my-support/plan');
    return b;
  }

  test('in Welsh, the person sees their guarantee and downloads their certificate; never someone else’s', async () => {
    const mine = await withGuarantee({ language: 'cy' });
    const theirs = await withGuarantee();
    const b = await signedIn(mine.email);
    const plan = await b.get('/my-support/plan');
    expect(plan.body).toContain('href="/my-support/guarantee"');
    const page = await b.get('/my-support/guarantee');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Eich gwarant pont yn ôl');
    expect(page.body).toContain(mine.g.verification_code);
    expect(page.body).toContain('16 Mai 2027');
    expect(page.body).not.toContain(theirs.g.verification_code);
    const pdf = await b.get(`/my-support/guarantee/${mine.g.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload)).toContain('/Lang (cy-GB)');
    expect((await b.get(`/my-support/guarantee/${theirs.g.id}/certificate.pdf`)).statusCode).toBe(404);
    expect((await b.get(`/my-support/guarantee/${mine.g.id}/return-pack.pdf`)).statusCode).toBe(404);
    // Signed out, the page sends the person to sign in.
    const anonymous = await t.app.inject({ method: 'GET', url: '/my-support/guarantee' });
    expect(anonymous.statusCode).toBe(303);
  });
});

describe(`who may see and change a guarantee on ${testDatabaseKind}`, () => {
  test('someone who may read the case but not work it sees the page and changes nothing', async () => {
    const { caseId, g } = await withGuarantee();
    const gp = await specialistBrowser('referrer@leicester.bridgework.example');
    const page = await gp.get(`/cases/${caseId}/benefits`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('only the team working this case can change it');
    expect(page.body).not.toContain(`/cases/${caseId}/benefits/award`);
    expect((await gp.get(`/cases/${caseId}/benefits/award`)).statusCode).toBe(403);
    const csrf = csrfOf(page.body);
    expect(
      (
        await gp.post(`/cases/${caseId}/benefits/award`, {
          _csrf: csrf,
          ...award(),
          evidence: 'award-letter',
          'decisionDate-day': '1',
          'decisionDate-month': '6',
          'decisionDate-year': '2025',
        })
      ).statusCode,
    ).toBe(403);
    expect((await gp.post(`/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`, { _csrf: csrf, reason: 'person-asked' })).statusCode).toBe(403);
    expect((await guaranteeRows(caseId))[0]?.status).toBe('active');
    expect(await countOf('benefit_awards', caseId)).toBe(1);
    // The dashboard is for specialists and team leads.
    expect((await gp.get('/guarantees')).statusCode).toBe(403);
  });

  test('another local authority sees nothing: 404 for the page, the forms and the documents', async () => {
    const { caseId, g } = await withGuarantee();
    const cardiff = await specialistBrowser('specialist@cardiff.bridgework.example');
    for (const url of [
      `/cases/${caseId}/benefits`,
      `/cases/${caseId}/benefits/award`,
      `/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`,
      `/cases/${caseId}/benefits/guarantees/${g.id}/certificate.pdf`,
    ]) {
      expect((await cardiff.get(url)).statusCode, url).toBe(404);
    }
    const csrf = csrfOf((await cardiff.get('/home')).body);
    expect((await cardiff.post(`/cases/${caseId}/benefits/award`, { _csrf: csrf, benefit: 'uc-lcw' })).statusCode).toBe(404);
  });

  test('the dashboard lists active guarantees, the soonest to end first', async () => {
    const later = await withGuarantee({ startDate: '2026-11-20' });
    const sooner = await withGuarantee({ startDate: '2026-11-10' });
    const b = await specialistBrowser();
    const page = await b.get('/guarantees');
    expect(page.statusCode).toBe(200);
    const at = (c: Case) => page.body.indexOf(`/cases/${c.caseId}/benefits`);
    expect(at(sooner)).toBeGreaterThan(-1);
    expect(at(sooner)).toBeLessThan(at(later));
    const lead = await specialistBrowser('team-lead@leicester.bridgework.example');
    expect((await lead.get('/guarantees')).body).toContain(`/cases/${later.caseId}/benefits`);
    const home = await b.get('/home');
    expect(home.body).toContain('href="/guarantees"');
  });
});

describe(`bad input to the guarantee's forms on ${testDatabaseKind}`, () => {
  const NASTY = ['', ' ', 'x'.repeat(5000), '\u0000', '<script>alert(1)</script>', '{{ 7*7 }}', "' or 1=1 --", '😀🏴󠁧󠁢󠁷󠁬󠁳󠁿', '-1', '1e309', 'null'];

  async function snapshot(caseId: string, specialist: UserPrincipal) {
    const view = await cases.view(specialist, caseId, { healthFields: false });
    return {
      awards: await countOf('benefit_awards', caseId),
      guarantees: (await guaranteeRows(caseId)).map((g) => `${g.id}:${g.status}`),
      events: (await timeline(caseId)).length,
      phase: view.summary.phase,
    };
  }

  test('every form answers 4xx to bad input with the error summary, and nothing changes', async () => {
    const { caseId, g, specialist } = await withGuarantee();
    const before = await snapshot(caseId, specialist);
    const b = await specialistBrowser();
    const csrf = csrfOf((await b.get(`/cases/${caseId}/benefits`)).body);
    const failures: string[] = [];
    const check = async (url: string, form: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [k, v] of Object.entries({ _csrf: csrf, ...form })) for (const x of [v].flat()) body.append(k, x);
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${url} ${JSON.stringify(form).slice(0, 120)} → ${res.statusCode}`);
      else if (res.statusCode === 400 && !res.body.includes('govuk-error-summary')) failures.push(`${url} 400 without an error summary`);
    };
    const awardUrl = `/cases/${caseId}/benefits/award`;
    const good = { benefit: 'uc-lcw', 'decisionDate-day': '1', 'decisionDate-month': '6', 'decisionDate-year': '2025', evidence: 'award-letter' };
    // Each field wrong on its own, then the rules across fields.
    await check(awardUrl, {});
    await check(awardUrl, { ...good, 'decisionDate-day': '31', 'decisionDate-month': '2' });
    await check(awardUrl, { ...good, 'decisionDate-year': '2099' });
    await check(awardUrl, { ...good, benefit: 'esa-new-style' });
    await check(awardUrl, { ...good, benefit: 'esa-income-related', esaGroup: 'the-other-group' });
    await check(awardUrl, { ...good, evidence: 'other' });
    for (const value of NASTY) {
      await check(awardUrl, { ...good, benefit: value });
      await check(awardUrl, { ...good, evidence: [value, 'award-letter'] });
      await check(awardUrl, { ...good, 'decisionDate-day': value || 'x' });
      if (value.length > 1000) await check(awardUrl, { ...good, evidenceNote: value });
      await check(`/cases/${caseId}/benefits/guarantees`, { jobId: value });
      await check(`/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`, { reason: value });
    }
    await check(`/cases/${caseId}/benefits/guarantees`, { jobId: crypto.randomUUID() });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          benefit: fc.string({ maxLength: 20 }),
          day: fc.string({ maxLength: 4 }),
          evidence: fc.string({ maxLength: 20 }),
          reason: fc.string({ maxLength: 20 }),
        }),
        async (v) => {
          await check(awardUrl, {
            benefit: `${v.benefit}!`,
            'decisionDate-day': v.day,
            'decisionDate-month': '6',
            'decisionDate-year': '2025',
            evidence: v.evidence,
          });
          await check(awardUrl, { ...good, evidence: `${v.evidence}!` });
          await check(`/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`, { reason: `${v.reason}!` });
        },
      ),
      { numRuns: 30 },
    );
    expect(failures).toEqual([]);
    expect(await snapshot(caseId, specialist)).toEqual(before);
  }, 120_000);

  test('a form posted without its CSRF token is refused and changes nothing', async () => {
    const { caseId, g, specialist } = await withGuarantee();
    const before = await snapshot(caseId, specialist);
    const b = await specialistBrowser();
    for (const [url, form] of [
      [
        `/cases/${caseId}/benefits/award`,
        { benefit: 'uc-lcw', 'decisionDate-day': '1', 'decisionDate-month': '6', 'decisionDate-year': '2025', evidence: 'award-letter' },
      ],
      [`/cases/${caseId}/benefits/guarantees/${g.id}/withdraw`, { reason: 'person-asked' }],
      [`/cases/${caseId}/benefits/guarantees`, { jobId: g.id }],
      ['/check-a-guarantee', { code: g.verification_code }],
    ] as const) {
      expect((await b.post(url, form)).statusCode, url).toBe(403);
    }
    expect(await snapshot(caseId, specialist)).toEqual(before);
  });
});
