import { sql } from 'kysely';
import type { Clock } from '../clock/index.ts';
import type { Database, Tx } from '../db/index.ts';
import { newId } from '../db/index.ts';

export type JobRequest = {
  name: string;
  tenantId?: string | null;
  /** Ids and flags only: the queue is not tenant-isolated, so no personal data goes here. */
  payload: Record<string, unknown>;
  runAt?: Date;
  /** A key already used makes the enqueue a no-op: the job is there once. */
  dedupeKey?: string;
  maxAttempts?: number;
  backoffSeconds?: number;
  /** `high` is claimed before any `normal` job: scheduled and maintenance work, which a burst must not delay. */
  priority?: JobPriority;
};

export type JobPriority = 'high' | 'normal';
const PRIORITY: Record<JobPriority, number> = { high: 0, normal: 1 };

/**
 * The channel a worker listens on. An enqueue that makes a job due sends a NOTIFY on it in the same
 * transaction, so it reaches the workers when (and only if) the job commits.
 */
export const JOBS_CHANNEL = 'bridgework_jobs';

export type JobState = 'pending' | 'running' | 'done' | 'dead';

/**
 * Enqueues a job inside the caller's transaction (the outbox): the job exists if and only if the
 * change that caused it commits.
 *
 * @example await enqueueJob(tx, clock, { name: 'notify.send', tenantId, payload: message, dedupeKey: `notify:${id}` });
 */
export async function enqueueJob(tx: Tx, clock: Clock, job: JobRequest): Promise<string> {
  const [id] = await enqueueJobs(tx, clock, [job]);
  if (!id) throw new Error('the job was not enqueued');
  return id;
}

// Eleven parameters a row: well under PostgreSQL's 65,535 a statement.
const ROWS_PER_INSERT = 1000;

/**
 * Enqueues several jobs in the caller's transaction with one INSERT (per thousand jobs): a write
 * that causes many jobs pays one round trip, not one each. Returns the ids in the order given; a
 * de-duplication key already used (before, or earlier in the same list) gives the existing job's id.
 *
 * @example await enqueueJobs(tx, clock, messages.map((m) => ({ name: 'notify.send', tenantId, payload: { messageId: m.id } })));
 */
export async function enqueueJobs(tx: Tx, clock: Clock, jobs: readonly JobRequest[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < jobs.length; i += ROWS_PER_INSERT) ids.push(...(await insertJobs(tx, clock, jobs.slice(i, i + ROWS_PER_INSERT))));
  return ids;
}

async function insertJobs(tx: Tx, clock: Clock, jobs: readonly JobRequest[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const { rows, insert } = jobsInsert(tx, clock, jobs);
  const inserted = await insert.execute();
  if (inserted.length === rows.length) return rows.map((r) => r.id);
  // Only a row with a de-duplication key can have been skipped: look those keys up.
  const insertedIds = new Set(inserted.map((r) => r.id));
  const skippedKeys = rows.filter((r) => !insertedIds.has(r.id)).map((r) => r.dedupe_key ?? '');
  const existing = await tx.selectFrom('jobs').select(['id', 'dedupe_key']).where('dedupe_key', 'in', skippedKeys).execute();
  const byKey = new Map(existing.map((r) => [r.dedupe_key, r.id]));
  return rows.map((r) => {
    const id = insertedIds.has(r.id) ? r.id : byKey.get(r.dedupe_key);
    if (!id) throw new Error(`job ${r.name} was neither inserted nor found by its key`);
    return id;
  });
}

/**
 * The insert `enqueueJobs` runs, unrun, with the rows it writes: for a write that sends it together
 * with others (`writeTogether`). It skips a job whose de-duplication key is taken, so give such a
 * batch only jobs with fresh keys (or none) when the ids must all be new.
 */
export function jobsInsert(tx: Tx, clock: Clock, jobs: readonly JobRequest[]) {
  const now = clock.now();
  const rows = jobs.map((job) => ({
    id: newId(now),
    name: job.name,
    tenant_id: job.tenantId ?? null,
    payload: JSON.stringify(job.payload),
    state: 'pending' as const,
    attempts: 0,
    max_attempts: job.maxAttempts ?? 5,
    backoff_seconds: job.backoffSeconds ?? 30,
    run_at: job.runAt ?? now,
    dedupe_key: job.dedupeKey ?? null,
    created_at: now,
    priority: PRIORITY[job.priority ?? 'normal'],
  }));
  // A job due now wakes the workers: NOTIFY from RETURNING costs no extra round trip, fires only for
  // rows actually inserted, and PostgreSQL sends one notification per transaction however many rows.
  const due = rows.some((r) => r.run_at.getTime() <= now.getTime());
  const insert = tx
    .insertInto('jobs')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning(due ? ['id', sql<string>`pg_notify(${JOBS_CHANNEL}, '')`.as('notified')] : ['id']);
  return { rows, insert };
}

/** Jobs for an operator's view, newest first; `tenantId` narrows to one tenant's jobs. */
export async function listJobs(db: Database, filter: { state?: JobState; tenantId?: string; limit?: number } = {}) {
  return db.global((tx) => {
    let q = tx.selectFrom('jobs').select(['id', 'name', 'tenant_id', 'state', 'attempts', 'max_attempts', 'run_at', 'last_error', 'created_at', 'finished_at']);
    if (filter.state) q = q.where('state', '=', filter.state);
    if (filter.tenantId) q = q.where('tenant_id', '=', filter.tenantId);
    return q
      .orderBy('created_at', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
  });
}

/** Puts a dead job back in the queue with a fresh set of attempts. */
export async function retryDeadJob(db: Database, clock: Clock, id: string): Promise<boolean> {
  const result = await db.global((tx) =>
    tx
      .updateTable('jobs')
      .set({ state: 'pending', attempts: 0, run_at: clock.now(), last_error: null, finished_at: null })
      .where('id', '=', id)
      .where('state', '=', 'dead')
      .executeTakeFirst(),
  );
  return Number(result.numUpdatedRows) === 1;
}
