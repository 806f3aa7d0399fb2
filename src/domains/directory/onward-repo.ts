import { type ColumnType, sql } from 'kysely';
import type { Json, Timestamp, Tx } from '../../platform/db/index.ts';
import { directoryOrganisationsOf } from '../partnerships/index.ts';
import type { DirectoryTables } from './directory.ts';
import type { LinkPurpose, OnwardStatus } from './onward-rules.ts';

type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type OnwardTables = {
  onward_referrals: {
    tenant_id: string;
    id: string;
    case_id: string;
    participant_id: string;
    service_id: string;
    service_name: string;
    provider_email: string;
    status: OnwardStatus;
    need: string;
    shared_items: string[];
    shared: Json;
    consent_method: 'verbal' | 'written';
    consent_given_on: string;
    agreement_id: Optional<string>;
    decline_reason: Optional<string>;
    outcome: Optional<string>;
    link_nonce_hash: Optional<string>;
    link_purpose: Optional<LinkPurpose>;
    link_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    sent_by: string;
    sent_at: Timestamp;
    responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    completed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reminders: ColumnType<number, number | undefined, number>;
  };
};

export const onwardTables = (tx: Tx) => tx.withTables<OnwardTables & DirectoryTables>();

export type OnwardReferral = {
  id: string;
  caseId: string;
  serviceId: string;
  serviceName: string;
  status: OnwardStatus;
  need: string;
  shared: Record<string, string>;
  sentAt: Date;
  respondedAt: Date | null;
  completedAt: Date | null;
  declineReason: string | null;
  outcome: string | null;
};

/** What a provider's system reads of an onward referral (FHIR Task): the referral and whose service it is. */
export type OnwardForSystem = OnwardReferral & { version: number; directoryOrganisationId: string };

export const toOnward = (r: {
  id: string;
  case_id: string;
  service_id: string;
  service_name: string;
  status: OnwardStatus;
  need: string;
  shared: unknown;
  sent_at: Date;
  responded_at: Date | null;
  completed_at: Date | null;
  decline_reason: string | null;
  outcome: string | null;
}): OnwardReferral => ({
  id: r.id,
  caseId: r.case_id,
  serviceId: r.service_id,
  serviceName: r.service_name,
  status: r.status,
  need: r.need,
  shared: (typeof r.shared === 'string' ? JSON.parse(r.shared) : r.shared) as Record<string, string>,
  sentAt: new Date(r.sent_at),
  respondedAt: r.responded_at ? new Date(r.responded_at) : null,
  completedAt: r.completed_at ? new Date(r.completed_at) : null,
  declineReason: r.decline_reason,
  outcome: r.outcome,
});

export const ONWARD_COLUMNS = [
  'id',
  'case_id',
  'service_id',
  'service_name',
  'status',
  'need',
  'shared',
  'sent_at',
  'responded_at',
  'completed_at',
  'decline_reason',
  'outcome',
] as const;

/** The referral with its service's directory organisation, when a partner links the client's organisation to it. */
export async function visibleTo(tx: Tx, organisationId: string, id: string, lock = false) {
  const linked = await directoryOrganisationsOf(tx, organisationId);
  if (linked.length === 0) return null;
  let q = onwardTables(tx)
    .selectFrom('onward_referrals as o')
    .innerJoin('directory_services as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.service_id'))
    .select(ONWARD_COLUMNS.map((c) => `o.${c}` as const))
    .select(['o.provider_email', 's.organisation_id'])
    .where('o.id', '=', id)
    .where('s.organisation_id', 'in', linked);
  if (lock) q = q.forUpdate('o');
  return (await q.executeTakeFirst()) ?? null;
}

/** A provider system's search over its onward referrals: every filter given must hold. */
export type OnwardSearchFilter = {
  ids?: readonly string[] | undefined;
  statuses?: readonly OnwardStatus[] | undefined;
  serviceIds?: readonly string[] | undefined;
  /** Changed (sent, answered or completed) after this moment. */
  updatedAfter?: Date | undefined;
  limit: number;
  offset: number;
};

/** When the referral last changed: the Task's meta.lastUpdated. */
const lastChanged = sql<Date>`coalesce(o.completed_at, o.responded_at, o.sent_at)`;

/**
 * One page of the onward referrals to services of directory organisations the client's
 * organisation is linked to, oldest change first (a poller's order: what changed since it last
 * asked, in order), with the total in the same statement.
 */
export async function searchVisible(tx: Tx, organisationId: string, f: OnwardSearchFilter) {
  const linked = await directoryOrganisationsOf(tx, organisationId);
  if (linked.length === 0) return { total: 0, rows: [] };
  let q = onwardTables(tx)
    .selectFrom('onward_referrals as o')
    .innerJoin('directory_services as s', (j) => j.onRef('s.tenant_id', '=', 'o.tenant_id').onRef('s.id', '=', 'o.service_id'))
    .select(ONWARD_COLUMNS.map((c) => `o.${c}` as const))
    .select(['s.organisation_id', sql<number>`count(*) over ()`.as('total')])
    .where('s.organisation_id', 'in', linked);
  if (f.ids) q = q.where('o.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.statuses) q = f.statuses.length ? q.where('o.status', 'in', f.statuses) : q.where(sql<boolean>`false`);
  if (f.serviceIds) q = q.where('o.service_id', 'in', f.serviceIds.length ? f.serviceIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.updatedAfter) q = q.where(sql<boolean>`${lastChanged} > ${f.updatedAfter}`);
  const rows = await q.orderBy(lastChanged).orderBy('o.id').limit(f.limit).offset(f.offset).execute();
  let total = Number(rows[0]?.total ?? 0);
  // A page past the end (or of no entries, _count=0) has no row to carry the count.
  if (rows.length === 0 && (f.offset > 0 || f.limit === 0)) {
    const counted = await q.clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    total = Number(counted?.n ?? 0);
  }
  return { total, rows };
}
