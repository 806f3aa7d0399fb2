import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import {
  appointmentSchema,
  closeSchema,
  complianceReportSchema,
  consentChangeSchema,
  jobEndSchema,
  jobStartSchema,
  jobWeekSchema,
  noteSchema,
  outcomeSchema,
  phaseSchema,
  regimeSchema,
} from '../../src/domains/participants/case-schemas.ts';
import type { CaseService, Phase } from '../../src/domains/participants/index.ts';
import { findObligationWording } from '../../src/domains/participation/index.ts';
import type { UserPrincipal } from '../../src/platform/auth/index.ts';
import { DomainError } from '../../src/platform/errors/index.ts';
import { toHttpFailure } from '../../src/platform/http/problem.ts';
import { api, auditRows, caseOn, LEICESTER_IPS, outboxFor, rowCount } from '../support/case-regimes.ts';
import { staffPrincipal } from '../support/referrals.ts';
import { bearerToken, browser, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The work on a case, service first, with the API where it adds something: phases, appointments,
// jobs and sustained work, closing and re-engaging, reassigning; and junk answered 4xx, writing nothing.
let t: TestApp;
let cases: CaseService;
let ips: string;
let teamLead: UserPrincipal;
let gp: UserPrincipal;

beforeAll(async () => {
  t = await createTestApp();
  cases = t.services.cases;
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
  teamLead = await staffPrincipal(t, 'leicester', 'team-lead@leicester.bridgework.example');
  gp = await staffPrincipal(t, 'leicester', 'referrer@leicester.bridgework.example');
}, 120_000);
afterAll(() => t.close());

const referralState = async (referralId: string) => {
  const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    sql<{ status: string; business_status: string }>`select status, business_status from referrals where id = ${referralId}`.execute(tx),
  );
  return rows.rows[0];
};
const phaseOf = async (caseId: string) => (await cases.view(teamLead, caseId)).summary.phase;
const appointment = { date: '2026-12-01', time: '10:00', mode: 'in-person', place: 'Leicester Job Hub' };

describe(`case work on ${testDatabaseKind}`, () => {
  // From each open phase, every move the table does not allow (by hand: see case-rules.test.ts).
  const ILLEGAL: [from: Phase, walk: Phase[], illegal: Phase[]][] = [
    ['engagement', [], ['in-work']],
    ['vocational-profile', ['vocational-profile'], ['in-work']],
    ['job-search', ['job-search'], ['engagement']],
    ['in-work', ['job-search', 'in-work'], ['engagement', 'vocational-profile']],
  ];

  test.each(ILLEGAL)('from %s, illegal moves are 409 and change nothing', async (from, walk, illegal) => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    for (const phase of walk) await cases.movePhase(c.specialist, c.caseId, { phase, reason: 'walking the table' });
    expect(await phaseOf(c.caseId)).toBe(from);
    for (const to of illegal) {
      await expect(cases.movePhase(c.specialist, c.caseId, { phase: to })).rejects.toMatchObject({ code: 'invalid-transition' });
      const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/phase`, { phase: to });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ type: 'urn:bridgework:problem:invalid-transition', detail: `cannot move from ${from} to ${to}` });
    }
    // Closing is its own action, with a reason.
    const close = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/phase`, { phase: 'closed' });
    expect(close.statusCode).toBe(422);
    expect(await phaseOf(c.caseId)).toBe(from);
    expect(await auditRows(t, 'case.phase', c.caseId)).toHaveLength(walk.length);
  });

  test('a legal move through the API, with an Idempotency-Key that replays', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const move = () =>
      api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/phase`, { phase: 'job-search', reason: 'Ready to look' }, { 'idempotency-key': c.caseId });
    const first = await move();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ caseId: c.caseId, phase: 'job-search' });
    const again = await move();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await auditRows(t, 'case.phase', c.caseId)).toHaveLength(1);
    expect(await phaseOf(c.caseId)).toBe('job-search');
  });

  test('a voluntary participant who does not attend gets a follow-up contact and nothing else', async () => {
    const c = await caseOn(t, { regime: 'voluntary-youth' });
    const appointmentId = await cases.bookAppointment(c.specialist, c.caseId, appointment);
    const lettersBefore = await outboxFor(t, c.email);
    const { followUp } = await cases.recordOutcome(c.specialist, c.caseId, appointmentId, { outcome: 'did-not-attend', note: 'No answer at the door' });
    expect(followUp).toEqual(expect.any(String));
    const view = await cases.view(c.specialist, c.caseId);
    expect(view.plan).toEqual([
      expect.objectContaining({
        id: followUp,
        kind: 'action',
        owner: 'specialist',
        status: 'open',
        dueOn: '2026-11-25',
        text: expect.stringContaining('Get back in touch'),
      }),
    ]);
    expect(view.appointments).toEqual([expect.objectContaining({ id: appointmentId, outcome: 'did-not-attend', mandatory: false })]);
    // No report, no letter, no obligation wording anywhere, nothing refused or reported.
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(0);
    const letters = await outboxFor(t, c.email);
    expect(letters).toHaveLength(lettersBefore.length);
    for (const l of letters) expect(findObligationWording(`${l.subject}\n${l.body}`)).toEqual([]);
    expect(await auditRows(t, 'participation.compliance-report', c.caseId)).toEqual([]);
    expect(await auditRows(t, 'participation.refused', c.caseId)).toEqual([]);
    expect(await auditRows(t, 'case.appointment-outcome', c.caseId)).toEqual([expect.objectContaining({ reason: 'did-not-attend' })]);
    // The first answer stands.
    await expect(cases.recordOutcome(c.specialist, c.caseId, appointmentId, { outcome: 'attended' })).rejects.toMatchObject({ code: 'invalid-transition' });

    // The same through the API.
    const booked = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments`, { ...appointment, date: '2026-12-08' });
    const id = (booked.json() as { id: string }).id;
    const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments/${id}/outcome`, { outcome: 'did-not-attend' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ caseId: c.caseId, appointmentId: id, outcome: 'did-not-attend', followUpActionId: expect.any(String) });
    expect(await rowCount(t, 'compliance_reports', { caseId: c.caseId })).toBe(0);
    expect(await rowCount(t, 'plan_items', { caseId: c.caseId })).toBe(2);
    const unknown = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments/${crypto.randomUUID()}/outcome`, { outcome: 'attended' });
    expect(unknown.statusCode).toBe(404);
  });

  test('from the first attended appointment to sustained work, a job end, closing and re-engaging', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    expect(await referralState(c.referralId)).toMatchObject({ status: 'accepted' });

    // The first attended appointment: the referral's first-appointment milestone, and contact made.
    const first = await cases.bookAppointment(c.specialist, c.caseId, appointment);
    await cases.recordOutcome(c.specialist, c.caseId, first, { outcome: 'attended' });
    expect(await referralState(c.referralId)).toMatchObject({ business_status: 'first-appointment' });
    expect((await cases.view(c.specialist, c.caseId)).summary.lastContactAt).toEqual(t.clock.now());

    // A job start (through the API): in work, and the referral's job-start milestone.
    const started = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, {
      employer: 'Leicester Bakery',
      role: 'Baker',
      hoursPerWeek: 16,
      // The National Living Wage from 1 April 2026: sustained work needs at least it (the person is 38).
      hourlyPay: 12.71,
      contractType: 'permanent',
      startDate: '2026-08-03',
    });
    expect(started.statusCode, started.body).toBe(201);
    const jobId = (started.json() as { id: string }).id;
    expect(await phaseOf(c.caseId)).toBe('in-work');
    expect(await referralState(c.referralId)).toMatchObject({ business_status: 'job-start' });

    // Twelve qualifying weeks are not yet sustained work; the thirteenth is.
    for (let week = 1; week <= 12; week++) {
      const result = await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: week === 5 ? 6.5 : 16 });
      expect(result.sustained).toBe(false);
    }
    await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 13, hours: 16 });
    expect(await referralState(c.referralId)).toMatchObject({ business_status: 'job-start' });
    // Week 5 had 6.5 hours: week 14 makes 13 of 14.
    const week14 = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs/${jobId}/weeks`, { week: 14, hours: '16' });
    expect(week14.statusCode, week14.body).toBe(200);
    // 3 Aug 2026 + 14 weeks (98 days): +29 is 1 September, +59 is 1 October, +90 is 1 November, +98 is 9 November.
    expect(week14.json()).toMatchObject({ sustained: true, sustainedOn: '2026-11-09', week: 14, hours: 16 });
    expect(await referralState(c.referralId)).toMatchObject({ business_status: 'sustained-13-weeks' });
    expect((await cases.view(c.specialist, c.caseId)).jobs[0]).toMatchObject({ id: jobId, sustainedOn: '2026-11-09' });

    // The job ends: back to job search, with no penalty. Not before it started, and only once.
    await expect(cases.endJob(c.specialist, c.caseId, jobId, { endDate: '2026-08-02', reason: 'Moved house' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'endDate' }],
    });
    const ended = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs/${jobId}/end`, { endDate: '2026-11-20', reason: 'Moved house' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await phaseOf(c.caseId)).toBe('job-search');
    await expect(cases.endJob(c.specialist, c.caseId, jobId, { endDate: '2026-11-21', reason: 'Again' })).rejects.toMatchObject({ code: 'invalid-transition' });

    // Closing needs a structured reason (and words for "other"); the referral completes.
    await expect(cases.close(c.specialist, c.caseId, { reason: 'other' })).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: 'note' }] });
    await expect(cases.close(c.specialist, c.caseId, { reason: 'fed-up' })).rejects.toMatchObject({ code: 'invalid-input' });
    const closed = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/close`, { reason: 'sustained-work' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toEqual({ caseId: c.caseId, phase: 'closed', closureReason: 'sustained-work' });
    expect(await referralState(c.referralId)).toMatchObject({ status: 'completed' });
    const view = await cases.view(c.specialist, c.caseId);
    expect(view.summary).toMatchObject({ phase: 'closed', closureReason: 'sustained-work', closedAt: t.clock.now() });
    // A closed case takes no more work, and closes once.
    await expect(cases.close(c.specialist, c.caseId, { reason: 'moved-away' })).rejects.toMatchObject({ code: 'invalid-transition' });
    await expect(cases.addNote(c.specialist, c.caseId, { kind: 'contact', body: 'Hello' })).rejects.toMatchObject({ code: 'invalid-transition' });
    expect((await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/appointments`, appointment)).statusCode).toBe(409);

    // Re-engaging needs a reason, keeps the history, and starts again at engagement.
    await expect(cases.reengage(c.specialist, c.caseId, { reason: ' ' })).rejects.toMatchObject({ code: 'invalid-input' });
    await cases.reengage(c.specialist, c.caseId, { reason: 'Asked for help again after moving' });
    const again = await cases.view(c.specialist, c.caseId);
    expect(again.summary).toMatchObject({ phase: 'engagement', closedAt: null, closureReason: null });
    expect(again.jobs).toHaveLength(1);
    expect(again.appointments).toHaveLength(1);
    expect(again.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['appointment', 'job-start', 'job-week', 'job-end', 'closed', 'reengaged', 'phase']),
    );
    expect(again.events.find((e) => e.kind === 'reengaged')).toMatchObject({ from: 'closed', to: 'engagement', reason: 'Asked for help again after moving' });
    await expect(cases.reengage(c.specialist, c.caseId, { reason: 'Twice' })).rejects.toMatchObject({ code: 'invalid-transition' });
  });

  test('weeks of a job that started before the sustained-work rule was in force are worked out by the rule as first written', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const jobId = await cases.startJob(c.specialist, c.caseId, {
      employer: 'Leicester Market',
      role: 'Stall assistant',
      hoursPerWeek: 20,
      hourlyPay: 12,
      contractType: 'temporary',
      startDate: '2025-01-06',
    });
    for (let week = 1; week <= 12; week++) expect((await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 20 })).sustained).toBe(false);
    // 6 Jan 2025 + 13 weeks (91 days): +26 is 1 February, +54 is 1 March, +85 is 1 April, +91 is 7 April.
    expect(await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 13, hours: 20 })).toMatchObject({ sustained: true, sustainedOn: '2025-04-07' });
    // A week that has not begun yet is no week worked.
    await expect(cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 520, hours: 20 })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  test('sustained work checks pay: a job without pay, or paid below the minimum wage for the person’s age, does not count; recorded pay does', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    // Through the API without pay: it is recorded as not known, and the case page says so.
    const started = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, {
      employer: 'Leicester Laundry',
      role: 'Presser',
      hoursPerWeek: 20,
      contractType: 'permanent',
      startDate: '2026-08-03',
    });
    expect(started.statusCode, started.body).toBe(201);
    const jobId = (started.json() as { id: string }).id;
    expect((await cases.view(c.specialist, c.caseId)).jobs[0]).toMatchObject({ id: jobId, hourlyPay: null });
    // Thirteen weeks of 20 hours, pay not recorded: before, this was sustained work on 2 November 2026.
    for (let week = 1; week <= 12; week++) await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 20 });
    const thirteen = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs/${jobId}/weeks`, { week: 13, hours: 20 });
    expect(thirteen.statusCode, thirteen.body).toBe(200);
    const answer = thirteen.json() as { pay: { notRecorded: number[] }; reasons: string[] };
    expect(answer).toMatchObject({ sustained: false, sustainedOn: null, hourlyPay: null, pay: { checked: true, belowMinimum: [] } });
    expect(answer.pay.notRecorded).toHaveLength(13);
    expect(answer.reasons).toContain('pay not recorded for weeks 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13: not counted');
    const b = browser(t.app);
    await b.signIn('specialist@leicester.bridgework.example');
    const page = await b.get(`/cases/${c.caseId}`);
    expect(page.body).toContain('Pay not recorded for weeks 1, 2, 3');
    expect(await referralState(c.referralId)).not.toMatchObject({ business_status: 'sustained-13-weeks' });

    // Weeks 1–12 paid £10 an hour, below the £12.71 National Living Wage for a 38-year-old: still not sustained.
    for (let week = 1; week <= 12; week++) await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 20, hourlyPay: 10 });
    const below = await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week: 13, hours: 20, hourlyPay: '10.00' });
    expect(below).toMatchObject({ sustained: false });
    expect(below.pay.belowMinimum).toHaveLength(13);
    expect(below.reasons).toContain('week 13: paid £10.00 an hour, below the £12.71 minimum wage (21-and-over): not counted');

    // The real pay, £12.75, recorded week by week: sustained on the day after week 13 (3 August + 91 days = 2 November).
    for (let week = 1; week <= 12; week++) await cases.recordJobWeek(c.specialist, c.caseId, jobId, { week, hours: 20, hourlyPay: 12.75 });
    const paid = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs/${jobId}/weeks`, { week: 13, hours: 20, hourlyPay: 12.75 });
    expect(paid.json()).toMatchObject({ sustained: true, sustainedOn: '2026-11-02', hourlyPay: 12.75 });
    expect(await referralState(c.referralId)).toMatchObject({ business_status: 'sustained-13-weeks' });
    // The person's download carries the pay per week.
    expect((await cases.view(c.specialist, c.caseId)).jobs[0]?.weeks[12]).toEqual({ week: 13, hours: 20, hourlyPay: 12.75 });
  });

  test('reaching the person by a contact attempt after acceptance counts as contact on the case', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    expect((await cases.view(c.specialist, c.caseId)).summary.lastContactAt).toBeNull();
    await t.services.referrals.recordContactAttempt(c.specialist, c.referralId, { outcome: 'no-answer' });
    expect((await cases.view(c.specialist, c.caseId)).summary.lastContactAt).toBeNull();
    await t.services.referrals.recordContactAttempt(c.specialist, c.referralId, { outcome: 'contacted' });
    expect((await cases.view(c.specialist, c.caseId)).summary.lastContactAt).toEqual(t.clock.now());
  });

  test('only the team lead reassigns, to someone in the team, with a reason', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const helen = teamLead.userId;
    await expect(cases.reassign(c.specialist, c.caseId, { specialistUserId: helen, reason: 'Holiday cover' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cases.reassign(gp, c.caseId, { specialistUserId: helen, reason: 'Holiday cover' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(cases.reassign(teamLead, c.caseId, { specialistUserId: helen })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'reason' }],
    });
    await expect(cases.reassign(teamLead, c.caseId, { specialistUserId: gp.userId, reason: 'Holiday cover' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'specialistUserId' }],
    });
    expect(await auditRows(t, 'case.reassign', c.caseId)).toEqual([]);

    await cases.reassign(teamLead, c.caseId, { specialistUserId: helen, reason: 'Sam is on leave for a month' });
    const view = await cases.view(teamLead, c.caseId);
    expect(view.summary).toMatchObject({ specialistUserId: helen, specialistName: 'Helen Brooks' });
    expect(view.events.find((e) => e.kind === 'reassigned')).toMatchObject({ from: 'Sam Okafor', to: 'Helen Brooks', reason: 'Sam is on leave for a month' });
    expect(await auditRows(t, 'case.reassign', c.caseId)).toEqual([
      expect.objectContaining({ reason: 'Sam is on leave for a month', details: { from: c.specialist.userId, to: helen } }),
    ]);
    // Sam is no longer the assigned specialist: still in the team, but no longer sees health fields.
    const sam = await cases.view(c.specialist, c.caseId);
    expect(sam.relationship).toBe('none');
    expect(sam.health).toBeNull();
  });
});

describe(`generated junk on ${testDatabaseKind}`, () => {
  const TABLES = [
    'appointments',
    'case_notes',
    'case_jobs',
    'case_job_weeks',
    'compliance_reports',
    'case_events',
    'plan_items',
    'audit_events',
    'notifications_outbox',
  ];
  const snapshot = async (caseId: string) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = await rowCount(t, table, table === 'audit_events' || table === 'notifications_outbox' || table === 'case_job_weeks' ? {} : { caseId });
    // Read by someone without a working relationship: a health read would itself be audited.
    const { participant, summary } = await cases.view(gp, caseId);
    return { counts, regime: participant.regime, consent: participant.consentScopes, phase: summary.phase, version: summary.version };
  };
  const isRefusal = (error: unknown) => {
    const status = toHttpFailure(error).status;
    return error instanceof DomainError && status >= 400 && status < 500;
  };

  /** A case with a job, on the conditional regime with every consent: junk is the only reason to refuse. */
  async function target() {
    const c = await caseOn(t, {
      regime: 'conditional',
      consent: ['share-with-employment-team', 'share-with-health-team', 'contact-employers', 'share-with-jobcentre'],
    });
    const jobId = await cases.startJob(c.specialist, c.caseId, {
      employer: 'Leicester Bakery',
      role: 'Baker',
      hoursPerWeek: 16,
      // The National Living Wage from 1 April 2026: sustained work needs at least it (the person is 38).
      hourlyPay: 12.71,
      contractType: 'permanent',
      startDate: '2026-08-03',
    });
    const appointmentId = await cases.bookAppointment(c.specialist, c.caseId, appointment);
    return { ...c, jobId, appointmentId };
  }

  type Input = { name: string; schema: z.ZodType; run: (input: unknown) => Promise<unknown>; url: string; method: 'POST' | 'PUT' };
  const inputs = (c: Awaited<ReturnType<typeof target>>): Input[] => {
    const base = `/api/v1/cases/${c.caseId}`;
    const s = c.specialist;
    return [
      { name: 'appointment', schema: appointmentSchema, run: (i) => cases.bookAppointment(s, c.caseId, i), url: `${base}/appointments`, method: 'POST' },
      {
        name: 'outcome',
        schema: outcomeSchema,
        run: (i) => cases.recordOutcome(s, c.caseId, c.appointmentId, i),
        url: `${base}/appointments/${c.appointmentId}/outcome`,
        method: 'POST',
      },
      { name: 'note', schema: noteSchema, run: (i) => cases.addNote(s, c.caseId, i), url: `${base}/notes`, method: 'POST' },
      { name: 'job', schema: jobStartSchema, run: (i) => cases.startJob(s, c.caseId, i), url: `${base}/jobs`, method: 'POST' },
      { name: 'week', schema: jobWeekSchema, run: (i) => cases.recordJobWeek(s, c.caseId, c.jobId, i), url: `${base}/jobs/${c.jobId}/weeks`, method: 'POST' },
      { name: 'job end', schema: jobEndSchema, run: (i) => cases.endJob(s, c.caseId, c.jobId, i), url: `${base}/jobs/${c.jobId}/end`, method: 'POST' },
      { name: 'phase', schema: phaseSchema, run: (i) => cases.movePhase(s, c.caseId, i), url: `${base}/phase`, method: 'POST' },
      { name: 'close', schema: closeSchema, run: (i) => cases.close(s, c.caseId, i), url: `${base}/close`, method: 'POST' },
      { name: 'regime', schema: regimeSchema, run: (i) => cases.changeRegime(s, c.caseId, i), url: `${base}/regime`, method: 'POST' },
      {
        name: 'report',
        schema: complianceReportSchema,
        run: (i) => cases.reportComplianceDoubt(s, c.caseId, i),
        url: `${base}/compliance-reports`,
        method: 'POST',
      },
      { name: 'consent', schema: consentChangeSchema, run: (i) => cases.changeConsent(s, c.caseId, i), url: `${base}/consent`, method: 'PUT' },
    ];
  };

  // Junk shaped like the real thing: the right keys with wrong values, as well as anything at all.
  const KEYS = ['date', 'time', 'mode', 'place', 'mandatory', 'outcome', 'note', 'kind', 'body', 'employer', 'role', 'hoursPerWeek', 'hourlyPay'];
  const MORE_KEYS = ['contractType', 'startDate', 'week', 'hours', 'endDate', 'reason', 'phase', 'regime', 'details', 'appointmentId', 'scopes'];
  const junkValue = fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom('', ' ', '2026-02-30', '25:00', '1e309', '-1', 'NaN', 'closed', 'conditional', 'x'.repeat(5000), '\u0000', '<script>'),
  );
  const junk = fc.oneof(fc.anything({ maxDepth: 3 }), fc.dictionary(fc.constantFrom(...KEYS, ...MORE_KEYS), junkValue, { maxKeys: 6 }));

  test('service inputs: junk is refused as a domain error, never a crash, and writes nothing', async () => {
    const c = await target();
    const all = inputs(c);
    const before = await snapshot(c.caseId);
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), junk, async (i, input) => {
        const op = all[i] as Input;
        fc.pre(!op.schema.safeParse(input).success);
        const error = await op.run(input).then(
          () => null,
          (e: unknown) => e,
        );
        expect(isRefusal(error), `${op.name} ${JSON.stringify(input)?.slice(0, 200)}: ${String(error)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(await snapshot(c.caseId)).toEqual(before);
  });

  test('API bodies and ids: junk is 4xx problem details, and writes nothing', async () => {
    const c = await target();
    const all = inputs(c);
    const before = await snapshot(c.caseId);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(all.length - 1),
        fc.oneof(
          junk.map((v) => JSON.stringify(v) ?? 'null'),
          fc.string({ maxLength: 40 }),
        ),
        async (i, payload) => {
          const op = all[i] as Input;
          let parsed: unknown;
          try {
            parsed = JSON.parse(payload);
          } catch {
            parsed = Symbol('not JSON');
          }
          fc.pre(!op.schema.safeParse(parsed).success);
          const res = await api(t, ips).send(op.method, op.url, payload);
          expect(res.statusCode, `${op.name} ${payload.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), fc.string({ maxLength: 40 }), async (i, id) => {
        const op = all[i] as Input;
        const url = op.url.replace(c.caseId, encodeURIComponent(id));
        const res = await api(t, ips).send(op.method, url, '{}');
        expect(res.statusCode, `${url} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    expect(await snapshot(c.caseId)).toEqual(before);
  });
});
