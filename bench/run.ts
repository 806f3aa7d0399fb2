import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type Database, type DatabaseTarget, defaultPoolSize, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';
import { createScratchDatabase } from '../test/support/test-templates.ts';
import { benchAudit } from './audit.ts';
import { benchCalculations } from './calculations.ts';
import { seedBenchCases } from './cases.ts';
import { benchDirectory } from './directory.ts';
import { FHIR_BUNDLE } from './fixtures.ts';
import { benchJobs } from './jobs.ts';
import { benchMatching } from './matching.ts';
import { benchOutcomes } from './outcomes.ts';
import { benchReferralCreate } from './referral-create.ts';
import { benchReferrals, seedBenchReferrals } from './referrals.ts';
import { benchRender } from './render.ts';

/**
 * `npm run bench`: requests per second and p99 latency of /health, an authenticated JSON read
 * (GET /api/v1/organisations with a bearer token) and a GOV.UK page, each beside a bare Fastify
 * route; and of referral creation (a FHIR transaction Bundle, and the web form's final "Send"),
 * each beside a plain single-row INSERT; all on PGlite and on PostgreSQL, measured in the same run.
 * Before anything is measured the demo tenant gets 10,000 open cases and 10,000 open referrals
 * (BENCH_CASES, BENCH_REFERRALS), then ANALYZE. Case reads: a partner's JSON case read beside a raw
 * point-select route, and the case page beside the JSON read (the goals of issue 12); BENCH_ONLY=reads
 * runs that part alone. The load generator (autocannon) runs in its own process; on a 2-core machine it shares
 * the cores with the server, so read the ratios.
 *
 * Then referrals at two sizes on both engines (bench/referrals.ts; BENCH_ONLY=referrals runs that
 * part alone): the inbox, a FHIR Task search and a FHIR create with 1,000 and with 100,000 open
 * referrals, and the create beside pgbench TPC-B.
 *
 * First, needing no server or database: Universal Credit households calculated per second on one
 * core, beside a JSON round trip of the same households (bench/calculations.ts). BENCH_ONLY=calculations
 * runs that part alone. Then the job queue draining a burst of notification jobs on both engines,
 * beside plain inserts of the same rows (bench/jobs.ts; BENCH_ONLY=jobs runs that part alone).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PGLITE_CONNECTIONS = Number(process.env.BENCH_PGLITE_CONNECTIONS ?? 10);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Each web-form request sends one prepared draft, so the run is a number of drafts, not seconds.
const WEB_FORMS = Number(process.env.BENCH_WEB_FORMS ?? 1000);
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
// Audited writers in one tenant at once: as many as the app pool has connections.
const AUDIT_CLIENTS = Number(process.env.BENCH_AUDIT_CLIENTS ?? 10);
const OPEN_REFERRALS = Number(process.env.BENCH_REFERRALS ?? 10_000);
// BENCH_ONLY=reads measures the case reads alone (after the same data load), for working on them.
const ONLY = process.env.BENCH_ONLY;
// BENCH_READS_ENGINE=postgres or =pglite measures the reads on one engine only.
const READS_ENGINE = process.env.BENCH_READS_ENGINE;
// BENCH_READS_PROFILE=<dir>: a V8 CPU profile of the server (this process) while the case page is under load.
const READS_PROFILE = process.env.BENCH_READS_PROFILE;
// Scratch databases are named `<prefix>_<random>` (BENCH_DB_PREFIX, default bw_bench).
const DB_PREFIX = process.env.BENCH_DB_PREFIX ?? 'bw_bench';

type Result = { rps: number; p99: number; total?: number };
type LoadSpec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  idReplacement?: boolean;
  cookies?: string[];
  connections?: number;
};

/** Runs one measurement in a child process (bench/load.ts); refuses a run with any failed request. */
function load(url: string, headers: Record<string, string> = {}, extra: Omit<LoadSpec, 'url' | 'headers'> = {}): Promise<Result> {
  const spec = JSON.stringify({ url, headers, seconds: SECONDS, connections: CONNECTIONS, ...extra });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(spec);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        const json = JSON.parse(out) as { total: number; seconds: number; p99: number; failed: number; timeouts: number };
        if (json.failed > 0) throw new Error(`${url}: ${json.failed} failed requests`);
        // A request still waiting when the load generator gives up (10 s) on a loaded machine is
        // reported, not fatal: it counts in neither the rate nor the p99, so the line says so.
        if (json.timeouts > 0) process.stderr.write(`${url}: ${json.timeouts} requests timed out (not counted)\n`);
        resolve({ rps: json.total / json.seconds, p99: json.p99, total: json.total });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** The ceiling for writes: one plain single-row INSERT (autocommit, no tenant, no audit), 50 at a time. */
async function plainInserts(db: Database): Promise<Result> {
  await sql`CREATE TABLE IF NOT EXISTS bench_rows (id uuid PRIMARY KEY, payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`.execute(
    db.owner,
  );
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await sql`INSERT INTO bench_rows (id, payload) VALUES (${randomUUID()}, ${'a referral-sized row'})`.execute(db.owner);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { rps: latencies.length / ((performance.now() - started) / 1000), p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0) };
}

/** Signs a demo user in over HTTP, as a browser would; the session's cookies and a CSRF reader. */
async function signIn(base: string, email: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k && v !== undefined) jar.set(k, v);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfOf = async (path: string) =>
    /name="_csrf" value="([^"]+)"/.exec(await keep(await fetch(`${base}${path}`, { headers: { cookie: cookie() } })).text())?.[1] ?? '';
  const signInCsrf = await csrfOf('/sign-in');
  keep(
    await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: signInCsrf, email, password: DEMO_PASSWORD }).toString(),
    }),
  );
  return { jar, cookie, csrfOf };
}

/** Signs the demo referrer in over HTTP and prepares one complete web draft per request to send. */
async function webFormDrafts(base: string, services: ReturnType<typeof createServices>, count: number): Promise<string[]> {
  const { jar, cookie, csrfOf } = await signIn(base, 'referrer@leicester.bridgework.example');
  const csrf = await csrfOf('/referrals/new');
  const tenantId = (jar.get('bw_session') ?? '').split('.')[0] ?? '';
  const user = await services.db.inTenant(tenantId, (tx) =>
    tx.selectFrom('users').select('id').where('email', '=', 'referrer@leicester.bridgework.example').executeTakeFirstOrThrow(),
  );
  const team = (await services.teams.list(tenantId)).find((t) => t.name === 'Leicester IPS team');
  const answers = {
    givenName: 'Web',
    familyName: 'Bench',
    dateOfBirth: '1979-02-03',
    nhsNumber: null,
    addressLine1: '1 Bench Street',
    addressLine2: null,
    town: null,
    postcode: 'LE1 6FB',
    phone: null,
    email: 'web.bench@example.com',
    preferredLanguage: 'en',
    contactMethod: 'email',
    doNotContact: [],
    referringService: 'gp',
    conditionsText: '',
    conditionCategories: [],
    fitNote: 'none',
    fitNoteAdvice: null,
    benefits: ['none'],
    helpWanted: 'Help to find work',
    urgency: 'routine',
    consentScopes: ['share-with-employment-team'],
    consentMethod: 'verbal',
    consentDate: '2026-11-20',
    teamId: team?.id,
  };
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const { cookie: draft, draft: d } = await services.drafts.start(tenantId, 'clinician', user.id);
    await services.drafts.save(d, { ...answers, familyName: `Bench${i}` });
    cookies.push(`${cookie()}; bw_referral=${draft}`);
  }
  return [csrf, ...cookies];
}

/** Two decimals, or two significant figures for the small ratios of pages that do real work. */
const ratio = (x: number) => (x >= 0.1 ? x.toFixed(2) : x.toPrecision(2));

async function bare(): Promise<Result> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/`);
  } finally {
    await app.close();
  }
}

async function freshServerDatabase(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> } | null> {
  try {
    const scratch = await createScratchDatabase(SERVER_URL, DB_PREFIX);
    return { target: { kind: 'postgres', url: scratch.url }, drop: scratch.drop };
  } catch {
    return null;
  }
}

/**
 * The ceiling for reads: a bare Fastify route doing one point select of a case by id, with `pg` (or
 * PGlite) straight, no tenant, no session, no transaction; over a pool the size of the app's.
 */
async function rawSelect(db: Database, target: DatabaseTarget, caseId: string, connections: number): Promise<Result> {
  const pool = target.kind === 'postgres' ? new pg.Pool({ connectionString: target.url, max: defaultPoolSize() }) : null;
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/cases/:id', async (request) => {
    const text = 'SELECT id, phase, opened_at, specialist_user_id FROM cases WHERE id = $1';
    if (pool) return (await pool.query(text, [request.params.id])).rows[0];
    return (await sql`SELECT id, phase, opened_at, specialist_user_id FROM cases WHERE id = ${request.params.id}`.execute(db.owner)).rows[0];
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/cases/${caseId}`, {}, { connections });
  } finally {
    await app.close();
    await pool?.end();
  }
}

/** Runs `run` under V8's CPU profiler when BENCH_READS_PROFILE names a folder, writing `<name>.cpuprofile` there. */
async function profiledRun<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!READS_PROFILE) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(READS_PROFILE, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Case work at a realistic size (the tenant holds `CASES` open cases and `OPEN_REFERRALS` open
 * referrals): a partner system reads one case as JSON with a bearer token (no health fields, so no
 * audit row), and the demo specialist opens their caseload page and the same case's page (a health
 * read, so each request also appends an audit row). Ratios: the JSON read to the raw point select,
 * the case page to the JSON read, all measured in this run.
 */
async function caseReads(label: string, base: string, db: Database, target: DatabaseTarget, services: ReturnType<typeof createServices>): Promise<string[]> {
  const { clientId, clientSecret } = await services.clients.createClient({
    gssCode: 'E06000016',
    name: 'bench case reader',
    scopes: 'cases:read',
    organisation: 'Leicester IPS Employment Service',
  });
  const issued = await services.clients.issueToken(clientId, clientSecret, undefined);
  if (issued.kind !== 'issued') throw new Error('could not issue a token');
  const { cookie } = await signIn(base, 'specialist@leicester.bridgework.example');
  const page = await fetch(`${base}/cases`, { headers: { cookie: cookie() } });
  const caseId = /href="\/cases\/([0-9a-f-]{36})"/.exec(await page.text())?.[1];
  if (!caseId) throw new Error('the caseload page lists no case');
  // PGlite serves one statement at a time: on a loaded machine 50 connections queue past the load
  // generator's timeout, so it gets fewer (BENCH_PGLITE_CONNECTIONS), the same for every route.
  const connections = target.kind === 'pglite' ? PGLITE_CONNECTIONS : CONNECTIONS;
  // The server runs in this process (the load generator in its own): its CPU time over a run,
  // divided by the requests served, is the server's CPU a request (user and system, all threads).
  const cpu = new Map<Result, number>();
  const measured = async (run: () => Promise<Result>) => {
    const before = process.cpuUsage();
    const r = await run();
    const used = process.cpuUsage(before);
    if (r.total) cpu.set(r, (used.user + used.system) / 1000 / r.total);
    return r;
  };
  const raw = await measured(() => rawSelect(db, target, caseId, connections));
  const json = await measured(() => load(`${base}/api/v1/cases/${caseId}`, { authorization: `Bearer ${issued.accessToken}` }, { connections }));
  const casePage = await measured(() => profiledRun(`case-page-${target.kind}`, () => load(`${base}/cases/${caseId}`, { cookie: cookie() }, { connections })));
  const caseload = await measured(() => load(`${base}/cases`, { cookie: cookie() }, { connections }));
  const line = (name: string, r: Result, base: Result, of: string) =>
    `${label.padEnd(11)} ${name.padEnd(38)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p99} ms`.padStart(9)} ${ratio(r.rps / base.rps).padStart(8)} × ${of.padEnd(15)} ${(cpu.get(r) ?? 0).toFixed(2).padStart(6)} ms CPU a request`;
  return [
    line('raw point select, pg (read ceiling)', raw, raw, 'raw select'),
    line('GET /api/v1/cases/:id (bearer, JSON)', json, raw, 'raw select'),
    line('GET /cases/:id (case page)', casePage, json, 'JSON case read'),
    line(`GET /cases (caseload, ${CASES} cases)`, caseload, raw, 'raw select'),
    `${label.padEnd(11)} (${connections} connections) goal: JSON case read ≥ 0.5 × raw select, p99 < 100 ms: ${ratio(json.rps / raw.rps)}, ${json.p99} ms; case page ≥ 0.5 × JSON read: ${ratio(casePage.rps / json.rps)} (by server CPU a request: ${ratio((cpu.get(json) ?? 0) / (cpu.get(casePage) ?? 1))})`,
    '',
  ];
}

async function measure(label: string, target: DatabaseTarget): Promise<string[]> {
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    // Realistic data before anything is measured.
    // (seedBenchReferrals brings the teams' counts up to date and ANALYZEs: the bench machine's
    // PostgreSQL runs without autovacuum.)
    await seedBenchCases(db, CASES);
    await seedBenchReferrals(db, OPEN_REFERRALS);
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const { clientId, clientSecret } = await services.clients.createClient({
      gssCode: 'E06000016',
      name: 'bench',
      scopes: 'organisations:read referrals:write',
      organisation: 'Leicester Central Primary Care Network',
    });
    const issued = await services.clients.issueToken(clientId, clientSecret, undefined);
    if (issued.kind !== 'issued') throw new Error('could not issue a token');
    const app = await createApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      if (ONLY === 'reads') return await caseReads(label, base, db, target, services);
      const ceiling = await bare();
      const health = await load(`${base}/health`);
      const read = await load(`${base}/api/v1/organisations`, { authorization: `Bearer ${issued.accessToken}` });
      const page = await load(`${base}/accessibility`);
      const inserts = await plainInserts(db);
      const fhir = await load(
        `${base}/fhir`,
        { authorization: `Bearer ${issued.accessToken}`, 'content-type': 'application/fhir+json' },
        { method: 'POST', body: FHIR_BUNDLE, idReplacement: true },
      );
      const [csrf, ...cookies] = await webFormDrafts(base, services, WEB_FORMS);
      const web = await load(
        `${base}/referrals/new/check`,
        { 'content-type': 'application/x-www-form-urlencoded' },
        { method: 'POST', body: `_csrf=${csrf}`, cookies },
      );
      const writeRow = (name: string, r: Result) =>
        `${label.padEnd(11)} ${name.padEnd(38)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p99} ms`.padStart(9)} ${(r.rps / inserts.rps).toFixed(2).padStart(8)} × insert`;
      const row = (name: string, r: Result) =>
        `${label.padEnd(11)} ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p99} ms`.padStart(9)} ${ratio(r.rps / ceiling.rps).padStart(8)}`;
      return [
        row('bare Fastify route (ceiling)', ceiling),
        row('GET /health', health),
        row('GET /api/v1/organisations (bearer)', read),
        row('GET /accessibility (GOV.UK page)', page),
        '',
        writeRow('plain single-row INSERT (ceiling)', inserts),
        writeRow('POST /fhir referral Bundle', fhir),
        writeRow('POST /referrals/new/check (web form)', web),
        '',
        ...(await benchAudit(label, db, { seconds: SECONDS, clients: AUDIT_CLIENTS, tenantId: await leicester(db) })),
        ...(await caseReads(label, base, db, target, services)),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

const leicester = async (db: Database) =>
  (await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', 'E06000016').executeTakeFirstOrThrow())).id;

/** BENCH_ONLY=audit: the audited-write figures alone, on a fresh seeded database of each engine. */
async function auditOnly(label: string, target: DatabaseTarget): Promise<void> {
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    for (const line of await benchAudit(label, db, { seconds: SECONDS, clients: AUDIT_CLIENTS, tenantId: await leicester(db) }))
      process.stdout.write(`${line}\n`);
  } finally {
    await db.close();
  }
}

const only = process.env.BENCH_ONLY;
if (only === 'outcomes') {
  const participants = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
  if (process.env.BENCH_OUTCOMES_REUSE === '1') {
    // The database BENCH_DATABASE_URL names, measured as it is (a history generated before): kept afterwards.
    for (const line of await benchOutcomes('PostgreSQL', { kind: 'postgres', url: SERVER_URL }, participants, { reuse: true }))
      process.stdout.write(`${line}\n`);
    process.exit(0);
  }
  if (process.env.BENCH_OUTCOMES_ENGINE !== 'postgres')
    for (const line of await benchOutcomes('PGlite', { kind: 'pglite', dataDir: 'memory' }, participants)) process.stdout.write(`${line}\n`);
  const scratch = process.env.BENCH_OUTCOMES_ENGINE === 'pglite' ? null : await freshServerDatabase();
  if (scratch) {
    try {
      for (const line of await benchOutcomes('PostgreSQL', scratch.target, Number(process.env.BENCH_PG_PARTICIPANTS ?? participants)))
        process.stdout.write(`${line}\n`);
    } finally {
      await scratch.drop();
    }
  }
  process.exit(0);
}
if (only === 'create') {
  for (const line of await benchReferralCreate({ serverUrl: SERVER_URL })) process.stdout.write(`${line}\n`);
  process.exit(0);
}
if (only === 'directory') {
  for (const line of await benchDirectory(freshServerDatabase)) process.stdout.write(`${line}\n`);
  process.exit(0);
}
if (only === 'matching') {
  const scratch = await freshServerDatabase();
  try {
    for (const line of await benchMatching(scratch && scratch.target.kind === 'postgres' ? scratch.target.url : null)) process.stdout.write(`${line}\n`);
  } finally {
    await scratch?.drop();
  }
  process.exit(0);
}
if (only !== 'jobs' && only !== 'reads' && only !== 'render') for (const line of benchCalculations()) process.stdout.write(`${line}\n`);
if (!only || only === 'jobs') for (const line of await benchJobs(freshServerDatabase)) process.stdout.write(`${line}\n`);
if (!only || only === 'render') for (const line of await benchRender()) process.stdout.write(`${line}\n`);
if (only === 'calculations' || only === 'jobs' || only === 'render') process.exit(0);
if (only === 'referrals') {
  for (const line of await benchReferrals({ load, serverUrl: SERVER_URL })) process.stdout.write(`${line}\n`);
  process.exit(0);
}
if (process.env.BENCH_ONLY === 'audit') {
  await auditOnly('PGlite', { kind: 'pglite', dataDir: 'memory' });
  const scratch = await freshServerDatabase();
  if (scratch) {
    try {
      await auditOnly('PostgreSQL', scratch.target);
    } finally {
      await scratch.drop();
    }
  }
  process.exit(0);
}

process.stdout.write(`Bridgework bench: ${CONNECTIONS} connections, ${SECONDS} s per measurement\n\n`);
process.stdout.write(`${'database'.padEnd(11)} ${'route'.padEnd(34)} ${'req/s'.padStart(8)} ${'p99'.padStart(9)} ${'× bare'.padStart(8)}\n`);
try {
  if (!(ONLY === 'reads' && READS_ENGINE === 'postgres'))
    for (const line of await measure('PGlite', { kind: 'pglite', dataDir: 'memory' })) process.stdout.write(`${line}\n`);
} catch (error) {
  // A loaded machine can make PGlite's one connection fail a measurement; PostgreSQL still runs.
  process.stdout.write(`PGlite      not measured: ${error instanceof Error ? error.message : String(error)}\n`);
}
const server = ONLY === 'reads' && READS_ENGINE === 'pglite' ? null : await freshServerDatabase();
if (server) {
  try {
    for (const line of await measure('PostgreSQL', server.target)) process.stdout.write(`${line}\n`);
  } finally {
    await server.drop();
  }
} else if (!(ONLY === 'reads' && READS_ENGINE === 'pglite')) {
  process.stdout.write(`PostgreSQL: skipped, nothing answers at ${new URL(SERVER_URL).host} (set BENCH_DATABASE_URL)\n`);
}

if (ONLY !== 'reads') for (const line of await benchReferrals({ load, serverUrl: SERVER_URL })) process.stdout.write(`${line}\n`);
if (!ONLY) for (const line of await benchDirectory(freshServerDatabase)) process.stdout.write(`${line}\n`);
