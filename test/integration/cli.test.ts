import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/main.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { type CliWorkspace, cliWorkspace } from '../support/cli-workspace.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// The CLI opens the database from configuration, as an operator would: a data directory of its own
// for PGlite, or a fresh database on the PostgreSQL server. It starts empty: migrate and seed are tested here.
let workspace: CliWorkspace;
let env: NodeJS.ProcessEnv;
const cli = (...args: string[]) => workspace.cli(...args);

beforeAll(async () => {
  workspace = await cliWorkspace('cli');
  env = workspace.env;
}, 60_000);
afterAll(() => workspace.close());

const target = () =>
  env.DATABASE_URL ? ({ kind: 'postgres', url: env.DATABASE_URL } as const) : ({ kind: 'pglite', dataDir: env.BRIDGEWORK_DATA_DIR ?? '' } as const);

describe(`the bridgework CLI on ${testDatabaseKind}`, () => {
  test('migrate, seed, and clients create print what they did', async () => {
    expect((await cli('migrate')).out).toMatch(/Applied: 0001-tenancy-and-identity|up to date/);
    const seeded = await cli('seed');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('tenant-admin@leicester.bridgework.example');
    const created = await cli('clients', 'create', '--tenant', 'E06000016', '--name', 'GP system', '--scopes', 'referrals:read referrals:write');
    expect(created.code).toBe(0);
    expect(Object.keys(JSON.parse(created.out))).toEqual(['clientId', 'clientSecret']);
    // The sign-ins can be printed again at any time, the same as seed printed them.
    const again = await cli('demo', 'sign-ins');
    expect(again.code).toBe(0);
    expect(again.out).toBe(seeded.out);
  }, 180_000); // migrate and seed on PGlite, beside two other suites on two cores

  test('bad input to a command exits 2 with a clear message and changes nothing', async () => {
    const bad = await cli('clients', 'create', '--tenant', 'E99', '--name', '', '--scopes', 'everything');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Enter a GSS code like E06000016');
    expect(bad.err).toContain('A scope looks like referrals:read');
    const unknown = await cli('clients', 'create', '--tenant', 'E06000099', '--name', 'X', '--scopes', 'referrals:read');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('not found');
    expect((await cli('frobnicate')).code).toBe(2);
    const again = await cli('seed');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already has data');
  }, 60_000);

  test('audit seal signs checkpoints; exported with the public key, they verify the chains elsewhere', async () => {
    const sealed = await cli('audit', 'seal');
    expect(sealed.code).toBe(0);
    expect(sealed.out).toMatch(/Sealed \d+ audit rows; signed 2 checkpoints\./);
    const exported = await cli('audit', 'checkpoints');
    expect(exported.out.split('\n').filter(Boolean)).toHaveLength(2);
    const pem = await cli('audit', 'public-key');
    expect(pem.out).toContain('BEGIN PUBLIC KEY');
    const dir = workspace.dir;
    writeFileSync(join(dir, 'checkpoints.jsonl'), exported.out);
    writeFileSync(join(dir, 'public.pem'), pem.out);
    const ok = await cli('audit', 'verify', '--checkpoints', join(dir, 'checkpoints.jsonl'), '--public-key', join(dir, 'public.pem'));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/4 signed checkpoints matched/);
    writeFileSync(join(dir, 'bad.jsonl'), '{"not":"a checkpoint"}\n');
    const bad = await cli('audit', 'verify', '--checkpoints', join(dir, 'bad.jsonl'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('line 1 is not a checkpoint');
  }, 60_000);

  test('audit verify passes on an intact chain and names the row that was edited by hand', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit chains intact: \d+ rows across 2 tenants/);

    const db = await openDatabase(target());
    const leicester = await db.owner.selectFrom('tenants').select('id').where('gss_code', '=', 'E06000016').executeTakeFirstOrThrow();
    await sql`update audit_events set reason = 'nothing to see here' where tenant_id = ${leicester.id} and seq = 1`.execute(db.owner);
    await db.close();

    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('tenant E06000016');
    expect(broken.err).toContain('row 1: its contents do not match its hash');
  }, 60_000);

  test('jobs list shows queued work and jobs retry puts a dead job back', async () => {
    const listed = await cli('jobs', 'list');
    expect(listed.code).toBe(0);
    expect((await cli('jobs', 'list', '--state', 'sleeping')).code).toBe(2);
    const db = await openDatabase(target());
    const id = crypto.randomUUID();
    await sql`insert into jobs (id, name, payload, state, attempts, max_attempts, backoff_seconds, run_at, created_at, last_error)
              values (${id}, 'example', '{}', 'dead', 5, 5, 30, now(), now(), 'gave up')`.execute(db.owner);
    await db.close();
    const dead = await cli('jobs', 'list', '--state', 'dead');
    expect(dead.out).toContain(id);
    expect(JSON.parse(dead.out.split('\n')[0] ?? '{}')).toMatchObject({ id, state: 'dead', last_error: 'gave up' });
    expect((await cli('jobs', 'retry', id)).code).toBe(0);
    expect((await cli('jobs', 'retry', id)).code).toBe(1);
    expect((await cli('jobs', 'list', '--state', 'pending')).out).toContain(id);
  }, 60_000);

  test.runIf(testDatabaseKind === 'postgres')(
    'on PostgreSQL a command works beside a running server',
    async () => {
      const server = await startServer(loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent' }), { seedIfEmpty: false });
      try {
        // A client created by the command is usable through the running server at once.
        const created = await cli('clients', 'create', '--tenant', 'W06000015', '--name', 'Beside the server', '--scopes', 'organisations:read');
        expect(created.code).toBe(0);
        const { clientId, clientSecret } = JSON.parse(created.out) as { clientId: string; clientSecret: string };
        const token = await fetch(`${server.url}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
        });
        expect(token.status).toBe(200);
      } finally {
        await server.stop();
      }
    },
    60_000,
  );

  test.runIf(testDatabaseKind === 'pglite')(
    'a command run while the server holds the embedded database stops with a clear message',
    async () => {
      // Another live process (our parent, the test runner) holds the lock, as a running server would.
      const lock = join(env.BRIDGEWORK_DATA_DIR ?? '', 'bridgework.lock');
      writeFileSync(lock, JSON.stringify({ pid: process.ppid, holder: 'server' }));
      try {
        const res = await cli('audit', 'verify');
        expect(res.code).toBe(1);
        expect(res.err).toContain(`The Bridgework server (process ${process.ppid})`);
        expect(res.err).toContain('PGlite allows one process at a time');
      } finally {
        rmSync(lock, { force: true });
      }
      // A lock left by a process that has gone is taken over.
      writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, holder: 'server' }));
      expect((await cli('migrate')).code).toBe(0);
    },
    60_000,
  );

  // Last: the running server seals the audit rows the audit test above expects unsealed.
  test('in development the server prints the demo sign-ins last, after it is ready, and request logs go to a file', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const logFile = join(env.BRIDGEWORK_DATA_DIR ?? '', 'logs', 'bridgework.log');
      const server = await startServer(loadConfig({ ...env, NODE_ENV: 'development', PORT: '0' }), { seedIfEmpty: false });
      try {
        await fetch(`${server.url}/`);
      } finally {
        await server.stop();
      }
      const text = written.join('');
      expect(text).toContain('Bridgework is running at');
      expect(text.indexOf('Demo sign-ins')).toBeGreaterThan(text.indexOf('Bridgework is running at'));
      expect(text).toContain('tenant-admin@leicester.bridgework.example');
      // No request log on the terminal: it went to the file.
      expect(text).not.toContain('request completed');
      expect(readFileSync(logFile, 'utf8')).toContain('request completed');
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
});
