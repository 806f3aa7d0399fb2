import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { storedScheme } from '../../src/domains/benefits/council-tax-support-repo.ts';
import { SINGLE_LCWRA } from '../support/better-off.ts';
import { LEICESTER_SPECIALIST, openCase } from '../support/cases.ts';
import { newPeople } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/*
 * The tenant admin's Council Tax Support settings: an English council sets its banded scheme for
 * people on Universal Credit (the seed gives Leicester illustrative bands); a Welsh council is told
 * the national scheme applies. Bad bands get the GOV.UK error summary and change nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const URL = '/admin/council-tax-support';
const LEICESTER_ADMIN = 'tenant-admin@leicester.bridgework.example';
const CARDIFF_ADMIN = 'tenant-admin@cardiff.bridgework.example';
const newPerson = newPeople('1986-05-01');
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');

async function signedIn(email: string): Promise<Browser> {
  const b = browser(t.app);
  await b.signIn(email);
  return b;
}
const post = async (b: Browser, form: Record<string, string>) => b.post(URL, { _csrf: await b.csrf(URL), ...form });
const leicesterScheme = () => t.testDb.db.inTenant(t.tenants.leicester, (tx) => storedScheme(tx));
const auditCount = () =>
  t.testDb.db.inTenant(t.tenants.leicester, async (tx) =>
    Number(
      (
        await tx
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'tenant.council-tax-support')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );

const GOOD = {
  scheme: 'yes',
  name: 'Leicester Council Tax Support',
  url: 'https://www.leicester.gov.uk/council-tax-support',
  band1UpTo: '500',
  band1Discount: '75',
  band2UpTo: '£1,000.50',
  band2Discount: '25%',
};

describe(`Council Tax Support settings on ${testDatabaseKind}`, () => {
  test('an English council’s admin sees its scheme, linked from home, in English and Welsh', async () => {
    const b = await signedIn(LEICESTER_ADMIN);
    expect((await b.get('/home')).body).toContain(`href="${URL}"`);
    const page = await b.get(URL);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/id="scheme" name="scheme" type="radio" value="yes" checked/);
    expect(page.body).toMatch(/name="name"[^>]*value="Leicester Council Tax Support \(illustrative bands for the demo\)"/);
    expect(page.body).toMatch(/name="band1UpTo"[^>]*value="400"/);
    expect(page.body).toMatch(/name="band4Discount"[^>]*value="20"/);
    expect(page.body).toMatch(/name="band5UpTo"[^>]*value=""/);
    expect(visibleText(page.body)).toContain('Council Tax Support in the better-off figures');
    await b.get('/language/cy');
    const cy = await b.get(URL);
    expect(visibleText(cy.body)).toContain('Cymorth y Dreth Gyngor yn y ffigurau gwell eich byd');
    expect(visibleText(cy.body)).toContain('Band 1: incwm y mis hyd at');
  });

  test('bad bands: 400, the error summary, an error on each box, and nothing changes', async () => {
    const b = await signedIn(LEICESTER_ADMIN);
    const before = await leicesterScheme();
    const audits = await auditCount();
    const res = await post(b, {
      scheme: 'yes',
      name: '',
      url: 'ftp://example.org',
      band1UpTo: '700',
      band1Discount: '60',
      // Lower income than the band above.
      band2UpTo: '400',
      band2Discount: '50',
      // A share but no income.
      band3Discount: '50',
      // More off for a higher income.
      band4UpTo: '900',
      band4Discount: '70',
      band5UpTo: 'lots',
      band5Discount: '101',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    for (const href of ['#name', '#url', '#band2UpTo', '#band3UpTo', '#band4Discount', '#band5UpTo']) expect(res.body, href).toContain(`href="${href}"`);
    const text = visibleText(res.body);
    expect(text).toContain('Enter the name of the scheme');
    expect(text).toContain('Enter a link starting https://');
    expect(text).toContain('Enter an income higher than the band above');
    expect(text).toContain('Enter the income a month this band goes up to');
    expect(text).toContain('Enter a share no higher than the band above');
    expect(text).toContain('Enter the income in pounds, like 400 or 412.50');
    // What was typed comes back; nothing is written.
    expect(res.body).toMatch(/name="band2UpTo"[^>]*value="400"/);
    expect(await leicesterScheme()).toEqual(before);
    expect(await auditCount()).toBe(audits);

    const forms: Record<string, string>[] = [
      {},
      { scheme: 'maybe' },
      { scheme: 'yes', name: 'X', url: 'https://example.org' },
      { scheme: ['yes', 'no'] as unknown as string },
    ];
    for (const form of forms) {
      const again = await post(b, form);
      expect(again.statusCode, JSON.stringify(form)).toBe(400);
      expect(again.body).toContain('govuk-error-summary');
    }
    expect(visibleText((await post(b, { scheme: 'yes', name: 'X', url: 'https://example.org' })).body)).toContain('Enter at least one band');
    expect(await leicesterScheme()).toEqual(before);
  });

  test('good bands are saved and audited, and the better-off figures use them; "no" leaves Council Tax Support out', async () => {
    const admin = await signedIn(LEICESTER_ADMIN);
    const audits = await auditCount();
    const saved = await post(admin, GOOD);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${URL}?saved=1`);
    expect(visibleText((await admin.get(`${URL}?saved=1`)).body)).toContain('The Council Tax Support settings are saved.');
    expect(await leicesterScheme()).toEqual({
      name: 'Leicester Council Tax Support',
      url: 'https://www.leicester.gov.uk/council-tax-support',
      bands: [
        { upTo: 500, discount: 75 },
        { upTo: 1000.5, discount: 25 },
      ],
    });
    expect(await auditCount()).toBe(audits + 1);

    const { caseId } = await openCase(t, newPerson('cts-settings'));
    const specialist = await signedIn(LEICESTER_SPECIALIST);
    const url = `/cases/${caseId}/better-off`;
    // 16 hours: take-home 881.23 is in band 2: 25% of 150.00 = 37.50.
    const res = await specialist.post(url, { _csrf: await specialist.csrf(url), ...SINGLE_LCWRA, councilTax: '1800' });
    expect(visibleText(res.body)).toContain('£881.23 is in band 2 (£500.01 to £1,000.50): 25% of £150.00 is £37.50 a month.');

    expect((await post(admin, { scheme: 'no' })).statusCode).toBe(303);
    expect(await leicesterScheme()).toBeNull();
    expect(await auditCount()).toBe(audits + 2);
    const none = await specialist.post(url, { _csrf: await specialist.csrf(url), ...SINGLE_LCWRA, councilTax: '1800' });
    const text = visibleText(none.body);
    // A specialist reads the result, so it speaks of the person (issue 17 item 5), not of the
    // specialist's own council or bill.
    expect(text).toContain('The council has not set up its Council Tax Support scheme in this service, so the figures leave Council Tax Support out.');
    expect(text).toContain('The person can ask the council: it may lower their council tax bill.');
    expect(/your council|your bill|your council tax/i.exec(text)?.[0]).toBeUndefined();
    expect(text).toContain('they would have £1,641.75 a month');
    expect((await admin.get(URL)).body).toMatch(/id="scheme-2" name="scheme" type="radio" value="no" checked/);
  });

  test('a Welsh council is told the national scheme applies, and cannot set one', async () => {
    const b = await signedIn(CARDIFF_ADMIN);
    const page = await b.get(URL);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Mae eich cyngor yng Nghymru');
    expect(page.body).not.toContain('name="band1UpTo"');
    expect((await post(b, GOOD)).statusCode).toBe(403);
    expect(await t.testDb.db.inTenant(t.tenants.cardiff, (tx) => storedScheme(tx))).toBeNull();
  });

  test('only a tenant admin, and only with the CSRF token', async () => {
    const specialist = await signedIn(LEICESTER_SPECIALIST);
    expect((await specialist.get(URL)).statusCode).toBe(403);
    expect((await specialist.post(URL, { _csrf: await specialist.csrf('/home'), ...GOOD })).statusCode).toBe(403);
    expect((await browser(t.app).get(URL)).statusCode).not.toBe(200);
    const admin = await signedIn(LEICESTER_ADMIN);
    expect((await admin.post(URL, GOOD)).statusCode).toBe(403);
  });
});
