import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { buildExport } from '../../src/domains/participants/index.ts';
import { participantExportSchema } from '../../src/domains/participants/participant-export.ts';
import { retentionMessages } from '../../src/domains/retention/index.ts';
import { createTranslator } from '../../src/platform/i18n/index.ts';
import { api, auditRows } from '../support/case-regimes.ts';
import { LEICESTER_SPECIALIST, LEICESTER_TEAM_LEAD } from '../support/cases.ts';
import { referralInput, staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// In-work retention through the pages and the FHIR edge: a GP's retention referral with its fit
// note, the plan and phased return, what the employer's named contact and the person see, the
// missed-review sweep, the outcome as an outcome fact, and fit notes as FHIR Observations.
let t: TestApp;
const START = '2026-12-03T10:00:00Z';
const en = retentionMessages.en;
const GP = 'referrer@leicester.bridgework.example';
const EMPLOYER = 'employer@leicester.bridgework.example';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(START);
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

async function signedIn(email: string) {
  const b = browser(t.app);
  await b.signIn(email);
  return b;
}

const date = (name: string, iso: string) => {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

const REFERRAL = {
  givenName: 'Sam',
  familyName: 'Carter',
  ...date('dateOfBirth', '1979-05-02'),
  addressLine1: '4 Granby Street',
  postcode: 'LE1 6FB',
  email: 'sam.carter@example.com',
  preferredLanguage: 'en',
  referredBy: 'gp',
  employerName: 'University Hospitals of Leicester NHS Trust',
  jobTitle: 'Porter',
  hoursPerWeek: '37.5',
  absentNow: 'yes',
  absenceSpells: '2',
  absenceDays: '24',
  employerConsent: 'yes',
  ...date('employerConsentOn', '2026-12-01'),
  employerContactName: 'Nadia Khan',
  fitness: 'may-be-fit',
  advice: 'phased-return',
  condition: 'Lower back pain',
  ...date('from', '2026-12-01'),
  ...date('to', '2027-01-12'),
  followUpNeeded: 'no',
  ...date('issuedOn', '2026-12-01'),
  issuerProfession: 'doctor',
  helpWanted: 'A phased return with lighter duties',
};

async function refer(b: Awaited<ReturnType<typeof signedIn>>, form: Record<string, string>) {
  const token = await b.csrf('/retention/refer');
  return b.post('/retention/refer', { _csrf: token, ...form });
}

const rows = <T>(q: (tx: Parameters<Parameters<TestApp['testDb']['db']['inTenant']>[1]>[0]) => Promise<{ rows: T[] }>) =>
  t.testDb.db.inTenant(t.tenants.leicester, q).then((r) => r.rows);

describe(`In-work retention on ${testDatabaseKind}`, () => {
  test('a GP refers with a fit note; the plan is shared with the employer’s contact, the person does their weeks, a missed review is flagged, the outcome is a fact', async () => {
    const gp = await signedIn(GP);
    // Mistakes first: nothing answered, then a fit note dated tomorrow.
    const empty = await refer(gp, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(en['retention.error.employerName']);
    const future = await refer(gp, { ...REFERRAL, ...date('issuedOn', '2026-12-04') });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain(en['retention.error.issuedFuture']);

    const sent = await refer(gp, REFERRAL);
    expect(sent.statusCode).toBe(303);
    const referralId = /\/retention\/referred\/([0-9a-f-]{36})/.exec(String(sent.headers.location))?.[1] ?? '';
    expect((await gp.get(String(sent.headers.location))).body).toContain(en['retention.referred.title']);
    const [rc] = await rows((tx) =>
      sql<{ id: string; referred_by: string; absence_days: number; employer_consent_on: string }>`
        select id, referred_by, absence_days, employer_consent_on from retention_cases where referral_id = ${referralId}`.execute(tx),
    );
    expect(rc).toMatchObject({ referred_by: 'gp', absence_days: 24, employer_consent_on: '2026-12-01' });
    expect(await auditRows(t, 'retention.refer', referralId)).toHaveLength(1);

    // The team accepts; the specialist agrees the plan, shared with the employer's named contact.
    const specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
    const accepted = await t.services.referrals.accept(specialist, referralId, {});
    const caseId = accepted.caseId ?? '';
    const s = await signedIn(LEICESTER_SPECIALIST);
    const page = await s.get(`/cases/${caseId}/retention`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(en['retention.advice.phased-return']);
    expect(await auditRows(t, 'case.health-read', caseId)).not.toHaveLength(0);
    // The referring GP may read the case but has no working relationship: no fit notes for them.
    const gpView = await gp.get(`/cases/${caseId}/retention`);
    expect(gpView.statusCode).toBe(200);
    expect(gpView.body).toContain(en['retention.fitNotesHidden']);
    expect(gpView.body).not.toContain('Lower back pain');
    const planUrl = `/cases/${caseId}/retention/plan`;
    const planPage = await s.get(planUrl);
    expect(planPage.body).toContain('Nadia Khan');
    const nadia = /value="([0-9a-f-]{36})"[^>]*>\s*<label[^>]*>\s*Nadia Khan/.exec(planPage.body)?.[1] ?? '';
    const plan = {
      adjustments: 'No lifting over 10 kg\nA seat on breaks',
      ...date('conversationOn', '2026-12-02'),
      conversationWith: 'Nadia Khan, portering manager',
      conversationSummary: 'Light duties for four weeks',
      action1Owner: 'employer',
      action1What: 'Arrange light duties',
      ...date('startsOn', '2026-12-07'),
      reviewEvery: '2',
      week1Hours: '15',
      week1Duties: 'Light duties',
      week2Hours: '22.5',
      week3Hours: '30',
      week4Hours: '37.5',
      shareWithEmployer: 'yes',
      employerContactUserId: nadia,
    };
    // Hours going down are refused, named by week.
    const down = await s.post(planUrl, { _csrf: await s.csrf(planUrl), ...plan, week2Hours: '10' });
    expect(down.statusCode).toBe(400);
    expect(down.body).toContain('Week 2 has fewer hours');
    const agreed = await s.post(planUrl, { _csrf: await s.csrf(planUrl), ...plan });
    expect(agreed.statusCode).toBe(303);
    expect(await auditRows(t, 'retention.plan', caseId)).toHaveLength(1);

    // The employer's named contact sees the plan, and only that.
    const employer = await signedIn(EMPLOYER);
    const list = await employer.get('/retention-plans');
    expect(list.body).toContain('Sam Carter');
    const planId = /\/retention-plans\/([0-9a-f-]{36})/.exec(list.body)?.[1] ?? '';
    const shared = await employer.get(`/retention-plans/${planId}`);
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain('No lifting over 10 kg');
    expect(shared.body).not.toContain('Lower back pain');
    expect((await employer.get(`/cases/${caseId}`)).statusCode).toBe(403);
    expect((await employer.get(`/cases/${caseId}/retention`)).statusCode).toBe(403);
    expect((await auditRows(t, 'retention.employer-read', planId)).length).toBeGreaterThan(0);

    // The person marks week 1 done; the phased return is under way.
    const participantId = (await rows((tx) => sql<{ participant_id: string }>`select participant_id from cases where id = ${caseId}`.execute(tx)))[0]
      ?.participant_id as string;
    const person = { tenantId: t.tenants.leicester, participantId, name: 'Sam Carter' };
    await expect(t.services.retention.markMyWeekDone(person, 1)).rejects.toThrow();
    t.clock.set('2026-12-08T10:00:00Z');
    await t.services.retention.markMyWeekDone(person, 1);
    expect((await t.services.retention.mine(person))?.retention.status).toBe('phased-return');

    // The week 2 review (20 December) is not held: flagged once, 3 days after, for the team lead.
    t.clock.set('2026-12-23T10:00:00Z');
    expect((await t.services.retention.sweepMissedReviews()).flagged).toBe(0);
    t.clock.set('2026-12-24T10:00:00Z');
    expect((await t.services.retention.sweepMissedReviews()).flagged).toBe(1);
    expect((await t.services.retention.sweepMissedReviews()).flagged).toBe(0);
    // Sessions end after idle time: everyone signs in again three weeks on.
    const lead = await signedIn(LEICESTER_TEAM_LEAD);
    const s2 = await signedIn(LEICESTER_SPECIALIST);
    const missed = await lead.get('/retention/missed-reviews');
    expect(missed.body).toContain('Sam Carter');
    const review = `/cases/${caseId}/retention/weeks/2/review`;
    expect((await s2.post(review, { _csrf: await s2.csrf(review), note: 'Going well; on to 30 hours' })).statusCode).toBe(303);
    expect((await lead.get('/retention/missed-reviews')).body).not.toContain('Sam Carter');

    // The outcome: back with the same employer after absence, 2 days off since, as an outcome fact.
    const outcome = `/cases/${caseId}/retention/outcome`;
    const stillOff = await s2.post(outcome, { _csrf: await s2.csrf(outcome), workStatus: 'off-sick', sameEmployer: 'yes', absenceDaysAfter: '2' });
    expect(stillOff.statusCode).toBe(400);
    const done = await s2.post(outcome, { _csrf: await s2.csrf(outcome), workStatus: 'working', sameEmployer: 'yes', absenceDaysAfter: '2' });
    expect(done.statusCode).toBe(303);
    const facts = await rows((tx) =>
      sql<{ kind: string; programme: string; absence_days_before: number; absence_days_after: number }>`
        select kind, programme, absence_days_before, absence_days_after from outcome_facts where subject_id = ${referralId} and kind = 'returned-after-absence'`.execute(
        tx,
      ),
    );
    expect(facts).toEqual([{ kind: 'returned-after-absence', programme: 'retention', absence_days_before: 24, absence_days_after: 2 }]);
    expect((await s2.get(`/cases/${caseId}/retention`)).body).toContain(en['retention.outcome.returned-after-absence']);

    // The person's download holds it all: the job, the fit note, the weeks done and the outcome, in words too.
    const record = await t.services.participants.export({ kind: 'participant', ...person, language: 'cy' });
    const [held] = participantExportSchema.parse(buildExport(record, t.clock.now())).inWorkRetention ?? [];
    expect(held).toMatchObject({
      referredBy: 'gp',
      status: 'closed',
      outcome: 'returned-after-absence',
      absenceDaysAfter: 2,
      fitNotes: [{ fitness: 'may-be-fit' }],
    });
    expect(held?.phasedReturn[0]).toMatchObject({ week: 1, doneAt: '2026-12-08T10:00:00.000Z' });
    const words = JSON.stringify(record.sections.readable(createTranslator([retentionMessages])('cy'), 'cy'));
    expect(words).toContain('Eich cymorth i aros mewn gwaith');
  });

  test('an employer refers only with the person’s consent, and is their named contact', async () => {
    const employer = await signedIn(EMPLOYER);
    const form = { ...REFERRAL, givenName: 'Rita', email: 'rita.carter@example.com', fitness: 'none' };
    const { referredBy: _unused, employerConsent: _consent, ...withoutConsent } = form;
    const refused = await refer(employer, withoutConsent);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(en['retention.error.employerConsentNeeded']);
    const sent = await refer(employer, form);
    expect(sent.statusCode).toBe(303);
    const referralId = /\/retention\/referred\/([0-9a-f-]{36})/.exec(String(sent.headers.location))?.[1] ?? '';
    const [rc] = await rows((tx) =>
      sql<{ referred_by: string; employer_contact_user_id: string | null }>`
        select referred_by, employer_contact_user_id from retention_cases where referral_id = ${referralId}`.execute(tx),
    );
    expect(rc?.referred_by).toBe('employer');
    expect(rc?.employer_contact_user_id).not.toBeNull();
    // Not shared until a plan is agreed and shared.
    expect((await employer.get('/retention-plans')).body).not.toContain('Rita Carter');
  });

  test('fit notes through FHIR: an Observation focused on the referral Task, read back; bad ones are OperationOutcomes', async () => {
    const token = await bearerToken(t, 'E06000016', 'referrals:read referrals:write', 'Leicester Central Primary Care Network');
    const gp = await staffPrincipal(t, 'leicester', GP);
    const { referralId } = await t.services.retention.refer(gp, 'clinician', {
      referral: {
        identifier: { system: 'urn:test:retention', value: crypto.randomUUID() },
        person: {
          givenName: 'Lee',
          familyName: 'Patel',
          dateOfBirth: '1990-01-01',
          addressLine1: '1 Road',
          postcode: 'LE1 6FB',
          preferredLanguage: 'en',
          contactMethod: 'post',
        },
        context: { referringService: 'gp', fitNote: 'not-fit', benefits: ['none'], helpWanted: 'Stay in work', urgency: 'routine' },
        consent: { scopes: ['share-with-employment-team'], method: 'verbal', givenOn: '2026-12-03', recordedBy: 'Dr Test', active: true },
      },
      retention: { referredBy: 'gp', employerName: 'Acme', jobTitle: 'Clerk', hoursPerWeek: 30, absentNow: false, absenceSpells: 0, absenceDays: 0 },
    });
    const observation = (o: Record<string, unknown> = {}) => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/fit-note-field', code: 'fit-note' }] },
      focus: [{ reference: `Task/${referralId}` }],
      effectivePeriod: { start: '2026-12-01', end: '2026-12-28' },
      component: [
        field('fitness', { valueCodeableConcept: coded('fit-note', 'may-be-fit') }),
        field('advice', { valueCodeableConcept: coded('fit-note-advice', 'altered-hours') }),
        field('advice', { valueCodeableConcept: coded('fit-note-advice', 'amended-duties') }),
        field('condition', { valueString: 'Anxiety' }),
        field('follow-up-needed', { valueBoolean: true }),
        field('date-of-statement', { valueDateTime: '2026-12-01' }),
        field('issuer-profession', { valueCodeableConcept: coded('fit-note-issuer', 'nurse') }),
      ],
      ...o,
    });
    const client = api(t, token);
    const created = await client.send('POST', '/fhir/Observation', observation(), { 'idempotency-key': 'fit-note-1' });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: string; component: { valueCodeableConcept?: { coding: { code: string }[] } }[] };
    expect(body.component.flatMap((c) => c.valueCodeableConcept?.coding.map((x) => x.code) ?? [])).toEqual([
      'may-be-fit',
      'altered-hours',
      'amended-duties',
      'nurse',
    ]);
    const replay = await client.send('POST', '/fhir/Observation', observation(), { 'idempotency-key': 'fit-note-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const read = await client.get(`/fhir/Observation/${body.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ effectivePeriod: { start: '2026-12-01', end: '2026-12-28' }, focus: [{ reference: `Task/${referralId}` }] });

    const noFitness = await client.send('POST', '/fhir/Observation', observation({ component: [field('condition', { valueString: 'x' })] }));
    expect(noFitness.statusCode).toBe(422);
    expect(noFitness.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    const tooLong = await client.send('POST', '/fhir/Observation', observation({ effectivePeriod: { start: '2026-12-01' } }));
    expect(tooLong.statusCode).toBe(422);
    const other = await t.services.referrals.create(gp, 'clinician', referralInput({ nhsNumber: '' }));
    const notRetention = await client.send('POST', '/fhir/Observation', observation({ focus: [{ reference: `Task/${other.referral.id}` }] }));
    expect(notRetention.statusCode).toBe(409);
    // The same referral through the JSON API: the person themselves, and an employer without consent (422).
    const apiReferral = (referredBy: string, extra: Record<string, unknown> = {}) => ({
      referral: {
        identifier: { system: 'urn:test:retention-api', value: crypto.randomUUID() },
        person: {
          givenName: 'Ola',
          familyName: 'Nowak',
          dateOfBirth: '1985-03-03',
          addressLine1: '2 Road',
          postcode: 'LE1 6FB',
          preferredLanguage: 'en',
          contactMethod: 'post',
        },
        context: { referringService: 'gp', fitNote: 'none', benefits: ['none'], helpWanted: 'Keep my job', urgency: 'routine' },
        consent: { scopes: ['share-with-employment-team'], method: 'online', givenOn: '2026-12-03', recordedBy: 'Ola Nowak', active: true },
      },
      retention: { referredBy, employerName: 'Acme', jobTitle: 'Driver', hoursPerWeek: 40, absentNow: true, absenceSpells: 1, absenceDays: 10, ...extra },
    });
    const self = await client.send('POST', '/api/v1/retention-referrals', apiReferral('self'));
    expect(self.statusCode).toBe(201);
    expect(self.json()).toMatchObject({ reference: expect.any(String) });
    const noConsent = await client.send('POST', '/api/v1/retention-referrals', apiReferral('employer'));
    expect(noConsent.statusCode).toBe(422);
    expect(JSON.stringify(noConsent.json())).toContain('employerConsent');
    const capability = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json() as { rest: { resource: { type: string }[] }[] };
    expect(capability.rest[0]?.resource.map((r) => r.type)).toContain('Observation');
  });
});

const field = (code: string, value: Record<string, unknown>) => ({
  code: { coding: [{ system: 'https://bridgework.org.uk/fhir/CodeSystem/fit-note-field', code }] },
  ...value,
});
const coded = (system: string, code: string) => ({ coding: [{ system: `https://bridgework.org.uk/fhir/CodeSystem/${system}`, code }] });
