import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { type CompiledQuery, DefaultQueryExecutor } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';
import { createScratchDatabase } from '../test/support/test-db.ts';
import { FHIR_BUNDLE } from './fixtures.ts';
import { seedBenchReferrals } from './referrals.ts';

/**
 * `BENCH_ONLY=create`: one FHIR referral create (`POST /fhir`, a transaction Bundle) taken apart, in
 * process (Fastify's inject: no HTTP, no load generator sharing the cores), on each engine with
 * `BENCH_CREATE_OPEN` open referrals in the tenant (1,000 by default):
 *
 * - what one create sends: statements, round trips to PostgreSQL (BEGIN travels with the tenant's
 *   setting) and transactions, and each statement's first words with `BENCH_CREATE_TRACE=1`;
 * - `BENCH_CREATE_N` creates one after another (300): wall time and Node's CPU time a create, and on
 *   PostgreSQL the CPU time its server processes spent on them (read from /proc, so only for a
 *   server on this machine);
 * - the same number with `BENCH_CREATE_CONCURRENCY` in flight (10 on PGlite, 20 on PostgreSQL):
 *   creates a second;
 * - on PostgreSQL, pgbench TPC-B (scale 1, 8 clients, 10 s) beside it, with the CPU time per
 *   transaction of its server processes and of pgbench itself: what one core-second buys of each.
 *
 * `BENCH_CREATE_PROFILE=<dir>` writes a V8 CPU profile of the sequential creates on each engine.
 */
const OPEN = Number(process.env.BENCH_CREATE_OPEN ?? 1_000);
const N = Number(process.env.BENCH_CREATE_N ?? 300);
const PROFILE_DIR = process.env.BENCH_CREATE_PROFILE;
const TRACE = process.env.BENCH_CREATE_TRACE === '1';
// Linux's USER_HZ: /proc counts CPU time in hundredths of a second.
const TICK_MS = 10;

type Counts = { statements: number; roundTrips: number; transactions: number; texts: string[] };
let counting: Counts | null = null;

/** Counts what the app sends while `counting` is set: Kysely's statements, pg's messages, PGlite's transactions. */
function instrument(): void {
  const executor = Object.getPrototypeOf(DefaultQueryExecutor.prototype) as { executeQuery: (q: CompiledQuery, o?: unknown) => Promise<unknown> };
  const execute = executor.executeQuery;
  executor.executeQuery = function (this: unknown, q: CompiledQuery, o?: unknown) {
    if (counting) {
      counting.statements++;
      counting.texts.push(q.sql.replace(/\s+/g, ' ').slice(0, 110));
    }
    return execute.call(this, q, o);
  };
  const client = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    if (counting) {
      counting.roundTrips++;
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      if (/^\s*commit\b/i.test(text)) counting.transactions++;
    }
    return query.apply(this, args);
  };
  let proto: object | null = PGlite.prototype;
  while (proto && !Object.hasOwn(proto, 'transaction')) proto = Object.getPrototypeOf(proto) as object | null;
  if (proto) {
    const p = proto as { transaction: (...a: unknown[]) => unknown };
    const transaction = p.transaction;
    p.transaction = function (this: unknown, ...args: unknown[]) {
      if (counting) counting.transactions++;
      return transaction.apply(this, args);
    };
  }
}

/** CPU ticks of this machine's PostgreSQL processes serving `database` (their titles name it), by pid. */
function serverTicks(database: string): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ') || !cmd.includes(` ${database} `)) continue;
      ticks.set(Number(entry), processTicks(Number(entry)));
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks;
}

function processTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU ms spent between two readings (a process new in the second counts from nought). */
const spentMs = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, t]) => sum + (t - (before.get(pid) ?? 0)), 0) * TICK_MS;

const fixed = (x: number, digits = 2) => x.toFixed(digits);

async function engine(label: string, target: DatabaseTarget, database: string | null, concurrency: number): Promise<string[]> {
  const lines: string[] = [];
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    if (OPEN > 0) await seedBenchReferrals(db, OPEN);
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const { clientId, clientSecret } = await services.clients.createClient({
      gssCode: 'E06000016',
      name: 'referral create bench',
      scopes: 'referrals:read referrals:write',
      organisation: 'Leicester Central Primary Care Network',
    });
    const issued = await services.clients.issueToken(clientId, clientSecret, undefined);
    if (issued.kind !== 'issued') throw new Error('could not issue a token');
    const app = await createApp(services, { logger: false });
    let n = 0;
    const create = async () => {
      const id = `c${++n}-${Math.random().toString(36).slice(2)}`;
      const res = await app.inject({
        method: 'POST',
        url: '/fhir',
        headers: { authorization: `Bearer ${issued.accessToken}`, 'content-type': 'application/fhir+json' },
        payload: FHIR_BUNDLE.replaceAll('[<id>]', id),
      });
      if (res.statusCode !== 200) throw new Error(`POST /fhir answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    };
    try {
      for (let i = 0; i < 50; i++) await create();
      counting = { statements: 0, roundTrips: 0, transactions: 0, texts: [] };
      const traced = 5;
      for (let i = 0; i < traced; i++) await create();
      const c = counting;
      counting = null;
      lines.push(
        `${label.padEnd(11)} one create: ${c.statements / traced} statements, ${target.kind === 'postgres' ? `${c.roundTrips / traced} round trips, ` : ''}${c.transactions / traced} transaction(s)`,
      );
      if (TRACE) for (const t of c.texts.slice(0, c.statements / traced)) lines.push(`              ${t}`);

      let session: Session | null = null;
      if (PROFILE_DIR) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const serverBefore = database ? serverTicks(database) : new Map<number, number>();
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let i = 0; i < N; i++) await create();
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const serverMs = database ? spentMs(serverBefore, serverTicks(database)) : 0;
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(join(PROFILE_DIR as string, `create-${label.toLowerCase()}.cpuprofile`), JSON.stringify(profile));
        session.disconnect();
      }
      const nodeMs = (used.user + used.system) / 1000;
      lines.push(
        `${label.padEnd(11)} ${N} creates one at a time: ${fixed(wall / N)} ms each; CPU a create: Node ${fixed(nodeMs / N)} ms` +
          (database ? `, PostgreSQL ${fixed(serverMs / N)} ms` : ' (PGlite runs in Node)'),
      );

      const concurrentStart = performance.now();
      let left = N;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (left-- > 0) await create();
        }),
      );
      const seconds = (performance.now() - concurrentStart) / 1000;
      lines.push(`${label.padEnd(11)} ${N} creates, ${concurrency} at a time: ${fixed(N / seconds, 1)}/s`);
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
  return lines;
}

/** pgbench TPC-B with the CPU time its server processes and pgbench itself spent per transaction. */
async function pgbench(serverUrl: string): Promise<string> {
  const scratch = await createScratchDatabase(serverUrl, 'bw_pgbench');
  try {
    await promisify(execFile)('pgbench', ['-i', '-q', scratch.url]);
    const before = serverTicks(scratch.name);
    const child = spawn('pgbench', ['-c', '8', '-j', '2', '-T', '10', scratch.url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    // Sampled while it runs: its connections end with it.
    let server = new Map<number, number>();
    let client = 0;
    const sample = () => {
      for (const [pid, t] of serverTicks(scratch.name)) server.set(pid, Math.max(t, server.get(pid) ?? 0));
      try {
        if (child.pid) client = processTicks(child.pid);
      } catch {
        // Exited.
      }
    };
    const timer = setInterval(sample, 100);
    await new Promise((resolve) => child.on('close', resolve));
    clearInterval(timer);
    server = new Map([...server].map(([pid, t]) => [pid, t]));
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
    const tx = tps * 10;
    return `PostgreSQL  pgbench TPC-B (8 clients, 10 s): ${tps.toFixed(0)} tps; CPU a transaction: server ${fixed((spentMs(before, server) / tx) * 1, 3)} ms, pgbench ${fixed((client * TICK_MS) / tx, 3)} ms`;
  } finally {
    await scratch.drop();
  }
}

export async function benchReferralCreate(deps: { serverUrl: string }): Promise<string[]> {
  instrument();
  const lines = [
    `Referral create taken apart (in process, ${OPEN} open referrals; load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  ];
  const engines = process.env.BENCH_CREATE_ENGINE;
  if (engines !== 'postgres')
    lines.push(...(await engine('PGlite', { kind: 'pglite', dataDir: 'memory' }, null, Number(process.env.BENCH_CREATE_CONCURRENCY ?? 10))));
  if (engines !== 'pglite') {
    const scratch = await createScratchDatabase(deps.serverUrl, 'bw_bench_create');
    try {
      lines.push(...(await engine('PostgreSQL', { kind: 'postgres', url: scratch.url }, scratch.name, Number(process.env.BENCH_CREATE_CONCURRENCY ?? 20))));
    } finally {
      await scratch.drop();
    }
    lines.push(await pgbench(deps.serverUrl));
  }
  lines.push(
    `load average at the end: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  return lines;
}
