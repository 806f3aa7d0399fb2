import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { DEMO_DISTRICT_CENTRES } from '../../platform/places/index.ts';
import { insertOrganisation } from '../organisations/index.ts';
import { bodyFor, geocode, insertEmployer, insertVacancies, notifyVacancyChange, tables, type VacancyInsert } from './employer-repo.ts';
import { DAYS, FLEXIBLE_OPTIONS, WORKPLACES } from './matching.ts';
import type { EmployerTables } from './vacancy.ts';

export type DemoEmployer = {
  sector: string;
  sizeBand: 'micro' | 'small' | 'medium' | 'large';
  nhsBody: boolean;
  disabilityConfident: 'none' | 'committed' | 'employer' | 'leader';
  ods?: string;
  vacancies: (Omit<
    EmployerTables['vacancies'],
    'tenant_id' | 'id' | 'employer_id' | 'lat' | 'lon' | 'created_at' | 'updated_at' | 'version' | 'source' | 'external_ref' | 'pay_hourly'
  > & {
    pay_hourly: number;
  })[];
};

/** A demo employer for an organisation of kind employer, with its open vacancies (seed only). */
export async function seedDemoEmployer(tx: Tx, tenantId: string, organisationId: string, name: string, spec: DemoEmployer, now: Date): Promise<string> {
  const id = newId(now);
  const bodyId = spec.ods ? await bodyFor(tx, 'ods', spec.ods, name, newId(now), now) : null;
  await insertEmployer(tx, {
    tenant_id: tenantId,
    id,
    organisation_id: organisationId,
    body_id: bodyId,
    name,
    sector: spec.sector,
    size_band: spec.sizeBand,
    nhs_body: spec.nhsBody,
    growth_sectors: [],
    disability_confident: spec.disabilityConfident,
    created_at: now,
    updated_at: now,
  });
  const rows: VacancyInsert[] = [];
  for (const v of spec.vacancies) {
    const place = await geocode(tx, v.postcode);
    if (!place) throw new Error(`no centroid for ${v.postcode}`);
    rows.push({
      ...v,
      tenant_id: tenantId,
      id: newId(now),
      employer_id: id,
      lat: place.lat,
      lon: place.lon,
      source: 'form',
      external_ref: null,
      created_at: now,
      updated_at: now,
    });
  }
  await insertVacancies(tx, rows);
  return id;
}

/**
 * `bridgework seed --synthetic --vacancies N`: N deterministic open vacancies for one tenant's
 * "Synthetic employer", spread over the demo districts, written in batches of 5,000 in one
 * transaction (bench and load testing only).
 */
export async function seedSyntheticVacancies(
  db: Database,
  clock: Clock,
  gssCode: string,
  count: number,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const tenant = await db.global((tx) => tx.selectFrom('tenants').select('id').where('gss_code', '=', gssCode).executeTakeFirst());
  if (!tenant) throw new Error(`No local authority ${gssCode}`);
  const now = clock.now();
  return db.inTenant(tenant.id, async (tx) => {
    const employers = await tables(tx).selectFrom('employers').select('id').where('name', '=', 'Synthetic employer').executeTakeFirst();
    let employerId = employers?.id;
    if (!employerId) {
      const org = await insertOrganisation(tx, { tenantId: tenant.id, id: newId(now), kind: 'employer', name: 'Synthetic employer', createdAt: now });
      employerId = newId(now);
      await insertEmployer(tx, {
        tenant_id: tenant.id,
        id: employerId,
        organisation_id: org?.id ?? '',
        body_id: null,
        name: 'Synthetic employer',
        sector: 'Synthetic',
        size_band: 'large',
        nhs_body: false,
        growth_sectors: [],
        disability_confident: 'none',
        created_at: now,
        updated_at: now,
      });
    }
    let s = 2026;
    const r = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const districts = DEMO_DISTRICT_CENTRES.filter((d) => d.postcode.startsWith(gssCode.startsWith('W') ? 'CF' : 'LE'));
    let batch: VacancyInsert[] = [];
    for (let i = 0; i < count; i++) {
      const { postcode: district, lat, lon } = districts[Math.floor(r() * districts.length)] ?? { postcode: 'LE1', lat: 52.63, lon: -1.13 };
      const min = [0, 8, 12, 16, 20][Math.floor(r() * 5)] ?? 0;
      batch.push({
        tenant_id: tenant.id,
        id: newId(now),
        employer_id: employerId,
        title: `Synthetic vacancy ${i + 1}`,
        description: '',
        soc: String(1111 + Math.floor(r() * 8160)),
        hours_min: min,
        hours_max: min + 10,
        days: DAYS.filter(() => r() < 0.6),
        shifts: [],
        pattern_note: '',
        workplace: WORKPLACES[Math.floor(r() * 3)] ?? 'on-site',
        flexible_options: FLEXIBLE_OPTIONS.filter(() => r() < 0.3),
        adjustments_offered: [],
        pay_hourly: Math.round((11.5 + r() * 12) * 100) / 100,
        contract_type: 'permanent',
        postcode: `${district} 1AA`,
        lat: lat + (r() - 0.5) * 0.05,
        lon: lon + (r() - 0.5) * 0.08,
        closing_date: '2027-12-31',
        status: 'open',
        source: 'synthetic',
        external_ref: `synthetic-${i + 1}`,
        created_at: now,
        updated_at: now,
      });
      if (batch.length === 5000 || i === count - 1) {
        await tables(tx).insertInto('vacancies').values(batch).execute();
        batch = [];
        onProgress(i + 1, count);
      }
    }
    await notifyVacancyChange(tx, tenant.id, '*');
    return count;
  });
}
