import { type Kysely, sql } from 'kysely';
import type { PlatformTables, Tx } from '../../platform/db/index.ts';
import type { Referral, ReferralStatus, ReferralTables } from './referral.ts';
import { tables, toReferral } from './referral-repo.ts';

/**
 * Lists of referrals: the filter every list and search is built from, joined to the person, and the
 * plain list with its bounded count. The one-statement reads build on these: the inbox in
 * referral-read-repo.ts, the FHIR search in referral-search-repo.ts.
 */

export type ReferralFilter = {
  teamIds?: readonly string[];
  statuses?: readonly ReferralStatus[];
  referrerOrganisationId?: string;
  referrerUserId?: string;
  /** For system clients: referrals they made or whose team their organisation runs. */
  visibleToClient?: { clientId: string; organisationId: string | null };
  ids?: readonly string[];
  personIds?: readonly string[];
  updatedAfter?: Date;
  limit?: number;
  offset?: number;
  order?: 'queue' | 'updated' | 'newest';
  /**
   * Whether to count the matches, and how far: a list that shows no total counts nothing; a search
   * counts exactly up to this many past its page and, beyond that, says only that there are more.
   */
  countUpTo?: number;
};

/** The matches counted, or null when there are more than the filter's `countUpTo` past the page. */
export type ReferralList = { rows: (Referral & { personName: string })[]; total: number | null };

/** Urgent first: the inbox's order, the same expression as the referrals_queue index. */
export const queueRank = sql<number>`CASE referrals.urgency WHEN 'urgent' THEN 0 ELSE 1 END`;

export function filtered(db: Kysely<PlatformTables>, f: ReferralFilter) {
  let q = db.withTables<ReferralTables>().selectFrom('referrals');
  if (f.teamIds) q = q.where('referrals.team_id', 'in', f.teamIds.length > 0 ? [...f.teamIds] : ['00000000-0000-0000-0000-000000000000']);
  if (f.statuses?.length) q = q.where('referrals.status', 'in', [...f.statuses]);
  if (f.referrerOrganisationId) q = q.where('referrals.referrer_organisation_id', '=', f.referrerOrganisationId);
  if (f.referrerUserId) q = q.where('referrals.referrer_user_id', '=', f.referrerUserId);
  if (f.ids?.length) q = q.where('referrals.id', 'in', [...f.ids]);
  if (f.personIds?.length) q = q.where('referrals.person_id', 'in', [...f.personIds]);
  if (f.updatedAfter) q = q.where('referrals.updated_at', '>', f.updatedAfter);
  if (f.visibleToClient) {
    const { clientId, organisationId } = f.visibleToClient;
    q = q.where((eb) =>
      eb.or([
        eb('referrals.referrer_client_id', '=', clientId),
        ...(organisationId
          ? [
              eb('referrals.referrer_organisation_id', '=', organisationId),
              eb('referrals.team_id', 'in', eb.selectFrom('teams').select('teams.id').where('teams.organisation_id', '=', organisationId)),
            ]
          : []),
      ]),
    );
  }
  return q;
}

export const withPerson = (q: ReturnType<typeof filtered>) =>
  q
    .innerJoin('people', (j) => j.onRef('people.tenant_id', '=', 'referrals.tenant_id').onRef('people.id', '=', 'referrals.person_id'))
    .selectAll('referrals')
    .select(['people.given_name', 'people.family_name']);

export async function listReferrals(tx: Tx, f: ReferralFilter): Promise<ReferralList> {
  const limit = f.limit ?? 100;
  const offset = f.offset ?? 0;
  let rows: Awaited<ReturnType<ReturnType<typeof withPerson>['execute']>>;
  const teamIds = f.teamIds ?? [];
  const statuses = f.statuses ?? [];
  if (f.order === 'queue' && teamIds.length > 0 && statuses.length > 0) {
    // One index-ordered run per team and status (referrals_queue), each stopping at the page's
    // end, merged: the queue costs the same whether a team holds a hundred referrals or a million.
    const arms = teamIds.flatMap((teamId) =>
      statuses.map((status) =>
        withPerson(filtered(tx, { ...f, teamIds: [teamId], statuses: [status] }))
          .select(queueRank.as('queue_rank'))
          .orderBy(queueRank)
          .orderBy('referrals.created_at')
          .limit(limit + offset),
      ),
    );
    const [first, ...rest] = arms.map((arm, i) =>
      tables(tx)
        .selectFrom(arm.as(`q${i}`))
        .selectAll(),
    );
    if (!first) throw new Error('no queue to read');
    const merged = rest.reduce((u, arm) => u.unionAll(arm), first);
    rows = await merged.orderBy('queue_rank').orderBy('created_at').limit(limit).offset(offset).execute();
  } else {
    let rq = withPerson(filtered(tx, f));
    if (f.order === 'queue') rq = rq.orderBy(queueRank).orderBy('referrals.created_at');
    else if (f.order === 'updated') rq = rq.orderBy('referrals.updated_at').orderBy('referrals.id');
    else rq = rq.orderBy('referrals.created_at', 'desc');
    rows = await rq.limit(limit).offset(offset).execute();
  }
  let total: number | null = null;
  if (f.countUpTo !== undefined) {
    // Counting stops at the bound, so a search's cost does not grow with every referral it could match.
    const bound = offset + limit + f.countUpTo;
    const counted = await tables(tx)
      .selectFrom(filtered(tx, f).select(sql<number>`1`.as('one')).limit(bound).as('m'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
    total = n < bound ? n : null;
  }
  return { rows: rows.map((r) => ({ ...toReferral(r), personName: `${r.given_name} ${r.family_name}` })), total };
}
