import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildExport } from '../../src/domains/participants/index.ts';
import { participantExportSchema } from '../../src/domains/participants/participant-export.ts';
import { offerActionAllowed, type Regime, type YouthOfferType } from '../../src/domains/participation/index.ts';
import { type YouthService, youthMessages } from '../../src/domains/youth/index.ts';
import { createTranslator } from '../../src/platform/i18n/index.ts';
import { api, auditRows, caseOn, LEICESTER_IPS, outboxFor, rowCount } from '../support/case-regimes.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';
import { TEST_SEED_TIME } from '../support/test-templates.ts';

// The youth pathway (issue 18) on a young person's case: triage, the days-to-offer clock, offers as
// opportunities under the participation policy, outcome facts, the sweep, the team lead's breaches.
let t: TestApp;
let youth: YouthService;

beforeAll(async () => {
  t = await createTestApp();
  youth = t.services.youth;
}, 120_000);
afterAll(() => t.close());

const REGIMES: Regime[] = ['voluntary-health', 'voluntary-youth', 'conditional'];
const TYPES: YouthOfferType[] = ['job', 'apprenticeship', 'training', 'education', 'work-experience', 'guaranteed-placement'];
// Written by hand: only the conditional regime lets an offer carry a condition.
const ALLOWED: Record<Regime, boolean> = { 'voluntary-health': false, 'voluntary-youth': false, conditional: true };
const TRIAGE = { aims: ['education', 'work'], mentalHealth: 'needed', housing: 'settled', caring: 'none', notes: 'Anxious about big groups' };
const TODAY = TEST_SEED_TIME.slice(0, 10);

/** A young person's case on a regime, triaged: the demo specialist works it. */
async function youngCase(regime: Regime) {
  const c = await caseOn(t, {
    regime: regime === 'voluntary-health' ? 'voluntary-youth' : regime,
    youngPerson: true,
    consent: ['share-with-employment-team', 'share-with-health-team', 'share-with-jobcentre'],
  });
  if (regime === 'voluntary-health') await t.services.cases.changeRegime(c.specialist, c.caseId, { regime, reason: 'Agreed at review: health comes first' });
  await youth.triage(c.specialist, c.caseId, TRIAGE);
  return c;
}

const offer = (type: YouthOfferType, extra: Record<string, unknown> = {}) => ({
  type,
  provider: `Leicester ${type} provider`,
  details: 'Three days a week, near the bus station',
  offeredOn: TODAY,
  ...extra,
});

const facts = async (kind: string) =>
  Number(
    (
      await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
        sql<{ n: string }>`select count(*) as n from outcome_facts where kind = ${kind} and youth_pathway`.execute(tx),
      )
    ).rows[0]?.n,
  );

describe(`youth pathway on ${testDatabaseKind}`, () => {
  test('triage starts the clock: 20 working days of platform policy from first contact', async () => {
    const c = await youngCase('voluntary-youth');
    const page = await youth.forCase(c.specialist, c.caseId);
    // Monday 23 November 2026, 20 working days: Monday 21 December.
    expect(page.pathway).toMatchObject({
      aims: ['education', 'work'],
      clockStartsOn: TODAY,
      workingDays: 20,
      daysSource: 'platform policy',
      offerDue: '2026-12-21',
    });
    expect(page.clock).toMatchObject({ due: '2026-12-21', state: 'running', workingDaysLeft: 20 });
    expect(await auditRows(t, 'youth.triage', c.caseId)).toHaveLength(1);
    // A second triage changes the answers, not the clock.
    t.clock.set('2026-11-30T10:00:00Z');
    try {
      await youth.triage(c.specialist, c.caseId, { ...TRIAGE, housing: 'at-risk' });
    } finally {
      t.clock.set(TEST_SEED_TIME);
    }
    expect((await youth.forCase(c.specialist, c.caseId)).pathway).toMatchObject({ housing: 'at-risk', clockStartsOn: TODAY, offerDue: '2026-12-21' });
  });

  test('bad triage answers are refused field by field; an older person is not on the pathway', async () => {
    const c = await caseOn(t, { regime: 'voluntary-youth' });
    await expect(youth.triage(c.specialist, c.caseId, { mentalHealth: 'maybe' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: expect.arrayContaining([
        { path: 'aims', message: 'youth.error.aims' },
        { path: 'mentalHealth', message: 'youth.error.mentalHealth' },
        { path: 'housing', message: 'youth.error.housing' },
        { path: 'caring', message: 'youth.error.caring' },
      ]),
    });
    const older = await caseOn(t, { regime: 'voluntary-health' });
    await expect(youth.triage(older.specialist, older.caseId, TRIAGE)).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ message: 'youth.error.notYoung' }],
    });
    // No offer before the triage: the clock starts there.
    await expect(youth.recordOffer(c.specialist, c.caseId, offer('job'))).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ message: 'youth.error.noTriage' }],
    });
  });

  const cases = new Map<Regime, Awaited<ReturnType<typeof youngCase>>>();
  const caseFor = async (regime: Regime) => {
    const found = cases.get(regime) ?? (await youngCase(regime));
    cases.set(regime, found);
    return found;
  };
  const combinations = REGIMES.flatMap((regime) => TYPES.map((type) => [regime, type] as const));

  test('the combinations are every offer type × regime', () => {
    expect(combinations).toHaveLength(18);
  });

  test.each(combinations)('%s, %s offer: recorded as an opportunity; a condition only where the policy allows it', async (regime, type) => {
    const c = await caseFor(regime);
    const refusedBefore = (await auditRows(t, 'participation.refused', c.caseId)).length;
    const offersBefore = await rowCount(t, 'youth_offers', { caseId: c.caseId });
    // Always: the offer as an opportunity, with no condition.
    const plain = await youth.recordOffer(c.specialist, c.caseId, offer(type));
    expect(plain).toMatchObject({ type, status: 'made', conditionRelayed: false });

    const relay = () => youth.recordOffer(c.specialist, c.caseId, offer(type, { relayCondition: true }));
    const report = (offerId: string) => youth.decline(c.specialist, c.caseId, offerId, { reason: 'not-right-for-me', reportToJobcentre: true });
    if (!ALLOWED[regime]) {
      for (const [action, attempt] of [
        ['relay-condition', relay],
        ['report-decline', () => report(plain.id)],
      ] as const) {
        const check = offerActionAllowed(regime, type, action);
        if (check.allowed) throw new Error('the policy allows what the brief forbids');
        await expect(attempt()).rejects.toMatchObject({
          code: 'forbidden',
          message: check.reason,
          issues: [{ path: `participation.${action}`, message: `youth.refused.${action}` }],
        });
        const refused = (await auditRows(t, 'participation.refused', c.caseId)).filter((r) => r.details.offerType === type && r.details.attempted === action);
        expect(refused).toHaveLength(1);
        expect(refused[0]).toMatchObject({
          actor_kind: 'user',
          reason: check.reason,
          details: { attempted: action, offerType: type, regime, policy: 'participation-regimes' },
        });
      }
      // Nothing else was written: only the plain offer, still open.
      expect(await rowCount(t, 'youth_offers', { caseId: c.caseId })).toBe(offersBefore + 1);
      expect((await youth.forCase(c.specialist, c.caseId)).offers.find((o) => o.id === plain.id)).toMatchObject({ status: 'made', declineReported: false });
      expect(await auditRows(t, 'participation.refused', c.caseId)).toHaveLength(refusedBefore + 2);
      // Declining without a report is the young person's choice, recorded with their reason.
      await youth.decline(c.specialist, c.caseId, plain.id, { reason: 'travel', note: 'Two buses each way' });
      expect((await youth.forCase(c.specialist, c.caseId)).offers.find((o) => o.id === plain.id)).toMatchObject({
        status: 'declined',
        declineReason: 'travel',
      });
      return;
    }
    // Conditional: the condition is passed on and a decline may be reported; nothing refused.
    const relayed = await relay();
    expect(relayed).toMatchObject({ conditionRelayed: true });
    await report(relayed.id);
    expect((await youth.forCase(c.specialist, c.caseId)).offers.find((o) => o.id === relayed.id)).toMatchObject({ status: 'declined', declineReported: true });
    expect(await auditRows(t, 'participation.refused', c.caseId)).toHaveLength(refusedBefore);
  });

  test('obligation wording in what the young person reads is refused on a voluntary regime, with its audit row', async () => {
    const c = await caseFor('voluntary-youth');
    const before = await rowCount(t, 'youth_offers', { caseId: c.caseId });
    await expect(
      youth.recordOffer(c.specialist, c.caseId, offer('guaranteed-placement', { details: 'You must attend or your benefits may be stopped' })),
    ).rejects.toMatchObject({ code: 'forbidden', issues: [{ path: 'participation.obligation-wording', message: 'youth.refused.obligation-wording' }] });
    const rows = (await auditRows(t, 'participation.refused', c.caseId)).filter((r) => r.details.attempted === 'obligation-wording');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ details: { offerType: 'guaranteed-placement', regime: 'voluntary-youth', policy: 'participation-regimes' } });
    expect(await rowCount(t, 'youth_offers', { caseId: c.caseId })).toBe(before);
  });

  test('a recorded health condition keeps the conditional regime’s offers voluntary', async () => {
    const c = await youngCase('conditional');
    await t.services.cases.updateProfile(c.specialist, c.caseId, { healthInOwnWords: 'Panic attacks on busy buses' });
    await expect(youth.recordOffer(c.specialist, c.caseId, offer('job', { relayCondition: true }))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await auditRows(t, 'participation.refused', c.caseId)).at(-1)).toMatchObject({ details: { attempted: 'relay-condition', regime: 'conditional' } });
  });

  test('an offer taken up and sustained: the clock is met and the outcome facts are written', async () => {
    const c = await youngCase('voluntary-youth');
    const [made, taken, sustained] = [await facts('youth-offer-made'), await facts('youth-offer-taken-up'), await facts('youth-offer-sustained')];
    const o = await youth.recordOffer(c.specialist, c.caseId, offer('apprenticeship', { startsOn: '2026-12-07' }));
    expect((await youth.forCase(c.specialist, c.caseId)).clock).toMatchObject({ state: 'met', workingDaysTaken: 0 });
    // Dates are checked: not before the offer, not in the future.
    await expect(youth.takeUp(c.specialist, c.caseId, o.id, { takenUpOn: '2026-11-22' })).rejects.toMatchObject({
      issues: [{ path: 'takenUpOn', message: 'youth.error.taken-up-before-offer' }],
    });
    await expect(youth.takeUp(c.specialist, c.caseId, o.id, { takenUpOn: '2026-11-24' })).rejects.toMatchObject({
      issues: [{ path: 'takenUpOn', message: 'youth.error.taken-up-in-future' }],
    });
    await youth.takeUp(c.specialist, c.caseId, o.id, { takenUpOn: TODAY });
    // Taken up once: a second time is an illegal move.
    await expect(youth.takeUp(c.specialist, c.caseId, o.id, { takenUpOn: TODAY })).rejects.toMatchObject({ code: 'invalid-transition' });
    t.clock.set('2027-03-01T10:00:00Z');
    try {
      await expect(youth.sustained(c.specialist, c.caseId, o.id, { on: '2027-02-21' })).rejects.toMatchObject({
        issues: [{ path: 'on', message: 'youth.error.not-yet-sustained', params: { date: '2027-02-22' } }],
      });
      await youth.sustained(c.specialist, c.caseId, o.id, { on: '2027-02-22' });
    } finally {
      t.clock.set(TEST_SEED_TIME);
    }
    expect([await facts('youth-offer-made'), await facts('youth-offer-taken-up'), await facts('youth-offer-sustained')]).toEqual([
      made + 1,
      taken + 1,
      sustained + 1,
    ]);
    const events = (await t.services.cases.view(c.specialist, c.caseId)).events.filter((e) => e.kind === 'youth').map((e) => e.to);
    expect(events).toEqual(expect.arrayContaining(['triaged', 'made', 'taken-up', 'sustained']));
  });

  test('the young person’s download holds their pathway: the triage, the clock and each offer, in the published shape and in words', async () => {
    const c = await youngCase('voluntary-youth');
    const o = await youth.recordOffer(c.specialist, c.caseId, offer('training'));
    await youth.takeUp(c.specialist, c.caseId, o.id, { takenUpOn: TODAY });
    const participantId = (
      await t.testDb.db.inTenant(t.tenants.leicester, (tx) => sql<{ id: string }>`select participant_id as id from cases where id = ${c.caseId}`.execute(tx))
    ).rows[0]?.id;
    if (!participantId) throw new Error('no participant');
    const record = await t.services.participants.export({ kind: 'participant', tenantId: t.tenants.leicester, participantId, name: '', language: 'en' });
    const data = participantExportSchema.parse(buildExport(record, t.clock.now()));
    expect(data.youthPathway).toMatchObject({
      aims: ['education', 'work'],
      mentalHealth: 'needed',
      workingDays: 20,
      offers: [{ id: o.id, type: 'training', status: 'taken-up', takenUpOn: TODAY }],
    });
    const translator = createTranslator([youthMessages]);
    const words = (lang: 'en' | 'cy') => JSON.stringify(record.sections.readable(translator(lang), lang));
    expect(words('en')).toContain('A training place with Leicester training provider');
    expect(words('cy')).toContain('Eich llwybr ieuenctid');
  });

  test('the sweep reminds the specialist, then tells the team leads of a breach, each once; team leads list breaches', async () => {
    const c = await youngCase('voluntary-youth');
    const lead = await staffPrincipal(t, 'leicester', 'team-lead@leicester.bridgework.example');
    const due = async () => (await outboxFor(t, 'specialist@leicester.bridgework.example')).filter((m) => m.template === 'youth-offer-due').length;
    const breached = async () => (await outboxFor(t, 'team-lead@leicester.bridgework.example')).filter((m) => m.template === 'youth-offer-breached').length;
    const [dueBefore, breachedBefore] = [await due(), await breached()];
    try {
      // Monday 14 December: 5 working days left, so due soon.
      t.clock.set('2026-12-14T08:00:00Z');
      await youth.sweep();
      await youth.sweep();
      expect(await auditRows(t, 'youth.clock-reminder', c.caseId)).toHaveLength(1);
      expect(await due()).toBeGreaterThan(dueBefore);
      expect(await auditRows(t, 'youth.clock-breach', c.caseId)).toHaveLength(0);
      expect((await youth.breaches(lead)).map((b) => b.caseId)).not.toContain(c.caseId);
      // Tuesday 22 December: one working day over.
      t.clock.set('2026-12-22T08:00:00Z');
      await youth.sweep();
      await youth.sweep();
      expect(await auditRows(t, 'youth.clock-breach', c.caseId)).toHaveLength(1);
      expect(await auditRows(t, 'youth.clock-reminder', c.caseId)).toHaveLength(1);
      expect(await breached()).toBeGreaterThan(breachedBefore);
      expect((await youth.breaches(lead)).find((b) => b.caseId === c.caseId)).toMatchObject({ offerDue: '2026-12-21', workingDaysOver: 1 });
      await expect(youth.breaches(c.specialist)).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      t.clock.set(TEST_SEED_TIME);
    }
  });

  test('a local authority sets its own days-to-offer; new clocks use it, audited; out of range is refused', async () => {
    const admin = await staffPrincipal(t, 'leicester', 'tenant-admin@leicester.bridgework.example');
    await expect(youth.saveSettings(admin, { daysToOffer: '70' })).rejects.toMatchObject({
      issues: [{ path: 'daysToOffer', message: 'youth.error.daysToOffer' }],
    });
    try {
      await youth.saveSettings(admin, { daysToOffer: '10' });
      expect(await youth.settings(admin)).toMatchObject({ own: 10, inForce: { workingDays: 10, source: 'tenant' }, policy: { value: 20 } });
      const c = await youngCase('voluntary-youth');
      // 10 working days from Monday 23 November: Monday 7 December.
      expect((await youth.forCase(c.specialist, c.caseId)).pathway).toMatchObject({ workingDays: 10, daysSource: 'tenant', offerDue: '2026-12-07' });
      expect((await auditRows(t, 'tenant.youth-settings', t.tenants.leicester)).at(-1)).toMatchObject({ details: { before: null, after: 10 } });
    } finally {
      await youth.saveSettings(admin, { daysToOffer: '' });
    }
    expect((await youth.settings(admin)).inForce).toEqual({ workingDays: 20, source: 'platform policy' });
  });

  test('through the API: the pathway read, an offer recorded, a condition refused 403 and audited on the voluntary regime, allowed on the conditional', async () => {
    const token = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
    const c = await caseOn(t, { regime: 'voluntary-youth' });
    const triaged = await api(t, token).send('PUT', `/api/v1/cases/${c.caseId}/youth/triage`, TRIAGE);
    expect(triaged.statusCode, triaged.body).toBe(200);
    expect(triaged.json()).toEqual({ caseId: c.caseId, offerDue: '2026-12-21' });
    const made = await api(t, token).send('POST', `/api/v1/cases/${c.caseId}/youth/offers`, offer('training'), { 'idempotency-key': `offer-${c.caseId}` });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ type: 'training', status: 'made', conditionRelayed: false, startsOn: null });
    const refused = await api(t, token).send('POST', `/api/v1/cases/${c.caseId}/youth/offers`, offer('guaranteed-placement', { relayCondition: true }));
    const check = offerActionAllowed('voluntary-youth', 'guaranteed-placement', 'relay-condition');
    if (check.allowed) throw new Error('the policy allows what the brief forbids');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 403, detail: check.reason, issues: [{ path: 'participation.relay-condition' }] });
    expect((await auditRows(t, 'participation.refused', c.caseId)).at(-1)).toMatchObject({
      actor_kind: 'client',
      details: { attempted: 'relay-condition', offerType: 'guaranteed-placement', regime: 'voluntary-youth' },
    });
    const read = await api(t, token).get(`/api/v1/cases/${c.caseId}/youth`);
    expect(read.json()).toMatchObject({ triage: { aims: ['education', 'work'] }, clock: { due: '2026-12-21', state: 'met' }, offers: [{ type: 'training' }] });
    // A body that does not parse is a 422 naming each field, never a 500.
    const bad = await api(t, token).send('POST', `/api/v1/cases/${c.caseId}/youth/offers`, { type: 'gap-year', offeredOn: '2026-02-30' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.type', 'body.provider', 'body.offeredOn']));

    const conditional = await youngCase('conditional');
    const jobcentre = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
    const relayed = await api(t, jobcentre).send(
      'POST',
      `/api/v1/cases/${conditional.caseId}/youth/offers`,
      offer('guaranteed-placement', { relayCondition: true }),
    );
    expect(relayed.statusCode, relayed.body).toBe(201);
    expect(relayed.json()).toMatchObject({ conditionRelayed: true });
  });

  test('the pages: the pathway, the triage question page with its error summary, and the offer form, in English and Welsh', async () => {
    const c = await caseOn(t, { regime: 'voluntary-youth' });
    const b = browser(t.app);
    await b.signIn('specialist@leicester.bridgework.example');
    const casePage = await b.get(`/cases/${c.caseId}`);
    expect(casePage.body).toContain(`/cases/${c.caseId}/youth`);
    const page = await b.get(`/cases/${c.caseId}/youth`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Record the triage');
    const token = await b.csrf(`/cases/${c.caseId}/youth/triage`);
    const bad = await b.post(`/cases/${c.caseId}/youth/triage`, { _csrf: token, housing: 'settled' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Select what they are aiming for');
    const ok = await b.post(`/cases/${c.caseId}/youth/triage`, {
      _csrf: token,
      aims: 'training',
      mentalHealth: 'in-place',
      housing: 'settled',
      caring: 'young-carer',
    });
    expect(ok.statusCode).toBe(303);
    const after = await b.get(`/cases/${c.caseId}/youth?done=triage`);
    expect(after.body).toContain('A young carer');
    expect(after.body).toContain('21 December 2026');
    // The voluntary regime's offer form has no box for a Jobcentre condition.
    const form = await b.get(`/cases/${c.caseId}/youth/offers/new`);
    expect(form.body).toContain('name="type"');
    expect(form.body).not.toContain('name="relayCondition"');
    await b.get('/language/cy?return=/');
    const welsh = await b.get(`/cases/${c.caseId}/youth`);
    expect(welsh.body).toContain('Llwybr ieuenctid');
    expect(welsh.body).toContain('Gofalwr ifanc');
  });

  test("an offer's step pages: each question page, a date error in the summary, then the pathway; an unknown offer or step is not found", async () => {
    const c = await youngCase('voluntary-youth');
    const o = await youth.recordOffer(c.specialist, c.caseId, offer('training'));
    const b = browser(t.app);
    await b.signIn('specialist@leicester.bridgework.example');
    const steps = `/cases/${c.caseId}/youth/offers/${o.id}`;
    expect((await b.get(`${steps}/declined`)).body).toContain('The young person turned down the offer');
    const form = await b.get(`${steps}/taken-up`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('The young person took up the offer');
    expect(form.body).toContain(`action="${steps}/taken-up"`);
    const token = await b.csrf(`${steps}/taken-up`);
    // The day after the seed's today: in the future.
    const bad = await b.post(`${steps}/taken-up`, { _csrf: token, 'takenUpOn-day': '24', 'takenUpOn-month': '11', 'takenUpOn-year': '2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('The date they took it up must be today or in the past');
    expect(bad.body).toContain('value="24"');
    const [year = '', month = '', day = ''] = TODAY.split('-');
    const ok = await b.post(`${steps}/taken-up`, { _csrf: token, 'takenUpOn-day': day, 'takenUpOn-month': month, 'takenUpOn-year': year });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/cases/${c.caseId}/youth?done=taken-up`);
    expect((await b.get(`/cases/${c.caseId}/youth/offers/${c.caseId}/taken-up`)).statusCode).toBe(404);
    expect((await b.get(`${steps}/withdrawn`)).statusCode).toBe(404);
  });

  test("the tenant admin's days-to-offer: the question page, its error summary, and the saved banner", async () => {
    const b = browser(t.app);
    await b.signIn('tenant-admin@leicester.bridgework.example');
    const page = await b.get('/admin/youth');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Youth pathway: days to an offer');
    expect(page.body).not.toContain('The settings have been saved.');
    const token = await b.csrf('/admin/youth');
    const bad = await b.post('/admin/youth', { _csrf: token, daysToOffer: '99' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Enter a whole number of working days between 5 and 60, or leave it blank');
    expect(bad.body).toContain('value="99"');
    try {
      const ok = await b.post('/admin/youth', { _csrf: token, daysToOffer: '25' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/admin/youth?saved=1');
      const saved = await b.get('/admin/youth?saved=1');
      expect(saved.body).toContain('The settings have been saved.');
      expect(saved.body).toContain('value="25"');
    } finally {
      // Back to platform policy: the other tests' clocks count its days.
      expect((await b.post('/admin/youth', { _csrf: token, daysToOffer: '' })).statusCode).toBe(303);
    }
  });
});
