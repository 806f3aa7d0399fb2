import type { CompiledQuery } from 'kysely';

const marked = new WeakSet<CompiledQuery>();

/**
 * Marks a statement inside a transaction whose result nobody reads (the tenant's `set_config`, an
 * audit row): the PostgreSQL driver may hold it back and write it to the server together with the
 * transaction's next statement, or with its `COMMIT`, one round trip for both (ADR 0067). Held
 * statements run in the order they were given, before the statement that carries them; if one
 * fails, the statement carrying it (or the `COMMIT`) fails with its error, so nothing after it is
 * shown as done. Awaiting a held statement says nothing about it having run: only the next
 * statement's or the commit's success does. Outside a transaction, and on PGlite, it runs at once.
 *
 * @example await tx.executeQuery(sendWithNext(auditInsert(...)));
 */
export function sendWithNext<T>(query: CompiledQuery<T>): CompiledQuery<T> {
  marked.add(query);
  return query;
}

export function isSentWithNext(query: CompiledQuery): boolean {
  return marked.has(query);
}
