import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normaliseRecord, recordMessages } from '../../src/domains/records/index.ts';
import { validateDocumentBundle } from '../../src/platform/fhir/index.ts';
import { visibleText } from '../support/code-like.ts';
import { makeReferral, staffPrincipal } from '../support/referrals.ts';
import { type Browser, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// A person's record that moves with them (ADR 0048): sent from Leicester, taken in by Cardiff, the
// same record on both sides, once however often it is taken in, bad files refused with nothing
// written; the subject-access copy; and the staff pages in English and Welsh.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const en = recordMessages.en;
const cy = recordMessages.cy;
const consent = { consentGivenOn: '2026-11-30', consentMethod: 'verbal' };
type Json = Record<string, unknown>;

const admin = (tenant: 'leicester' | 'cardiff') => staffPrincipal(t, tenant, `tenant-admin@${tenant}.bridgework.example`);

/** A Leicester case with a bit of everything on it; its participant id and referral reference. */
async function aPersonWithARecord(givenName: string) {
  const referral = await makeReferral(t, 'leicester', { identifier: crypto.randomUUID(), nhsNumber: '', givenName });
  const specialist = await staffPrincipal(t, 'leicester', 'specialist@leicester.bridgework.example');
  const { caseId } = await t.services.referrals.accept(specialist, referral.id, {});
  if (!caseId) throw new Error('no case');
  const cases = t.services.cases;
  await cases.updateProfile(specialist, caseId, { skills: 'Customer service', wants: 'Library work' });
  await cases.addPlanItem(specialist, caseId, { kind: 'goal', text: 'Part-time work in a library', owner: 'participant' });
  await cases.addPlanItem(specialist, caseId, { kind: 'action', text: 'Visit the central library', owner: 'participant', dueOn: '2026-12-20' });
  await cases.bookAppointment(specialist, caseId, { date: '2026-12-30', time: '11:00', mode: 'phone', place: '' });
  await cases.startJob(specialist, caseId, {
    employer: 'City Library',
    role: 'Library assistant',
    hoursPerWeek: '16',
    hourlyPay: '12.60',
    contractType: 'permanent',
    startDate: '2026-12-01',
  });
  const participantId = (await cases.view(specialist, caseId)).participant.id;
  return { participantId, reference: referral.reference, caseId };
}

const count = async (tenant: 'leicester' | 'cardiff', table: 'record_transfers_in' | 'record_transfers_out') => {
  const r = await t.testDb.db.inTenant(t.tenants[tenant], (tx) => sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(tx));
  return Number(r.rows[0]?.n);
};
const audits = async (tenant: 'leicester' | 'cardiff', action: string) => {
  const r = await t.testDb.db.inTenant(t.tenants[tenant], (tx) =>
    sql<{ reason: string; record_id: string }>`select reason, record_id from audit_events where action = ${action}`.execute(tx),
  );
  return r.rows;
};

describe(`a record that moves with the person, on ${testDatabaseKind}`, () => {
  test('sent from Leicester and taken in by Cardiff, it is the same record, with where it came from; the sender records that it left', async () => {
    const person = await aPersonWithARecord('Morwenna');
    const sent = await t.services.records.transferOut(await admin('leicester'), person.participantId, {
      destination: 'Cardiff employment support',
      ...consent,
    });
    expect(validateDocumentBundle(sent.bundle)).toEqual([]);
    const outs = await t.services.records.transfersOut(await admin('leicester'), person.participantId);
    expect(outs).toMatchObject([{ id: sent.id, destination: 'Cardiff employment support', consentGivenOn: '2026-11-30', consentMethod: 'verbal' }]);
    expect((await audits('leicester', 'record.transfer-out')).some((a) => a.record_id === person.participantId)).toBe(true);
    expect((await audits('leicester', 'participant.export.transfer')).length).toBeGreaterThan(0);

    const cardiff = await admin('cardiff');
    const taken = await t.services.records.importRecord({ kind: 'user', user: cardiff }, JSON.stringify(sent.bundle), consent);
    expect(taken).toMatchObject({ duplicate: false, personName: 'Morwenna Morgan' });
    const shown = await t.services.records.transferIn(cardiff, taken.id);
    // The same record, compared in its normal form, and the Bundle itself unchanged.
    expect(shown.parts).toEqual(normaliseRecord(sent.bundle));
    expect(await t.services.records.transferInBundle(cardiff, taken.id)).toEqual(sent.bundle);
    const words = JSON.stringify(shown.parts);
    for (const fact of ['Part-time work in a library', 'Visit the central library', 'Library assistant', 'City Library', 'Customer service', 'Morwenna Morgan'])
      expect(words).toContain(fact);
    expect(shown.transfer).toMatchObject({
      senderName: 'Leicester City Council',
      senderGssCode: 'E06000016',
      consentMethod: 'verbal',
      importedByName: cardiff.displayName,
    });
    expect((await audits('cardiff', 'record.transfer-in')).map((a) => a.record_id)).toContain(taken.id);
    // Leicester does not see what Cardiff took in.
    expect((await t.services.records.transfersIn(await admin('leicester'))).map((r) => r.id)).not.toContain(taken.id);
  });

  test('taken in twice, it is kept once', async () => {
    const person = await aPersonWithARecord('Twm');
    const sent = await t.services.records.transferOut(await admin('leicester'), person.participantId, { destination: 'Cardiff', ...consent });
    const cardiff = await admin('cardiff');
    const before = await count('cardiff', 'record_transfers_in');
    const first = await t.services.records.importRecord({ kind: 'user', user: cardiff }, JSON.stringify(sent.bundle), consent);
    const again = await t.services.records.importRecord(
      { kind: 'system', tenantId: t.tenants.cardiff, name: 'command line' },
      JSON.stringify(sent.bundle),
      consent,
    );
    expect(again).toEqual({ id: first.id, duplicate: true, personName: 'Twm Morgan' });
    expect(await count('cardiff', 'record_transfers_in')).toBe(before + 1);
  });

  test('a bad file is refused with every reason and nothing written', async () => {
    const person = await aPersonWithARecord('Bethan');
    const sent = await t.services.records.transferOut(await admin('leicester'), person.participantId, { destination: 'Cardiff', ...consent });
    const cardiff = await admin('cardiff');
    const before = { rows: await count('cardiff', 'record_transfers_in'), audits: (await audits('cardiff', 'record.transfer-in')).length };
    const broken = structuredClone(sent.bundle) as Json;
    broken.type = 'collection';
    (broken.entry as Json[]).reverse();
    const refused = t.services.records.importRecord({ kind: 'user', user: cardiff }, JSON.stringify(broken), consent);
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input' });
    const issues = (await refused.catch((e: { issues: { path: string; message: string }[] }) => e.issues)) as { path: string; message: string }[];
    expect(issues[0]).toMatchObject({ path: 'file', message: 'records.error.invalidBundle' });
    expect(issues.map((i) => i.message).join('\n')).toMatch(/bdl-11/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/document/);
    await expect(t.services.records.importRecord({ kind: 'user', user: cardiff }, '{not json', consent)).rejects.toMatchObject({
      issues: [{ message: 'records.error.notJson' }],
    });
    await expect(
      t.services.records.importRecord({ kind: 'user', user: cardiff }, JSON.stringify(sent.bundle), { consentGivenOn: '', consentMethod: 'telepathy' }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    // Back to where it came from: Leicester already holds it.
    await expect(t.services.records.importRecord({ kind: 'user', user: await admin('leicester') }, JSON.stringify(sent.bundle), consent)).rejects.toMatchObject(
      {
        issues: [{ message: 'records.error.same-area' }],
      },
    );
    expect({ rows: await count('cardiff', 'record_transfers_in'), audits: (await audits('cardiff', 'record.transfer-in')).length }).toEqual(before);
  });

  test('staff answer a subject-access request with the whole record, audited with why; only a tenant admin or IG lead may', async () => {
    const person = await aPersonWithARecord('Ceri');
    const ig = await staffPrincipal(t, 'leicester', 'ig-lead@leicester.bridgework.example');
    const bundle = await t.services.records.subjectAccess(ig, person.participantId, { reason: 'Request received 1 December' });
    expect(validateDocumentBundle(bundle)).toEqual([]);
    expect(await t.services.records.subjectAccess(ig, person.participantId, { reason: 'Again' })).toEqual(bundle);
    expect((await audits('leicester', 'participant.export.subject-access')).map((a) => a.reason)).toContain('Request received 1 December');
    const specialist = await staffPrincipal(t, 'leicester', 'specialist@leicester.bridgework.example');
    await expect(t.services.records.subjectAccess(specialist, person.participantId, { reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.records.subjectAccess(ig, person.participantId, { reason: ' ' })).rejects.toMatchObject({ code: 'invalid-input' });
    // The readable copy (PDF) has the sections other capabilities add, saying when nothing is held.
    const held = await t.services.participants.exportFor(ig, person.participantId, 'subject-access', 'PDF check');
    const translate = (key: string) => key;
    expect(held.sections.readable(translate, 'en').map((s) => [s.heading, s.blocks.length])).toEqual(
      expect.arrayContaining([
        ['atw.export.heading', 0],
        ['onward.export.heading', 0],
      ]),
    );
  });
});

/** A multipart/form-data body with one file part, as a browser sends it. */
function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = `----bw${crypto.randomUUID()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const f = file ?? { name: '', bytes: Buffer.alloc(0) };
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/json\r\n\r\n`),
    f.bytes,
    Buffer.from('\r\n'),
  );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function signedIn(email: string): Promise<Browser> {
  const b = browser(t.app);
  expect((await b.signIn(email)).statusCode).toBe(303);
  return b;
}

async function specialistPage(url: string): Promise<string> {
  const b = await signedIn('specialist@cardiff.bridgework.example');
  const res = await b.get(url);
  expect(res.statusCode).toBe(200);
  return res.body;
}

async function upload(b: Browser, fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const { body, type } = multipart({ _csrf: await b.csrf('/records/import'), ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: '/records/import',
    headers: { cookie: [...b.jar].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': type },
    payload: body,
  });
}

describe(`the record pages, on ${testDatabaseKind}`, () => {
  test('Leicester finds a person by reference and sends the record; Cardiff uploads it (Welsh pages) and sees where it came from', async () => {
    const person = await aPersonWithARecord('Aled');
    const leicester = await signedIn('tenant-admin@leicester.bridgework.example');
    const missing = await leicester.get('/records?reference=NOPE-0000');
    expect(missing.statusCode).toBe(404);
    expect(visibleText(missing.body)).toContain(en['records.error.notFound']);
    const found = await leicester.get(`/records?reference=${encodeURIComponent(person.reference)}`);
    expect(found.headers.location).toBe(`/records/person/${person.participantId}`);
    // The page names whose record it is, so that staff know they found the right person.
    const personPage = await leicester.get(found.headers.location as string);
    expect(personPage.statusCode).toBe(200);
    expect(visibleText(personPage.body)).toContain('Record of Aled');
    expect(visibleText(personPage.body)).toContain(`Referral ${person.reference}`);
    for (const form of ['subject-access', 'transfer']) {
      expect(visibleText((await leicester.get(`/records/person/${person.participantId}/${form}`)).body)).toContain('Record of Aled');
    }
    // Nobody here by that id: a 404 page, not a page about nobody.
    for (const path of ['', '/subject-access', '/transfer'])
      expect((await leicester.get(`/records/person/${crypto.randomUUID()}${path}`)).statusCode).toBe(404);

    const url = `/records/person/${person.participantId}/transfer`;
    const bad = await leicester.post(url, { _csrf: await leicester.csrf(url), destination: '' });
    expect(bad.statusCode).toBe(400);
    expect(visibleText(bad.body)).toContain(en['records.error.destination']);
    expect(visibleText(bad.body)).toContain(en['records.error.consentMethod']);
    const sent = await leicester.post(url, {
      _csrf: await leicester.csrf(url),
      destination: 'Cardiff',
      'consentGivenOn-day': '30',
      'consentGivenOn-month': '11',
      'consentGivenOn-year': '2026',
      consentMethod: 'written',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(sent.headers['content-disposition']).toMatch(/^attachment; filename="bridgework-record-transfer-.+\.fhir\.json"$/);
    expect(validateDocumentBundle(JSON.parse(sent.body))).toEqual([]);
    expect(visibleText((await leicester.get('/records')).body)).toContain('Cardiff');

    // Aled already has a case in Cardiff (same name and date of birth): the record taken in is shown on it.
    const there = await makeReferral(t, 'cardiff', { identifier: crypto.randomUUID(), nhsNumber: '', givenName: 'Aled' });
    const cardiffSpecialist = await staffPrincipal(t, 'cardiff', 'specialist@cardiff.bridgework.example');
    const { caseId: cardiffCase } = await t.services.referrals.accept(cardiffSpecialist, there.id, {});
    const cardiff = await signedIn('tenant-admin@cardiff.bridgework.example');
    const noFile = await upload(
      cardiff,
      { 'consentGivenOn-day': '1', 'consentGivenOn-month': '12', 'consentGivenOn-year': '2026', consentMethod: 'written' },
      null,
    );
    expect(noFile.statusCode).toBe(400);
    const bytes = Buffer.from(sent.body);
    const junk = await upload(
      cardiff,
      { 'consentGivenOn-day': '1', 'consentGivenOn-month': '12', 'consentGivenOn-year': '2026', consentMethod: 'written' },
      { name: 'x.json', bytes: Buffer.from('{"resourceType":"Bundle"}') },
    );
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain('govuk-error-summary');
    const ok = await upload(
      cardiff,
      { 'consentGivenOn-day': '1', 'consentGivenOn-month': '12', 'consentGivenOn-year': '2026', consentMethod: 'written' },
      { name: 'record.json', bytes },
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/^\/records\/in\/[0-9a-f-]+\?done=imported$/);
    const page = await cardiff.get(ok.headers.location as string);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain(cy['records.done.imported']);
    expect(text).toContain(cy['records.in.whereFrom']);
    expect(text).toContain('Leicester City Council (E06000016)');
    expect(text).toContain('Part-time work in a library');
    const twice = await upload(
      cardiff,
      { 'consentGivenOn-day': '1', 'consentGivenOn-month': '12', 'consentGivenOn-year': '2026', consentMethod: 'written' },
      { name: 'record.json', bytes },
    );
    expect(twice.headers.location).toBe((ok.headers.location as string).replace('imported', 'duplicate'));
    const onCase = await specialistPage(`/cases/${cardiffCase}`);
    expect(onCase).toContain((ok.headers.location as string).split('?')[0]);
    expect(onCase).toContain('Leicester City Council');
    const list = visibleText((await cardiff.get('/records')).body);
    expect(list).toContain('Aled Morgan');
    // A specialist in Cardiff sees records taken in, but cannot export or import.
    const specialist = await signedIn('specialist@cardiff.bridgework.example');
    expect((await specialist.get('/records')).statusCode).toBe(200);
    expect((await specialist.get('/records/import')).statusCode).toBe(403);
    expect((await specialist.get(`${(ok.headers.location as string).split('?')[0]}`)).statusCode).toBe(200);
  });
});
