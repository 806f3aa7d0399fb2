import { type Actor, recordAudit } from '../../platform/audit/index.ts';
import { createVerifiedCache } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../platform/db/index.ts';
import { InvalidInput, NotFound, parseInput } from '../../platform/errors/index.ts';
import { londonIsoDate } from '../../platform/i18n/index.ts';
import { queueNotifications } from '../../platform/notify/index.ts';
import { hsdsFullService, hsdsListService, hsdsLocation, hsdsOrganisation, omitEmpty, packageService } from './directory-hsds.ts';
import {
  allLocations,
  allOrganisations,
  allTaxonomies,
  allTerms,
  fullServices,
  postcodeCentroid,
  type SearchFilter,
  searchServices,
  staleDays,
  tables,
  writePackage,
} from './directory-repo.ts';
import { directoryParameters, freshness, normalisePostcode, type Point, pageEnvelope, pageRequest, reminderDue } from './directory-rules.ts';
import { type DirectoryPackage, directoryPackageSchema, type ServiceSearch, serviceSearchSchema } from './directory-schemas.ts';

export type Council = { id: string; gssCode: string; name: string; nameCy: string };

/** The HSDS version and UK profile this directory publishes (ADR 0033). */
export const HSDS_VERSION = '3.0';
export const UK_PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile';

/**
 * How long a postcode's centre found once is used without asking again. Centres change only when a
 * newer ONS Postcode Directory is loaded (quarterly); an hour saves a statement and a round trip on
 * every search near a postcode (ADR 0059). Unknown postcodes are not remembered, so a postcode
 * loaded later is found at once.
 */
const POSTCODE_CENTRE_SECONDS = 3600;

/**
 * The service directory: the public search and read in the Open Referral UK shape, import and
 * export of a whole directory as one HSDS package, and the freshness reminders.
 */
export function createDirectoryService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  // Councils do not change while the service runs (a new one comes with a deployment): kept once read.
  let councils: Promise<Council[]> | null = null;
  const loadCouncils = () => {
    councils ??= db
      .global((tx) => tx.selectFrom('tenants').select(['id', 'gss_code', 'name', 'name_cy']).orderBy('name').execute())
      .then((rows) => rows.map((r) => ({ id: r.id, gssCode: r.gss_code, name: r.name, nameCy: r.name_cy })))
      .catch((error: unknown) => {
        councils = null;
        throw error;
      });
    return councils;
  };

  const centres = createVerifiedCache<Point>(clock, POSTCODE_CENTRE_SECONDS);

  async function filterOf(tx: Tx, q: ServiceSearch, today: string): Promise<SearchFilter> {
    let near: SearchFilter['near'];
    if (q.postcode) {
      const postcode = normalisePostcode(q.postcode);
      if (!postcode) throw new InvalidInput([{ path: 'postcode', message: 'directory.error.postcode' }], 'The postcode is not a UK postcode.');
      const centre = await centres.through(postcode, async () => {
        const found = await postcodeCentroid(tx, postcode);
        return found ? { value: found } : null;
      });
      if (!centre) throw new InvalidInput([{ path: 'postcode', message: 'directory.error.postcodeUnknown' }], 'The postcode is not one the directory knows.');
      near = { centre, metres: q.proximity ?? directoryParameters(today).defaultProximityMetres.value };
    }
    return {
      text: q.search || undefined,
      termId: q.taxonomy_term_id,
      taxonomyId: q.taxonomy_id,
      organisationId: q.organization_id,
      modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
      near,
    };
  }

  return {
    councils: loadCouncils,

    async council(gssCode: string): Promise<Council> {
      const found = (await loadCouncils()).find((c) => c.gssCode === gssCode);
      if (!found) throw new NotFound('council', gssCode);
      return found;
    },

    /** `GET /services`: one page in the HSDS 3.0 envelope. Input is the raw query; bad input is InvalidInput. */
    async search(tenantId: string, input: unknown, extra: { referableOnly?: boolean } = {}) {
      const q = parseInput(serviceSearchSchema, input);
      const today = londonIsoDate(clock.now());
      const p = directoryParameters(today);
      const page = pageRequest({ page: q.page, perPage: q.per_page }, { size: p.pageSize.value, limit: p.pageSizeLimit.value });
      return db.inTenant(tenantId, async (tx) => {
        const filter = { ...(await filterOf(tx, q, today)), referableOnly: extra.referableOnly };
        const { rows, total } = await searchServices(tx, filter, page);
        const contents = q.minimal ? rows.map((r) => ({ id: r.id, last_modified: r.last_modified.toISOString() })) : rows.map(hsdsListService);
        return { ...pageEnvelope(total, page.page, page.size, rows.length), contents, rows };
      });
    },

    /** `GET /services/{id}`: the fully nested service, read in one statement. */
    async service(tenantId: string, id: string) {
      const [row] = await db.inTenant(tenantId, (tx) => fullServices(tx, { id }));
      if (!row) throw new NotFound('service', id);
      const today = londonIsoDate(clock.now());
      return { hsds: hsdsFullService(row), row, today };
    },

    async taxonomies(tenantId: string) {
      return db.inTenant(tenantId, async (tx) => (await allTaxonomies(tx)).map((x) => omitEmpty({ ...x })));
    },

    async taxonomyTerms(tenantId: string, filter: { taxonomyId?: string; id?: string } = {}) {
      return db.inTenant(tenantId, async (tx) => (await allTerms(tx, filter)).map((x) => omitEmpty({ ...x })));
    },

    /** The whole directory as one package: export, then import elsewhere, gives the same directory. */
    async exportPackage(tenantId: string): Promise<DirectoryPackage> {
      return db.inTenant(tenantId, async (tx) => ({
        organizations: (await allOrganisations(tx)).map((o) => hsdsOrganisation(o)),
        locations: (await allLocations(tx)).map((l) => hsdsLocation({ ...l, link_id: '' })),
        taxonomies: (await allTaxonomies(tx)).map((x) => omitEmpty({ ...x })),
        taxonomy_terms: (await allTerms(tx)).sort((a, b) => a.id.localeCompare(b.id)).map((x) => omitEmpty({ ...x })),
        services: (await fullServices(tx, {})).map(packageService),
      })) as Promise<DirectoryPackage>;
    },

    /**
     * Imports a whole package in one transaction: every object is checked first, and nothing is
     * written unless all of it is. `progress` hears services written so far and the total.
     */
    async importPackage(tenantId: string, actor: Actor, input: unknown, progress: (done: number, total: number) => void = () => {}) {
      const pkg = parseInput(directoryPackageSchema, input);
      checkReferences(pkg);
      return db.inTenant(tenantId, async (tx) => {
        await writePackage(tx, tenantId, pkg, clock.now(), (done) => progress(done, pkg.services.length));
        await recordAudit(tx, tenantId, clock, {
          actor,
          action: 'directory.import',
          recordType: 'directory',
          reason: 'imported a service directory package',
          details: {
            organisations: pkg.organizations.length,
            locations: pkg.locations.length,
            services: pkg.services.length,
            terms: pkg.taxonomy_terms.length,
          },
        });
        return { organisations: pkg.organizations.length, locations: pkg.locations.length, services: pkg.services.length, terms: pkg.taxonomy_terms.length };
      });
    },

    /**
     * The freshness job: in every tenant, the owners of entries older than the tenant's limit are
     * reminded (by the service's email, else its organisation's), at most once each reminder period.
     */
    async remindStale(): Promise<number> {
      const now = clock.now();
      const today = londonIsoDate(now);
      const every = directoryParameters(today).reminderDays.value;
      const counts = await db.eachTenant(async (tx, tenant) => {
        const limit = await staleDays(tx);
        const candidates = await tables(tx)
          .selectFrom('directory_services as s')
          .innerJoin('directory_organisations as o', (j) => j.onRef('o.tenant_id', '=', 's.tenant_id').onRef('o.id', '=', 's.organisation_id'))
          .select(['s.id', 's.name', 's.verified_on', 's.stale_reminded_at', 's.email', 'o.email as organisation_email'])
          .where('s.status', '=', 'active')
          .where((eb) => eb.or([eb('s.verified_on', 'is', null), eb('s.verified_on', '<', londonIsoDate(new Date(now.getTime() - limit * 86_400_000)))]))
          .execute();
        const due = candidates.filter((c) =>
          reminderDue(freshness(c.verified_on, today, limit), c.stale_reminded_at ? londonIsoDate(c.stale_reminded_at) : null, today, every),
        );
        const messages = due.flatMap((c) => {
          const to = c.email ?? c.organisation_email;
          if (!to) return [];
          const f = freshness(c.verified_on, today, limit);
          return [
            {
              tenantId: tenant.id,
              id: newId(now),
              channel: 'email' as const,
              recipient: to,
              template: 'directory-stale',
              subject: `Please check your entry in the ${tenant.name} service directory`,
              body: `${c.name} was ${f.reason === 'never-verified' ? 'never checked' : `last checked ${f.ageDays} days ago`}. Please confirm its details and capacity are right, or tell us what has changed, so that people are not sent to a service that has moved or closed.`,
              language: 'en' as const,
            },
          ];
        });
        await queueNotifications(tx, clock, messages);
        if (due.length > 0) {
          await tables(tx)
            .updateTable('directory_services')
            .set({ stale_reminded_at: now })
            .where(
              'id',
              'in',
              due.map((d) => d.id),
            )
            .execute();
        }
        return messages.length;
      });
      return counts.reduce((a, b) => a + b, 0);
    },

    /** The tenant's freshness limit, for pages that flag stale entries. */
    staleDays: (tenantId: string) => db.inTenant(tenantId, staleDays),
  };
}

/** Every id a package names must be in it (or be the service's own): one clear error rather than a foreign-key failure. */
function checkReferences(pkg: DirectoryPackage): void {
  const issues: { path: string; message: string }[] = [];
  const organisations = new Set(pkg.organizations.map((o) => o.id));
  const locations = new Set(pkg.locations.map((l) => l.id));
  const taxonomies = new Set(pkg.taxonomies.map((x) => x.id));
  const terms = new Set(pkg.taxonomy_terms.map((x) => x.id));
  pkg.locations.forEach((l, i) => {
    if (l.organization_id && !organisations.has(l.organization_id))
      issues.push({ path: `locations.${i}.organization_id`, message: 'names no organization in the package' });
  });
  pkg.taxonomy_terms.forEach((x, i) => {
    if (!taxonomies.has(x.taxonomy_id)) issues.push({ path: `taxonomy_terms.${i}.taxonomy_id`, message: 'names no taxonomy in the package' });
    if (x.parent_id && !terms.has(x.parent_id)) issues.push({ path: `taxonomy_terms.${i}.parent_id`, message: 'names no taxonomy term in the package' });
  });
  pkg.services.forEach((s, i) => {
    if (!organisations.has(s.organization_id)) issues.push({ path: `services.${i}.organization_id`, message: 'names no organization in the package' });
    s.service_at_locations.forEach((l, j) => {
      if (!locations.has(l.location_id))
        issues.push({ path: `services.${i}.service_at_locations.${j}.location_id`, message: 'names no location in the package' });
    });
    s.attributes.forEach((a, j) => {
      if (!terms.has(a.taxonomy_term_id))
        issues.push({ path: `services.${i}.attributes.${j}.taxonomy_term_id`, message: 'names no taxonomy term in the package' });
    });
  });
  for (const [name, ids] of [
    ['organizations', pkg.organizations.map((o) => o.id)],
    ['services', pkg.services.map((s) => s.id)],
  ] as const) {
    if (new Set(ids).size !== ids.length) issues.push({ path: name, message: 'an id is given twice' });
  }
  if (issues.length > 0) throw new InvalidInput(issues.slice(0, 50), `The directory package refers to things it does not hold (${issues.length} problems).`);
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
export type { SearchRow } from './directory-repo.ts';
export { freshness };
