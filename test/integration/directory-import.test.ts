import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_NEEDS, type DirectoryPackage, stableId, termId } from '../../src/domains/directory/index.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testDatabaseKind } from '../support/test-db.ts';

// Large enough for several write batches (500) and several of the import's re-plans (ADR 0056).
const COUNT = 1_300;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

function bigPackage(): DirectoryPackage {
  const org = stableId('import-test:org');
  const locations = Array.from({ length: COUNT }, (_, i) => ({
    id: stableId(`import-test:location:${i}`),
    location_type: 'physical' as const,
    // Within a few hundred metres of Leicester's LE1 centre, a metre or so apart.
    latitude: 52.6345 + i / 1_000_000,
    longitude: -1.1325,
    addresses: [],
  }));
  return {
    organizations: [{ id: org, name: 'Import test organisation', description: '' }],
    locations,
    taxonomies: [{ id: stableId('taxonomy:needs'), name: 'Bridgework needs (aligned with the LGA esd Needs list)', description: 'needs' }],
    taxonomy_terms: DEMO_NEEDS.map((need) => ({ id: termId(need), taxonomy_id: stableId('taxonomy:needs'), name: need, description: need })),
    services: locations.map((l, i) => ({
      id: stableId(`import-test:service:${i}`),
      organization_id: org,
      name: `Import test service ${i}`,
      description: 'Help with debts.',
      status: 'active' as const,
      phones: [],
      schedules: [],
      service_areas: [],
      contacts: [],
      cost_options: [],
      languages: [],
      service_at_locations: [{ id: stableId(`import-test:sal:${i}`), location_id: l.id }],
      attributes: [{ id: stableId(`import-test:attribute:${i}`), taxonomy_term_id: termId(DEMO_NEEDS[0] ?? '') }],
      bridgework_capacity: 'accepting' as const,
    })),
  };
}

/** The links of the import's services, as (service, location) and (service, term) pairs. */
async function links() {
  const ids = bigPackage().services.map((s) => s.id);
  const locations = await t.testDb.db.owner
    .selectFrom('directory_service_locations' as never)
    .select(['service_id', 'location_id'] as never)
    .where(sql<boolean>`service_id = any(${ids}::uuid[])`)
    .execute();
  const terms = await t.testDb.db.owner
    .selectFrom('directory_service_terms' as never)
    .select(['service_id', 'term_id'] as never)
    .where(sql<boolean>`service_id = any(${ids}::uuid[])`)
    .execute();
  return { locations: locations as { service_id: string; location_id: string }[], terms: terms as { service_id: string; term_id: string }[] };
}

describe(`directory import in batches on ${testDatabaseKind}`, () => {
  test('every service of a package over several batches is written with its links, and progress reaches the total', async () => {
    const pkg = bigPackage();
    const heard: number[] = [];
    const counts = await t.services.directory.importPackage(t.tenants.leicester, { kind: 'system', id: 'test' }, pkg, (done) => heard.push(done));
    expect(counts.services).toBe(COUNT);
    expect(heard).toEqual([500, 1000, 1300]);
    const written = await links();
    expect(written.locations).toHaveLength(COUNT);
    expect(written.terms).toHaveLength(COUNT);
    const read = await t.app.inject({ url: `/oruk/E06000016/services/${pkg.services[COUNT - 1]?.id}` });
    expect(read.statusCode).toBe(200);
    expect((read.json() as { service_at_locations: { location: { id: string } }[] }).service_at_locations[0]?.location.id).toBe(pkg.locations[COUNT - 1]?.id);
  }, 120_000);

  test('importing again replaces a service’s links with those the package gives, in every batch', async () => {
    const pkg = bigPackage();
    const [first, middle, last] = [pkg.services[0], pkg.services[700], pkg.services[COUNT - 1]];
    if (!first || !middle || !last) throw new Error('the package has services');
    // The first service moves to two other places; one in the second batch changes its term; the last loses its links.
    first.service_at_locations = [
      { id: stableId('import-test:sal:moved:1'), location_id: pkg.locations[1]?.id ?? '' },
      { id: stableId('import-test:sal:moved:2'), location_id: pkg.locations[2]?.id ?? '' },
    ];
    middle.attributes = [{ id: stableId('import-test:attribute:changed'), taxonomy_term_id: termId(DEMO_NEEDS[1] ?? '') }];
    last.service_at_locations = [];
    last.attributes = [];
    await t.services.directory.importPackage(t.tenants.leicester, { kind: 'system', id: 'test' }, pkg);
    const written = await links();
    // One more link for the first service, one fewer for the last.
    expect(written.locations).toHaveLength(COUNT);
    expect(written.terms).toHaveLength(COUNT - 1);
    expect(
      written.locations
        .filter((l) => l.service_id === first.id)
        .map((l) => l.location_id)
        .sort(),
    ).toEqual([pkg.locations[1]?.id, pkg.locations[2]?.id].sort());
    expect(written.locations.filter((l) => l.service_id === last.id)).toEqual([]);
    expect(written.terms.filter((x) => x.service_id === middle.id).map((x) => x.term_id)).toEqual([termId(DEMO_NEEDS[1] ?? '')]);
  }, 120_000);

  test('a package whose parts name missing things is refused whole, each problem named by its row', async () => {
    const pkg = bigPackage();
    const bad = pkg.services[900];
    if (!bad) throw new Error('the package has services');
    bad.attributes = [{ id: stableId('import-test:attribute:bad'), taxonomy_term_id: stableId('no such term') }];
    pkg.services = pkg.services.map((s) => ({ ...s, name: `${s.name} (renamed)` }));
    await expect(t.services.directory.importPackage(t.tenants.leicester, { kind: 'system', id: 'test' }, pkg)).rejects.toMatchObject({
      issues: [{ path: 'services.900.attributes.0.taxonomy_term_id', message: 'names no taxonomy term in the package' }],
    });
    const read = await t.app.inject({ url: `/oruk/E06000016/services/${pkg.services[0]?.id}` });
    expect((read.json() as { name: string }).name).toBe('Import test service 0');
  }, 120_000);
  test('a package that moves a place moves, in the search near a point for a type of help, the services there it does not hold', async () => {
    const pkg = bigPackage();
    const service = pkg.services[10];
    const location = pkg.locations[10];
    if (!service || !location) throw new Error('the package has services');
    const term = termId(DEMO_NEEDS[0] ?? '');
    const near = async (postcode: string) => {
      const res = await t.app.inject({ url: `/oruk/E06000016/services?taxonomy_term_id=${term}&postcode=${postcode}&proximity=5000&per_page=50&minimal=true` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { contents: { id: string }[] }).contents.map((c) => c.id);
    };
    // The place moves 7.6 km east of LE1 and back, in packages holding that location only.
    expect(await near('LE1')).toContain(service.id);
    const moved: DirectoryPackage = {
      organizations: [],
      taxonomies: [],
      taxonomy_terms: [],
      services: [],
      locations: [{ ...location, latitude: 52.641, longitude: -1.02 }],
    };
    await t.services.directory.importPackage(t.tenants.leicester, { kind: 'system', id: 'test' }, moved);
    expect(await near('LE1')).not.toContain(service.id);
    await t.services.directory.importPackage(t.tenants.leicester, { kind: 'system', id: 'test' }, { ...moved, locations: [location] });
    expect(await near('LE1')).toContain(service.id);
  }, 120_000);
});
