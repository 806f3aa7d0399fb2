import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../clock/index.ts';
import type { Database } from '../db/index.ts';
import { requireBearer } from '../http/ops-token.ts';

/** One figure: the gauge it belongs to, its labels if any, its value. */
export type GaugeReading = { name: string; labels?: Record<string, string>; value: number };

/**
 * Gauges read together when Prometheus scrapes (one read fills them all): a capability brings its
 * own through its module object. `read` must be cheap (index-backed counts): it runs on every
 * scrape, every 15 to 60 seconds.
 */
export type GaugeSource = {
  gauges: readonly { name: string; help: string; labelNames?: readonly string[] }[];
  read(): Promise<readonly GaugeReading[]>;
};

export const METRICS_PATH = '/metrics';

/** Seconds between `since` and now, 0 with nothing to measure. */
export const ageSeconds = (now: Date, since: Date | string | null | undefined): number =>
  since ? Math.max(0, (now.getTime() - new Date(since).getTime()) / 1000) : 0;

const earliest = (dates: readonly unknown[]) =>
  dates.reduce<Date | null>((a, d) => (d && (typeof d === 'string' || d instanceof Date) && (!a || new Date(d) < a) ? new Date(d) : a), null);

/**
 * The service's own figures. Jobs are shared plumbing: one statement on the pending and leased
 * partial indexes (and the dead one of migration 0028). The outbox backlog and unsealed audit rows
 * are tenant data, read per tenant under row-level security, one statement a tenant, on partial
 * indexes that hold only rows still waiting (ADR 0045).
 */
export function platformGauges(deps: { db: Database; clock: Clock }): GaugeSource[] {
  const { db, clock } = deps;
  const jobs: GaugeSource = {
    gauges: [
      { name: 'bridgework_jobs', help: 'Jobs in the queue by state (done jobs are not counted)', labelNames: ['state'] },
      { name: 'bridgework_jobs_oldest_due_seconds', help: 'How long the oldest pending job has been due without being started' },
    ],
    async read() {
      const now = clock.now();
      const rows = await db.global((tx) =>
        tx
          .selectFrom('jobs')
          .select((eb) => ['state', eb.fn.countAll<string | number>().as('n'), eb.fn.min('run_at').as('oldest')])
          .where('state', 'in', ['pending', 'running', 'dead'])
          .groupBy('state')
          .execute(),
      );
      const due = await db.global((tx) =>
        tx
          .selectFrom('jobs')
          .select((eb) => eb.fn.min('run_at').as('oldest'))
          .where('state', '=', 'pending')
          .where('run_at', '<=', now)
          .executeTakeFirst(),
      );
      return [
        ...(['pending', 'running', 'dead'] as const).map((state) => ({
          name: 'bridgework_jobs',
          labels: { state },
          value: Number(rows.find((r) => r.state === state)?.n ?? 0),
        })),
        { name: 'bridgework_jobs_oldest_due_seconds', value: ageSeconds(now, earliest([due?.oldest])) },
      ];
    },
  };
  const waiting: GaugeSource = {
    gauges: [
      { name: 'bridgework_outbox_queued', help: 'Messages waiting to be sent' },
      { name: 'bridgework_outbox_oldest_queued_seconds', help: 'Age of the oldest message waiting to be sent' },
      { name: 'bridgework_audit_unsealed', help: 'Audit rows not yet sealed into their hash chain' },
      { name: 'bridgework_audit_oldest_unsealed_seconds', help: 'Age of the oldest audit row not yet sealed' },
    ],
    async read() {
      const now = clock.now();
      const rows = await db.eachTenant(async (tx) => {
        // Four scalar subqueries in one statement; row-level security keeps each to this tenant.
        const { rows } = await sql<{ queued: string | number; oldest_queued: unknown; unsealed: string | number; oldest_unsealed: unknown }>`
          SELECT (SELECT count(*) FROM notifications_outbox WHERE state = 'queued') AS queued,
                 (SELECT min(created_at) FROM notifications_outbox WHERE state = 'queued') AS oldest_queued,
                 (SELECT count(*) FROM audit_events WHERE seq IS NULL) AS unsealed,
                 (SELECT min(occurred_at) FROM audit_events WHERE seq IS NULL) AS oldest_unsealed`.execute(tx);
        return rows[0];
      });
      return [
        { name: 'bridgework_outbox_queued', value: rows.reduce((n, r) => n + Number(r?.queued ?? 0), 0) },
        { name: 'bridgework_outbox_oldest_queued_seconds', value: ageSeconds(now, earliest(rows.map((r) => r?.oldest_queued))) },
        { name: 'bridgework_audit_unsealed', value: rows.reduce((n, r) => n + Number(r?.unsealed ?? 0), 0) },
        { name: 'bridgework_audit_oldest_unsealed_seconds', value: ageSeconds(now, earliest(rows.map((r) => r?.oldest_unsealed))) },
      ];
    },
  };
  return [jobs, waiting];
}

/**
 * Prometheus metrics for one app: a registry of its own (never prom-client's global one, so two
 * apps in one process, as in tests, keep separate figures), the process's default metrics, request
 * rate, errors and duration by route template, and the gauges. `/metrics` answers only with its
 * bearer token; without a token configured it is not mounted.
 */
export function registerMetrics(app: FastifyInstance, deps: { token: string | undefined; gauges: readonly GaugeSource[] }): Registry | null {
  const { token } = deps;
  if (!token) return null;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'http_requests_total', help: 'Requests answered, by route template', labelNames, registers: [registry] });
  const errors = new Counter({
    name: 'http_request_errors_total',
    help: 'Requests answered with a server error (5xx), by route template',
    labelNames: ['method', 'route'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request, by route template',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauges = new Map<string, Gauge>();
  for (const source of deps.gauges) {
    for (const g of source.gauges) {
      if (gauges.has(g.name)) throw new Error(`gauge ${g.name} is defined twice`);
      gauges.set(g.name, new Gauge({ name: g.name, help: g.help, labelNames: [...(g.labelNames ?? [])], registers: [registry] }));
    }
  }
  // Each source reads once a scrape and fills its gauges; a gauge keeps no figure between scrapes.
  async function readGauges(): Promise<void> {
    const readings = (await Promise.all(deps.gauges.map((s) => s.read()))).flat();
    for (const gauge of gauges.values()) gauge.reset();
    for (const r of readings) {
      const gauge = gauges.get(r.name);
      if (!gauge) throw new Error(`gauge ${r.name} was read but not defined`);
      if (r.labels) gauge.set(r.labels, r.value);
      else gauge.set(r.value);
    }
  }

  app.addHook('onResponse', async (request, reply) => {
    // The route's template (`/referrals/:id`), never the URL: one series per route, and no ids in them.
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ method: request.method, route });
  });

  app.get(METRICS_PATH, async (request, reply) => {
    requireBearer(request.headers.authorization, token);
    await readGauges();
    return reply
      .header('Cache-Control', 'no-store')
      .type(registry.contentType)
      .send(await registry.metrics());
  });
  return registry;
}
