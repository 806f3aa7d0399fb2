import { barChart, lineChart } from '../../../platform/charts/index.ts';
import type { CsvField } from '../../../platform/http/csv.ts';
import { formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import { type CellShown, rateOf } from '../disclosure-rules.ts';
import { type MonthlyReturn, RETURN_MEASURES } from '../monthly-return.ts';
import type { FunnelRow, Percentiles } from '../outcome-rules.ts';
import type { NationalOutcomes, TenantOutcomes } from '../outcome-service.ts';

/** Turns dashboards into what the pages and the CSV downloads show: the same figures for both. */

const LABEL_PREFIX: Readonly<Record<string, string>> = {
  programme: 'referrals.programme.',
  'referring-service': 'referrals.service.',
  regime: 'referrals.regime.',
  condition: 'referrals.category.',
  'youth-pathway': 'outcomes.yesNo.',
  nation: 'outcomes.nation.',
  sex: 'participant.equality.sex.',
  'age-group': 'participant.equality.ageGroup.',
  ethnicity: 'participant.equality.ethnicity.',
  disability: 'participant.equality.disability.',
};

export function valueLabel(t: Translate, dimension: string, value: string, names: ReadonlyMap<string, string> = new Map()): string {
  if (value === 'not-answered') return t('outcomes.notAnswered');
  if (value === 'none') return t('outcomes.unassigned');
  const named = names.get(value);
  if (named) return named;
  const key = `${LABEL_PREFIX[dimension] ?? 'outcomes.none.'}${value}`;
  const text = t(key);
  return text === key ? value : text;
}

export const cellText = (t: Translate, c: CellShown | undefined): string => (c?.kind === 'count' ? c.value.toLocaleString('en-GB') : t('outcomes.suppressed'));
export const cellCsv = (c: CellShown | undefined): CsvField => (c?.kind === 'count' ? c.value : 'suppressed');
export const percent = (rate: number | null): string => (rate === null ? '–' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
const days = (t: Translate, p: Percentiles, which: 'median' | 'p90') => (p[which] === null ? t('outcomes.suppressed') : t('outcomes.days', { n: p[which] }));

export function monthLabel(month: string, lang: string): string {
  return formatMoment(new Date(`${month}-15T12:00:00Z`), lang, 'month');
}

function funnelView(t: Translate, rows: readonly FunnelRow[], id: string) {
  return {
    // No chart of bars that are all "not shown": the page says why instead (the table still lists each).
    chart: !rows.some((r) => r.people.kind === 'count')
      ? null
      : barChart({
          id,
          title: t('outcomes.funnel.title'),
          description: t('outcomes.funnel.description'),
          bars: rows.map((r) => ({
            label: t(`outcomes.step.${r.step}`),
            value: r.people.kind === 'count' ? r.people.value : null,
            note: t('outcomes.suppressed'),
          })),
          format: (v) => v.toLocaleString('en-GB'),
        }),
    rows: rows.map((r) => [
      { text: t(`outcomes.step.${r.step}`) },
      { text: cellText(t, r.people), format: 'numeric' },
      { text: percent(r.fromPrevious), format: 'numeric' },
      { text: percent(r.fromStart), format: 'numeric' },
    ]),
  };
}

function timesRows(t: Translate, times: { firstContact: Percentiles; jobStart: Percentiles }) {
  return (['firstContact', 'jobStart'] as const).map((k) => [
    { text: t(`outcomes.times.${k}`) },
    { text: times[k].median === null ? t('outcomes.suppressed') : times[k].people.toLocaleString('en-GB'), format: 'numeric' },
    { text: days(t, times[k], 'median'), format: 'numeric' },
    { text: days(t, times[k], 'p90'), format: 'numeric' },
  ]);
}

/** The plain-words summary above the charts. Exported for its test. */
export function outcomeSummary(
  t: Translate,
  lang: string,
  o: { from: string; to: string; threshold: number; funnel: readonly FunnelRow[]; times: { firstContact: Percentiles } },
) {
  // In a sentence a hidden count is worded, not "not shown": fewer than the threshold, or (hidden
  // because it could be worked out from the others) a number not shown.
  const step = (s: string) => {
    const c = o.funnel.find((r) => r.step === s)?.people;
    if (c?.kind === 'count') return t('outcomes.summary.people', { n: c.value.toLocaleString('en-GB') });
    return c?.why === 'small' ? t('outcomes.summary.fewer', { threshold: o.threshold }) : t('outcomes.summary.hidden');
  };
  const parts = [
    t('outcomes.summary.counts', {
      from: monthLabel(o.from, lang),
      to: monthLabel(o.to, lang),
      referred: step('referral-received'),
      started: step('job-start'),
      sustained: step('sustained-13-weeks'),
    }),
  ];
  if (o.times.firstContact.median !== null)
    parts.push(t('outcomes.summary.contact', { median: o.times.firstContact.median, p90: o.times.firstContact.p90 ?? 0 }));
  return parts;
}

export function tenantPage(t: Translate, lang: string, o: TenantOutcomes) {
  const months = o.monthly.months;
  const series = o.monthly.series.map((s, i) => ({
    label: t(`outcomes.step.${s.kind}`),
    pattern: (['solid', 'dashed', 'dotted'] as const)[i] ?? 'solid',
    points: s.cells.flatMap((c, x) => (c.kind === 'count' ? [{ x, y: c.value }] : [])),
  }));
  const step = Math.max(1, Math.ceil(months.length / 6));
  return {
    summary: outcomeSummary(t, lang, { from: o.filter.from, to: o.filter.to, threshold: o.threshold.value, funnel: o.funnel, times: o.times }),
    funnel: funnelView(t, o.funnel, 'funnel-chart'),
    times: timesRows(t, o.times),
    monthly: {
      chart: !series.some((s) => s.points.length > 0)
        ? null
        : lineChart({
            id: 'monthly-chart',
            title: t('outcomes.monthly.title'),
            description: t('outcomes.monthly.description'),
            xLabel: t('outcomes.monthly.month'),
            yLabel: t('outcomes.monthly.people'),
            series,
            xTicks: months.map((_, i) => i).filter((i) => i % step === 0),
            xFormat: (x) => (months[x] ? monthLabel(months[x], lang) : ''),
          }),
      head: [{ text: t('outcomes.monthly.month') }, ...o.monthly.series.map((s) => ({ text: t(`outcomes.step.${s.kind}`), format: 'numeric' }))],
      rows: [
        ...months.map((m, i) => [{ text: monthLabel(m, lang) }, ...o.monthly.series.map((s) => ({ text: cellText(t, s.cells[i]), format: 'numeric' }))]),
        [{ text: t('outcomes.total') }, ...o.monthly.series.map((s) => ({ text: cellText(t, s.total), format: 'numeric' }))],
      ],
    },
    caseloads: o.caseloads.map((c) => [
      { text: c.team },
      { text: c.open.kind === 'count' ? String(c.open.value) : t('outcomes.suppressed'), format: 'numeric' },
      { text: c.fte.toFixed(2), format: 'numeric' },
      { text: c.perFte === null ? '–' : String(c.perFte), format: 'numeric' },
      {
        text:
          c.fte <= 0
            ? t('outcomes.caseload.noFte')
            : c.over
              ? t('outcomes.caseload.over', { limit: o.caseloadLimit })
              : t('outcomes.caseload.within', { limit: o.caseloadLimit }),
      },
    ]),
    inactivity: o.inactivity
      ? {
          source: t('outcomes.inactivity.source', { period: o.inactivity.estimate.period, source: o.inactivity.estimate.source }),
          rows: (['jobStarts', 'sustained'] as const).map((k) => {
            const s = o.inactivity?.[k];
            return [
              { text: t(`outcomes.inactivity.${k}`) },
              { text: s ? s.perThousand.value.toFixed(2) : t('outcomes.suppressed'), format: 'numeric' },
              {
                text: s ? `${s.perThousand.low.toFixed(2)} – ${Number.isFinite(s.perThousand.high) ? s.perThousand.high.toFixed(2) : '∞'}` : '–',
                format: 'numeric',
              },
            ];
          }),
          longTermSick: ((lts) =>
            lts
              ? t('outcomes.inactivity.lts', {
                  n: lts.estimate.toLocaleString('en-GB'),
                  low: lts.low.toLocaleString('en-GB'),
                  high: lts.high.toLocaleString('en-GB'),
                })
              : null)(o.inactivity.jobStarts?.longTermSick ?? o.inactivity.sustained?.longTermSick ?? null),
        }
      : null,
    breakdown: [
      ...o.breakdown.map((b) => [
        { text: valueLabel(t, o.filter.by, b.value, o.names) },
        { text: cellText(t, b.referrals), format: 'numeric' },
        { text: cellText(t, b.jobStarts), format: 'numeric' },
        { text: cellText(t, b.sustained), format: 'numeric' },
        { text: percent(b.rate), format: 'numeric' },
      ]),
      [
        { text: t('outcomes.total') },
        { text: cellText(t, o.breakdownTotals.referrals), format: 'numeric' },
        { text: cellText(t, o.breakdownTotals.jobStarts), format: 'numeric' },
        { text: cellText(t, o.breakdownTotals.sustained), format: 'numeric' },
        { text: percent(rateOf(o.breakdownTotals.jobStarts, o.breakdownTotals.referrals)), format: 'numeric' },
      ],
    ],
    equality: o.equality.map((q) => ({
      title: t(`outcomes.equality.${q.question}`),
      overall: percent(q.overall),
      rows: q.groups.map((g) => [
        { text: valueLabel(t, q.question, g.value) },
        { text: cellText(t, g.started), format: 'numeric' },
        { text: cellText(t, g.reached), format: 'numeric' },
        { text: percent(g.rate), format: 'numeric' },
        { text: g.gap === null ? '–' : `${g.gap > 0 ? '+' : ''}${g.gap.toFixed(1)}`, format: 'numeric' },
      ]),
    })),
  };
}

/** The tenant dashboard as CSV: one row per figure, the same figures as the page (suppressed as it is). */
export function tenantCsv(t: Translate, o: TenantOutcomes): CsvField[][] {
  const rows: CsvField[][] = [['section', 'item', 'measure', 'value']];
  for (const r of o.funnel) {
    rows.push(['funnel', r.step, 'people', cellCsv(r.people)]);
    rows.push(['funnel', r.step, 'conversion from previous step', r.fromPrevious === null ? null : Math.round(r.fromPrevious * 10000) / 10000]);
  }
  for (const k of ['firstContact', 'jobStart'] as const) {
    rows.push(['days from referral', k === 'firstContact' ? 'first-contact' : 'job-start', 'median', o.times[k].median]);
    rows.push(['days from referral', k === 'firstContact' ? 'first-contact' : 'job-start', '90th percentile', o.times[k].p90]);
  }
  for (const s of o.monthly.series) {
    for (const [i, m] of o.monthly.months.entries()) rows.push(['monthly', m, s.kind, cellCsv(s.cells[i])]);
    rows.push(['monthly', 'total', s.kind, cellCsv(s.total)]);
  }
  for (const c of o.caseloads) {
    rows.push(['caseload', c.team, 'open cases', c.open.kind === 'count' ? c.open.value : 'suppressed']);
    rows.push(['caseload', c.team, 'open cases per full-time specialist', c.perFte]);
  }
  for (const b of o.breakdown) {
    const label = valueLabel(t, o.filter.by, b.value, o.names);
    rows.push([`by ${o.filter.by}`, label, 'referral-received', cellCsv(b.referrals)]);
    rows.push([`by ${o.filter.by}`, label, 'job-start', cellCsv(b.jobStarts)]);
    rows.push([`by ${o.filter.by}`, label, 'sustained-13-weeks', cellCsv(b.sustained)]);
  }
  for (const q of o.equality) {
    for (const g of q.groups) rows.push([`equality ${q.question}`, g.value, 'gap in job-start rate (percentage points)', g.gap]);
  }
  if (o.inactivity) {
    for (const k of ['jobStarts', 'sustained'] as const) {
      rows.push([
        'per 1,000 long-term-sick inactive',
        k === 'jobStarts' ? 'job-start' : 'sustained-13-weeks',
        'estimate',
        o.inactivity[k]?.perThousand.value ?? 'suppressed',
      ]);
    }
  }
  return rows;
}

export function nationalPage(t: Translate, lang: string, o: NationalOutcomes) {
  const name = (a: { name: string; nameCy: string }) => (lang === 'cy' ? a.nameCy : a.name);
  const ranked = o.areas.filter((a) => a.share);
  return {
    summary: outcomeSummary(t, lang, { from: o.filter.from, to: o.filter.to, threshold: o.threshold.value, funnel: o.funnel, times: o.times }),
    funnel: funnelView(t, o.funnel, 'national-funnel-chart'),
    times: timesRows(t, o.times),
    ranking: {
      chart: barChart({
        id: 'ranking-chart',
        title: t('outcomes.national.ranking.title'),
        description: t('outcomes.national.ranking.description'),
        bars: o.areas.map((a) => ({
          label: name(a),
          value: a.share ? a.share.perThousand.value : null,
          interval: a.share && Number.isFinite(a.share.perThousand.high) ? { low: a.share.perThousand.low, high: a.share.perThousand.high } : null,
          note: a.estimate ? t('outcomes.suppressed') : t('outcomes.national.noEstimate'),
        })),
        format: (v) => v.toFixed(1),
      }),
      rows: o.areas.map((a) => [
        { text: a.share ? String(ranked.indexOf(a) + 1) : '–' },
        { text: `${name(a)} (${a.gssCode})` },
        { text: cellText(t, a.referrals), format: 'numeric' },
        { text: cellText(t, a.jobStarts), format: 'numeric' },
        { text: cellText(t, a.sustained), format: 'numeric' },
        { text: a.share ? a.share.longTermSick.estimate.toLocaleString('en-GB') : '–', format: 'numeric' },
        { text: a.share ? a.share.perThousand.value.toFixed(2) : '–', format: 'numeric' },
        {
          text: a.share
            ? `${a.share.perThousand.low.toFixed(2)} – ${Number.isFinite(a.share.perThousand.high) ? a.share.perThousand.high.toFixed(2) : '∞'}`
            : '–',
          format: 'numeric',
        },
      ]),
    },
    national: o.national.map((e) => [
      { text: t(`outcomes.national.measure.${e.measure}`) },
      { text: e.percent === null ? '–' : `${e.percent}%`, format: 'numeric' },
      { text: e.numerator === null ? '–' : e.numerator.toLocaleString('en-GB'), format: 'numeric' },
      { text: `${e.period}, ${e.source}` },
    ]),
  };
}

export function nationalCsv(o: NationalOutcomes): CsvField[][] {
  const rows: CsvField[][] = [
    ['gss_code', 'area', 'referrals', 'job_starts', 'sustained_13_weeks', 'long_term_sick_inactive', 'job_starts_per_1000', 'low', 'high', 'survey_period'],
  ];
  for (const a of o.areas) {
    rows.push([
      a.gssCode,
      a.name,
      cellCsv(a.referrals),
      cellCsv(a.jobStarts),
      cellCsv(a.sustained),
      a.share?.longTermSick.estimate ?? null,
      a.share?.perThousand.value ?? null,
      a.share?.perThousand.low ?? null,
      a.share && Number.isFinite(a.share.perThousand.high) ? a.share.perThousand.high : null,
      a.estimate?.period ?? null,
    ]);
  }
  rows.push(['', 'total', cellCsv(o.totals.referrals), cellCsv(o.totals.jobStarts), cellCsv(o.totals.sustained), null, null, null, null, null]);
  return rows;
}

/** The return's totals as the page shows them (the downloads hold every row). */
export function returnPage(t: Translate, lang: string, r: MonthlyReturn) {
  const totals = r.rows.filter((x) => x.dimension === 'total');
  return {
    lead: t('outcomes.returns.lead', { month: monthLabel(r.month, lang), programme: t(`outcomes.returns.programme.${r.programme}`), threshold: r.threshold }),
    rows: (Object.keys(RETURN_MEASURES) as (keyof typeof RETURN_MEASURES)[]).map((m) => {
      const x = totals.find((y) => y.measure === m);
      return [
        { text: t(`outcomes.returns.measure.${m}`) },
        { text: x?.count === null || !x ? t('outcomes.suppressed') : x.count.toLocaleString('en-GB'), format: 'numeric' },
      ];
    }),
    version: t('outcomes.returns.version', { version: r.schemaVersion }),
  };
}
