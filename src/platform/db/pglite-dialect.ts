import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PGliteDialect,
  type QueryCompiler,
  type TransactionSettings,
} from 'kysely';
import { PreparedPGliteDriver } from './pglite-prepared.ts';

/**
 * PGlite has exactly one connection. Every Kysely instance over the same PGlite must share one gate,
 * so a query never runs inside another caller's transaction (the write-loss seen with kysely-pglite).
 * The gate also tracks which role the session is in, so an owner instance (migrations, CLI) and the
 * app instance can share the connection without the app ever running as the owner.
 */
export type PGliteGate = {
  readonly pglite: PGlite;
  lock(): Promise<() => void>;
  role: string | null;
};

export function createPGliteGate(pglite: PGlite): PGliteGate {
  let tail: Promise<void> = Promise.resolve();
  return {
    pglite,
    role: null,
    lock() {
      let release!: () => void;
      const next = new Promise<void>((resolve) => {
        release = resolve;
      });
      const acquired = tail.then(() => release);
      tail = tail.then(() => next);
      return acquired;
    },
  };
}

class SerialisedDriver implements Driver {
  readonly #inner: Driver;
  readonly #gate: PGliteGate;
  readonly #role: string | null;
  readonly #releases = new Map<DatabaseConnection, () => void>();

  constructor(inner: Driver, gate: PGliteGate, role: string | null) {
    this.#inner = inner;
    this.#gate = gate;
    this.#role = role;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#gate.lock();
    try {
      const connection = await this.#inner.acquireConnection();
      if (this.#gate.role !== this.#role) {
        // Identifiers here come from code, never from input.
        await connection.executeQuery(CompiledQuery.raw(this.#role ? `SET ROLE ${this.#role}` : 'RESET ROLE'));
        this.#gate.role = this.#role;
      }
      this.#releases.set(connection, release);
      return connection;
    } catch (error) {
      release();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    try {
      await this.#inner.releaseConnection(connection);
    } finally {
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }
  async destroy(): Promise<void> {
    // The PGlite instance is shared; its owner closes it.
  }
}

/**
 * A Kysely dialect over a shared PGlite gate, running every query as `role` (null: the owner). With
 * `preparedStatements`, statements with parameters are prepared once and run by name
 * (pglite-prepared.ts, ADR 0053), at most that many kept.
 */
export function serialisedPGliteDialect(gate: PGliteGate, role: string | null, preparedStatements?: number): Dialect {
  const base = new PGliteDialect({ pglite: gate.pglite });
  return {
    createAdapter: (): DialectAdapter => base.createAdapter(),
    createDriver: (): Driver =>
      new SerialisedDriver(preparedStatements === undefined ? base.createDriver() : new PreparedPGliteDriver(gate.pglite, preparedStatements), gate, role),
    createQueryCompiler: (): QueryCompiler => base.createQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => base.createIntrospector(db),
  };
}
