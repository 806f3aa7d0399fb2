import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { PlatformTables, Tx } from '../../platform/db/index.ts';
import type { AgreementFacts, AgreementPurpose, DataCategory } from './agreement-rules.ts';
import type { Agreement, GrowthSector, LocalPlan, Partner, PartnershipTables, PlanTarget } from './partnership.ts';

export const tables = (tx: Tx) => tx.withTables<PartnershipTables>();

export async function readPlan(tx: Tx): Promise<{ plan: LocalPlan | null; targets: PlanTarget[]; sectors: GrowthSector[] }> {
  const t = tables(tx);
  const [plan, targets, sectors] = await Promise.all([
    t.selectFrom('local_plans').select(['title', 'starts_on', 'ends_on', 'updated_at']).executeTakeFirst(),
    t
      .selectFrom('local_plan_targets')
      .select(['id', 'measure', 'programme', 'cohort', 'baseline', 'target'])
      .orderBy('measure')
      .orderBy('programme')
      .orderBy('cohort')
      .execute(),
    t.selectFrom('growth_sectors').select(['code', 'name', 'name_cy']).orderBy('name').execute(),
  ]);
  return {
    plan: plan ? { title: plan.title, startsOn: plan.starts_on, endsOn: plan.ends_on, updatedAt: new Date(plan.updated_at) } : null,
    targets,
    sectors: sectors.map((s) => ({ code: s.code, name: s.name, nameCy: s.name_cy })),
  };
}

const PARTNER_COLUMNS = ['id', 'name', 'kind', 'role', 'organisation_id', 'directory_organisation_id'] as const;
const toPartner = (r: {
  id: string;
  name: string;
  kind: Partner['kind'];
  role: string;
  organisation_id: string | null;
  directory_organisation_id: string | null;
}): Partner => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  role: r.role,
  organisationId: r.organisation_id,
  directoryOrganisationId: r.directory_organisation_id,
});

export async function listPartners(tx: Tx): Promise<Partner[]> {
  return (await tables(tx).selectFrom('partners').select(PARTNER_COLUMNS).orderBy('name').execute()).map(toPartner);
}

export async function findPartner(tx: Tx, id: string): Promise<Partner | null> {
  const r = await tables(tx).selectFrom('partners').select(PARTNER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toPartner(r) : null;
}

export async function listAgreements(tx: Tx): Promise<Agreement[]> {
  const rows = await tables(tx)
    .selectFrom('data_sharing_agreements as a')
    .leftJoin('partners as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.partner_id'))
    .select([
      'a.id',
      'a.title',
      'a.partner_id',
      'p.name as partner_name',
      'a.other_parties',
      'a.purposes',
      'a.data_categories',
      'a.article6',
      'a.article9',
      'a.starts_on',
      'a.ends_on',
      'a.signed_copy_name',
    ])
    .orderBy('a.ends_on')
    .orderBy('a.title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    otherParties: r.other_parties,
    purposes: r.purposes,
    dataCategories: r.data_categories,
    article6: r.article6,
    article9: r.article9,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    signedCopyName: r.signed_copy_name,
  }));
}

/**
 * An organisation's agreements naming referrals in, as one JSON value (`agreementFactsOf` reads it):
 * a query for referral intake's one first statement (ADR 0066).
 */
export const referralInAgreements = (q: Kysely<PlatformTables>, organisationId: string) =>
  jsonArrayFrom(
    q
      .withTables<PartnershipTables>()
      .selectFrom('data_sharing_agreements')
      .select(['id', 'purposes', 'data_categories', 'starts_on', 'ends_on'])
      .where('organisation_id', '=', organisationId)
      .where(sql<boolean>`'referral-in' = ANY (purposes)`),
  );

/** The agreements of `referralInAgreements`' JSON value (dates stay yyyy-mm-dd strings, as a row's). */
export const agreementFactsOf = (json: unknown): AgreementFacts[] =>
  (json as { id: string; purposes: AgreementPurpose[]; data_categories: DataCategory[]; starts_on: string; ends_on: string }[]).map((a) => ({
    id: a.id,
    purposes: a.purposes,
    dataCategories: a.data_categories,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
  }));

/**
 * The agreements with a body, by where it appears: as a referring organisation or as a provider
 * in the directory. Only those naming `purpose` when `purpose` is given.
 */
export async function agreementsWith(
  tx: Tx,
  body: { organisationId: string } | { directoryOrganisationId: string },
  purpose?: AgreementPurpose,
): Promise<AgreementFacts[]> {
  let q = tables(tx).selectFrom('data_sharing_agreements').select(['id', 'purposes', 'data_categories', 'starts_on', 'ends_on']);
  q = 'organisationId' in body ? q.where('organisation_id', '=', body.organisationId) : q.where('directory_organisation_id', '=', body.directoryOrganisationId);
  if (purpose) q = q.where(sql<boolean>`${purpose} = ANY (purposes)`);
  const rows = await q.execute();
  return rows.map((a) => ({ id: a.id, purposes: a.purposes, dataCategories: a.data_categories, startsOn: a.starts_on, endsOn: a.ends_on }));
}
