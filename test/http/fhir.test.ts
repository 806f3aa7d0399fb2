import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { referralTables } from '../../src/domains/referrals/index.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';

// The FHIR referral interface end to end: a GP system (requester), the IPS service's system
// (owner) and a Cardiff system that must see nothing of Leicester.
let t: TestApp;
let gp: string;
let ips: string;
let cardiff: string;
let readOnly: string;

beforeAll(async () => {
  t = await createTestApp();
  const both = 'referrals:read referrals:write';
  gp = await bearerToken(t, 'E06000016', both, 'Leicester Central Primary Care Network');
  ips = await bearerToken(t, 'E06000016', both, 'Leicester IPS Employment Service');
  cardiff = await bearerToken(t, 'W06000015', both, 'Cardiff South West Primary Care Cluster');
  readOnly = await bearerToken(t, 'E06000016', 'referrals:read', 'Leicester Central Primary Care Network');
}, 120_000);
afterAll(() => t.close());

const CS = 'https://bridgework.org.uk/fhir/CodeSystem/';
const headers = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  'content-type': 'application/fhir+json',
  ...extra,
});

const patient = () => ({
  resourceType: 'Patient',
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
  name: [{ use: 'official', family: 'Jones', given: ['Alex'] }],
  birthDate: '1980-04-12',
  address: [{ use: 'home', line: ['1 High Street'], city: 'Leicester', postalCode: 'LE1 6ZG' }],
  telecom: [{ system: 'email', value: 'alex@example.com', rank: 1 }],
  communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }],
});
const serviceRequest = (consentRef: string) => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  category: [{ coding: [{ system: `${CS}referring-service`, code: 'gp' }] }],
  reasonCode: [{ text: 'Anxiety', coding: [{ system: `${CS}condition-category`, code: 'mental-health' }] }],
  orderDetail: [{ coding: [{ system: `${CS}fit-note`, code: 'not-fit' }] }, { coding: [{ system: `${CS}benefit`, code: 'uc' }] }],
  patientInstruction: 'Help finding part-time work',
  supportingInfo: [{ reference: consentRef }],
});
const consent = (status = 'active') => ({
  resourceType: 'Consent',
  status,
  category: [{ coding: [{ system: `${CS}consent-method`, code: 'verbal' }] }],
  dateTime: '2026-11-20',
  provision: { type: 'permit', code: [{ coding: [{ system: `${CS}consent-scope`, code: 'share-with-employment-team' }] }] },
});
const task = (identifier: string | null, refs: { focus: string; for: string }) => ({
  resourceType: 'Task',
  ...(identifier ? { identifier: [{ system: 'https://gp.example/referrals', value: identifier }] } : {}),
  status: 'requested',
  intent: 'order',
  priority: 'routine',
  code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
  focus: { reference: refs.focus },
  for: { reference: refs.for },
  requester: { display: 'Dr Priya Shah' },
  authoredOn: '2026-11-20T10:00:00Z',
});

/** A Task with its Patient, ServiceRequest and Consent contained. */
const containedTask = (identifier: string | null = randomUUID(), consentStatus = 'active') => ({
  ...task(identifier, { focus: '#sr', for: '#p' }),
  contained: [
    { ...patient(), id: 'p' },
    { ...serviceRequest('#c'), id: 'sr' },
    { ...consent(consentStatus), id: 'c' },
  ],
});

/** The same referral as a transaction Bundle linked by fullUrl. */
function transaction(identifier = randomUUID(), sr: object = serviceRequest('urn:uuid:00000000-0000-4000-8000-000000000004')) {
  const urn = (n: number) => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;
  const entry = (n: number, resource: { resourceType: string }) => ({ fullUrl: urn(n), resource, request: { method: 'POST', url: resource.resourceType } });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [entry(1, task(identifier, { focus: urn(3), for: urn(2) })), entry(2, patient()), entry(3, sr as { resourceType: string }), entry(4, consent())],
  };
}

type Task = {
  id: string;
  status: string;
  meta: { versionId: string; lastUpdated: string };
  businessStatus: { coding: { code: string }[] };
  output?: { valueReference: { reference: string } }[];
  [k: string]: unknown;
};
type Bundle = { total: number; type: string; link: { relation: string; url: string }[]; entry: { resource: Task; search?: { mode: string } }[] };

async function create(body: object = containedTask(), token = gp, extra: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: '/fhir/Task', headers: headers(token, extra), payload: JSON.stringify(body) });
}
async function created(body: object = containedTask()): Promise<Task> {
  const res = await create(body);
  expect(res.statusCode).toBe(201);
  return res.json() as Task;
}
const patch = (id: string, token: string, ops: object[], extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'PATCH',
    url: `/fhir/Task/${id}`,
    headers: { ...headers(token, extra), 'content-type': 'application/json-patch+json' },
    payload: JSON.stringify(ops),
  });
const get = (url: string, token: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
const rowsWith = (value: string) =>
  t.testDb.db.inTenant(t.tenants.leicester, (tx) => referralTables(tx).selectFrom('referrals').select('id').where('identifier_value', '=', value).execute());

describe('creating a referral', () => {
  test('a transaction Bundle posted to /fhir/Task makes a Task, readable with its ServiceRequest and Patient', async () => {
    const res = await create(transaction());
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const body = res.json() as Task;
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.headers.location).toMatch(new RegExp(`/fhir/Task/${body.id}/_history/1$`));
    expect(body).toMatchObject({
      resourceType: 'Task',
      meta: { versionId: '1' },
      status: 'requested',
      intent: 'order',
      priority: 'routine',
      code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
      focus: { reference: `ServiceRequest/${body.id}` },
      requester: { reference: expect.stringMatching(/^Organization\//) },
      owner: { reference: expect.stringMatching(/^HealthcareService\//), display: 'Leicester IPS team' },
      businessStatus: { coding: [{ system: `${CS}milestone`, code: 'received' }] },
    });
    expect(body.output).toBeUndefined();

    const read = await get(`/fhir/Task/${body.id}`, gp);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
    const sr = (await get(`/fhir/ServiceRequest/${body.id}`, gp)).json();
    expect(sr).toMatchObject({
      resourceType: 'ServiceRequest',
      supportingInfo: [{ reference: '#consent' }],
      contained: [{ resourceType: 'Consent', id: 'consent', status: 'active' }],
    });
    const patientId = (body.for as { reference: string }).reference.replace('Patient/', '');
    const p = await get(`/fhir/Patient/${patientId}`, gp);
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
      address: [{ postalCode: 'LE1 6ZG' }],
    });
  });

  test('a Task with its resources contained makes a Task; the same identifier again answers with the first', async () => {
    const body = containedTask();
    const first = await create(body);
    expect(first.statusCode).toBe(201);
    const again = await create(body);
    expect(again.statusCode).toBe(200);
    expect((again.json() as Task).id).toBe((first.json() as Task).id);
  });

  test('POST /fhir with a transaction Bundle answers with a transaction-response', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/fhir', headers: headers(gp), payload: JSON.stringify(transaction()) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { type: string; entry: { response: { status: string; location?: string } }[] };
    expect(body.type).toBe('transaction-response');
    expect(body.entry).toHaveLength(4);
    expect(body.entry[0]?.response).toMatchObject({ status: '201 Created', location: expect.stringMatching(/^Task\/[0-9a-f-]+\/_history\/1$/) });
    expect(body.entry[1]?.response.location).toMatch(/^Patient\//);
    expect(body.entry[2]?.response.location).toMatch(/^ServiceRequest\//);
  });

  test.each([
    [
      'missing',
      {
        ...containedTask(),
        contained: [
          { ...patient(), id: 'p' },
          { ...serviceRequest('#c'), id: 'sr' },
        ],
      },
      'ServiceRequest.supportingInfo',
    ],
    ['inactive', containedTask(randomUUID(), 'inactive'), 'Consent.status'],
  ])('a %s consent is refused with 422 OperationOutcome', async (_name, body, expression) => {
    const res = await create(body);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', expression: [expression] }] });
  });

  test('a field problem names the FHIR element in plain English', async () => {
    const body = containedTask();
    body.contained[0] = { ...patient(), id: 'p', birthDate: 'yesterday' };
    const res = await create(body);
    expect(res.statusCode).toBe(422);
    const issue = (res.json() as { issue: { expression: string[]; diagnostics: string }[] }).issue[0];
    expect(issue?.expression).toEqual(['Patient.birthDate']);
    expect(issue?.diagnostics).not.toMatch(/^referrals\./);
  });

  test('a lone surrogate in a Patient name is a 422 OperationOutcome naming the element, and writes nothing', async () => {
    const identifier = randomUUID();
    const body = containedTask(identifier);
    body.contained[0] = { ...patient(), id: 'p', name: [{ use: 'official', family: 'Jones', given: ['Al\ud800ex'] }] };
    // JSON.stringify writes a lone surrogate as an escape in the raw body, as an attacker would send it.
    const raw = JSON.stringify(body);
    expect(raw).toContain('\\ud800');
    const res = await t.app.inject({ method: 'POST', url: '/fhir/Task', headers: headers(gp), payload: raw });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', expression: ['Task.contained[0].name[0].given[0]'] }],
    });
    expect(await rowsWith(identifier)).toHaveLength(0);
  });

  test('50 concurrent submissions of the same identifier create exactly one referral', async () => {
    const identifier = randomUUID();
    const body = containedTask(identifier);
    const results = await Promise.all(Array.from({ length: 50 }, () => create(body)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(results.map((r) => (r.json() as Task).id)).size).toBe(1);
    expect(await rowsWith(identifier)).toHaveLength(1);
  });

  test('an Idempotency-Key replays the first answer and stands in for a missing identifier', async () => {
    const key = randomUUID();
    const body = containedTask(null);
    const first = await create(body, gp, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const replay = await create(body, gp, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers.etag).toBe('W/"1"');
    expect(replay.body).toBe(first.body);
    expect((await create(containedTask(null))).statusCode).toBe(422);
  });

  test('a create whose process dies after its commit is replayed to the retry: the same 201 and body, one referral', async () => {
    // "Dies": anything the route still had to do after the business transaction fails.
    const idempotency = t.services.idempotency;
    const complete = idempotency.complete;
    idempotency.complete = async () => {
      throw new Error('the process died after the commit');
    };
    const key = randomUUID();
    const body = containedTask(null);
    try {
      // Whatever this first caller saw (nothing, if the process died), the retry must be answered.
      await create(body, gp, { 'idempotency-key': key });
    } finally {
      idempotency.complete = complete;
    }
    // The answer committed with the referral.
    const stored = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('idempotency_keys').select(['state', 'response_status', 'response_body']).where('key', '=', key).executeTakeFirstOrThrow(),
    );
    expect(stored).toMatchObject({ state: 'done', response_status: 201 });
    const retry = await create(body, gp, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(stored.response_body);
    const task = retry.json() as Task;
    expect(retry.headers.location).toContain(`/fhir/Task/${task.id}/_history/1`);
    expect(task).toEqual((await get(`/fhir/Task/${task.id}`, gp)).json());
    const referrals = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      referralTables(tx).selectFrom('referrals').select('id').where('identifier_value', 'like', `%${key}`).execute(),
    );
    expect(referrals).toHaveLength(1);
  });

  test('a Bundle create and a Task change store their answers in their own transactions too', async () => {
    const idempotency = t.services.idempotency;
    const complete = idempotency.complete;
    idempotency.complete = async () => {
      throw new Error('the process died after the commit');
    };
    const bundleKey = randomUUID();
    const patchKey = randomUUID();
    const bundle = transaction();
    const { id } = await created();
    const ops = [{ op: 'replace', path: '/status', value: 'accepted' }];
    try {
      await t.app.inject({ method: 'POST', url: '/fhir', headers: headers(gp, { 'idempotency-key': bundleKey }), payload: JSON.stringify(bundle) });
      await patch(id, ips, ops, { 'idempotency-key': patchKey });
    } finally {
      idempotency.complete = complete;
    }
    const retryBundle = await t.app.inject({
      method: 'POST',
      url: '/fhir',
      headers: headers(gp, { 'idempotency-key': bundleKey }),
      payload: JSON.stringify(bundle),
    });
    expect(retryBundle.statusCode).toBe(200);
    expect(retryBundle.headers['idempotent-replayed']).toBe('true');
    expect(retryBundle.json().entry[0].response.status).toBe('201 Created');
    const retryPatch = await patch(id, ips, ops, { 'idempotency-key': patchKey });
    expect(retryPatch.statusCode).toBe(200);
    expect(retryPatch.headers['idempotent-replayed']).toBe('true');
    expect(retryPatch.json()).toMatchObject({ id, status: 'accepted' });
    expect(retryPatch.json()).toEqual((await get(`/fhir/Task/${id}`, ips)).json());
  });

  test('creating needs referrals:write', async () => {
    const res = await create(containedTask(), readOnly);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });
});

describe('changing a referral', () => {
  test('requested → completed is not a lawful move: 409 OperationOutcome', async () => {
    const { id } = await created();
    const res = await patch(id, ips, [{ op: 'replace', path: '/status', value: 'completed' }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'business-rule' }] });
  });

  test('the requester may cancel but not accept', async () => {
    const { id } = await created();
    expect((await patch(id, gp, [{ op: 'replace', path: '/status', value: 'accepted' }])).statusCode).toBe(403);
    const noReason = await patch(id, gp, [{ op: 'replace', path: '/status', value: 'cancelled' }]);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ issue: [{ expression: ['Task.statusReason.text'] }] });
    const cancel = await patch(id, gp, [
      { op: 'replace', path: '/status', value: 'cancelled' },
      { op: 'add', path: '/statusReason', value: { text: 'Found work elsewhere' } },
    ]);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({ status: 'cancelled', statusReason: { text: 'Found work elsewhere' }, meta: { versionId: '2' } });
  });

  test('the owner accepts; Task.output points at the case, and _include=Task:output returns it', async () => {
    const { id } = await created();
    const accepted = await patch(id, ips, [{ op: 'replace', path: '/status', value: 'accepted' }], { 'if-match': 'W/"1"' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.headers.etag).toBe('W/"2"');
    const task = accepted.json() as Task;
    expect(task.status).toBe('accepted');
    const output = task.output?.[0]?.valueReference.reference ?? '';
    expect(output).toMatch(/^EpisodeOfCare\/[0-9a-f-]{36}$/);

    const stale = await patch(id, ips, [{ op: 'replace', path: '/status', value: 'in-progress' }], { 'if-match': 'W/"1"' });
    expect(stale.statusCode).toBe(409);

    const search = (await get(`/fhir/Task?_id=${id}&_include=Task:output`, gp)).json() as Bundle;
    expect(search.total).toBe(1);
    expect(search.entry.map((e) => [e.resource.resourceType, e.search?.mode])).toEqual([
      ['Task', 'match'],
      ['EpisodeOfCare', 'include'],
    ]);
    expect(`EpisodeOfCare/${search.entry[1]?.resource.id}`).toBe(output);
    const episode = await get(`/fhir/${output}`, ips);
    expect(episode.statusCode).toBe(200);
    expect(episode.json()).toMatchObject({ resourceType: 'EpisodeOfCare', status: 'active', referralRequest: [{ reference: `ServiceRequest/${id}` }] });
    expect((await get(`/fhir/${output}`, cardiff)).statusCode).toBe(404);
  });

  test('a status and a milestone in one PATCH happen together or not at all', async () => {
    const { id } = await created();
    // requested → in-progress is not allowed, so the milestone sent with it must not be kept either.
    const refused = await patch(id, ips, [
      { op: 'replace', path: '/businessStatus', value: { coding: [{ system: `${CS}milestone`, code: 'contacted' }] } },
      { op: 'replace', path: '/status', value: 'completed' },
    ]);
    expect(refused.statusCode).toBe(409);
    const after = (await get(`/fhir/Task/${id}`, ips)).json() as Task;
    expect(after.businessStatus.coding[0]?.code).toBe('received');
    expect(after.meta.versionId).toBe('1');
  });

  test('PUT changes businessStatus; changing what is fixed is 422; other operations are 422', async () => {
    const { id } = await created();
    await patch(id, ips, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    const current = (await get(`/fhir/Task/${id}`, ips)).json() as Task;
    const contacted = { ...current, businessStatus: { coding: [{ system: `${CS}milestone`, code: 'contacted' }] } };
    const put = await t.app.inject({ method: 'PUT', url: `/fhir/Task/${id}`, headers: headers(ips), payload: JSON.stringify(contacted) });
    expect(put.statusCode).toBe(200);
    expect((put.json() as Task).businessStatus.coding[0]?.code).toBe('contacted');
    const moved = { ...current, focus: { reference: 'ServiceRequest/00000000-0000-4000-8000-000000000000' } };
    const refused = await t.app.inject({ method: 'PUT', url: `/fhir/Task/${id}`, headers: headers(ips), payload: JSON.stringify(moved) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ issue: [{ expression: ['Task.focus'] }] });
    expect((await patch(id, ips, [{ op: 'remove', path: '/status' }])).statusCode).toBe(422);
    expect((await patch(id, ips, [{ op: 'replace', path: '/priority', value: 'urgent' }])).statusCode).toBe(422);
  });
});

describe('searching', () => {
  test('_lastUpdated=gt returns only what changed since', async () => {
    const a = await created();
    const b = await created();
    const since = new Date(t.clock.now().getTime()).toISOString();
    t.clock.advance(60_000);
    await patch(a.id, ips, [{ op: 'replace', path: '/status', value: 'accepted' }]);
    const res = await get(`/fhir/Task?_lastUpdated=gt${since}&_id=${a.id},${b.id}`, gp);
    expect(res.statusCode).toBe(200);
    const bundle = res.json() as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(bundle.entry.map((e) => e.resource.id)).toEqual([a.id]);
    expect(bundle.link[0]).toMatchObject({ relation: 'self' });
  });

  test('patient, owner and status filter; paging gives a next link', async () => {
    const task = await created();
    const patientRef = (task.for as { reference: string }).reference;
    for (const q of [`patient=${patientRef}`, `patient=${patientRef.replace('Patient/', '')}`]) {
      const bundle = (await get(`/fhir/Task?${q}&_count=1`, gp)).json() as Bundle;
      expect(bundle.total).toBeGreaterThan(1);
      expect(bundle.entry).toHaveLength(1);
      expect(bundle.link.find((l) => l.relation === 'next')?.url).toContain('_offset=1');
    }
    const owner = (task.owner as { reference: string }).reference;
    const requested = (await get(`/fhir/Task?owner=${owner}&status=requested&_count=100`, ips)).json() as Bundle;
    expect(requested.entry.every((e) => e.resource.status === 'requested')).toBe(true);
    expect(requested.entry.some((e) => e.resource.id === task.id)).toBe(true);
  });

  test('each request that sends a referral’s health information to a partner system is audited', async () => {
    const task = await created();
    const focus = (task.focus as { reference: string }).reference.replace('ServiceRequest/', '');
    const healthReads = async () =>
      (
        await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
          tx.selectFrom('audit_events').select(['record_id', 'reason', 'details']).where('action', '=', 'referral.health-read').orderBy('pos').execute(),
        )
      ).filter((r) => JSON.stringify(r.details).includes(focus));
    const before = (await healthReads()).length;
    expect((await get(`/fhir/ServiceRequest/${focus}`, gp)).statusCode).toBe(200);
    expect((await healthReads()).at(-1)).toMatchObject({ record_id: focus, reason: 'FHIR ServiceRequest read' });
    // A Task search without its ServiceRequests sends no health information; with them, one row for the request.
    await get(`/fhir/Task?_id=${task.id}`, gp);
    expect(await healthReads()).toHaveLength(before + 1);
    await get(`/fhir/Task?_id=${task.id}&_include=Task:focus`, gp);
    expect(await healthReads()).toHaveLength(before + 2);
    expect((await healthReads()).at(-1)?.reason).toBe('FHIR Task search with its ServiceRequests');
  });

  test.each(['_sort=-_lastUpdated', 'subject=Patient/1', '_lastUpdated=2026-01-01', 'status=nonsense', '_count=1000', 'patient=Patient/abc'])(
    'a parameter Bridgework cannot use (%s) is refused, not ignored',
    async (query) => {
      const res = await get(`/fhir/Task?${query}`, gp);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    },
  );
});

describe('tenant isolation', () => {
  test('a Cardiff client gets 404 on a Leicester Task read, PATCH and PUT, and finds nothing', async () => {
    const task = await created();
    expect((await get(`/fhir/Task/${task.id}`, cardiff)).statusCode).toBe(404);
    expect((await get(`/fhir/ServiceRequest/${task.id}`, cardiff)).statusCode).toBe(404);
    expect((await get(`/fhir/Patient/${(task.for as { reference: string }).reference.slice(8)}`, cardiff)).statusCode).toBe(404);
    const patched = await patch(task.id, cardiff, [{ op: 'replace', path: '/status', value: 'cancelled' }]);
    expect(patched.statusCode).toBe(404);
    expect(patched.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/fhir/Task/${task.id}`,
      headers: headers(cardiff),
      payload: JSON.stringify({ ...task, status: 'cancelled' }),
    });
    expect(put.statusCode).toBe(404);
    const search = (await get(`/fhir/Task?_id=${task.id}`, cardiff)).json() as Bundle;
    expect(search.total).toBe(0);
    expect((await get('/fhir/Task', cardiff)).json()).toMatchObject({ total: 0 });
    expect((await get(`/fhir/Task/${task.id}`, gp)).json()).toMatchObject({ status: 'requested', meta: { versionId: '1' } });
  });
});

test('the CapabilityStatement lists Task with its interactions and search parameters', async () => {
  const res = await t.app.inject('/fhir/metadata');
  const resources = (res.json() as { rest: { resource: { type: string; interaction: { code: string }[]; searchParam?: { name: string }[] }[] }[] }).rest[0]
    ?.resource;
  const taskEntry = resources?.find((r) => r.type === 'Task');
  expect(taskEntry?.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['create', 'read', 'update', 'patch', 'search-type']));
  expect(taskEntry?.searchParam?.map((p) => p.name)).toEqual(
    expect.arrayContaining(['_id', 'patient', 'requester', 'status', 'focus', 'owner', '_lastUpdated']),
  );
  expect(resources?.map((r) => r.type)).toEqual(expect.arrayContaining(['ServiceRequest', 'Patient', 'EpisodeOfCare']));
});

describe('generated bad FHIR input', () => {
  const counts = async () => {
    const rows = await t.testDb.db.inTenant(t.tenants.leicester, async (tx) => ({
      referrals: (await referralTables(tx).selectFrom('referrals').select('id').execute()).length,
      events: (await referralTables(tx).selectFrom('referral_events').select('id').execute()).length,
    }));
    return rows;
  };
  const junk = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.integer(),
    fc.constant(''),
    fc.constant([]),
    fc.constant({}),
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.string({ minLength: 5001, maxLength: 5100 }),
  );
  // Each of these is required: replacing it with junk must make the whole submission fail.
  const REQUIRED: ((body: ReturnType<typeof containedTask>, v: unknown) => void)[] = [
    (b, v) => Object.assign(b, { intent: v }),
    (b, v) => Object.assign(b, { code: v }),
    (b, v) => Object.assign(b, { focus: v }),
    (b, v) => Object.assign(b, { for: v }),
    (b, v) => Object.assign(b, { authoredOn: v }),
    (b, v) => Object.assign(b, { resourceType: v }),
    (b, v) => Object.assign(b.contained[0] as object, { birthDate: v }),
    (b, v) => Object.assign(b.contained[0] as object, { name: v }),
    (b, v) => Object.assign(b.contained[0] as object, { address: v }),
    (b, v) => Object.assign(b.contained[1] as object, { supportingInfo: v }),
    (b, v) => Object.assign(b.contained[2] as object, { status: v }),
    (b, v) => Object.assign(b.contained[2] as object, { provision: v }),
  ];

  test('mutated and random referral submissions are all refused with 4xx and write nothing', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.nat(REQUIRED.length - 1), junk).map(([i, v]) => {
            const body = containedTask();
            REQUIRED[i]?.(body, v === undefined ? undefined : v);
            return { url: '/fhir/Task', payload: JSON.stringify(body) };
          }),
          fc.tuple(fc.json({ maxDepth: 3 }), fc.constantFrom('/fhir/Task', '/fhir')).map(([payload, url]) => ({ url, payload })),
          fc.string({ maxLength: 50 }).map((payload) => ({ url: '/fhir', payload })),
        ),
        async ({ url, payload }) => {
          const res = await t.app.inject({ method: 'POST', url, headers: headers(gp), payload });
          expect(res.statusCode, `${url} ${payload.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode !== 400) expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
        },
      ),
      { numRuns: 150 },
    );
    expect(await counts()).toEqual(before);
  });

  test('generated bad changes and searches are refused with 4xx and change nothing', async () => {
    const { id } = await created();
    const before = await counts();
    const op = fc.record({
      op: fc.string({ maxLength: 10 }),
      path: fc.oneof(fc.constantFrom('/status', '/businessStatus', '/statusReason', '/focus'), fc.string()),
      value: fc.anything({ maxDepth: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .array(op, { minLength: 1, maxLength: 4 })
            .map((ops) => ({ method: 'PATCH' as const, body: JSON.stringify(ops), type: 'application/json-patch+json' })),
          fc.constantFrom('completed', 'rejected', 'draft', 'ready', 'on-hold', 42, null).map((status) => ({
            method: 'PATCH' as const,
            body: JSON.stringify([{ op: 'replace', path: '/status', value: status }]),
            type: 'application/json-patch+json',
          })),
          fc.json({ maxDepth: 3 }).map((body) => ({ method: 'PUT' as const, body, type: 'application/fhir+json' })),
        ),
        async ({ method, body, type }) => {
          const res = await t.app.inject({ method, url: `/fhir/Task/${id}`, headers: { ...headers(ips), 'content-type': type }, payload: body });
          expect(res.statusCode, `${method} ${body.slice(0, 200)} → ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('patient', 'status', '_lastUpdated', '_count', 'owner', '_include', 'nonsense', '_id'), fc.string({ maxLength: 20 }), {
          minKeys: 1,
        }),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await t.app.inject({ url: `/fhir/Task?${qs}`, headers: { authorization: `Bearer ${gp}` } });
          expect(res.statusCode, `${qs} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
    expect(await counts()).toEqual(before);
    expect(((await get(`/fhir/Task/${id}`, gp)).json() as Task).meta.versionId).toBe('1');
  });
});
