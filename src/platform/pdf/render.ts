import PDFDocument from 'pdfkit';
import { chartHeight, type PdfChart, renderChart } from './chart.ts';
import { fontSource, rememberFace } from './fonts.ts';
import { fitColumns, gridHeight, renderGrid } from './grid.ts';
import { asArtifact, COLOUR, ensureSpace, type Layout, lineHeight, newPage, PAGE, pageBottom, pageTop, TYPE, useFont } from './layout.ts';
import { type Confidence, provenanceNote } from './provenance.ts';
import { clampLines, cleanText, flowText, wrapLines } from './text.ts';

export type PdfBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** A two-column summary list: each label heads its row. */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  /** A line chart drawn from data, as on the page (`lineChart`): a Figure whose alternative text is its title and description. */
  | { kind: 'chart'; chart: PdfChart }
  /**
   * Blocks that belong together on one page (a heading and its dates, a sign-off and its
   * signature): they move whole to the next page when they do not fit on what is left of this one.
   * A group taller than a page flows as usual. `label` names it in the layout report.
   */
  | { kind: 'keep'; blocks: PdfBlock[]; label?: string }
  /** What follows starts on a new page (an appendix). */
  | { kind: 'pageBreak' };

/** Where a rendered document's pages went: its page count, and the pages each kept-together group spans (1-based). */
export type PdfLayout = { pages: number; kept: { label: string; firstPage: number; lastPage: number }[] };

export type PdfDocument = {
  title: string;
  language: 'en' | 'cy';
  author?: string;
  subject?: string;
  blocks: PdfBlock[];
  /** Printed at the foot of every page, above the page number (at most two lines). */
  footer?: string;
  /**
   * The confidence tags of every policy value the document uses. When any is [S], [D] or [U], every
   * page's footer says so and what each tag means (at most two more lines), so a reader knows what
   * rests on less than a primary source.
   */
  provenance?: readonly Confidence[];
  /** Recorded as the creation date; give one for byte-identical output from the same input. */
  createdAt?: Date;
};

const LANG = { en: 'en-GB', cy: 'cy-GB' } as const;
const pageLabel = { en: (n: number, of: number) => `Page ${n} of ${of}`, cy: (n: number, of: number) => `Tudalen ${n} o ${of}` } as const;

/**
 * Renders a simple readable document (a participant's copy of what Bridgework holds, a letter) to
 * an A4 tagged PDF: headings, paragraphs, lists, tables and charts are structure elements a screen
 * reader can follow (a chart as a figure with alternative text), in the document's language, with an embedded font that has every Welsh letter.
 * The title is metadata (shown in the viewer's title bar); give a level 1 heading to print it.
 * Any text is safe: it is cleaned of control characters and wrapped, long words broken.
 *
 * @example const pdf = await renderPdf({ title: 'Your letter', language: 'cy', blocks: [{ kind: 'paragraph', text: 'Annwyl …' }] });
 */
export async function renderPdf(input: PdfDocument): Promise<Buffer> {
  return (await layoutPdf(input)).pdf;
}

/** Renders as `renderPdf` does, and reports the page count and where each kept-together group landed (for tests and checks). */
export function layoutPdf(input: PdfDocument): Promise<{ pdf: Buffer; layout: PdfLayout }> {
  return new Promise((resolve, reject) => {
    const info: PDFKit.DocumentInfo = { Title: cleanText(input.title), Author: cleanText(input.author ?? 'Bridgework'), Creator: 'Bridgework' };
    if (input.subject !== undefined) info.Subject = cleanText(input.subject);
    if (input.createdAt !== undefined) info.CreationDate = input.createdAt;
    const doc = new PDFDocument({
      size: PAGE.size,
      margins: { ...PAGE.margins },
      pdfVersion: '1.7',
      tagged: true,
      lang: LANG[input.language],
      displayTitle: true,
      bufferPages: true,
      font: fontSource('regular'),
      info,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const report: PdfLayout = { pages: 0, kept: [] };
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), layout: report }));
    doc.on('error', reject);

    rememberFace(doc, 'regular');
    escapeXmpMetadata(doc);
    doc.lineGap(TYPE.lineGap);
    const root = doc.struct('Document');
    doc.addStructure(root);
    const layout: Layout = { doc, root, left: PAGE.margins.left, width: doc.page.width - PAGE.margins.left - PAGE.margins.right };
    const outline = createOutline(doc);
    renderBlocks(layout, input.blocks, outline, report);
    root.end();
    report.pages = doc.bufferedPageRange().count;
    drawFooters(layout, input);
    doc.end();
  });
}

/**
 * pdfkit copies Title, Author and Subject into the XMP metadata stream without escaping them, so a
 * title with `&` or `<` would make that XML malformed. It writes the Info dictionary (escaped as
 * PDF strings) first; this escapes the values for XML just before the XMP is built from them.
 */
function escapeXmpMetadata(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { endMetadata?: () => void };
  const endMetadata = internals.endMetadata;
  if (typeof endMetadata !== 'function') return;
  internals.endMetadata = () => {
    for (const key of ['Title', 'Author', 'Subject'] as const) {
      const value = doc.info[key];
      if (value !== undefined) doc.info[key] = escapeXml(value);
    }
    endMetadata.call(doc);
  };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

function renderBlocks(layout: Layout, blocks: readonly PdfBlock[], outline: Outline, report: PdfLayout): void {
  blocks.forEach((block, i) => {
    renderBlock(layout, block, blocks[i + 1], outline, report);
  });
}

/** The page the cursor is on, 1-based: pages are only ever added at the end while blocks are drawn. */
const currentPage = (doc: PDFKit.PDFDocument) => doc.bufferedPageRange().start + doc.bufferedPageRange().count;

function renderBlock(layout: Layout, block: PdfBlock, next: PdfBlock | undefined, outline: Outline, report: PdfLayout): void {
  switch (block.kind) {
    case 'keep': {
      const { doc } = layout;
      const height = block.blocks.reduce((sum, b, i) => sum + blockHeight(layout, b, block.blocks[i + 1]), 0);
      if (height <= pageBottom(doc) - pageTop(doc)) ensureSpace(doc, height);
      const firstPage = currentPage(doc);
      renderBlocks(layout, block.blocks, outline, report);
      report.kept.push({ label: block.label ?? '', firstPage, lastPage: currentPage(doc) });
      break;
    }
    case 'pageBreak':
      if (layout.doc.y > pageTop(layout.doc)) newPage(layout.doc);
      break;
    case 'heading':
      renderHeading(layout, cleanText(block.text), block.level ?? 1, next, outline);
      break;
    case 'paragraph':
      renderParagraph(layout, cleanText(block.text));
      break;
    case 'list':
      renderList(
        layout,
        block.items.map((item) => cleanText(item)),
      );
      break;
    case 'facts':
      if (block.rows.length === 0) break;
      renderGrid(layout, { widths: [layout.width * 0.35, layout.width * 0.65], head: null, rows: block.rows.map((r) => [r.label, r.value]), rowHeads: true });
      gap(layout, TYPE.gridGap);
      break;
    case 'table': {
      const columns = block.rows.reduce((most, r) => Math.max(most, r.length), block.head.length);
      if (columns === 0) break;
      const widths = fitColumns(layout, block.head, block.rows, columns);
      renderGrid(layout, { widths, head: block.head.length > 0 ? block.head : null, rows: block.rows, rowHeads: false });
      gap(layout, TYPE.gridGap);
      break;
    }
    case 'chart':
      renderChart(layout, block.chart);
      break;
  }
}

function gap(layout: Layout, size: number = TYPE.blockGap): void {
  if (layout.doc.y > pageTop(layout.doc)) layout.doc.y += size;
}

function renderHeading(layout: Layout, text: string, level: 1 | 2 | 3, next: PdfBlock | undefined, outline: Outline): void {
  const { doc, root, left, width } = layout;
  if (text.trim() === '') return;
  const style = TYPE.heading[level];
  useFont(doc, 'regular', TYPE.body);
  // A chart is never split, so a heading keeps with all of it; with anything else, its first lines.
  const following = next?.kind === 'chart' ? chartHeight(layout, next.chart) : 2 * lineHeight(doc);
  useFont(doc, 'bold', style.size);
  const flowed = flowText(text, width, (s) => doc.widthOfString(s));
  const height = doc.heightOfString(flowed, { width });
  // Keep a heading with the start of what it heads.
  ensureSpace(doc, style.before + height + style.after + following);
  if (doc.y > pageTop(doc)) doc.y += style.before;
  outline(text, level);
  root.add(
    doc.struct(`H${level}`, {}, () => {
      useFont(doc, 'bold', style.size);
      doc.fillColor(COLOUR.text).text(flowed, left, doc.y, { width });
    }),
  );
  doc.y += style.after;
}

function renderParagraph(layout: Layout, text: string): void {
  const { doc, root, left, width } = layout;
  if (text.trim() === '') return;
  useFont(doc, 'regular', TYPE.body);
  const flowed = flowText(text, width, (s) => doc.widthOfString(s));
  ensureSpace(doc, 2 * lineHeight(doc));
  root.add(
    doc.struct('P', {}, () => {
      useFont(doc, 'regular', TYPE.body);
      doc.fillColor(COLOUR.text).text(flowed, left, doc.y, { width });
    }),
  );
  gap(layout);
}

function renderList(layout: Layout, items: string[]): void {
  const { doc, root, left, width } = layout;
  if (items.length === 0) return;
  const indent = 18;
  const list = doc.struct('L');
  root.add(list);
  for (const item of items) {
    useFont(doc, 'regular', TYPE.body);
    const flowed = flowText(item, width - indent, (s) => doc.widthOfString(s));
    ensureSpace(doc, lineHeight(doc));
    const y = doc.y;
    const li = doc.struct('LI');
    list.add(li);
    li.add(doc.struct('Lbl', {}, () => doc.fillColor(COLOUR.text).text('•', left + 4, y, { lineBreak: false })));
    li.add(doc.struct('LBody', {}, () => doc.fillColor(COLOUR.text).text(flowed.trim() === '' ? ' ' : flowed, left + indent, y, { width: width - indent })));
    li.end();
    doc.x = left;
    doc.y += 4;
  }
  list.end();
  gap(layout);
}

/** Bookmarks that follow the headings, nested by level, for moving around a long document. */
type Outline = (title: string, level: 1 | 2 | 3) => void;

function createOutline(doc: PDFKit.PDFDocument): Outline {
  let parents: PDFKit.PDFOutline[] = [];
  return (title, level) => {
    const parent = parents.slice(0, level - 1).findLast(Boolean) ?? doc.outline;
    const oneLine = title.replace(/\s+/gu, ' ').trim();
    const item = parent.addItem(oneLine.length > 200 ? `${Array.from(oneLine).slice(0, 199).join('')}…` : oneLine);
    parents = [...parents.slice(0, level - 1), item];
  };
}

function drawFooters(layout: Layout, input: PdfDocument): void {
  const { doc, left, width } = layout;
  const range = doc.bufferedPageRange();
  const footer = cleanText(input.footer ?? '').trim();
  useFont(doc, 'regular', TYPE.small);
  const measure = (s: string) => doc.widthOfString(s);
  const footerLines = footer === '' ? [] : clampLines(wrapLines(footer, width, measure), 2, width, measure);
  const note = provenanceNote(input.provenance ?? [], input.language);
  // Four lines fit below the bottom margin: the note gives way to a two-line footer.
  const noteLines = note === null ? [] : clampLines(wrapLines(note, width, measure), Math.max(1, 3 - footerLines.length), width, measure);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    asArtifact(
      doc,
      () => {
        useFont(doc, 'regular', TYPE.small);
        const lines = [...footerLines, ...noteLines, pageLabel[input.language](i + 1, range.count)];
        const lh = lineHeight(doc);
        const top = doc.page.height - PAGE.margins.bottom + 16;
        doc
          .save()
          .lineWidth(1)
          .strokeColor(COLOUR.rule)
          .moveTo(left, top - 6)
          .lineTo(left + width, top - 6)
          .stroke()
          .restore();
        doc.fillColor(COLOUR.secondary);
        lines.forEach((line, k) => {
          doc.text(line, left, top + k * lh, { lineBreak: false });
        });
      },
      true,
    );
  }
}

/**
 * How tall a block will be when drawn from the top of a page, near enough to decide whether a
 * kept-together group fits on what is left of this one: the same measures the renderers use.
 */
function blockHeight(layout: Layout, block: PdfBlock, next: PdfBlock | undefined): number {
  const { doc, width } = layout;
  const textHeight = (text: string, w: number) =>
    doc.heightOfString(
      flowText(cleanText(text), w, (x) => doc.widthOfString(x)),
      { width: w },
    );
  switch (block.kind) {
    case 'heading': {
      const style = TYPE.heading[block.level ?? 1];
      useFont(doc, 'bold', style.size);
      return style.before + textHeight(block.text, width) + style.after;
    }
    case 'paragraph':
      useFont(doc, 'regular', TYPE.body);
      return textHeight(block.text, width) + TYPE.blockGap;
    case 'list':
      useFont(doc, 'regular', TYPE.body);
      return block.items.reduce((sum, item) => sum + textHeight(item, width - 18) + 4, 0) + TYPE.blockGap;
    case 'facts':
      return block.rows.length === 0
        ? 0
        : gridHeight(layout, { widths: [width * 0.35, width * 0.65], head: null, rows: block.rows.map((r) => [r.label, r.value]), rowHeads: true }) +
            TYPE.gridGap;
    case 'table': {
      const columns = block.rows.reduce((most, r) => Math.max(most, r.length), block.head.length);
      if (columns === 0) return 0;
      const widths = fitColumns(layout, block.head, block.rows, columns);
      return gridHeight(layout, { widths, head: block.head.length > 0 ? block.head : null, rows: block.rows, rowHeads: false }) + TYPE.gridGap;
    }
    case 'chart':
      return chartHeight(layout, block.chart);
    case 'keep':
      return block.blocks.reduce((sum, b, i) => sum + blockHeight(layout, b, block.blocks[i + 1] ?? next), 0);
    case 'pageBreak':
      return 0;
  }
}
