import type { Language } from '../../../platform/db/index.ts';
import { formatMoment, type Translate } from '../../../platform/i18n/index.ts';
import type { PdfBlock, PdfDocument } from '../../../platform/pdf/index.ts';
import type { BetterOffRequest } from './better-off-form.ts';
import { answerRows, type PresentedResult } from './better-off-presenter.ts';

/**
 * The printable better-off result, in the reader's language, as blocks for the PDF renderer. By
 * default one page: the summary and the figures at the hours asked about. With `appendix`, the full
 * workings follow on pages of their own: the chart (drawn from the page's chart input, in the same
 * words) and the table of its figures by hours, Council Tax Support under the council's scheme, what
 * stays, ESA permitted work, Access to Work, the answers it was worked out from, and how.
 */
export function buildBetterOffPdf(
  p: PresentedResult,
  request: BetterOffRequest,
  t: Translate,
  lang: Language,
  context: { madeAt: Date; name: string | null; appendix?: boolean },
): PdfDocument {
  const heading = (key: string, level: 1 | 2 | 3 = 2): PdfBlock => ({ kind: 'heading', text: t(key), level });
  const paragraphs = (texts: readonly (string | null)[]): PdfBlock[] => texts.filter((x): x is string => !!x).map((text) => ({ kind: 'paragraph', text }));
  const keep = (label: string, ...blocks: PdfBlock[]): PdfBlock => ({ kind: 'keep', label, blocks });
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
    blocks.push(keep('figures', { kind: 'heading', text: p.figuresHeading, level: 2 }, { kind: 'facts', rows: p.figures }));
  }
  blocks.push(...paragraphs([t('betterOff.estimate'), context.appendix ? null : t('betterOff.pdf.workingsLeftOut')]));
  if (context.appendix) blocks.push(...workings(p, request, t, lang, { heading, paragraphs, keep }));
  return {
    title: t('betterOff.pdf.title'),
    language: lang,
    subject: p.summary,
    footer: t('betterOff.pdf.footer'),
    createdAt: context.madeAt,
    blocks,
  };
}

type Helpers = {
  heading: (key: string, level?: 1 | 2 | 3) => PdfBlock;
  paragraphs: (texts: readonly (string | null)[]) => PdfBlock[];
  keep: (label: string, ...blocks: PdfBlock[]) => PdfBlock;
};

/** The appendix: everything the result page shows below its summary, from a new page. */
function workings(p: PresentedResult, request: BetterOffRequest, t: Translate, lang: Language, { heading, paragraphs, keep }: Helpers): PdfBlock[] {
  const cts = p.councilTax.included;
  return [
    { kind: 'pageBreak' },
    heading('betterOff.pdf.workings', 1),
    heading('betterOff.chart.heading'),
    { kind: 'chart', chart: p.chartInput },
    heading('betterOff.table.caption', 3),
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
    keep(
      'council tax',
      heading('councilTax.section.title'),
      ...paragraphs([
        p.councilTax.scheme ? `${p.councilTax.scheme.lead} ${p.councilTax.scheme.name} (${p.councilTax.scheme.url})` : null,
        ...p.councilTax.lines,
      ]),
    ),
    keep('stays', heading('betterOff.stays.title'), ...paragraphs(p.stays)),
    ...(p.esa
      ? [
          keep(
            'esa',
            heading('betterOff.esa.title'),
            ...paragraphs([p.esa.lead]),
            { kind: 'list', items: p.esa.limits } satisfies PdfBlock,
            ...paragraphs(p.esa.lines),
          ),
        ]
      : []),
    keep(
      'access to work',
      heading('betterOff.atw.title'),
      ...paragraphs([t('betterOff.atw.lead')]),
      { kind: 'list', items: p.atw.items },
      ...paragraphs([t('betterOff.atw.notIncome'), `${p.atw.cap} ${t('betterOff.atw.apply')}`, t('betterOff.atw.help')]),
    ),
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
    ...paragraphs([t('betterOff.how.notModelled')]),
  ];
}
