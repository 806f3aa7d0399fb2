import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import { fixedClock } from '../clock/index.ts';
import { newId } from '../db/index.ts';
import { enqueueJob, enqueueJobs, listJobs, retryDeadJob } from './job-queue.ts';
import { backoffSeconds, createJobRunner, type JobContext } from './job-runner.ts';

let t: TestDatabase;
const clock = fixedClock('2026-11-23T09:00:00Z');
const tenantId = newId();

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.owner.insertInto('tenants').values({ id: tenantId, gss_code: 'E06000016', name: 'Leicester', name_cy: 'Caerlŷr', nation: 'england' }).execute();
}, 120_000);
afterAll(() => t.dispose());
beforeEach(async () => {
  await t.db.global((tx) => tx.deleteFrom('jobs').execute());
  await t.db.global((tx) => tx.deleteFrom('job_schedules').execute());
});

const jobsNamed = (name: string) => t.db.global((tx) => tx.selectFrom('jobs').selectAll().where('name', '=', name).execute());

describe(`the job queue on ${testDatabaseKind}`, () => {
  test.each([
    [30, 1, 30],
    [30, 2, 60],
    [30, 4, 240],
    [30, 20, 3600],
  ])('backoff from %i s on attempt %i is %i s', (base, attempt, expected) => {
    expect(backoffSeconds(base, attempt)).toBe(expected);
  });

  test('a job enqueued in a transaction that rolls back never exists; a committed one runs once', async () => {
    await expect(
      t.db.inTenant(tenantId, async (tx) => {
        await enqueueJob(tx, clock, { name: 'rolled-back', tenantId, payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect(await jobsNamed('rolled-back')).toHaveLength(0);

    const seen: JobContext[] = [];
    await t.db.inTenant(tenantId, (tx) => enqueueJob(tx, clock, { name: 'committed', tenantId, payload: { recordId: 'r1' } }));
    const runner = createJobRunner({ db: t.db, clock, handlers: { committed: async (job) => void seen.push(job) } });
    expect(await runner.runDue()).toEqual({ done: 1, retried: 0, dead: 0 });
    expect(await runner.runDue()).toEqual({ done: 0, retried: 0, dead: 0 });
    expect(seen).toMatchObject([{ name: 'committed', tenantId, payload: { recordId: 'r1' }, attempt: 1 }]);
    expect((await jobsNamed('committed'))[0]?.state).toBe('done');
  });

  test('a failing job retries with exponential backoff, then goes to the dead state', async () => {
    let calls = 0;
    const runner = createJobRunner({
      db: t.db,
      clock,
      handlers: {
        flaky: async () => {
          calls++;
          throw new Error('the partner is down');
        },
      },
    });
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'flaky', payload: {}, maxAttempts: 3, backoffSeconds: 10 }));
    expect(await runner.runDue()).toMatchObject({ retried: 1 });
    expect(await runner.runDue()).toMatchObject({ retried: 0 });
    clock.advance(9_000);
    expect(await runner.runDue()).toMatchObject({ retried: 0 });
    clock.advance(1_000);
    expect(await runner.runDue()).toMatchObject({ retried: 1 });
    clock.advance(19_000);
    expect(await runner.runDue()).toMatchObject({ dead: 0, retried: 0 });
    clock.advance(1_000);
    expect(await runner.runDue()).toMatchObject({ dead: 1 });
    expect(calls).toBe(3);
    const [job] = await jobsNamed('flaky');
    expect(job).toMatchObject({ state: 'dead', attempts: 3, last_error: 'the partner is down' });
    expect((await listJobs(t.db, { state: 'dead' })).map((j) => j.id)).toContain(job?.id);

    expect(await retryDeadJob(t.db, clock, job?.id ?? '')).toBe(true);
    expect((await jobsNamed('flaky'))[0]).toMatchObject({ state: 'pending', attempts: 0 });
  });

  test('a job with no handler goes straight to the dead state', async () => {
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'unknown', payload: {} }));
    expect(await createJobRunner({ db: t.db, clock, handlers: {} }).runDue()).toMatchObject({ dead: 1 });
    expect((await jobsNamed('unknown'))[0]?.last_error).toBe('no handler for job unknown');
  });

  test('a job whose worker died (lock expired) is claimed again', async () => {
    let calls = 0;
    const handlers = {
      slow: async () => {
        calls++;
      },
    };
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'slow', payload: {} }));
    // Claim it as a worker would, then "crash": never mark it done.
    await t.db.global((tx) =>
      tx
        .updateTable('jobs')
        .set({ state: 'running', attempts: 1, locked_until: new Date(clock.now().getTime() + 300_000) })
        .execute(),
    );
    const runner = createJobRunner({ db: t.db, clock, handlers, lockSeconds: 300 });
    expect(await runner.runDue()).toMatchObject({ done: 0 });
    clock.advance(300_000);
    expect(await runner.runDue()).toMatchObject({ done: 1 });
    expect(calls).toBe(1);
    expect((await jobsNamed('slow'))[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  test('a de-duplication key makes a second enqueue a no-op', async () => {
    const first = await t.db.global((tx) => enqueueJob(tx, clock, { name: 'once', payload: {}, dedupeKey: 'once:1' }));
    const second = await t.db.global((tx) => enqueueJob(tx, clock, { name: 'once', payload: {}, dedupeKey: 'once:1' }));
    expect(second).toBe(first);
    expect(await jobsNamed('once')).toHaveLength(1);
  });

  test('a schedule enqueues once per period, even with two runners', async () => {
    let runs = 0;
    const deps = { db: t.db, clock, handlers: { tick: async () => void runs++ }, schedules: [{ name: 'tick', jobName: 'tick', everySeconds: 60 }] };
    const a = createJobRunner(deps);
    const b = createJobRunner(deps);
    await Promise.all([a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
    clock.advance(60_000);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(2);
  });

  test('a batch enqueue lands every job in one go, in order, each de-duplication key once', async () => {
    const before = await t.db.global((tx) => enqueueJob(tx, clock, { name: 'batch', payload: { n: 0 }, dedupeKey: 'batch:0' }));
    const ids = await t.db.inTenant(tenantId, (tx) =>
      enqueueJobs(tx, clock, [
        { name: 'batch', tenantId, payload: { n: 1 } },
        { name: 'batch', payload: { n: 0 }, dedupeKey: 'batch:0' },
        { name: 'batch', tenantId, payload: { n: 2 }, dedupeKey: 'batch:2' },
        { name: 'batch', tenantId, payload: { n: 2 }, dedupeKey: 'batch:2' },
      ]),
    );
    expect(ids[1]).toBe(before);
    expect(ids[3]).toBe(ids[2]);
    const rows = await jobsNamed('batch');
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.id === ids[0])?.payload).toEqual({ n: 1 });
    expect(await t.db.global((tx) => enqueueJobs(tx, clock, []))).toEqual([]);
  });

  test('a batch enqueue in a transaction that rolls back leaves no job', async () => {
    await expect(
      t.db.global(async (tx) => {
        await enqueueJobs(tx, clock, [
          { name: 'batch-rolled-back', payload: {} },
          { name: 'batch-rolled-back', payload: {} },
        ]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow();
    expect(await jobsNamed('batch-rolled-back')).toHaveLength(0);
  });

  test('twenty concurrent enqueue transactions all land', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.db.inTenant(tenantId, (tx) => enqueueJob(tx, clock, { name: 'burst', tenantId, payload: { i } }))),
    );
    expect(await jobsNamed('burst')).toHaveLength(20);
  });

  test('start() polls and stop() waits for the batch in flight', async () => {
    let done = 0;
    const runner = createJobRunner({ db: t.db, clock, handlers: { polled: async () => void done++ }, pollMs: 10 });
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'polled', payload: {} }));
    runner.start();
    for (let i = 0; i < 200 && done === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(done).toBe(1);
  });
});
