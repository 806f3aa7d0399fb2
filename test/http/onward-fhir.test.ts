import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stableId } from '../../src/domains/directory/index.ts';
import { actorOf, type UserPrincipal } from '../../src/platform/auth/index.ts';
import { LEICESTER_SPECIALIST, openCase } from '../support/cases.ts';
import { newPeople, staffPrincipal } from '../support/referrals.ts';
import { bearerToken, createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// An onward referral as a FHIR Task for the provider's own system (issue 16 item 4), on the engine
// under test: read with a token of a client whose organisation a partner record links to the
// service's directory organisation, answered by status changes (the closed loop), and nobody else's.
let t: TestApp;
let specialist: UserPrincipal;
let caseId = '';
let taskId = '';
let provider = '';
let stranger = '';
let referralsOnly = '';

const MONEY = stableId('E06000016:service:money');
type Task = {
  resourceType: string;
  id: string;
  meta: { versionId: string };
  status: string;
  statusReason?: { text?: string };
  businessStatus: { coding: { system: string; code: string }[] };
  focus: { reference: string };
  for: { reference: string };
  owner: { display: string; identifier: { value: string } };
  contained: { resourceType: string; id: string; name?: { text: string }[]; telecom?: unknown[]; birthDate?: string; code?: { text: string } }[];
  output?: { valueString: string }[];
};

const fhir = (token: string, method: 'GET' | 'PATCH' | 'PUT', id: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url: `/fhir/Task/${id}`,
    headers: {
      authorization: `Bearer ${token}`,
      ...(method === 'PATCH' ? { 'content-type': 'application/json-patch+json' } : method === 'PUT' ? { 'content-type': 'application/fhir+json' } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });

beforeAll(async () => {
  t = await createTestApp();
  specialist = await staffPrincipal(t, 'leicester', LEICESTER_SPECIALIST);
  const admin = await staffPrincipal(t, 'leicester', 'tenant-admin@leicester.bridgework.example');
  // The money advice centre's own system: an organisation, a partner record linking it to its
  // organisation in the directory, and a client for it.
  const money = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
    tx
      .withTables<{ directory_services: { id: string; organisation_id: string } }>()
      .selectFrom('directory_services')
      .select('organisation_id')
      .where('id', '=', MONEY)
      .executeTakeFirstOrThrow(),
  );
  const org = await t.services.organisations.create(t.tenants.leicester, actorOf(admin), {
    name: 'City Money Advice Centre (system)',
    kind: 'employment-provider',
  });
  // The demo records the centre as a partner, linked to the directory: link its system's organisation too.
  const partner = (await t.services.partners.partners(admin)).find((p) => p.directoryOrganisationId === money.organisation_id);
  if (!partner) throw new Error('the demo has no partner for the money advice centre');
  await t.services.partners.editPartner(admin, partner.id, {
    name: partner.name,
    kind: partner.kind,
    role: partner.role,
    organisationId: org.id,
    directoryOrganisationId: money.organisation_id,
  });
  provider = await bearerToken(t, 'E06000016', 'onward-referrals:read onward-referrals:write', 'City Money Advice Centre (system)');
  const other = await t.services.organisations.create(t.tenants.leicester, actorOf(admin), { name: 'Another advice charity', kind: 'employment-provider' });
  stranger = await bearerToken(t, 'E06000016', 'onward-referrals:read onward-referrals:write', other.name);
  referralsOnly = await bearerToken(t, 'E06000016', 'referrals:read referrals:write', 'City Money Advice Centre (system)');

  const opened = await openCase(t, { ...newPeople('1979-03-03')('onwardfhir'), givenName: 'Fhironward' });
  caseId = opened.caseId;
  const sent = await t.services.onward.send(specialist, caseId, {
    serviceId: MONEY,
    need: 'Council tax arrears',
    share: ['name', 'contact'],
    consent: 'yes',
    consentMethod: 'verbal',
  });
  taskId = sent.id;
}, 120_000);
afterAll(() => t.close());

describe(`onward referrals as FHIR Tasks on ${testDatabaseKind}`, () => {
  test('the provider’s system reads the Task: who, for what, whose, with only what the person agreed to share', async () => {
    const res = await fhir(provider, 'GET', taskId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('W/"1"');
    const task = res.json() as Task;
    expect(task).toMatchObject({ resourceType: 'Task', id: taskId, status: 'requested', focus: { reference: '#request' }, for: { reference: '#person' } });
    expect(task.businessStatus.coding[0]?.code).toBe('sent');
    expect(task.owner).toMatchObject({ display: 'City Money Advice Centre', identifier: { value: MONEY } });
    const person = task.contained.find((r) => r.resourceType === 'Patient');
    expect(person?.name?.[0]?.text).toMatch(/^Fhironward /);
    expect(person?.telecom).toBeDefined();
    // Date of birth and address were not agreed: not there.
    expect(person?.birthDate).toBeUndefined();
    expect(JSON.stringify(task)).not.toContain('1979-03-03');
    expect(task.contained.find((r) => r.resourceType === 'ServiceRequest')?.code?.text).toBe('Council tax arrears');
  });

  test('nobody else reads it: another organisation’s client, a referrals client, no token', async () => {
    expect((await fhir(stranger, 'GET', taskId)).statusCode).toBe(404);
    expect((await fhir(referralsOnly, 'GET', taskId)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/fhir/Task/${taskId}` })).statusCode).toBe(401);
    // And the provider's client does not reach the referrals' own Tasks.
    expect((await fhir(provider, 'GET', crypto.randomUUID())).statusCode).toBe(404);
    expect((await fhir(stranger, 'PATCH', taskId, [{ op: 'replace', path: '/status', value: 'accepted' }])).statusCode).toBe(404);
  });

  test('the provider accepts by status, then records the outcome: the case timeline shows each step, with audit rows', async () => {
    const accepted = await fhir(provider, 'PATCH', taskId, [{ op: 'replace', path: '/status', value: 'accepted' }], { 'if-match': 'W/"1"' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as Task).status).toBe('accepted');
    expect(accepted.headers.etag).toBe('W/"2"');
    // A stale version is refused; declining an accepted referral is not a move the rules allow.
    expect((await fhir(provider, 'PATCH', taskId, [{ op: 'replace', path: '/status', value: 'completed' }], { 'if-match': 'W/"1"' })).statusCode).toBe(409);
    const decline = await fhir(provider, 'PATCH', taskId, [
      { op: 'replace', path: '/status', value: 'rejected' },
      { op: 'replace', path: '/statusReason', value: { text: 'Changed our mind' } },
    ]);
    expect(decline.statusCode).toBe(409);
    // Completing needs the outcome, in statusReason.text.
    const current = (await fhir(provider, 'GET', taskId)).json() as Task;
    const noOutcome = await fhir(provider, 'PUT', taskId, { ...current, status: 'completed' });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json()).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(noOutcome.body).toContain('Task.statusReason.text');
    const done = await fhir(provider, 'PUT', taskId, { ...current, status: 'completed', statusReason: { text: 'Payment plan agreed with the council' } });
    expect(done.statusCode, done.body).toBe(200);
    const task = done.json() as Task;
    expect(task.status).toBe('completed');
    expect(task.output?.[0]?.valueString).toBe('Payment plan agreed with the council');
    expect(task.meta.versionId).toBe('3');

    const view = await t.services.cases.view(specialist, caseId);
    expect(view.events.filter((e) => e.kind === 'onward-referral').map((e) => e.to)).toEqual(expect.arrayContaining(['sent', 'accepted', 'completed']));
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').select(['action', 'actor_kind']).where('record_id', '=', taskId).orderBy('pos').execute(),
    );
    expect(audit.filter((a) => a.action === 'onward-referral.accept' || a.action === 'onward-referral.outcome')).toEqual([
      { action: 'onward-referral.accept', actor_kind: 'client' },
      { action: 'onward-referral.outcome', actor_kind: 'client' },
    ]);
    expect(audit.some((a) => a.action === 'onward-referral.system-read')).toBe(true);
    // The specialist's pages show it finished.
    const mine = await t.services.onward.ofCase(specialist, caseId);
    expect(mine.find((o) => o.id === taskId)).toMatchObject({ status: 'completed', outcome: 'Payment plan agreed with the council' });
  });

  test('the CapabilityStatement describes Task once, with the onward referrals beside the referrals', async () => {
    const statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json() as {
      rest: { resource: { type: string; documentation: string; interaction: { code: string }[] }[] }[];
    };
    const tasks = statement.rest[0]?.resource.filter((r) => r.type === 'Task') ?? [];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.documentation).toContain('Onward referrals to directory services are Tasks too');
    expect(tasks[0]?.interaction.map((i) => i.code)).toEqual(expect.arrayContaining(['create', 'read', 'update', 'patch', 'search-type']));
  });
});

type Bundle = { resourceType: string; type: string; total: number; entry?: { resource: Task }[]; link: { relation: string; url: string }[] };

describe(`the provider’s system searches its onward referrals (GET /fhir/Task) on ${testDatabaseKind}`, () => {
  const search = (token: string | null, query: string) =>
    t.app.inject({ method: 'GET', url: `/fhir/Task?${query}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const ids: string[] = [];
  let since = '';

  beforeAll(async () => {
    // Three more referrals to the centre, a second apart; the third accepted a minute after the second.
    for (const need of ['Rent arrears', 'Energy debt', 'Benefit overpayment']) {
      t.clock.advance(1000);
      const opened = await openCase(t, { ...newPeople('1980-04-04')(`onwardsearch${ids.length}`), givenName: 'Searchonward' });
      ids.push(
        (await t.services.onward.send(specialist, opened.caseId, { serviceId: MONEY, need, share: ['name'], consent: 'yes', consentMethod: 'verbal' })).id,
      );
    }
    since = t.clock.now().toISOString();
    t.clock.advance(60_000);
    const accepted = await fhir(provider, 'PATCH', ids[2] ?? '', [{ op: 'replace', path: '/status', value: 'accepted' }]);
    expect(accepted.statusCode, accepted.body).toBe(200);
  }, 120_000);

  test('a Bundle of its Tasks, by status, owner and id, oldest change first, with an audit row', async () => {
    const all = await search(provider, `_id=${ids.join(',')}`);
    expect(all.statusCode, all.body).toBe(200);
    const bundle = all.json() as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 3 });
    expect(bundle.entry?.map((e) => e.resource.id)).toEqual(ids);
    expect(bundle.entry?.[0]?.resource.contained.find((r) => r.resourceType === 'ServiceRequest')?.code?.text).toBe('Rent arrears');
    const requested = (await search(provider, `_id=${ids.join(',')}&status=requested`)).json() as Bundle;
    expect(requested.entry?.map((e) => e.resource.id)).toEqual(ids.slice(0, 2));
    const accepted = (await search(provider, `_id=${ids.join(',')}&status=accepted,rejected`)).json() as Bundle;
    expect(accepted.entry?.map((e) => e.resource.id)).toEqual([ids[2]]);
    // A Task status no onward referral takes, and a code other than fulfill, match nothing.
    expect(((await search(provider, `_id=${ids.join(',')}&status=in-progress`)).json() as Bundle).total).toBe(0);
    expect(((await search(provider, `_id=${ids.join(',')}&code=other`)).json() as Bundle).total).toBe(0);
    for (const owner of [`HealthcareService/${MONEY}`, MONEY]) {
      expect(((await search(provider, `_id=${ids.join(',')}&owner=${owner}`)).json() as Bundle).total).toBe(3);
    }
    expect(((await search(provider, `owner=HealthcareService/${crypto.randomUUID()}`)).json() as Bundle).total).toBe(0);
    const audit = await t.testDb.db.inTenant(t.tenants.leicester, (tx) =>
      tx.selectFrom('audit_events').select(['details', 'actor_kind']).where('action', '=', 'onward-referral.system-search').orderBy('pos', 'desc').execute(),
    );
    expect(audit[0]?.actor_kind).toBe('client');
    expect(JSON.stringify(audit.map((a) => a.details))).toContain(ids[2]);
  });

  test('_lastUpdated=gt finds what changed since (the accepted one); _count pages with a next link', async () => {
    const changed = (await search(provider, `_lastUpdated=gt${since}`)).json() as Bundle;
    expect(changed.entry?.map((e) => e.resource.id)).toEqual([ids[2]]);
    const first = (await search(provider, `_id=${ids.join(',')}&_count=2`)).json() as Bundle;
    expect(first.total).toBe(3);
    expect(first.entry?.map((e) => e.resource.id)).toEqual(ids.slice(0, 2));
    const next = first.link.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toContain('_offset=2');
    const second = (await search(provider, new URL(next).search.slice(1))).json() as Bundle;
    expect(second.entry?.map((e) => e.resource.id)).toEqual([ids[2]]);
    expect(second.link.some((l) => l.relation === 'next')).toBe(false);
    const counted = (await search(provider, `_id=${ids.join(',')}&_count=0`)).json() as Bundle;
    expect(counted.total).toBe(3);
    expect(counted.entry ?? []).toHaveLength(0);
    const past = (await search(provider, `_id=${ids.join(',')}&_offset=10`)).json() as Bundle;
    expect(past.total).toBe(3);
  });

  test('nobody else finds them: another organisation’s or council’s client finds none; no token 401; a referrals client sees only referrals', async () => {
    expect(((await search(stranger, `_id=${ids.join(',')}`)).json() as Bundle).total).toBe(0);
    expect(((await search(stranger, '')).json() as Bundle).total).toBe(0);
    // A Cardiff organisation's client, and a client acting for no organisation.
    const inCardiff = await t.services.organisations.create(
      t.tenants.cardiff,
      { kind: 'system', id: 'test' },
      { name: 'Cardiff money advice', kind: 'employment-provider' },
    );
    const cardiff = await bearerToken(t, 'W06000015', 'onward-referrals:read', inCardiff.name);
    expect(((await search(cardiff, `_id=${ids.join(',')}`)).json() as Bundle).total).toBe(0);
    const noOrganisation = await bearerToken(t, 'E06000016', 'onward-referrals:read');
    expect(((await search(noOrganisation, `_id=${ids.join(',')}`)).json() as Bundle).total).toBe(0);
    expect((await search(null, `_id=${ids.join(',')}`)).statusCode).toBe(401);
    const writeOnly = await bearerToken(t, 'E06000016', 'onward-referrals:write', 'City Money Advice Centre (system)');
    expect((await search(writeOnly, `_id=${ids.join(',')}`)).statusCode).toBe(403);
    const asReferrals = await search(referralsOnly, `_id=${ids.join(',')}`);
    expect(asReferrals.statusCode).toBe(200);
    expect((asReferrals.json() as Bundle).total).toBe(0);
  });

  test.each([
    'patient=Patient/1',
    '_include=Task:focus',
    'requester=Organization/abc',
    'status=nonsense',
    '_lastUpdated=2026-01-01',
    '_count=1000',
    '_count=two',
    '_offset=-1',
    '_id=not-an-id',
    'owner=Practitioner/abc',
    'status=requested&status=accepted',
    '_format=xml',
    '_sort=-_lastUpdated',
  ])('a parameter it cannot use (%s) is refused with an OperationOutcome, never a 500', async (query) => {
    const res = await search(provider, query);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  });

  test('the CapabilityStatement lists the search and its parameters', async () => {
    const statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json() as {
      rest: { resource: { type: string; documentation: string; searchParam: { name: string }[] }[] }[];
    };
    const task = statement.rest[0]?.resource.find((r) => r.type === 'Task');
    expect(task?.documentation).toContain('searches its onward referrals with GET /fhir/Task');
    expect(task?.searchParam.map((p) => p.name)).toEqual(expect.arrayContaining(['_id', 'status', 'code', 'owner', '_lastUpdated', '_count', '_offset']));
  });
});
