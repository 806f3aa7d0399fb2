import { z } from 'zod';
import { InvalidInput, type Issue } from '../../../platform/errors/index.ts';
import { TASK_STATUSES } from '../../../platform/fhir/index.ts';
import { REFERRAL_STATUSES, type ReferralStatus } from '../referral.ts';
import type { ReferralService } from '../referral-service.ts';
import { parseFhir } from './fhir-parse.ts';
import { FHIR_SYSTEMS } from './fhir-resources.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const INCLUDES = ['Task:output', 'Task:focus', 'Task:patient'] as const;
export type Include = (typeof INCLUDES)[number];

type SearchFilter = Parameters<ReferralService['search']>[1];
type TaskSearch = { filter: SearchFilter; none: boolean; includes: Include[]; canonical: URLSearchParams; count: number; offset: number };

/** The parameters every Task search takes, whoever keeps the Tasks. */
const COMMON_PARAMS = ['_id', 'status', 'code', '_lastUpdated', '_count', '_offset', '_format'] as const;
const REFERRAL_PARAMS = [...COMMON_PARAMS, 'patient', 'requester', 'owner', 'focus', '_include'];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const queryShape = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * The checks a Task search's parameters share, for the referral Tasks and any other source of
 * Tasks on /fhir/Task (FhirTaskSource.search): each parameter read once, refused when unknown or
 * malformed (never ignored), the issues gathered and thrown together by `done`. The canonical
 * query (for the Bundle's self and next links) holds every parameter given but the page's.
 */
export function taskQuery(query: unknown, supported: readonly string[]) {
  const q = parseFhir(queryShape, query ?? {}, 'query');
  const issues: Issue[] = [];
  const canonical = new URLSearchParams();
  const known = new Set(supported);
  for (const name of Object.keys(q)) {
    if (!known.has(name)) issues.push({ path: name.slice(0, 100), message: `Bridgework does not support the search parameter ${name.slice(0, 100)} on Task` });
  }
  const one = (name: string): string | undefined => {
    const v = q[name];
    if (Array.isArray(v)) {
      issues.push({ path: name, message: `Give ${name} once; separate several values with commas` });
      return undefined;
    }
    if (v !== undefined) canonical.set(name, v);
    return v;
  };
  const number = (name: string, max: number, fallback: number) => {
    const v = one(name);
    if (v === undefined) return fallback;
    if (!/^\d{1,6}$/.test(v) || Number(v) > max) {
      issues.push({ path: name, message: `${name} must be a whole number from 0 to ${max}` });
      return fallback;
    }
    return Number(v);
  };
  return {
    raw: q,
    issues,
    canonical,
    one,
    /** References may be typed (`Patient/<id>`) or bare ids; anything else names nothing we hold. */
    refs(name: string, type: string): string[] | undefined {
      const v = one(name);
      if (v === undefined) return undefined;
      const ids = v.split(',').map((part) => {
        const id = part.startsWith(`${type}/`) ? part.slice(type.length + 1) : part;
        return UUID.test(id) ? id.toLowerCase() : null;
      });
      if (ids.some((id) => id === null)) {
        issues.push({ path: name, message: `${name} must be ${type}/<id> or an id, comma-separated` });
        return undefined;
      }
      return ids as string[];
    },
    /** `status`: R4 Task status codes, comma-separated (undefined when not given). */
    statuses(): string[] | undefined {
      const status = one('status');
      if (status === undefined) return undefined;
      const codes = status.split(',');
      // Every R4 TaskStatus may be searched for, though a source only ever holds its own.
      if (codes.some((c) => !TASK_STATUSES.includes(c)))
        issues.push({ path: 'status', message: `status must be Task status codes: ${TASK_STATUSES.join(', ')}` });
      return codes;
    },
    /** `code`: false when it names no code but fulfill (the only Tasks kept), so nothing matches. */
    codeMatches(): boolean {
      const code = one('code');
      return code === undefined || code.split(',').some((c) => c === 'fulfill' || c === `${FHIR_SYSTEMS.taskCode}|fulfill`);
    },
    /** `_lastUpdated=gt…|ge…`: the moment a Task must have changed after (stored times are to the millisecond). */
    updatedAfter(): Date | undefined {
      const lastUpdated = one('_lastUpdated');
      if (lastUpdated === undefined) return undefined;
      const match = /^(gt|ge)(.+)$/.exec(lastUpdated);
      const at = match?.[2] && INSTANT.test(match[2]) ? new Date(match[2]) : null;
      if (!match || !at || Number.isNaN(at.getTime())) {
        issues.push({ path: '_lastUpdated', message: '_lastUpdated must be gt or ge followed by an instant, such as gt2026-11-23T09:00:00Z' });
        return undefined;
      }
      // "At or after" is "after one millisecond before".
      return new Date(at.getTime() - (match[1] === 'ge' ? 1 : 0));
    },
    /** `_count` (up to 100, default 20) and `_offset`. */
    page(): { count: number; offset: number } {
      return { count: number('_count', 100, 20), offset: number('_offset', 100_000, 0) };
    },
    /** Checks `_format`, then throws every issue found together; the page's own parameters leave the canonical query. */
    done(): void {
      const format = one('_format');
      if (format !== undefined && !['json', 'application/json', 'application/fhir+json'].includes(format)) {
        issues.push({ path: '_format', message: 'Bridgework answers in JSON only' });
      }
      if (issues.length > 0) throw new InvalidInput(issues, 'The search has parameters Bridgework cannot use');
      canonical.delete('_count');
      canonical.delete('_offset');
    },
  };
}

/** Referral Task search parameters, each checked: an unknown or malformed one is refused, never ignored. */
export function parseTaskSearch(query: unknown): TaskSearch {
  const t = taskQuery(query, REFERRAL_PARAMS);
  const filter: SearchFilter = {};
  let none = false;
  const ids = t.refs('_id', 'Task');
  const focus = t.refs('focus', 'ServiceRequest');
  const both = ids && focus ? ids.filter((i) => focus.includes(i)) : (ids ?? focus);
  if (both) {
    if (both.length === 0) none = true;
    filter.ids = both;
  }
  const patients = t.refs('patient', 'Patient');
  if (patients) filter.personIds = patients;
  const owners = t.refs('owner', 'HealthcareService');
  if (owners) filter.teamIds = owners;
  const requesters = t.refs('requester', 'Organization');
  if (requesters) {
    if (requesters.length === 1) filter.referrerOrganisationId = requesters[0];
    else t.issues.push({ path: 'requester', message: 'requester takes one organisation' });
  }
  const codes = t.statuses();
  if (codes !== undefined) {
    const ours = codes.filter((c): c is ReferralStatus => (REFERRAL_STATUSES as readonly string[]).includes(c));
    if (ours.length === 0) none = true;
    filter.statuses = ours;
  }
  if (!t.codeMatches()) none = true;
  const updatedAfter = t.updatedAfter();
  if (updatedAfter) filter.updatedAfter = updatedAfter;
  const { count, offset } = t.page();
  const includeValues = [t.raw._include ?? []].flat();
  const includes = includeValues.filter((v): v is Include => (INCLUDES as readonly string[]).includes(v));
  if (includes.length !== includeValues.length) t.issues.push({ path: '_include', message: `_include may be ${INCLUDES.join(', ')}` });
  t.done();
  for (const include of includes) t.canonical.append('_include', include);
  return { filter: { ...filter, limit: count, offset }, none, includes, canonical: t.canonical, count, offset };
}
