import type { FontFace } from './fonts.ts';
import { asArtifact, COLOUR, horizontalRule, type Layout, lineHeight, newPage, pageBottom, pageTop, TYPE, useFont } from './layout.ts';
import { cleanText, wrapLines } from './text.ts';

/** Rows of cells drawn line by line, so that a row taller than what is left of a page can carry on over the next. */
export type GridSpec = {
  widths: readonly number[];
  /** Column headings, repeated (as decoration) at the top of each page the grid continues on. */
  head: readonly string[] | null;
  rows: readonly (readonly string[])[];
  /** The first cell of each row heads that row (a summary list's label). */
  rowHeads: boolean;
};

type Cell = { lines: string[]; face: FontFace; tag: 'TH' | 'TD'; scope: 'Row' | 'Column' | null };
type Row = { cells: Cell[]; isHead: boolean };

const PAD_Y = 6;

/**
 * Column widths for a table: each column as wide as its widest line up to a fair share of the
 * width, any spare spread in proportion. Where the page allows, no column is narrower than its
 * longest word, so headings such as "Take-home pay" wrap between words, not inside them.
 */
export function fitColumns(layout: Layout, head: readonly string[], rows: readonly (readonly string[])[], columns: number): number[] {
  const { doc, width } = layout;
  const padding = 2 * paddingX(width / columns);
  const desired = Array.from({ length: columns }, () => 0);
  const minimum = Array.from({ length: columns }, () => 0);
  const widest = (items: readonly string[]) =>
    // An item too long to shape quickly is wider than the page anyway.
    items.reduce((most, item) => Math.max(most, item.length > 300 ? width : doc.widthOfString(item)), 0);
  const widen = (face: FontFace, texts: readonly string[]) => {
    useFont(doc, face, TYPE.body);
    texts.forEach((text, i) => {
      const clean = cleanText(text);
      desired[i] = Math.max(desired[i] ?? 0, widest(clean.split('\n')) + padding);
      minimum[i] = Math.max(minimum[i] ?? 0, widest(clean.split(/\s+/)) + padding);
    });
  };
  widen('bold', head);
  for (const row of rows) widen('regular', row);
  const floor = minimum.reduce((a, b) => a + b, 0);
  if (floor >= width) return shareWidths(desired, width);
  const extra = shareWidths(
    desired.map((d, i) => Math.max(0, d - (minimum[i] ?? 0))),
    width - floor,
  );
  return minimum.map((m, i) => m + (extra[i] ?? 0));
}

/** Water-filling: a column that wants less than an equal share of what is left gets what it wants; the rest share equally. */
export function shareWidths(desired: readonly number[], total: number): number[] {
  const widths = desired.map(() => 0);
  let open = desired.map((_, i) => i);
  let remaining = total;
  while (open.length > 0) {
    const share = remaining / open.length;
    const small = open.filter((i) => (desired[i] ?? 0) <= share);
    if (small.length === 0) {
      for (const i of open) widths[i] = share;
      return widths;
    }
    for (const i of small) {
      widths[i] = desired[i] ?? 0;
      remaining -= widths[i] ?? 0;
    }
    open = open.filter((i) => (desired[i] ?? 0) > share);
  }
  const used = widths.reduce((a, b) => a + b, 0);
  return used > 0 ? widths.map((w) => w + (total - used) * (w / used)) : widths.map(() => total / widths.length);
}

function paddingX(columnWidth: number): number {
  return Math.min(6, columnWidth / 8);
}

/** The height a grid takes drawn whole (no page break inside it): each row as tall as its tallest cell. */
export function gridHeight(layout: Layout, spec: GridSpec): number {
  const { doc } = layout;
  useFont(doc, 'bold', TYPE.body);
  const boldLine = lineHeight(doc);
  useFont(doc, 'regular', TYPE.body);
  const lh = Math.max(boldLine, lineHeight(doc));
  const linesIn = (row: readonly (string | undefined)[], headRow: boolean) =>
    spec.widths.reduce((most, width, i) => {
      useFont(doc, headRow || (spec.rowHeads && i === 0) ? 'bold' : 'regular', TYPE.body);
      return Math.max(most, wrapLines(cleanText(row[i] ?? ''), width - 2 * paddingX(width), (s) => doc.widthOfString(s)).length);
    }, 1);
  const rows = [...(spec.head ? [{ cells: spec.head, head: true }] : []), ...spec.rows.map((cells) => ({ cells, head: false }))];
  return rows.reduce((sum, r) => sum + 2 * PAD_Y + linesIn(r.cells, r.head) * lh, 0);
}

/**
 * Draws a tagged Table (TR, TH with its scope, TD). A row that does not fit on what is left of a
 * page moves whole to the next if it fits there, else it is split between lines; no text is ever
 * drawn past the bottom margin or over other text.
 */
export function renderGrid(layout: Layout, spec: GridSpec): void {
  const { doc, root, left } = layout;
  const columns = spec.widths.length;
  if (columns === 0) return;
  const xs = spec.widths.map((_, i) => left + spec.widths.slice(0, i).reduce((a, b) => a + b, 0));
  const tableWidth = spec.widths.reduce((a, b) => a + b, 0);
  useFont(doc, 'bold', TYPE.body);
  const boldLine = lineHeight(doc);
  useFont(doc, 'regular', TYPE.body);
  const lh = Math.max(boldLine, lineHeight(doc));

  const cell = (text: string | undefined, column: number, face: FontFace, tag: Cell['tag'], scope: Cell['scope']): Cell => {
    const width = spec.widths[column] ?? 0;
    useFont(doc, face, TYPE.body);
    const lines = wrapLines(cleanText(text ?? ''), width - 2 * paddingX(width), (s) => doc.widthOfString(s));
    return { lines, face, tag, scope };
  };
  const columnIndexes = spec.widths.map((_, i) => i);
  const head: Row | null = spec.head ? { cells: columnIndexes.map((i) => cell(spec.head?.[i], i, 'bold', 'TH', 'Column')), isHead: true } : null;
  const body: Row[] = spec.rows.map((row) => ({
    cells: columnIndexes.map((i) => (spec.rowHeads && i === 0 ? cell(row[i], i, 'bold', 'TH', 'Row') : cell(row[i], i, 'regular', 'TD', null))),
    isHead: false,
  }));
  const linesOf = (row: Row) => row.cells.reduce((most, c) => Math.max(most, c.lines.length), 1);
  const heightOf = (lines: number) => 2 * PAD_Y + lines * lh;
  const contentHeight = pageBottom(doc) - pageTop(doc);
  const headHeight = head ? heightOf(linesOf(head)) : 0;
  const repeatHead = head !== null && headHeight <= contentHeight / 4;

  const drawFragment = (row: Row, structs: PDFKit.PDFStructureElement[] | null, start: number, count: number) => {
    const y0 = doc.y;
    row.cells.forEach((c, i) => {
      const x = (xs[i] ?? left) + paddingX(spec.widths[i] ?? 0);
      const draw = () => {
        useFont(doc, c.face, TYPE.body);
        doc.fillColor(COLOUR.text);
        c.lines.slice(start, start + count).forEach((line, k) => {
          doc.text(line, x, y0 + PAD_Y + k * lh, { lineBreak: false });
        });
      };
      const struct = structs?.[i];
      if (struct) {
        const content = doc.markStructureContent(c.tag);
        draw();
        doc.endMarkedContent();
        struct.add(content);
      } else {
        asArtifact(doc, draw, true);
      }
    });
    const y1 = y0 + heightOf(count);
    horizontalRule(doc, left, y1, tableWidth, row.isHead ? 2 : 1);
    doc.x = left;
    doc.y = y1;
  };

  // Whether anything could be gained by moving on: nothing of this grid's own rows is on this page yet.
  let fresh = doc.y <= pageTop(doc) + 0.5;
  const continuePage = (row: Row) => {
    newPage(doc);
    fresh = true;
    if (head && repeatHead && !row.isHead) drawFragment(head, null, 0, linesOf(head));
  };

  // Keep the column headings with the first row (or, if that cannot share a page with them, its first lines).
  const first = body[0];
  const firstHeight = first ? heightOf(linesOf(first)) : 0;
  const leadIn = head ? headHeight + (headHeight + firstHeight <= contentHeight ? firstHeight : heightOf(2)) : Math.min(firstHeight, heightOf(2));
  if (!fresh && doc.y + leadIn > pageBottom(doc)) {
    newPage(doc);
    fresh = true;
  }

  const table = doc.struct('Table');
  root.add(table);
  for (const row of head ? [head, ...body] : body) {
    const tr = doc.struct('TR');
    table.add(tr);
    const structs = row.cells.map((c) => {
      const struct = doc.struct(c.tag, c.scope ? { scope: c.scope } : {});
      tr.add(struct);
      return struct;
    });
    const total = linesOf(row);
    let next = 0;
    while (next < total) {
      const remaining = total - next;
      const fit = Math.floor((pageBottom(doc) - doc.y - 2 * PAD_Y) / lh);
      const headAbove = repeatHead && !row.isHead ? headHeight : 0;
      const pageEmpty = doc.y <= pageTop(doc) + headAbove + 0.5;
      if (fit < remaining && !pageEmpty) {
        const fitOnFreshPage = Math.floor((contentHeight - headAbove - 2 * PAD_Y) / lh);
        const moveWhole = next === 0 && remaining <= fitOnFreshPage;
        if (fit < 1 || (!fresh && (moveWhole || fit < Math.min(2, remaining)))) {
          continuePage(row);
          continue;
        }
      }
      const count = Math.max(1, Math.min(fit, remaining));
      drawFragment(row, structs, next, count);
      next += count;
      // Under the column headings the first row stays put: moving it would leave them on their own.
      fresh = row.isHead;
      if (next < total) continuePage(row);
    }
    tr.end();
  }
  table.end();
}
