import { spawn } from 'node:child_process';
import Fastify from 'fastify';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrations } from '../src/migrations/index.ts';
import { systemClock } from '../src/platform/clock/index.ts';
import { type DatabaseTarget, migrateToLatest, openDatabase } from '../src/platform/db/index.ts';
import { seedDemo } from '../src/seed.ts';
import { createServices } from '../src/services.ts';
import { createScratchDatabase } from '../test/support/test-db.ts';

/**
 * `npm run bench`: requests per second and p99 latency of /health and of an authenticated JSON
 * read (GET /api/v1/organisations with a bearer token) and of a GOV.UK page, on PGlite and on
 * PostgreSQL, each beside a
 * bare Fastify route measured in the same run. The load generator (autocannon) runs in its own
 * process; on a 2-core machine it shares the cores with the server, so read the ratios.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Result = { rps: number; p99: number };

function load(url: string, headers: Record<string, string> = {}): Promise<Result> {
  const args = ['-c', String(CONNECTIONS), '-d', String(SECONDS), '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  return new Promise((resolve, reject) => {
    const child = spawn('autocannon', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        const json = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; non2xx: number; errors: number };
        if (json.non2xx > 0 || json.errors > 0) throw new Error(`${url}: ${json.non2xx} non-2xx responses, ${json.errors} errors`);
        resolve({ rps: json.requests.average, p99: json.latency.p99 });
      } catch (error) {
        reject(error);
      }
    });
  });
}

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
    const scratch = await createScratchDatabase(SERVER_URL, 'bw_bench');
    return { target: { kind: 'postgres', url: scratch.url }, drop: scratch.drop };
  } catch {
    return null;
  }
}

async function measure(label: string, target: DatabaseTarget): Promise<string[]> {
  const db = await openDatabase(target);
  try {
    await migrateToLatest(db.owner, migrations);
    await seedDemo(db, systemClock);
    const services = createServices({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), db, clock: systemClock });
    const { clientId, clientSecret } = await services.clients.createClient({ gssCode: 'E06000016', name: 'bench', scopes: 'organisations:read' });
    const issued = await services.clients.issueToken(clientId, clientSecret, undefined);
    if (issued.kind !== 'issued') throw new Error('could not issue a token');
    const app = await createApp(services, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const ceiling = await bare();
      const health = await load(`${base}/health`);
      const read = await load(`${base}/api/v1/organisations`, { authorization: `Bearer ${issued.accessToken}` });
      const page = await load(`${base}/accessibility`);
      const row = (name: string, r: Result) =>
        `${label.padEnd(11)} ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} ${`${r.p99} ms`.padStart(9)} ${(r.rps / ceiling.rps).toFixed(2).padStart(8)}`;
      return [
        row('bare Fastify route (ceiling)', ceiling),
        row('GET /health', health),
        row('GET /api/v1/organisations (bearer)', read),
        row('GET /accessibility (GOV.UK page)', page),
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

process.stdout.write(`Bridgework bench: ${CONNECTIONS} connections, ${SECONDS} s per measurement\n\n`);
process.stdout.write(`${'database'.padEnd(11)} ${'route'.padEnd(34)} ${'req/s'.padStart(8)} ${'p99'.padStart(9)} ${'× bare'.padStart(8)}\n`);
for (const line of await measure('PGlite', { kind: 'pglite', dataDir: 'memory' })) process.stdout.write(`${line}\n`);
const server = await freshServerDatabase();
if (server) {
  try {
    for (const line of await measure('PostgreSQL', server.target)) process.stdout.write(`${line}\n`);
  } finally {
    await server.drop();
  }
} else {
  process.stdout.write(`PostgreSQL: skipped, nothing answers at ${new URL(SERVER_URL).host} (set BENCH_DATABASE_URL)\n`);
}
