import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { api, auditRows, CARDIFF_IPS, caseOn, LEICESTER_IPS, rowCount } from '../support/case-regimes.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Access to Work decisions in principle through the partner API: drafted from an assessment,
// listed and read (never the answers or reasons that quote the person's condition), issued,
// converted on a job offer and the real application's dates recorded, by the system client of the
// organisation that runs the case's team; a person not eligible is a 422 naming each rule not met;
// every refusal writes nothing; an Idempotency-Key replays.
let t: TestApp;
let ips: string;
let readOnly: string;
let otherOrganisation: string;
let cardiff: string;
const START = '2026-01-15T10:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(START);
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
  readOnly = await bearerToken(t, 'E06000016', 'cases:read', LEICESTER_IPS);
  otherOrganisation = await bearerToken(t, 'E06000016', 'cases:read cases:write', 'Leicester Jobcentre');
  cardiff = await bearerToken(t, 'W06000015', 'cases:read cases:write', CARDIFF_IPS);
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

/** Seeking work, with equipment of £1,800, a support worker 5 h × £18 and the Mental Health Support Service. */
const REQUEST = {
  person: { nation: 'england', conditionExpectedMonths: 24, work: { status: 'seeking', claimsUniversalCredit: false } },
  needs: [{ category: 'equipment', cost: 1800 }, { category: 'support-worker', hoursPerWeek: 5, hourlyRate: 18 }, { category: 'mental-health-support' }],
};
const decisionsUrl = (caseId: string) => `/api/v1/cases/${caseId}/access-to-work/decisions`;
type DecisionJson = Record<string, unknown> & { id: string; status: string; verificationCode: string | null };

async function drafted(caseId: string, body: unknown = REQUEST): Promise<string> {
  const res = await api(t, ips).send('POST', decisionsUrl(caseId), body);
  expect(res.statusCode, res.body).toBe(201);
  const json = res.json() as { id: string; caseId: string; status: string };
  expect(json).toEqual({ id: json.id, caseId, status: 'draft' });
  return json.id;
}

/** Everything a write on a case leaves: decisions, timeline and audit. */
const footprint = async (caseId: string) => ({
  decisions: await rowCount(t, 'access_to_work_decisions', { caseId }),
  events: await rowCount(t, 'case_events', { caseId }),
  audit: await rowCount(t, 'audit_events', { recordId: caseId }),
});

describe(`Access to Work decisions through /api/v1 on ${testDatabaseKind}`, () => {
  test('draft, list and read, issue, convert on a job offer, record the application and DWP’s decision', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const id = await drafted(c.caseId);

    const list = await api(t, readOnly).get(decisionsUrl(c.caseId));
    expect(list.statusCode).toBe(200);
    const [draft] = (list.json() as { items: DecisionJson[] }).items;
    // £1,800 + 5 × £18 × 52 = £6,480; seeking work, so no employer share. Ranges ± 20% to £100:
    // £1,800 → £1,440–£2,160 → £1,400–£2,200; £4,680 → £3,744–£5,616 → £3,700–£5,700.
    expect(draft).toMatchObject({
      id,
      caseId: c.caseId,
      status: 'draft',
      assessedOn: '2026-01-15',
      categories: [
        { category: 'equipment', low: 1400, high: 2200 },
        { category: 'support-worker', low: 3700, high: 5700 },
        { category: 'mental-health-support', low: 0, high: 0 },
      ],
      estimate: { annualTotal: 6480, employerContribution: 0, accessToWorkContribution: 6480, capApplied: false },
      needsCountersign: false,
      validUntil: null,
      verificationCode: null,
    });
    // The answers and the reasons quote the condition: they stay on the case page.
    expect(list.body).not.toMatch(/conditionExpectedMonths|reasons|"input"|months/);
    expect(list.body).not.toContain(c.conditionsText);

    const issued = await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/issue`, {});
    expect(issued.statusCode, issued.body).toBe(200);
    const code = (issued.json() as { verificationCode: string }).verificationCode;
    // Issued 15 January 2026, valid for 6 months (platform policy): to 14 July 2026.
    expect(issued.json()).toEqual({
      caseId: c.caseId,
      decisionId: id,
      status: 'issued',
      validFrom: '2026-01-15',
      validUntil: '2026-07-14',
      verificationCode: code,
    });
    expect(code).toMatch(/^AW-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const one = await api(t, readOnly).get(`${decisionsUrl(c.caseId)}/${id}`);
    expect(one.json()).toMatchObject({ id, status: 'issued', validFrom: '2026-01-15', validUntil: '2026-07-14', verificationCode: code });
    // Issued is issued once.
    expect((await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/issue`, {})).statusCode).toBe(409);

    const convert = { employer: 'Leicester Library', role: 'Library assistant', startDate: '2026-03-02', hoursPerWeek: 20 };
    const converted = await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/convert`, convert);
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json()).toEqual({ caseId: c.caseId, decisionId: id, status: 'converted' });

    t.clock.set('2026-04-20T10:00:00Z');
    // Three months on, the client signs in again (tokens are short-lived).
    const later = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
    const application = `${decisionsUrl(c.caseId)}/${id}/application`;
    const before = await api(t, later).send('PUT', application, { submittedOn: '2026-03-10', decidedOn: '2026-03-01', outcome: 'awarded' });
    expect(before.statusCode).toBe(422);
    expect((before.json() as { issues: { path: string; message: string }[] }).issues).toEqual([
      { path: 'body.decidedOn', message: 'DWP cannot have decided before the application was sent' },
    ]);
    const recorded = await api(t, later).send('PUT', application, { submittedOn: '2026-03-10', decidedOn: '2026-04-14', outcome: 'awarded' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toEqual({
      caseId: c.caseId,
      decisionId: id,
      applicationSubmittedOn: '2026-03-10',
      dwpDecidedOn: '2026-04-14',
      dwpOutcome: 'awarded',
    });
    expect((await api(t, later).get(`${decisionsUrl(c.caseId)}/${id}`)).json()).toMatchObject({
      status: 'converted',
      job: { employer: 'Leicester Library', role: 'Library assistant', startDate: '2026-03-02', hoursPerWeek: 20 },
      applicationSubmittedOn: '2026-03-10',
      dwpDecidedOn: '2026-04-14',
      dwpOutcome: 'awarded',
    });
    // Each change is audited as the client's, once.
    for (const action of ['access-to-work.assess', 'access-to-work.issue', 'access-to-work.convert', 'access-to-work.application']) {
      const rows = await auditRows(t, action, c.caseId);
      expect(
        rows.map((r) => r.actor_kind),
        action,
      ).toEqual(['client']);
    }
  });

  test('not eligible: a 422 whose issues name each rule not met, in the rules’ own words, and nothing is written', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const before = await footprint(c.caseId);
    const res = await api(t, ips).send('POST', decisionsUrl(c.caseId), {
      ...REQUEST,
      person: { nation: 'northern-ireland', conditionExpectedMonths: 6, work: { status: 'voluntary' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json() as { detail: string; issues: { path: string; message: string }[] };
    expect(body.detail).toBe('The person is not eligible for Access to Work on these answers');
    expect(body.issues).toEqual([
      { path: 'eligible', message: 'The person does not look eligible for Access to Work on these answers, so no decision in principle can be drafted' },
      {
        path: 'eligible.condition.short',
        message: 'The condition is expected to last 6 months: Access to Work needs one that has lasted or is likely to last 12.',
      },
      {
        path: 'eligible.nation.northern-ireland',
        message:
          "Access to Work covers England, Scotland and Wales. Northern Ireland has its own Access to Work (NI) scheme, run by the Department for Communities' employment service: apply there.",
      },
      { path: 'eligible.work.voluntary', message: 'Voluntary work is not covered: Access to Work is for paid work.' },
    ]);
    // A Universal Credit claimant working 1 hour: that rule alone, with its figures.
    const uc = await api(t, ips).send('POST', decisionsUrl(c.caseId), {
      ...REQUEST,
      person: {
        nation: 'wales',
        conditionExpectedMonths: 24,
        work: { status: 'employed', claimsUniversalCredit: true, hoursPerWeek: 1, weeksInJob: 2, employerSize: 10 },
      },
    });
    expect((uc.json() as { issues: unknown[] }).issues.slice(1)).toEqual([
      { path: 'eligible.uc.hours-too-few', message: 'Claims Universal Credit; hours worked a week: 1. A claimant needs more than 1 hour a week.' },
    ]);
    expect(await footprint(c.caseId)).toEqual(before);
  });

  test('bad input is a 422 naming the field, never a 500, and writes nothing', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const before = await footprint(c.caseId);
    const bad = async (body: unknown) => {
      const res = await api(t, ips).send('POST', decisionsUrl(c.caseId), body);
      expect(res.statusCode, res.body).toBe(422);
      return (res.json() as { issues: { path: string; message: string }[] }).issues;
    };
    expect(await bad({ ...REQUEST, person: { ...REQUEST.person, nation: 'mars' } })).toEqual([
      { path: 'body.person.nation', message: 'Select where they live and work' },
    ]);
    expect((await bad({ ...REQUEST, needs: [] }))[0]?.path).toBe('body.needs');
    expect((await bad({ ...REQUEST, needs: [{ category: 'equipment', cost: -1 }] }))[0]?.path).toBe('body.needs.0.cost');
    expect((await bad({ ...REQUEST, extra: true }))[0]?.path).toBe('body');
    // A body that is not JSON is a 400 from the parser, with a problem body.
    expect((await api(t, ips).send('POST', decisionsUrl(c.caseId), 'not json at all')).statusCode).toBe(400);
    expect(await footprint(c.caseId)).toEqual(before);
  });

  test('refusals: the wrong scope 403, another organisation or council 404, an unknown decision 404, moves out of turn 409', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const id = await drafted(c.caseId);
    const before = await footprint(c.caseId);
    expect((await api(t, readOnly).send('POST', decisionsUrl(c.caseId), REQUEST)).statusCode).toBe(403);
    for (const token of [otherOrganisation, cardiff]) {
      expect((await api(t, token).get(decisionsUrl(c.caseId))).statusCode).toBe(404);
      expect((await api(t, token).get(`${decisionsUrl(c.caseId)}/${id}`)).statusCode).toBe(404);
      expect((await api(t, token).send('POST', decisionsUrl(c.caseId), REQUEST)).statusCode).toBe(404);
      expect((await api(t, token).send('POST', `${decisionsUrl(c.caseId)}/${id}/issue`, {})).statusCode).toBe(404);
    }
    expect((await api(t, ips).get(`${decisionsUrl(c.caseId)}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await api(t, ips).get(`${decisionsUrl(c.caseId)}/not-a-uuid`)).statusCode).toBe(422);
    const convert = { employer: 'Leicester Library', role: 'Library assistant', startDate: '2026-03-02', hoursPerWeek: 20 };
    expect((await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/convert`, convert)).statusCode).toBe(409);
    expect((await api(t, ips).send('PUT', `${decisionsUrl(c.caseId)}/${id}/application`, { submittedOn: '2026-01-10' })).statusCode).toBe(409);
    expect(await footprint(c.caseId)).toEqual(before);
    const withdrawn = await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/withdraw`, { reason: 'Drafted on the wrong answers' });
    expect(withdrawn.json()).toEqual({ caseId: c.caseId, decisionId: id, status: 'withdrawn' });
    expect((await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/withdraw`, { reason: 'Again' })).statusCode).toBe(409);
    expect((await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/issue`, {})).statusCode).toBe(409);
  });

  test('above the countersignature amount a client cannot issue: a team lead countersigns on the pages first', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    // 40 h × £12 × 52 = £24,960: above the platform default of £20,000.
    const id = await drafted(c.caseId, { ...REQUEST, needs: [{ category: 'support-worker', hoursPerWeek: 40, hourlyRate: 12 }] });
    expect((await api(t, ips).get(`${decisionsUrl(c.caseId)}/${id}`)).json()).toMatchObject({ needsCountersign: true, countersignedAt: null });
    const refused = await api(t, ips).send('POST', `${decisionsUrl(c.caseId)}/${id}/issue`, {});
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as { detail: string }).detail).toBe('A team lead must countersign this decision before it is issued');
  });

  test('an Idempotency-Key on the draft replays the first response and drafts once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const key = { 'idempotency-key': `atw-${c.caseId}` };
    const first = await api(t, ips).send('POST', decisionsUrl(c.caseId), REQUEST, key);
    const second = await api(t, ips).send('POST', decisionsUrl(c.caseId), REQUEST, key);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await rowCount(t, 'access_to_work_decisions', { caseId: c.caseId })).toBe(1);
    expect(await auditRows(t, 'access-to-work.assess', c.caseId)).toHaveLength(1);
  });

  test('the operations are in the OpenAPI document with their scopes, and a decision read has no health field', async () => {
    const doc = (await t.app.inject('/api/docs/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId: string; security: { clientCredentials: string[] }[] }>>;
    };
    const base = '/api/v1/cases/{id}/access-to-work/decisions';
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    expect(op(base, 'get')).toMatchObject({ operationId: 'listAccessToWorkDecisions', security: [{ clientCredentials: ['cases:read'] }] });
    expect(op(`${base}/{decisionId}`, 'get')).toMatchObject({ operationId: 'getAccessToWorkDecision', security: [{ clientCredentials: ['cases:read'] }] });
    expect(op(base, 'post')).toMatchObject({ operationId: 'draftAccessToWorkDecision', security: [{ clientCredentials: ['cases:write'] }] });
    for (const [path, method, id] of [
      [`${base}/{decisionId}/issue`, 'post', 'issueAccessToWorkDecision'],
      [`${base}/{decisionId}/withdraw`, 'post', 'withdrawAccessToWorkDecision'],
      [`${base}/{decisionId}/convert`, 'post', 'convertAccessToWorkDecision'],
      [`${base}/{decisionId}/application`, 'put', 'recordAccessToWorkApplication'],
    ] as const) {
      expect(op(path, method), path).toMatchObject({ operationId: id, security: [{ clientCredentials: ['cases:write'] }] });
    }
    const read = JSON.stringify(op(`${base}/{decisionId}`, 'get'));
    expect(read).toContain('verificationCode');
    // The Mental Health Support Service is a category, as the public check shows it; nothing else about health.
    expect(read.replaceAll('mental-health-support', '')).not.toMatch(/conditionExpectedMonths|reasons|fitNote|health|"input"/i);
    expect(JSON.stringify(op(base, 'post'))).toContain('Idempotency-Key');
  });
});
