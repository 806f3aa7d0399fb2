import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stableId, termId } from '../../src/domains/directory/index.ts';
import { listOutbox } from '../../src/platform/notify/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

/**
 * The public directory API checked against the Open Referral UK rules as they are published:
 * the compliance page (open access with no key, one API stub per publisher, CORS `*` on every
 * response), the HSDS 3.0 OpenAPI (the three required endpoints, the page envelope, the query
 * parameters) and the HSDS 3.0 schemas (required fields, types, formats, enums; optional fields
 * left out rather than null), and the ORUK validator's level 1 (each listed id resolves, pages
 * paginate, `total_pages` is an integer, the first ten pages sampled).
 */

// The fields of an HSDS 3.0 service this API emits, with the type and format the standard's schema gives each.
const SERVICE_FIELDS: Record<
  string,
  { type: 'string' | 'number' | 'array' | 'object'; format?: 'uuid' | 'uri' | 'email' | 'date-time' | 'date'; values?: readonly string[] }
> = {
  id: { type: 'string', format: 'uuid' },
  organization_id: { type: 'string', format: 'uuid' },
  name: { type: 'string' },
  description: { type: 'string' },
  url: { type: 'string', format: 'uri' },
  email: { type: 'string', format: 'email' },
  status: { type: 'string', values: ['active', 'inactive', 'defunct', 'temporarily closed'] },
  eligibility_description: { type: 'string' },
  minimum_age: { type: 'number' },
  maximum_age: { type: 'number' },
  fees_description: { type: 'string' },
  application_process: { type: 'string' },
  assured_date: { type: 'string', format: 'date' },
  assurer_email: { type: 'string', format: 'email' },
  last_modified: { type: 'string', format: 'date-time' },
  phones: { type: 'array' },
  schedules: { type: 'array' },
  service_areas: { type: 'array' },
  service_at_locations: { type: 'array' },
  languages: { type: 'array' },
  organization: { type: 'object' },
  cost_options: { type: 'array' },
  contacts: { type: 'array' },
  attributes: { type: 'array' },
};
const REQUIRED = ['id', 'name', 'status'];
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  uri: /^https?:\/\/\S+$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};

/** Problems with one service against the HSDS 3.0 service schema and the UK profile's "omit, never null". */
function serviceProblems(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED) if (!(key in s)) problems.push(`${key} is required`);
  for (const [key, value] of Object.entries(s)) {
    if (key.startsWith('bridgework_')) continue; // local properties, prefixed as the UK profile recommends
    const rule = SERVICE_FIELDS[key];
    if (!rule) {
      problems.push(`${key} is not an HSDS service field`);
      continue;
    }
    if (value === null || value === '') problems.push(`${key} is empty: leave it out instead`);
    const type = Array.isArray(value) ? 'array' : typeof value;
    if (type !== rule.type) problems.push(`${key} is ${type}, not ${rule.type}`);
    if (rule.format && typeof value === 'string' && !FORMATS[rule.format]?.test(value)) problems.push(`${key} is not a ${rule.format}`);
    if (rule.values && !rule.values.includes(String(value))) problems.push(`${key} is not one of ${rule.values.join(', ')}`);
  }
  for (const link of (s.service_at_locations as Record<string, unknown>[] | undefined) ?? []) {
    if (!FORMATS.uuid?.test(String(link.id))) problems.push('service_at_location.id is not a uuid');
    const location = link.location as Record<string, unknown> | undefined;
    if (location && !['physical', 'postal', 'virtual'].includes(String(location.location_type)))
      problems.push('location.location_type is not physical, postal or virtual');
  }
  for (const a of (s.attributes as Record<string, unknown>[] | undefined) ?? []) {
    if (!FORMATS.uuid?.test(String(a.id)) || !FORMATS.uuid?.test(String(a.taxonomy_term_id))) problems.push('attribute ids are not uuids');
  }
  return problems;
}

const PAGE_KEYS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, headers: res.headers, body: res.body, json: () => res.json() as Record<string, unknown> };
};
type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
};
const page = async (url: string) => {
  const res = await get(url);
  expect(res.status, `${url}: ${res.body}`).toBe(200);
  return res.json() as unknown as Page;
};

const FEED = '/oruk/E06000016';
const debtTerm = termId('Debt and money advice');

describe(`the Open Referral UK API on ${testDatabaseKind}`, () => {
  test('openness: every endpoint answers with no sign-in or key, with Access-Control-Allow-Origin: *, errors included', async () => {
    const first = (await page(`${FEED}/services`)).contents[0];
    const urls = [
      '/oruk',
      FEED,
      `${FEED}/openapi.json`,
      `${FEED}/services`,
      `${FEED}/services/${first?.id}`,
      `${FEED}/taxonomies`,
      `${FEED}/taxonomy_terms`,
      `${FEED}/taxonomy_terms/${debtTerm}`,
      `${FEED}/services/00000000-0000-4000-8000-000000000000`,
      `${FEED}/services?page=abc`,
      '/oruk/E99999999/services',
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.status, url).not.toBe(401);
      expect(res.status, url).toBeLessThan(500);
      expect(String(res.headers['content-type']), url).toMatch(/json/);
    }
  });

  test('GET / gives the HSDS version, the profile and the OpenAPI document’s address, under the one stub', async () => {
    const meta = (await get(FEED)).json();
    expect(meta.version).toBe('3.0');
    expect(String(meta.profile)).toMatch(/^https:\/\//);
    expect(meta.openapi_url).toBe(`http://localhost:3000${FEED}/openapi.json`);
    const openapi = (await get(`${FEED}/openapi.json`)).json() as { paths: Record<string, unknown>; servers: { url: string }[] };
    expect(openapi.servers[0]?.url).toBe(`http://localhost:3000${FEED}`);
    // The three required endpoints, and the optional ones this feed answers.
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/', '/services', '/services/{id}', '/taxonomies', '/taxonomy_terms']));
    const feeds = (await get('/oruk')).json() as { feeds: { identifier: string; url: string }[] };
    expect(feeds.feeds.map((f) => f.identifier).sort()).toEqual(['E06000016', 'W06000015']);
  });

  test('level 1: /services paginates with the HSDS 3.0 envelope, and every listed id resolves at /services/{id} (first ten pages)', async () => {
    const one = await page(`${FEED}/services?per_page=2`);
    expect(Object.keys(one).sort()).toEqual([...PAGE_KEYS].sort());
    expect(Number.isInteger(one.total_pages)).toBe(true);
    expect(one.total_items).toBe(6);
    expect(one.total_pages).toBe(3);
    expect(one).toMatchObject({ page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    const seen = new Set<string>();
    for (let n = 1; n <= Math.min(10, one.total_pages); n++) {
      const p = await page(`${FEED}/services?per_page=2&page=${n}`);
      expect(p.page_number).toBe(n);
      expect(p.last_page).toBe(n === one.total_pages);
      for (const s of p.contents) {
        expect(serviceProblems(s), String(s.id)).toEqual([]);
        expect(seen.has(String(s.id)), 'ids are unique across pages').toBe(false);
        seen.add(String(s.id));
        const full = await get(`${FEED}/services/${s.id}`);
        expect(full.status).toBe(200);
        expect(full.json().id).toBe(s.id);
      }
    }
    expect(seen.size).toBe(one.total_items);
    const past = await page(`${FEED}/services?per_page=2&page=9`);
    expect(past).toMatchObject({ total_items: 6, page_number: 9, size: 0, last_page: true, empty: false, contents: [] });
  });

  test('a full service is fully nested and valid against the HSDS 3.0 service schema, optional fields left out', async () => {
    const id = stableId('E06000016:service:money');
    const s = (await get(`${FEED}/services/${id}`)).json();
    expect(serviceProblems(s)).toEqual([]);
    expect(s).toMatchObject({ id, name: 'City Money Advice Centre', status: 'active', bridgework_capacity: 'accepting' });
    expect((s.organization as Record<string, unknown>).name).toBe('City Money Advice Centre');
    const [link] = s.service_at_locations as { location: Record<string, unknown> }[];
    expect(link?.location).toMatchObject({ location_type: 'physical' });
    const [attribute] = s.attributes as { taxonomy_term: Record<string, unknown>; link_entity: string }[];
    expect(attribute).toMatchObject({ link_entity: 'service', taxonomy_term: { id: debtTerm, name: 'Debt and money advice' } });
    expect(s).not.toHaveProperty('url');
    expect(JSON.stringify(s)).not.toContain('null');
  });

  test('the waiting list and closed services carry Bridgework’s capacity fields, prefixed', async () => {
    const waiting = (await get(`${FEED}/services/${stableId('E06000016:service:money-east')}`)).json();
    expect(waiting).toMatchObject({ bridgework_capacity: 'waiting-list', bridgework_waiting_weeks: 3 });
    const closed = (await get(`${FEED}/services/${stableId('E06000016:service:money-closed')}`)).json();
    expect(closed.bridgework_capacity).toBe('closed');
    expect(closed).not.toHaveProperty('bridgework_waiting_weeks');
  });

  test('level 2 filters: text, taxonomy term, taxonomy, organisation, modified_after, postcode with proximity, minimal', async () => {
    const names = async (query: string) => (await page(`${FEED}/services?${query}`)).contents.map((s) => s.name);
    expect(await names('search=debt')).toEqual(['City Money Advice Centre', 'East Leicester Debt Clinic', 'Westcotes Debt Drop-in']);
    expect(await names('search=bailiffs')).toEqual(['City Money Advice Centre']);
    expect(await names('search=nothing+matches+this')).toEqual([]);
    expect(await names(`taxonomy_term_id=${termId('Housing advice')}`)).toEqual(['Housing Options Advice']);
    expect((await names(`taxonomy_id=${stableId('taxonomy:needs')}`)).length).toBe(6);
    expect(await names(`organization_id=${stableId('E06000016:org:recovery')}`)).toEqual(['Recovery Hub Leicester']);
    expect((await names('modified_after=2026-11-23T08:00:00Z')).length).toBe(6);
    expect(await names('modified_after=2026-11-24T00:00:00Z')).toEqual([]);
    // Nearest first from LE5 (the east): the east clinic, then the centre.
    const near = await page(`${FEED}/services?postcode=LE5%201AA&proximity=4000&taxonomy_term_id=${debtTerm}`);
    expect(near.contents.map((s) => s.name)).toEqual(['East Leicester Debt Clinic', 'City Money Advice Centre']);
    const distances = near.contents.map((s) => Number(s.bridgework_distance_metres));
    expect(distances[0]).toBeLessThan(distances[1] ?? 0);
    expect(distances[1]).toBeLessThanOrEqual(4000);
    // Within 1 km of LE5 only the east clinic.
    expect(await names('postcode=le5&proximity=1000')).toEqual(['East Leicester Debt Clinic']);
    const minimal = await page(`${FEED}/services?minimal=true&per_page=1`);
    expect(Object.keys(minimal.contents[0] ?? {}).sort()).toEqual(['id', 'last_modified']);
  });

  test('bad input is a 4xx problem, never a 500; unknown records are 404', async () => {
    for (const [url, status] of [
      [`${FEED}/services?page=abc`, 422],
      [`${FEED}/services?per_page=-1`, 422],
      [`${FEED}/services?modified_after=yesterday`, 422],
      [`${FEED}/services?taxonomy_term_id=debt`, 422],
      [`${FEED}/services?postcode=NOTAPOSTCODE`, 422],
      [`${FEED}/services?postcode=ZZ99%209ZZ`, 422],
      [`${FEED}/services/not-a-uuid`, 422],
      [`${FEED}/services/00000000-0000-4000-8000-000000000000`, 404],
      [`${FEED}/taxonomy_terms/00000000-0000-4000-8000-000000000000`, 404],
      ['/oruk/E99999999/services', 404],
      ['/oruk/leicester/services', 422],
    ] as const) {
      const res = await get(url);
      expect(res.status, `${url}: ${res.body}`).toBe(status);
      expect(String(res.headers['content-type'])).toContain('application/problem+json');
    }
  });

  test('each council’s feed holds its own directory only', async () => {
    const cardiff = await page('/oruk/W06000015/services');
    expect(cardiff.contents.map((s) => s.name)).toEqual(['Cardiff Housing Help', 'Cyngor Arian Caerdydd – Cardiff Money Advice']);
    expect((await get(`/oruk/W06000015/services/${stableId('E06000016:service:money')}`)).status).toBe(404);
  });

  test('taxonomies and terms come in the page envelope', async () => {
    const taxonomies = await page(`${FEED}/taxonomies`);
    expect(taxonomies.contents).toHaveLength(1);
    expect(taxonomies.contents[0]).toMatchObject({ id: stableId('taxonomy:needs'), uri: 'https://standards.esd.org.uk/?uri=list%2Fneeds' });
    const terms = await page(`${FEED}/taxonomy_terms?top_only=true`);
    expect(terms.total_items).toBe(6);
    expect((await get(`${FEED}/taxonomy_terms/${debtTerm}`)).json()).toMatchObject({ name: 'Debt and money advice' });
  });
});

describe(`the public find-a-service pages on ${testDatabaseKind}`, () => {
  test('search by words, type of help and postcode, in English and Welsh', async () => {
    const start = await get('/find-a-service');
    expect(start.status).toBe(200);
    expect(start.body).toContain('Find a local service');
    const found = await get(`/find-a-service?council=E06000016&q=debt&term=${debtTerm}&postcode=LE5+1AA`);
    expect(found.status).toBe(200);
    expect(found.body).toContain('3 services found');
    expect(found.body.indexOf('East Leicester Debt Clinic')).toBeLessThan(found.body.indexOf('City Money Advice Centre'));
    expect(found.body).toContain('Waiting list: about 3 weeks');
    expect(found.body).toContain('Not taking new people');
    const welsh = await t.app.inject({ method: 'GET', url: `/find-a-service?council=E06000016&q=debt`, cookies: { bw_lang: 'cy' } });
    expect(welsh.body).toContain('Daethpwyd o hyd i 3 o wasanaethau');
  });

  test('a bad postcode is shown in the error summary, not a failure', async () => {
    const res = await get('/find-a-service?council=E06000016&q=debt&postcode=nonsense');
    expect(res.status).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Enter a real postcode');
  });

  test('a service’s page says whether it takes people, when it was checked, and flags a stale entry', async () => {
    const fresh = await get(`/find-a-service/E06000016/${stableId('E06000016:service:money')}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toContain('Accepting referrals');
    expect(fresh.body).not.toContain('Not checked for');
    const stale = await get(`/find-a-service/E06000016/${stableId('E06000016:service:money-closed')}`);
    expect(stale.body).toContain('Not checked for 400 days');
    const never = await get(`/find-a-service/E06000016/${stableId('E06000016:service:carers')}`);
    expect(never.body).toContain('Never checked');
  });
});

describe(`freshness reminders on ${testDatabaseKind}`, () => {
  test('owners of stale entries are emailed once a reminder period, through the outbox', async () => {
    expect(await t.services.directory.remindStale()).toBe(2);
    const mail = (await listOutbox(t.services.db, t.tenants.leicester)).filter((m) => m.template === 'directory-stale');
    expect(mail.map((m) => m.recipient).sort()).toEqual(['dropin@westcotes.example', 'support@leicestercarers.example']);
    expect(mail.find((m) => m.recipient === 'dropin@westcotes.example')?.body).toContain('last checked 400 days ago');
    // Not again the next day; again after the reminder period (30 days, from policy).
    t.clock.advance(24 * 3600_000);
    expect(await t.services.directory.remindStale()).toBe(0);
    t.clock.advance(30 * 24 * 3600_000);
    expect(await t.services.directory.remindStale()).toBe(2);
  });
});
