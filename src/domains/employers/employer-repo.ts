import { type Insertable, sql } from 'kysely';
import type { Tx } from '../../platform/db/index.ts';
import { placeOf } from '../../platform/places/index.ts';
import type { Day, FlexibleOption, Shift, Workplace } from './matching.ts';
import type { ContractType, Employer, EmployerTables, Vacancy, VacancySource, VacancyStatus } from './vacancy.ts';

export const tables = (tx: Tx) => tx.withTables<EmployerTables>();

/** Vacancies change: every app process's matching index hears of it when the transaction commits. */
export const VACANCY_CHANNEL = 'bridgework_vacancies';

type EmployerRow = EmployerTables['employers'];
const toEmployer = (r: {
  id: string;
  organisation_id: string;
  body_id: string | null;
  name: string;
  sector: string;
  size_band: Employer['sizeBand'];
  nhs_body: boolean;
  growth_sectors: string[];
  disability_confident: Employer['disabilityConfident'];
  version: number;
}): Employer => ({
  id: r.id,
  organisationId: r.organisation_id,
  bodyId: r.body_id,
  name: r.name,
  sector: r.sector,
  sizeBand: r.size_band,
  nhsBody: r.nhs_body,
  growthSectors: r.growth_sectors,
  disabilityConfident: r.disability_confident,
  version: r.version,
});
const EMPLOYER_COLUMNS = [
  'id',
  'organisation_id',
  'body_id',
  'name',
  'sector',
  'size_band',
  'nhs_body',
  'growth_sectors',
  'disability_confident',
  'version',
] as const;

export async function insertEmployer(tx: Tx, row: Insertable<EmployerRow>): Promise<void> {
  await tables(tx).insertInto('employers').values(row).execute();
}

/** The tenant's growth sectors (the local plan sets them): those an employer may be said to belong to. */
export async function listGrowthSectors(tx: Tx): Promise<{ code: string; name: string; nameCy: string }[]> {
  const rows = await tables(tx).selectFrom('growth_sectors').select(['code', 'name', 'name_cy']).orderBy('name').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, nameCy: r.name_cy }));
}

export async function listEmployers(tx: Tx): Promise<Employer[]> {
  return (await tables(tx).selectFrom('employers').select(EMPLOYER_COLUMNS).orderBy('name').execute()).map(toEmployer);
}

export async function findEmployer(tx: Tx, id: string): Promise<Employer | null> {
  const r = await tables(tx).selectFrom('employers').select(EMPLOYER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toEmployer(r) : null;
}

/** The employer an employer user's organisation is, if any. */
export async function employerOfOrganisation(tx: Tx, organisationId: string): Promise<Employer | null> {
  const r = await tables(tx).selectFrom('employers').select(EMPLOYER_COLUMNS).where('organisation_id', '=', organisationId).executeTakeFirst();
  return r ? toEmployer(r) : null;
}

/** The body an identifier names, made the first time any tenant names it. */
export async function bodyFor(tx: Tx, kind: 'ods' | 'companies-house' | 'charity', identifier: string, name: string, id: string, now: Date): Promise<string> {
  await tables(tx)
    .insertInto('employer_bodies')
    .values({ id, identifier_kind: kind, identifier, name, created_at: now })
    .onConflict((oc) => oc.constraint('employer_bodies_identifier_unique').doNothing())
    .execute();
  const r = await tables(tx)
    .selectFrom('employer_bodies')
    .select('id')
    .where('identifier_kind', '=', kind)
    .where('identifier', '=', identifier)
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A postcode's coordinates: the full postcode when the ONS directory has been imported, else its district's centre. */
export const geocode = placeOf;

const VACANCY_COLUMNS = [
  'v.id',
  'v.employer_id',
  'e.name as employer_name',
  'v.title',
  'v.description',
  'v.soc',
  'v.hours_min',
  'v.hours_max',
  'v.days',
  'v.shifts',
  'v.pattern_note',
  'v.workplace',
  'v.flexible_options',
  'v.adjustments_offered',
  'v.pay_hourly',
  'v.contract_type',
  'v.postcode',
  'v.lat',
  'v.lon',
  'v.closing_date',
  'v.status',
  'v.source',
  'v.external_ref',
  'v.version',
] as const;

export type VacancyRow = {
  id: string;
  employer_id: string;
  employer_name: string;
  title: string;
  description: string;
  soc: string;
  hours_min: number;
  hours_max: number;
  days: Day[];
  shifts: Shift[];
  pattern_note: string;
  workplace: Workplace;
  flexible_options: FlexibleOption[];
  adjustments_offered: string[];
  pay_hourly: string | number;
  contract_type: string;
  postcode: string;
  lat: number;
  lon: number;
  closing_date: string;
  status: VacancyStatus;
  source: VacancySource;
  external_ref: string | null;
  version: number;
};

export const toVacancy = (r: VacancyRow): Vacancy => ({
  id: r.id,
  employerId: r.employer_id,
  employerName: r.employer_name,
  title: r.title,
  description: r.description,
  soc: r.soc,
  hoursPerWeek: { min: Number(r.hours_min), max: Number(r.hours_max) },
  days: r.days,
  shifts: r.shifts,
  patternNote: r.pattern_note,
  workplace: r.workplace,
  flexibleOptions: r.flexible_options,
  adjustmentsOffered: r.adjustments_offered,
  payHourly: Number(r.pay_hourly),
  contractType: r.contract_type as ContractType,
  postcode: r.postcode,
  location: { lat: r.lat, lon: r.lon },
  closingDate: r.closing_date,
  status: r.status,
  source: r.source,
  externalRef: r.external_ref,
  version: r.version,
});

const vacancies = (tx: Tx) =>
  tables(tx)
    .selectFrom('vacancies as v')
    .innerJoin('employers as e', (j) => j.onRef('e.tenant_id', '=', 'v.tenant_id').onRef('e.id', '=', 'v.employer_id'))
    .select(VACANCY_COLUMNS);

export async function findVacancy(tx: Tx, id: string, forUpdate = false): Promise<Vacancy | null> {
  let q = vacancies(tx).where('v.id', '=', id);
  if (forUpdate) q = q.forUpdate('v');
  const r = await q.executeTakeFirst();
  return r ? toVacancy(r) : null;
}

export async function listVacancies(
  tx: Tx,
  filter: { employerId?: string; statuses?: readonly VacancyStatus[]; ids?: readonly string[] },
  limit = 200,
): Promise<Vacancy[]> {
  let q = vacancies(tx);
  if (filter.employerId) q = q.where('v.employer_id', '=', filter.employerId);
  if (filter.statuses) q = q.where('v.status', 'in', [...filter.statuses]);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('v.id', 'in', [...filter.ids]);
  }
  return (await q.orderBy('v.closing_date').orderBy('v.id').limit(limit).execute()).map(toVacancy);
}

export type VacancyInsert = Insertable<EmployerTables['vacancies']> & { id: string; tenant_id: string; status: VacancyStatus };

/** Many vacancies in one statement, telling every index once. */
export async function insertVacancies(tx: Tx, rows: readonly VacancyInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tables(tx)
    .insertInto('vacancies')
    .values([...rows])
    .execute();
  await notifyVacancyChange(tx, rows[0]?.tenant_id ?? '', rows.length === 1 ? (rows[0]?.id ?? '') : '*');
}

export async function updateVacancyStatus(tx: Tx, tenantId: string, id: string, status: VacancyStatus, now: Date): Promise<void> {
  await tables(tx)
    .updateTable('vacancies')
    .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await notifyVacancyChange(tx, tenantId, id);
}

/** Payload `tenant:vacancy`, or `tenant:*` for a batch: each process's index reloads what changed. */
export async function notifyVacancyChange(tx: Tx, tenantId: string, vacancyId: string): Promise<void> {
  await sql`SELECT pg_notify(${VACANCY_CHANNEL}, ${`${tenantId}:${vacancyId}`})`.execute(tx);
}

/** Open vacancies whose closing date has passed, oldest first, a batch at a time. */
export async function dueToExpire(tx: Tx, today: string, limit: number): Promise<{ id: string }[]> {
  return tables(tx)
    .selectFrom('vacancies')
    .select('id')
    .where('status', '=', 'open')
    .where('closing_date', '<', today)
    .orderBy('closing_date')
    .limit(limit)
    .execute();
}

export type IndexRow = {
  id: string;
  soc: string;
  hours_min: number;
  hours_max: number;
  days: Day[];
  shifts: Shift[];
  lat: number;
  lon: number;
  workplace: Workplace;
  pay_hourly: string | number;
  flexible_options: FlexibleOption[];
  adjustments_offered: string[];
  closing_date: string;
  /** The employer's local growth sectors (employers are not edited, so a vacancy's stay put). */
  growth_sectors: string[];
};
const INDEX_COLUMNS = [
  'v.id',
  'v.soc',
  'v.hours_min',
  'v.hours_max',
  'v.days',
  'v.shifts',
  'v.lat',
  'v.lon',
  'v.workplace',
  'v.pay_hourly',
  'v.flexible_options',
  'v.adjustments_offered',
  'v.closing_date',
  'e.growth_sectors',
] as const;
const indexRows = (tx: Tx) =>
  tables(tx)
    .selectFrom('vacancies as v')
    .innerJoin('employers as e', (j) => j.onRef('e.tenant_id', '=', 'v.tenant_id').onRef('e.id', '=', 'v.employer_id'))
    .select(INDEX_COLUMNS)
    .where('v.status', '=', 'open');

/** Open vacancies for the matching index, in id order from `after`, a page at a time. */
export async function openVacancyPage(tx: Tx, after: string | null, limit: number): Promise<IndexRow[]> {
  let q = indexRows(tx);
  if (after) q = q.where('v.id', '>', after);
  return q.orderBy('v.id').limit(limit).execute();
}

/** One vacancy for the index: its row when open, null when gone or no longer open. */
export async function indexRowOf(tx: Tx, id: string): Promise<IndexRow | null> {
  const r = await indexRows(tx).where('v.id', '=', id).executeTakeFirst();
  return r ?? null;
}
