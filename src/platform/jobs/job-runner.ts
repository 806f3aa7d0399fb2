import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Database, Unlisten } from '../db/index.ts';
import { enqueueJob, JOBS_CHANNEL } from './job-queue.ts';

export type JobContext = { id: string; name: string; tenantId: string | null; payload: Record<string, unknown>; attempt: number };
/**
 * A job handler. Delivery is at least once, so a handler must be safe to run twice. A handler may
 * also take `many` jobs of its name at once (one transaction for a claimed batch, say): if `many`
 * throws, each job is run again alone, so one bad job fails alone.
 */
export type JobHandler = ((job: JobContext) => Promise<void>) & { many?: (jobs: readonly JobContext[]) => Promise<void> };
export type JobSchedule = { name: string; jobName: string; everySeconds: number };
export type JobRunner = {
  /** Starts the worker; resolves once it listens for new jobs and has looked for due ones once. */
  start(): Promise<void>;
  /** Stops claiming, waits for the jobs in hand, stops listening. */
  stop(): Promise<void>;
  /** Runs what is due now, once (one claim of up to `limit`); tests call this instead of waiting for the worker. */
  runDue(limit?: number): Promise<{ done: number; retried: number; dead: number }>;
  /** Extends the lease of every job this worker holds; the worker does this every third of a lease. */
  renewLeases(): Promise<number>;
};
type Log = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

export type JobRunnerOptions = {
  db: Database;
  clock: Clock;
  handlers: Readonly<Record<string, JobHandler>>;
  schedules?: readonly JobSchedule[];
  /** Jobs running at once (default 8). */
  concurrency?: number;
  /** Jobs claimed by one statement (default 50). */
  batchSize?: number;
  /** The fallback poll when nothing wakes the worker: missed notifications, retries coming due (default 5 s). */
  pollMs?: number;
  /** A claimed job's lease; renewed every third of it while the job runs (default 30 s). */
  leaseSeconds?: number;
  /** @deprecated the former name of `leaseSeconds`. */
  lockSeconds?: number;
  /** Whether to LISTEN for enqueues (default true); without it the worker polls. */
  listen?: boolean;
  log?: Log;
};

const MAX_BACKOFF_SECONDS = 3600;
const IDLE_RECHECK_MS = 25;
const HIGH_PRIORITY = 0;

/** Exponential backoff: base × 2^(attempt − 1), at most an hour. */
export function backoffSeconds(base: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, base * 2 ** Math.max(0, attempt - 1));
}

type Claimed = {
  id: string;
  name: string;
  tenant_id: string | null;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  backoff_seconds: number;
  priority: number;
};
type Outcome = 'done' | 'retried' | 'dead' | 'lost';
/** What one slot runs: a job, or the jobs of one claim for a handler that takes `many`. */
type Task = readonly Claimed[];

const contextOf = (job: Claimed): JobContext => ({
  id: job.id,
  name: job.name,
  tenantId: job.tenant_id,
  payload: job.payload as Record<string, unknown>,
  attempt: job.attempts,
});

/** A wake-up that is never lost: a signal given while nobody waits is kept for the next wait. */
function createSignal() {
  let raised = false;
  let wakeUp: (() => void) | undefined;
  return {
    raise() {
      raised = true;
      wakeUp?.();
    },
    wait(ms: number): Promise<void> {
      if (raised) {
        raised = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, ms));
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          raised = false;
          resolve();
        }
        wakeUp = done;
      });
    },
  };
}

/**
 * The worker. It claims due jobs in batches with `FOR UPDATE SKIP LOCKED` (each claim is one
 * attempt, taken by exactly one worker), high priority first, and runs up to `concurrency` of them
 * at once outside the claiming transaction. While a claim comes back full it claims again without
 * waiting; when the queue is empty it sleeps until a NOTIFY from an enqueue, the next schedule, the
 * next retry coming due, or the fallback poll. A claim is a lease (30 s by default) renewed while
 * the job runs, so a job whose worker died is found and run again within about a lease.
 * Successful jobs are marked done together (one UPDATE for all that finished meanwhile).
 * Recurring schedules enqueue once per period, whichever node gets there first.
 */
export function createJobRunner(deps: JobRunnerOptions): JobRunner {
  const { db, clock, handlers } = deps;
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const batchSize = Math.max(1, deps.batchSize ?? 50);
  const pollMs = deps.pollMs ?? 5000;
  const leaseMs = (deps.leaseSeconds ?? deps.lockSeconds ?? 30) * 1000;
  // Expired leases are looked for this often: a dead worker's jobs run again within a lease and a tenth.
  const sweepMs = leaseMs / 10;

  /** Jobs this worker holds (claimed, not yet finished), with the attempt it holds them for. */
  const held = new Map<string, number>();
  const running = new Set<Promise<Outcome[]>>();
  // Enough for every slot to run a whole batch (handlers that take `many`) and one batch waiting.
  const maxHeld = (concurrency + 1) * batchSize;
  let inFlight = 0;
  const waitingForSlot: (() => void)[] = [];
  const signal = createSignal();
  let backlog = false;
  let stopped = true;
  let loopDone: Promise<void> = Promise.resolve();
  let heartbeat: NodeJS.Timeout | undefined;
  let unlisten: Unlisten | undefined;
  let schedulesReady = false;
  let nextScheduleAt = 0;
  let nextSweepAt = 0;

  const now = () => clock.now();
  const leaseEnd = (at: Date) => new Date(at.getTime() + leaseMs);
  const logError = (obj: object, msg: string) => deps.log?.error(obj, msg);

  async function ensureSchedules(): Promise<void> {
    if (schedulesReady) return;
    for (const s of deps.schedules ?? []) {
      await db.global((tx) =>
        tx
          .insertInto('job_schedules')
          .values({ name: s.name, job_name: s.jobName, every_seconds: s.everySeconds, next_run_at: now() })
          .onConflict((oc) => oc.column('name').doUpdateSet({ job_name: s.jobName, every_seconds: s.everySeconds }))
          .execute(),
      );
    }
    schedulesReady = true;
  }

  /** Enqueues the runs that are due (high priority); returns when the next one is due, if any. */
  async function enqueueDueSchedules(): Promise<number | null> {
    return db.global(async (tx) => {
      const at = now();
      const due = await tx.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', at).forUpdate().skipLocked().execute();
      for (const s of due) {
        const next = new Date(Math.max(s.next_run_at.getTime() + s.every_seconds * 1000, at.getTime()));
        await tx.updateTable('job_schedules').set({ next_run_at: next }).where('name', '=', s.name).execute();
        await enqueueJob(tx, clock, { name: s.job_name, payload: {}, priority: 'high', dedupeKey: `schedule:${s.name}:${s.next_run_at.toISOString()}` });
      }
      const next = await tx
        .selectFrom('job_schedules')
        .select((eb) => eb.fn.min('next_run_at').as('at'))
        .executeTakeFirst();
      return next?.at ? new Date(next.at).getTime() : null;
    });
  }

  /**
   * Jobs whose lease ran out (their worker died or stalled) go back to pending, or to dead if that
   * was their last attempt: a job that kills its worker every time must not loop for ever.
   */
  async function sweepExpiredLeases(): Promise<number> {
    const at = now();
    const result = await db.global((tx) =>
      tx
        .updateTable('jobs')
        .set({
          state: sql`CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'pending' END`,
          finished_at: sql`CASE WHEN attempts >= max_attempts THEN ${at}::timestamptz END`,
          locked_until: null,
          last_error: 'the worker stopped before the job finished (its lease expired)',
        })
        .where('state', '=', 'running')
        .where('locked_until', '<=', at)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows);
  }

  async function claim(limit: number): Promise<Claimed[]> {
    const at = now();
    // The pick is a materialized CTE, not `id IN (subquery)`: PostgreSQL may run an IN subquery more
    // than once in a join, and with SKIP LOCKED each run skips what the last one locked, so a claim
    // could take more than its limit (seen on PostgreSQL as 25 claimed with a limit of 10).
    const jobs = await db.global((tx) =>
      tx
        .with(
          (cte) => cte('picked').materialized(),
          (q) =>
            q
              .selectFrom('jobs')
              .select('id')
              .where('state', '=', 'pending')
              .where('run_at', '<=', at)
              .orderBy('priority')
              .orderBy('run_at')
              .limit(limit)
              .forUpdate()
              .skipLocked(),
        )
        .updateTable('jobs')
        .set({ state: 'running', attempts: sql`attempts + 1`, locked_until: leaseEnd(at) })
        .from('picked')
        .whereRef('jobs.id', '=', 'picked.id')
        .returning(['jobs.id', 'jobs.name', 'jobs.tenant_id', 'jobs.payload', 'jobs.attempts', 'jobs.max_attempts', 'jobs.backoff_seconds', 'jobs.priority'])
        .execute(),
    );
    // UPDATE … RETURNING does not keep the subquery's order: high priority first, as claimed.
    jobs.sort((a, b) => a.priority - b.priority);
    for (const job of jobs) held.set(job.id, job.attempts);
    return jobs;
  }

  /** Renews by id and attempt: a worker whose lease was taken over does not extend the new holder's. */
  async function renewLeases(): Promise<number> {
    const entries = [...held];
    if (entries.length === 0) return 0;
    const at = now();
    const result = await db.global((tx) =>
      tx
        .updateTable('jobs')
        .set({ locked_until: leaseEnd(at) })
        .where('state', '=', 'running')
        .where((eb) =>
          eb(
            eb.refTuple('id', 'attempts'),
            'in',
            entries.map(([id, attempt]) => eb.tuple(id, attempt)),
          ),
        )
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows);
  }

  // Group commit for successes: jobs that finish while an UPDATE is in flight share the next one.
  let toMark: { id: string; attempt: number; settle: (marked: boolean) => void; fail: (e: unknown) => void }[] = [];
  let flushing = false;

  function markDone(id: string, attempt: number): Promise<boolean> {
    return new Promise((settle, fail) => {
      toMark.push({ id, attempt, settle, fail });
      if (!flushing) {
        flushing = true;
        void flushDone();
      }
    });
  }

  async function flushDone(): Promise<void> {
    while (toMark.length > 0) {
      const batch = toMark;
      toMark = [];
      try {
        const finishedAt = now();
        const marked = await db.global((tx) =>
          tx
            .updateTable('jobs')
            .set({ state: 'done', locked_until: null, finished_at: finishedAt, last_error: null })
            // Pending too: a lease swept back to pending but not yet claimed again was still ours.
            .where('state', 'in', ['running', 'pending'])
            .where((eb) =>
              eb(
                eb.refTuple('id', 'attempts'),
                'in',
                batch.map((j) => eb.tuple(j.id, j.attempt)),
              ),
            )
            .returning('id')
            .execute(),
        );
        const ids = new Set(marked.map((r) => r.id));
        for (const j of batch) j.settle(ids.has(j.id));
      } catch (error) {
        for (const j of batch) j.fail(error);
      }
    }
    flushing = false;
  }

  async function execute(job: Claimed): Promise<Outcome> {
    const handler = handlers[job.name];
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(contextOf(job));
    } catch (error) {
      // The message only: a stack trace could carry data from the payload.
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const final = !handler || job.attempts >= job.max_attempts;
      const at = now();
      const result = await db.global((tx) =>
        tx
          .updateTable('jobs')
          .set(
            final
              ? { state: 'dead', locked_until: null, last_error: message, finished_at: at }
              : {
                  state: 'pending',
                  locked_until: null,
                  last_error: message,
                  run_at: new Date(at.getTime() + backoffSeconds(job.backoff_seconds, job.attempts) * 1000),
                },
          )
          .where('id', '=', job.id)
          .where('attempts', '=', job.attempts)
          .where('state', 'in', ['running', 'pending'])
          .executeTakeFirst(),
      );
      logError({ jobId: job.id, job: job.name, attempt: job.attempts, final, error: message }, 'job failed');
      if (Number(result.numUpdatedRows) === 0) return 'lost';
      return final ? 'dead' : 'retried';
    }
    return (await markDone(job.id, job.attempts)) ? 'done' : 'lost';
  }

  /** Jobs for a handler that takes `many` go together, in claim order; every other job is a task of its own. */
  function tasksOf(jobs: readonly Claimed[]): Task[] {
    const tasks: Claimed[][] = [];
    const together = new Map<string, Claimed[]>();
    for (const job of jobs) {
      if (!handlers[job.name]?.many) {
        tasks.push([job]);
        continue;
      }
      const task = together.get(job.name);
      if (task) task.push(job);
      else {
        const first = [job];
        together.set(job.name, first);
        tasks.push(first);
      }
    }
    return tasks;
  }

  async function executeTask(task: Task): Promise<Outcome[]> {
    const [first] = task;
    const many = first ? handlers[first.name]?.many : undefined;
    if (!many || task.length === 1) return Promise.all(task.map(execute));
    try {
      await many(task.map(contextOf));
    } catch (error) {
      logError({ job: first?.name, jobs: task.length, error: error instanceof Error ? error.message : String(error) }, 'job batch failed; running each alone');
      const outcomes: Outcome[] = [];
      for (const job of task) outcomes.push(await execute(job));
      return outcomes;
    }
    return Promise.all(task.map(async (job) => ((await markDone(job.id, job.attempts)) ? 'done' : 'lost')));
  }

  /** Runs `task` when one of the `concurrency` slots is free; a finishing task hands its slot on. */
  async function runInSlot(task: Task): Promise<Outcome[]> {
    if (inFlight < concurrency) inFlight++;
    else
      await new Promise<void>((resolve) => {
        // High priority (scheduled work) waits ahead of everything already waiting.
        if (task.some((j) => j.priority === HIGH_PRIORITY)) waitingForSlot.unshift(resolve);
        else waitingForSlot.push(resolve);
      });
    try {
      return await executeTask(task);
    } catch (error) {
      // Recording the outcome failed: the lease runs out and the job runs again.
      logError({ jobIds: task.map((j) => j.id), err: error }, 'job outcome not recorded');
      return task.map(() => 'lost');
    } finally {
      for (const job of task) held.delete(job.id);
      const next = waitingForSlot.shift();
      if (next) next();
      else inFlight--;
      if (backlog) signal.raise();
    }
  }

  async function runDue(limit = batchSize) {
    const counts = { done: 0, retried: 0, dead: 0 };
    await ensureSchedules();
    await enqueueDueSchedules();
    await sweepExpiredLeases();
    const outcomes = await Promise.all(tasksOf(await claim(limit)).map(runInSlot));
    for (const o of outcomes.flat()) if (o !== 'lost') counts[o]++;
    return counts;
  }

  /** Schedules and expired leases, each when due by the clock. */
  async function housekeeping(): Promise<void> {
    const at = now().getTime();
    if (at >= nextScheduleAt) {
      await ensureSchedules();
      nextScheduleAt = (await enqueueDueSchedules()) ?? at + pollMs;
    }
    if (at >= nextSweepAt) {
      await sweepExpiredLeases();
      nextSweepAt = at + sweepMs;
    }
  }

  /** How long an idle worker may sleep: until the next schedule, sweep or retry, at most the poll. */
  async function idleMs(): Promise<number> {
    const at = now().getTime();
    const next = await db.global((tx) =>
      tx
        .selectFrom('jobs')
        .select((eb) => eb.fn.min('run_at').as('at'))
        .where('state', '=', 'pending')
        .executeTakeFirst(),
    );
    const nextRun = next?.at ? new Date(next.at).getTime() : Number.POSITIVE_INFINITY;
    const ms = Math.min(pollMs, nextScheduleAt - at, nextSweepAt - at, nextRun - at);
    // Due but not claimed means another worker holds those rows this instant: look again shortly.
    return ms > 0 ? ms : IDLE_RECHECK_MS;
  }

  async function loop(firstLook: () => void): Promise<void> {
    while (!stopped) {
      try {
        await housekeeping();
        // Claim while fewer tasks wait than there are slots, and there is room to hold a batch more.
        const room = () => (waitingForSlot.length < concurrency ? maxHeld - held.size : 0);
        if (room() > 0) {
          const want = Math.min(batchSize, room());
          const jobs = await claim(want);
          backlog = jobs.length === want;
          for (const task of tasksOf(jobs)) {
            const run = runInSlot(task);
            running.add(run);
            void run.finally(() => running.delete(run));
          }
          if (backlog && room() > 0) continue;
        }
        if (stopped) break;
        firstLook();
        // With a backlog a finishing job wakes the loop to claim more; otherwise a NOTIFY or a timer does.
        await signal.wait(backlog ? Math.max(0, Math.min(pollMs, nextScheduleAt - now().getTime())) : await idleMs());
      } catch (error) {
        logError({ err: error }, 'job worker failed; trying again after the poll interval');
        backlog = false;
        firstLook();
        await signal.wait(pollMs);
      }
    }
    firstLook();
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      nextScheduleAt = 0;
      nextSweepAt = 0;
      heartbeat = setInterval(() => {
        renewLeases().catch((error: unknown) => logError({ err: error }, 'job lease renewal failed'));
      }, leaseMs / 3);
      heartbeat.unref();
      if (deps.listen ?? true) {
        try {
          unlisten = await db.listen(JOBS_CHANNEL, () => signal.raise());
        } catch (error) {
          logError({ err: error }, 'job worker cannot listen; polling instead');
        }
      }
      await new Promise<void>((looked) => {
        loopDone = loop(looked);
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      signal.raise();
      await loopDone;
      // Let the jobs in hand finish (they keep their leases meanwhile), then stop renewing.
      await Promise.all([...running]);
      if (heartbeat) clearInterval(heartbeat);
      await unlisten?.();
      unlisten = undefined;
    },
    runDue,
    renewLeases,
  };
}
