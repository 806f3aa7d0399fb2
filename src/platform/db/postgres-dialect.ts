import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { commitDeferred, deferBegin } from './deferred-begin.ts';

/**
 * The app's PostgreSQL driver (ADR 0020). Two things Kysely's own Postgres driver does not do:
 *
 * - **Named prepared statements**, a bounded least-recently-used cache per connection. The app sends
 *   the same few hundred statements over and over; unnamed statements make PostgreSQL parse and plan
 *   each one afresh, which cost more than executing them.
 * - **BEGIN travels with the transaction's first statement.** `BEGIN` is held back until the first
 *   query; a query with no parameters (the tenant's `set_config`) goes as one simple-protocol message
 *   `BEGIN; …`, saving a round trip on every transaction.
 */
export type PreparedPostgresOptions = { pool: pg.Pool; statementsPerConnection: number };

/** pg keeps the names it has parsed on its connection; an evicted name must be forgotten there too. */
type ParsedStatements = { connection?: { parsedStatements?: Record<string, string> } };

class PreparedConnection implements DatabaseConnection {
  readonly client: pg.PoolClient;
  readonly #limit: number;
  /** SQL text → statement name, in least-recently-used order (a Map iterates in insertion order). */
  readonly #statements = new Map<string, string>();
  #next = 0;
  /** A BEGIN not yet sent: the transaction's first statement carries it. */
  pendingBegin: string | null = null;
  /** A failed ROLLBACK leaves the connection in an unknown state: the pool drops it. */
  broken = false;

  constructor(client: pg.PoolClient, limit: number) {
    this.client = client;
    this.#limit = limit;
  }

  async #nameFor(text: string): Promise<string | undefined> {
    if (this.#limit <= 0) return undefined;
    const known = this.#statements.get(text);
    if (known) {
      this.#statements.delete(text);
      this.#statements.set(text, known);
      return known;
    }
    if (this.#statements.size >= this.#limit) {
      const [oldestText, oldestName] = this.#statements.entries().next().value as [string, string];
      this.#statements.delete(oldestText);
      delete (this.client as unknown as ParsedStatements).connection?.parsedStatements?.[oldestName];
      // Names come from this counter, never from input; DEALLOCATE is not transactional.
      await this.client.query(`DEALLOCATE ${oldestName}`);
    }
    const name = `bw${this.#next++}`;
    this.#statements.set(text, name);
    return name;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const values = compiled.parameters as unknown[];
    let result: pg.QueryResult;
    if (this.pendingBegin !== null && values.length === 0) {
      // One message, two statements: pg answers with one result per statement; the last is ours.
      const begin = this.pendingBegin;
      this.pendingBegin = null;
      const results = (await this.client.query(`${begin}; ${compiled.sql}`)) as unknown as pg.QueryResult[];
      result = results[results.length - 1] as pg.QueryResult;
    } else {
      if (this.pendingBegin !== null) {
        const begin = this.pendingBegin;
        this.pendingBegin = null;
        await this.client.query(begin);
      }
      // A statement without parameters may be several statements (DDL, scripts): only the extended
      // protocol's single statements are prepared.
      const name = values.length > 0 ? await this.#nameFor(compiled.sql) : undefined;
      result = await this.client.query(name ? { name, text: compiled.sql, values } : { text: compiled.sql, values });
    }
    const { command, rowCount, rows } = result;
    if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command }] as R[] };
    return {
      numAffectedRows: command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE' ? BigInt(rowCount ?? 0) : undefined,
      rows: (rows ?? []) as R[],
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; the interface requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by this driver');
  }
}

class PreparedPostgresDriver implements Driver {
  readonly #pool: pg.Pool;
  readonly #limit: number;
  readonly #connections = new WeakMap<pg.PoolClient, PreparedConnection>();

  constructor(options: PreparedPostgresOptions) {
    this.#pool = options.pool;
    this.#limit = options.statementsPerConnection;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.#pool.connect();
    let connection = this.#connections.get(client);
    if (!connection) {
      connection = new PreparedConnection(client, this.#limit);
      this.#connections.set(client, connection);
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    deferBegin(connection as PreparedConnection, settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await commitDeferred(connection as PreparedConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PreparedConnection;
    if (c.pendingBegin !== null) {
      c.pendingBegin = null;
      return;
    }
    try {
      await c.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      c.broken = true;
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as PreparedConnection;
    c.pendingBegin = null;
    c.client.release(c.broken);
  }

  async destroy(): Promise<void> {
    await this.#pool.end();
  }
}

/** Kysely's PostgreSQL dialect with the driver above. */
export function preparedPostgresDialect(options: PreparedPostgresOptions): Dialect {
  return {
    createAdapter: (): DialectAdapter => new PostgresAdapter(),
    createDriver: (): Driver => new PreparedPostgresDriver(options),
    createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new PostgresIntrospector(db),
  };
}
