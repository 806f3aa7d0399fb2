import { type OperationNode, sql } from 'kysely';
import type { Tx } from './database.ts';

/** A statement Kysely can embed: an insert, update or delete builder, or a `sql` fragment. */
export type Statement = { toOperationNode(): OperationNode };
/**
 * One write of a `writeTogether`: a statement; one built on the RETURNING rows of the write before
 * it (named by `previous`); or several queries that read each other by name (`queries`: a write and
 * what is made from its RETURNING rows, as a statement of its own would spell them in its `WITH`),
 * each named by the caller with the `prefix` it is given, so two such parts never share a name.
 */
export type WritePart =
  | Statement
  | { onPrevious: (previous: string) => Statement }
  | { queries: (prefix: string) => readonly (readonly [name: string, statement: Statement])[] };

/**
 * Runs several writes as one statement, each a data-modifying `WITH` query (`w0`, `w1`, …): one
 * round trip where there were as many as writes. All run to completion whether or not anything
 * reads them, with one snapshot, so none sees another's rows: only independent writes belong
 * together (a foreign key between them is fine: PostgreSQL checks it at the statement's end). A
 * part given as `onPrevious` reads the RETURNING rows of the part before it; a part given as `queries`
 * adds its queries in order (an outcome fact, its counts and their roll-ups, ADR 0066). Returns, for
 * each index in `counted` (each a statement part with RETURNING), how many rows it returned.
 *
 * @example const [placed] = await writeTogether(tx, [auditInsert, placeUpdate], [1]);
 */
export async function writeTogether(tx: Tx, parts: readonly WritePart[], counted: readonly number[] = []): Promise<number[]> {
  if (parts.length === 0) return [];
  const name = (i: number) => `w${i}`;
  const ctes = parts.flatMap((part, i) => {
    if ('queries' in part) {
      const prefix = `${name(i)}_`;
      return part.queries(prefix).map(([query, statement]) => {
        if (!query.startsWith(prefix) || !/^[a-z0-9_]+$/.test(query)) throw new Error(`writeTogether: query name ${query} must start with ${prefix}`);
        return sql`${sql.raw(query)} AS (${statement})`;
      });
    }
    const before = parts[i - 1];
    if ('onPrevious' in part && (!before || 'queries' in before)) throw new Error('writeTogether: a part on the previous one must follow a single write');
    const statement = 'onPrevious' in part ? part.onPrevious(name(i - 1)) : part;
    return [sql`${sql.raw(name(i))} AS (${statement})`];
  });
  const counts = counted.length
    ? sql.join(counted.map((i) => sql`(SELECT count(*)::integer FROM ${sql.raw(name(i))}) AS ${sql.raw(`c${i}`)}`))
    : sql`1 AS done`;
  const { rows } = await sql<Record<string, number>>`WITH ${sql.join(ctes)} SELECT ${counts}`.execute(tx);
  const row = rows[0] ?? {};
  return counted.map((i) => Number(row[`c${i}`] ?? 0));
}
