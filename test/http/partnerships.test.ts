import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PartnershipTables } from '../../src/domains/partnerships/index.ts';
import { listOutbox } from '../../src/platform/notify/index.ts';
import { recordOutcomeFact } from '../../src/platform/outcomes/index.ts';
import { referralInput, staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
let commissioner: Browser;
let admin: Browser;
let specialist: Browser;
beforeAll(async () => {
  t = await createTestApp();
  commissioner = browser(t.app);
  admin = browser(t.app);
  specialist = browser(t.app);
  await commissioner.signIn('commissioner@leicester.bridgework.example');
  await admin.signIn('tenant-admin@leicester.bridgework.example');
  await specialist.signIn('specialist@leicester.bridgework.example');
}, 120_000);
afterAll(() => t.close());

const post = async (b: Browser, url: string, form: Record<string, string>, from = url) => b.post(url, { _csrf: await b.csrf(from), ...form });

/** A multipart/form-data body as a browser sends it, with one file part. */
function multipart(fields: Record<string, string | string[]>, file: { name: string; type: string; bytes: Buffer } | null) {
  const boundary = `----bw${crypto.randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
  const f = file ?? { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) };
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="signedCopy"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`),
    f.bytes,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(fields: Record<string, string | string[]>, file: { name: string; type: string; bytes: Buffer } | null) {
  const token = await admin.csrf('/partners/agreements/new');
  const { body, type } = multipart({ _csrf: token, ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/partners/agreements/new',
    headers: { cookie: [...admin.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': type },
    payload: body,
  });
}

describe(`the local plan, on ${testDatabaseKind}`, () => {
  test('a commissioner sets the plan, its targets and growth sectors; progress comes from the outcome facts', async () => {
    const bad = await post(commissioner, '/local-plan/edit', {
      title: '',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2027',
      'endsOn-day': '1',
      'endsOn-month': '4',
      'endsOn-year': '2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter a title for the plan');
    // Both problems at once: the dates are checked against each other though the title is missing.
    expect(bad.body).toContain('The plan must end after it starts');
    const backwards = await post(commissioner, '/local-plan/edit', {
      title: 'Plan',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2027',
      'endsOn-day': '1',
      'endsOn-month': '4',
      'endsOn-year': '2026',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The plan must end after it starts');

    const saved = await post(commissioner, '/local-plan/edit', {
      title: 'Leicester plan for 2026 to 2027',
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2026',
      'endsOn-day': '31',
      'endsOn-month': '3',
      'endsOn-year': '2027',
    });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);

    // Twelve people aged 50 or more started work on the staying-in-work programme this month; three more outside the cohort.
    const team = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.withTables<{ teams: { id: string } }>().selectFrom('teams').select('id').executeTakeFirstOrThrow(),
    );
    await t.testDb.db.inTenant(t.tenants.leicester, async (tx) => {
      for (let i = 0; i < 15; i++) {
        await recordOutcomeFact(tx, {
          tenantId: t.tenants.leicester,
          kind: 'job-start',
          at: t.clock.now(),
          subjectId: crypto.randomUUID(),
          personId: crypto.randomUUID(),
          daysFromReferral: 30,
          dimensions: {
            teamId: team.id,
            specialistUserId: null,
            referringService: 'gp',
            programme: 'retention',
            regime: 'voluntary-health',
            youthPathway: false,
            conditionCategories: [],
            ageBand: i < 12 ? '50-64' : '25-34',
            nation: 'england',
          },
        });
      }
    });
    for (const target of [
      { measure: 'job-starts', programme: 'retention', cohort: 'aged-50-plus', baseline: '10', target: '20' },
      { measure: 'sustained-outcomes', programme: 'retention', cohort: 'aged-50-plus', baseline: '5', target: '12' },
    ]) {
      const r = await post(commissioner, '/local-plan/targets/new', target);
      expect(r.statusCode, r.body.slice(0, 300)).toBe(303);
    }
    const badTarget = await post(commissioner, '/local-plan/targets/new', {
      measure: 'job-starts',
      programme: 'all',
      cohort: 'all',
      baseline: 'lots',
      target: '0',
    });
    expect(badTarget.statusCode).toBe(400);
    expect(badTarget.body).toContain('Enter the baseline as a whole number');

    expect((await post(commissioner, '/local-plan/sectors/new', { name: 'Health and social care', nameCy: 'Iechyd a gofal cymdeithasol' })).statusCode).toBe(
      303,
    );
    const twice = await post(commissioner, '/local-plan/sectors/new', { name: 'Health and social care', nameCy: 'Iechyd' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('That growth sector is already in the plan');
    const sectors = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.withTables<PartnershipTables>().selectFrom('growth_sectors').select(['code', 'name_cy']).execute(),
    );
    expect(sectors).toContainEqual({ code: 'health-and-social-care', name_cy: 'Iechyd a gofal cymdeithasol' });

    const page = await commissioner.get('/local-plan');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Leicester plan for 2026 to 2027');
    // Why small figures are hidden, in plain words: no internal label for where the rule comes from.
    expect(page.body).toContain('Figures under 10 are not shown, so that nobody can be identified.');
    expect(page.body).not.toContain('platform policy');
    // 12 of 20 (60%) by 23 November, day 237 of 365: the straight line expects 20 × 237/365 = 12.98, so 12: on track.
    expect(page.body).toMatch(/>12<\/td>/);
    expect(page.body).toContain('60% of target');
    expect(page.body).toContain('On track');
    // No one has yet stayed 13 weeks: a count under 10 is not shown.
    expect(page.body).toContain('Too few to show');
    expect(page.body).toContain('Health and social care');
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').select('action').where('action', 'like', 'local-plan.%').execute(),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['local-plan.save', 'local-plan.sector-add', 'local-plan.target-save', 'local-plan.target-save']);
  });

  test('everyone in the tenant reads the plan, in Welsh too; only a commissioner or tenant admin changes it', async () => {
    const read = await specialist.get('/local-plan');
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Leicester plan for 2026 to 2027');
    expect(read.body).not.toContain('/local-plan/edit');
    expect((await specialist.get('/local-plan/edit')).statusCode).toBe(403);
    const welsh = await specialist.get('/local-plan', { cookie: `${[...specialist.jar].map(([k, v]) => `${k}=${v}`).join('; ')}; bw_lang=cy` });
    expect(welsh.body).toContain('Targedau');
    const user = await staffPrincipal(t, 'leicester', 'specialist@leicester.bridgework.example');
    await expect(t.services.plans.savePlan(user, { title: 'x', startsOn: '2026-01-01', endsOn: '2027-01-01' })).rejects.toThrow(/commissioner or tenant admin/);
    // Another tenant sees its own plan (the demo's), not this one.
    const cardiff = await staffPrincipal(t, 'cardiff', 'commissioner@cardiff.bridgework.example');
    const theirs = await t.services.plans.page(cardiff);
    expect(theirs.plan?.title).toMatch(/Wales Works/);
    expect(theirs.targets.map((x) => x.target)).not.toContain(20);
  });
});

describe(`partners and data-sharing agreements, on ${testDatabaseKind}`, () => {
  let partnerId = '';
  test('a tenant admin records a partner, linked to the organisation that refers', async () => {
    const gp = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx
        .withTables<{ organisations: { id: string; name: string } }>()
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Leicester Central Primary Care Network')
        .executeTakeFirstOrThrow(),
    );
    const added = await post(admin, '/partners/new', {
      name: 'Leicester Central PCN',
      kind: 'gp-network',
      role: 'Refers patients who want work',
      organisationId: gp.id,
    });
    expect(added.statusCode, added.body.slice(0, 300)).toBe(303);
    partnerId = new URL(added.headers.location as string, 'http://x').searchParams.get('added') ?? '';
    expect((await admin.get(added.headers.location as string)).body).toContain('Leicester Central PCN has been added.');
    expect((await post(admin, '/partners/new', { name: '', role: '' })).body).toContain('Choose the kind of organisation');
    expect((await specialist.get('/partners')).statusCode).toBe(403);
    // The plan page lists the partners.
    expect((await specialist.get('/local-plan')).body).toContain('Leicester Central PCN');
  });

  const fields = () => ({
    title: 'GP referrals to employment support',
    partnerId,
    purposes: ['referral-in'],
    dataCategories: ['identity', 'contact', 'date-of-birth', 'address', 'need', 'health', 'benefits'],
    article6: 'public-task',
    article9: 'health-social-care',
    'startsOn-day': '1',
    'startsOn-month': '4',
    'startsOn-year': '2026',
    'endsOn-day': '31',
    'endsOn-month': '12',
    'endsOn-year': '2026',
  });

  test.each([
    { name: 'no file', file: null, message: 'Select the signed copy of the agreement' },
    { name: 'a renamed text file', file: { name: 'agreement.pdf', type: 'application/pdf', bytes: Buffer.from('not really a PDF') }, message: 'must be a PDF' },
    { name: 'a PDF called something else', file: { name: 'agreement.docx', type: 'application/pdf', bytes: PDF }, message: 'must be a PDF' },
    { name: 'an empty file', file: { name: 'agreement.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) }, message: 'The selected file is empty' },
    {
      name: 'a file over 5 MB',
      file: { name: 'a.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) },
      message: 'smaller than 5 MB',
    },
  ])('the signed copy is refused when it is $name', async ({ file, message }) => {
    const r = await upload(fields(), file);
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('govuk-error-summary');
    expect(r.body).toContain(message);
  });

  test('health data needs an Article 9 condition', async () => {
    // With a missing title too: every problem is shown at once.
    const r = await upload({ ...fields(), title: '', article9: '' }, { name: 'a.pdf', type: 'application/pdf', bytes: PDF });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Health information is special category data');
    expect(r.body).toContain('Enter a title for the agreement');
  });

  test('the agreement is recorded with its signed copy, which the IG lead can download', async () => {
    const r = await upload(fields(), { name: 'GP DSA signed.pdf', type: 'application/pdf', bytes: PDF });
    expect(r.statusCode, r.body.slice(0, 500)).toBe(303);
    const list = await admin.get(r.headers.location as string);
    expect(list.body).toContain('The agreement “GP referrals to employment support” has been recorded.');
    expect(list.body).toContain('6(1)(e) public task; 9(2)(h) health or social care');
    // The partners page now shows an agreement in force for the PCN; the college has none.
    const partnersPage = (await admin.get('/partners')).body.replace(/\s+/g, ' ');
    expect(partnersPage).toMatch(/Leicester Central PCN.*?In force/);
    expect(partnersPage).toMatch(/Leicester College.*?None in force/);
    const id = /\/partners\/agreements\/([0-9a-f-]{36})\/signed-copy/.exec(list.body)?.[1] ?? '';
    const ig = browser(t.app);
    await ig.signIn('ig-lead@leicester.bridgework.example');
    const copy = await ig.get(`/partners/agreements/${id}/signed-copy`);
    expect(copy.statusCode).toBe(200);
    expect(copy.headers['content-type']).toBe('application/pdf');
    // A signed agreement names people and organisations: no browser or proxy keeps a copy.
    expect(copy.headers['cache-control']).toBe('no-store');
    expect(copy.rawPayload.equals(PDF)).toBe(true);
  });

  test('a referral in from the organisation is refused once its agreement has lapsed, with a clear message and an audit row', async () => {
    const referrer = await staffPrincipal(t, 'leicester', 'referrer@leicester.bridgework.example');
    // In force (to 31 December): accepted.
    const ok = await t.services.referrals.create(referrer, 'clinician', referralInput({ email: 'dsa.ok@example.com', dateOfBirth: '1971-01-01' }));
    expect(ok.created).toBe(true);
    // After it ends: refused, and the refusal audited though nothing else was written.
    t.clock.set(new Date('2027-01-05T10:00:00Z'));
    try {
      await expect(
        t.services.referrals.create(referrer, 'clinician', referralInput({ email: 'dsa.late@example.com', dateOfBirth: '1971-01-02' })),
      ).rejects.toMatchObject({ code: 'forbidden', issues: [{ path: 'form', message: 'referrals.error.agreement.lapsed' }] });
      const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        tx.selectFrom('audit_events').select(['action', 'reason']).where('action', '=', 'referral.refused').execute(),
      );
      expect(audit).toEqual([{ action: 'referral.refused', reason: 'no data-sharing agreement in force covers referrals in (lapsed)' }]);
      const people = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        sql<{ n: number }>`select count(*)::int as n from people where email = 'dsa.late@example.com'`.execute(tx),
      );
      expect(people.rows[0]?.n).toBe(0);
    } finally {
      t.clock.set(new Date('2026-11-23T09:00:00Z'));
    }
  });

  test('tenant admins are warned once, 60 days before an agreement ends', async () => {
    const before = (await listOutbox(t.testDb.db, t.tenants.leicester)).filter((m) => m.template === 'agreement-ending');
    expect(before).toEqual([]);
    // 23 November: the agreement ending 31 December is within 60 days; the demo's (ending in 165 days) is not.
    expect(await t.services.partners.warnEnding()).toBe(1);
    expect(await t.services.partners.warnEnding()).toBe(0);
    const mails = (await listOutbox(t.testDb.db, t.tenants.leicester)).filter((m) => m.template === 'agreement-ending');
    expect(mails.map((m) => [m.recipient, m.subject])).toEqual([
      ['tenant-admin@leicester.bridgework.example', 'A data-sharing agreement ends on 2026-12-31: GP referrals to employment support'],
    ]);
    const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from audit_events where action = 'data-sharing-agreement.warn-ending'`.execute(tx),
    );
    expect(rows.rows[0]?.n).toBe(1);
  });

  test('a tenant admin changes a partner: the form shows what is there, errors show in the summary, the agreements follow its link, and the change is audited', async () => {
    const url = `/partners/${partnerId}/edit`;
    expect((await specialist.get(url)).statusCode).toBe(403);
    const form = await admin.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Change a partner');
    expect(form.body).toContain('value="Leicester Central PCN"');
    expect((await admin.get('/partners')).body).toContain(`href="/partners/${partnerId}/edit"`);
    // Bad input: every problem at once in the error summary; a name another partner has is refused.
    const bad = await post(admin, url, { name: '', kind: 'gp-network', role: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#name"');
    expect(bad.body).toContain('href="#role"');
    const taken = await post(admin, url, { name: 'Leicester College', kind: 'gp-network', role: 'Refers patients' });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('govuk-error-summary');
    // Unlinked from the referring organisation: its agreement no longer names it.
    const saved = await post(admin, url, { name: 'Leicester Central PCN', kind: 'gp-network', role: 'Refers patients who want work, and hosts clinics' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect((await admin.get(saved.headers.location as string)).body).toContain('The changes to Leicester Central PCN have been saved.');
    const agreement = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      sql<{ organisation_id: string | null }>`select organisation_id from data_sharing_agreements where partner_id = ${partnerId}`.execute(tx),
    );
    expect(agreement.rows).toEqual([{ organisation_id: null }]);
    expect((await t.services.partners.partner(await staffPrincipal(t, 'leicester', 'tenant-admin@leicester.bridgework.example'), partnerId)).role).toBe(
      'Refers patients who want work, and hosts clinics',
    );
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'partner.update').where('record_id', '=', partnerId).execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ changed: ['role', 'organisationId'], agreementsRelinked: 1 });
    expect(
      await t.services.partners
        .editPartner(await staffPrincipal(t, 'leicester', 'ig-lead@leicester.bridgework.example'), partnerId, {})
        .catch((e: { code: string }) => e.code),
    ).toBe('forbidden');
    // In Welsh.
    const cy = browser(t.app);
    await cy.signIn('tenant-admin@leicester.bridgework.example');
    cy.jar.set('bw_lang', 'cy');
    expect((await cy.get(url)).body).toContain('Newid partner');
  });
});
