import { type Selectable, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import type { ReferralTables } from '../referrals/index.ts';
import type { Breach, Offer, Pathway, YouthTables } from './youth.ts';

export const tables = (tx: Tx) => tx.withTables<YouthTables & ReferralTables>();

const toPathway = (r: {
  case_id: string;
  aims: string[];
  mental_health: Pathway['mentalHealth'];
  housing: Pathway['housing'];
  caring: Pathway['caring'];
  notes: string | null;
  clock_starts_on: string;
  working_days: number;
  days_source: Pathway['daysSource'];
  offer_due: string;
  triaged_at: Date | string;
  triaged_by: string;
}): Pathway => ({
  caseId: r.case_id,
  aims: r.aims as Pathway['aims'],
  mentalHealth: r.mental_health,
  housing: r.housing,
  caring: r.caring,
  notes: r.notes ?? '',
  clockStartsOn: r.clock_starts_on,
  workingDays: r.working_days,
  daysSource: r.days_source,
  offerDue: r.offer_due,
  triagedAt: new Date(r.triaged_at),
  triagedBy: r.triaged_by,
});

export async function findPathway(tx: Tx, caseId: string, forUpdate = false): Promise<(Pathway & { firstOfferOn: string | null }) | null> {
  let q = tables(tx)
    .selectFrom('youth_pathways')
    .select([
      'case_id',
      'aims',
      'mental_health',
      'housing',
      'caring',
      'notes',
      'clock_starts_on',
      'working_days',
      'days_source',
      'offer_due',
      'first_offer_on',
      'triaged_at',
      'triaged_by',
    ])
    .where('case_id', '=', caseId);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? { ...toPathway(r), firstOfferOn: r.first_offer_on } : null;
}

const OFFER_COLUMNS = [
  'id',
  'case_id',
  'offer_type',
  'provider',
  'details',
  'offered_on',
  'starts_on',
  'status',
  'condition_relayed',
  'decline_reason',
  'decline_note',
  'decline_reported',
  'taken_up_on',
  'sustained_on',
  'ended_on',
  'directory_service_id',
  'onward_referral_id',
] as const;

const toOffer = (r: Pick<Selectable<YouthTables['youth_offers']>, (typeof OFFER_COLUMNS)[number]>): Offer => ({
  id: r.id,
  caseId: r.case_id,
  type: r.offer_type,
  provider: r.provider,
  details: r.details ?? '',
  offeredOn: r.offered_on,
  startsOn: r.starts_on,
  status: r.status,
  conditionRelayed: r.condition_relayed,
  declineReason: r.decline_reason,
  declineNote: r.decline_note,
  declineReported: r.decline_reported,
  takenUpOn: r.taken_up_on,
  sustainedOn: r.sustained_on,
  endedOn: r.ended_on,
  directoryServiceId: r.directory_service_id,
  onwardReferralId: r.onward_referral_id,
});

export async function offersOfCase(tx: Tx, caseId: string): Promise<Offer[]> {
  const rows = await tables(tx)
    .selectFrom('youth_offers')
    .select(OFFER_COLUMNS)
    .where('case_id', '=', caseId)
    .orderBy('offered_on')
    .orderBy('created_at')
    .execute();
  return rows.map(toOffer);
}

export async function findOffer(tx: Tx, caseId: string, id: string): Promise<Offer | null> {
  const r = await tables(tx).selectFrom('youth_offers').select(OFFER_COLUMNS).where('case_id', '=', caseId).where('id', '=', id).forUpdate().executeTakeFirst();
  return r ? toOffer(r) : null;
}

/** The local authority's own days-to-offer, or null for platform policy. */
export async function tenantDaysToOffer(tx: Tx): Promise<number | null> {
  const r = await tables(tx).selectFrom('tenant_settings').select('youth_days_to_offer').executeTakeFirst();
  return r?.youth_days_to_offer ?? null;
}

/** The referral a case came from: whether the person is young, and when first contact was made. */
export async function referralOfCase(tx: Tx, caseId: string): Promise<{ id: string; youngPerson: boolean; firstContactAt: Date | null } | null> {
  const r = await tables(tx)
    .selectFrom('cases as c')
    .innerJoin('referrals as r', (j) => j.onRef('r.tenant_id', '=', 'c.tenant_id').onRef('r.id', '=', 'c.referral_id'))
    .select(['r.id', 'r.young_person', 'r.first_contact_at'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return r ? { id: r.id, youngPerson: r.young_person, firstContactAt: r.first_contact_at ? new Date(r.first_contact_at) : null } : null;
}

/** Open clocks (no offer yet) of the given teams, or of every team, with who to tell. */
export async function openClocks(tx: Tx, teamIds: readonly string[] | null) {
  let q = tables(tx)
    .selectFrom('youth_pathways as y')
    .innerJoin('cases as c', (j) => j.onRef('c.tenant_id', '=', 'y.tenant_id').onRef('c.id', '=', 'y.case_id'))
    .innerJoin('participants as pa', (j) => j.onRef('pa.tenant_id', '=', 'c.tenant_id').onRef('pa.id', '=', 'c.participant_id'))
    .innerJoin('people as pe', (j) => j.onRef('pe.tenant_id', '=', 'pa.tenant_id').onRef('pe.id', '=', 'pa.person_id'))
    .innerJoin('teams as t', (j) => j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.id', '=', 'c.team_id'))
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.specialist_user_id'))
    .select([
      'y.case_id',
      'y.clock_starts_on',
      'y.working_days',
      'y.offer_due',
      'y.reminded_at',
      'y.breach_notified_at',
      'c.team_id',
      't.name as team_name',
      'pe.given_name',
      'pe.family_name',
      'u.display_name as specialist_name',
      'u.email as specialist_email',
    ])
    .where('y.first_offer_on', 'is', null)
    .where('c.phase', '<>', 'closed')
    .orderBy('y.offer_due')
    .orderBy('y.case_id');
  if (teamIds) q = q.where('c.team_id', 'in', teamIds.length ? teamIds : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** A breach as a team lead sees it, from an open clock row. */
export const breachOf = (r: Awaited<ReturnType<typeof openClocks>>[number], workingDaysOver: number): Breach => ({
  caseId: r.case_id,
  personName: `${r.given_name} ${r.family_name}`,
  teamName: r.team_name,
  specialistName: r.specialist_name,
  offerDue: r.offer_due,
  workingDaysOver,
});

/** The active team leads of a team, for a breach notice. */
export async function teamLeadsOf(tx: Tx, teamId: string): Promise<{ email: string }[]> {
  return tables(tx)
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'm.tenant_id').onRef('u.id', '=', 'm.user_id'))
    .select('u.email')
    .where('m.team_id', '=', teamId)
    .where(sql<boolean>`'team-lead' = ANY (u.roles)`)
    .where('u.disabled_at', 'is', null)
    .execute();
}
