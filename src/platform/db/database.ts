import { availableParallelism } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { listenOnPGlite, listenOnPostgres, type OnNotify, type Unlisten } from './listen.ts';
import { createPGliteGate, serialisedPGliteDialect } from './pglite-dialect.ts';
import { preparedPostgresDialect } from './postgres-dialect.ts';
import type { PlatformTables } from './tables.ts';

/** The role the application works as: owns nothing, not a superuser, cannot bypass RLS. */
export const APP_ROLE = 'bridgework_app';

export type Tx = Transaction<PlatformTables>;
/** What a caller may add to a service's write transaction, such as storing an idempotent response. */
export type WriteHooks<T> = { afterWrite?: (tx: Tx, result: T) => Promise<void> };
export type TenantSummary = { id: string; gssCode: string; name: string; nameCy: string };

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | 'memory' }
  | { kind: 'postgres'; url: string; appUrl?: string | undefined; poolSize?: number | undefined; statementsPerConnection?: number | undefined };

/**
 * The app pool's default size: four connections per core, at least 10. Requests spend most of their
 * time waiting on round trips, so a few connections per core keep the cores busy; far more only
 * queue inside PostgreSQL (see docs/runbooks/operations.md for sizing).
 */
export const defaultPoolSize = (cores = availableParallelism()) => Math.max(10, 4 * cores);
/** Named prepared statements kept per connection (least recently used dropped first). */
export const DEFAULT_STATEMENTS_PER_CONNECTION = 500;

export type Database = {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction as the app role with `app.tenant_id` set for that transaction only.
   *
   * @example await db.inTenant(tenantId, (tx) => tx.selectFrom('users').selectAll().execute());
   */
  inTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One read as one statement (ADR 0023): the query built by `query` runs alone in a tenant
   * transaction (`BEGIN` and the tenant in one message, the read, `COMMIT`). Row-level security
   * applies as in `inTenant`. For reads that write nothing; a read that must be audited writes its
   * audit row afterwards with `inTenant`.
   *
   * @example await db.readInTenant(tenantId, (q) => q.selectFrom('users').select('id'));
   */
  readInTenant<DB, TB extends keyof DB, O>(tenantId: string, query: (db: Kysely<PlatformTables>) => SelectQueryBuilder<DB, TB, O>): Promise<O[]>;
  /** `readInTenant` for a query compiled once (`compileOnce`, compiled-query.ts). */
  readCompiledInTenant<O>(tenantId: string, query: CompiledQuery<O>): Promise<O[]>;
  /** Runs `fn` in one transaction as the app role with no tenant: tenant tables answer nothing. */
  global<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` once per tenant, each in its own tenant transaction: housekeeping and cross-tenant
   * aggregates, without any query ever seeing two tenants at once.
   */
  eachTenant<T>(fn: (tx: Tx, tenant: TenantSummary) => Promise<T>): Promise<T[]>;
  /** The owning connection: migrations and operator commands only, never request handling. */
  readonly owner: Kysely<PlatformTables>;
  /**
   * Calls `onNotify` when a `NOTIFY channel` commits (PostgreSQL: on a connection of its own that
   * reconnects, then calls `onNotify(null)`; PGlite: in process). Resolves once listening; the
   * function it gives stops listening. `close()` stops every listener.
   *
   * @example const stop = await db.listen('bridgework_jobs', () => wake());
   */
  listen(channel: string, onNotify: OnNotify): Promise<Unlisten>;
  ping(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The owner URL with the app role as its user and `password` (none: the server trusts local logins,
 * as a development server does). The database and options stay the owner's.
 *
 * @example appLoginUrl('postgres://postgres:pw@db:5432/bw') // 'postgres://bridgework_app@db:5432/bw'
 */
export function appLoginUrl(ownerUrl: string, password?: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password === undefined ? '' : encodeURIComponent(password);
  return url.toString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function build(
  app: Kysely<PlatformTables>,
  owner: Kysely<PlatformTables>,
  kind: Database['kind'],
  listen: (channel: string, onNotify: OnNotify) => Promise<Unlisten>,
  close: () => Promise<void>,
): Database {
  const listening = new Set<Unlisten>();
  async function run<T>(tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
    if (tenantId !== null && !UUID.test(tenantId)) throw new Error('tenant id must be a uuid');
    return app.transaction().execute(async (tx) => {
      // A literal (the id is checked to be a uuid above), so the driver sends it with BEGIN in one
      // message. It is not held for the next statement (ADR 0067, Consequences): only the case
      // page's audit row travels in pg's pipeline mode.
      if (tenantId !== null) await tx.executeQuery(CompiledQuery.raw(`select set_config('app.tenant_id', '${tenantId}', true)`));
      return fn(tx);
    });
  }
  return {
    kind,
    owner,
    inTenant: (tenantId, fn) => run(tenantId, fn),
    async readInTenant(tenantId, query) {
      // In a transaction whose BEGIN and tenant travel in one message (postgres-dialect.ts), not in
      // the read's own statement: a statement that sets the tenant itself is planned before the
      // setting exists, so the planner estimates every tenant-filtered scan as empty and picks
      // plans that read whole tables (measured: the FHIR search at 30,000 referrals, 1.4 s against
      // 39 ms; ADR 0023).
      return run(tenantId, (tx) => query(tx).execute());
    },
    async readCompiledInTenant(tenantId, query) {
      return (await run(tenantId, (tx) => tx.executeQuery(query))).rows;
    },
    global: (fn) => run(null, fn),
    async eachTenant(fn) {
      const tenants = await run(null, (tx) => tx.selectFrom('tenants').select(['id', 'gss_code', 'name', 'name_cy']).orderBy('gss_code').execute());
      const results = [];
      for (const t of tenants) results.push(await run(t.id, (tx) => fn(tx, { id: t.id, gssCode: t.gss_code, name: t.name, nameCy: t.name_cy })));
      return results;
    },
    async listen(channel, onNotify) {
      const stop = await listen(channel, onNotify);
      const once: Unlisten = async () => {
        if (listening.delete(once)) await stop();
      };
      listening.add(once);
      return once;
    },
    async ping() {
      await sql`select 1`.execute(app);
    },
    async close() {
      await Promise.all([...listening].map((stop) => stop()));
      await close();
    },
  };
}

/**
 * The Database over an open PGlite; closing it closes the PGlite, then calls `onClosed`. Tests use it
 * to open a copy of a migrated data directory and remove the copy when it closes.
 */
export function pgliteDatabase(pglite: PGlite, onClosed: () => void = () => {}): Database {
  const gate = createPGliteGate(pglite);
  const owner = new Kysely<PlatformTables>({ dialect: serialisedPGliteDialect(gate, null) });
  // The app's statements prepared once and run by name (ADR 0053); the owner's (migrations, the
  // command line) as PGlite runs them.
  const app = new Kysely<PlatformTables>({ dialect: serialisedPGliteDialect(gate, APP_ROLE, DEFAULT_STATEMENTS_PER_CONNECTION) });
  return build(
    app,
    owner,
    'pglite',
    (channel, onNotify) => listenOnPGlite(gate, channel, onNotify),
    async () => {
      await app.destroy();
      await owner.destroy();
      await pglite.close();
      onClosed();
    },
  );
}

/**
 * Opens the database. PGlite (embedded, one process) by default; PostgreSQL when given a URL.
 * On PostgreSQL the app pool connects with `appUrl` when given, otherwise as `bridgework_app` on the
 * owner URL's server and database (see `appLoginUrl`).
 */
export async function openDatabase(target: DatabaseTarget, options: { lock?: 'server' | 'cli' } = {}): Promise<Database> {
  if (target.kind === 'pglite') {
    const releaseLock = target.dataDir === 'memory' ? () => {} : await acquireDataDirLock(target.dataDir, options.lock ?? 'cli');
    try {
      const pglite = await PGlite.create(target.dataDir === 'memory' ? undefined : { dataDir: target.dataDir });
      return pgliteDatabase(pglite, releaseLock);
    } catch (error) {
      releaseLock();
      throw error;
    }
  }
  const ownerPool = new pg.Pool({ connectionString: target.url, max: 4 });
  // The app logs in as its own role (made LOGIN by migration 0011), never as the owner: a session
  // whose login user is a superuser could leave the role, and row-level security with it.
  const appPool = new pg.Pool({ connectionString: target.appUrl ?? appLoginUrl(target.url), max: target.poolSize ?? defaultPoolSize() });
  // An idle pooled connection the server ends (restart, failover, DROP DATABASE) emits 'error'
  // on the pool; without a listener that would crash the process. The pool replaces it.
  for (const pool of [ownerPool, appPool]) pool.on('error', () => {});
  const owner = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const app = new Kysely<PlatformTables>({
    dialect: preparedPostgresDialect({ pool: appPool, statementsPerConnection: target.statementsPerConnection ?? DEFAULT_STATEMENTS_PER_CONNECTION }),
  });
  const listenUrl = target.appUrl ?? appLoginUrl(target.url);
  return build(
    app,
    owner,
    'postgres',
    (channel, onNotify) => listenOnPostgres(listenUrl, channel, onNotify),
    async () => {
      await app.destroy();
      await owner.destroy();
    },
  );
}
