import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { compileOnce } from './compiled-query.ts';

describe('compileOnce', () => {
  const byUser = compileOnce(
    (db, id: string, since: Date) =>
      db.selectFrom('users').select('id').where('id', '=', id).where('created_at', '>', since).where('tenant_id', '=', id).limit(5),
    ['\u0000id', new Date(0)],
  );

  test('puts each call’s values where its markers were, and keeps the constants', () => {
    const since = new Date('2026-12-03T00:00:00Z');
    const q = byUser('u-1', since);
    expect(q.parameters).toEqual(['u-1', since, 'u-1', 5]);
    expect(q.sql).toBe('select "id" from "users" where "id" = $1 and "created_at" > $2 and "tenant_id" = $3 limit $4');
    expect(byUser('u-2', since).parameters[0]).toBe('u-2');
  });

  test('refuses markers that are not distinct or do not reach the parameters as they are', () => {
    expect(() => compileOnce((db, a: string, b: string) => db.selectFrom('users').select('id').where('id', '=', a).where('id', '=', b), ['m', 'm'])).toThrow(
      /distinct/,
    );
    expect(() => compileOnce((db, a: string) => db.selectFrom('users').select('id').where('id', '=', sql.lit(a)), ['\u0000a'])).toThrow(/not a parameter/);
    expect(() => compileOnce((db, _a: string) => db.selectFrom('users').select('id'), ['\u0000a'])).toThrow(/not a parameter/);
  });
});
