import { z } from 'zod';
import { CAPACITIES, LOCATION_TYPES, SERVICE_STATUSES } from './directory.ts';

// The directory package: HSDS 3.0 objects (field names as the standard spells them), with the
// one-to-many parts of a service nested as in a full service, and Bridgework's capacity fields
// prefixed `bridgework_`, as the UK profile asks of local properties. Import reads it; export writes it.

const uuid = z.uuid();
const text = (max = 2000) => z.string().trim().min(1).max(max);
const isoDay = z.iso.date();
/** A nested HSDS object (phone, schedule, service area, contact, cost option, language): kept as given, with its id. */
const child = z.looseObject({ id: uuid });

export const hsdsOrganisationSchema = z.object({
  id: uuid,
  name: text(300),
  description: z.string().max(10_000).default(''),
  email: z.email().optional(),
  website: z.url().optional(),
});

export const hsdsAddressSchema = z.looseObject({ id: uuid, address_1: z.string(), city: z.string(), postal_code: z.string(), country: z.string() });

export const hsdsLocationSchema = z.object({
  id: uuid,
  location_type: z.enum(LOCATION_TYPES),
  organization_id: uuid.optional(),
  name: text(300).optional(),
  description: z.string().max(10_000).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  addresses: z.array(hsdsAddressSchema).default([]),
});

export const hsdsTaxonomySchema = z.object({
  id: uuid,
  name: text(300),
  description: z.string().max(2000),
  uri: z.url().optional(),
  version: text(50).optional(),
});

export const hsdsTaxonomyTermSchema = z.object({
  id: uuid,
  taxonomy_id: uuid,
  code: text(100).optional(),
  name: text(300),
  description: z.string().max(2000),
  parent_id: uuid.optional(),
  term_uri: z.url().optional(),
});

export const hsdsServiceSchema = z
  .object({
    id: uuid,
    organization_id: uuid,
    name: text(300),
    description: z.string().max(10_000).default(''),
    url: z.url().optional(),
    email: z.email().optional(),
    status: z.enum(SERVICE_STATUSES),
    eligibility_description: z.string().max(2000).optional(),
    minimum_age: z.number().int().min(0).max(130).optional(),
    maximum_age: z.number().int().min(0).max(130).optional(),
    fees_description: z.string().max(2000).optional(),
    application_process: z.string().max(2000).optional(),
    assured_date: isoDay.optional(),
    assurer_email: z.email().optional(),
    last_modified: z.iso.datetime({ offset: true }).optional(),
    phones: z.array(child).default([]),
    schedules: z.array(child).default([]),
    service_areas: z.array(child).default([]),
    contacts: z.array(child).default([]),
    cost_options: z.array(child).default([]),
    languages: z.array(child).default([]),
    service_at_locations: z.array(z.object({ id: uuid, location_id: uuid })).default([]),
    attributes: z.array(z.object({ id: uuid, taxonomy_term_id: uuid })).default([]),
    bridgework_capacity: z.enum(CAPACITIES).default('accepting'),
    bridgework_waiting_weeks: z.number().int().min(0).max(104).optional(),
  })
  .refine((s) => (s.bridgework_capacity === 'waiting-list') === (s.bridgework_waiting_weeks !== undefined), {
    message: 'bridgework_waiting_weeks is given for a waiting list, and only then',
    path: ['bridgework_waiting_weeks'],
  })
  .refine((s) => s.minimum_age === undefined || s.maximum_age === undefined || s.minimum_age <= s.maximum_age, {
    message: 'minimum_age is above maximum_age',
    path: ['minimum_age'],
  });

export const directoryPackageSchema = z.object({
  organizations: z.array(hsdsOrganisationSchema).default([]),
  locations: z.array(hsdsLocationSchema).default([]),
  taxonomies: z.array(hsdsTaxonomySchema).default([]),
  taxonomy_terms: z.array(hsdsTaxonomyTermSchema).default([]),
  services: z.array(hsdsServiceSchema).default([]),
});
export type DirectoryPackage = z.output<typeof directoryPackageSchema>;
export type HsdsService = z.output<typeof hsdsServiceSchema>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `GET /oruk/{council}/services`: the HSDS 3.0 query parameters this API answers. */
export const serviceSearchSchema = z.object({
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  per_page: z.coerce.number().int().min(1).max(10_000).optional(),
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
  postcode: z.string().trim().max(10).optional(),
  proximity: z.coerce.number().int().min(1).max(500_000).optional(),
  minimal: bool.optional(),
  full: bool.optional(),
  format: z.enum(['json']).optional(),
});
export type ServiceSearch = z.output<typeof serviceSearchSchema>;
export const idParamSchema = z.object({ council: z.string().regex(/^[EWSN][0-9]{8}$/), id: uuid });
export const councilParamSchema = z.object({ council: z.string().regex(/^[EWSN][0-9]{8}$/) });
