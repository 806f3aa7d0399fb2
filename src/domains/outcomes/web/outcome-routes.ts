import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../../../platform/auth/index.ts';
import { DomainError } from '../../../platform/errors/index.ts';
import { toCsv } from '../../../platform/http/csv.ts';
import { formErrors } from '../../../platform/http/pages.ts';
import { PROGRAMMES } from '../../referrals/index.ts';
import { returnCsv } from '../monthly-return.ts';
import { BREAKDOWNS } from '../outcome.ts';
import { type OutcomeService, RETURN_READERS, TENANT_READERS } from '../outcome-service.ts';
import { nationalCsv, nationalPage, returnPage, tenantCsv, tenantPage } from './outcome-presenter.ts';

const VIEWS = 'outcomes/web/views';
type Query = Record<string, string | undefined>;

/** Only the parameters the dashboards take, so a download link repeats exactly the view. */
function queryString(q: Query): string {
  const params = new URLSearchParams();
  for (const k of ['from', 'to', 'team', 'by']) if (typeof q[k] === 'string' && q[k] !== '') params.set(k, q[k] as string);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const invalid = (error: unknown) => error instanceof DomainError && error.code === 'invalid-input';

function sendCsv(reply: FastifyReply, name: string, rows: Parameters<typeof toCsv>[0]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(toCsv(rows));
}

/** The outcomes dashboards: a tenant's (team leads, commissioners) and the national analyst's. */
export function registerOutcomePages(app: FastifyInstance, deps: { outcomes: OutcomeService }): void {
  const { outcomes } = deps;

  async function tenantView(request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply) {
    const user = requireRole(request.principal, [...TENANT_READERS]);
    let query: Query = request.query;
    let errors: ReturnType<typeof formErrors> | undefined;
    let o: Awaited<ReturnType<OutcomeService['tenant']>>;
    try {
      o = await outcomes.tenant(user, query);
    } catch (error) {
      if (!invalid(error)) throw error;
      errors = formErrors((error as DomainError).issues, request.t);
      query = {};
      o = await outcomes.tenant(user, query);
    }
    const t = request.t;
    return reply.page(
      `${VIEWS}/outcomes.njk`,
      {
        title: t('outcomes.title'),
        errors,
        lead: t('outcomes.lead', { threshold: o.threshold.value }),
        filter: {
          from: errors ? (request.query.from ?? '') : o.filter.from,
          to: errors ? (request.query.to ?? '') : o.filter.to,
          teams: [
            { value: '', text: t('outcomes.filter.allTeams') },
            ...o.teams.map((x) => ({ value: x.id, text: x.name, selected: x.id === o.filter.teamId })),
          ],
          by: BREAKDOWNS.map((b) => ({ value: b, text: t(`outcomes.by.${b}`), selected: b === o.filter.by })),
        },
        byLabel: t(`outcomes.by.${o.filter.by}`),
        csvHref: `/outcomes/download.csv${queryString(errors ? {} : query)}`,
        view: tenantPage(t, request.lang, o),
        fidelityHref: '/outcomes/fidelity',
        returnsHref: RETURN_READERS.some((r) => user.roles.includes(r)) ? '/outcomes/returns' : null,
      },
      errors ? 400 : 200,
    );
  }
  app.get<{ Querystring: Query }>('/outcomes', tenantView);
  app.get<{ Querystring: Query }>('/outcomes/download.csv', async (request, reply) => {
    const user = requireRole(request.principal, [...TENANT_READERS]);
    const o = await outcomes.tenant(user, request.query);
    return sendCsv(reply, `outcomes-${o.filter.from}-to-${o.filter.to}.csv`, tenantCsv(request.t, o));
  });

  app.get<{ Querystring: Query }>('/outcomes/national', async (request, reply) => {
    const user = requireRole(request.principal, ['national-analyst']);
    let errors: ReturnType<typeof formErrors> | undefined;
    let query: Query = request.query;
    let o: Awaited<ReturnType<OutcomeService['national']>>;
    try {
      o = await outcomes.national(user, query);
    } catch (error) {
      if (!invalid(error)) throw error;
      errors = formErrors((error as DomainError).issues, request.t);
      query = {};
      o = await outcomes.national(user, query);
    }
    const t = request.t;
    return reply.page(
      `${VIEWS}/national.njk`,
      {
        title: t('outcomes.national.title'),
        errors,
        lead: t('outcomes.lead', { threshold: o.threshold.value }),
        filter: { from: errors ? (request.query.from ?? '') : o.filter.from, to: errors ? (request.query.to ?? '') : o.filter.to },
        csvHref: `/outcomes/national/download.csv${queryString(errors ? {} : query)}`,
        view: nationalPage(t, request.lang, o),
      },
      errors ? 400 : 200,
    );
  });
  app.get<{ Querystring: Query }>('/outcomes/national/download.csv', async (request, reply) => {
    const user = requireRole(request.principal, ['national-analyst']);
    const o = await outcomes.national(user, request.query);
    return sendCsv(reply, `national-outcomes-${o.filter.from}-to-${o.filter.to}.csv`, nationalCsv(o));
  });

  // The monthly return: a page to choose the month and programme, and the return as CSV and JSON.
  app.get<{ Querystring: Query }>('/outcomes/returns', async (request, reply) => {
    const user = requireRole(request.principal, [...RETURN_READERS]);
    const t = request.t;
    let errors: ReturnType<typeof formErrors> | undefined;
    let r: Awaited<ReturnType<OutcomeService['monthlyReturn']>>;
    try {
      r = await outcomes.monthlyReturn(user.tenantId, request.query);
    } catch (error) {
      if (!invalid(error)) throw error;
      errors = formErrors((error as DomainError).issues, t);
      r = await outcomes.monthlyReturn(user.tenantId, {});
    }
    const params = errors ? '' : `?month=${r.month}${r.programme === 'all' ? '' : `&programme=${r.programme}`}`;
    return reply.page(
      `${VIEWS}/returns.njk`,
      {
        title: t('outcomes.returns.title'),
        errors,
        month: errors ? (request.query.month ?? '') : r.month,
        programmes: ['all', ...PROGRAMMES].map((p) => ({
          value: p === 'all' ? '' : p,
          text: t(`outcomes.returns.programme.${p}`),
          selected: p === r.programme,
        })),
        csvHref: `/outcomes/returns/download.csv${params}`,
        jsonHref: `/outcomes/returns/download.json${params}`,
        view: returnPage(t, request.lang, r),
      },
      errors ? 400 : 200,
    );
  });
  app.get<{ Querystring: Query }>('/outcomes/returns/download.csv', async (request, reply) => {
    const user = requireRole(request.principal, [...RETURN_READERS]);
    const r = await outcomes.monthlyReturn(user.tenantId, request.query);
    return sendCsv(reply, `monthly-return-${r.area.gssCode}-${r.programme}-${r.month}.csv`, returnCsv(r));
  });
  app.get<{ Querystring: Query }>('/outcomes/returns/download.json', async (request, reply) => {
    const user = requireRole(request.principal, [...RETURN_READERS]);
    const r = await outcomes.monthlyReturn(user.tenantId, request.query);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="monthly-return-${r.area.gssCode}-${r.programme}-${r.month}.json"`)
      .send(JSON.stringify(r, null, 2));
  });
}
