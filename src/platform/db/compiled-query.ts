import { type Compilable, type CompiledQuery, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { PlatformTables } from './tables.ts';

/** A Kysely that only compiles (PostgreSQL's SQL, which PGlite speaks too): it has no connection. */
const compiler = new Kysely<PlatformTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A hot read compiled once and run with each request's values (`db.readCompiledInTenant`). Kysely
 * builds and compiles a query on every call: about 0.9 ms of CPU for the case model (ADR 0051).
 * `build` is called once, with `markers` (one distinct value a parameter: unique strings, a Date
 * instance); where each marker lands among the compiled parameters is kept, and each call puts its
 * own values there. Only for queries whose SQL does not depend on the values (no lists expanded
 * with `in`, no branches on a value). Building refuses markers that are not distinct or that do not
 * all reach the parameters as they are (a value inlined or transformed), when the module loads.
 *
 * @example const byId = compileOnce((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id), ['\u0000id']);
 */
export function compileOnce<A extends readonly unknown[], O>(
  build: (db: Kysely<PlatformTables>, ...values: A) => Compilable<O>,
  markers: A,
): (...values: A) => CompiledQuery<O> {
  if (new Set(markers).size !== markers.length) throw new Error('compileOnce: markers must be distinct');
  const template = build(compiler, ...markers).compile();
  const slots = template.parameters.map((p) => markers.findIndex((m) => Object.is(m, p)));
  markers.forEach((m, i) => {
    if (!slots.includes(i)) throw new Error(`compileOnce: marker ${String(m)} is not a parameter of the compiled query`);
  });
  return (...values) => ({ ...template, parameters: slots.map((slot, i) => (slot === -1 ? template.parameters[i] : values[slot])) });
}
