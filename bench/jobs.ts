import { sql } from 'kysely';
import pg from 'pg';
import { defaultJobConcurrency } from '../src/config.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type Database, type DatabaseTarget, migrateToLatest, newId, openDatabase } from '../src/platform/db/index.ts';
import { createJobRunner, type JobHandler } from '../src/platform/jobs/index.ts';
import { createOutboxNotifier, queueNotifications, SEND_NOTIFICATION_JOB, sendNotificationHandler } from '../src/platform/notify/index.ts';

/**
 * The job queue under a burst: `JOBS` notification jobs for one tenant (each an outbox row and a
 * job, queued a thousand to a transaction), then drained by one worker with the configured
 * concurrency and batch size, the real notification handler and the outbox notifier (nothing leaves
 * the machine). Beside it, the ceiling measured in the same run: the same job rows written by plain
 * single-row INSERTs (autocommit), as many at once as the worker runs jobs. A schedule due every
 * `TICK_MS` runs throughout; its worst delay past the time it was due is printed beside its interval.
 */
const JOBS = Number(process.env.BENCH_JOBS ?? 50_000);
const CONCURRENCY = Number(process.env.BENCH_JOBS_CONCURRENCY ?? defaultJobConcurrency());
const BATCH_SIZE = Number(process.env.BENCH_JOBS_BATCH_SIZE ?? 50);
const TICK_SECONDS = 1;
const PER_TRANSACTION = 1000;

type Figures = { insertPerSecond: number; enqueuePerSecond: number; drainPerSecond: number; ticks: number; worstTickDelayMs: number };

async function tenant(db: Database): Promise<string> {
  const id = newId();
  await db.owner.insertInto('tenants').values({ id, gss_code: 'E06000016', name: 'Leicester', name_cy: 'Caerlŷr', nation: 'england' }).execute();
  return id;
}

const messages = (tenantId: string, from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    tenantId,
    id: newId(),
    channel: 'email' as const,
    recipient: `person${from + i}@example.org`,
    template: 'referral-update',
    subject: 'Your referral',
    body: 'Your referral has been received. We will be in touch within five working days.',
    language: 'en' as const,
  }));

/** The ceiling: the rows a burst adds to `jobs`, written one plain INSERT each, `CONCURRENCY` at a time. */
async function plainInserts(db: Database, url: string | null): Promise<number> {
  await sql`CREATE TABLE bench_jobs (LIKE jobs INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db.owner);
  const pool = url ? new pg.Pool({ connectionString: url, max: CONCURRENCY }) : null;
  const insert = (i: number) => {
    const now = new Date();
    const values = [newId(now), SEND_NOTIFICATION_JOB, JSON.stringify({ messageId: newId(now) }), now, `notify:${i}`];
    const text = `INSERT INTO bench_jobs (id, name, payload, state, attempts, max_attempts, backoff_seconds, run_at, dedupe_key, created_at)
                  VALUES ($1, $2, $3, 'pending', 0, 5, 30, $4, $5, $4)`;
    if (pool) return pool.query(text, values);
    const [id, name, payload, at, key] = values;
    return sql`INSERT INTO bench_jobs (id, name, payload, state, attempts, max_attempts, backoff_seconds, run_at, dedupe_key, created_at)
               VALUES (${id}, ${name}, ${payload}, 'pending', 0, 5, 30, ${at}, ${key}, ${at})`.execute(db.owner);
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < JOBS) await insert(next++);
    }),
  );
  const perSecond = JOBS / ((performance.now() - started) / 1000);
  await pool?.end();
  await sql`DROP TABLE bench_jobs`.execute(db.owner);
  return perSecond;
}

async function burst(db: Database, url: string | null): Promise<Figures> {
  await migrateToLatest(db.owner, migrations);
  const tenantId = await tenant(db);
  const insertPerSecond = await plainInserts(db, url);

  const enqueueStarted = performance.now();
  for (let from = 0; from < JOBS; from += PER_TRANSACTION) {
    const batch = messages(tenantId, from, Math.min(PER_TRANSACTION, JOBS - from));
    await db.inTenant(tenantId, (tx) => queueNotifications(tx, systemClock, batch));
  }
  const enqueuePerSecond = JOBS / ((performance.now() - enqueueStarted) / 1000);
  if (db.kind === 'postgres') await sql`ANALYZE`.execute(db.owner);

  let sent = 0;
  let allSent!: () => void;
  const drained = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  const send = sendNotificationHandler({ db, clock: systemClock, notifier: createOutboxNotifier() });
  const counted: JobHandler = async (job) => {
    await send(job);
    if (++sent === JOBS) allSent();
  };
  const many = send.many;
  if (many) {
    counted.many = async (jobs) => {
      await many(jobs);
      sent += jobs.length;
      if (sent === JOBS) allSent();
    };
  }
  const tickDelays: number[] = [];
  const runner = createJobRunner({
    db,
    clock: systemClock,
    concurrency: CONCURRENCY,
    batchSize: BATCH_SIZE,
    handlers: {
      [SEND_NOTIFICATION_JOB]: counted,
      // The run's due time is in its de-duplication key (`schedule:<name>:<due>`).
      'bench.tick': async (job) => {
        const startedAt = Date.now();
        const row = await db.global((tx) => tx.selectFrom('jobs').select('dedupe_key').where('id', '=', job.id).executeTakeFirstOrThrow());
        const due = Date.parse((row.dedupe_key ?? '').split(':').slice(2).join(':'));
        if (sent < JOBS) tickDelays.push(startedAt - due);
      },
    },
    schedules: [{ name: 'bench-tick', jobName: 'bench.tick', everySeconds: TICK_SECONDS }],
  });
  const drainStarted = performance.now();
  await runner.start();
  await drained;
  await runner.stop();
  const drainPerSecond = JOBS / ((performance.now() - drainStarted) / 1000);

  const left = await db.global((tx) =>
    tx
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('name', '=', SEND_NOTIFICATION_JOB)
      .where('state', '<>', 'done')
      .executeTakeFirstOrThrow(),
  );
  if (Number(left.n) !== 0 || sent !== JOBS) throw new Error(`the burst did not drain exactly once: ${sent} runs, ${left.n} not done`);
  return { insertPerSecond, enqueuePerSecond, drainPerSecond, ticks: tickDelays.length, worstTickDelayMs: Math.max(0, ...tickDelays) };
}

async function measure(label: string, target: DatabaseTarget, url: string | null): Promise<string[]> {
  const db = await openDatabase(target);
  try {
    const f = await burst(db, url);
    const row = (name: string, perSecond: number) =>
      `${label.padEnd(11)} ${name.padEnd(44)} ${perSecond.toFixed(0).padStart(8)} ${(perSecond / f.insertPerSecond).toFixed(2).padStart(8)} × insert`;
    return [
      row('plain single-row INSERT of the job rows', f.insertPerSecond),
      row(`enqueue (outbox row + job, ${PER_TRANSACTION} per transaction)`, f.enqueuePerSecond),
      `${row('drain (notification jobs)', f.drainPerSecond)}   goal ≥ 1000/s on PostgreSQL`,
      `${label.padEnd(11)} ${`scheduled job every ${TICK_SECONDS * 1000} ms during the burst`.padEnd(44)} ${`worst delay ${f.worstTickDelayMs} ms over ${f.ticks} runs`}   goal ≤ ${TICK_SECONDS * 1000} ms`,
      '',
    ];
  } finally {
    await db.close();
  }
}

/** The job-queue lines of `npm run bench`; PostgreSQL is skipped when no server answers. */
export async function benchJobs(scratch: () => Promise<{ target: DatabaseTarget; drop(): Promise<void> } | null>): Promise<string[]> {
  const lines = [
    `Job queue: a burst of ${JOBS} notification jobs in one tenant, concurrency ${CONCURRENCY}, batch ${BATCH_SIZE}`,
    `${'database'.padEnd(11)} ${'measure'.padEnd(44)} ${'jobs/s'.padStart(8)} ${'ratio'.padStart(8)}`,
  ];
  const server = await scratch();
  if (server?.target.kind === 'postgres') {
    try {
      lines.push(...(await measure('PostgreSQL', server.target, server.target.url)));
    } finally {
      await server.drop();
    }
  } else {
    lines.push('PostgreSQL: skipped, no server answers (set BENCH_DATABASE_URL)');
  }
  lines.push(...(await measure('PGlite', { kind: 'pglite', dataDir: 'memory' }, null)));
  return lines;
}
