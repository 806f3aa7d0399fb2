import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { compileOnce, type Database, type PlatformTables } from '../../platform/db/index.ts';
import type { InboxItem, Referral, ReferralEvent, ReferralStatus, ReferralTables } from './referral.ts';
import { filtered, queueRank } from './referral-list-repo.ts';
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
export const stamped = <R extends { created_at: string; updated_at: string }>(r: R) => ({
  ...r,
  created_at: dateOf(r.created_at),
  updated_at: dateOf(r.updated_at),
});

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
export const SHAPES_KEPT = 32;

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
