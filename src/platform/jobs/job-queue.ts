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
};

export type JobState = 'pending' | 'running' | 'done' | 'dead';

/**
 * Enqueues a job inside the caller's transaction (the outbox): the job exists if and only if the
 * change that caused it commits.
 *
 * @example await enqueueJob(tx, clock, { name: 'notify.send', tenantId, payload: message, dedupeKey: `notify:${id}` });
 */
export async function enqueueJob(tx: Tx, clock: Clock, job: JobRequest): Promise<string> {
  const now = clock.now();
  const id = newId(now);
  const inserted = await tx
    .insertInto('jobs')
    .values({
      id,
      name: job.name,
      tenant_id: job.tenantId ?? null,
      payload: JSON.stringify(job.payload),
      state: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts ?? 5,
      backoff_seconds: job.backoffSeconds ?? 30,
      run_at: job.runAt ?? now,
      dedupe_key: job.dedupeKey ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await tx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return existing.id;
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
