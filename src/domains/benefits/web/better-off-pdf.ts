import type { Language } from '../../../platform/db/index.ts';
import { formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../../platform/pdf/index.ts';
import type { BetterOffRequest } from './better-off-form.ts';
import { answerRows, type PresentedResult } from './better-off-presenter.ts';

/**
 * The printable better-off result, in the reader's language, as blocks for the PDF renderer: the
 * summary, the figures at the hours asked about, the chart (drawn from the page's chart input, in
 * the same words) and the table of its figures by hours, Council Tax Support under the council's scheme, what stays, ESA permitted work, Access to
 * Work, the answers it was worked out from, and how it was worked out.
 */
export function buildBetterOffPdf(
  p: PresentedResult,
  request: BetterOffRequest,
  t: Translate,
  lang: Language,
  context: { madeAt: Date; name: string | null },
): PdfDocument {
  const heading = (key: string, level: 2 | 3 = 2): PdfBlock => ({ kind: 'heading', text: t(key), level });
  const paragraphs = (texts: readonly (string | null)[]): PdfBlock[] => texts.filter((x): x is string => !!x).map((text) => ({ kind: 'paragraph', text }));
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('betterOff.pdf.title'), level: 1 },
    ...paragraphs([
      context.name ? t('betterOff.pdf.for', { name: context.name }) : null,
      t('betterOff.pdf.made', { date: formatMoment(context.madeAt, lang, 'day'), rateDate: p.rateDate }),
      p.summary,
      p.ucLine,
      ...p.warnings,
      p.afterChildcare,
    ]),
  ];
  if (p.figures.length > 0 && p.figuresHeading) {
    blocks.push({ kind: 'heading', text: p.figuresHeading, level: 2 }, { kind: 'facts', rows: p.figures });
  }
  const cts = p.councilTax.included;
  blocks.push(
    { kind: 'heading', text: t('betterOff.chart.heading'), level: 2 },
    { kind: 'chart', chart: p.chartInput },
    { kind: 'heading', text: t('betterOff.table.caption'), level: 3 },
    {
      kind: 'table',
      head: [
        ...['table.hours', 'table.gross', 'table.deductions', 'table.net', 'table.uc'].map((k) => t(`betterOff.${k}`)),
        ...(cts ? [t('councilTax.line')] : []),
        ...['table.total', 'table.gain'].map((k) => t(`betterOff.${k}`)),
      ],
      rows: p.table.map((r) => [
        r.proposed ? `${r.hours} ${t('betterOff.table.yours')}` : r.hours,
        r.gross,
        r.deductions,
        r.net,
        r.uc,
        ...(cts ? [r.cts] : []),
        r.total,
        r.gain,
      ]),
    },
    ...paragraphs(p.tableNotes),
    heading('councilTax.section.title'),
    ...paragraphs([p.councilTax.scheme ? `${p.councilTax.scheme.lead} ${p.councilTax.scheme.name} (${p.councilTax.scheme.url})` : null, ...p.councilTax.lines]),
    heading('betterOff.stays.title'),
    ...paragraphs(p.stays),
    ...(p.esa
      ? [heading('betterOff.esa.title'), ...paragraphs([p.esa.lead]), { kind: 'list', items: p.esa.limits } satisfies PdfBlock, ...paragraphs(p.esa.lines)]
      : []),
    heading('betterOff.atw.title'),
    ...paragraphs([t('betterOff.atw.lead')]),
    { kind: 'list', items: p.atw.items },
    ...paragraphs([t('betterOff.atw.notIncome'), `${p.atw.cap} ${t('betterOff.atw.apply')}`, t('betterOff.atw.help')]),
    heading('betterOff.pdf.answers'),
    { kind: 'facts', rows: answerRows(request, t, lang) },
    heading('betterOff.how.title'),
    ...paragraphs([t('betterOff.how.pay'), t('betterOff.how.tax'), p.how.uc]),
    { kind: 'list', items: p.how.reasons },
    ...paragraphs([p.how.councilTax.title]),
    { kind: 'list', items: p.how.councilTax.reasons },
    ...paragraphs([p.how.councilTax.totals ? `${t('betterOff.how.totals')} ${p.how.councilTax.totals}` : t('betterOff.how.totals'), p.how.esa]),
    heading('betterOff.how.parameters', 3),
    // A list rather than the page's table: long sources in a quarter of an A4 page ran to pages.
    {
      kind: 'list',
      items: p.how.parameters.map(
        (x) =>
          `${x.name}: ${x.value}. ${t('betterOff.how.from')}: ${x.from}. ${t('betterOff.how.source')}: ${x.sourceTitle}${x.sourceUrl ? ` (${x.sourceUrl})` : ''}, ${x.confidence}.`,
      ),
    },
    ...paragraphs([t('betterOff.how.notModelled'), t('betterOff.estimate')]),
  );
  return {
    title: t('betterOff.pdf.title'),
    language: lang,
    subject: p.summary,
    footer: t('betterOff.pdf.footer'),
    createdAt: context.madeAt,
    blocks,
  };
}
