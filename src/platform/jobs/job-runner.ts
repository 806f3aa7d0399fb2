import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { enqueueJob } from './job-queue.ts';

export type JobContext = { id: string; name: string; tenantId: string | null; payload: Record<string, unknown>; attempt: number };
/** A job handler. Delivery is at least once, so a handler must be safe to run twice. */
export type JobHandler = (job: JobContext) => Promise<void>;
export type JobSchedule = { name: string; jobName: string; everySeconds: number };
export type JobRunner = {
  start(): void;
  stop(): Promise<void>;
  /** Runs what is due now, once; tests call this instead of waiting for the poller. */
  runDue(limit?: number): Promise<{ done: number; retried: number; dead: number }>;
};
type Log = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

const MAX_BACKOFF_SECONDS = 3600;

/** Exponential backoff: base × 2^(attempt − 1), at most an hour. */
export function backoffSeconds(base: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, base * 2 ** Math.max(0, attempt - 1));
}

/**
 * The worker: claims due jobs with `FOR UPDATE SKIP LOCKED` (several nodes never take the same
 * job), runs each handler outside the claiming transaction, then marks it done, schedules a retry
 * with backoff, or moves it to the dead state. A job whose lock expires (its worker died) is
 * claimed again. Recurring schedules enqueue once per period, whichever node gets there first.
 */
export function createJobRunner(deps: {
  db: Database;
  clock: Clock;
  handlers: Readonly<Record<string, JobHandler>>;
  schedules?: readonly JobSchedule[];
  pollMs?: number;
  lockSeconds?: number;
  log?: Log;
}): JobRunner {
  const { db, clock, handlers } = deps;
  const lockSeconds = deps.lockSeconds ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let schedulesReady = false;

  async function ensureSchedules(): Promise<void> {
    if (schedulesReady) return;
    for (const s of deps.schedules ?? []) {
      await db.global((tx) =>
        tx
          .insertInto('job_schedules')
          .values({ name: s.name, job_name: s.jobName, every_seconds: s.everySeconds, next_run_at: clock.now() })
          .onConflict((oc) => oc.column('name').doUpdateSet({ job_name: s.jobName, every_seconds: s.everySeconds }))
          .execute(),
      );
    }
    schedulesReady = true;
  }

  async function enqueueDueSchedules(): Promise<void> {
    await db.global(async (tx) => {
      const now = clock.now();
      const due = await tx.selectFrom('job_schedules').selectAll().where('next_run_at', '<=', now).forUpdate().skipLocked().execute();
      for (const s of due) {
        const next = new Date(Math.max(s.next_run_at.getTime() + s.every_seconds * 1000, now.getTime()));
        await tx.updateTable('job_schedules').set({ next_run_at: next }).where('name', '=', s.name).execute();
        await enqueueJob(tx, clock, { name: s.job_name, payload: {}, dedupeKey: `schedule:${s.name}:${s.next_run_at.toISOString()}` });
      }
    });
  }

  async function claim(limit: number) {
    const now = clock.now();
    return db.global(async (tx) => {
      const ids = tx
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', now)]), eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', now)])]),
        )
        .orderBy('run_at')
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return tx
        .updateTable('jobs')
        .set({ state: 'running', attempts: sql`attempts + 1`, locked_until: new Date(now.getTime() + lockSeconds * 1000) })
        .where('id', 'in', ids)
        .returning(['id', 'name', 'tenant_id', 'payload', 'attempts', 'max_attempts', 'backoff_seconds'])
        .execute();
    });
  }

  async function runDue(limit = 20) {
    const counts = { done: 0, retried: 0, dead: 0 };
    await ensureSchedules();
    await enqueueDueSchedules();
    for (const job of await claim(limit)) {
      const handler = handlers[job.name];
      try {
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler({ id: job.id, name: job.name, tenantId: job.tenant_id, payload: job.payload as Record<string, unknown>, attempt: job.attempts });
        await db.global((tx) =>
          tx.updateTable('jobs').set({ state: 'done', locked_until: null, finished_at: clock.now(), last_error: null }).where('id', '=', job.id).execute(),
        );
        counts.done++;
      } catch (error) {
        // The message only: a stack trace could carry data from the payload.
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        const final = !handler || job.attempts >= job.max_attempts;
        const now = clock.now();
        await db.global((tx) =>
          tx
            .updateTable('jobs')
            .set(
              final
                ? { state: 'dead', locked_until: null, last_error: message, finished_at: now }
                : {
                    state: 'pending',
                    locked_until: null,
                    last_error: message,
                    run_at: new Date(now.getTime() + backoffSeconds(job.backoff_seconds, job.attempts) * 1000),
                  },
            )
            .where('id', '=', job.id)
            .execute(),
        );
        deps.log?.error({ jobId: job.id, job: job.name, attempt: job.attempts, final, error: message }, 'job failed');
        if (final) counts.dead++;
        else counts.retried++;
      }
    }
    return counts;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runDue()
        .catch((error: unknown) => deps.log?.error({ err: error }, 'job poll failed'))
        .finally(schedule);
    }, deps.pollMs ?? 1000);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    runDue,
  };
}
