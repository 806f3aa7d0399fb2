import type { FullServiceRow, SearchRow, ServiceRow } from './directory-repo.ts';

/** Drops keys whose value is null or undefined: the UK profile asks for absent optional fields to be left out, not null. */
export function omitEmpty<T extends Record<string, unknown>>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? (JSON.parse(v) as unknown[]) : []);
const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : Number(v));

/** The one-to-one fields of a service, as HSDS 3.0 names them, with Bridgework's capacity fields. */
export function hsdsServiceFields(s: ServiceRow) {
  return omitEmpty({
    id: s.id,
    organization_id: s.organisation_id,
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    eligibility_description: s.eligibility_description,
    minimum_age: num(s.minimum_age),
    maximum_age: num(s.maximum_age),
    fees_description: s.fees_description,
    application_process: s.application_process,
    assured_date: s.verified_on,
    assurer_email: s.verified_by,
    last_modified: s.last_modified.toISOString(),
    bridgework_capacity: s.capacity,
    bridgework_waiting_weeks: num(s.waiting_weeks),
  });
}

/** A list entry: one-to-one fields only (HSDS `service_list`), and the distance when searched near a place. */
export function hsdsListService(s: SearchRow) {
  return { ...hsdsServiceFields(s), ...omitEmpty({ bridgework_distance_metres: s.distance_metres === null ? null : Math.round(s.distance_metres) }) };
}

const location = (l: FullServiceRow['locations'][number]) =>
  omitEmpty({
    id: l.id,
    location_type: l.location_type,
    organization_id: l.organisation_id,
    name: l.name,
    description: l.description,
    latitude: num(l.latitude),
    longitude: num(l.longitude),
    addresses: list(l.addresses),
  });

const term = (x: FullServiceRow['terms'][number]) =>
  omitEmpty({ id: x.id, code: x.code, name: x.name, description: x.description, parent_id: x.parent_id, taxonomy_id: x.taxonomy_id, term_uri: x.term_uri });

const organisation = (o: NonNullable<FullServiceRow['organisation']>) =>
  omitEmpty({ id: o.id, name: o.name, description: o.description, email: o.email, website: o.website });

/** A fully nested service (HSDS `service`): organisation, locations through service_at_locations, and taxonomy terms through attributes. */
export function hsdsFullService(s: FullServiceRow) {
  return {
    ...hsdsServiceFields(s),
    ...(s.organisation ? { organization: organisation(s.organisation) } : {}),
    phones: list(s.phones),
    schedules: list(s.schedules),
    service_areas: list(s.service_areas),
    contacts: list(s.contacts),
    cost_options: list(s.cost_options),
    languages: list(s.languages),
    service_at_locations: s.locations.map((l) => ({ id: l.link_id, service_id: s.id, location_id: l.id, location: location(l) })),
    attributes: s.terms.map((x) => ({
      id: x.link_id,
      link_id: s.id,
      link_type: 'service',
      link_entity: 'service',
      taxonomy_term_id: x.id,
      taxonomy_term: term(x),
    })),
  };
}

/** A service as the directory package holds it: links by id only, the linked objects listed once at the top. */
export function packageService(s: FullServiceRow) {
  return {
    ...hsdsServiceFields(s),
    phones: list(s.phones),
    schedules: list(s.schedules),
    service_areas: list(s.service_areas),
    contacts: list(s.contacts),
    cost_options: list(s.cost_options),
    languages: list(s.languages),
    service_at_locations: s.locations.map((l) => ({ id: l.link_id, location_id: l.id })),
    attributes: s.terms.map((x) => ({ id: x.link_id, taxonomy_term_id: x.id })),
  };
}

export { location as hsdsLocation, organisation as hsdsOrganisation, term as hsdsTerm };
