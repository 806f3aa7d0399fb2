import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import { compileOnce, type Database, type PlatformTables } from '../../platform/db/index.ts';
import type { ReferralStatus, ReferralTables, Team } from './referral.ts';
import { filtered, type ReferralFilter } from './referral-list-repo.ts';
import { type InboxRow, SHAPES_KEPT, stamped } from './referral-read-repo.ts';
import { toReferral } from './referral-repo.ts';
import { toTeam } from './team-repo.ts';

/**
 * The FHIR Task search over referrals (`GET /fhir/Task`): one statement a page, compiled once for each
 * shape of filters (ADR 0067), run by `db.readInTenant` like the other hot reads (referral-read-repo.ts).
 */
export type SearchFilter = Omit<ReferralFilter, 'visibleToClient' | 'order' | 'countUpTo'>;

/** What one FHIR Task search reads with: the client, its filters, and the numbers derived from its page. */
export type SearchArgs = {
  client: { clientId: string; organisationId: string | null };
  filter: Omit<SearchFilter, 'limit' | 'offset'>;
  /** Where the page ends (offset + limit): each way a client sees a referral is cut there. */
  pageEnd: number;
  limit: number;
  offset: number;
  /** How far the total is counted (the page's end plus `countUpTo`). */
  bound: number;
};

/**
 * The FHIR Task search as one statement: the referrals a client may see (those it sent, those its
 * organisation sent, those its organisation's teams run) in `_lastUpdated` order, each way read as
 * its own index-ordered run (migration 0015) stopping at the page's end, merged; and the total
 * counted only up to `bound`, from runs stopping there.
 */
export function searchQuery(q: Kysely<PlatformTables>, a: SearchArgs) {
  const { client, filter } = a;
  const t = q.withTables<ReferralTables>();
  // Each way a client may see a referral, ordered (or not) and cut at `n`.
  const ways = (n: number, ordered: boolean) => {
    const cut = <Q extends ReturnType<typeof filtered>>(run: Q) =>
      (ordered ? run.orderBy('referrals.updated_at').orderBy('referrals.id') : run).select(['referrals.id', 'referrals.updated_at']).limit(n);
    const runs = [t.selectFrom(cut(filtered(q, filter).where('referrals.referrer_client_id', '=', client.clientId)).as('w')).selectAll()];
    if (client.organisationId !== null) {
      const org = client.organisationId;
      runs.push(t.selectFrom(cut(filtered(q, filter).where('referrals.referrer_organisation_id', '=', org)).as('w')).selectAll());
      runs.push(
        t
          .selectFrom('teams as tm')
          .innerJoinLateral(cut(filtered(q, filter).where(sql<boolean>`referrals.tenant_id = tm.tenant_id and referrals.team_id = tm.id`)).as('w'), (j) =>
            j.onTrue(),
          )
          .where('tm.organisation_id', '=', org)
          .selectAll('w'),
      );
    }
    const [first, ...rest] = runs;
    if (!first) throw new Error('no way to see a referral');
    // UNION, not UNION ALL: a referral seen two ways is one match.
    return rest.reduce((u, run) => u.union(run), first);
  };
  const page = t
    .selectFrom(ways(a.pageEnd, true).as('ids'))
    .innerJoin('referrals', (j) => j.onRef('referrals.id', '=', 'ids.id'))
    .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'referrals.tenant_id').onRef('people.id', '=', 'referrals.person_id'))
    .selectAll('referrals')
    .select(['people.given_name', 'people.family_name'])
    .select((eb) =>
      jsonObjectFrom(
        eb.selectFrom('teams as tt').selectAll('tt').whereRef('tt.tenant_id', '=', 'referrals.tenant_id').whereRef('tt.id', '=', 'referrals.team_id'),
      ).as('team'),
    )
    .orderBy('referrals.updated_at')
    .orderBy('referrals.id')
    .limit(a.limit)
    .offset(a.offset);
  const counted = t.selectNoFrom((eb) => [
    eb
      .selectFrom(ways(a.bound, false).as('c'))
      .select((e) => e.fn.countAll<string>().as('n'))
      .as('n'),
  ]);
  return t
    .selectFrom(counted.as('total'))
    .leftJoinLateral(page.as('pg'), (j) => j.onTrue())
    .selectAll('pg')
    .select('total.n');
}

/** Every filter the shape knows: a filter added to SearchFilter must be added here (a type error until it is) and to the shape. */
const SEARCH_FILTERS: Record<keyof SearchArgs['filter'], true> = {
  teamIds: true,
  statuses: true,
  ids: true,
  personIds: true,
  referrerOrganisationId: true,
  referrerUserId: true,
  updatedAfter: true,
};

/**
 * A search's shape and its values in a fixed order (ADR 0067): the SQL depends on which filters are
 * given, how many values each list has and whether the client has an organisation, and on nothing
 * else; every value, the derived numbers included, is a parameter.
 */
function searchShape(a: SearchArgs): { shape: string; values: unknown[] } {
  const f = a.filter;
  for (const key of Object.keys(f)) if (!(key in SEARCH_FILTERS)) throw new Error(`the search's shape does not know the filter ${key}`);
  const lists = { teamIds: f.teamIds, statuses: f.statuses, ids: f.ids, personIds: f.personIds };
  const shape = JSON.stringify({
    org: a.client.organisationId !== null,
    lists: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v === undefined ? null : v.length])),
    referrerOrganisationId: f.referrerOrganisationId !== undefined,
    referrerUserId: f.referrerUserId !== undefined,
    updatedAfter: f.updatedAfter !== undefined,
  });
  const values: unknown[] = [
    a.client.clientId,
    ...(a.client.organisationId !== null ? [a.client.organisationId] : []),
    ...(f.teamIds ?? []),
    ...(f.statuses ?? []),
    ...(f.ids ?? []),
    ...(f.personIds ?? []),
    ...(f.referrerOrganisationId !== undefined ? [f.referrerOrganisationId] : []),
    ...(f.referrerUserId !== undefined ? [f.referrerUserId] : []),
    ...(f.updatedAfter !== undefined ? [f.updatedAfter] : []),
    a.pageEnd,
    a.limit,
    a.offset,
    a.bound,
  ];
  return { shape, values };
}

/** The inverse of `searchShape`: the search whose values are `values`, shaped as `like`. */
function searchFrom(like: SearchArgs, values: readonly unknown[]): SearchArgs {
  let i = 0;
  const next = <T>() => values[i++] as T;
  const many = <T>(list: readonly unknown[] | undefined) => (list === undefined ? undefined : list.map(() => next<T>()));
  const clientId = next<string>();
  const organisationId = like.client.organisationId !== null ? next<string>() : null;
  const f = like.filter;
  const filter: SearchArgs['filter'] = {};
  const teamIds = many<string>(f.teamIds);
  const statuses = many<ReferralStatus>(f.statuses);
  const ids = many<string>(f.ids);
  const personIds = many<string>(f.personIds);
  if (teamIds) filter.teamIds = teamIds;
  if (statuses) filter.statuses = statuses;
  if (ids) filter.ids = ids;
  if (personIds) filter.personIds = personIds;
  if (f.referrerOrganisationId !== undefined) filter.referrerOrganisationId = next<string>();
  if (f.referrerUserId !== undefined) filter.referrerUserId = next<string>();
  if (f.updatedAfter !== undefined) filter.updatedAfter = next<Date>();
  return { client: { clientId, organisationId }, filter, pageEnd: next(), limit: next(), offset: next(), bound: next() };
}

/** A marker for each value, of the same kind and distinct from every other (compileOnce). */
const markerFor = (v: unknown, i: number): unknown =>
  typeof v === 'number' ? -7_000_000 - i : v instanceof Date ? new Date(Date.UTC(1901, 0, 1, 0, 0, i)) : `\u0000search${i}`;

type SearchCompiled = (...values: unknown[]) => CompiledQuery<ReturnType<typeof searchQuery> extends { execute(): Promise<(infer O)[]> } ? O : never>;
const compiledSearches = new Map<string, SearchCompiled>();

/**
 * The search compiled once for each shape (ADR 0061's way, ADR 0067): at most `SHAPES_KEPT` shapes
 * are kept; any other is compiled each time.
 */
export function searchCompiled(a: SearchArgs) {
  const { shape, values } = searchShape(a);
  let compiled = compiledSearches.get(shape);
  if (!compiled) {
    compiled = compileOnce((q, ...vs: unknown[]) => searchQuery(q, searchFrom(a, vs)), values.map(markerFor)) as SearchCompiled;
    if (compiledSearches.size < SHAPES_KEPT) compiledSearches.set(shape, compiled);
  }
  return compiled(...values);
}

/**
 * The FHIR Task search (`searchQuery`), compiled once for its shape: a page of what the client may
 * see and the total counted only up to `countUpTo` past the page (null beyond it).
 */
export async function searchReferrals(
  db: Database,
  tenantId: string,
  client: { clientId: string; organisationId: string | null },
  f: SearchFilter,
  countUpTo: number,
): Promise<{ rows: (InboxRow & { team: Team })[]; total: number | null }> {
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  const bound = offset + limit + countUpTo;
  const { limit: _l, offset: _o, ...filter } = f;
  const rows = await db.readCompiledInTenant(tenantId, searchCompiled({ client, filter, pageEnd: offset + limit, limit, offset, bound }));
  const n = Number(rows[0]?.n ?? 0);
  const found = rows.flatMap((r) =>
    r.id === null || !r.team
      ? []
      : [{ ...toReferral(r as Parameters<typeof toReferral>[0]), personName: `${r.given_name} ${r.family_name}`, team: toTeam(stamped(r.team)) }],
  );
  return { rows: found, total: n < bound ? n : null };
}
