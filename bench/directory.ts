import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_NEEDS, type DirectoryPackage, stableId, termId } from '../src/domains/directory/index.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';

/**
 * BENCH_ONLY=directory: the public directory search (words + taxonomy term + distance from a
 * postcode, one page of 20) over `BENCH_DIRECTORY_SERVICES` (100,000) services in one council,
 * beside a `GET /oruk/{council}/services/{id}` read in the same run, on each engine. Requests per
 * second and p95 (exact, bench/latency.ts in its own process). Goal (issue 16): search at least a
 * quarter of the read's rate, p95 under 50 ms on PostgreSQL.
 */
const SERVICES = Number(process.env.BENCH_DIRECTORY_SERVICES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_DIRECTORY_CONNECTIONS ?? 10);

const WORDS = ['debt', 'housing', 'benefits', 'counselling', 'recovery', 'carers', 'learning', 'employment', 'food', 'wellbeing', 'youth', 'family'];
const TOWNS = [
  { district: 'LE1', latitude: 52.6345, longitude: -1.1325 },
  { district: 'LE5', latitude: 52.641, longitude: -1.085 },
];

/** A deterministic pseudo-random stream, so every run loads the same directory. */
function stream(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` services over the East Midlands (about 110 km by 70 km around Leicester), 100 to an organisation. */
export function benchPackage(count: number): DirectoryPackage {
  const random = stream(16);
  const orgs = Math.ceil(count / 100);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const organizations = Array.from({ length: orgs }, (_, i) => ({ id: stableId(`bench:org:${i}`), name: `Bench organisation ${i}`, description: '' }));
  const locations = Array.from({ length: count }, (_, i) => ({
    id: stableId(`bench:location:${i}`),
    location_type: 'physical' as const,
    latitude: Number((52.63 + (random() - 0.5)).toFixed(5)),
    longitude: Number((-1.13 + (random() - 0.5) * 1.6).toFixed(5)),
    addresses: [],
  }));
  const services = Array.from({ length: count }, (_, i) => {
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
    return {
      id: stableId(`bench:service:${i}`),
      organization_id: organizations[Math.floor(i / 100)]?.id ?? '',
      name: `${words[0]} service ${i}`,
      description: `Help with ${words.join(', ')} for people in the area.`,
      status: 'active' as const,
      phones: [],
      schedules: [],
      service_areas: [],
      contacts: [],
      cost_options: [],
      languages: [],
      service_at_locations: [{ id: stableId(`bench:sal:${i}`), location_id: locations[i]?.id ?? '' }],
      attributes: [{ id: stableId(`bench:attribute:${i}`), taxonomy_term_id: termId(pick(DEMO_NEEDS)) }],
      bridgework_capacity: 'accepting' as const,
    };
  });
  return {
    organizations,
    locations,
    taxonomies: [{ id: stableId('taxonomy:needs'), name: 'Bridgework needs (aligned with the LGA esd Needs list)', description: 'needs' }],
    taxonomy_terms: DEMO_NEEDS.map((need) => ({ id: termId(need), taxonomy_id: stableId('taxonomy:needs'), name: need, description: need })),
    services,
  };
}

type Figures = { rps: number; p50: number; p95: number; p99: number; total: number; failed: number };

function load(urls: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./latency.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin.end(JSON.stringify({ urls, seconds: SECONDS, connections: CONNECTIONS }));
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        const f = JSON.parse(out) as Figures;
        if (f.failed > 0) throw new Error(`${urls[0]}: ${f.failed} failed requests`);
        resolve(f);
      } catch (error) {
        reject(error);
      }
    });
  });
}

async function measure(label: string, target: DatabaseTarget): Promise<string[]> {
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const council = await services.directory.council('E06000016');
    const loadStarted = performance.now();
    await services.directory.importPackage(council.id, { kind: 'system', id: 'bench' }, benchPackage(SERVICES));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // Measured in the steady state a directory spends its life in, not while the import's own
    // writing is still going on: a 100,000-service load leaves over a gigabyte of WAL whose
    // checkpoints (spread over the next minute or more) and first-read hint-bit writes overlapped
    // the timed window and grew with the load's size (ADR 0059). VACUUM sets the visibility map
    // autovacuum would (index-only scans of the places stop visiting the table); CHECKPOINT
    // writes the load out before the clock starts (PGlite has neither to wait for).
    if (target.kind === 'postgres') {
      await sql`VACUUM (ANALYZE)`.execute(db.owner);
      await sql`CHECKPOINT`.execute(db.owner).catch(() => undefined);
    } else await sql`ANALYZE`.execute(db.owner);
    const app = await createApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/oruk/E06000016`;
    try {
      const reads = Array.from({ length: 200 }, (_, i) => `${base}/services/${stableId(`bench:service:${(i * 499) % SERVICES}`)}`);
      const searches = WORDS.flatMap((word, i) =>
        DEMO_NEEDS.map((need, j) => {
          const town = TOWNS[(i + j) % TOWNS.length];
          return `${base}/services?search=${word}&taxonomy_term_id=${termId(need)}&postcode=${town?.district}&proximity=5000&per_page=20`;
        }),
      );
      // One look at what a search returns, so the figures are for real pages of results.
      const sample = (await (await fetch(searches[0] ?? '')).json()) as { total_items: number; size: number };
      // The server's own CPU per request (this process; the load runs in another), steadier than
      // wall time on a shared machine.
      const timed = async (urls: string[]) => {
        const before = process.cpuUsage();
        const f = await load(urls);
        const used = process.cpuUsage(before);
        return { ...f, cpuMs: (used.user + used.system) / 1000 / Math.max(1, f.total) };
      };
      const read = await timed(reads);
      const search = await timed(searches);
      const fmt = (f: Figures & { cpuMs: number }) =>
        `${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms, server CPU ${f.cpuMs.toFixed(2)} ms/request`;
      return [
        `Directory on ${label}: ${SERVICES.toLocaleString('en-GB')} services imported in ${loadSeconds.toFixed(1)} s (one transaction); ${CONNECTIONS} connections, ${SECONDS} s each; load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
        `  GET /services/{id} (base)                  ${fmt(read)}`,
        `  search words + term + 5 km, page of 20     ${fmt(search)}  (e.g. ${sample.total_items} matches, ${sample.size} on the page)`,
        `  search ÷ read: ${(search.rps / read.rps).toFixed(2)}× (goal ≥ 0.25×); search p95 ${search.p95} ms${label === 'PostgreSQL' ? ' (goal < 50 ms)' : ''}`,
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

/**
 * Both engines, PGlite in memory and a fresh PostgreSQL database when the server answers;
 * BENCH_DIRECTORY_ENGINE=postgres or =pglite runs one (loading 100,000 services into PGlite alone
 * takes longer than the PostgreSQL run whole).
 */
export async function benchDirectory(freshServerDatabase: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> } | null>): Promise<string[]> {
  const engine = process.env.BENCH_DIRECTORY_ENGINE;
  const lines = engine === 'postgres' ? [] : await measure('PGlite', { kind: 'pglite', dataDir: 'memory' });
  if (engine === 'pglite') return lines;
  const server = await freshServerDatabase();
  if (!server) return [...lines, 'Directory on PostgreSQL: no server answered, skipped'];
  try {
    return [...lines, ...(await measure('PostgreSQL', server.target))];
  } finally {
    await server.drop();
  }
}
