import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tenantLinksSchema } from '../../src/domains/administration/tenant-links-schemas.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/*
 * The tenant admin's page for the footer's privacy notice and accessibility statement links
 * (ADR 0039; before it, only SQL set them): https only, the GOV.UK error summary, an audit row,
 * English and Welsh.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const URL = '/admin/privacy-and-accessibility';
const LEICESTER_ADMIN = 'tenant-admin@leicester.bridgework.example';
const text = (html: string) =>
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
const stored = () =>
  t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    tx.selectFrom('tenant_settings').select(['privacy_notice_url', 'accessibility_statement_url']).executeTakeFirstOrThrow(),
  );
const audits = () =>
  t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    tx.selectFrom('audit_events').select(['actor_kind', 'reason', 'details']).where('action', '=', 'tenant.footer-links').orderBy('pos').execute(),
  );

describe(`privacy notice and accessibility statement links on ${testDatabaseKind}`, () => {
  test('the admin sets both links, with an audit row, and empties one back to Bridgework’s page', async () => {
    const b = await signedIn(LEICESTER_ADMIN);
    expect((await b.get('/home')).body).toContain(`href="${URL}"`);
    const empty = await b.get(URL);
    expect(empty.statusCode).toBe(200);
    expect(text(empty.body)).toContain('Your privacy notice and accessibility statement');
    expect(empty.body).toMatch(/name="privacyNoticeUrl" type="url"[^>]*spellcheck="false"/);

    const saved = await post(b, {
      privacyNoticeUrl: ' https://www.leicester.gov.uk/privacy/bridgework ',
      accessibilityStatementUrl: 'https://www.leicester.gov.uk/a11y',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${URL}?saved=1`);
    expect(await stored()).toEqual({
      privacy_notice_url: 'https://www.leicester.gov.uk/privacy/bridgework',
      accessibility_statement_url: 'https://www.leicester.gov.uk/a11y',
    });
    const shown = await b.get(`${URL}?saved=1`);
    expect(text(shown.body)).toContain('The links have been saved.');
    expect(shown.body).toMatch(/name="privacyNoticeUrl"[^>]*value="https:\/\/www.leicester.gov.uk\/privacy\/bridgework"/);

    await post(b, { privacyNoticeUrl: '', accessibilityStatementUrl: 'https://www.leicester.gov.uk/a11y' });
    expect(await stored()).toEqual({ privacy_notice_url: null, accessibility_statement_url: 'https://www.leicester.gov.uk/a11y' });
    const rows = await audits();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      actor_kind: 'user',
      details: {
        before: { privacyNoticeUrl: 'https://www.leicester.gov.uk/privacy/bridgework', accessibilityStatementUrl: 'https://www.leicester.gov.uk/a11y' },
        after: { privacyNoticeUrl: null, accessibilityStatementUrl: 'https://www.leicester.gov.uk/a11y' },
      },
    });
  });

  test('an address that is not https, or not an address: 400, the error summary naming each box, nothing saved', async () => {
    const b = await signedIn(LEICESTER_ADMIN);
    const before = await stored();
    const count = (await audits()).length;
    const res = await post(b, { privacyNoticeUrl: 'http://www.leicester.gov.uk/privacy', accessibilityStatementUrl: 'https://leicester gov uk' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    for (const href of ['#privacyNoticeUrl', '#accessibilityStatementUrl']) expect(res.body).toContain(`href="${href}"`);
    expect(text(res.body)).toContain('Enter the web address of your privacy notice starting with https://');
    expect(text(res.body)).toContain('Enter the web address of your accessibility statement in the correct format');
    // What was typed comes back to be corrected.
    expect(res.body).toContain('value="http://www.leicester.gov.uk/privacy"');
    expect(await stored()).toEqual(before);
    expect(await audits()).toHaveLength(count);

    await b.get('/language/cy');
    const cy = await post(b, { privacyNoticeUrl: 'javascript:alert(1)', accessibilityStatementUrl: `https://www.leicester.gov.uk/${'a'.repeat(500)}` });
    expect(cy.statusCode).toBe(400);
    expect(text(cy.body)).toContain('Rhowch gyfeiriad gwe eich hysbysiad preifatrwydd gan ddechrau gyda https://');
    expect(text(cy.body)).toContain('Rhaid i gyfeiriad gwe eich datganiad hygyrchedd fod yn 500 nod neu lai');
    expect(text((await b.get(URL)).body)).toContain('Eich hysbysiad preifatrwydd a’ch datganiad hygyrchedd');
  });

  test('which addresses are taken: https with a host, no spaces, up to 500 characters', () => {
    const problem = (url: string) => {
      const r = tenantLinksSchema.safeParse({ privacyNoticeUrl: url });
      return r.success ? r.data.privacyNoticeUrl : r.error.issues[0]?.message;
    };
    expect(problem('https://www.example.gov.uk/privacy')).toBe('https://www.example.gov.uk/privacy');
    expect(problem('HTTPS://www.example.gov.uk')).toBe('HTTPS://www.example.gov.uk');
    expect(problem('  ')).toBeNull();
    expect(problem('www.example.gov.uk')).toBe('links.error.privacy.https');
    expect(problem('http://www.example.gov.uk')).toBe('links.error.privacy.https');
    expect(problem('https://localhost/privacy')).toBe('links.error.privacy.format');
    expect(problem('https://www.example.gov.uk/a b')).toBe('links.error.privacy.format');
    expect(problem('https://')).toBe('links.error.privacy.format');
    expect(problem(`https://example.gov.uk/${'a'.repeat(477)}`)).toBe(`https://example.gov.uk/${'a'.repeat(477)}`);
    expect(problem(`https://example.gov.uk/${'a'.repeat(478)}`)).toBe('links.error.privacy.tooLong');
  });

  test('only a tenant admin', async () => {
    const b = await signedIn('specialist@leicester.bridgework.example');
    expect((await b.get(URL)).statusCode).toBe(403);
    expect((await b.post(URL, { _csrf: await b.csrf('/home'), privacyNoticeUrl: 'https://evil.example.com' })).statusCode).toBe(403);
    expect((await stored()).privacy_notice_url).toBeNull();
  });
});
