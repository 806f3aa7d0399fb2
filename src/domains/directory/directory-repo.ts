import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../../platform/db/index.ts';
import { placeOf } from '../../platform/places/index.ts';
import type { Capacity, DirectoryTables, LocationType, ServiceStatus } from './directory.ts';
import { boundingBox, type Point } from './directory-rules.ts';
import type { DirectoryPackage } from './directory-schemas.ts';

export const tables = (tx: Tx) => tx.withTables<DirectoryTables>();

const BATCH = 500;
const json = (value: unknown) => JSON.stringify(value ?? []);

function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Writes a directory package into the tenant's directory in the caller's transaction: every object
 * inserted or, when its id is already there, replaced; a service's locations and terms become
 * those the package gives. `progress` hears how many services are written so far.
 */
export async function writePackage(tx: Tx, tenantId: string, pkg: DirectoryPackage, now: Date, progress: (done: number) => void = () => {}): Promise<void> {
  const t = tables(tx);
  for (const rows of batches(pkg.organizations)) {
    await t
      .insertInto('directory_organisations')
      .values(
        rows.map((o) => ({ tenant_id: tenantId, id: o.id, name: o.name, description: o.description, email: o.email ?? null, website: o.website ?? null })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          email: eb.ref('excluded.email'),
          website: eb.ref('excluded.website'),
        })),
      )
      .execute();
  }
  for (const rows of batches(pkg.locations)) {
    await t
      .insertInto('directory_locations')
      .values(
        rows.map((l) => ({
          tenant_id: tenantId,
          id: l.id,
          organisation_id: l.organization_id ?? null,
          location_type: l.location_type,
          name: l.name ?? null,
          description: l.description ?? null,
          latitude: l.latitude ?? null,
          longitude: l.longitude ?? null,
          addresses: json(l.addresses),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          organisation_id: eb.ref('excluded.organisation_id'),
          location_type: eb.ref('excluded.location_type'),
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          latitude: eb.ref('excluded.latitude'),
          longitude: eb.ref('excluded.longitude'),
          addresses: eb.ref('excluded.addresses'),
        })),
      )
      .execute();
  }
  for (const rows of batches(pkg.taxonomies)) {
    await t
      .insertInto('directory_taxonomies')
      .values(rows.map((x) => ({ tenant_id: tenantId, id: x.id, name: x.name, description: x.description, uri: x.uri ?? null, version: x.version ?? null })))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          uri: eb.ref('excluded.uri'),
          version: eb.ref('excluded.version'),
        })),
      )
      .execute();
  }
  // Parents before children, so the parent key is there when a child names it (a term whose parent
  // is not in the package, or in a loop, goes last and lets the database say so).
  const inPackage = new Set(pkg.taxonomy_terms.map((x) => x.id));
  const placed = new Set<string>();
  const ordered: DirectoryPackage['taxonomy_terms'] = [];
  let terms = [...pkg.taxonomy_terms];
  while (terms.length > 0) {
    const waiting: typeof terms = [];
    for (const x of terms) {
      if (!x.parent_id || placed.has(x.parent_id) || !inPackage.has(x.parent_id)) {
        ordered.push(x);
        placed.add(x.id);
      } else waiting.push(x);
    }
    if (waiting.length === terms.length) break;
    terms = waiting;
  }
  for (const rows of batches([...ordered, ...terms])) {
    await t
      .insertInto('directory_taxonomy_terms')
      .values(
        rows.map((x) => ({
          tenant_id: tenantId,
          id: x.id,
          taxonomy_id: x.taxonomy_id,
          code: x.code ?? null,
          name: x.name,
          description: x.description,
          parent_id: x.parent_id ?? null,
          term_uri: x.term_uri ?? null,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          taxonomy_id: eb.ref('excluded.taxonomy_id'),
          code: eb.ref('excluded.code'),
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          parent_id: eb.ref('excluded.parent_id'),
          term_uri: eb.ref('excluded.term_uri'),
        })),
      )
      .execute();
  }
  // A service's links become those the package gives: the old links of every service in the
  // package go in one statement, not one per batch (a batch's delete read all the tenant's links).
  const serviceIds = pkg.services.map((s) => s.id);
  if (serviceIds.length > 0) {
    await t.deleteFrom('directory_service_locations').where(sql<boolean>`service_id = any(${serviceIds}::uuid[])`).execute();
    await t.deleteFrom('directory_service_terms').where(sql<boolean>`service_id = any(${serviceIds}::uuid[])`).execute();
  }
  // Each link row's foreign-key check runs a plan the connection made once and kept. Made while
  // the services table was small (the demo's six services, or this import's first batch, never
  // analysed), it reads every service of the tenant by a tenant-led index: each check grows with
  // the table, the import with its square (ADR 0056). Plans are dropped whenever the services
  // written have doubled since, so the check is re-planned on the table as it now is (an index
  // probe of the primary key): a handful of re-plans in all.
  let done = 0;
  let replannedAt = 0;
  for (const rows of batches(pkg.services)) {
    await t
      .insertInto('directory_services')
      .values(
        rows.map((s) => ({
          tenant_id: tenantId,
          id: s.id,
          organisation_id: s.organization_id,
          name: s.name,
          description: s.description,
          url: s.url ?? null,
          email: s.email ?? null,
          status: s.status,
          eligibility_description: s.eligibility_description ?? null,
          minimum_age: s.minimum_age ?? null,
          maximum_age: s.maximum_age ?? null,
          fees_description: s.fees_description ?? null,
          application_process: s.application_process ?? null,
          phones: json(s.phones),
          schedules: json(s.schedules),
          service_areas: json(s.service_areas),
          contacts: json(s.contacts),
          cost_options: json(s.cost_options),
          languages: json(s.languages),
          capacity: s.bridgework_capacity,
          waiting_weeks: s.bridgework_waiting_weeks ?? null,
          verified_on: s.assured_date ?? null,
          verified_by: s.assurer_email ?? null,
          last_modified: s.last_modified ?? now,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
          organisation_id: eb.ref('excluded.organisation_id'),
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          url: eb.ref('excluded.url'),
          email: eb.ref('excluded.email'),
          status: eb.ref('excluded.status'),
          eligibility_description: eb.ref('excluded.eligibility_description'),
          minimum_age: eb.ref('excluded.minimum_age'),
          maximum_age: eb.ref('excluded.maximum_age'),
          fees_description: eb.ref('excluded.fees_description'),
          application_process: eb.ref('excluded.application_process'),
          phones: eb.ref('excluded.phones'),
          schedules: eb.ref('excluded.schedules'),
          service_areas: eb.ref('excluded.service_areas'),
          contacts: eb.ref('excluded.contacts'),
          cost_options: eb.ref('excluded.cost_options'),
          languages: eb.ref('excluded.languages'),
          capacity: eb.ref('excluded.capacity'),
          waiting_weeks: eb.ref('excluded.waiting_weeks'),
          verified_on: eb.ref('excluded.verified_on'),
          verified_by: eb.ref('excluded.verified_by'),
          last_modified: eb.ref('excluded.last_modified'),
        })),
      )
      .execute();
    if (done === 0 || done >= 2 * replannedAt) {
      await sql`DISCARD PLANS`.execute(tx);
      replannedAt = Math.max(done, 1);
    }
    const links = rows.flatMap((s) => s.service_at_locations.map((l) => ({ tenant_id: tenantId, id: l.id, service_id: s.id, location_id: l.location_id })));
    for (const part of batches(links)) await t.insertInto('directory_service_locations').values(part).execute();
    const attributes = rows.flatMap((s) => s.attributes.map((a) => ({ tenant_id: tenantId, id: a.id, service_id: s.id, term_id: a.taxonomy_term_id })));
    for (const part of batches(attributes)) await t.insertInto('directory_service_terms').values(part).execute();
    done += rows.length;
    progress(done);
  }
  // Where each service is, by term (ADR 0056): rewritten for the package's services and for any
  // other service at one of its locations (the package may have moved it), in two statements.
  const locationIds = pkg.locations.map((l) => l.id);
  const touched = sql`(select id from unnest(${serviceIds}::uuid[]) as u (id) union select service_id from directory_service_locations where location_id = any(${locationIds}::uuid[]))`;
  await sql`delete from directory_service_places where service_id in ${touched}`.execute(tx);
  await sql`DISCARD PLANS`.execute(tx);
  await sql`insert into directory_service_places (tenant_id, service_id, location_id, term_id, latitude, longitude)
    select sl.tenant_id, sl.service_id, sl.location_id, st.term_id, l.latitude, l.longitude
      from directory_service_locations sl
      join directory_locations l on l.tenant_id = sl.tenant_id and l.id = sl.location_id
      join directory_service_terms st on st.tenant_id = sl.tenant_id and st.service_id = sl.service_id
     where l.latitude is not null and l.longitude is not null and sl.service_id in ${touched}`.execute(tx);
}

export type ServiceRow = {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  fees_description: string | null;
  application_process: string | null;
  capacity: Capacity;
  waiting_weeks: number | null;
  verified_on: string | null;
  verified_by: string | null;
  last_modified: Date;
};

export type FullServiceRow = ServiceRow & {
  phones: unknown;
  schedules: unknown;
  service_areas: unknown;
  contacts: unknown;
  cost_options: unknown;
  languages: unknown;
  organisation: { id: string; name: string; description: string; email: string | null; website: string | null } | null;
  locations: {
    link_id: string;
    id: string;
    organisation_id: string | null;
    location_type: LocationType;
    name: string | null;
    description: string | null;
    latitude: number | null;
    longitude: number | null;
    addresses: unknown;
  }[];
  terms: {
    link_id: string;
    id: string;
    taxonomy_id: string;
    code: string | null;
    name: string;
    description: string;
    parent_id: string | null;
    term_uri: string | null;
  }[];
};

const SERVICE_COLUMNS = [
  's.id',
  's.organisation_id',
  's.name',
  's.description',
  's.url',
  's.email',
  's.status',
  's.eligibility_description',
  's.minimum_age',
  's.maximum_age',
  's.fees_description',
  's.application_process',
  's.capacity',
  's.waiting_weeks',
  's.verified_on',
  's.verified_by',
  's.last_modified',
] as const;

/** Full services (every nested part) in one statement: by id, or every service of the tenant in id order. */
export async function fullServices(tx: Tx, filter: { id?: string; ids?: readonly string[] }): Promise<FullServiceRow[]> {
  let q = tables(tx)
    .selectFrom('directory_services as s')
    .select([...SERVICE_COLUMNS, 's.phones', 's.schedules', 's.service_areas', 's.contacts', 's.cost_options', 's.languages'])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('directory_organisations as o')
          .select(['o.id', 'o.name', 'o.description', 'o.email', 'o.website'])
          .whereRef('o.tenant_id', '=', 's.tenant_id')
          .whereRef('o.id', '=', 's.organisation_id'),
      ).as('organisation'),
      jsonArrayFrom(
        eb
          .selectFrom('directory_service_locations as sl')
          .innerJoin('directory_locations as l', (j) => j.onRef('l.tenant_id', '=', 'sl.tenant_id').onRef('l.id', '=', 'sl.location_id'))
          .select(['sl.id as link_id', 'l.id', 'l.organisation_id', 'l.location_type', 'l.name', 'l.description', 'l.latitude', 'l.longitude', 'l.addresses'])
          .whereRef('sl.tenant_id', '=', 's.tenant_id')
          .whereRef('sl.service_id', '=', 's.id')
          .orderBy('sl.id'),
      ).as('locations'),
      jsonArrayFrom(
        eb
          .selectFrom('directory_service_terms as st')
          .innerJoin('directory_taxonomy_terms as x', (j) => j.onRef('x.tenant_id', '=', 'st.tenant_id').onRef('x.id', '=', 'st.term_id'))
          .select(['st.id as link_id', 'x.id', 'x.taxonomy_id', 'x.code', 'x.name', 'x.description', 'x.parent_id', 'x.term_uri'])
          .whereRef('st.tenant_id', '=', 's.tenant_id')
          .whereRef('st.service_id', '=', 's.id')
          .orderBy('st.id'),
      ).as('terms'),
    ]);
  if (filter.id !== undefined) q = q.where('s.id', '=', filter.id);
  if (filter.ids !== undefined) q = filter.ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('s.id', 'in', filter.ids);
  const rows = await q.orderBy('s.id').execute();
  // The JSON helpers return timestamps as text; the service row's own are Dates already.
  return rows.map((r) => ({ ...r, last_modified: new Date(r.last_modified) })) as FullServiceRow[];
}

export type SearchFilter = {
  text?: string | undefined;
  termId?: string | undefined;
  taxonomyId?: string | undefined;
  organisationId?: string | undefined;
  modifiedAfter?: Date | undefined;
  near?: { centre: Point; metres: number } | undefined;
  referableOnly?: boolean | undefined;
};

export type SearchRow = ServiceRow & { distance_metres: number | null; total: number };

/**
 * One page of services matching every filter given, with the total count of matches in the same
 * statement. Nearest first when searching near a point, otherwise by name; ties by id.
 */
export async function searchServices(tx: Tx, f: SearchFilter, page: { size: number; offset: number }): Promise<{ rows: SearchRow[]; total: number }> {
  const t = tables(tx);
  let q = t.selectFrom('directory_services as s');
  const distance = f.near
    ? (() => {
        const { centre, metres } = f.near;
        const box = boundingBox(centre, metres);
        // Haversine in SQL; the box (latitude indexed) narrows the rows it is worked out for.
        const d = sql<number>`2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(l.latitude - ${centre.latitude}) / 2), 2) + cos(radians(${centre.latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${centre.longitude}) / 2), 2))))`;
        return { d, box, metres };
      })()
    : null;
  // Near a point, the places come first (ADR 0050): the box on the (tenant, latitude, longitude)
  // index, the distance worked out only for places in the box and kept only within reach, so only
  // the few services left are read (their rows are wide). With a term too, the box is read on the
  // term's own places (ADR 0056: one index range, no link or term looked up per place).
  const termNear = Boolean(distance && f.termId);
  if (distance) {
    const { box } = distance;
    // Both read places as `l`; the box is the index's range, the distance within reach is kept
    // before grouping (the nearest place within reach is the service's nearest place, so the
    // distance is the same as filtering the minimum after).
    const inReach = sql<boolean>`l.latitude >= ${box.minLatitude} and l.latitude <= ${box.maxLatitude} and l.longitude >= ${box.minLongitude} and l.longitude <= ${box.maxLongitude} and ${distance.d} <= ${distance.metres}`;
    const metres = sql<number>`min(${distance.d})`.as('metres');
    const near =
      termNear && f.termId
        ? t
            .selectFrom('directory_service_places as l')
            .select(['l.service_id', metres])
            .where('l.term_id', '=', f.termId)
            .where(inReach)
            .groupBy('l.service_id')
        : t
            .selectFrom('directory_service_locations as sl')
            .innerJoin('directory_locations as l', (j) => j.onRef('l.tenant_id', '=', 'sl.tenant_id').onRef('l.id', '=', 'sl.location_id'))
            .select(['sl.service_id', metres])
            .where(inReach)
            .groupBy('sl.service_id');
    q = q.innerJoin(near.as('near'), 'near.service_id', 's.id') as unknown as typeof q;
  }
  const conditions = (eb: ExpressionBuilder<DirectoryTables & { s: DirectoryTables['directory_services'] }, 's'>) => {
    const all: Expression<SqlBool>[] = [];
    if (f.text) all.push(sql<boolean>`s.search_text @@ websearch_to_tsquery('english', ${f.text})`);
    if (f.termId && !termNear) {
      all.push(
        eb.exists(
          eb
            .selectFrom('directory_service_terms as st')
            .select('st.id')
            .whereRef('st.tenant_id', '=', 's.tenant_id')
            .whereRef('st.service_id', '=', 's.id')
            .where('st.term_id', '=', f.termId),
        ),
      );
    }
    if (f.taxonomyId) {
      all.push(
        eb.exists(
          eb
            .selectFrom('directory_service_terms as st')
            .innerJoin('directory_taxonomy_terms as x', (j) => j.onRef('x.tenant_id', '=', 'st.tenant_id').onRef('x.id', '=', 'st.term_id'))
            .select('st.id')
            .whereRef('st.tenant_id', '=', 's.tenant_id')
            .whereRef('st.service_id', '=', 's.id')
            .where('x.taxonomy_id', '=', f.taxonomyId),
        ),
      );
    }
    if (f.organisationId) all.push(eb('s.organisation_id', '=', f.organisationId));
    if (f.modifiedAfter) all.push(eb('s.last_modified', '>=', f.modifiedAfter));
    if (f.referableOnly) all.push(eb.and([eb('s.status', '=', 'active'), eb('s.capacity', '!=', 'closed')]));
    return eb.and(all);
  };
  const rows = (await q
    .select([...SERVICE_COLUMNS])
    .select(sql<number>`count(*) over ()`.as('total'))
    .select(distance ? sql<number>`near.metres`.as('distance_metres') : sql<null>`null::double precision`.as('distance_metres'))
    .where(conditions)
    .orderBy(distance ? sql`near.metres` : sql`s.name`)
    .orderBy('s.id')
    .limit(page.size)
    .offset(page.offset)
    .execute()) as unknown as SearchRow[];
  let total = Number(rows[0]?.total ?? 0);
  // A page past the end has no rows to carry the count: count on its own then.
  if (rows.length === 0 && page.offset > 0) {
    const counted = await q.select(sql<number>`count(*)`.as('n')).where(conditions).executeTakeFirst();
    total = Number((counted as { n?: number } | undefined)?.n ?? 0);
  }
  return { rows: rows.map((r) => ({ ...r, total: Number(r.total), distance_metres: r.distance_metres === null ? null : Number(r.distance_metres) })), total };
}

/** The centre of a postcode (any written form): the full postcode where loaded, else its district's. */
export async function postcodeCentroid(tx: Tx, postcode: string): Promise<Point | null> {
  const place = await placeOf(tx, postcode);
  return place ? { latitude: place.lat, longitude: place.lon } : null;
}

export async function allOrganisations(tx: Tx) {
  return tables(tx).selectFrom('directory_organisations').select(['id', 'name', 'description', 'email', 'website']).orderBy('id').execute();
}
export async function allLocations(tx: Tx) {
  return tables(tx)
    .selectFrom('directory_locations')
    .select(['id', 'organisation_id', 'location_type', 'name', 'description', 'latitude', 'longitude', 'addresses'])
    .orderBy('id')
    .execute();
}
export async function allTaxonomies(tx: Tx) {
  return tables(tx).selectFrom('directory_taxonomies').select(['id', 'name', 'description', 'uri', 'version']).orderBy('id').execute();
}
export async function allTerms(tx: Tx, filter: { taxonomyId?: string | undefined; id?: string | undefined } = {}) {
  let q = tables(tx).selectFrom('directory_taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id', 'term_uri']);
  if (filter.taxonomyId) q = q.where('taxonomy_id', '=', filter.taxonomyId);
  if (filter.id) q = q.where('id', '=', filter.id);
  return q.orderBy('name').orderBy('id').execute();
}

export async function staleDays(tx: Tx): Promise<number> {
  const row = await tx.selectFrom('tenant_settings').select('directory_stale_days').executeTakeFirst();
  return row?.directory_stale_days ?? 180;
}
