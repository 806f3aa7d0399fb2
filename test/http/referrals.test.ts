import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referralMessages, referralTables } from '../../src/domains/referrals/index.ts';
import { makeReferral, referralInput, staffPrincipal } from '../support/referrals.ts';
import { browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const count = async (table: string, tenant: 'leicester' | 'cardiff' = 'leicester') =>
  Number((await t.testDb.db.inTenant(t.tenants[tenant], (tx) => sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(tx))).rows[0]?.n);

/** Answers for every clinician question page, in order. */
const CLINICIAN_PAGES: [string, Record<string, string | string[]>][] = [
  ['name', { givenName: 'Jordan', familyName: 'Ellis' }],
  ['date-of-birth', { 'dateOfBirth-day': '3', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2004' }],
  ['nhs-number', { nhsNumber: '943 476 5870' }],
  ['address', { addressLine1: '12 Granby Street', town: 'Leicester', postcode: 'le1 6fb' }],
  ['contact', { phone: '07700 900982', email: 'jordan@example.com' }],
  ['language', { preferredLanguage: 'en' }],
  ['contact-method', { contactMethod: 'text', doNotContact: 'post' }],
  ['service', { referringService: 'mental-health' }],
  ['conditions', { conditionsText: 'Anxiety', conditionCategories: 'mental-health' }],
  ['fit-note', { fitNote: 'not-fit' }],
  ['benefits', { benefits: ['uc', 'pip'] }],
  ['help', { helpWanted: 'Part-time work near home' }],
  ['urgency', { urgency: 'urgent' }],
  ['young-person', { inEducationEmploymentOrTraining: 'no' }],
  [
    'consent',
    { consentScopes: ['share-with-employment-team'], consentMethod: 'verbal', 'consentDate-day': '20', 'consentDate-month': '11', 'consentDate-year': '2026' },
  ],
];

async function walk(b: ReturnType<typeof browser>, base: string, pages: readonly (readonly [string, Record<string, string | string[]>])[]) {
  for (const [slug, answers] of pages) {
    const csrf = await b.csrf(`${base}/${slug}`);
    const form = new URLSearchParams({ _csrf: csrf });
    for (const [k, v] of Object.entries(answers)) for (const x of [v].flat()) form.append(k, x);
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/${slug}`,
      headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(res.statusCode, `${slug}: ${res.body.slice(0, 300)}`).toBe(303);
  }
}

describe(`referrals on ${testDatabaseKind}`, () => {
  test('a clinician refers with consent, sees capacity before sending, and a double submit makes one referral', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@leicester.bridgework.example');
    const start = await b.post('/referrals/new', { _csrf: await b.csrf('/referrals/new') });
    expect(start.headers.location).toBe('/referrals/new/name');
    await walk(b, '/referrals/new', CLINICIAN_PAGES);
    const team = await b.get('/referrals/new/team');
    expect(team.body).toContain('Leicester IPS team');
    expect(team.body).toContain('Taking referrals');
    expect(team.body).toContain('Runs the youth pathway');
    const teamId = /name="teamId" type="radio" value="([0-9a-f-]+)"/.exec(team.body)?.[1] ?? '';
    await walk(b, '/referrals/new', [['team', { teamId }]]);
    const check = await b.get('/referrals/new/check');
    expect(check.body).toContain('Check your answers before sending the referral');
    expect(check.body).toContain('Voluntary (youth pathway)');
    const csrf = await b.csrf('/referrals/new/check');
    const before = await count('referrals');
    const cookie = [...b.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/referrals/new/check',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${csrf}`,
      });
    const [first, second] = [await send(), await send()];
    expect(first.statusCode).toBe(303);
    // A second press (or the back button) shows the referral already sent, and sends nothing more.
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect((await b.get('/referrals/new/check')).headers.location).toBe(first.headers.location);
    expect(await count('referrals')).toBe(before + 1);
    const sent = await b.get(first.headers.location as string);
    expect(sent.body).toContain('Referral sent');
    expect(sent.body).toMatch(/BW-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    const mine = await b.get('/referrals/mine');
    expect(mine.body).toContain('Jordan Ellis');
    // The referrer's organisation inbox and the referrer are told; the person gets a text.
    const outbox = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('notifications_outbox').select(['recipient', 'channel', 'body']).execute(),
    );
    expect(outbox.map((m) => m.recipient)).toEqual(
      expect.arrayContaining(['referrer@leicester.bridgework.example', 'referrals@leicester-pcn.bridgework.example', '07700900982']),
    );
    expect(outbox.every((m) => !m.body.includes('Anxiety'))).toBe(true);
  });

  test('a Jobcentre referral carries conditionality only for a short-term unemployed person with no health condition', async () => {
    const journey = async (conditionsText: string) => {
      const b = browser(t.app);
      await b.signIn('jobcentre-referrer@leicester.bridgework.example');
      await b.post('/referrals/new', { _csrf: await b.csrf('/referrals/new') });
      const pages = CLINICIAN_PAGES.filter(([slug]) => !['service', 'young-person', 'conditions', 'fit-note'].includes(slug)).map(([slug, a]) =>
        slug === 'date-of-birth' ? ([slug, { 'dateOfBirth-day': '1', 'dateOfBirth-month': '5', 'dateOfBirth-year': '1980' }] as const) : ([slug, a] as const),
      );
      const consent = pages.pop();
      await walk(b, '/referrals/new', [
        ...pages,
        ['conditions', { conditionsText }],
        ['fit-note', { fitNote: 'none' }],
        ['jobcentre', { shortTermUnemployed: 'yes', conditionalityRequested: 'yes' }],
        ...(consent ? [consent] : []),
      ]);
      const team = await b.get('/referrals/new/team');
      await walk(b, '/referrals/new', [['team', { teamId: /name="teamId" type="radio" value="([0-9a-f-]+)"/.exec(team.body)?.[1] ?? '' }]]);
      return (await b.get('/referrals/new/check')).body;
    };
    expect(await journey('')).toContain('Conditional (Jobcentre)');
    const withCondition = await journey('Depression');
    expect(withCondition).not.toContain('Conditional (Jobcentre)');
    expect(withCondition).toContain('<p class="govuk-body">Voluntary</p>');
  });

  test('a Welsh-speaking referrer’s emails are wholly in Welsh, and name nobody', async () => {
    const gp = await staffPrincipal(t, 'cardiff', 'referrer@cardiff.bridgework.example');
    const { referral } = await t.services.referrals.create(gp, 'clinician', { ...referralInput({ nhsNumber: '1234567830', postcode: 'CF10 1AA' }) });
    const mail = await t.testDb.db.inTenant(t.tenants.cardiff, (tx) =>
      tx.selectFrom('notifications_outbox').select(['subject', 'body', 'language']).where('recipient', '=', 'referrer@cardiff.bridgework.example').execute(),
    );
    // One "received" email on creation, not an "updated" one: nothing has changed yet.
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      language: 'cy',
      subject: referralMessages.cy['referrals.notify.referrerReceived.subject'].replace('{reference}', referral.reference),
    });
    expect(mail[0]?.subject).not.toBe(referralMessages.cy['referrals.notify.update.subject'].replace('{reference}', referral.reference));
    expect(mail[0]?.body).toContain(
      referralMessages.cy['referrals.notify.referrerReceived.body'].replace('{reference}', referral.reference).replace('{team}', 'Cardiff IPS team'),
    );
    expect(mail[0]?.body).not.toContain('Alex');
    expect(mail[0]?.body).not.toContain('Back pain');
    // A structured reason reaches a Welsh reader in Welsh, with the words the team gave.
    const specialist = await staffPrincipal(t, 'cardiff', 'specialist@cardiff.bridgework.example');
    await t.services.referrals.reject(specialist, referral.id, { reasonCode: 'out-of-area', reason: 'Yn byw ym Mro Morgannwg' });
    const page = browser(t.app);
    await page.signIn('referrer@cardiff.bridgework.example');
    const view = await page.get(`/referrals/${referral.id}`);
    expect(view.body).toContain(`${referralMessages.cy['referrals.rejection.out-of-area']}: Yn byw ym Mro Morgannwg`);
    expect(view.body).not.toContain('Out of area');
  });

  test('a question page refuses bad answers with the error summary and keeps what was typed', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@leicester.bridgework.example');
    await b.post('/referrals/new', { _csrf: await b.csrf('/referrals/new') });
    // Each question page names its part of the referral, as GOV.UK question pages do.
    expect((await b.get('/referrals/new/name')).body).toContain('<span class="govuk-caption-l">About the person (part 1 of 3)</span>');
    expect((await b.get('/referrals/new/conditions')).body).toContain('<span class="govuk-caption-l">Their health and work (part 2 of 3)</span>');
    expect((await b.get('/referrals/new/consent')).body).toContain('<span class="govuk-caption-l">Agreement and team (part 3 of 3)</span>');
    const csrf = await b.csrf('/referrals/new/nhs-number');
    const res = await b.post('/referrals/new/nhs-number', { _csrf: csrf, nhsNumber: '943 476 5918' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Error: What is their NHS number?');
    expect(res.body).toContain('value="943 476 5918"');
  });

  test('a self-referral needs no sign-in, is rate-limited, and never says whether the person is known', async () => {
    await makeReferral(t, 'leicester', { nhsNumber: '9434765919', givenName: 'Alex' });
    const pages = CLINICIAN_PAGES.filter(([slug]) => !['service', 'consent', 'young-person'].includes(slug)).map(
      ([slug, a]) =>
        [
          slug,
          slug === 'nhs-number'
            ? { nhsNumber: '9434765919' }
            : slug === 'date-of-birth'
              ? { 'dateOfBirth-day': '12', 'dateOfBirth-month': '4', 'dateOfBirth-year': '1988' }
              : slug === 'name'
                ? { givenName: 'Alex', familyName: 'Morgan' }
                : a,
        ] as [string, Record<string, string>],
    );
    const b = browser(t.app);
    const start = await b.post('/self-referral', { _csrf: await b.csrf('/self-referral'), tenantId: t.tenants.leicester });
    expect(start.headers.location).toBe('/self-referral/name');
    await walk(b, '/self-referral', [...pages, ['consent-self', { consentScopes: 'share-with-employment-team' }]]);
    const sent = await b.post('/self-referral/check', { _csrf: await b.csrf('/self-referral/check') });
    expect(sent.headers.location).toBe('/self-referral/sent');
    const confirmation = await b.get('/self-referral/sent');
    expect(confirmation.body).toContain('Your form has been sent');
    expect(confirmation.body).not.toMatch(/before|already|existing/i);
    // The team sees the link to the earlier referral.
    const specialist = browser(t.app);
    await specialist.signIn('specialist@leicester.bridgework.example');
    const { id } = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      referralTables(tx).selectFrom('referrals').select('id').where('route', '=', 'self').where('person_match', '=', 'nhs-number').executeTakeFirstOrThrow(),
    );
    const page = await specialist.get(`/referrals/${id}`);
    expect(page.body).toContain('This person has been referred before');
    // The public cannot change a known person's record, but what they gave is kept and shown.
    expect(page.body).toContain('Details given with this referral that differ');
    expect(page.body).toContain('jordan@example.com');
    const person = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      referralTables(tx).selectFrom('people').select('email').where('nhs_number', '=', '9434765919').executeTakeFirstOrThrow(),
    );
    expect(person.email).toBe('alex.morgan@example.com');
    const people = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      referralTables(tx).selectFrom('people').select('id').where('nhs_number', '=', '9434765919').execute(),
    );
    expect(people).toHaveLength(1);
  });

  test('a specialist accepts (opening a case) and rejects with a reason the referrer sees', async () => {
    const a = await makeReferral(t, 'leicester');
    const r = await makeReferral(t, 'leicester', { nhsNumber: '9434765870' });
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    const accepted = await s.post(`/referrals/${a.id}/accept`, { _csrf: await s.csrf(`/referrals/${a.id}`) });
    expect(accepted.statusCode).toBe(303);
    expect((await s.get(`/referrals/${a.id}`)).body).toContain('A case is open');
    expect(await count('cases')).toBeGreaterThan(0);
    const noReason = await s.post(`/referrals/${r.id}/reject`, { _csrf: await s.csrf(`/referrals/${r.id}`), reasonCode: 'other' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Describe the reason');
    const rejected = await s.post(`/referrals/${r.id}/reject`, { _csrf: await s.csrf(`/referrals/${r.id}`), reasonCode: 'out-of-area' });
    expect(rejected.statusCode).toBe(303);
    const view = await t.services.referrals.read(
      {
        kind: 'client',
        tenantId: t.tenants.leicester,
        id: crypto.randomUUID(),
        clientId: 'x',
        name: 'x',
        scopes: [],
        organisationId: (await t.services.organisations.list(t.tenants.leicester)).find((o) => o.kind === 'employment-provider')?.id ?? null,
      },
      r.id,
    );
    expect(view.referral.status).toBe('rejected');
    expect(view.referral).toMatchObject({ reasonCode: 'out-of-area', statusReason: null });
    // An illegal move is a 409 page, and nothing changes.
    const again = await s.post(`/referrals/${r.id}/status`, { _csrf: await s.csrf(`/referrals/${a.id}`), status: 'in-progress' });
    expect(again.statusCode).toBe(409);
  });

  test('a referrer withdraws with a reason, and the specialist working it is told', async () => {
    const gp = browser(t.app);
    await gp.signIn('referrer@leicester.bridgework.example');
    await gp.post('/referrals/new', { _csrf: await gp.csrf('/referrals/new') });
    await walk(
      gp,
      '/referrals/new',
      CLINICIAN_PAGES.map(([slug, a]) => (slug === 'nhs-number' ? ([slug, { nhsNumber: '1234567857' }] as const) : ([slug, a] as const))),
    );
    const team = await gp.get('/referrals/new/team');
    await walk(gp, '/referrals/new', [['team', { teamId: /name="teamId" type="radio" value="([0-9a-f-]+)"/.exec(team.body)?.[1] ?? '' }]]);
    const sent = await gp.post('/referrals/new/check', { _csrf: await gp.csrf('/referrals/new/check') });
    const id = /\/referrals\/([0-9a-f-]{36})\/sent/.exec(sent.headers.location as string)?.[1] ?? '';
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    expect((await s.post(`/referrals/${id}/accept`, { _csrf: await s.csrf(`/referrals/${id}`) })).statusCode).toBe(303);
    // The referrer may only withdraw, and must say why.
    const page = await gp.get(`/referrals/${id}`);
    expect(page.body).toContain('Withdraw this referral');
    expect(page.body).not.toContain('/accept');
    const noReason = await gp.post(`/referrals/${id}/status`, { _csrf: await gp.csrf(`/referrals/${id}`), status: 'cancelled' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#statusReason"');
    expect(
      (await gp.post(`/referrals/${id}/status`, { _csrf: await gp.csrf(`/referrals/${id}`), status: 'cancelled', statusReason: 'Moved away' })).statusCode,
    ).toBe(303);
    const told = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx
        .selectFrom('notifications_outbox')
        .select(['subject', 'body'])
        .where('recipient', '=', 'specialist@leicester.bridgework.example')
        .where('template', '=', 'referral-withdrawn')
        .execute(),
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain('Moved away');
  });

  test('could-not-contact closes after the tenant’s attempts, telling the referrer and the person', async () => {
    const r = await makeReferral(t, 'leicester', { nhsNumber: '4010232137', givenName: 'Casey', email: 'casey@example.com' });
    const s = browser(t.app);
    await s.signIn('specialist@leicester.bridgework.example');
    for (let i = 0; i < 3; i++) {
      const res = await s.post(`/referrals/${r.id}/contact`, { _csrf: await s.csrf(`/referrals/${r.id}`), outcome: 'no-answer' });
      expect(res.statusCode).toBe(303);
    }
    const page = await s.get(`/referrals/${r.id}`);
    expect(page.body).toContain('Could not contact the person');
    expect(page.body).toContain('Contact attempt 3: No answer');
    const outbox = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('notifications_outbox').select(['recipient', 'template']).where('recipient', '=', 'casey@example.com').execute(),
    );
    expect(outbox.map((m) => m.template)).toEqual(expect.arrayContaining(['received', 'could-not-contact']));
  });

  test('the service-level job reminds on the due day and flags a breach to the team lead once', async () => {
    const r = await makeReferral(t, 'leicester', { nhsNumber: '9000000009', givenName: 'Robin' });
    expect(r.firstContactDue).toBe('2026-11-30'); // Monday 23 November + 5 working days
    // A young person not in education, employment or training runs on the youth clock: 2 working days.
    const young = await makeReferral(t, 'leicester', { nhsNumber: '1234567806', givenName: 'Kai', dateOfBirth: '2006-01-15', neet: true });
    expect(young.youngPerson).toBe(true);
    expect(young.regime).toBe('voluntary-youth');
    expect(young.firstContactDue).toBe('2026-11-25');
    const due = new Date('2026-11-30T10:00:00Z');
    const after = new Date('2026-12-01T10:00:00Z');
    t.clock.set(due);
    expect((await t.services.referrals.checkServiceLevels()).reminded).toBeGreaterThan(0);
    t.clock.set(after);
    const first = await t.services.referrals.checkServiceLevels();
    expect(first.breached).toBeGreaterThan(0);
    expect((await t.services.referrals.checkServiceLevels()).breached).toBe(0);
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    const lead = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('notifications_outbox').select('subject').where('recipient', '=', 'team-lead@leicester.bridgework.example').execute(),
    );
    expect(lead.map((m) => m.subject)).toContain(`First contact overdue: referral ${r.reference}`);
  });

  test('self-referral is rate-limited per address', async () => {
    const b = browser(t.app);
    const csrf = await b.csrf('/self-referral');
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/self-referral',
        remoteAddress: '198.51.100.7',
        headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, tenantId: t.tenants.cardiff }).toString(),
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 303)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  test('another tenant’s staff cannot see a referral', async () => {
    const r = await makeReferral(t, 'leicester', { nhsNumber: '9876543210', givenName: 'Sky' });
    const s = browser(t.app);
    await s.signIn('specialist@cardiff.bridgework.example');
    expect((await s.get(`/referrals/${r.id}`)).statusCode).toBe(404);
    expect((await s.get('/referrals/not-a-uuid')).statusCode).toBeLessThan(500);
  });

  test('generated bad form input to every referral page is refused with 4xx and writes nothing', async () => {
    const b = browser(t.app);
    await b.signIn('referrer@leicester.bridgework.example');
    await b.post('/referrals/new', { _csrf: await b.csrf('/referrals/new') });
    const s = browser(t.app);
    await s.signIn('team-lead@leicester.bridgework.example');
    const target = await makeReferral(t, 'leicester', { nhsNumber: '9434765870', givenName: 'Pat' });
    const csrfB = await b.csrf('/referrals/new/name');
    const csrfS = await s.csrf('/teams');
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    const csrfA = await admin.csrf('/teams/service-levels');
    const person = browser(t.app);
    const csrfP = await person.csrf('/self-referral');
    await person.post('/self-referral', { _csrf: csrfP, tenantId: t.tenants.leicester });
    const teamId = (await t.services.teams.list(t.tenants.leicester))[0]?.id ?? '';
    // Bad for any required field: nothing, blanks, far too long, or control characters.
    const bad = fc.oneof(
      fc.constant(''),
      fc.constant('   '),
      fc.string({ minLength: 2001, maxLength: 2100 }),
      fc.string({ maxLength: 5 }).map((x) => `${x}\u0000`),
    );
    // Also bad where every field is a choice, a date or an id.
    const weird = fc.oneof(
      bad,
      fc.constantFrom('9999-99-99', 'not-a-date', '-1', '1e309', 'DROP TABLE referrals', '<script>x</script>', '00000000-0000-0000-0000-000000000000'),
    );
    const strict = ['date-of-birth', 'language', 'contact-method', 'service', 'fit-note', 'benefits', 'urgency', 'young-person', 'consent', 'team'];
    const pages = [
      ...CLINICIAN_PAGES.filter(([slug]) => !['conditions', 'contact', 'nhs-number'].includes(slug)).map(([slug, a]) => ({
        b,
        url: `/referrals/new/${slug}`,
        fields: Object.keys(a),
        csrf: csrfB,
        values: strict.includes(slug) ? weird : bad,
      })),
      { b, url: '/referrals/new/team', fields: ['teamId'], csrf: csrfB, values: weird },
      ...['reject', 'contact', 'milestone', 'status', 'reroute'].map((a) => ({
        b: s,
        url: `/referrals/${target.id}/${a}`,
        fields: ['reasonCode', 'outcome', 'milestone', 'status', 'teamId', 'rerouteReason'],
        csrf: csrfS,
        values: weird,
      })),
      { b: s, url: `/referrals/${target.id}/accept`, fields: ['specialistUserId'], csrf: csrfS, values: fc.oneof(weird.filter((v) => v.trim() !== '')) },
      ...['/teams/new', `/teams/${teamId}`].map((url) => ({
        b: s,
        url,
        fields: ['name', 'organisationId', 'services', 'specialists', 'caseloadLimit', 'accepting', 'programmes', 'postcodeDistricts', 'memberIds'],
        csrf: csrfS,
        values: bad,
      })),
      {
        b: admin,
        url: '/teams/service-levels',
        fields: ['firstContactWorkingDays', 'youthFirstContactWorkingDays', 'contactAttemptLimit'],
        csrf: csrfA,
        values: weird,
      },
      // An unfinished draft cannot be sent, whatever comes with it.
      { b, url: '/referrals/new/check', fields: ['givenName', 'teamId'], csrf: csrfB, values: weird },
      // The public pages, with no sign-in.
      { b: person, url: '/self-referral', fields: ['tenantId'], csrf: csrfP, values: weird },
      ...[
        ['name', ['givenName', 'familyName']],
        ['date-of-birth', ['dateOfBirth-day', 'dateOfBirth-month', 'dateOfBirth-year']],
        ['address', ['addressLine1', 'postcode']],
        ['language', ['preferredLanguage']],
        ['help', ['helpWanted']],
        ['consent-self', ['consentScopes']],
      ].map(([slug, fields]) => ({
        b: person,
        url: `/self-referral/${slug}`,
        fields: fields as string[],
        csrf: csrfP,
        values: slug === 'name' || slug === 'help' ? bad : weird,
      })),
      { b: person, url: '/self-referral/check', fields: ['givenName'], csrf: csrfP, values: weird },
    ];
    const before = { referrals: await count('referrals'), events: await count('referral_events'), teams: await count('teams') };
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...pages)
          .chain((page) => fc.tuple(fc.constant(page), fc.array(page.values, { minLength: page.fields.length, maxLength: page.fields.length }))),
        async ([page, values]) => {
          const form: Record<string, string> = { _csrf: page.csrf };
          page.fields.forEach((f, i) => {
            form[f] = values[i] ?? '';
          });
          // A request that never answers fails here, naming itself, rather than as the test's timeout.
          let timer: NodeJS.Timeout | undefined;
          const unanswered = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer in 20 s: ${page.url} ${JSON.stringify(form).slice(0, 200)}`)), 20_000);
          });
          const res = await Promise.race([page.b.post(page.url, form), unanswered]).finally(() => clearTimeout(timer));
          expect(res.statusCode, `${page.url} ${JSON.stringify(form).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 120, endOnFailure: true },
    );
    expect(await count('referrals')).toBe(before.referrals);
    expect(await count('teams')).toBe(before.teams);
    expect(await t.services.teams.settings(t.tenants.leicester)).toEqual({
      firstContactWorkingDays: 5,
      youthFirstContactWorkingDays: 2,
      contactAttemptLimit: 3,
    });
  }, 180_000); // 120 generated requests, beside two other suites on two cores

  test('a tenant admin sets the service levels; bad numbers are refused and change nothing', async () => {
    const s = browser(t.app);
    await s.signIn('tenant-admin@cardiff.bridgework.example');
    const bad = await s.post('/teams/service-levels', {
      _csrf: await s.csrf('/teams/service-levels'),
      firstContactWorkingDays: '0',
      youthFirstContactWorkingDays: 'two',
      contactAttemptLimit: '3',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(await t.services.teams.settings(t.tenants.cardiff)).toEqual({ firstContactWorkingDays: 5, youthFirstContactWorkingDays: 2, contactAttemptLimit: 3 });
    const ok = await s.post('/teams/service-levels', {
      _csrf: await s.csrf('/teams/service-levels'),
      firstContactWorkingDays: '10',
      youthFirstContactWorkingDays: '1',
      contactAttemptLimit: '4',
    });
    expect(ok.statusCode).toBe(303);
    expect(await t.services.teams.settings(t.tenants.cardiff)).toEqual({
      firstContactWorkingDays: 10,
      youthFirstContactWorkingDays: 1,
      contactAttemptLimit: 4,
    });
    const later = await makeReferral(t, 'cardiff', { nhsNumber: '1234567814', givenName: 'Eli' });
    expect(later.firstContactDue).toBe('2026-12-07');
    const specialist = browser(t.app);
    await specialist.signIn('specialist@cardiff.bridgework.example');
    expect((await specialist.get('/teams/service-levels')).statusCode).toBe(403);
  });

  test('teams declare where they work and their capacity; a closed team cannot be chosen', async () => {
    const s = browser(t.app);
    await s.signIn('tenant-admin@leicester.bridgework.example');
    const orgId = (await t.services.organisations.list(t.tenants.leicester)).find((o) => o.kind === 'employment-provider')?.id ?? '';
    const res = await s.post('/teams/new', {
      _csrf: await s.csrf('/teams/new'),
      name: 'Leicester Closed team',
      organisationId: orgId,
      services: 'gp',
      postcodeDistricts: 'le9, LE10',
      programmes: 'retention',
      specialists: '1',
      caseloadLimit: '20',
      accepting: 'no',
    });
    expect(res.statusCode).toBe(303);
    const list = await s.get('/teams');
    expect(list.body).toContain('LE9 LE10');
    expect(list.body).toContain('Closed to referrals');
    const closed = (await t.services.teams.list(t.tenants.leicester)).find((x) => x.name === 'Leicester Closed team');
    await expect(
      t.services.referrals.create({ kind: 'public', tenantId: t.tenants.leicester }, 'self', {
        ...referralInput({ nhsNumber: '9434765919' }),
        teamId: closed?.id,
      }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
