import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import { commitDeferred, deferBegin } from './deferred-begin.ts';

/**
 * PGlite with named prepared statements (ADR 0053), the counterpart of postgres-dialect.ts.
 *
 * PGlite's `query` parses, plans and describes every statement afresh (an unnamed statement, in six
 * calls into the WebAssembly engine). For the case read that planning took ten times as long as
 * running it, which is why the JSON case read ran at a tenth of the raw point select on PGlite. Here
 * each statement with parameters is parsed and described once per PGlite and run by name after that
 * (Bind, Describe, Execute and Sync in one call); PostgreSQL plans it once and moves to a generic
 * plan after five runs, as on a server. A statement without parameters (the tenant setting, BEGIN,
 * COMMIT, migrations' scripts) goes as one simple-protocol message, BEGIN with the first of them.
 *
 * PGlite has one session, so every driver on the same PGlite shares one statement cache; callers
 * must already be serialised (the gate in pglite-dialect.ts).
 */
type Prepared = { name: string; types: number[] };
type Statements = { byText: Map<string, Prepared>; next: number };

const statementsOf = new WeakMap<PGlite, Statements>();
const { serialize } = protocol;

function join(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

type Messages = Awaited<ReturnType<PGlite['execProtocolStream']>>;

class PreparedPGliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #limit: number;
  readonly #statements: Statements;
  /** A BEGIN not yet sent: the transaction's first statement carries it. */
  pendingBegin: string | null = null;

  constructor(pglite: PGlite, limit: number) {
    this.#pglite = pglite;
    this.#limit = limit;
    let statements = statementsOf.get(pglite);
    if (!statements) {
      statements = { byText: new Map(), next: 0 };
      statementsOf.set(pglite, statements);
    }
    this.#statements = statements;
  }

  async #run(message: Uint8Array): Promise<Messages> {
    const messages = await this.#pglite.execProtocolStream(message, { syncToFs: false });
    // As PGlite's own query does: written to its file system when no transaction is open.
    const ready = messages.findLast((m) => m.name === 'readyForQuery') as { status?: string } | undefined;
    if (ready?.status === 'I') await this.#pglite.syncToFs();
    return messages;
  }

  async #prepare(text: string): Promise<Prepared> {
    const { byText } = this.#statements;
    const known = byText.get(text);
    if (known) {
      byText.delete(text);
      byText.set(text, known);
      return known;
    }
    if (byText.size >= this.#limit) {
      const [oldestText, oldest] = byText.entries().next().value as [string, Prepared];
      byText.delete(oldestText);
      await this.#run(join([serialize.close({ type: 'S', name: oldest.name }), serialize.sync()]));
    }
    // Names come from this counter, never from input.
    const name = `bwl${this.#statements.next++}`;
    const described = await this.#run(join([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]));
    const prepared = { name, types: parse.parseDescribeStatementResults(described) };
    byText.set(text, prepared);
    return prepared;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const values = compiled.parameters as unknown[];
    let messages: Messages;
    if (values.length === 0) {
      const begin = this.pendingBegin;
      this.pendingBegin = null;
      messages = await this.#run(serialize.query(begin === null ? compiled.sql : `${begin}; ${compiled.sql}`));
    } else {
      if (this.pendingBegin !== null) {
        const begin = this.pendingBegin;
        this.pendingBegin = null;
        await this.#run(serialize.query(begin));
      }
      if (this.#limit <= 0) {
        const { rows, affectedRows } = await this.#pglite.query<R>(compiled.sql, values, { rowMode: 'object' });
        return { rows, numAffectedRows: affectedRows === undefined ? undefined : BigInt(affectedRows) };
      }
      const { name, types } = await this.#prepare(compiled.sql);
      const serializers = this.#pglite.serializers;
      const params = values.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serializer = serializers[types[i] ?? 0];
        return serializer ? serializer(v) : String(v);
      });
      messages = await this.#run(
        join([serialize.bind({ statement: name, values: params }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      );
    }
    const results = parse.parseResults(messages, this.#pglite.parsers, { rowMode: 'object' });
    const result = results[results.length - 1];
    const command = (result as { command?: string } | undefined)?.command;
    if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command }] as R[] };
    return {
      numAffectedRows:
        command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE' ? BigInt(result?.affectedRows ?? 0) : undefined,
      rows: (result?.rows ?? []) as R[],
    };
  }

  // biome-ignore lint/correctness/useYield: streaming is not used; the interface requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by this driver');
  }
}

/** The driver over one PGlite: one connection, which the caller serialises (SerialisedDriver). */
export class PreparedPGliteDriver implements Driver {
  readonly #connection: PreparedPGliteConnection;

  constructor(pglite: PGlite, statementsPerSession: number) {
    this.#connection = new PreparedPGliteConnection(pglite, statementsPerSession);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    deferBegin(connection as PreparedPGliteConnection, settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await commitDeferred(connection as PreparedPGliteConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as PreparedPGliteConnection;
    if (c.pendingBegin !== null) {
      c.pendingBegin = null;
      return;
    }
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as PreparedPGliteConnection).pendingBegin = null;
  }

  async destroy(): Promise<void> {
    // The PGlite instance is shared; its owner closes it.
  }
}
