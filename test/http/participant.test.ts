import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guaranteeMessages } from '../../src/domains/benefits/index.ts';
import { caseMessages, PARTICIPANT_COOKIE, participantMessages } from '../../src/domains/participants/index.ts';
import { participantExportSchema } from '../../src/domains/participants/participant-export.ts';
import { buildExportPdf } from '../../src/domains/participants/participant-export-pdf.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import { referralMessages, referralTables } from '../../src/domains/referrals/index.ts';
import { validateDocumentBundle } from '../../src/platform/fhir/index.ts';
import { createTranslator } from '../../src/platform/i18n/index.ts';
import type { PdfBlock } from '../../src/platform/pdf/index.ts';
import { openCase } from '../support/cases.ts';
import { newPeople, uniqueEmail } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

type Form = Record<string, string | string[]>;

const newPerson = newPeople('1975-01-01');
const db = () => t.testDb.db;
const leicester = () => t.tenants.leicester;

/** Posts a form the way a browser does, repeated names and all, with the cookies the browser holds. */
async function post(b: Browser, url: string, form: Form) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
  for (const c of res.cookies) {
    if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) b.jar.delete(c.name);
    else b.jar.set(c.name, c.value);
  }
  return res;
}

/** The sign-in emails sent to an address, newest first, in every local authority. */
async function signInEmails(recipient: string) {
  const rows = await db().eachTenant((tx) =>
    tx
      .selectFrom('notifications_outbox')
      .select(['recipient', 'subject', 'body', 'language', 'created_at'])
      .where('template', '=', 'participant-sign-in')
      .where('recipient', '=', recipient)
      .execute(),
  );
  return rows.flat().sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime());
}

async function countSignInEmails() {
  const rows = await db().eachTenant((tx) => tx.selectFrom('notifications_outbox').select('id').where('template', '=', 'participant-sign-in').execute());
  return rows.flat().length;
}

const linkIn = (body: string) => /\/my-support\/sign-in\/(\S+)/.exec(body)?.[1] ?? '';

async function askForLink(b: Browser, email: string) {
  const res = await post(b, '/my-support', { _csrf: await b.csrf('/my-support'), email });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  expect(res.headers.location).toBe('/my-support/check-email');
  return res;
}

/** A person with an open case who has signed in through the emailed link. */
async function signedInPerson(options: { language?: 'en' | 'cy'; label?: string } = {}) {
  const person = newPerson(options.label ?? 'person');
  const email = person.email;
  const opened = await openCase(t, person);
  if (options.language === 'cy') {
    await db().inTenant(leicester(), (tx) => referralTables(tx).updateTable('people').set({ preferred_language: 'cy' }).where('email', '=', email).execute());
  }
  const b = browser(t.app);
  const link = await signIn(b, email);
  return { b, email, dateOfBirth: person.dateOfBirth, link, ...opened };
}

/** Asks for a link and signs in with it; returns the link. */
async function signIn(b: Browser, email: string) {
  await askForLink(b, email);
  const [mail] = await signInEmails(email);
  const link = linkIn(mail?.body ?? '');
  const res = await post(b, `/my-support/sign-in/${link}`, { _csrf: await b.csrf(`/my-support/sign-in/${link}`) });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  expect(res.headers.location).toBe('/my-support/plan');
  return link;
}

async function caseOf(caseId: string, specialist: Awaited<ReturnType<typeof openCase>>['specialist']) {
  return t.services.cases.view(specialist, caseId);
}

/** The words a person sees on a page: tags, scripts and styles removed. */
const visibleText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ');

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** A string as pdfkit writes it (a heading's bookmark title): UTF-16BE with a byte order mark once any character is past ASCII. */
const pdfString = (text: string) =>
  /^[\x20-\x7e]*$/u.test(text) ? `(${text})` : `(\xfe\xff${[...text].map((c) => String.fromCharCode(c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff)).join('')})`;
const translator = createTranslator([caseMessages, referralMessages, participantMessages, guaranteeMessages]);
/** The words of the readable copy, block by block, as the PDF renders them. */
const blockText = (b: PdfBlock): string =>
  b.kind === 'heading' || b.kind === 'paragraph'
    ? b.text
    : b.kind === 'list'
      ? b.items.join('\n')
      : b.kind === 'facts'
        ? b.rows.map((r) => `${r.label}: ${r.value}`).join('\n')
        : b.kind === 'chart'
          ? `${b.chart.title}\n${b.chart.description}`
          : b.kind === 'table'
            ? [b.head, ...b.rows].map((r) => r.join(' | ')).join('\n')
            : '';
/** The person's readable copy, from the record the download is built from, in their language. */
async function readableCopy(b: Browser, lang: 'en' | 'cy') {
  const p = await t.services.participants.loadSession(b.jar.get(PARTICIPANT_COOKIE));
  if (!p) throw new Error('not signed in');
  return buildExportPdf(await t.services.participants.export(p), translator(lang), lang, t.clock.now());
}

describe(`the participant's own view on ${testDatabaseKind}`, () => {
  test('asking for a link sends one by email; an unknown address gets the same page and nothing is sent', async () => {
    const person = newPerson('known');
    const { email } = person;
    await openCase(t, person);
    const b = browser(t.app);
    const start = await b.get('/my-support');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('name="email"');

    await askForLink(b, email.toUpperCase());
    const [mail] = await signInEmails(email);
    expect(mail?.body).toMatch(/http:\/\/localhost:\d+\/my-support\/sign-in\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+/);
    const known = await b.get('/my-support/check-email');

    const before = await countSignInEmails();
    const other = browser(t.app);
    await askForLink(other, uniqueEmail('nobody'));
    expect(await countSignInEmails()).toBe(before);
    const unknown = await other.get('/my-support/check-email');
    expect(visibleText(unknown.body)).toBe(visibleText(known.body));
  });

  test('on a local or demo service the sign-in email can be read in the outbox, audited, and its link followed', async () => {
    const person = newPerson('outbox');
    await openCase(t, person);
    await askForLink(browser(t.app), person.email);
    const admin = browser(t.app);
    await admin.signIn('tenant-admin@leicester.bridgework.example');
    const list = await admin.get('/admin/outbox');
    expect(list.statusCode).toBe(200);
    const row = await db().inTenant(leicester(), (tx) =>
      tx
        .selectFrom('notifications_outbox')
        .select('id')
        .where('recipient', '=', person.email)
        .where('template', '=', 'participant-sign-in')
        .executeTakeFirstOrThrow(),
    );
    const page = await admin.get(`/admin/outbox/${row.id}`);
    expect(page.statusCode).toBe(200);
    const link = linkIn(page.body.replace(/<[^>]+>/g, ' '));
    expect(link).not.toBe('');
    const reads = await db().inTenant(leicester(), (tx) =>
      tx.selectFrom('audit_events').select('action').where('action', '=', 'outbox.read-message').execute(),
    );
    expect(reads.length).toBeGreaterThan(0);
    const signIn = await browser(t.app).get(`/my-support/sign-in/${link}`);
    expect(signIn.statusCode).toBe(200);
    expect((await admin.get('/admin/outbox/not-a-message')).statusCode).toBe(404);
    expect((await admin.get(`/admin/outbox/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  test('the person sets how we contact them and what helps them; the next pages follow their language', async () => {
    const me = await signedInPerson({ label: 'details' });
    const form = await me.b.get('/my-support/details');
    expect(form.statusCode).toBe(200);
    const bad = await post(me.b, '/my-support/details', { _csrf: csrfOf(form.body), preferredLanguage: 'en', contactMethod: 'text' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    const ok = await post(me.b, '/my-support/details', {
      _csrf: csrfOf(form.body),
      preferredLanguage: 'cy',
      contactMethod: 'email',
      accessibilityNeeds: 'A quiet room',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/my-support/details?saved=1');
    const saved = await me.b.get('/my-support/details?saved=1');
    expect(saved.body).toContain('Mae eich manylion wedi’u cadw');
    expect(saved.body).toContain('A quiet room');
    expect((await caseOf(me.caseId, me.specialist)).participant).toMatchObject({ preferredLanguage: 'cy', accessibilityNeeds: 'A quiet room' });
  });

  test('a bad email address gets the error summary, and nothing is sent', async () => {
    const before = await countSignInEmails();
    const b = browser(t.app);
    for (const email of ['', 'not-an-email', 'a@', '@example.com']) {
      const res = await post(b, '/my-support', { _csrf: await b.csrf('/my-support'), email });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('govuk-error-summary');
      expect(res.body).toContain('href="#email"');
      expect(res.body).toMatch(/<title>Error: /);
    }
    expect(await countSignInEmails()).toBe(before);
  });

  test('the link shows a button, signs in once, and then explains it has been used', async () => {
    const person = newPerson('once');
    const { email } = person;
    await openCase(t, person);
    const b = browser(t.app);
    await askForLink(b, email);
    const link = linkIn((await signInEmails(email))[0]?.body ?? '');

    // Fetching the link (as a mail scanner would) uses nothing up.
    const shown = await b.get(`/my-support/sign-in/${link}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('<button');
    expect((await b.get(`/my-support/sign-in/${link}`)).statusCode).toBe(200);

    const signedIn = await post(b, `/my-support/sign-in/${link}`, { _csrf: csrfOf(shown.body) });
    expect(signedIn.statusCode).toBe(303);
    const cookie = signedIn.cookies.find((c) => c.name === 'bw_participant');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/my-support' });
    expect((await b.get('/my-support/plan')).statusCode).toBe(200);
    expect((await b.get('/my-support')).headers.location).toBe('/my-support/plan');

    const again = browser(t.app);
    const used = await again.get(`/my-support/sign-in/${link}`);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('href="/my-support"');
    const usedPost = await post(again, `/my-support/sign-in/${link}`, { _csrf: await again.csrf('/my-support') });
    expect(usedPost.statusCode).toBe(410);
    expect(again.jar.has('bw_participant')).toBe(false);
  });

  test('an expired link, or one that was never sent, fails with a page explaining, not an error', async () => {
    const person = newPerson('late');
    const { email } = person;
    await openCase(t, person);
    const b = browser(t.app);
    await askForLink(b, email);
    const link = linkIn((await signInEmails(email))[0]?.body ?? '');
    const csrf = await b.csrf('/my-support');
    t.clock.advance(21 * 60_000);
    const late = await b.get(`/my-support/sign-in/${link}`);
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain('This sign-in link has expired or has already been used');
    expect((await post(b, `/my-support/sign-in/${link}`, { _csrf: csrf })).statusCode).toBe(410);
    for (const junk of ['x', `${leicester()}.nope`, '------------------------------------.abc', `${link}x`]) {
      expect((await b.get(`/my-support/sign-in/${encodeURIComponent(junk)}`)).statusCode).toBe(410);
      expect((await post(b, `/my-support/sign-in/${encodeURIComponent(junk)}`, { _csrf: csrf })).statusCode).toBe(410);
    }
    expect(b.jar.has('bw_participant')).toBe(false);
  });

  test('every page but the start and sign-in needs a session, and signing out ends it', async () => {
    const anonymous = browser(t.app);
    for (const path of [
      '/my-support/plan',
      '/my-support/details',
      '/my-support/consent',
      '/my-support/download',
      '/my-support/download.json',
      '/my-support/download.fhir.json',
      '/my-support/download.pdf',
      '/my-support/leave',
    ]) {
      const res = await anonymous.get(path);
      expect(res.statusCode, path).toBe(303);
      expect(res.headers.location).toBe('/my-support');
    }
    const forged = await t.app.inject({ method: 'GET', url: '/my-support/plan', headers: { cookie: `bw_participant=${leicester()}.forged` } });
    expect(forged.headers.location).toBe('/my-support');

    const { b } = await signedInPerson({ label: 'signout' });
    const plan = await b.get('/my-support/plan');
    const out = await post(b, '/my-support/sign-out', { _csrf: csrfOf(plan.body) });
    expect(out.headers.location).toBe('/my-support/signed-out');
    expect(b.jar.has('bw_participant')).toBe(false);
    expect((await b.get('/my-support/signed-out')).statusCode).toBe(200);
    expect((await b.get('/my-support/plan')).headers.location).toBe('/my-support');
  });

  test('the person adds their own action and marks it done, and adds a note', async () => {
    const { b, caseId, specialist } = await signedInPerson({ label: 'plan' });
    await t.services.cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Find part-time work in a library', owner: 'participant' });
    const theirs = await t.services.cases.addPlanItem(specialist, caseId, { kind: 'action', text: 'Call the library manager', owner: 'specialist' });

    const form = await b.get('/my-support/plan/add-action');
    expect(form.statusCode).toBe(200);
    const added = await post(b, '/my-support/plan/add-action', {
      _csrf: csrfOf(form.body),
      text: 'Update my CV',
      'dueOn-day': '4',
      'dueOn-month': '12',
      'dueOn-year': '2026',
    });
    expect(added.statusCode, added.body.slice(0, 500)).toBe(303);
    expect(added.headers.location).toBe('/my-support/plan?saved=action');
    const plan = await b.get('/my-support/plan?saved=action');
    expect(plan.body).toContain('Your action has been added');
    expect(plan.body).toContain('Update my CV');
    expect(plan.body).toContain('4 December 2026');
    expect(plan.body).toContain('Find part-time work in a library');
    expect(plan.body).toContain('Call the library manager');

    const view = await caseOf(caseId, specialist);
    const mine = view.plan.find((i) => i.text === 'Update my CV');
    expect(mine).toMatchObject({ owner: 'participant', addedBy: 'participant', dueOn: '2026-12-04', status: 'open' });
    // Only their own actions have a "done" button; the specialist's cannot be changed by them.
    expect(plan.body).toContain(`/my-support/plan/actions/${mine?.id}/done`);
    expect(plan.body).not.toContain(`/my-support/plan/actions/${theirs}/done`);
    const refused = await post(b, `/my-support/plan/actions/${theirs}/done`, { _csrf: csrfOf(plan.body) });
    expect(refused.statusCode).toBe(403);

    const done = await post(b, `/my-support/plan/actions/${mine?.id}/done`, { _csrf: csrfOf(plan.body) });
    expect(done.headers.location).toBe('/my-support/plan?saved=done');
    const after = await caseOf(caseId, specialist);
    expect(after.plan.find((i) => i.id === mine?.id)?.status).toBe('done');
    expect(after.plan.find((i) => i.id === theirs)?.status).toBe('open');

    const noteForm = await b.get('/my-support/plan/add-note');
    const note = await post(b, '/my-support/plan/add-note', { _csrf: csrfOf(noteForm.body), body: 'My back was better this week' });
    expect(note.headers.location).toBe('/my-support/plan?saved=note');
    const withNote = await b.get('/my-support/plan?saved=note');
    expect(withNote.body).toContain('My back was better this week');
    const notes = (await caseOf(caseId, specialist)).notes;
    expect(notes.find((n) => n.body === 'My back was better this week')).toMatchObject({ kind: 'participant', authorKind: 'participant' });
  });

  test('the plan page shows appointments coming up and past', async () => {
    const { b, caseId, specialist, email } = await signedInPerson({ label: 'appointments' });
    await t.services.cases.bookAppointment(specialist, caseId, { date: '2026-12-10', time: '10:30', mode: 'video', place: '' });
    const earlier = await t.services.cases.bookAppointment(specialist, caseId, {
      date: '2026-12-01',
      time: '14:00',
      mode: 'in-person',
      place: 'Leicester Library',
    });
    t.clock.advance(9 * 86_400_000);
    await t.services.cases.recordOutcome(specialist, caseId, earlier, { outcome: 'attended' });
    // A week on, the session has long ended: a new link.
    expect((await b.get('/my-support/plan')).headers.location).toBe('/my-support');
    await signIn(b, email);
    const plan = await b.get('/my-support/plan');
    expect(plan.statusCode).toBe(200);
    const text = visibleText(plan.body);
    expect(text).toContain('Leicester Library');
    expect(text).toContain('Attended');
    expect(text).toMatch(/Coming up .*10 December 2026/);
  });

  test('another person’s session sees none of this person’s items and cannot change them', async () => {
    const alice = await signedInPerson({ label: 'alice' });
    const bob = await signedInPerson({ label: 'bob' });
    const form = await alice.b.get('/my-support/plan/add-action');
    await post(alice.b, '/my-support/plan/add-action', { _csrf: csrfOf(form.body), text: 'Alice’s private action' });
    const item = (await caseOf(alice.caseId, alice.specialist)).plan.find((i) => i.text === 'Alice’s private action');
    expect(item).toBeDefined();

    const bobPlan = await bob.b.get('/my-support/plan');
    expect(bobPlan.body).not.toContain('Alice’s private action');
    const attempt = await post(bob.b, `/my-support/plan/actions/${item?.id}/done`, { _csrf: csrfOf(bobPlan.body) });
    expect(attempt.statusCode).toBe(404);
    expect((await caseOf(alice.caseId, alice.specialist)).plan.find((i) => i.id === item?.id)?.status).toBe('open');
    const json = await bob.b.get('/my-support/download.json');
    expect(json.body).not.toContain('Alice’s private action');
    expect(json.body).not.toContain(alice.email);
  });

  test('withdrawing consent to contact employers takes effect at once', async () => {
    const { b, caseId, specialist } = await signedInPerson({ label: 'consent' });
    const page = await b.get('/my-support/consent');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="contact-employers"');

    const give = await post(b, '/my-support/consent', { _csrf: csrfOf(page.body), scopes: ['share-with-health-team', 'contact-employers'] });
    expect(give.statusCode).toBe(303);
    expect(give.headers.location).toContain('given=contact-employers');
    const given = await b.get(give.headers.location as string);
    expect(visibleText(given.body)).toContain('You now agree to: Contact employers on my behalf');
    await t.services.cases.addNote(specialist, caseId, { kind: 'employer-contact', body: 'Spoke to the library about a role' });

    const withdraw = await post(b, '/my-support/consent', { _csrf: csrfOf(page.body), scopes: 'share-with-health-team' });
    const saved = await b.get(withdraw.headers.location as string);
    const text = visibleText(saved.body);
    expect(text).toContain('This takes effect now');
    expect(text).toContain('You no longer agree to: Contact employers on my behalf');
    await expect(t.services.cases.addNote(specialist, caseId, { kind: 'employer-contact', body: 'Called another employer' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const view = await caseOf(caseId, specialist);
    expect(view.participant.consentScopes).toEqual(['share-with-employment-team', 'share-with-health-team']);

    // Nothing ticked withdraws every choice, also at once.
    await post(b, '/my-support/consent', { _csrf: csrfOf(page.body) });
    expect((await caseOf(caseId, specialist)).participant.consentScopes).toEqual(['share-with-employment-team']);
  });

  test('the FHIR record download, offered in English on the download page, is a valid document Bundle and the same each time', async () => {
    const { b, caseId, specialist } = await signedInPerson({ label: 'fhir' });
    await t.services.cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Work in a garden centre', owner: 'participant' });
    const page = await b.get('/my-support/download');
    expect(page.body).toContain(participantMessages.en['participant.download.fhir']);
    expect(page.body).toContain('href="/my-support/download.fhir.json"');
    const res = await b.get('/my-support/download.fhir.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="bridgework-my-record.fhir.json"');
    const bundle = JSON.parse(res.body) as { type: string };
    expect(validateDocumentBundle(bundle)).toEqual([]);
    expect(res.body).toContain('Work in a garden centre');
    expect((await b.get('/my-support/download.fhir.json')).body).toBe(res.body);
  });

  test('the JSON export holds the person’s data, health included, in the documented shape, and is audited', async () => {
    const { b, caseId, specialist, email, dateOfBirth } = await signedInPerson({ label: 'export' });
    await t.services.cases.updateProfile(specialist, caseId, { skills: 'Customer service', healthInOwnWords: 'Some days my back is stiff' });
    await t.services.cases.addPlanItem(specialist, caseId, { kind: 'action', text: 'Look at library jobs', owner: 'participant', dueOn: '2026-12-20' });
    await t.services.cases.bookAppointment(specialist, caseId, { date: '2026-12-30', time: '11:00', mode: 'phone', place: '' });
    await t.services.cases.startJob(specialist, caseId, {
      employer: 'City Library',
      role: 'Library assistant',
      hoursPerWeek: '16',
      hourlyPay: '12.60',
      contractType: 'permanent',
      startDate: '2026-12-01',
    });

    const res = await b.get('/my-support/download.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.json"$/);
    const data = participantExportSchema.parse(JSON.parse(res.body));
    expect(data).toMatchObject({
      format: 'bridgework.participant-record',
      version: 1,
      person: { givenName: 'Alex', familyName: 'Morgan', dateOfBirth },
      contact: { email, postcode: 'LE1 6ZG' },
      preferences: { language: 'en', contactMethod: 'email', doNotContact: ['post'] },
      participation: { regime: 'voluntary-health' },
      referral: {
        helpWanted: 'A job with flexible hours',
        health: {
          conditionsText: 'Back pain and low mood',
          conditionCategories: ['musculoskeletal', 'mental-health'],
          fitNote: 'may-be-fit',
          fitNoteAdvice: 'Phased return',
        },
      },
      case: { id: caseId, phase: 'in-work' },
      profile: { skills: 'Customer service', healthInOwnWords: 'Some days my back is stiff' },
    });
    expect(data.consents.current).toContain('share-with-employment-team');
    expect(data.plan.map((i) => i.text)).toContain('Look at library jobs');
    expect(data.appointments[0]).toMatchObject({ mode: 'phone', attendanceRequired: false });
    expect(data.jobs[0]).toMatchObject({ employer: 'City Library', hoursPerWeek: 16, hourlyPay: 12.6, startDate: '2026-12-01', weeks: [] });
    expect(data.history.map((e) => e.kind)).toEqual(expect.arrayContaining(['profile', 'plan', 'appointment', 'job-start']));
    expect(data.generatedAt).toBe(t.clock.now().toISOString());
    // A job, but no benefit before work recorded: no guarantee, and both sections are there, empty.
    expect(data.benefitsBeforeWork).toEqual([]);
    expect(data.bridgeBackGuarantees).toEqual([]);

    const audited = await db().inTenant(leicester(), (tx) =>
      tx.selectFrom('audit_events').select(['actor_kind', 'record_id']).where('action', '=', 'participant.export').execute(),
    );
    const participantId = (await caseOf(caseId, specialist)).participant.id;
    expect(audited).toContainEqual({ actor_kind: 'participant', record_id: participantId });
  });

  test('the PDF export is a PDF, downloaded as an attachment, in the person’s language', async () => {
    const { b } = await signedInPerson({ label: 'pdf', language: 'cy' });
    const download = await b.get('/my-support/download');
    expect(download.body).toContain('href="/my-support/download.pdf"');
    const res = await b.get('/my-support/download.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(res.rawPayload.toString('latin1')).toContain('/Lang (cy-GB)');
    // Nothing recorded about benefits: the sections are there (headings are the PDF's bookmarks), saying so.
    for (const heading of ['Eich budd-dal cyn gweithio', 'Eich gwarantau pont yn ôl']) expect(res.rawPayload.toString('latin1')).toContain(pdfString(heading));
    const blocks = (await readableCopy(b, 'cy')).blocks.map(blockText);
    const at = blocks.indexOf('Eich budd-dal cyn gweithio');
    expect(blocks.slice(at, at + 4)).toEqual(['Eich budd-dal cyn gweithio', 'Dim wedi’i gofnodi.', 'Eich gwarantau pont yn ôl', 'Dim wedi’i gofnodi.']);
  });

  test('the download holds the person’s benefit before work and bridge-back guarantee, and only theirs, in JSON and in the PDF in English and Welsh', async () => {
    const words = {
      en: {
        sections: ['Your benefit before work', 'Your bridge-back guarantees', 'Guarantee for Baker at Leicester Bakery'],
        facts: [
          'Benefit: Universal Credit with limited capability for work and work-related activity (LCWRA)',
          'Decision date: 1 June 2025',
          'Evidence seen: Award letter',
          'Status: Active',
          'Protected from: 16 November 2026',
          'Protected until: 16 May 2027',
          'Protected by: Universal Credit 6-month rule',
          // The timeline names what happened, in words.
          'Benefit before work recorded',
          'Bridge-back guarantee |',
        ],
      },
      cy: {
        sections: ['Eich budd-dal cyn gweithio', 'Eich gwarantau pont yn ôl', 'Gwarant ar gyfer Baker yn Leicester Bakery'],
        facts: [
          'Dyddiad y penderfyniad: 1 Mehefin 2025',
          'Statws: Mewn grym',
          'Wedi’i gwarchod o: 16 Tachwedd 2026',
          'Wedi’i gwarchod tan: 16 Mai 2027',
          'Cofnodwyd y budd-dal cyn gweithio',
          'Gwarant pont yn ôl |',
        ],
      },
    } as const;
    for (const lang of ['en', 'cy'] as const) {
      const { b, caseId, specialist } = await signedInPerson({ label: `benefits-${lang}`, language: lang });
      await t.services.guarantees.recordAward(specialist, caseId, { benefit: 'uc-lcwra', decisionDate: '2025-06-01', evidence: ['award-letter'] });
      const jobId = await t.services.cases.startJob(specialist, caseId, {
        employer: 'Leicester Bakery',
        role: 'Baker',
        hoursPerWeek: '16',
        hourlyPay: '12.50',
        contractType: 'permanent',
        startDate: '2026-11-16',
      });
      const { awards, guarantees } = await t.services.guarantees.forCase(specialist, caseId);
      const [award] = awards;
      const [guarantee] = guarantees;
      if (!award || !guarantee) throw new Error('no award or guarantee');

      // The JSON copy: both, in the documented shape, and nobody else's (every earlier person here has theirs too).
      const data = participantExportSchema.parse(JSON.parse((await b.get('/my-support/download.json')).body));
      expect(data.version).toBe(1);
      expect(data.benefitsBeforeWork).toEqual([
        {
          id: award.id,
          caseId,
          benefit: 'uc-lcwra',
          esaGroup: null,
          decisionDate: '2025-06-01',
          evidence: ['award-letter'],
          evidenceNote: '',
          recordedAt: t.clock.now().toISOString(),
          recordedBy: specialist.displayName,
        },
      ]);
      expect(data.bridgeBackGuarantees).toHaveLength(1);
      expect(data.bridgeBackGuarantees?.[0]).toMatchObject({
        id: guarantee.id,
        caseId,
        benefitBeforeWorkId: award.id,
        status: 'active',
        job: { id: jobId, employer: 'Leicester Bakery', role: 'Baker', startDate: '2026-11-16' },
        startsOn: '2026-11-16',
        protectedUntil: '2027-05-16',
        protectingRule: 'uc-reclaim',
        verificationCode: guarantee.verificationCode,
        remindedAt: null,
        usedAt: null,
        withdrawnAt: null,
        withdrawnReason: null,
      });
      expect(data.bridgeBackGuarantees?.[0]?.rules.applied.map((r) => [r.rule, r.until, r.statutory])).toEqual([
        ['uc-reclaim', '2027-05-16', true],
        ['platform-protected-period', '2027-05-16', false],
      ]);

      // The PDF, in the person's language: the sections and the guarantee are its bookmarks, and its words are theirs.
      const pdf = (await b.get('/my-support/download.pdf')).rawPayload.toString('latin1');
      expect(pdf).toContain(`/Lang (${lang}-GB)`);
      for (const heading of words[lang].sections) expect(pdf, heading).toContain(pdfString(heading));
      const text = (await readableCopy(b, lang)).blocks.map(blockText).join('\n');
      for (const fact of words[lang].facts) expect(text, fact).toContain(fact);
      expect(text).toContain(guarantee.verificationCode);
      expect(text.match(/BW-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/g)).toEqual([guarantee.verificationCode]);
      expect(findObligationWording(text)).toEqual([]);
    }
  });

  test('leaving closes the case as left-programme, completes the referral, and says it costs nothing', async () => {
    const { b, caseId, referralId, specialist } = await signedInPerson({ label: 'leave' });
    // Leaving is offered plainly on the home page (the plan), not as a section of the main navigation.
    const home = (await b.get('/my-support/plan')).body;
    const nav = /<nav[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '';
    expect(nav).toContain('/my-support/plan');
    expect(nav).not.toContain('/my-support/leave');
    expect(home).toContain('<a class="govuk-link" href="/my-support/leave">Leave the programme</a>');
    const page = await b.get('/my-support/leave');
    expect(page.statusCode).toBe(200);
    const csrf = csrfOf(page.body);

    const unanswered = await post(b, '/my-support/leave', { _csrf: csrf });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('href="#confirm"');
    expect(unanswered.body).toContain('Select yes to leave the programme');
    const stay = await post(b, '/my-support/leave', { _csrf: csrf, confirm: 'no' });
    expect(stay.headers.location).toBe('/my-support/plan');
    expect((await caseOf(caseId, specialist)).summary.phase).not.toBe('closed');
    // The confirmation needs the case closed first.
    expect((await b.get('/my-support/left')).headers.location).toBe('/my-support/plan');

    const left = await post(b, '/my-support/leave', { _csrf: csrf, confirm: 'yes' });
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe('/my-support/left');
    const confirmation = visibleText((await b.get('/my-support/left')).body);
    expect(confirmation).toContain('You have left the programme');
    expect(confirmation).toContain('Leaving has no effect on your benefits');
    expect(confirmation).toContain('You can come back at any time');
    expect(confirmation).toContain('Refer yourself online');

    const view = await caseOf(caseId, specialist);
    expect(view.summary).toMatchObject({ phase: 'closed', closureReason: 'left-programme' });
    const referral = await db().inTenant(leicester(), (tx) =>
      referralTables(tx).selectFrom('referrals').select('status').where('id', '=', referralId).executeTakeFirstOrThrow(),
    );
    expect(referral.status).toBe('completed');

    const plan = visibleText((await b.get('/my-support/plan')).body);
    expect(plan).toContain('Your support has ended');
    expect(plan).toContain('Left the programme');
    expect((await b.get('/my-support/plan')).body).not.toContain('/my-support/plan/add-action');
    expect(visibleText((await b.get('/my-support/leave')).body)).toContain('Your support has already ended');
    const twice = await post(b, '/my-support/leave', { _csrf: csrf, confirm: 'yes' });
    expect(twice.statusCode).toBe(409);
    // Their record is still theirs to download.
    expect((await b.get('/my-support/download.json')).statusCode).toBe(200);
  });

  test('a person who prefers Welsh gets Welsh pages and a Welsh email, unless they switch', async () => {
    const { b, email } = await signedInPerson({ label: 'cymraeg', language: 'cy' });
    const [mail] = await signInEmails(email);
    expect(mail?.language).toBe('cy');
    expect(mail?.subject).not.toBe('Your link to see your support plan');

    const plan = await b.get('/my-support/plan');
    expect(plan.body).toContain('<html lang="cy"');
    expect(plan.body).toContain('Eich cynllun');
    expect(plan.body).toContain('Allgofnodi');
    for (const [path, words] of [
      ['/my-support/consent', 'Yr hyn rydych chi’n cytuno iddo'],
      ['/my-support/details', 'Sut rydyn ni’n cysylltu â chi'],
      ['/my-support/download', 'Lawrlwytho eich gwybodaeth'],
      ['/my-support/leave', 'Nid yw gadael yn effeithio ar eich budd-daliadau'],
      ['/my-support/plan/add-action', 'Ychwanegu cam gweithredu'],
    ] as const) {
      expect((await b.get(path)).body, path).toContain(words);
    }
    const bad = await post(b, '/my-support/plan/add-action', { _csrf: csrfOf(plan.body), text: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mae problem');

    // The language link wins over the recorded preference.
    b.jar.set('bw_lang', 'en');
    const english = await b.get('/my-support/plan');
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toContain('Your plan');
    // Where they are, in their own words: not the phase's name in the IPS model that staff use.
    expect(visibleText(english.body)).toMatch(/Where you are now: (getting to know each other|working out what work would suit you|looking for work)/);
    expect(english.body).not.toMatch(/Vocational profile|Job search/);
    const welshStart = await browser(t.app).get('/my-support', { 'accept-language': 'cy' });
    expect(welshStart.body).toContain('Gweld eich cymorth cyflogaeth');
  });

  test('no page a participant sees, nor the sign-in email, in English or Welsh, has obligation or sanction wording', async () => {
    const seen: [string, string][] = [];
    for (const language of ['en', 'cy'] as const) {
      const anon = browser(t.app);
      const lang = { cookie: `bw_lang=${language}` };
      anon.jar.set('bw_lang', language);
      for (const path of ['/my-support', '/my-support/check-email', '/my-support/signed-out', '/my-support/sign-in/nope']) {
        seen.push([`${language} ${path}`, (await anon.get(path, lang)).body]);
      }
      seen.push([`${language} start error`, (await post(anon, '/my-support', { _csrf: await anon.csrf('/my-support'), email: 'x' })).body]);

      const { b, email, caseId, specialist } = await signedInPerson({ label: `wording-${language}`, language });
      await t.services.cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Work in a library', owner: 'participant' });
      await t.services.cases.addPlanItem(specialist, caseId, { kind: 'action', text: 'Visit the library', owner: 'participant' });
      await t.services.cases.bookAppointment(specialist, caseId, { date: '2027-01-10', time: '10:00', mode: 'in-person', place: 'Library' });
      const [mail] = await signInEmails(email);
      seen.push([`${language} email`, `${mail?.subject}\n${mail?.body}`]);
      const plan = await b.get('/my-support/plan');
      const csrf = csrfOf(plan.body);
      await post(b, '/my-support/consent', { _csrf: csrf, scopes: 'contact-employers' });
      for (const path of [
        '/my-support/plan',
        '/my-support/plan?saved=action',
        '/my-support/plan/add-action',
        '/my-support/plan/add-note',
        '/my-support/details',
        '/my-support/details?saved=1',
        '/my-support/consent',
        '/my-support/consent?saved=1&withdrawn=share-with-health-team&given=contact-employers',
        '/my-support/download',
        '/my-support/download.json',
        '/my-support/leave',
      ]) {
        seen.push([`${language} ${path}`, (await b.get(path)).body]);
      }
      seen.push([`${language} action error`, (await post(b, '/my-support/plan/add-action', { _csrf: csrf, text: '', 'dueOn-day': '40' })).body]);
      seen.push([`${language} note error`, (await post(b, '/my-support/plan/add-note', { _csrf: csrf, body: ' ' })).body]);
      seen.push([`${language} consent error`, (await post(b, '/my-support/consent', { _csrf: csrf, scopes: 'everything' })).body]);
      seen.push([`${language} leave error`, (await post(b, '/my-support/leave', { _csrf: csrf })).body]);
      await post(b, '/my-support/leave', { _csrf: csrf, confirm: 'yes' });
      for (const path of ['/my-support/left', '/my-support/plan', '/my-support/consent', '/my-support/leave']) {
        seen.push([`${language} closed ${path}`, (await b.get(path)).body]);
      }
    }
    expect(seen.length).toBeGreaterThan(40);
    const found = seen.map(([where, html]) => [where, findObligationWording(visibleText(html))] as const);
    expect(found.filter(([, words]) => words.length > 0)).toEqual([]);
    expect(seen.find(([where]) => where === 'cy /my-support/plan')?.[1]).toContain('lang="cy"');
  });
});

describe(`bad input to the participant's forms on ${testDatabaseKind}`, () => {
  const NASTY = ['', ' ', 'x'.repeat(5000), '\u0000', '<script>alert(1)</script>', '{{ 7*7 }}', "' or 1=1 --", '😀🏴󠁧󠁢󠁷󠁬󠁳󠁿', '-1', '1e309', 'null'];
  const junk = fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ maxLength: 30 }),
    fc.string({ minLength: 4001, maxLength: 4100 }),
    fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }),
  );

  /** Everything a participant's forms could change, and the outbox. */
  async function snapshot(caseId: string, specialist: Awaited<ReturnType<typeof openCase>>['specialist']) {
    const view = await caseOf(caseId, specialist);
    return {
      plan: view.plan.map((i) => `${i.id}:${i.status}`),
      notes: view.notes.length,
      consents: view.participant.consentScopes,
      details: [view.participant.accessibilityNeeds, view.participant.preferredLanguage, view.participant.contactMethod],
      phase: view.summary.phase,
      emails: await countSignInEmails(),
      sessions: (await db().inTenant(leicester(), (tx) => sql<{ n: string }>`select count(*) as n from participant_sessions`.execute(tx))).rows[0]?.n,
    };
  }

  test('every form answers 4xx to bad input and nothing changes', async () => {
    const { b, caseId, specialist } = await signedInPerson({ label: 'junk' });
    const before = await snapshot(caseId, specialist);
    const csrf = csrfOf((await b.get('/my-support/plan')).body);
    const failures: string[] = [];
    const check = async (label: string, url: string, form: Form) => {
      const res = await post(b, url, { _csrf: csrf, ...form });
      if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${label} ${url} ${JSON.stringify(form).slice(0, 120)} → ${res.statusCode}`);
    };
    const isValidEmail = (v: unknown) => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());
    const validText = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.trim().length <= max;

    for (const value of NASTY) {
      if (!isValidEmail(value)) await check('nasty', '/my-support', { email: value });
      await check('nasty', '/my-support/plan/add-action', { text: value.trim() ? 'x'.repeat(501) : value, 'dueOn-day': value });
      await check('nasty', '/my-support/plan/add-action', { text: 'Fine', 'dueOn-day': value || 'x', 'dueOn-month': '13', 'dueOn-year': value });
      if (!validText(value, 4000)) await check('nasty', '/my-support/plan/add-note', { body: value });
      await check('nasty', '/my-support/consent', { scopes: [value, 'contact-employers'] });
      await check('nasty', '/my-support/leave', { confirm: value });
      await check('nasty', '/my-support/details', { preferredLanguage: value, contactMethod: 'email', accessibilityNeeds: 'x' });
      await check('nasty', '/my-support/details', { preferredLanguage: 'cy', contactMethod: value, accessibilityNeeds: 'x' });
      await check('nasty', `/my-support/plan/actions/${encodeURIComponent(value || 'x')}/done`, {});
      await check('nasty', `/my-support/sign-in/${encodeURIComponent(value || 'x')}`, {});
    }
    await check('unknown item', `/my-support/plan/actions/${crypto.randomUUID()}/done`, {});

    await fc.assert(
      fc.asyncProperty(
        fc.record({ email: junk, text: junk, day: junk, month: junk, year: junk, body: junk, scopes: junk, confirm: junk, id: fc.string({ maxLength: 40 }) }),
        async (v) => {
          if (!isValidEmail(v.email)) await check('generated', '/my-support', { email: v.email });
          // An action is refused when its words are not right, or its date is not a date.
          const actionForm = { text: v.text, 'dueOn-day': v.day, 'dueOn-month': v.month, 'dueOn-year': v.year };
          if (!validText(v.text, 500)) await check('generated', '/my-support/plan/add-action', actionForm);
          else await check('generated', '/my-support/plan/add-action', { ...actionForm, 'dueOn-day': '31', 'dueOn-month': '2', 'dueOn-year': '2027' });
          if (!validText(v.body, 4000)) await check('generated', '/my-support/plan/add-note', { body: v.body });
          await check('generated', '/my-support/consent', { scopes: [v.scopes, 'share-with-jobcentre'].flat().map((s) => `${s}!`) });
          if (v.confirm !== 'yes' && v.confirm !== 'no') await check('generated', '/my-support/leave', { confirm: v.confirm });
          // Details: a language or way of contact that is not one of the choices, or needs too long.
          await check('generated', '/my-support/details', { preferredLanguage: `${v.scopes}!`, contactMethod: 'email', accessibilityNeeds: v.body });
          await check('generated', '/my-support/details', { preferredLanguage: 'cy', contactMethod: 'post', accessibilityNeeds: 'x'.repeat(1001) });
          await check('generated', `/my-support/plan/actions/${encodeURIComponent(v.id || 'x')}/done`, {});
        },
      ),
      { numRuns: 40 },
    );
    expect(failures).toEqual([]);
    expect(await snapshot(caseId, specialist)).toEqual(before);
  }, 120_000);

  test('a form posted without its CSRF token is refused and changes nothing', async () => {
    const { b, caseId, specialist } = await signedInPerson({ label: 'csrf' });
    const before = await snapshot(caseId, specialist);
    for (const [url, form] of [
      ['/my-support/plan/add-action', { text: 'Sneaky action' }],
      ['/my-support/plan/add-note', { body: 'Sneaky note' }],
      ['/my-support/consent', {}],
      ['/my-support/details', { preferredLanguage: 'cy', contactMethod: 'post' }],
      ['/my-support/leave', { confirm: 'yes' }],
    ] as const) {
      const res = await post(b, url, form);
      expect(res.statusCode, url).toBe(403);
    }
    expect(await snapshot(caseId, specialist)).toEqual(before);
  });
});
