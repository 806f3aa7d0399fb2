import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type Database, type DatabaseTarget, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';
import { createScratchDatabase } from '../test/support/test-db.ts';
import { seedBenchCases } from './cases.ts';
import { FHIR_BUNDLE } from './fixtures.ts';

type Result = { rps: number; p99: number };
type Load = (
  url: string,
  headers?: Record<string, string>,
  extra?: { method?: 'GET' | 'POST'; body?: string; idReplacement?: boolean; connections?: number },
) => Promise<Result>;

// The lists are measured for their time per request, so with fewer connections than the writes: a
// page of 400 rows, 50 at a time on a busy 2-core machine, waits past autocannon's 10 s timeout.
const READ_CONNECTIONS = Number(process.env.BENCH_READ_CONNECTIONS ?? 2);
// PGlite serves one transaction at a time, so more connections only queue longer.
const PGLITE_CONNECTIONS = Number(process.env.BENCH_PGLITE_CONNECTIONS ?? 10);

const SMALL = Number(process.env.BENCH_REFERRALS_SMALL ?? 1_000);
const LARGE = Number(process.env.BENCH_REFERRALS_LARGE ?? 100_000);
const CASES = Number(process.env.BENCH_CASES ?? 10_000);
// Each bulk load numbers its references and identifiers apart from the others.
let batches = 0;

/**
 * Adds open referrals to the Leicester demo tenant in bulk, as the owner: each a new person,
 * referred by the Leicester GP network to the IPS team: three in four waiting in its queue, one in
 * four accepted and being worked (so both of the inbox's lists are full at any size), one in twenty
 * urgent; with the team's count of open referrals brought up to date. Then ANALYZE, since the
 * bench's PostgreSQL runs with autovacuum off.
 */
export async function seedBenchReferrals(db: Database, count: number): Promise<void> {
  const o = db.owner;
  const ids = await sql<{ tenant_id: string; team_id: string; organisation_id: string }>`
    SELECT t.id AS tenant_id, team.id AS team_id, org.id AS organisation_id
    FROM tenants t JOIN teams team ON team.tenant_id = t.id AND team.name = 'Leicester IPS team'
    JOIN organisations org ON org.tenant_id = t.id AND org.name = 'Leicester Central Primary Care Network'
    WHERE t.gss_code = 'E06000016'`.execute(o);
  const row = ids.rows[0];
  if (!row) throw new Error('no Leicester IPS team');
  const batch = `bulk-${++batches}`;
  await sql`
    CREATE TEMPORARY TABLE bench_referrals AS
    SELECT n, gen_random_uuid() AS person_id, gen_random_uuid() AS referral_id, now() - (n % 60) * interval '1 hour' - n * interval '1 millisecond' AS at
    FROM generate_series(1, ${count}) AS n`.execute(o);
  await sql`
    INSERT INTO people (tenant_id, id, given_name, family_name, date_of_birth, address_line1, postcode, email, preferred_language, contact_method, match_key, created_at, updated_at)
    SELECT ${row.tenant_id}::uuid, person_id, 'Queued', 'Person ' || n, '1980-03-01', n || ' Queue Street', 'LE1 6ZG', 'queued.' || n || '@example.com', 'en', 'email',
           ${batch} || '-' || n, at, at
    FROM bench_referrals`.execute(o);
  await sql`
    INSERT INTO referrals (tenant_id, id, reference, identifier_system, identifier_value, person_id, person_match, submitted_person, route, referrer_name,
                           referrer_organisation_id, referring_service, conditions_text, condition_categories, fit_note, benefits, help_wanted, urgency,
                           young_person, regime, regime_basis, consent_scopes, consent_method, consent_given_on, consent_recorded_by, team_id, status,
                           business_status, first_contact_due, created_at, updated_at)
    SELECT ${row.tenant_id}::uuid, referral_id, 'BW-Q' || ${String(batches)} || '-' || lpad(n::text, 6, '0'), ${`urn:bench:${batch}`}, n::text, person_id,
           'new', '{}'::jsonb, 'clinician', 'Bench GP', ${row.organisation_id}::uuid, 'gp', 'Low mood', ARRAY['mental-health'], 'may-be-fit', ARRAY['uc-lcw'],
           'Part-time work', CASE WHEN n % 20 = 0 THEN 'urgent' ELSE 'routine' END, false, 'voluntary-health', 'health condition',
           ARRAY['share-with-employment-team', 'share-with-health-team'], 'verbal', '2026-01-01', 'Bench GP', ${row.team_id}::uuid,
           CASE WHEN n % 4 = 0 THEN 'accepted' ELSE 'requested' END, CASE WHEN n % 4 = 0 THEN 'triaged' ELSE 'received' END,
           '2099-01-01', at, at
    FROM bench_referrals`.execute(o);
  await sql`DROP TABLE bench_referrals`.execute(o);
  await recountTeams(db);
}

/** Bulk loads write around the service, so each team's count is made again from its referrals. */
export async function recountTeams(db: Database): Promise<void> {
  await sql`
    UPDATE teams SET
      open_referrals = (SELECT count(*) FROM referrals r WHERE r.tenant_id = teams.tenant_id AND r.team_id = teams.id
                          AND r.status IN ('requested', 'accepted', 'in-progress', 'on-hold')),
      open_young_people = (SELECT count(*) FROM referrals r WHERE r.tenant_id = teams.tenant_id AND r.team_id = teams.id
                          AND r.status IN ('requested', 'accepted', 'in-progress', 'on-hold') AND r.young_person)`.execute(db.owner);
  await sql`ANALYZE`.execute(db.owner);
}

/** Requests a second: whole numbers, or one decimal below a hundred (a busy machine gives small ones). */
const rate = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

async function openReferrals(db: Database): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM referrals WHERE status IN ('requested', 'accepted', 'in-progress', 'on-hold')`.execute(db.owner);
  return Number(r.rows[0]?.n ?? 0);
}

async function signInCookie(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = (c.split(';')[0] ?? '').split('=');
      if (k && v !== undefined) jar.set(k, v);
    }
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const page = await keep(await fetch(`${base}/sign-in`)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  keep(
    await fetch(`${base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD }).toString(),
    }),
  );
  return cookie();
}

/** pgbench TPC-B (scale 1, 8 clients, 10 s) in a scratch database: the write ceiling of this machine now. */
async function pgbenchTps(serverUrl: string): Promise<number | null> {
  const run = promisify(execFile);
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
  try {
    scratch = await createScratchDatabase(serverUrl, 'bw_pgbench');
    await run('pgbench', ['-i', '-q', scratch.url]);
    const { stdout } = await run('pgbench', ['-c', '8', '-j', '2', '-T', '10', scratch.url]);
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    return tps ? Number(tps) : null;
  } catch {
    return null;
  } finally {
    await scratch?.drop();
  }
}

/**
 * Referral writes and the lists that grow with referrals, on one engine: the specialist's inbox,
 * a FHIR Task search with its total, and a FHIR referral create, first with `SMALL` open referrals
 * in the tenant, then again after loading `CASES` cases and open referrals up to `LARGE`. Each
 * line gives requests a second and p99; the large run's ratio of time per request to the small
 * run's is the "flat with size" figure (goal: at most 1.5).
 */
async function measureEngine(label: string, target: DatabaseTarget, load: Load): Promise<{ lines: string[]; createRps: number }> {
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const { clientId, clientSecret } = await services.clients.createClient({
      gssCode: 'E06000016',
      name: 'referral bench',
      scopes: 'referrals:read referrals:write',
      organisation: 'Leicester Central Primary Care Network',
    });
    const issued = await services.clients.issueToken(clientId, clientSecret, undefined);
    if (issued.kind !== 'issued') throw new Error('could not issue a token');
    const bearer = { authorization: `Bearer ${issued.accessToken}` };
    const app = await createApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const specialist = await signInCookie(base, 'specialist@leicester.bridgework.example');
      const round = async () => ({
        inbox: await load(`${base}/referrals/inbox`, { cookie: specialist }, { connections: READ_CONNECTIONS }),
        search: await load(`${base}/fhir/Task?_count=20`, bearer, { connections: READ_CONNECTIONS }),
        create: await load(
          `${base}/fhir`,
          { ...bearer, 'content-type': 'application/fhir+json' },
          { method: 'POST', body: FHIR_BUNDLE, idReplacement: true, ...(target.kind === 'pglite' ? { connections: PGLITE_CONNECTIONS } : {}) },
        ),
      });
      await seedBenchReferrals(db, Math.max(0, SMALL - (await openReferrals(db))));
      const smallOpen = await openReferrals(db);
      const small = await round();
      await seedBenchCases(db, CASES);
      await seedBenchReferrals(db, Math.max(0, LARGE - (await openReferrals(db))));
      const largeOpen = await openReferrals(db);
      const large = await round();
      const line = (name: string, s: Result, l: Result) =>
        `${label.padEnd(11)} ${name.padEnd(28)} ${rate(s.rps).padStart(7)} ${`${s.p99} ms`.padStart(8)} ${rate(l.rps).padStart(7)} ${`${l.p99} ms`.padStart(8)} ${(s.rps / l.rps).toFixed(2).padStart(7)}  (goal ≤ 1.5)`;
      return {
        createRps: large.create.rps,
        lines: [
          `${label.padEnd(11)} ${`open referrals: ${smallOpen} then ${largeOpen} (with ${CASES} cases)`}`,
          line('GET /referrals/inbox', small.inbox, large.inbox),
          line('GET /fhir/Task?_count=20', small.search, large.search),
          line('POST /fhir referral Bundle', small.create, large.create),
        ],
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

/** Both engines, and referral create beside pgbench TPC-B measured in the same run. */
export async function benchReferrals(deps: { load: Load; serverUrl: string }): Promise<string[]> {
  const lines = [
    'Referrals: the same requests with few and with many open referrals in the tenant (time ratio = small req/s ÷ large req/s)',
    `${'database'.padEnd(11)} ${'route'.padEnd(28)} ${'small/s'.padStart(7)} ${'p99'.padStart(8)} ${'large/s'.padStart(7)} ${'p99'.padStart(8)} ${'× time'.padStart(7)}`,
  ];
  const pglite = await measureEngine('PGlite', { kind: 'pglite', dataDir: 'memory' }, deps.load);
  lines.push(...pglite.lines);
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
  try {
    scratch = await createScratchDatabase(deps.serverUrl, 'bw_bench_referrals');
  } catch {
    lines.push(`PostgreSQL: skipped, nothing answers at ${new URL(deps.serverUrl).host}`);
  }
  let postgresCreate: number | null = null;
  if (scratch) {
    try {
      const pg = await measureEngine('PostgreSQL', { kind: 'postgres', url: scratch.url }, deps.load);
      lines.push(...pg.lines);
      postgresCreate = pg.createRps;
    } finally {
      await scratch.drop();
    }
  }
  lines.push('');
  lines.push(`PGlite      FHIR referral create at ${LARGE} open referrals: ${rate(pglite.createRps)}/s (goal ≥ 300/s)`);
  if (postgresCreate !== null) {
    const tps = await pgbenchTps(deps.serverUrl);
    lines.push(
      tps === null
        ? 'PostgreSQL  pgbench not found or failed: no TPC-B ceiling this run'
        : `PostgreSQL  FHIR referral create ${rate(postgresCreate)}/s beside pgbench TPC-B (8 clients) ${tps.toFixed(0)} tps: ${(postgresCreate / tps).toFixed(2)} × (goal ≥ 0.3)`,
    );
  }
  lines.push('');
  return lines;
}
