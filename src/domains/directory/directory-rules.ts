import proximityFile from '../../../policy/directory-default-proximity.json' with { type: 'json' };
import pageSizeFile from '../../../policy/directory-page-size.json' with { type: 'json' };
import pageLimitFile from '../../../policy/directory-page-size-limit.json' with { type: 'json' };
import reminderFile from '../../../policy/directory-stale-reminder-days.json' with { type: 'json' };
import { daysBetween } from '../../platform/clock/index.ts';
import { type PolicyValue, parsePolicyParameter, valueAt } from '../../platform/policy/index.ts';
import type { Capacity, ServiceStatus } from './directory.ts';

const PROXIMITY = parsePolicyParameter(proximityFile);
const PAGE_SIZE = parsePolicyParameter(pageSizeFile);
const PAGE_LIMIT = parsePolicyParameter(pageLimitFile);
const REMINDER_DAYS = parsePolicyParameter(reminderFile);

/** The directory's policy values in force on `date` (ISO), each with where it came from. */
export function directoryParameters(date: string): {
  defaultProximityMetres: PolicyValue;
  pageSize: PolicyValue;
  pageSizeLimit: PolicyValue;
  reminderDays: PolicyValue;
} {
  return {
    defaultProximityMetres: valueAt(PROXIMITY, date),
    pageSize: valueAt(PAGE_SIZE, date),
    pageSizeLimit: valueAt(PAGE_LIMIT, date),
    reminderDays: valueAt(REMINDER_DAYS, date),
  };
}

export type Referability = { referable: boolean; reason: 'accepting' | 'waiting-list' | 'closed' | 'not-active'; waitingWeeks: number | null };

/**
 * Whether a service can take a referral now. An active service that is accepting, or keeps a
 * waiting list, can (the waiting list is shown, so the person can choose); a closed or not active one cannot.
 */
export function referability(s: { status: ServiceStatus; capacity: Capacity; waitingWeeks: number | null }): Referability {
  if (s.status !== 'active') return { referable: false, reason: 'not-active', waitingWeeks: null };
  if (s.capacity === 'closed') return { referable: false, reason: 'closed', waitingWeeks: null };
  if (s.capacity === 'waiting-list') return { referable: true, reason: 'waiting-list', waitingWeeks: s.waitingWeeks };
  return { referable: true, reason: 'accepting', waitingWeeks: null };
}

export type Freshness = { stale: boolean; ageDays: number | null; reason: 'never-verified' | 'older-than-limit' | 'fresh' };

/**
 * An entry is stale when nobody has verified it, or its last verification is more than
 * `staleDays` old (a tenant's setting). On the day it reaches the limit it is still fresh.
 */
export function freshness(verifiedOn: string | null, today: string, staleDays: number): Freshness {
  if (verifiedOn === null) return { stale: true, ageDays: null, reason: 'never-verified' };
  const ageDays = daysBetween(verifiedOn, today);
  return ageDays > staleDays ? { stale: true, ageDays, reason: 'older-than-limit' } : { stale: false, ageDays, reason: 'fresh' };
}

/** Whether the owner of a stale entry is due a reminder: never reminded, or reminded `reminderDays` or more ago. */
export function reminderDue(f: Freshness, lastRemindedOn: string | null, today: string, reminderDays: number): boolean {
  if (!f.stale) return false;
  if (lastRemindedOn === null) return true;
  return daysBetween(lastRemindedOn, today) >= reminderDays;
}

export type Point = { latitude: number; longitude: number };

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine, mean Earth radius): good to well under 1% at UK distances. */
export function distanceMetres(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The latitude and longitude box that holds every point within `metres` of `centre`: the
 * database narrows by it with an index before measuring exactly.
 */
export function boundingBox(centre: Point, metres: number): { minLatitude: number; maxLatitude: number; minLongitude: number; maxLongitude: number } {
  const dLat = (metres / EARTH_RADIUS_METRES) * (180 / Math.PI);
  // The widest longitude span is at the box's edge furthest from the equator.
  const furthest = Math.min(89.9, Math.abs(centre.latitude) + dLat);
  const dLon = dLat / Math.cos(radians(furthest));
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLon,
    maxLongitude: centre.longitude + dLon,
  };
}

/** A UK postcode written any way (spaces, case) as stored: capitals, no spaces. Null when it cannot be one. */
export function normalisePostcode(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{1,2}[0-9][A-Z0-9]?([0-9][A-Z]{2})?$/.test(compact) ? compact : null;
}

/** The outward code (district) of a normalised full postcode, or the text itself when it is one. */
export function outwardCode(postcode: string): string {
  return postcode.length >= 5 && /[0-9][A-Z]{2}$/.test(postcode) ? postcode.slice(0, -3) : postcode;
}

/** Page and size as asked, bounded: page from 1, size from 1 to the limit, the default when not asked. */
export function pageRequest(asked: { page?: number | undefined; perPage?: number | undefined }, defaults: { size: number; limit: number }) {
  const page = Math.max(1, Math.floor(asked.page ?? 1));
  const size = Math.min(defaults.limit, Math.max(1, Math.floor(asked.perPage ?? defaults.size)));
  return { page, size, offset: (page - 1) * size };
}

export type PageEnvelope = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
};

/**
 * The HSDS 3.0 page envelope. `size` is the number of items on this page, as the standard
 * defines it; an empty result has one (empty) page.
 */
export function pageEnvelope(totalItems: number, page: number, perPage: number, itemsOnPage: number): PageEnvelope {
  const totalPages = Math.max(1, Math.ceil(totalItems / perPage));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: page,
    size: itemsOnPage,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: totalItems === 0,
  };
}
