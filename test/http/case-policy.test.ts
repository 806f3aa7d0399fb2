import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseService } from '../../src/domains/participants/index.ts';
import { actionAllowed, findObligationWording, type Regime, type RegimeAction } from '../../src/domains/participation/index.ts';
import type { Principal } from '../../src/platform/auth/index.ts';
import { api, auditRows, caseOn, LEICESTER_IPS, outboxFor, rowCount } from '../support/case-regimes.ts';
import { referralInput, staffPrincipal } from '../support/referrals.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Every regime-governed action × every regime, through the service and through the API.
let t: TestApp;
let cases: CaseService;
let ips: string;

beforeAll(async () => {
  t = await createTestApp();
  cases = t.services.cases;
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
}, 120_000);
afterAll(() => t.close());

const REGIMES: Regime[] = ['voluntary-health', 'voluntary-youth', 'conditional'];
const ACTIONS: RegimeAction[] = ['mandatory-appointment', 'obligation-wording', 'compliance-doubt-report'];
// Written by hand: only the conditional regime has any of these.
const ALLOWED: Record<Regime, boolean> = { 'voluntary-health': false, 'voluntary-youth': false, conditional: true };

const appointment = (extra: Record<string, unknown> = {}) => ({ date: '2026-12-01', time: '10:00', mode: 'in-person', place: 'Leicester Job Hub', ...extra });
const bodyFor = (action: RegimeAction) =>
  action === 'mandatory-appointment'
    ? appointment({ mandatory: true })
    : action === 'obligation-wording'
      ? appointment({ obligationWording: true })
      : { details: 'Did not attend the agreed appointment and gave no reason' };
const urlFor = (caseId: string, action: RegimeAction) =>
  `/api/v1/cases/${caseId}/${action === 'compliance-doubt-report' ? 'compliance-reports' : 'appointments'}`;
const viaService = (actor: Principal, caseId: string, action: RegimeAction) =>
  action === 'compliance-doubt-report' ? cases.reportComplianceDoubt(actor, caseId, bodyFor(action)) : cases.bookAppointment(actor, caseId, bodyFor(action));

/** Everything the attempt could have written for the case. */
const written = async (caseId: string) => ({
  appointments: await rowCount(t, 'appointments', { caseId }),
  reports: await rowCount(t, 'compliance_reports', { caseId }),
  events: await rowCount(t, 'case_events', { caseId }),
});

/** The appointment letters queued for one person. */
const lettersTo = async (email: string) => (await outboxFor(t, email)).filter((m) => m.template === 'case-appointment');

const combinations = REGIMES.flatMap((regime) => ACTIONS.flatMap((action) => (['service', 'api'] as const).map((via) => [regime, action, via] as const)));

/** Recipients of every participant letter in this file, by regime: checked for obligation wording at the end. */
const participants: { regime: Regime; email: string; caseId: string }[] = [];

describe(`participation policy on ${testDatabaseKind}`, () => {
  test('the combinations are every action × regime × way in', () => {
    expect(combinations).toHaveLength(18);
  });

  test.each(combinations)('%s, %s, through the %s', async (regime, action, via) => {
    const c = await caseOn(t, { regime, consent: ['share-with-employment-team', 'share-with-health-team', 'share-with-jobcentre'] });
    participants.push({ regime, email: c.email, caseId: c.caseId });
    const before = await written(c.caseId);
    const lettersBefore = (await outboxFor(t, c.email)).length;
    const appointmentLettersBefore = (await lettersTo(c.email)).length;
    const attempt = () =>
      via === 'service' ? viaService(c.specialist, c.caseId, action) : api(t, ips).send('POST', urlFor(c.caseId, action), bodyFor(action));

    if (!ALLOWED[regime]) {
      const check = actionAllowed(regime, action);
      if (check.allowed) throw new Error('the policy allows what the brief forbids');
      expect(check.reason).toMatch(/^Participation is voluntary/);
      const issue = { path: `participation.${action}`, message: check.reason };
      // Two attempts, two audit rows: every attempt is audited, even a retry with the same key.
      for (const n of [1, 2]) {
        if (via === 'service') {
          await expect(attempt()).rejects.toMatchObject({ code: 'forbidden', message: check.reason, issues: [issue] });
        } else {
          const res = await api(t, ips).send('POST', urlFor(c.caseId, action), bodyFor(action), { 'idempotency-key': `refused-${c.caseId}-${action}` });
          expect(res.statusCode).toBe(403);
          expect(res.headers['content-type']).toContain('application/problem+json');
          expect(res.json()).toMatchObject({ type: 'urn:bridgework:problem:forbidden', status: 403, detail: check.reason, issues: [issue] });
        }
        const refused = await auditRows(t, 'participation.refused', c.caseId);
        expect(refused).toHaveLength(n);
        expect(refused.at(-1)).toMatchObject({
          actor_kind: via === 'service' ? 'user' : 'client',
          reason: check.reason,
          details: { attempted: action, regime, policy: 'participation-regimes' },
        });
      }
      // Nothing else was written: no appointment, no report, no timeline entry, no letter.
      expect(await written(c.caseId)).toEqual(before);
      expect(await outboxFor(t, c.email)).toHaveLength(lettersBefore);
      return;
    }

    // Conditional: allowed, and nothing refused.
    const res = await attempt();
    if (typeof res !== 'string') expect(res.statusCode, res.body).toBe(201);
    if (action === 'compliance-doubt-report') {
      expect(await written(c.caseId)).toMatchObject({ reports: before.reports + 1 });
    } else {
      expect(await written(c.caseId)).toMatchObject({ appointments: before.appointments + 1 });
      const letters = await lettersTo(c.email);
      expect(letters).toHaveLength(appointmentLettersBefore + 1);
      const wording = findObligationWording(`${letters.at(-1)?.subject}\n${letters.at(-1)?.body}`);
      // Obligation wording only where it was asked for; a mandatory appointment alone does not add it.
      if (action === 'obligation-wording') expect(wording).toEqual(['claimant commitment', 'sanction']);
      else expect(wording).toEqual([]);
    }
    expect(await auditRows(t, 'participation.refused', c.caseId)).toEqual([]);
  });

  test('even on the conditional regime, a recorded health condition refuses every regime-governed action', async () => {
    const c = await caseOn(t, { regime: 'conditional', consent: ['share-with-employment-team', 'share-with-jobcentre'] });
    // The person tells their specialist about a condition, in their own words.
    await cases.updateProfile(c.specialist, c.caseId, { healthInOwnWords: 'Panic attacks on busy buses' });
    const before = await written(c.caseId);
    for (const action of ACTIONS) {
      await expect(viaService(c.specialist, c.caseId, action)).rejects.toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/health condition is recorded/),
      });
    }
    expect(await written(c.caseId)).toMatchObject({ appointments: before.appointments, reports: before.reports });
    expect(await auditRows(t, 'participation.refused', c.caseId)).toHaveLength(ACTIONS.length);
  });

  test('a voluntary participant’s letter that would read as an obligation is refused, and nothing is booked', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const before = await written(c.caseId);
    await expect(cases.bookAppointment(c.specialist, c.caseId, appointment({ place: 'Mandatory induction room' }))).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'place', message: 'cases.error.placeWording' }],
    });
    expect(await written(c.caseId)).toEqual(before);
  });

  test('a conditional participant referred again with a health condition becomes voluntary, with their new consent', async () => {
    const c = await caseOn(t, { regime: 'conditional', consent: ['share-with-employment-team', 'share-with-jobcentre'] });
    await cases.close(c.specialist, c.caseId, { reason: 'other', note: 'Moved on to a health service' });
    // The same person (same name, date of birth and postcode), now referred by their GP.
    const gp = await staffPrincipal(t, 'leicester', 'referrer@leicester.bridgework.example');
    const again = referralInput({ identifier: crypto.randomUUID(), nhsNumber: '', givenName: c.givenName, email: c.email });
    const { referral } = await t.services.referrals.create(gp, 'clinician', {
      ...again,
      consent: { ...again.consent, scopes: ['share-with-employment-team', 'share-with-health-team'] },
    });
    expect(referral.regime).toBe('voluntary-health');
    const accepted = await t.services.referrals.accept(c.specialist, referral.id, {});
    const view = await cases.view(c.specialist, accepted.caseId as string);
    expect(view.participant.regime).toBe('voluntary-health');
    expect(view.participant.regimeReason).toBe(`voluntary from referral ${referral.reference}`);
    expect(view.participant.consentScopes).toEqual(['share-with-employment-team', 'share-with-health-team']);
    await expect(cases.bookAppointment(c.specialist, accepted.caseId as string, appointment({ mandatory: true }))).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('a compliance-doubt report on the conditional regime also needs consent to share with the Jobcentre', async () => {
    const c = await caseOn(t, { regime: 'conditional', consent: ['share-with-employment-team'] });
    const body = { details: 'Did not attend and gave no reason' };
    // Refused without consent, by the service and the API, and nothing written.
    await expect(cases.reportComplianceDoubt(c.specialist, c.caseId, body)).rejects.toMatchObject({
      code: 'forbidden',
      issues: [{ path: 'consent', message: 'cases.refused.consent.share-with-jobcentre' }],
    });
    const refused = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/compliance-reports`, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ issues: [{ path: 'consent', message: 'The person has not agreed to sharing with the Jobcentre' }] });
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(0);

    // The person agrees: allowed through both.
    const given = await api(t, ips).send('PUT', `/api/v1/cases/${c.caseId}/consent`, { scopes: ['share-with-jobcentre'] });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json()).toEqual({
      caseId: c.caseId,
      consentScopes: ['share-with-employment-team', 'share-with-jobcentre'],
      withdrawn: [],
      given: ['share-with-jobcentre'],
    });
    await cases.reportComplianceDoubt(c.specialist, c.caseId, body);
    const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/compliance-reports`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(String), caseId: c.caseId });
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(2);

    // Withdrawn: stops at once.
    await cases.changeConsent(c.specialist, c.caseId, { scopes: [] });
    await expect(cases.reportComplianceDoubt(c.specialist, c.caseId, body)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(2);
  });

  test('ordinary appointments and their letters for voluntary participants, in English and Welsh', async () => {
    for (const regime of ['voluntary-health', 'voluntary-youth'] as const) {
      for (const language of ['en', 'cy'] as const) {
        const c = await caseOn(t, { regime, language });
        participants.push({ regime, email: c.email, caseId: c.caseId });
        await cases.bookAppointment(c.specialist, c.caseId, appointment());
        const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments`, appointment({ mode: 'phone', mandatory: false }), {
          'idempotency-key': `ok-${c.caseId}`,
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({ caseId: c.caseId, mode: 'phone', mandatory: false, startsAt: '2026-12-01T10:00:00.000Z' });
        // A retry with the same key replays the first answer and books nothing more.
        const retry = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments`, appointment({ mode: 'phone', mandatory: false }), {
          'idempotency-key': `ok-${c.caseId}`,
        });
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.json()).toEqual(res.json());
        expect(await rowCount(t, 'appointments', { caseId: c.caseId })).toBe(2);
        const letters = await lettersTo(c.email);
        expect(letters).toHaveLength(2);
        expect(letters.every((l) => l.language === language)).toBe(true);
      }
    }
  });

  test('no letter queued for a voluntary participant carries obligation wording; the conditional one that asked for it does', async () => {
    const voluntary = participants.filter((p) => p.regime !== 'conditional');
    expect(voluntary.length).toBeGreaterThanOrEqual(16);
    let checked = 0;
    for (const p of voluntary) {
      for (const message of await outboxFor(t, p.email)) {
        checked++;
        expect(findObligationWording(`${message.subject}\n${message.body}`), `${p.regime} ${message.template}`).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
    const conditional = participants.filter((p) => p.regime === 'conditional');
    const letters = (await Promise.all(conditional.map((p) => lettersTo(p.email)))).flat();
    expect(letters.some((l) => findObligationWording(l.body).length > 0)).toBe(true);
  });
});

describe('changing regime', () => {
  const change = (caseId: string, body: unknown) => api(t, ips).send('POST', `/api/v1/cases/${caseId}/regime`, body);

  test('voluntary to conditional is refused while a health condition is recorded, through the service and the API', async () => {
    for (const regime of ['voluntary-health', 'voluntary-youth'] as const) {
      const c = await caseOn(t, { regime });
      const body = { regime: 'conditional', reason: 'The Jobcentre asked' };
      await expect(cases.changeRegime(c.specialist, c.caseId, body)).rejects.toMatchObject({
        code: 'forbidden',
        issues: [{ path: 'regime', message: 'cases.refused.regime.health' }],
      });
      const res = await change(c.caseId, body);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        detail: expect.stringContaining('A health condition is recorded'),
        issues: [{ path: 'regime', message: expect.stringContaining('cannot be moved to the conditional regime') }],
      });
      expect(await auditRows(t, 'participation.regime-change', c.caseId)).toEqual([]);
      const view = await cases.view(c.specialist, c.caseId);
      expect(view.participant.regime).toBe(regime);
    }
  });

  test('with no health condition recorded it is allowed, each change with a reason and audited', async () => {
    const c = await caseOn(t, { regime: 'voluntary-youth', conditionsText: '' });
    await cases.changeRegime(c.specialist, c.caseId, { regime: 'conditional', reason: 'Agreed with the young person and the Jobcentre' });
    expect((await cases.view(c.specialist, c.caseId)).participant).toMatchObject({
      regime: 'conditional',
      regimeReason: 'Agreed with the young person and the Jobcentre',
    });
    const back = await change(c.caseId, { regime: 'voluntary-health', reason: 'A health condition came to light' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ caseId: c.caseId, regime: 'voluntary-health' });
    const audits = await auditRows(t, 'participation.regime-change', c.caseId);
    expect(audits).toEqual([
      expect.objectContaining({
        actor_kind: 'user',
        reason: 'Agreed with the young person and the Jobcentre',
        details: { from: 'voluntary-youth', to: 'conditional' },
      }),
      expect.objectContaining({ actor_kind: 'client', reason: 'A health condition came to light', details: { from: 'conditional', to: 'voluntary-health' } }),
    ]);
    const events = (await cases.view(c.specialist, c.caseId)).events.filter((e) => e.kind === 'regime');
    expect(events.map((e) => `${e.from} → ${e.to}`).sort()).toEqual(['conditional → voluntary-health', 'voluntary-youth → conditional']);
  });

  test('a change needs a reason and a different regime: 422, nothing changed', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health', conditionsText: '' });
    for (const body of [{ regime: 'conditional' }, { regime: 'conditional', reason: '' }, { regime: 'conditional', reason: '   \n' }]) {
      await expect(cases.changeRegime(c.specialist, c.caseId, body)).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: 'reason' }] });
      const res = await change(c.caseId, body);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ issues: [{ path: 'body.reason', message: 'Give a reason' }] });
    }
    const same = await change(c.caseId, { regime: 'voluntary-health', reason: 'No change really' });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ issues: [{ path: 'regime' }] });
    const junk = await change(c.caseId, { regime: 'sanctionable', reason: 'x' });
    expect(junk.statusCode).toBe(422);
    expect(await auditRows(t, 'participation.regime-change', c.caseId)).toEqual([]);
    expect((await cases.view(c.specialist, c.caseId)).participant.regime).toBe('voluntary-health');
  });
});
