import type { FastifyInstance } from 'fastify';
import { createApp } from './app.ts';
import { jobsOf } from './capabilities.ts';
import type { Config } from './config.ts';
import { ensureReferenceData } from './domains/employers/index.ts';
import { createLogger } from './logger.ts';
import { migrations } from './migrations/index.ts';
import { type AuditSealer, createAuditSealer, ensureSigningKey, loadSigningKey } from './platform/audit/index.ts';
import { systemClock } from './platform/clock/index.ts';
import { assertLeastPrivilege, type Database, migrateToLatest, openDatabase } from './platform/db/index.ts';
import { createJobRunner, type JobRunner } from './platform/jobs/index.ts';
import type { Tracing } from './platform/tracing/index.ts';
import { formatSignIns, isEmpty, listDemoSignIns, seedDemo } from './seed.ts';
import { createServices } from './services.ts';

export type RunningServer = { app: FastifyInstance; db: Database; jobs: JobRunner; sealer: AuditSealer; url: string; stop(): Promise<void> };

export function databaseTarget(config: Config) {
  return config.database.kind === 'pglite'
    ? ({ kind: 'pglite', dataDir: config.database.dataDir } as const)
    : ({ kind: 'postgres', url: config.database.url, appUrl: config.database.appUrl, poolSize: config.database.poolSize } as const);
}

/** config → database → migrate → (seed) → services → app → listen, and the job workers beside it. */
export async function startServer(config: Config, options: { seedIfEmpty: boolean }): Promise<RunningServer> {
  const logger = createLogger(config);
  const started = Date.now();
  const db = await openDatabase(databaseTarget(config), { lock: 'server' });
  let tracing: Tracing | null = null;
  try {
    const { applied } = await migrateToLatest(db.owner, migrations);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    await ensureReferenceData(db.owner);
    if (config.env === 'production') await assertLeastPrivilege(db);
    // The key that signs audit checkpoints lives outside the database; production brings its own.
    const signingKey = config.audit.generateKey ? await ensureSigningKey(config.audit.signingKeyPath) : await loadSigningKey(config.audit.signingKeyPath);
    if (options.seedIfEmpty && (await isEmpty(db))) {
      if (config.env === 'production') throw new Error('Refusing to seed demo data in production');
      await seedDemo(db, systemClock, config.passwordCost);
    }
    // Traces only when configured (ADR 0045), started before the app so Fastify's spans are there from the first request.
    // Loaded only then: with tracing off, no OpenTelemetry module is even read.
    if (config.tracing.kind === 'otlp') tracing = (await import('./platform/tracing/index.ts')).startTracing({ serviceName: config.tracing.serviceName });
    const services = createServices({ config, db, clock: systemClock });
    const app = await createApp(services, { logger });
    const { handlers, schedules } = jobsOf(services);
    const jobs = createJobRunner({
      db,
      clock: systemClock,
      handlers,
      schedules,
      pollMs: config.jobsPollMs,
      concurrency: config.jobs.concurrency,
      batchSize: config.jobs.batchSize,
      leaseSeconds: config.jobs.leaseSeconds,
      log: logger,
    });
    const sealer = createAuditSealer({
      db,
      clock: systemClock,
      intervalMs: config.audit.sealIntervalMs,
      signingKey,
      checkpointEveryMs: config.audit.checkpointMinutes * 60_000,
      exportDir: config.audit.checkpointDir,
      log: logger,
    });
    // The matching index is built before the first request and kept current from then on.
    const indexStarted = Date.now();
    await services.matchingIndex.start();
    logger.info({ ms: Date.now() - indexStarted }, 'matching index built');
    await app.listen({ port: config.port, host: config.host });
    await jobs.start();
    sealer.start();
    const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    const where = db.kind === 'pglite' ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL';
    process.stdout.write(`Bridgework is running at ${url} on ${where} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    // The sign-ins come last, after everything else start-up prints, so they are on screen when
    // someone opens the demo (request logs go to the log file in development, not here).
    if (config.env === 'development') {
      const signIns = await listDemoSignIns(db);
      if (signIns.length > 0) process.stdout.write(`\n${formatSignIns(signIns)}\n\nPrint these again with: npm run bridgework -- demo sign-ins\n`);
    }
    if (config.logFile && config.env === 'development') process.stdout.write(`Request logs (JSON): ${config.logFile}\n`);
    return {
      app,
      db,
      jobs,
      sealer,
      url,
      async stop() {
        await jobs.stop();
        await sealer.stop();
        await app.close();
        await db.close();
        await tracing?.stop();
      },
    };
  } catch (error) {
    await db.close();
    await tracing?.stop();
    throw error;
  }
}
