import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/index.ts';

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** Bridgework's own: whether a service is taking people now (HSDS has only the free-text `wait_time`). */
export const CAPACITIES = ['accepting', 'waiting-list', 'closed'] as const;
export type Capacity = (typeof CAPACITIES)[number];
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type DirectoryTables = {
  directory_organisations: {
    tenant_id: string;
    id: string;
    name: string;
    description: Defaulted<string>;
    email: Optional<string>;
    website: Optional<string>;
  };
  directory_locations: {
    tenant_id: string;
    id: string;
    organisation_id: Optional<string>;
    location_type: LocationType;
    name: Optional<string>;
    description: Optional<string>;
    latitude: Optional<number>;
    longitude: Optional<number>;
    addresses: Json;
  };
  directory_services: {
    tenant_id: string;
    id: string;
    organisation_id: string;
    name: string;
    description: Defaulted<string>;
    url: Optional<string>;
    email: Optional<string>;
    status: ServiceStatus;
    eligibility_description: Optional<string>;
    minimum_age: Optional<number>;
    maximum_age: Optional<number>;
    fees_description: Optional<string>;
    application_process: Optional<string>;
    phones: Json;
    schedules: Json;
    service_areas: Json;
    contacts: Json;
    cost_options: Json;
    languages: Json;
    capacity: Defaulted<Capacity>;
    waiting_weeks: Optional<number>;
    verified_on: Optional<string>;
    verified_by: Optional<string>;
    stale_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    last_modified: Timestamp;
  };
  directory_service_locations: { tenant_id: string; id: string; service_id: string; location_id: string };
  directory_taxonomies: { tenant_id: string; id: string; name: string; description: string; uri: Optional<string>; version: Optional<string> };
  directory_taxonomy_terms: {
    tenant_id: string;
    id: string;
    taxonomy_id: string;
    code: Optional<string>;
    name: string;
    description: string;
    parent_id: Optional<string>;
    term_uri: Optional<string>;
  };
  directory_service_terms: { tenant_id: string; id: string; service_id: string; term_id: string };
  /** Derived (ADR 0056): where each service is, by term, for the search near a point for a type of help. */
  directory_service_places: { tenant_id: string; service_id: string; location_id: string; term_id: string; latitude: number; longitude: number };
};
