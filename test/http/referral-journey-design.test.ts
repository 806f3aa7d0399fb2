import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/** The design pass over the referral journey (issue 17): check answers, the "None" benefit, the public's words. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

type Pages = readonly (readonly [string, Record<string, string | string[]>])[];
const SELF_PAGES: Pages = [
  ['name', { givenName: 'Sam', familyName: 'Price' }],
  ['date-of-birth', { 'dateOfBirth-day': '12', 'dateOfBirth-month': '4', 'dateOfBirth-year': '1988' }],
  ['nhs-number', { nhsNumber: '9434765919' }],
  ['address', { addressLine1: '12 Granby Street', town: 'Leicester', postcode: 'le1 6fb' }],
  ['contact', { phone: '07700 900982', email: 'sam@example.com' }],
  ['language', { preferredLanguage: 'en' }],
  ['contact-method', { contactMethod: 'text' }],
  ['conditions', { conditionsText: 'Back pain' }],
  ['fit-note', { fitNote: 'none' }],
  ['benefits', { benefits: ['none'] }],
  ['help', { helpWanted: 'Part-time work near home' }],
  ['urgency', { urgency: 'routine' }],
  ['consent-self', { consentScopes: 'share-with-employment-team' }],
];

async function post(b: ReturnType<typeof browser>, url: string, answers: Record<string, string | string[]>) {
  const form = new URLSearchParams({ _csrf: await b.csrf(url) });
  for (const [k, v] of Object.entries(answers)) for (const x of [v].flat()) form.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

async function selfJourney(lang: 'en' | 'cy' = 'en') {
  const b = browser(t.app);
  if (lang === 'cy') b.jar.set('bw_lang', 'cy');
  await b.post('/self-referral', { _csrf: await b.csrf('/self-referral'), tenantId: t.tenants.leicester });
  for (const [slug, answers] of SELF_PAGES) {
    const res = await post(b, `/self-referral/${slug}`, answers);
    expect(res.statusCode, `${slug}: ${res.body.slice(0, 300)}`).toBe(303);
  }
  return b;
}

/** The summary list's rows as [key, value] text, tags stripped, `<br>` as a newline. */
function summaryRows(html: string): [string, string][] {
  const text = (s: string) =>
    s
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/[ \t]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
  return [...html.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map(
    (m) => [text(m[1] ?? ''), text(m[2] ?? '')] as [string, string],
  );
}

describe(`the referral journey's design on ${testDatabaseKind}`, () => {
  test('the person’s own details can be filled by their browser; a referrer typing someone else’s is not offered their own', async () => {
    const autocompletes = (html: string) => [...html.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*\bautocomplete="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`);
    const person = browser(t.app);
    await person.post('/self-referral', { _csrf: await person.csrf('/self-referral'), tenantId: t.tenants.leicester });
    expect(autocompletes((await person.get('/self-referral/name')).body)).toEqual(['givenName=given-name', 'familyName=family-name']);
    // Every box of the date of birth says which part it is, not only the day.
    expect(autocompletes((await person.get('/self-referral/date-of-birth')).body)).toEqual([
      'dateOfBirth-day=bday-day',
      'dateOfBirth-month=bday-month',
      'dateOfBirth-year=bday-year',
    ]);
    const referrer = browser(t.app);
    await referrer.signIn('referrer@leicester.bridgework.example');
    await referrer.post('/referrals/new', { _csrf: await referrer.csrf('/referrals/new') });
    for (const step of ['name', 'date-of-birth', 'address']) expect(autocompletes((await referrer.get(`/referrals/new/${step}`)).body), step).toEqual([]);
  });

  test('check answers shows the address on one row, no "(optional)" in a label, and the NHS number spaced 3-3-4', async () => {
    const b = await selfJourney();
    const check = await b.get('/self-referral/check');
    expect(check.statusCode).toBe(200);
    const rows = summaryRows(check.body);
    const keys = rows.map(([k]) => k);
    expect(keys.filter((k) => /optional/i.test(k))).toEqual([]);
    expect(keys).not.toContain('Address line 1');
    expect(keys).not.toContain('Postcode');
    expect(rows).toContainEqual(['Address', '12 Granby Street\nLeicester\nLE1 6FB']);
    expect(rows.find(([k]) => k === 'NHS number')?.[1]).toBe('943 476 5919');
    // Welsh too: no "(dewisol)" on check answers.
    const cy = await selfJourney('cy');
    const cyKeys = summaryRows((await cy.get('/self-referral/check')).body).map(([k]) => k);
    expect(cyKeys).toContain('Cyfeiriad');
    expect(cyKeys.filter((k) => /dewisol/i.test(k))).toEqual([]);
  });

  test('"None" is the last benefit, after an "or" divider, exclusive with JS and refused with another benefit without it', async () => {
    const b = browser(t.app);
    await b.post('/self-referral', { _csrf: await b.csrf('/self-referral'), tenantId: t.tenants.leicester });
    const page = await b.get('/self-referral/benefits');
    const items = [...page.body.matchAll(/<div class="govuk-checkboxes__(item|divider)">([\s\S]*?)<\/div>/g)].map((m) => m[0]);
    const last = items.at(-1) ?? '';
    expect(items.at(-2)).toMatch(/govuk-checkboxes__divider">\s*or\s*</);
    expect(last).toContain('value="none"');
    expect(last).toContain('data-behaviour="exclusive"');
    // Without JS both can be ticked: the server refuses it with the error summary.
    const both = await post(b, '/self-referral/benefits', { benefits: ['uc', 'none'] });
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('govuk-error-summary');
  });

  test('the public journey speaks to the person in plain words, never in staff words, and says "voluntary" once', async () => {
    const visible = (html: string) =>
      (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/&#39;|&rsquo;/g, '’');
    const b = browser(t.app);
    const pages = [visible((await b.get('/self-referral')).body)];
    await b.post('/self-referral', { _csrf: await b.csrf('/self-referral'), tenantId: t.tenants.leicester });
    for (const [slug, answers] of SELF_PAGES) {
      pages.push(visible((await b.get(`/self-referral/${slug}`)).body));
      // Each page's errors too, where the staff message speaks of "the person".
      const empty = await post(b, `/self-referral/${slug}`, {});
      if (empty.statusCode === 400) pages.push(visible(empty.body));
      expect((await post(b, `/self-referral/${slug}`, answers)).statusCode).toBe(303);
    }
    const check = visible((await b.get('/self-referral/check')).body);
    pages.push(check);
    expect((await post(b, '/self-referral/check', {})).statusCode).toBe(303);
    const sent = visible((await b.get('/self-referral/sent')).body);
    pages.push(sent);
    const staffWords = [
      /on their behalf/i,
      /\bRoutine\b/,
      /\bUrgent\b/,
      /Help wanted/i,
      /Select what you agree to/i,
      /the person/i,
      /\breferral\b/i,
      /\bsanction/i,
      /\bParticipation\b/,
      /\bconsent\b/i,
      /received\b/i,
    ];
    for (const page of pages) for (const word of staffWords) expect(page, `${word} in: ${page.slice(0, 200)}`).not.toMatch(word);
    expect(check).toContain('You are happy for us to');
    expect(check).toContain('Send this form to the employment support team near you');
    // The sent page says once, in the person's words, that taking part is their choice.
    expect(sent.match(/will not change your benefits/g)).toHaveLength(1);
    expect(sent).not.toMatch(/voluntary/i);
  });

  test('the Welsh public journey has its own words for every new message, and the sent page says it once', async () => {
    const b = await selfJourney('cy');
    const check = (await b.get('/self-referral/check')).body;
    expect(check).toContain('Rydych chi’n hapus i ni');
    expect(check).toContain('Anfon eich ffurflen');
    expect((await post(b, '/self-referral/check', {})).statusCode).toBe(303);
    const sent = (await b.get('/self-referral/sent')).body;
    expect(sent).toContain('Mae eich ffurflen wedi’i hanfon');
    expect(sent.match(/Ni fydd dweud na yn newid eich budd-daliadau/g)).toHaveLength(1);
    expect(sent).not.toMatch(/wirfoddol/);
  });
});
