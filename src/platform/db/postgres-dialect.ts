import {
  AbortedTransactionError,
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
import { isSentWithNext } from './sent-with-next.ts';

/**
 * The app's PostgreSQL driver (ADR 0020). Two things Kysely's own Postgres driver does not do:
 *
 * - **Named prepared statements**, a bounded least-recently-used cache per connection. The app sends
 *   the same few hundred statements over and over; unnamed statements make PostgreSQL parse and plan
 *   each one afresh, which cost more than executing them.
 * - **BEGIN travels with the transaction's first statement.** `BEGIN` is held back until the first
 *   query; a query with no parameters (the tenant's `set_config`) goes as one simple-protocol message
 *   `BEGIN; …`, saving a round trip on every transaction.
 * - **Statements whose result nobody reads travel with the next one** (`sendWithNext`, ADR 0067):
 *   the tenant's `set_config` with the transaction's first read, an audit row with the `COMMIT`,
 *   written together in pg's pipeline mode, one round trip for both.
 */
export type PreparedPostgresOptions = { pool: pg.Pool; statementsPerConnection: number };

/** pg keeps the names it has parsed on its connection; an evicted name must be forgotten there too. */
type ParsedStatements = { connection?: { parsedStatements?: Record<string, string> } };

/** pg's client in pipeline mode (pg ≥ 8.23): queries are written at once and answered in order. */
type PipelinedClient = pg.PoolClient & { pipeline: boolean; connection: { stream: { cork(): void; uncork(): void } } };
type Sent = string | pg.QueryConfig;

class PreparedConnection implements DatabaseConnection {
  readonly client: pg.PoolClient;
  readonly #limit: number;
  /** SQL text → statement name, in least-recently-used order (a Map iterates in insertion order). */
  readonly #statements = new Map<string, string>();
  #next = 0;
  /** A BEGIN not yet sent: the transaction's first statement carries it. */
  pendingBegin: string | null = null;
  /** Between beginTransaction and commit or rollback. */
  inTransaction = false;
  /** Statements held back (`sendWithNext`): the next statement or the COMMIT carries them. */
  #held: CompiledQuery[] = [];
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

  /** How pg is given one statement: with parameters, prepared by name; without, as the simple protocol (it may be a script). */
  async #toSend(compiled: CompiledQuery): Promise<Sent> {
    const values = compiled.parameters as unknown[];
    // A statement without parameters may be several statements (DDL, scripts): only the extended
    // protocol's single statements are prepared.
    const name = values.length > 0 ? await this.#nameFor(compiled.sql) : undefined;
    return name ? { name, text: compiled.sql, values } : { text: compiled.sql, values };
  }

  /**
   * What must go before the next statement: the held-back BEGIN (with the first held statement when
   * that has no parameters, as one simple-protocol message) and the held statements, in order.
   */
  async #lead(): Promise<Sent[]> {
    const held = this.#held;
    this.#held = [];
    const lead: Sent[] = [];
    let i = 0;
    if (this.pendingBegin !== null) {
      const begin = this.pendingBegin;
      this.pendingBegin = null;
      const first = held[0];
      if (first && first.parameters.length === 0) {
        lead.push(`${begin}; ${first.sql}`);
        i = 1;
      } else lead.push(begin);
    }
    for (; i < held.length; i++) lead.push(await this.#toSend(held[i] as CompiledQuery));
    return lead;
  }

  /**
   * Writes every statement at once (one write, pg's pipeline mode) and waits for all their answers;
   * the first failure is thrown. Each has its own Sync, so after a failure inside the transaction
   * the rest fail too ("current transaction is aborted") and a COMMIT answers ROLLBACK.
   */
  async #pipeline(statements: Sent[]): Promise<pg.QueryResult[]> {
    const client = this.client as PipelinedClient;
    const stream = client.connection.stream;
    client.pipeline = true;
    const answers: Promise<pg.QueryResult>[] = [];
    stream.cork();
    try {
      for (const s of statements) answers.push(client.query(s as pg.QueryConfig));
    } finally {
      stream.uncork();
    }
    const settled = await Promise.allSettled(answers);
    // Every statement has been answered, so none is left in pg's pipeline queue.
    client.pipeline = false;
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<pg.QueryResult>).value);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction && isSentWithNext(compiled)) {
      this.#held.push(compiled);
      return { rows: [] };
    }
    const values = compiled.parameters as unknown[];
    let result: pg.QueryResult;
    if (this.#held.length > 0) {
      const lead = await this.#lead();
      const results = await this.#pipeline([...lead, await this.#toSend(compiled)]);
      result = lastOf(results[results.length - 1]);
    } else if (this.pendingBegin !== null && values.length === 0) {
      // One message, two statements: pg answers with one result per statement; the last is ours.
      const begin = this.pendingBegin;
      this.pendingBegin = null;
      result = lastOf(await this.client.query(`${begin}; ${compiled.sql}`));
    } else {
      if (this.pendingBegin !== null) {
        const begin = this.pendingBegin;
        this.pendingBegin = null;
        await this.client.query(begin);
      }
      result = await this.client.query(await this.#toSend(compiled));
    }
    const { command, rowCount, rows } = result;
    if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command }] as R[] };
    return {
      numAffectedRows: command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE' ? BigInt(rowCount ?? 0) : undefined,
      rows: (rows ?? []) as R[],
    };
  }

  /** COMMIT, carrying any held statements (and a BEGIN not yet sent) in the same write. */
  async commit(): Promise<void> {
    this.inTransaction = false;
    if (this.#held.length === 0) return commitDeferred(this);
    const lead = await this.#lead();
    const results = await this.#pipeline([...lead, 'commit']);
    // PostgreSQL completes COMMIT with a ROLLBACK tag if an earlier statement error aborted the transaction.
    if (lastOf(results[results.length - 1]).command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  /** Forgets what was held back: nothing of it was sent. */
  endTransaction(): void {
    this.inTransaction = false;
    this.#held = [];
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; the interface requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by this driver');
  }
}

/** A simple-protocol message with several statements is answered with one result each: the last is the one asked for. */
function lastOf(result: pg.QueryResult | pg.QueryResult[] | undefined): pg.QueryResult {
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  if (!last) throw new Error('no result from the server');
  return last;
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
    (connection as PreparedConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PreparedConnection).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PreparedConnection;
    c.endTransaction();
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
    c.endTransaction();
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
