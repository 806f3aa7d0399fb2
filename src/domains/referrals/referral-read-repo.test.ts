import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { ReferralStatus } from './referral.ts';
import { inboxCompiled, inboxQuery } from './referral-read-repo.ts';
import { type SearchArgs, searchCompiled, searchQuery } from './referral-search-repo.ts';

const compiler = new Kysely<PlatformTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('the inbox lists compiled once for each set of lists (ADR 0061)', () => {
  const shapes: (readonly ReferralStatus[])[][] = [[['requested']], [['requested'], ['accepted', 'in-progress']], [['accepted', 'in-progress', 'requested']]];
  test.each(shapes)('%j: the SQL and parameters Kysely builds for the same reader and page size', (...lists) => {
    const wanted = lists.map((statuses, i) => ({ statuses, i }));
    for (const [user, limit] of [
      ['0190a0b2-0000-7000-8000-000000000001', 200],
      ['0190a0b2-0000-7000-8000-000000000002', 7],
    ] as const) {
      const built = inboxQuery(compiler, wanted, user, limit).compile();
      const once = inboxCompiled(wanted)(user, limit);
      expect(once.sql).toBe(built.sql);
      expect(once.parameters).toEqual(built.parameters);
    }
  });
});

describe('the FHIR Task search compiled once for each shape (ADR 0067)', () => {
  const id = (n: number) => `0190a0b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const page = (limit: number, offset: number, countUpTo = 1000) => ({ pageEnd: offset + limit, limit, offset, bound: offset + limit + countUpTo });
  const searches: SearchArgs[] = [
    { client: { clientId: 'client-a', organisationId: null }, filter: {}, ...page(100, 0) },
    { client: { clientId: 'client-b', organisationId: id(1) }, filter: {}, ...page(20, 40) },
    {
      client: { clientId: 'client-b', organisationId: id(1) },
      filter: { statuses: ['requested', 'accepted'], updatedAfter: new Date('2026-12-01T10:00:00Z') },
      ...page(5, 0, 10),
    },
    { client: { clientId: 'client-c', organisationId: id(2) }, filter: { ids: [id(3), id(4), id(5)], personIds: [id(6)], teamIds: [] }, ...page(100, 0) },
    {
      client: { clientId: 'client-c', organisationId: null },
      filter: { teamIds: [id(7), id(8)], referrerOrganisationId: id(9), referrerUserId: id(10) },
      ...page(2, 2),
    },
  ];
  test.each(searches)('$filter: the SQL and parameters Kysely builds, for these values and for others of the same shape', (search) => {
    const other: SearchArgs = {
      ...search,
      client: { clientId: `${search.client.clientId}-2`, organisationId: search.client.organisationId === null ? null : id(99) },
      filter: {
        ...search.filter,
        ...(search.filter.statuses ? { statuses: search.filter.statuses.map(() => 'on-hold' as const) } : {}),
        ...(search.filter.ids ? { ids: search.filter.ids.map((_, i) => id(50 + i)) } : {}),
        ...(search.filter.updatedAfter ? { updatedAfter: new Date('2026-01-01T00:00:00Z') } : {}),
      },
      ...page(search.limit + 3, search.offset + 1, 7),
    };
    for (const s of [search, other, search]) {
      const built = searchQuery(compiler, s).compile();
      const once = searchCompiled(s);
      expect(once.sql).toBe(built.sql);
      expect(once.parameters).toEqual(built.parameters);
    }
  });

  test('a filter the shape does not know is refused, not compiled into the wrong SQL', () => {
    const unknown = { client: { clientId: 'c', organisationId: null }, filter: { newFilter: 'x' } as SearchArgs['filter'], ...page(1, 0) };
    expect(() => searchCompiled(unknown)).toThrow(/does not know the filter newFilter/);
  });
});
