import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../../../test/support/test-db.ts';
import { fixedClock } from '../clock/index.ts';
import { newId } from '../db/index.ts';
import { enqueueJob, enqueueJobs, listJobs, retryDeadJob } from './job-queue.ts';
import { backoffSeconds, createJobRunner, type JobContext, type JobHandler } from './job-runner.ts';

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
    await runner.start();
    for (let i = 0; i < 200 && done === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(done).toBe(1);
  });

  test('a batch claim takes up to the batch size, and the worker claims again at once while a claim comes back full', async () => {
    const ran: string[] = [];
    const all = deferred();
    await t.db.global((tx) =>
      enqueueJobs(
        tx,
        clock,
        Array.from({ length: 25 }, (_, i) => ({ name: 'many', payload: { i } })),
      ),
    );
    const handlers = {
      many: async (job: JobContext) => {
        ran.push(job.id);
        if (ran.length === 25) all.resolve();
      },
    };
    expect(await createJobRunner({ db: t.db, clock, handlers, batchSize: 10 }).runDue()).toMatchObject({ done: 10 });
    // Nothing wakes this worker (no LISTEN, an hour's poll): only claiming again without a pause drains the rest.
    const runner = createJobRunner({ db: t.db, clock, handlers, batchSize: 10, listen: false, pollMs: HOUR, leaseSeconds: HOUR / 1000 });
    await runner.start();
    await all.promise;
    await runner.stop();
    expect(new Set(ran).size).toBe(25);
    expect((await jobsNamed('many')).every((j) => j.state === 'done')).toBe(true);
  });

  test('no more than the configured number of jobs run at once', async () => {
    await t.db.global((tx) =>
      enqueueJobs(
        tx,
        clock,
        Array.from({ length: 10 }, () => ({ name: 'bounded', payload: {} })),
      ),
    );
    let running = 0;
    let most = 0;
    const release = deferred();
    const three = deferred();
    const runner = createJobRunner({
      db: t.db,
      clock,
      concurrency: 3,
      batchSize: 10,
      handlers: {
        bounded: async () => {
          running++;
          most = Math.max(most, running);
          if (running === 3) three.resolve();
          await release.promise;
          running--;
        },
      },
    });
    const result = runner.runDue();
    await three.promise;
    // All ten are claimed; seven wait for a slot.
    expect((await jobsNamed('bounded')).filter((j) => j.state === 'running')).toHaveLength(10);
    release.resolve();
    expect(await result).toMatchObject({ done: 10 });
    expect(most).toBe(3);
  });

  test('two workers claiming at once run each job exactly once', async () => {
    await t.db.global((tx) =>
      enqueueJobs(
        tx,
        clock,
        Array.from({ length: 40 }, (_, i) => ({ name: 'shared', payload: { i } })),
      ),
    );
    const runs: { id: string; attempt: number }[] = [];
    const all = deferred();
    const handlers = {
      shared: async (job: JobContext) => {
        runs.push({ id: job.id, attempt: job.attempt });
        if (runs.length === 40) all.resolve();
      },
    };
    const options = { db: t.db, clock, handlers, batchSize: 4, concurrency: 2, listen: false, pollMs: HOUR, leaseSeconds: HOUR / 1000 };
    const a = createJobRunner(options);
    const b = createJobRunner(options);
    await Promise.all([a.start(), b.start()]);
    await all.promise;
    await Promise.all([a.stop(), b.stop()]);
    expect(new Set(runs.map((r) => r.id)).size).toBe(40);
    expect(runs.every((r) => r.attempt === 1)).toBe(true);
  });

  test('a job whose worker died is run again by another once its lease expires, and the dead worker cannot mark it', async () => {
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'leased', payload: {} }));
    const stuck = deferred();
    const a = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { leased: () => stuck.promise } });
    const seen: number[] = [];
    const b = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { leased: async (job) => void seen.push(job.attempt) } });
    const first = a.runDue();
    await until(async () => (await jobsNamed('leased'))[0]?.state === 'running');
    clock.advance(29_000);
    expect(await b.runDue()).toMatchObject({ done: 0 });
    clock.advance(1_000);
    // Worker a never renewed its lease (it has died, as far as anyone can tell).
    expect(await b.runDue()).toMatchObject({ done: 1 });
    expect(seen).toEqual([2]);
    stuck.resolve();
    expect(await first).toMatchObject({ done: 0 });
    expect((await jobsNamed('leased'))[0]).toMatchObject({ state: 'done', attempts: 2 });
  });

  test('a lease renewed while the job runs is not taken over', async () => {
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'renewed', payload: {} }));
    const slow = deferred();
    const a = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { renewed: () => slow.promise } });
    let bRan = 0;
    const b = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { renewed: async () => void bRan++ } });
    const first = a.runDue();
    await until(async () => (await jobsNamed('renewed'))[0]?.state === 'running');
    clock.advance(20_000);
    expect(await a.renewLeases()).toBe(1);
    clock.advance(20_000);
    expect(await b.runDue()).toMatchObject({ done: 0 });
    expect(bRan).toBe(0);
    slow.resolve();
    expect(await first).toMatchObject({ done: 1 });
    expect(await a.renewLeases()).toBe(0);
    expect((await jobsNamed('renewed'))[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  test('a job whose lease expires on its last attempt goes to the dead state rather than round again', async () => {
    await t.db.global((tx) => enqueueJob(tx, clock, { name: 'poison', payload: {}, maxAttempts: 1 }));
    const stuck = deferred();
    const a = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { poison: () => stuck.promise } });
    let bRan = 0;
    const b = createJobRunner({ db: t.db, clock, leaseSeconds: 30, handlers: { poison: async () => void bRan++ } });
    const first = a.runDue();
    await until(async () => (await jobsNamed('poison'))[0]?.state === 'running');
    clock.advance(30_000);
    await b.runDue();
    expect(bRan).toBe(0);
    expect((await jobsNamed('poison'))[0]).toMatchObject({ state: 'dead', attempts: 1, last_error: expect.stringContaining('lease expired') });
    stuck.resolve();
    await first;
  });

  test('a job enqueued while the worker sleeps wakes it (LISTEN/NOTIFY) without waiting for the poll', async () => {
    const handled = deferred();
    // The poll and the lease sweep are an hour apart: only the notification can wake this worker in time.
    const runner = createJobRunner({ db: t.db, clock, handlers: { woken: async () => handled.resolve() }, pollMs: HOUR, leaseSeconds: HOUR / 1000 });
    await runner.start();
    await t.db.inTenant(tenantId, (tx) => enqueueJob(tx, clock, { name: 'woken', tenantId, payload: {} }));
    await handled.promise;
    await runner.stop();
    expect((await jobsNamed('woken'))[0]?.state).toBe('done');
  });

  test('a scheduled job is claimed ahead of a burst enqueued before it', async () => {
    let ticks = 0;
    let burst = 0;
    await t.db.global((tx) =>
      enqueueJobs(
        tx,
        clock,
        Array.from({ length: 30 }, () => ({ name: 'burst-job', payload: {} })),
      ),
    );
    clock.advance(1_000);
    const runner = createJobRunner({
      db: t.db,
      clock,
      handlers: { 'burst-job': async () => void burst++, tick: async () => void ticks++ },
      schedules: [{ name: 'tick', jobName: 'tick', everySeconds: 60 }],
    });
    expect(await runner.runDue(5)).toMatchObject({ done: 5 });
    expect([ticks, burst]).toEqual([1, 4]);
    clock.advance(60_000);
    expect(await runner.runDue(5)).toMatchObject({ done: 5 });
    expect([ticks, burst]).toEqual([2, 8]);
  });
  test('a handler that takes many gets a claimed batch at once; if it throws, each job runs alone and only the bad one fails', async () => {
    await t.db.global((tx) =>
      enqueueJobs(tx, clock, [
        { name: 'together', payload: {} },
        { name: 'together', payload: { bad: true } },
        { name: 'together', payload: {} },
      ]),
    );
    const batches: number[] = [];
    let alone = 0;
    const handler: JobHandler = async (job) => {
      alone++;
      if (job.payload.bad) throw new Error('a bad job');
    };
    handler.many = async (jobs) => {
      batches.push(jobs.length);
      if (jobs.some((j) => j.payload.bad)) throw new Error('a bad job in the batch');
    };
    expect(await createJobRunner({ db: t.db, clock, handlers: { together: handler } }).runDue()).toEqual({ done: 2, retried: 1, dead: 0 });
    expect(batches).toEqual([3]);
    expect(alone).toBe(3);
  });
});

const HOUR = 3_600_000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Waits for a condition the code under test reaches by itself (a bounded number of looks, never a time). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the condition was never met');
}
