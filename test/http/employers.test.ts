import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMatchingIndex } from '../../src/domains/employers/index.ts';
import type { UserPrincipal } from '../../src/platform/auth/index.ts';
import { actorOf } from '../../src/platform/auth/index.ts';
import { caseOn, uniqueName } from '../support/case-regimes.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Employers, vacancies, matching and introductions, through the services and the API, on the
// engine under test: an employer sees only its own vacancies and the candidates introduced to it
// with consent, and only what each person agreed to share.
let t: TestApp;
let specialist: UserPrincipal;
let uhl: UserPrincipal;
let other: UserPrincipal;
let otherEmployerId: string;
let uhlToken: string;
let otherToken: string;

const UHL = 'University Hospitals of Leicester NHS Trust';
const vacancyInput = (change: Record<string, unknown> = {}) => ({
  title: 'Catering assistant',
  description: 'Serving meals in the staff restaurant.',
  soc: '9263',
  hoursMin: 12,
  hoursMax: 20,
  days: ['mon', 'tue', 'wed'],
  workplace: 'on-site',
  flexibleOptions: ['phased-start'],
  adjustmentsOffered: ['quiet-space'],
  payHourly: 12.8,
  contractType: 'permanent',
  postcode: 'LE1 6ZG',
  closingDate: '2027-01-31',
  ...change,
});
const profileInput = (change: Record<string, unknown> = {}) => ({
  occupationsWanted: '92',
  occupationsExcluded: '',
  hoursMin: 10,
  hoursMax: 20,
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  flexibilityNeeded: ['phased-start'],
  adjustmentsNeeded: 'quiet-space',
  postcode: 'LE2 1TE',
  maxTravelKm: 10,
  payFloorHourly: 12.21,
  ...change,
});
const api = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  t = await createTestApp();
  specialist = await staffPrincipal(t, 'leicester', 'specialist@leicester.bridgework.example');
  uhl = await staffPrincipal(t, 'leicester', 'employer@leicester.bridgework.example');
  const admin = await staffPrincipal(t, 'leicester', 'tenant-admin@leicester.bridgework.example');
  const otherEmployer = await t.services.employers.createEmployer(specialist, {
    name: 'Leicester Bakery Co-operative',
    sector: 'Food',
    sizeBand: 'small',
    disabilityConfident: 'committed',
  });
  otherEmployerId = otherEmployer.id;
  await t.services.staff.invite(t.tenants.leicester, actorOf(admin), {
    displayName: 'Bakery recruiter',
    email: 'recruiter@bakery.example',
    organisationId: otherEmployer.organisationId,
    role: 'employer',
  });
  other = await staffPrincipal(t, 'leicester', 'recruiter@bakery.example');
  uhlToken = await bearerToken(t, 'E06000016', 'vacancies:read vacancies:write', UHL);
  otherToken = await bearerToken(t, 'E06000016', 'vacancies:read vacancies:write', 'Leicester Bakery Co-operative');
}, 120_000);
afterAll(() => t.close());

describe(`employers and vacancies on ${testDatabaseKind}`, () => {
  test('an employer sees only its own vacancies; another employer’s is not found', async () => {
    const mine = await t.services.employers.createVacancy(uhl, vacancyInput());
    const theirs = await t.services.employers.createVacancy(other, vacancyInput({ title: 'Baker' }));
    expect(mine.employerName).toBe(UHL);
    expect(theirs.employerId).toBe(otherEmployerId);
    const seen = await t.services.employers.vacancies(uhl);
    expect(seen.map((v) => v.id)).toContain(mine.id);
    expect(seen.map((v) => v.id)).not.toContain(theirs.id);
    await expect(t.services.employers.vacancy(uhl, theirs.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(t.services.employers.changeStatus(uhl, theirs.id, { status: 'closed' })).rejects.toMatchObject({ code: 'not-found' });
    // An employer cannot post for another employer by naming it.
    const sneaky = await t.services.employers.createVacancy(uhl, vacancyInput({ employerId: otherEmployerId }));
    expect(sneaky.employerName).toBe(UHL);
    // Staff see both.
    const all = (await t.services.employers.vacancies(specialist)).map((v) => v.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  test('the lifecycle is a declared table: illegal moves are 409, and the closing date expires by job', async () => {
    const draft = await t.services.employers.createVacancy(uhl, vacancyInput({ status: 'draft', closingDate: '2026-11-30' }));
    expect(draft.status).toBe('draft');
    await expect(t.services.employers.changeStatus(uhl, draft.id, { status: 'filled' })).rejects.toMatchObject({ code: 'invalid-transition' });
    await t.services.employers.changeStatus(uhl, draft.id, { status: 'open' });
    await expect(t.services.employers.changeStatus(uhl, draft.id, { status: 'draft' })).rejects.toMatchObject({ code: 'invalid-transition' });
    // The database refuses a status that is not declared.
    await expect(
      t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql`update vacancies set status = 'archived' where id = ${draft.id}`.execute(tx)),
    ).rejects.toThrow();
    t.clock.set('2026-12-01T09:00:00Z');
    try {
      expect(await t.services.employers.expireDue()).toBeGreaterThanOrEqual(1);
      expect((await t.services.employers.vacancy(uhl, draft.id)).status).toBe('expired');
      await expect(t.services.employers.changeStatus(uhl, draft.id, { status: 'open' })).rejects.toMatchObject({ code: 'invalid-transition' });
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('a vacancy with an unknown postcode district or a past closing date is refused', async () => {
    await expect(t.services.employers.createVacancy(uhl, vacancyInput({ postcode: 'ZE2 9XX' }))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'postcode', message: 'employers.error.postcodeUnknown' }],
    });
    await expect(t.services.employers.createVacancy(uhl, vacancyInput({ closingDate: '2026-11-01' }))).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe(`matching and introductions on ${testDatabaseKind}`, () => {
  test('the index hears of new and closed vacancies, and a person’s matches come with reasons', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    await t.services.workProfiles.save(specialist, c.caseId, profileInput());
    const vacancy = await t.services.employers.createVacancy(uhl, vacancyInput({ title: `Kitchen porter ${uniqueName()}` }));
    await t.services.matchingIndex.ready();
    const found = await t.services.matching.vacanciesFor(specialist, c.caseId, 50);
    const match = found.matches.find((m) => m.vacancy.id === vacancy.id);
    expect(match?.match.reasons.map((r) => r.code)).toContain('occupation');
    expect(match?.match.score).toBeGreaterThan(50);
    // The person sees the same on their own pages' service call.
    const own = await t.services.matching
      .vacanciesFor({ kind: 'participant', tenantId: t.tenants.leicester, participantId: found.profile.caseId, name: '' }, c.caseId)
      .catch((e: { code: string }) => e.code);
    expect(own).toBe('not-found');
    await t.services.employers.changeStatus(uhl, vacancy.id, { status: 'closed' });
    expect(t.services.matchingIndex.has(t.tenants.leicester, vacancy.id)).toBe(false);
    const after = await t.services.matching.vacanciesFor(specialist, c.caseId, 50);
    expect(after.matches.map((m) => m.vacancy.id)).not.toContain(vacancy.id);
  });

  test('an employer in a growth sector of the local plan: the reason says so (English and Welsh), and from 2026-12-03 it scores', async () => {
    // The demo plan prioritises social care and construction (read through the partnerships capability).
    const care = await t.services.employers.createEmployer(specialist, {
      name: `Care at Home ${uniqueName()}`,
      sector: 'Social care',
      sizeBand: 'medium',
      growthSectors: ['social-care'],
    });
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    await t.services.workProfiles.save(specialist, c.caseId, profileInput());
    const title = `Care kitchen assistant ${uniqueName()}`;
    const inSector = await t.services.employers.createVacancy(specialist, vacancyInput({ title, employerId: care.id }));
    const plain = await t.services.employers.createVacancy(uhl, vacancyInput({ title: `Plain ${uniqueName()}` }));
    await t.services.matchingIndex.ready();
    const found = await t.services.matching.vacanciesFor(specialist, c.caseId, 200);
    const match = (id: string) => found.matches.find((m) => m.vacancy.id === id)?.match;
    expect(match(inSector.id)?.reasons.find((r) => r.code === 'growth-sector')?.params).toEqual({ sectors: ['social-care'] });
    expect(match(plain.id)?.reasons.map((r) => r.code)).not.toContain('growth-sector');
    // Before 2026-12-03 the part weighs nothing: the two score the same.
    expect(match(inSector.id)?.parts.growth).toBe(1);
    expect(match(inSector.id)?.score).toBe(match(plain.id)?.score);

    const b = browser(t.app);
    expect((await b.signIn('specialist@leicester.bridgework.example')).statusCode).toBe(303);
    expect((await b.get(`/cases/${c.caseId}/work`)).body).toContain('the employer is in a growth sector the local plan prioritises (Social care)');
    b.jar.set('bw_lang', 'cy');
    expect((await b.get(`/cases/${c.caseId}/work`)).body).toContain(
      'mae’r cyflogwr mewn sector twf y mae’r cynllun lleol yn ei flaenoriaethu (Gofal cymdeithasol)',
    );

    // People for the vacancy are scored with the employer's sectors too.
    const people = await t.services.matching.peopleFor(specialist, inSector.id);
    expect(people.people.find((p) => p.caseId === c.caseId)?.match.parts.growth).toBe(1);

    t.clock.set('2026-12-03T09:00:00Z');
    try {
      const later = await t.services.matching.vacanciesFor(specialist, c.caseId, 200);
      const score = (id: string) => later.matches.find((m) => m.vacancy.id === id)?.match.score ?? 0;
      expect(score(inSector.id) - score(plain.id)).toBeCloseTo(5, 5);
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
  });

  test('another app process’s index hears of a change by NOTIFY', async () => {
    const elsewhere = createMatchingIndex({ db: t.testDb.db });
    await elsewhere.start();
    try {
      const vacancy = await t.services.employers.createVacancy(uhl, vacancyInput({ title: 'Heard elsewhere' }));
      const until = Date.now() + 10_000;
      while (!elsewhere.has(t.tenants.leicester, vacancy.id) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(elsewhere.has(t.tenants.leicester, vacancy.id)).toBe(true);
      await t.services.employers.changeStatus(uhl, vacancy.id, { status: 'closed' });
      while (elsewhere.has(t.tenants.leicester, vacancy.id) && Date.now() < until + 10_000) await new Promise((r) => setTimeout(r, 50));
      expect(elsewhere.has(t.tenants.leicester, vacancy.id)).toBe(false);
    } finally {
      await elsewhere.stop();
    }
  });

  test('no introduction without the person’s consent to contact employers; the employer never sees them', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team'] });
    await t.services.workProfiles.save(specialist, c.caseId, profileInput());
    const vacancy = await t.services.employers.createVacancy(uhl, vacancyInput());
    await expect(
      t.services.engagement.introduce(specialist, c.caseId, { vacancyId: vacancy.id, shared: ['name', 'email'], personAgreed: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    // Consent to contact employers is not enough on its own: the person agrees to each introduction.
    const c2 = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    await expect(t.services.engagement.introduce(specialist, c2.caseId, { vacancyId: vacancy.id, shared: ['name'] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const names = (await t.services.engagement.candidates(uhl)).map((i) => i.shared.name);
    expect(names).not.toContain(`${c.givenName} Example`);
    expect(JSON.stringify(await t.services.engagement.candidates(uhl))).not.toContain(c.givenName);
    // Employers reach neither matches nor people for a vacancy.
    await expect(t.services.matching.peopleFor(uhl, vacancy.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(t.services.matching.vacanciesFor(uhl, c.caseId)).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('an introduction shares only what the person agreed; another employer sees nothing of it; an accepted offer is the job start', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    await t.services.workProfiles.save(specialist, c.caseId, profileInput());
    const vacancy = await t.services.employers.createVacancy(uhl, vacancyInput({ title: 'Ward clerk' }));
    const people = await t.services.matching.peopleFor(specialist, vacancy.id);
    expect(people.people.map((p) => p.caseId)).toContain(c.caseId);
    const id = await t.services.engagement.introduce(specialist, c.caseId, {
      vacancyId: vacancy.id,
      shared: ['name', 'availability'],
      personAgreed: true,
      summary: 'Not shared: not agreed',
    });
    const candidates = await t.services.engagement.candidates(uhl);
    const mine = candidates.find((x) => x.id === id);
    expect(mine?.sharedFields).toEqual(['name', 'availability']);
    expect(Object.keys(mine?.shared ?? {}).sort()).toEqual(['availability', 'name']);
    expect(JSON.stringify(mine)).not.toContain(c.email);
    expect(JSON.stringify(mine)).not.toContain('Not shared');
    expect(JSON.stringify(mine)).not.toContain(c.caseId);
    // The other employer: nothing, and not found when it asks by id.
    expect((await t.services.engagement.candidates(other)).map((x) => x.id)).not.toContain(id);
    await expect(t.services.engagement.candidate(other, id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(
      t.services.engagement.recordOffer(other, id, { hoursPerWeek: 16, payHourly: 12.8, startDate: '2026-12-07', contractType: 'permanent' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    // The employer's own moves.
    await t.services.engagement.recordInterview(uhl, id, { interviewDate: '2026-11-27' });
    await expect(t.services.engagement.recordAccepted(uhl, id)).rejects.toMatchObject({ code: 'invalid-transition' });
    await t.services.engagement.recordOffer(uhl, id, { hoursPerWeek: 16, payHourly: 12.8, startDate: '2026-12-07', contractType: 'permanent' });
    const jobId = await t.services.engagement.recordAccepted(uhl, id);
    const view = await t.services.cases.view(specialist, c.caseId, { healthFields: false });
    expect(view.summary.phase).toBe('in-work');
    expect(view.jobs.map((j) => j.id)).toContain(jobId);
    expect(view.jobs.find((j) => j.id === jobId)).toMatchObject({ employer: UHL, role: 'Ward clerk', hoursPerWeek: 16 });
    expect((await t.services.employers.vacancy(uhl, vacancy.id)).status).toBe('filled');
    expect((await t.services.engagement.candidate(uhl, id)).status).toBe('accepted');
    await expect(t.services.engagement.recordAccepted(uhl, id)).rejects.toMatchObject({ code: 'invalid-transition' });
  });
});

describe(`the vacancies API on ${testDatabaseKind}`, () => {
  test('posts with an Idempotency-Key that replays, lists only the client’s employer’s, and hides others', async () => {
    const key = crypto.randomUUID();
    const first = await api(uhlToken, 'POST', '/api/v1/vacancies', vacancyInput({ title: 'Domestic assistant' }), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const again = await api(uhlToken, 'POST', '/api/v1/vacancies', vacancyInput({ title: 'Domestic assistant' }), { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const id = first.json().id as string;
    expect(first.json()).toMatchObject({ employerName: UHL, source: 'api', status: 'open', postcode: 'LE1 6ZG' });
    const theirs = await api(otherToken, 'GET', `/api/v1/vacancies/${id}`);
    expect(theirs.statusCode).toBe(404);
    const list = await api(otherToken, 'GET', '/api/v1/vacancies');
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: string; employerId: string }[]).every((v) => v.employerId === otherEmployerId)).toBe(true);
    const candidates = await api(otherToken, 'GET', '/api/v1/candidates');
    expect(candidates.statusCode).toBe(200);
    expect(candidates.json().items).toEqual([]);
    const move = await api(otherToken, 'POST', `/api/v1/vacancies/${id}/status`, { status: 'closed' });
    expect(move.statusCode).toBe(404);
  });

  test('bad input is a 4xx naming the field, never a 500; a client without the scope is refused', async () => {
    const bad = await api(uhlToken, 'POST', '/api/v1/vacancies', vacancyInput({ soc: '12', hoursMin: 30, hoursMax: 10, postcode: 'nowhere' }));
    expect(bad.statusCode).toBe(422);
    const paths = (bad.json().issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.soc', 'body.postcode']));
    const noScope = await bearerToken(t, 'E06000016', 'cases:read', UHL);
    expect((await api(noScope, 'GET', '/api/v1/vacancies')).statusCode).toBe(403);
    const illegal = await api(uhlToken, 'POST', `/api/v1/vacancies/${crypto.randomUUID()}/status`, { status: 'sold' });
    expect(illegal.statusCode).toBe(422);
  });

  test('the candidates API shares only the agreed fields', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health', consent: ['share-with-employment-team', 'contact-employers'] });
    await t.services.workProfiles.save(specialist, c.caseId, profileInput());
    const vacancy = await t.services.employers.createVacancy(uhl, vacancyInput({ title: 'Receptionist' }));
    const id = await t.services.engagement.introduce(specialist, c.caseId, { vacancyId: vacancy.id, shared: ['flexibility'], personAgreed: true });
    const res = await api(uhlToken, 'GET', '/api/v1/candidates');
    const item = (res.json().items as { id: string; shared: Record<string, unknown> }[]).find((i) => i.id === id);
    expect(item?.shared).toEqual({ flexibility: ['phased-start'] });
    expect(res.body).not.toContain(c.givenName);
  });

  test('the OpenAPI document describes the vacancies API with its Idempotency-Key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    expect(doc.paths['/api/v1/vacancies']?.post?.parameters?.map((p) => p.name)).toContain('Idempotency-Key');
    expect(doc.paths['/api/v1/candidates']?.get).toBeDefined();
  });
});
