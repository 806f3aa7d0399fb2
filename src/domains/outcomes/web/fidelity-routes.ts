import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, requireRole } from '../../../platform/auth/index.ts';
import { lineChart } from '../../../platform/charts/index.ts';
import { type Issue, parseInput } from '../../../platform/errors/index.ts';
import { combineDates, dateInput, type Field, formBody, formIssues, idParam, input, radios, textarea, withErrors } from '../../../platform/http/form-fields.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { FIDELITY_ITEMS, FIDELITY_KEYS, FIDELITY_SECTIONS, FIDELITY_SOURCE } from '../fidelity-scale.ts';
import { FIDELITY_READERS, type FidelityReview, type FidelityScope, type FidelityService, type TeamMeasures } from '../fidelity-service.ts';
import { fidelityListSchema } from '../outcome-schemas.ts';

const VIEWS = 'outcomes/web/views';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Figure = { figure: number | null; people: number; suggested: number | null; fewerThan?: number };
const none = (m: Figure) => m.figure === null || m.people === 0;
/** A measured figure in words, or what there was nothing of. */
export const figureText = (t: Translate, measure: string, m: Figure): string =>
  m.fewerThan
    ? t('fidelity.measureFew', { n: m.fewerThan })
    : none(m)
      ? t(`fidelity.measureNone.${measure}`)
      : t(`fidelity.measure.${measure}`, { figure: m.figure ?? 0, people: m.people });
/** The figure as the form shows it, with the score it suggests. */
export function measuredText(t: Translate, measure: string, m: Figure): string {
  return none(m)
    ? t('fidelity.form.notMeasured', { what: figureText(t, measure, m) })
    : t('fidelity.form.measured', { figure: figureText(t, measure, m), score: m.suggested ?? '–' });
}

/** The posted form as the service takes it: every item in the scale's order, so an issue's index names its item. */
export function reviewFromForm(body: Record<string, unknown>, teamId: string) {
  const v = combineDates(body, ['reviewedOn']);
  return {
    teamId,
    reviewedOn: v.reviewedOn,
    reviewer: v.reviewer ?? '',
    items: FIDELITY_KEYS.map((key) => ({ key, score: body[`${key}-score`], evidence: body[`${key}-evidence`] ?? '', action: body[`${key}-action`] ?? '' })),
  };
}

/** Issues about `items.N.field` become issues on the form's `<key>-field`. */
export function formPaths(issues: readonly Issue[]): Issue[] {
  return issues.map((i) => {
    const m = /^items\.(\d+)\.(score|evidence|action)$/.exec(i.path);
    const key = m ? FIDELITY_KEYS[Number(m[1])] : undefined;
    return key && m ? { ...i, path: `${key}-${m[2]}` } : i;
  });
}

/** IPS fidelity reviews: the list with scores over time, a review, and the form that records one. */
export function registerFidelityPages(app: FastifyInstance, deps: { fidelity: FidelityService }): void {
  const { fidelity } = deps;
  const scopeOf = async (request: FastifyRequest): Promise<FidelityScope & { actor: ReturnType<typeof actorOf> }> => {
    const user = requireRole(request.principal, [...FIDELITY_READERS]);
    return { ...(await fidelity.scopeOf(user)), actor: actorOf(user) };
  };

  app.get<{ Querystring: { team?: string } }>('/outcomes/fidelity', async (request, reply) => {
    const scope = await scopeOf(request);
    const t = request.t;
    // `?team=` keeps to one team's reviews, so a team's history has an address of its own.
    const { team } = parseInput(fidelityListSchema, request.query);
    const reviews = await fidelity.list(scope, team || null);
    const p = fidelity.parameters();
    // Scores over time: one line per team, x the review dates in order across every team.
    const dates = [...new Set(reviews.map((r) => r.reviewedOn))].sort();
    const byTeam = [...new Set(reviews.map((r) => r.teamName))];
    const chart = reviews.length
      ? lineChart({
          id: 'fidelity-chart',
          title: t('fidelity.overTime.title'),
          description: t('fidelity.overTime.description'),
          xLabel: t('fidelity.overTime.date'),
          yLabel: t('fidelity.overTime.total'),
          series: byTeam.map((team, i) => ({
            label: team,
            pattern: (['solid', 'dashed', 'dotted', 'dash-dot'] as const)[i % 4] ?? 'solid',
            points: reviews
              .filter((r) => r.teamName === team)
              .map((r) => ({ x: dates.indexOf(r.reviewedOn), y: r.total }))
              .sort((a, b) => a.x - b.x),
          })),
          xTicks: dates.map((_, i) => i),
          xFormat: (x) => (dates[x] ? formatIsoDate(dates[x], request.lang) : ''),
        })
      : null;
    return reply.page(`${VIEWS}/fidelity-list.njk`, {
      title: t('fidelity.title'),
      lead: [
        t('fidelity.lead'),
        t('fidelity.bands', { exemplary: p.exemplary, good: p.good, goodTo: p.exemplary - 1, fair: p.fair, fairTo: p.good - 1, notIps: p.fair - 1 }),
      ],
      chart,
      rows: reviews.map((r) => [
        { html: `<a class="govuk-link" href="/outcomes/fidelity/${r.id}">${escapeHtml(r.teamName)}</a>` },
        { text: formatIsoDate(r.reviewedOn, request.lang) },
        { text: String(r.total), format: 'numeric' },
        { text: t(`fidelity.band.${r.band}`) },
        { text: r.reviewer },
      ]),
      source: t('fidelity.source', { source: FIDELITY_SOURCE.title }),
      sourceUrl: FIDELITY_SOURCE.url,
    });
  });

  /** The review form for one team, filled in from what was typed or, first time, from the measured items. */
  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: FidelityScope,
    teamId: string,
    values: Record<string, unknown>,
    issues: readonly Issue[] = [],
  ) {
    const t = request.t;
    const [teams, measures] = await Promise.all([fidelity.teams(scope), fidelity.measures(scope, teamId)]);
    const team = teams.find((x) => x.id === teamId);
    const p = fidelity.parameters();
    const state = { values };
    const scores = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: String(n) }));
    const top: Field[] = [
      dateInput(state, 'reviewedOn', t('fidelity.form.reviewedOn'), t, { hint: t('fidelity.form.reviewedOnHint') }),
      input(state, 'reviewer', t('fidelity.form.reviewer'), { hint: t('fidelity.form.reviewerHint'), width: 20 }),
    ];
    const itemFields = FIDELITY_ITEMS.flatMap((item) => {
      const measure = 'measured' in item ? item.measured : null;
      const hint = `${t(`fidelity.item.${item.key}.full`)}${measure ? ` ${measuredText(t, measure, (measures as TeamMeasures)[measure])}` : ''}`;
      return [
        radios(state, `${item.key}-score`, `${FIDELITY_KEYS.indexOf(item.key) + 1}. ${t(`fidelity.item.${item.key}`)}`, scores, { inline: true, hint }),
        textarea(state, `${item.key}-evidence`, t('fidelity.form.evidence'), { rows: 2 }),
        textarea(state, `${item.key}-action`, t('fidelity.form.action'), { rows: 2, hint: t('fidelity.form.actionHint', { below: p.actionBelow }) }),
      ];
    });
    const { fields, errors } = withErrors([...top, ...itemFields], formPaths(issues), t);
    const named = new Map(fields.map((f) => [f.name, f]));
    return reply.page(
      `${VIEWS}/fidelity-form.njk`,
      {
        title: t('fidelity.form.title'),
        caption: team?.name,
        errors: issues.length ? errors : undefined,
        action: `/outcomes/fidelity/new?team=${teamId}`,
        top: fields.slice(0, top.length),
        sections: FIDELITY_SECTIONS.map((s) => ({
          title: t(`fidelity.section.${s}`),
          items: FIDELITY_ITEMS.filter((i) => i.section === s).map((i) => ['score', 'evidence', 'action'].map((f) => named.get(`${i.key}-${f}`))),
        })),
        source: t('fidelity.source', { source: FIDELITY_SOURCE.title }),
        sourceUrl: FIDELITY_SOURCE.url,
      },
      issues.length ? 400 : 200,
    );
  }

  app.get<{ Querystring: { team?: string } }>('/outcomes/fidelity/new', async (request, reply) => {
    const scope = await scopeOf(request);
    const t = request.t;
    const teams = await fidelity.teams(scope);
    const chosen = teams.find((x) => x.id === request.query.team) ?? (teams.length === 1 ? teams[0] : undefined);
    if (!chosen) {
      const unknown = request.query.team !== undefined;
      return reply.page(
        `${VIEWS}/fidelity-team.njk`,
        {
          title: t('fidelity.form.chooseTeam'),
          teams: teams.map((x) => ({ value: x.id, text: x.name })),
          errors: unknown ? { summary: [{ text: t('fidelity.error.team'), href: '#team' }], fields: { team: { text: t('fidelity.error.team') } } } : undefined,
        },
        unknown ? 400 : 200,
      );
    }
    const measures = await fidelity.measures(scope, chosen.id);
    // The measured items start at the score their figure suggests.
    const values: Record<string, unknown> = {};
    for (const item of FIDELITY_ITEMS)
      if ('measured' in item && measures[item.measured].suggested !== null) values[`${item.key}-score`] = String(measures[item.measured].suggested);
    return form(request, reply, scope, chosen.id, values);
  });

  app.post<{ Querystring: { team?: string } }>('/outcomes/fidelity/new', async (request, reply) => {
    const scope = await scopeOf(request);
    const teamId = idParam(request.query.team, 'team');
    const body = formBody(request.body);
    try {
      const saved = await fidelity.record(scope, scope.actor, reviewFromForm(body, teamId));
      return reply.redirect(`/outcomes/fidelity/${saved.id}?saved=1`, 303);
    } catch (error) {
      const found = formIssues(error);
      if (!found) throw error;
      return form(request, reply, scope, teamId, body, found.issues);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { saved?: string } }>('/outcomes/fidelity/:id', async (request, reply) => {
    const scope = await scopeOf(request);
    const t = request.t;
    const review: FidelityReview = await fidelity.get(scope, idParam(request.params.id, 'fidelity review'));
    const p = fidelity.parameters();
    return reply.page(`${VIEWS}/fidelity-review.njk`, {
      title: t('fidelity.view.title', { team: review.teamName, date: formatIsoDate(review.reviewedOn, request.lang) }),
      saved: request.query.saved === '1' ? t('fidelity.view.saved') : null,
      summary: t('fidelity.view.summary', { total: review.total, band: t(`fidelity.band.${review.band}`) }),
      reviewer: review.reviewer,
      sections: FIDELITY_SECTIONS.map((s) => ({
        title: t(`fidelity.section.${s}`),
        rows: FIDELITY_ITEMS.filter((i) => i.section === s).map((item) => {
          const answer = review.items.find((i) => i.key === item.key);
          const measured =
            'measured' in item && answer?.measured ? ` ${t('fidelity.view.measuredAt', { figure: figureText(t, item.measured, answer.measured) })}` : '';
          return [
            { text: `${FIDELITY_KEYS.indexOf(item.key) + 1}. ${t(`fidelity.item.${item.key}`)}` },
            { text: String(answer?.score ?? '–'), format: 'numeric' },
            { text: `${answer?.evidence ?? ''}${measured}` },
            { text: answer && answer.score < p.actionBelow ? answer.action : '' },
          ];
        }),
      })),
      source: t('fidelity.source', { source: FIDELITY_SOURCE.title }),
      sourceUrl: FIDELITY_SOURCE.url,
    });
  });
}
