import { type LineChartInput, lineChart } from '../../../platform/charts/index.ts';
import type { Language } from '../../../platform/db/index.ts';
import type { Issue } from '../../../platform/errors/index.ts';
import { formatIsoDate, type Translate } from '../../../platform/i18n/index.ts';
import { CHILDREN_BORN_BEFORE, LCWRA_NEW_CLAIMANT_FROM, UC_RATES_FROM, UC_RATES_UNTIL } from '../benefit-parameters.ts';
import type { BetterOff, BetterOffRow } from '../better-off-rules.ts';
import type { CouncilTaxSupportReason } from '../council-tax-support-rules.ts';
import type { ParameterUsed } from '../universal-credit.ts';
import { type BetterOffRequest, issueHref, type Shown } from './better-off-form.ts';

/*
 * What the better-off pages and the PDF show, in the reader's language: money, hours and dates as
 * words, the plain-words summary, the chart, the table, what stays, Access to Work, ESA permitted
 * work, and how it was worked out. Nothing here calculates: every figure comes from betterOff().
 */

export type Audience = 'staff' | 'participant';

const locale = (lang: Language) => (lang === 'cy' ? 'cy-GB' : 'en-GB');
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(lang: Language, whole: boolean): Intl.NumberFormat {
  const key = `${lang}|${whole}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'GBP', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
    moneyFormats.set(key, f);
  }
  return f;
}

/** £1,641.75 (or £1,642 with `whole`); a negative amount reads −£12.50. */
export function money(pounds: number, lang: Language, whole = false): string {
  const text = moneyFormat(lang, whole).format(Math.abs(pounds));
  return pounds < 0 && Math.round(Math.abs(pounds) * 100) !== 0 ? `−${text}` : text;
}

/** 16, 22.5 */
export const hoursText = (hours: number, lang: Language): string => hours.toLocaleString(locale(lang), { maximumFractionDigits: 2 });
const percentText = (proportion: number, lang: Language) => `${(proportion * 100).toLocaleString(locale(lang), { maximumFractionDigits: 2 })}%`;
export const dateText = (iso: string, lang: Language) => formatIsoDate(iso, lang);

/** The error summary and field errors, with the range a date must be in, and links to each field's first box. */
export function formErrorsOf(issues: readonly Issue[], t: Translate, lang: Language) {
  const params = { from: dateText(UC_RATES_FROM, lang), until: dateText(UC_RATES_UNTIL, lang) };
  const fields: Record<string, { text: string }> = {};
  const summary: { text: string; href: string }[] = [];
  for (const issue of issues) {
    const field = issue.path || 'hourlyPay';
    if (fields[field]) continue;
    const text = t(issue.message, params);
    fields[field] = { text };
    summary.push({ text, href: issueHref(field) });
  }
  return { fields, summary };
}

/** Values that are money in a reason; the rest are counts, ages, dates or a rate. */
const MONEY_VALUES = new Set([
  'amount',
  'lcwElement',
  'costs',
  'share',
  'cap',
  'earnings',
  'workAllowance',
  'excess',
  'deduction',
  'capital',
  'lowerLimit',
  'upperLimit',
  'above',
  'step',
  'perStep',
  'tariff',
  'maximumAmount',
  'deductions',
  'award',
  'personalAllowance',
  'annualPay',
  'taperThreshold',
  'allowance',
  'taxableAnnual',
  'incomeTaxAnnual',
  'incomeTax',
  'nationalInsuranceAnnual',
  'nationalInsurance',
  'grossMonthly',
  'netMonthly',
  // From the completed UC model: carer, housing contributions, the minimum income floor and the benefit cap.
  'carerElement',
  'contribution',
  'contributions',
  'rent',
  'hourlyRate',
  'gross',
  'floor',
  'threshold',
  'childBenefit',
  'total',
  'childcare',
  'counted',
  'reduction',
]);
const DATE_VALUES = new Set(['birthDate', 'lcwraSince', 'ratesHeldUntil', 'lcwSince', 'startUpEnds']);

type AnyReason = { code: string; text: string; values: Record<string, number | string> };

/** The key that words a reason: the taper has four cases with the same code. */
function reasonKey(r: AnyReason): string {
  if (r.code !== 'taper') return `betterOff.reason.${r.code}`;
  if (Number(r.values.earnings ?? 0) === 0) return 'betterOff.reason.taper.none';
  if (r.values.excess === undefined) return 'betterOff.reason.taper.within';
  if (Number(r.values.workAllowance ?? 0) === 0) return 'betterOff.reason.taper.all';
  return 'betterOff.reason.taper';
}

/** One step of the calculation in the reader's language; a step with no wording of its own keeps the calculation's English. */
export function reasonText(r: AnyReason, t: Translate, lang: Language): string {
  const key = reasonKey(r);
  const values: Record<string, string> = { from: dateText(LCWRA_NEW_CLAIMANT_FROM, lang), born: dateText(CHILDREN_BORN_BEFORE, lang) };
  for (const [k, v] of Object.entries(r.values)) {
    if (k === 'amounts')
      values[k] = String(v)
        .split(/,\s*/)
        .map(Number)
        .map((n) => money(n, lang))
        .join(lang === 'cy' ? ' a ' : ' and ');
    else if (k === 'rate' && typeof v === 'number') values[k] = percentText(v, lang);
    else if (MONEY_VALUES.has(k) && typeof v === 'number') values[k] = money(v, lang);
    else if (DATE_VALUES.has(k) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) values[k] = dateText(v, lang);
    else values[k] = typeof v === 'number' ? v.toLocaleString(locale(lang)) : v;
  }
  const text = t(key, values);
  return text === key ? r.text : text;
}

/** A rate as used: its name in words, its value with its unit, when it took effect, its source and how sure it is. */
export function parameterRow(p: ParameterUsed, t: Translate, lang: Language) {
  const nameKey = `betterOff.parameter.${p.name}`;
  const name = t(nameKey) === nameKey ? p.name : t(nameKey);
  const unit = /^GBP\/(month|year|hour|week)$/.exec(p.unit)?.[1];
  const value =
    p.unit === 'proportion'
      ? percentText(p.value, lang)
      : unit
        ? t(`betterOff.unit.${unit}`, { amount: money(p.value, lang) })
        : p.unit === 'GBP'
          ? money(p.value, lang)
          : p.unit === 'children'
            ? t('betterOff.unit.children', { count: p.value.toLocaleString(locale(lang)) })
            : p.unit === 'hours/week'
              ? t('betterOff.unit.hoursPerWeek', { count: p.value.toLocaleString(locale(lang)) })
              : `${p.value.toLocaleString(locale(lang))} ${p.unit}`;
  const source = /^(.*) \((https?:\/\/[^\s)]+)\)$/.exec(p.source);
  return {
    name,
    value,
    from: dateText(p.effectiveFrom, lang),
    sourceTitle: source?.[1] ?? p.source,
    sourceUrl: source?.[2] ?? null,
    confidence: t(`betterOff.how.confidence.${p.confidence}`),
  };
}

/** The plain-words sentence at the top of the result. */
export function summaryText(r: BetterOff, couple: boolean, t: Translate, lang: Language): string {
  const who = couple ? 'couple' : 'single';
  const now = money(r.outOfWork.totalMonthly, lang);
  const row = r.inWork;
  if (!row || row.hours === 0) return t(`betterOff.result.${who}.none`, { now });
  const gain = Math.round(row.gainOverNoWork * 100);
  const which = gain > 0 ? 'more' : gain < 0 ? 'less' : 'same';
  return t(`betterOff.result.${who}.${which}`, {
    hours: hoursText(row.hours, lang),
    pay: money(r.hourlyPay, lang),
    total: money(row.totalMonthly, lang),
    gain: money(Math.abs(row.gainOverNoWork), lang),
    now,
  });
}

/**
 * The chart of total money, Universal Credit and take-home pay against hours, the proposed hours
 * marked: the result page draws it as SVG and the PDF as vector graphics, from this one input, in the same words.
 */
function chartInputOf(r: BetterOff, t: Translate, lang: Language): LineChartInput {
  const points = (pick: (row: BetterOffRow) => number) => r.rows.map((row) => ({ x: row.hours, y: pick(row) }));
  const first = r.rows[0] as BetterOffRow;
  const last = r.rows.at(-1) as BetterOffRow;
  const cts = ctsIncluded(r);
  const description = t('betterOff.chart.desc', {
    first: money(first.totalMonthly, lang),
    last: money(last.totalMonthly, lang),
    maxHours: hoursText(last.hours, lang),
    ucFirst: money(first.universalCredit, lang),
    ucLast: money(last.universalCredit, lang),
  });
  return {
    id: 'better-off-chart',
    title: t('betterOff.chart.title'),
    description: cts
      ? `${description} ${t('councilTax.chart.desc', { first: money(first.councilTaxSupport, lang), last: money(last.councilTaxSupport, lang), maxHours: hoursText(last.hours, lang) })}`
      : description,
    xLabel: t('betterOff.chart.x'),
    yLabel: t('betterOff.chart.y'),
    series: [
      { label: t('betterOff.chart.total'), pattern: 'solid', points: points((row) => row.totalMonthly) },
      { label: t('betterOff.chart.uc'), pattern: 'dashed', points: points((row) => row.universalCredit) },
      { label: t('betterOff.chart.net'), pattern: 'dotted', points: points((row) => row.netMonthly) },
      ...(cts ? [{ label: t('councilTax.line'), pattern: 'dash-dot' as const, points: points((row) => row.councilTaxSupport) }] : []),
    ],
    xTicks: [0, 5, 10, 15, 20, 25, 30, 35, 40],
    xFormat: (x) => hoursText(x, lang),
    yFormat: (y) => money(y, lang, true),
    marker: r.inWork && r.inWork.hours > 0 ? { x: r.inWork.hours, label: t('betterOff.chart.marker', { hours: hoursText(r.inWork.hours, lang) }) } : undefined,
  };
}

/** The table rows, as text: the same figures as the chart. */
export function tableRows(r: BetterOff, lang: Language) {
  return r.rows.map((row) => ({
    hours: hoursText(row.hours, lang),
    proposed: row.proposed,
    gross: money(row.grossMonthly, lang),
    deductions: money(row.incomeTax + row.nationalInsurance, lang),
    net: money(row.netMonthly, lang),
    uc: money(row.universalCredit, lang),
    cts: money(row.councilTaxSupport, lang),
    total: money(row.totalMonthly, lang),
    gain: money(row.gainOverNoWork, lang),
  }));
}

/**
 * "If you get Employment and Support Allowance": the permitted work limits on the date, and whether
 * the proposed hours and pay would be permitted work. Shown unless the person said they do not get
 * ESA; null then, or when no limits are held for the date.
 */
export function esaSection(r: BetterOff, gotEsa: boolean | null, t: Translate, lang: Language) {
  const esa = r.esa;
  if (!esa || gotEsa === false) return null;
  const higher = money(esa.higherLimit.value, lang);
  const lower = money(esa.lowerLimit.value, lang);
  const maxHours = hoursText(esa.hoursUnder, lang);
  const p = esa.atProposed;
  const lines: string[] = [];
  if (p) {
    const weekly = money(p.weeklyEarnings, lang);
    lines.push(t('betterOff.esa.earnings', { hours: hoursText(p.hours, lang), pay: money(r.hourlyPay, lang), weekly }));
    const values = { maxHours, limit: higher, lower, weekly };
    if (p.check === 'within') lines.push(t('betterOff.esa.within', values));
    else if (p.check === 'within-lower-limit') lines.push(t('betterOff.esa.withinLower', values));
    else if (p.check === 'over-hours') lines.push(t('betterOff.esa.overHours', values), t('betterOff.esa.overSupported', values));
    else if (p.check === 'over-earnings') lines.push(t('betterOff.esa.overEarnings', values));
    else lines.push(t('betterOff.esa.overBoth', values));
  }
  lines.push(t('betterOff.esa.above'));
  return {
    lead: t('betterOff.esa.lead', { date: dateText(r.date, lang) }),
    limits: [
      t('betterOff.esa.higher', { hours: maxHours, limit: higher }),
      t('betterOff.esa.lower', { limit: lower }),
      t('betterOff.esa.supported', { limit: higher }),
    ],
    lines,
  };
}

/** Everything the result template and the PDF need, in the reader's words. */
export function presentResult(r: BetterOff, request: BetterOffRequest, t: Translate, lang: Language) {
  const couple = request.partner !== null;
  const row = r.inWork;
  const taper = Math.round(r.stays.taperRate * 100).toLocaleString(locale(lang));
  const stays: string[] = [];
  const hasUc = r.rows.some((x) => x.universalCredit > 0);
  if (!hasUc) stays.push(t('betterOff.stays.noUc'));
  else {
    if (r.stays.lcwra !== null) {
      stays.push(t('betterOff.stays.lcwra', { amount: money(r.stays.lcwra, lang) }), t('betterOff.stays.rightToTry'), t('betterOff.stays.reclaim'));
    }
    stays.push(
      r.stays.workAllowance > 0
        ? t('betterOff.stays.workAllowance', { amount: money(r.stays.workAllowance, lang), taper })
        : t('betterOff.stays.noWorkAllowance', { taper }),
    );
    if (r.stays.child !== null) stays.push(t('betterOff.stays.child', { amount: money(r.stays.child, lang) }));
    if (r.stays.housing !== null) stays.push(t('betterOff.stays.housing', { amount: money(r.stays.housing, lang) }));
    if (r.stays.childcare !== null && row && row.hours > 0) stays.push(t('betterOff.stays.childcare', { amount: money(r.stays.childcare, lang) }));
  }
  const figures = row
    ? [
        { label: t('betterOff.result.gross'), value: money(row.grossMonthly, lang) },
        { label: t('betterOff.result.tax'), value: money(row.incomeTax, lang) },
        { label: t('betterOff.result.ni'), value: money(row.nationalInsurance, lang) },
        { label: t('betterOff.result.net'), value: money(row.netMonthly, lang) },
        { label: t('betterOff.result.uc'), value: money(row.universalCredit, lang) },
        { label: t('councilTax.line'), value: ctsIncluded(r) ? money(row.councilTaxSupport, lang) : t('councilTax.leftOut') },
        ...(row.otherIncomeMonthly > 0 ? [{ label: t('betterOff.result.other'), value: money(row.otherIncomeMonthly, lang) }] : []),
        ...(couple ? [{ label: t('betterOff.result.partner'), value: money(row.partnerEarningsMonthly, lang) }] : []),
        { label: t('betterOff.result.total'), value: money(row.totalMonthly, lang) },
        { label: t('betterOff.result.outOfWork'), value: money(r.outOfWork.totalMonthly, lang) },
        { label: t('betterOff.result.gain'), value: money(row.gainOverNoWork, lang) },
      ]
    : [];
  const cap = r.accessToWorkCap;
  const chartInput = chartInputOf(r, t, lang);
  return {
    rateDate: dateText(r.date, lang),
    summary: summaryText(r, couple, t, lang),
    ucLine:
      row && row.hours > 0
        ? row.universalCredit > 0
          ? t('betterOff.result.ucAtHours', { uc: money(row.universalCredit, lang), ucNow: money(r.outOfWork.universalCredit, lang) })
          : t('betterOff.result.noUcAtHours', { ucNow: money(r.outOfWork.universalCredit, lang) })
        : null,
    warnings: r.warnings.map((w) =>
      w.code === 'below-national-living-wage' ? t('betterOff.result.nlwWarning', { nlw: money(r.nationalLivingWage.value, lang) }) : w.text,
    ),
    figuresHeading: row ? t('betterOff.result.figures', { hours: hoursText(row.hours, lang) }) : null,
    figures,
    figureRows: figures.map((f) => ({ key: { text: f.label }, value: { text: f.value } })),
    afterChildcare:
      row && row.hours > 0 && r.childcareCostsMonthly > 0
        ? t('betterOff.result.afterChildcare', {
            costs: money(r.childcareCostsMonthly, lang),
            left: money(row.totalMonthly - r.childcareCostsMonthly, lang),
          })
        : null,
    /** The chart as SVG for the page, and what it is drawn from, for the PDF. */
    chart: lineChart(chartInput),
    chartInput,
    table: tableRows(r, lang),
    tableNotes: [
      ...(r.outOfWork.otherIncomeMonthly > 0 ? [t('betterOff.table.otherIncome', { other: money(r.outOfWork.otherIncomeMonthly, lang) })] : []),
      ...(couple ? [t('betterOff.table.partnerIncome', { partner: money(r.outOfWork.partnerEarningsMonthly, lang) })] : []),
      ctsIncluded(r) ? t('councilTax.table.included', { scheme: schemeName(r, t) }) : t('councilTax.table.left'),
    ],
    councilTax: councilTaxSection(r, t, lang),
    stays,
    atw: {
      items: ['supportWorker', 'travel', 'equipment', 'mentalHealth'].map((k) => t(`betterOff.atw.${k}`)),
      cap: cap ? t('betterOff.atw.cap', { cap: money(cap.value, lang, true), from: dateText(cap.effectiveFrom, lang) }) : t('betterOff.atw.noCap'),
    },
    esa: esaSection(r, request.esa, t, lang),
    how: {
      uc: t('betterOff.how.uc', { hours: hoursText(row?.hours ?? 0, lang), date: dateText(r.date, lang) }),
      esa: r.esa ? t('betterOff.how.esa', { date: dateText(r.date, lang) }) : null,
      reasons: r.reasons.map((x) => reasonText(x, t, lang)),
      councilTax: {
        title:
          r.councilTaxSupport.scheme.kind === 'none'
            ? t('councilTax.how.titleNoScheme')
            : t('councilTax.how.title', { hours: hoursText(row?.hours ?? 0, lang), scheme: schemeName(r, t) }),
        reasons: r.councilTaxSupport.inWork.reasons.map((x) => councilTaxReasonText(x, t, lang)),
        totals: ctsIncluded(r) ? t('councilTax.how.totals') : null,
      },
      parameters: r.parameters.map((p) => parameterRow(p, t, lang)),
    },
  };
}

export type PresentedResult = ReturnType<typeof presentResult>;

/** The answers as label and value, for the PDF: what the figures were worked out from. */
export function answerRows(v: BetterOffRequest, t: Translate, lang: Language): { label: string; value: string }[] {
  const yes = t('betterOff.pdf.yes');
  const no = t('betterOff.pdf.no');
  const optional = (n: number | null) => (n === null ? t('betterOff.pdf.notGiven') : money(n, lang));
  return [
    { label: t('betterOff.form.hourlyPay'), value: money(v.hourlyPay, lang) },
    { label: t('betterOff.form.hours'), value: hoursText(v.hours, lang) },
    { label: t('betterOff.form.age'), value: String(v.age) },
    { label: t('betterOff.form.partner'), value: v.partner ? yes : no },
    ...(v.partner
      ? [
          { label: t('betterOff.form.partnerAge'), value: String(v.partner.age) },
          { label: t('betterOff.form.partnerEarnings'), value: money(v.partner.netEarningsMonthly, lang) },
        ]
      : []),
    {
      label: t('betterOff.form.lcwra'),
      value: v.lcwra
        ? [
            v.lcwra.since ? t('betterOff.pdf.lcwraSince', { date: dateText(v.lcwra.since, lang) }) : '',
            v.lcwra.protected ? t('betterOff.pdf.lcwraProtected') : '',
          ]
            .filter(Boolean)
            .join('. ')
        : no,
    },
    ...(v.lcwra ? [] : [{ label: t('betterOff.form.lcw'), value: v.lcw ? yes : no }]),
    { label: t('betterOff.form.esa'), value: v.esa === null ? t('betterOff.pdf.notGiven') : v.esa ? yes : no },
    {
      label: t('betterOff.form.children'),
      value: v.children ? t('betterOff.pdf.children', { count: v.children.count, date: dateText(v.children.eldestBirthDate, lang) }) : no,
    },
    { label: t('betterOff.form.rent'), value: optional(v.rentMonthly) },
    { label: t('councilTax.form.bill'), value: optional(v.councilTaxYearly) },
    ...(v.children ? [{ label: t('betterOff.form.childcare'), value: optional(v.childcareMonthly) }] : []),
    { label: t('betterOff.form.savings'), value: optional(v.savings) },
    { label: t('betterOff.form.otherIncome'), value: optional(v.otherIncomeMonthly) },
  ];
}

/** Hidden fields that carry the answers to the PDF and back to the form. */
export function hiddenFields(shown: Shown): { name: string; value: string }[] {
  return Object.entries(shown)
    .filter(([, v]) => v !== '')
    .map(([name, value]) => ({ name, value }));
}

// ---- Council Tax Support ----

/** Whether the figures include Council Tax Support: a scheme applies and a bill was given. */
export const ctsIncluded = (r: BetterOff): boolean => r.councilTaxSupport.status === 'calculated';

/** The scheme's name in the reader's words: Wales's national scheme, or the council's own. */
export function schemeName(r: BetterOff, t: Translate): string {
  const s = r.councilTaxSupport.scheme;
  return s.kind === 'banded' ? s.name : s.kind === 'wales' ? t('councilTax.scheme.wales') : '';
}

/** Values that are money in a Council Tax Support reason; `rate` and `discount` are per cent. */
const CTS_MONEY = new Set([
  'annual',
  'amount',
  'award',
  'earnings',
  'other',
  'tariff',
  'income',
  'allowance',
  'childAmount',
  'familyPremium',
  'weekly',
  'disregard',
  'disregardMonthly',
  'capital',
  'limit',
  'applicable',
  'excess',
  'deduction',
  'liability',
  'from',
  'upTo',
]);

/** One step of the Council Tax Support calculation in the reader's language. */
export function councilTaxReasonText(r: CouncilTaxSupportReason, t: Translate, lang: Language): string {
  const key = `councilTax.reason.${r.code}`;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.values)) {
    if (k === 'rate' && typeof v === 'number') values[k] = percentText(v, lang);
    else if (k === 'discount' && typeof v === 'number') values[k] = percentText(v / 100, lang);
    else if (CTS_MONEY.has(k) && typeof v === 'number') values[k] = money(v, lang);
    else values[k] = typeof v === 'number' ? v.toLocaleString(locale(lang)) : v;
  }
  const text = t(key, values);
  return text === key ? r.text : text;
}

/**
 * The Council Tax Support section of the result: which scheme (named, with its link for a council's
 * own), the amounts in and out of work, or why the figures leave it out.
 */
export function councilTaxSection(r: BetterOff, t: Translate, lang: Language) {
  const c = r.councilTaxSupport;
  const lines: string[] = [];
  let scheme: { lead: string; name: string; url: string } | null = null;
  if (c.scheme.kind === 'wales') lines.push(t('councilTax.section.wales'));
  else if (c.scheme.kind === 'banded') scheme = { lead: t('councilTax.section.banded'), name: c.scheme.name, url: c.scheme.url };
  if (c.status === 'no-scheme') lines.push(t('councilTax.section.noScheme'));
  else if (c.status === 'no-liability') lines.push(t('councilTax.section.noBill'));
  else {
    const annual = money(c.annual ?? 0, lang);
    const row = r.inWork;
    lines.push(
      row && row.hours > 0
        ? t('councilTax.section.amounts', {
            annual,
            inWork: money(row.councilTaxSupport, lang),
            hours: hoursText(row.hours, lang),
            outOfWork: money(r.outOfWork.councilTaxSupport, lang),
          })
        : t('councilTax.section.amountsNoWork', { annual, outOfWork: money(r.outOfWork.councilTaxSupport, lang) }),
    );
    if (c.scheme.kind === 'banded' && r.rows.some((x) => x.universalCredit <= 0)) lines.push(t('councilTax.section.bandedNoUc'));
    lines.push(t('councilTax.section.notPaid'));
  }
  return { included: c.status === 'calculated', scheme, lines };
}
