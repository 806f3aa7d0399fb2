import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Issue } from '../../../platform/errors/index.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { freshness, referability } from '../directory-rules.ts';
import type { Council, DirectoryService, SearchRow } from '../directory-service.ts';

const VIEWS = 'directory/web/views';
const METRES_PER_MILE = 1609.344;

type FindQuery = { council?: string; q?: string; term?: string; postcode?: string; page?: string };

/** A service's capacity in words and the tag colour it is shown with. */
export function capacityTag(t: Translate, s: Parameters<typeof referability>[0]) {
  const r = referability(s);
  const text =
    r.reason === 'waiting-list' ? t('directory.capacity.waiting-list', { weeks: String(r.waitingWeeks ?? '?') }) : t(`directory.capacity.${r.reason}`);
  const classes = r.reason === 'accepting' ? 'govuk-tag--green' : r.reason === 'waiting-list' ? 'govuk-tag--yellow' : 'govuk-tag--grey';
  return { text, classes };
}

export function staleText(t: Translate, verifiedOn: string | null, today: string, staleDays: number): string | null {
  const f = freshness(verifiedOn, today, staleDays);
  if (!f.stale) return null;
  return f.ageDays === null ? t('directory.staleNever') : t('directory.stale', { days: String(f.ageDays) });
}

/** One result as the results list shows it. */
export function resultItem(t: Translate, href: string, r: SearchRow) {
  return {
    href,
    name: r.name,
    description: r.description.length > 240 ? `${r.description.slice(0, 237)}…` : r.description,
    capacity: capacityTag(t, { status: r.status, capacity: r.capacity, waitingWeeks: r.waiting_weeks }),
    distance: r.distance_metres === null ? null : t('directory.find.distance', { miles: (r.distance_metres / METRES_PER_MILE).toFixed(1) }),
  };
}

/**
 * The public pages: find a service (a council, words, a type of help, a postcode) and a service's
 * page. No sign-in, in English and Welsh, over the same search as the Open Referral UK API.
 */
export function registerDirectoryPages(app: FastifyInstance, deps: { directory: DirectoryService }): void {
  const { directory } = deps;

  const councilItems = (councils: Council[], lang: string, selected?: string) =>
    councils.map((c) => ({ value: c.gssCode, text: lang === 'cy' ? c.nameCy || c.name : c.name, selected: c.gssCode === selected }));

  app.get<{ Querystring: FindQuery }>('/find-a-service', async (request, reply) => {
    const q = request.query;
    const councils = await directory.councils();
    const council = councils.find((c) => c.gssCode === q.council) ?? councils[0];
    if (!council) return reply.page(`${VIEWS}/find.njk`, { title: request.t('directory.find.title'), councils: [], values: {} });
    const terms = await directory.taxonomyTerms(council.id);
    const searched = q.q !== undefined || q.term !== undefined || q.postcode !== undefined;
    const context: Record<string, unknown> = {
      title: request.t('directory.find.title'),
      councils: councilItems(councils, request.lang, council.gssCode),
      terms: [{ value: '', text: request.t('directory.find.anyTerm') }, ...terms.map((x) => ({ value: x.id, text: x.name, selected: x.id === q.term }))],
      values: { q: q.q ?? '', postcode: q.postcode ?? '' },
      feed: `/oruk/${council.gssCode}`,
    };
    if (!searched) return reply.page(`${VIEWS}/find.njk`, context);
    try {
      const page = Number.parseInt(q.page ?? '1', 10) || 1;
      const result = await directory.search(council.id, {
        search: q.q || undefined,
        taxonomy_term_id: q.term || undefined,
        postcode: q.postcode?.trim() || undefined,
        page: String(page),
        per_page: '20',
      });
      const link = (p: number) =>
        `/find-a-service?${new URLSearchParams({ council: council.gssCode, q: q.q ?? '', term: q.term ?? '', postcode: q.postcode ?? '', page: String(p) })}`;
      return reply.page(`${VIEWS}/find.njk`, {
        ...context,
        searched: true,
        count: request.t('directory.find.results', { count: String(result.total_items) }),
        results: result.rows.map((r) => resultItem(request.t, `/find-a-service/${council.gssCode}/${r.id}`, r)),
        previous: result.first_page ? null : link(page - 1),
        next: result.last_page ? null : link(page + 1),
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.issues.length === 0) throw error;
      const issues: Issue[] = error.issues.map((i) => (i.path === 'search' ? { path: 'q', message: 'directory.error.search' } : i));
      return reply.page(`${VIEWS}/find.njk`, { ...context, errors: formErrors(issues, request.t) }, 400);
    }
  });

  app.get<{ Params: { council: string; id: string } }>('/find-a-service/:council/:id', async (request, reply) => {
    const council = await directory.council(request.params.council);
    const { hsds, row, today } = await directory.service(council.id, request.params.id);
    const staleDays = await directory.staleDays(council.id);
    return reply.page(`${VIEWS}/service.njk`, {
      title: row.name,
      ...serviceView(request, hsds, row, today, staleDays),
      back: request.headers.referer?.includes('/find-a-service?') ? request.headers.referer : `/find-a-service?council=${council.gssCode}`,
    });
  });
}

type Hsds = Awaited<ReturnType<DirectoryService['service']>>['hsds'];
type Row = Awaited<ReturnType<DirectoryService['service']>>['row'];

/** The summary rows of a service's page (also used by the specialist's choice of service). */
export function serviceView(request: FastifyRequest, hsds: Hsds, row: Row, today: string, staleDays: number) {
  const t = request.t;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const rows: { key: { text: string }; value: { text?: string; html?: string } }[] = [];
  const add = (key: string, value: string | null | undefined) => {
    if (value) rows.push({ key: { text: t(key) }, value: { text: value } });
  };
  add('directory.service.organisation', hsds.organization ? text(hsds.organization.name) : null);
  add('directory.service.eligibility', row.eligibility_description);
  const { minimum_age: min, maximum_age: max } = row;
  add(
    'directory.service.ages',
    min !== null && max !== null
      ? t('directory.service.agesRange', { min: String(min), max: String(max) })
      : min !== null
        ? t('directory.service.agesFrom', { min: String(min) })
        : max !== null
          ? t('directory.service.agesTo', { max: String(max) })
          : null,
  );
  const costs = (hsds.cost_options as Record<string, unknown>[]).map((c) => text(c.amount_description) || text(c.option)).filter(Boolean);
  add('directory.service.cost', row.fees_description ?? (costs.length ? costs.join('; ') : null));
  add(
    'directory.service.where',
    hsds.service_at_locations
      .map((l) => {
        const a = ((l.location.addresses as Record<string, unknown>[] | undefined) ?? [])[0];
        return [l.location.name, a ? [a.address_1, a.city, a.postal_code].filter(Boolean).join(', ') : null].filter(Boolean).join(': ');
      })
      .filter(Boolean)
      .join('; '),
  );
  add(
    'directory.service.when',
    (hsds.schedules as Record<string, unknown>[])
      .map((s) => text(s.description) || [text(s.byday), text(s.opens_at), text(s.closes_at)].filter(Boolean).join(' '))
      .filter(Boolean)
      .join('; '),
  );
  add(
    'directory.service.languages',
    (hsds.languages as Record<string, unknown>[])
      .map((l) => text(l.name))
      .filter(Boolean)
      .join(', '),
  );
  const phones = [...(hsds.phones as Record<string, unknown>[]).map((p) => text(p.number)), row.email ?? ''].filter(Boolean);
  add('directory.service.contact', phones.join(', '));
  add('directory.service.website', row.url);
  add('directory.service.apply', row.application_process);
  add(
    'directory.service.verified',
    row.verified_on
      ? row.verified_by
        ? t('directory.service.verifiedBy', { date: formatIsoDate(row.verified_on, request.lang), who: row.verified_by })
        : formatIsoDate(row.verified_on, request.lang)
      : t('directory.staleNever'),
  );
  return {
    description: row.description,
    capacity: capacityTag(t, { status: row.status, capacity: row.capacity, waitingWeeks: row.waiting_weeks }),
    stale: staleText(t, row.verified_on, today, staleDays),
    rows,
  };
}
