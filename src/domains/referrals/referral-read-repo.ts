import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compileOnce, type Database, type PlatformTables } from '../../platform/db/index.ts';
import type { InboxItem, Referral, ReferralEvent, ReferralStatus, ReferralTables, Team } from './referral.ts';
import { filtered, queueRank, type ReferralFilter } from './referral-list-repo.ts';
import { toPerson, toReferral } from './referral-repo.ts';
import { toTeam } from './team-repo.ts';

/**
 * The hot referral reads, each one statement run by `db.readInTenant` (ADR 0023), alone in a tenant
 * transaction. Lists read index-ordered runs that stop at the page's
 * end (ADR 0019, migration 0015), so they cost the same at a thousand referrals or a million.
 */

/** A user id no one has: a system client reads as no one, so no membership matches it. */
const NO_ONE = '00000000-0000-0000-0000-000000000000';

/** JSON built inside PostgreSQL gives timestamps as text. */
const dateOf = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** A row built as JSON, with its timestamps made dates again. */
const stamped = <R extends { created_at: string; updated_at: string }>(r: R) => ({ ...r, created_at: dateOf(r.created_at), updated_at: dateOf(r.updated_at) });

/** What decides the reader's side of a referral, read with it. */
export type SideFacts = { readerInTeam: boolean; teamOrganisationId: string | null };

/** One referral with its person and team, and whether the reader is a member of its team. */
function referralWithContext(db: Kysely<PlatformTables>, id: string, readerUserId: string | null) {
  const reader = readerUserId ?? NO_ONE;
  return db
    .withTables<ReferralTables>()
    .selectFrom('referrals as r')
    .selectAll('r')
    .select((eb) => [
      jsonObjectFrom(eb.selectFrom('people as p').selectAll('p').whereRef('p.tenant_id', '=', 'r.tenant_id').whereRef('p.id', '=', 'r.person_id')).as('person'),
      jsonObjectFrom(eb.selectFrom('teams as t').selectAll('t').whereRef('t.tenant_id', '=', 'r.tenant_id').whereRef('t.id', '=', 'r.team_id')).as('team'),
      eb
        .exists(
          eb
            .selectFrom('team_members as m')
            .select('m.user_id')
            .whereRef('m.tenant_id', '=', 'r.tenant_id')
            .whereRef('m.team_id', '=', 'r.team_id')
            .where('m.user_id', '=', reader),
        )
        .as('reader_in_team'),
    ])
    .where('r.id', '=', id);
}

type ContextRow = Awaited<ReturnType<ReturnType<typeof referralWithContext>['executeTakeFirstOrThrow']>>;

function contextOf(row: ContextRow) {
  if (!row.person || !row.team) throw new Error(`referral ${row.id} without its person or team`);
  const team = toTeam(stamped(row.team));
  return {
    referral: toReferral(row),
    person: toPerson(stamped(row.person)),
    team,
    facts: { readerInTeam: Boolean(row.reader_in_team), teamOrganisationId: team.organisationId } satisfies SideFacts,
  };
}

/** A referral as the FHIR Task and ServiceRequest reads need it, in one statement; null when not there. */
export async function referralRead(db: Database, tenantId: string, id: string, readerUserId: string | null) {
  const [row] = await db.readInTenant(tenantId, (q) => referralWithContext(q, id, readerUserId));
  return row ? contextOf(row) : null;
}

/** The referral page's whole model in one statement: the referral, person, team, timeline and the person's other referrals. */
export async function referralPage(db: Database, tenantId: string, id: string, readerUserId: string | null) {
  const [row] = await db.readInTenant(tenantId, (q) =>
    referralWithContext(q, id, readerUserId).select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('referral_events as e')
          .selectAll('e')
          .whereRef('e.tenant_id', '=', 'r.tenant_id')
          .whereRef('e.referral_id', '=', 'r.id')
          .orderBy('e.at')
          .orderBy('e.id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('referrals as o')
          .select(['o.id', 'o.reference', 'o.status', 'o.created_at'])
          .whereRef('o.tenant_id', '=', 'r.tenant_id')
          .whereRef('o.person_id', '=', 'r.person_id')
          .whereRef('o.id', '!=', 'r.id')
          .orderBy('o.created_at', 'desc'),
      ).as('others'),
    ]),
  );
  if (!row) return null;
  return {
    ...contextOf(row),
    events: row.events.map(
      (e): ReferralEvent => ({
        id: e.id,
        at: dateOf(e.at),
        actorName: e.actor_name,
        kind: e.kind,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        milestone: e.business_status,
        reason: e.reason,
        details: (typeof e.details === 'string' ? JSON.parse(e.details) : e.details) as Record<string, unknown>,
      }),
    ),
    others: row.others.map((o) => ({ id: o.id, reference: o.reference, status: o.status, createdAt: dateOf(o.created_at) })),
  };
}

export type InboxRow = Referral & { personName: string };

/**
 * The inbox lists of the teams a member of staff belongs to, in one statement: for each list, each of
 * its statuses is read per team (a lateral join over the reader's memberships) in the order of the
 * `referrals_queue` index, urgent first then oldest, each run stopping at `limit`, and the runs
 * merged. Nothing is counted, so no list reads more than `limit` rows a team and status.
 */
const INBOX_COLUMNS = [
  'referrals.id',
  'referrals.reference',
  'referrals.created_at',
  'referrals.status',
  'referrals.urgency',
  'referrals.young_person',
  'referrals.person_match',
  'referrals.first_contact_due',
  'referrals.first_contact_at',
  'referrals.business_status',
] as const;

export function inboxQuery(q: Kysely<PlatformTables>, lists: readonly { statuses: readonly ReferralStatus[]; i: number }[], userId: string, limit: number) {
  const t = q.withTables<ReferralTables>();
  const listQuery = (statuses: readonly ReferralStatus[], i: number) => {
    const runs = statuses.map((status) =>
      t
        .selectFrom('team_members as m')
        .innerJoinLateral(
          filtered(q, { statuses: [status] })
            .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'referrals.tenant_id').onRef('people.id', '=', 'referrals.person_id'))
            // Only what the inbox shows (ADR 0067): a whole referral row (its submitted person as
            // JSON, its health text and lists) cost most of the page's CPU to read and parse.
            .select(INBOX_COLUMNS)
            .select(['people.given_name', 'people.family_name'])
            .select(queueRank.as('queue_rank'))
            .where(sql<boolean>`referrals.tenant_id = m.tenant_id and referrals.team_id = m.team_id`)
            .orderBy(queueRank)
            .orderBy('referrals.created_at')
            .limit(limit)
            .as('run'),
          (j) => j.onTrue(),
        )
        .selectAll('run')
        .where('m.user_id', '=', userId),
    );
    const [first, ...rest] = runs;
    if (!first) throw new Error('a list without a status');
    const merged = rest.reduce((u, run) => u.unionAll(run), first);
    const page = t.selectFrom(merged.as('merged')).selectAll().orderBy('queue_rank').orderBy('created_at').limit(limit);
    return t
      .selectFrom(page.as(`list${i}`))
      .selectAll()
      .select(sql<number>`${sql.lit(i)}`.as('list'));
  };
  const [first, ...rest] = lists.map((l) => listQuery(l.statuses, l.i));
  if (!first) throw new Error('no list to read');
  const all = rest.reduce((u, l) => u.unionAll(l), first);
  return t.selectFrom(all.as('lists')).selectAll().orderBy('list').orderBy('queue_rank').orderBy('created_at');
}

/** A limit no caller asks for, marking where the page size goes among the compiled parameters. */
const LIMIT_MARKER = -7_919;
type InboxCompiled = (userId: string, limit: number) => CompiledQuery<ReturnType<typeof inboxQuery> extends { execute(): Promise<(infer O)[]> } ? O : never>;
/**
 * The inbox query compiled once for each set of lists (ADR 0061): its SQL depends on the lists and
 * their statuses (one run a status), which the callers fix, and on nothing else; the reader and the
 * page size are parameters. At most `SHAPES_KEPT` sets are kept; any other is compiled each time.
 */
const compiledInboxes = new Map<string, InboxCompiled>();
const SHAPES_KEPT = 32;

export function inboxCompiled(lists: readonly { statuses: readonly ReferralStatus[]; i: number }[]): InboxCompiled {
  const shape = JSON.stringify(lists);
  const known = compiledInboxes.get(shape);
  if (known) return known;
  const compiled = compileOnce((q, userId: string, limit: number) => inboxQuery(q, lists, userId, limit), ['\u0000user', LIMIT_MARKER]);
  if (compiledInboxes.size < SHAPES_KEPT) compiledInboxes.set(shape, compiled);
  return compiled;
}

export async function inboxLists(
  db: Database,
  tenantId: string,
  userId: string,
  lists: readonly (readonly ReferralStatus[])[],
  limit: number,
): Promise<InboxItem[][]> {
  const wanted = lists.map((statuses, i) => ({ statuses, i })).filter((l) => l.statuses.length > 0);
  const out: InboxItem[][] = lists.map(() => []);
  if (wanted.length === 0) return out;
  const rows = await db.readCompiledInTenant(tenantId, inboxCompiled(wanted)(userId, limit));
  for (const r of rows)
    out[r.list]?.push({
      id: r.id,
      reference: r.reference,
      createdAt: r.created_at,
      status: r.status,
      urgency: r.urgency,
      youngPerson: r.young_person,
      personMatch: r.person_match,
      firstContactDue: r.first_contact_due,
      firstContactAt: r.first_contact_at,
      milestone: r.business_status,
      personName: `${r.given_name} ${r.family_name}`,
    });
  return out;
}

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
