import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { GuaranteeService } from '../../src/domains/benefits/index.ts';
import type { CaseService } from '../../src/domains/participants/index.ts';
import { api, auditRows, CARDIFF_IPS, caseOn, LEICESTER_IPS, outboxFor, rowCount } from '../support/case-regimes.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The bridge-back guarantee through the partner API: the case's benefit before work and its
// guarantees read, the benefit recorded, a guarantee made for a job and withdrawn, by the system
// client of the organisation that runs the case's team; the same rules as the pages, every refusal
// writing nothing, and an Idempotency-Key that replays.
let t: TestApp;
let cases: CaseService;
let guarantees: GuaranteeService;
let ips: string;
let readOnly: string;
let wrongScope: string;
let otherOrganisation: string;
let cardiff: string;
const START = '2026-11-23T09:00:00Z';

beforeAll(async () => {
  t = await createTestApp();
  cases = t.services.cases;
  guarantees = t.services.guarantees;
  ips = await bearerToken(t, 'E06000016', 'cases:read cases:write', LEICESTER_IPS);
  readOnly = await bearerToken(t, 'E06000016', 'cases:read', LEICESTER_IPS);
  wrongScope = await bearerToken(t, 'E06000016', 'organisations:read organisations:write', LEICESTER_IPS);
  otherOrganisation = await bearerToken(t, 'E06000016', 'cases:read cases:write', 'Leicester Jobcentre');
  cardiff = await bearerToken(t, 'W06000015', 'cases:read cases:write', CARDIFF_IPS);
}, 120_000);
afterAll(() => t.close());
afterEach(() => t.clock.set(START));

const award = (over: Record<string, unknown> = {}) => ({ benefit: 'uc-lcwra', decisionDate: '2025-06-01', evidence: ['award-letter'], ...over });
const job = (startDate: string) => ({ employer: 'Leicester Bakery', role: 'Baker', hoursPerWeek: 16, hourlyPay: 12.5, contractType: 'permanent', startDate });

type BenefitsJson = {
  awards: { id: string; benefit: string; esaGroup: string | null; decisionDate: string; evidence: string[]; evidenceNote: string; recordedAt: string }[];
  guarantees: {
    id: string;
    jobId: string;
    status: string;
    startsOn: string;
    protectedUntil: string;
    protectingRule: string;
    rules: { rule: string; until: string; statutory: boolean; parameters: { name: string; value: number; unit: string; source: string }[] }[];
    remindedAt: string | null;
    jobEndedOn: string | null;
    withdrawnReason: string | null;
    verificationCode: string;
    createdAt: string;
  }[];
};

async function benefitsOf(caseId: string, token = ips): Promise<BenefitsJson> {
  const res = await api(t, token).get(`/api/v1/cases/${caseId}/benefits`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BenefitsJson;
}

async function guaranteeRows(caseId: string) {
  const rows = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    sql<{
      id: string;
      status: string;
      verification_code: string;
    }>`select id, status, verification_code from bridge_back_guarantees where case_id = ${caseId}`.execute(tx),
  );
  return rows.rows;
}

/** Everything a write on a case leaves behind: the rows it would add, the timeline, the audit trail and the letters. */
async function footprint(caseId: string, email: string) {
  return {
    awards: await rowCount(t, 'benefit_awards', { caseId }),
    guarantees: (await guaranteeRows(caseId)).map((g) => `${g.id}:${g.status}`),
    events: await rowCount(t, 'case_events', { caseId }),
    audit: await rowCount(t, 'audit_events', { recordId: caseId }),
    letters: (await outboxFor(t, email)).length,
  };
}

/** A case whose award was recorded and whose job then started through the API: it has a guarantee. */
async function withGuarantee() {
  const c = await caseOn(t, { regime: 'voluntary-health' });
  expect((await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award())).statusCode).toBe(201);
  const started = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, job('2026-11-16'));
  expect(started.statusCode, started.body).toBe(201);
  const jobId = (started.json() as { id: string }).id;
  const [g] = (await benefitsOf(c.caseId)).guarantees;
  if (!g) throw new Error('no guarantee');
  return { ...c, jobId, g };
}

describe(`the bridge-back guarantee through the API on ${testDatabaseKind}`, () => {
  test('a case with nothing recorded reads empty; its health is not in the answer', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const res = await api(t, ips).get(`/api/v1/cases/${c.caseId}/benefits`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({ awards: [], guarantees: [] });
    expect(res.body).not.toContain(c.conditionsText);
    // Reading is no health read and writes nothing.
    expect(await auditRows(t, 'case.health-read', c.caseId)).toEqual([]);
  });

  test('an award recorded through the API, then a job start through the API, makes a guarantee the read shows', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const recorded = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award({ evidenceNote: 'Letter dated 1 June 2025' }));
    expect(recorded.statusCode, recorded.body).toBe(201);
    const awardId = (recorded.json() as { id: string }).id;
    expect(recorded.json()).toEqual({ id: awardId, caseId: c.caseId });
    expect(await auditRows(t, 'benefits.award-record', c.caseId)).toEqual([expect.objectContaining({ actor_kind: 'client' })]);

    const before = await benefitsOf(c.caseId);
    expect(before.guarantees).toEqual([]);
    expect(before.awards).toEqual([
      {
        id: awardId,
        benefit: 'uc-lcwra',
        esaGroup: null,
        decisionDate: '2025-06-01',
        evidence: ['award-letter'],
        evidenceNote: 'Letter dated 1 June 2025',
        recordedAt: '2026-11-23T09:00:00.000Z',
      },
    ]);

    const started = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, job('2026-11-16'));
    expect(started.statusCode, started.body).toBe(201);
    const jobId = (started.json() as { id: string }).id;
    const [row] = await guaranteeRows(c.caseId);
    const { guarantees: held } = await benefitsOf(c.caseId);
    expect(held).toEqual([
      {
        id: row?.id,
        jobId,
        awardId,
        status: 'active',
        startsOn: '2026-11-16',
        protectedUntil: '2027-05-16',
        protectingRule: 'uc-reclaim',
        rules: [
          {
            rule: 'uc-reclaim',
            until: '2027-05-16',
            statutory: true,
            parameters: [expect.objectContaining({ value: 6, unit: expect.any(String), name: expect.any(String), source: expect.any(String) })],
          },
          {
            rule: 'platform-protected-period',
            until: '2027-05-16',
            statutory: false,
            parameters: [expect.objectContaining({ value: 6 })],
          },
        ],
        remindedAt: null,
        restatedAt: null,
        restatedFrom: null,
        jobEndedOn: null,
        withdrawnReason: null,
        verificationCode: row?.verification_code,
        createdAt: '2026-11-23T09:00:00.000Z',
      },
    ]);
    expect(held[0]?.verificationCode).toMatch(/^BW-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // The person was told, as from the pages.
    expect((await outboxFor(t, c.email)).filter((m) => m.template === 'guarantee-created')).toHaveLength(1);
  });

  test('awards read newest first; the same answers again write nothing and return the record that stands', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const first = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award({ benefit: 'esa-new-style', esaGroup: 'wrag' }));
    expect(first.statusCode, first.body).toBe(201);
    t.clock.set('2026-11-23T09:20:00Z');
    const same = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award({ benefit: 'esa-new-style', esaGroup: 'wrag' }));
    expect(same.statusCode).toBe(201);
    expect(same.json()).toEqual(first.json());
    expect(await rowCount(t, 'benefit_awards', { caseId: c.caseId })).toBe(1);
    // A correction is a new record and counts; an ESA group sent for Universal Credit is ignored, as on the page.
    const corrected = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award({ benefit: 'uc-lcw', esaGroup: 'wrag' }));
    expect(corrected.statusCode).toBe(201);
    const { awards } = await benefitsOf(c.caseId);
    expect(awards.map((a) => [a.id, a.benefit, a.esaGroup])).toEqual([
      [(corrected.json() as { id: string }).id, 'uc-lcw', null],
      [(first.json() as { id: string }).id, 'esa-new-style', 'wrag'],
    ]);
  });

  test('an award recorded after the job started: the guarantee is made for the job, once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const started = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/jobs`, job('2026-11-02'));
    const jobId = (started.json() as { id: string }).id;
    expect((await benefitsOf(c.caseId)).guarantees).toEqual([]);

    // No award yet: refused, as on the page.
    const early = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ issues: [{ path: 'jobId', message: 'Record the benefit the person had before work first' }] });

    expect((await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/benefit-awards`, award({ benefit: 'uc-lcw' }))).statusCode).toBe(201);
    expect((await benefitsOf(c.caseId)).guarantees).toEqual([]);
    const made = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as { id: string }).id;
    expect(made.json()).toEqual({ id, caseId: c.caseId, jobId });
    expect((await benefitsOf(c.caseId)).guarantees).toEqual([
      expect.objectContaining({ id, jobId, status: 'active', startsOn: '2026-11-02', protectedUntil: '2027-05-02' }),
    ]);
    expect(await auditRows(t, 'guarantee.create', c.caseId)).toEqual([expect.objectContaining({ actor_kind: 'client' })]);

    const again = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(await guaranteeRows(c.caseId)).toHaveLength(1);
    // A job this case does not have is no job to protect.
    const unknown = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ issues: [{ path: 'jobId', message: 'Select a current job on this case' }] });
  });

  test('a job that ended cannot get a guarantee', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const jobId = await cases.startJob(c.specialist, c.caseId, job('2026-11-02'));
    await cases.endJob(c.specialist, c.caseId, jobId, { endDate: '2026-11-20', reason: 'Contract ended' });
    await guarantees.recordAward(c.specialist, c.caseId, award());
    const res = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ issues: [{ path: 'jobId', message: 'The job has ended, so a guarantee can no longer be made for it' }] });
    expect(await guaranteeRows(c.caseId)).toEqual([]);
  });

  test('withdrawing, with a reason: audited, the person told, final; allowed once the case has closed', async () => {
    const { caseId, g, email } = await withGuarantee();
    const url = `/api/v1/cases/${caseId}/guarantees/${g.id}/withdraw`;
    expect((await api(t, ips).send('POST', `/api/v1/cases/${caseId}/close`, { reason: 'moved-away' })).statusCode).toBe(200);

    const missing = await api(t, ips).send('POST', url, { note: 'No reason given' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ issues: [{ path: 'body.reason', message: 'Select why the guarantee is being withdrawn' }] });

    const done = await api(t, ips).send('POST', url, { reason: 'person-asked', note: 'Moving to Scotland' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ caseId, guaranteeId: g.id, status: 'withdrawn', withdrawnReason: 'person-asked' });
    expect((await benefitsOf(caseId)).guarantees).toEqual([expect.objectContaining({ id: g.id, status: 'withdrawn', withdrawnReason: 'person-asked' })]);
    expect(await auditRows(t, 'guarantee.withdraw', caseId)).toEqual([
      expect.objectContaining({ actor_kind: 'client', reason: 'person-asked: Moving to Scotland' }),
    ]);
    expect((await outboxFor(t, email)).filter((m) => m.template === 'guarantee-withdrawn')).toHaveLength(1);

    const again = await api(t, ips).send('POST', url, { reason: 'person-asked' });
    expect(again.statusCode).toBe(409);
    expect(await auditRows(t, 'guarantee.withdraw', caseId)).toHaveLength(1);
    // On a closed case nothing new is recorded.
    const closedAward = await api(t, ips).send('POST', `/api/v1/cases/${caseId}/benefit-awards`, award({ benefit: 'uc-lcw' }));
    expect(closedAward.statusCode).toBe(409);
  });

  test('a guarantee of another case, or none, is not found', async () => {
    const a = await withGuarantee();
    const b = await caseOn(t, { regime: 'voluntary-health' });
    for (const gid of [a.g.id, crypto.randomUUID()]) {
      const res = await api(t, ips).send('POST', `/api/v1/cases/${b.caseId}/guarantees/${gid}/withdraw`, { reason: 'recorded-in-error' });
      expect(res.statusCode).toBe(404);
    }
    expect((await guaranteeRows(a.caseId))[0]?.status).toBe('active');
  });

  test('an active guarantee past its last day reads expired before the sweep marks it, as the pages show it', async () => {
    const { caseId, g } = await withGuarantee();
    t.clock.set('2027-05-17T09:00:00Z');
    const token = await bearerToken(t, 'E06000016', 'cases:read', LEICESTER_IPS);
    expect((await benefitsOf(caseId, token)).guarantees).toEqual([expect.objectContaining({ id: g.id, status: 'expired' })]);
    expect((await guaranteeRows(caseId))[0]?.status).toBe('active');
  });

  test('bad input is 422 with its issues in English, and nothing is written', async () => {
    const { caseId, g, email, jobId } = await withGuarantee();
    const before = await footprint(caseId, email);
    const failures: string[] = [];
    const refuse = async (path: string, body: unknown) => {
      const res = await api(t, ips).send('POST', `/api/v1/cases/${caseId}${path}`, body);
      const problem = res.json() as { issues?: { path: string; message: string }[] };
      if (res.statusCode !== 422) failures.push(`${path} ${JSON.stringify(body).slice(0, 100)} → ${res.statusCode}`);
      else if (!problem.issues?.length || problem.issues.some((i) => i.message.startsWith('guarantee.error.')))
        failures.push(`${path} ${JSON.stringify(body).slice(0, 100)}: issues ${JSON.stringify(problem.issues)}`);
    };
    const NASTY = ['', ' ', 'x'.repeat(5000), '\u0000', '<script>alert(1)</script>', "' or 1=1 --", '😀', -1, 1e308, null, true, [], {}];
    await refuse('/benefit-awards', {});
    await refuse('/benefit-awards', award({ decisionDate: '2026-02-30' }));
    await refuse('/benefit-awards', award({ decisionDate: '2099-01-01' }));
    await refuse('/benefit-awards', award({ decisionDate: '1/6/2025' }));
    await refuse('/benefit-awards', award({ benefit: 'esa-new-style' }));
    await refuse('/benefit-awards', award({ benefit: 'esa-income-related', esaGroup: 'the-other-group' }));
    await refuse('/benefit-awards', award({ evidence: [] }));
    await refuse('/benefit-awards', award({ evidence: ['other'] }));
    await refuse('/benefit-awards', award({ evidenceNote: 'x'.repeat(1001) }));
    for (const value of NASTY) {
      await refuse('/benefit-awards', award({ benefit: value }));
      await refuse('/benefit-awards', award({ evidence: [value, 'award-letter'] }));
      await refuse('/benefit-awards', award({ decisionDate: value }));
      await refuse('/guarantees', { jobId: value });
      await refuse(`/guarantees/${g.id}/withdraw`, { reason: value });
    }
    await refuse('/guarantees', {});
    // The job already has its guarantee: that is a conflict, not bad input.
    expect((await api(t, ips).send('POST', `/api/v1/cases/${caseId}/guarantees`, { jobId })).statusCode).toBe(409);
    expect(failures).toEqual([]);
    // What is not JSON at all is refused before it is read.
    const garbled = await api(t, ips).send('POST', `/api/v1/cases/${caseId}/benefit-awards`, 'not json at all');
    expect(garbled.statusCode).toBe(400);
    expect(garbled.headers['content-type']).toContain('application/problem+json');
    expect(await footprint(caseId, email)).toEqual(before);
    // A future decision date is the service's own check, worded as on the page.
    const future = await api(t, ips).send('POST', `/api/v1/cases/${caseId}/benefit-awards`, award({ decisionDate: '2026-11-24' }));
    expect(future.json()).toMatchObject({ status: 422, issues: [{ path: 'decisionDate', message: 'The decision date must be today or in the past' }] });
    const esa = await api(t, ips).send('POST', `/api/v1/cases/${caseId}/benefit-awards`, award({ benefit: 'esa-new-style' }));
    expect(esa.json()).toMatchObject({ issues: [{ path: 'body.esaGroup', message: 'Select the ESA group' }] });
  });

  test('who may: no token 401, a wrong scope 403, another organisation’s or tenant’s client 404, and none of them writes', async () => {
    const { caseId, g, email, givenName } = await withGuarantee();
    const before = await footprint(caseId, email);
    const writes: [string, unknown][] = [
      [`/api/v1/cases/${caseId}/benefit-awards`, award({ benefit: 'uc-lcw' })],
      [`/api/v1/cases/${caseId}/guarantees`, { jobId: g.jobId }],
      [`/api/v1/cases/${caseId}/guarantees/${g.id}/withdraw`, { reason: 'recorded-in-error' }],
    ];
    const read = `/api/v1/cases/${caseId}/benefits`;

    expect((await t.app.inject({ method: 'GET', url: read })).statusCode).toBe(401);
    for (const [url, body] of writes) expect((await t.app.inject({ method: 'POST', url, payload: body as object })).statusCode, url).toBe(401);

    expect((await api(t, wrongScope).get(read)).statusCode).toBe(403);
    expect((await api(t, readOnly).get(read)).statusCode).toBe(200);
    for (const token of [wrongScope, readOnly]) {
      for (const [url, body] of writes) {
        const res = await api(t, token).send('POST', url, body);
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toMatchObject({ detail: 'The access token does not have the scope cases:write' });
      }
    }

    for (const token of [otherOrganisation, cardiff]) {
      const res = await api(t, token).get(read);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).not.toContain(givenName);
      expect(res.body).not.toContain(g.verificationCode);
      for (const [url, body] of writes) expect((await api(t, token).send('POST', url, body)).statusCode, url).toBe(404);
    }
    expect(await footprint(caseId, email)).toEqual(before);
  });

  test('an Idempotency-Key replays the first response and writes once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const key = { 'idempotency-key': `award-${c.caseId}` };
    const url = `/api/v1/cases/${c.caseId}/benefit-awards`;
    const first = await api(t, ips).send('POST', url, award(), key);
    expect(first.statusCode).toBe(201);
    t.clock.set('2026-11-23T09:20:00Z');
    const second = await api(t, ips).send('POST', url, award(), key);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await auditRows(t, 'benefits.award-record', c.caseId)).toHaveLength(1);
    // The same key with another body is refused.
    expect((await api(t, ips).send('POST', url, award({ benefit: 'uc-lcw' }), key)).statusCode).toBe(422);

    await cases.startJob(c.specialist, c.caseId, job('2026-11-20'));
    // The job start made the guarantee; withdrawing it with a key replays too.
    const [g] = (await benefitsOf(c.caseId)).guarantees;
    const withdrawKey = { 'idempotency-key': `withdraw-${c.caseId}` };
    const withdrawUrl = `/api/v1/cases/${c.caseId}/guarantees/${g?.id}/withdraw`;
    const w1 = await api(t, ips).send('POST', withdrawUrl, { reason: 'recorded-in-error' }, withdrawKey);
    const w2 = await api(t, ips).send('POST', withdrawUrl, { reason: 'recorded-in-error' }, withdrawKey);
    expect([w1.statusCode, w2.statusCode]).toEqual([200, 200]);
    expect(w2.headers['idempotent-replayed']).toBe('true');
    expect(w2.body).toBe(w1.body);
    expect(await auditRows(t, 'guarantee.withdraw', c.caseId)).toHaveLength(1);
    // Without the key, the same request again is a new one, and withdrawn is final.
    expect((await api(t, ips).send('POST', withdrawUrl, { reason: 'recorded-in-error' })).statusCode).toBe(409);
  });

  test('creating for a job with an Idempotency-Key replays and writes once', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const jobId = await cases.startJob(c.specialist, c.caseId, job('2026-11-02'));
    await guarantees.recordAward(c.specialist, c.caseId, award());
    const key = { 'idempotency-key': `create-${c.caseId}` };
    const first = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId }, key);
    const second = await api(t, ips).send('POST', `/api/v1/cases/${c.caseId}/guarantees`, { jobId }, key);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await guaranteeRows(c.caseId)).toHaveLength(1);
    expect(await auditRows(t, 'guarantee.create', c.caseId)).toHaveLength(1);
  });

  test('the stored response commits with the change: a write that fails leaves no award and nothing to replay', async () => {
    const c = await caseOn(t, { regime: 'voluntary-health' });
    const client = await t.services.clients.authenticate(ips);
    if (!client) throw new Error('no client');
    const principal = `client:${client.id}`;
    const url = `/api/v1/cases/${c.caseId}/benefit-awards`;
    const hash = t.services.idempotency.requestHash('POST', url, award());
    await t.services.idempotency.claim(t.tenants.leicester, principal, `same-tx-${c.caseId}`, hash);
    await expect(
      guarantees.recordAward(client, c.caseId, award(), {
        afterWrite: async (tx) => {
          await t.services.idempotency.completeIn(tx, principal, `same-tx-${c.caseId}`, { status: 201, body: '{}', contentType: 'application/json' });
          throw new Error('the node died before commit');
        },
      }),
    ).rejects.toThrow('the node died before commit');
    expect(await rowCount(t, 'benefit_awards', { caseId: c.caseId })).toBe(0);
    expect(await auditRows(t, 'benefits.award-record', c.caseId)).toEqual([]);
    const state = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('idempotency_keys').select('state').where('key', '=', `same-tx-${c.caseId}`).executeTakeFirstOrThrow(),
    );
    expect(state.state).toBe('running');
  });

  test('the operations are in the OpenAPI document, with their scopes and no health field', async () => {
    const doc = (await t.app.inject('/api/docs/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId: string; security: { clientCredentials: string[] }[] }>>;
    };
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    expect(op('/api/v1/cases/{id}/benefits', 'get')).toMatchObject({ operationId: 'getCaseBenefits', security: [{ clientCredentials: ['cases:read'] }] });
    expect(op('/api/v1/cases/{id}/benefit-awards', 'post')).toMatchObject({
      operationId: 'recordCaseBenefitAward',
      security: [{ clientCredentials: ['cases:write'] }],
    });
    expect(op('/api/v1/cases/{id}/guarantees', 'post')).toMatchObject({
      operationId: 'createCaseGuarantee',
      security: [{ clientCredentials: ['cases:write'] }],
    });
    expect(op('/api/v1/cases/{id}/guarantees/{guaranteeId}/withdraw', 'post')).toMatchObject({
      operationId: 'withdrawCaseGuarantee',
      security: [{ clientCredentials: ['cases:write'] }],
    });
    const read = JSON.stringify(op('/api/v1/cases/{id}/benefits', 'get'));
    expect(read).toContain('verificationCode');
    expect(read).not.toMatch(/condition|fitNote|health/i);
    expect(JSON.stringify(op('/api/v1/cases/{id}/benefit-awards', 'post'))).toContain('Idempotency-Key');
  });
});
