import { newId, type Tx } from '../../platform/db/index.ts';
import { bodyFor, geocode, insertEmployer, insertVacancies, type VacancyInsert } from './employer-repo.ts';
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
