import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { referralTables } from '../../src/domains/referrals/index.ts';
import { sealAuditChains, verifyAuditChains } from '../../src/platform/audit/index.ts';
import { fixedClock } from '../../src/platform/clock/index.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { createJobRunner, enqueueJobs, type JobHandler } from '../../src/platform/jobs/index.ts';
import { createServices, type Services } from '../../src/services.ts';
import { createTestDatabase, TEST_SEED_TIME, type TestDatabase } from '../support/test-db.ts';

// Two app nodes on one PostgreSQL database, each with its own connection pool, services and app,
// as two processes behind a load balancer would be: idempotency, job claiming and audit sealing
// must hold between them. Only a server has two clients of one database:
// PGlite is one process's embedded database, so there is nothing to show there.
const serverUrl = process.env.TEST_DATABASE_URL;

type Node = { db: Database; services: Services; app: FastifyInstance };

async function startNode(url: string, clock: ReturnType<typeof fixedClock>): Promise<Node> {
  const db = await openDatabase({ kind: 'postgres', url });
  const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock });
  const app = await createApp(services, { logger: false });
  await app.ready();
  return { db, services, app };
}

describe.skipIf(!serverUrl)('two app nodes on one PostgreSQL database (PostgreSQL only: PGlite has one process by design)', () => {
  const clock = fixedClock(TEST_SEED_TIME);
  let seeded: TestDatabase;
  let a: Node;
  let b: Node;
  let token: string;
  let leicester: string;

  beforeAll(async () => {
    // A database of its own, copied from the run's migrated and seeded template (seeded at this clock's time).
    seeded = await createTestDatabase('seeded');
    const url = seeded.url ?? '';
    a = await startNode(url, clock);
    b = await startNode(url, clock);
    leicester = (await a.db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', 'E06000016').executeTakeFirstOrThrow())).id;
    // A client made on one node and a token issued by it: the other node knows both from the database.
    const { clientId, clientSecret } = await a.services.clients.createClient({
      gssCode: 'E06000016',
      name: 'two-node client',
      scopes: 'referrals:read referrals:write',
      organisation: 'Leicester Central Primary Care Network',
    });
    const issued = await b.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
    });
    token = (issued.json() as { access_token: string }).access_token;
  }, 180_000);

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await a?.db.close();
    await b?.db.close();
    await seeded?.dispose();
  });

  const CS = 'https://bridgework.org.uk/fhir/CodeSystem/';
  const referralTask = () => ({
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    priority: 'routine',
    code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
    focus: { reference: '#sr' },
    for: { reference: '#p' },
    requester: { display: 'Dr Priya Shah' },
    authoredOn: '2026-11-20T10:00:00Z',
    contained: [
      {
        resourceType: 'Patient',
        id: 'p',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
        name: [{ use: 'official', family: 'Jones', given: ['Alex'] }],
        birthDate: '1980-04-12',
        address: [{ use: 'home', line: ['1 High Street'], city: 'Leicester', postalCode: 'LE1 6ZG' }],
        telecom: [{ system: 'email', value: 'alex@example.com', rank: 1 }],
      },
      {
        resourceType: 'ServiceRequest',
        id: 'sr',
        status: 'active',
        intent: 'order',
        category: [{ coding: [{ system: `${CS}referring-service`, code: 'gp' }] }],
        reasonCode: [{ text: 'Anxiety', coding: [{ system: `${CS}condition-category`, code: 'mental-health' }] }],
        orderDetail: [{ coding: [{ system: `${CS}fit-note`, code: 'not-fit' }] }, { coding: [{ system: `${CS}benefit`, code: 'uc' }] }],
        patientInstruction: 'Help finding part-time work',
        supportingInfo: [{ reference: '#c' }],
      },
      {
        resourceType: 'Consent',
        id: 'c',
        status: 'active',
        category: [{ coding: [{ system: `${CS}consent-method`, code: 'verbal' }] }],
        dateTime: '2026-11-20',
        provision: { type: 'permit', code: [{ coding: [{ system: `${CS}consent-scope`, code: 'share-with-employment-team' }] }] },
      },
    ],
  });
  const createOn = (node: Node, key: string, body: object) =>
    node.app.inject({
      method: 'POST',
      url: '/fhir/Task',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/fhir+json', 'idempotency-key': key },
      payload: JSON.stringify(body),
    });

  test('the same Idempotency-Key sent to both nodes at once makes one referral, and both callers get the same answer', async () => {
    for (let round = 0; round < 5; round++) {
      const key = randomUUID();
      // No Task.identifier: the key is the only thing that makes the two requests one referral.
      const body = referralTask();
      const answers = await Promise.all([createOn(a, key, body), createOn(b, key, body)]);
      const statuses = answers.map((r) => r.statusCode).sort();
      // The loser either saw the winner still running (409) or its stored answer.
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(statuses);
      const winner = answers.find((r) => r.statusCode === 201 && r.headers['idempotent-replayed'] === undefined);
      expect(winner).toBeDefined();
      // Once the winner has answered, a retry on either node replays exactly its answer.
      for (const node of [a, b]) {
        const retry = await createOn(node, key, body);
        expect(retry.statusCode).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.body).toBe(winner?.body);
      }
      const made = await a.db.inTenant(leicester, (tx) =>
        referralTables(tx).selectFrom('referrals').select('id').where('identifier_value', 'like', `%${key}`).execute(),
      );
      expect(made).toHaveLength(1);
    }
  });

  test('jobs enqueued once are each run exactly once by the two nodes’ workers, and both take part', async () => {
    const runs = new Map<string, string[]>();
    let bStarted: () => void = () => {};
    const bHasWork = new Promise<void>((resolve) => {
      bStarted = resolve;
    });
    const handler =
      (node: 'a' | 'b'): JobHandler =>
      async (job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), node]);
        // A's first job waits until B has claimed one of its own: both nodes demonstrably share the queue.
        if (node === 'a') await bHasWork;
        else bStarted();
      };
    const workerA = createJobRunner({ db: a.db, clock, handlers: { 'two-nodes.count': handler('a') } });
    const workerB = createJobRunner({ db: b.db, clock, handlers: { 'two-nodes.count': handler('b') } });
    const ids = await a.db.global((tx) =>
      enqueueJobs(
        tx,
        clock,
        Array.from({ length: 300 }, (_, i) => ({ name: 'two-nodes.count', payload: { i } })),
      ),
    );
    const drain = async (worker: ReturnType<typeof createJobRunner>) => {
      for (;;) {
        const { done, retried, dead } = await worker.runDue(20);
        if (done + retried + dead === 0) return;
      }
    };
    await Promise.all([drain(workerA), drain(workerB)]);
    expect(ids).toHaveLength(300);
    expect(ids.filter((id) => runs.get(id)?.length !== 1)).toEqual([]);
    const byNode = [...runs.values()].flat();
    expect(byNode.filter((n) => n === 'a').length).toBeGreaterThan(0);
    expect(byNode.filter((n) => n === 'b').length).toBeGreaterThan(0);
    const states = await a.db.global((tx) => tx.selectFrom('jobs').select('state').where('id', 'in', ids).execute());
    expect(states.every((s) => s.state === 'done')).toBe(true);
  });

  test('audit rows written by both nodes are sealed, by both nodes’ sealers at once, into one intact chain per tenant', async () => {
    // Whatever the seed and earlier tests wrote, sealed first, so what follows is counted exactly.
    const sealAll = async () => {
      for (;;) {
        const [x, y] = await Promise.all([sealAuditChains(a.db), sealAuditChains(b.db)]);
        const report = await verifyAuditChains(a.db, { now: clock.now() });
        if (report.unsealed === 0 && x.sealed + y.sealed === 0) return report;
      }
    };
    const before = await sealAll();
    // Twenty audited writes, half on each node, all at once.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => createOn(i % 2 ? b : a, randomUUID(), referralTask())));
    expect(answers.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, () => 201));
    const written = await verifyAuditChains(b.db, { now: clock.now() });
    expect(written.unsealed).toBeGreaterThanOrEqual(20);
    expect(written.firstBreak).toBeNull();
    const after = await sealAll();
    expect(after).toMatchObject({ unsealed: 0, overdue: 0, firstBreak: null });
    expect(after.events - before.events).toBe(written.unsealed);
    // Either node verifies the same chain.
    expect(await verifyAuditChains(b.db, { now: clock.now() })).toEqual(after);
  });
});
