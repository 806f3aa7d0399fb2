import { CHART_COLOURS, type ChartFrame, chartFrame, type LineChartInput, type LinePattern, linearScale } from '../charts/index.ts';
import { COLOUR, ensureSpace, type Layout, lineHeight, pageBottom, pageTop, TYPE, useFont } from './layout.ts';
import { clampLines, cleanText, wrapLines } from './text.ts';

/**
 * A line chart for a PDF: the same input as the page's SVG chart (`lineChart`), so a document can
 * show the chart its page shows. The title is not drawn (give the chart a heading, as a page does);
 * with the description it is the figure's alternative text.
 */
export type PdfChart = Omit<LineChartInput, 'id'>;

/** Line widths and dash patterns in points: at print size, a little finer than the SVG's pixels. */
const LINE_WIDTH = 2;
const DASHES: Record<LinePattern, readonly number[] | null> = {
  solid: null,
  dashed: [7, 4],
  dotted: [0.01, 4],
  'dash-dot': [10, 3.5, 0.01, 3.5],
};
const POINT = 3.2;
const PLOT_HEIGHT = 230;
const MIN_PLOT_HEIGHT = 100;
const SAMPLE_WIDTH = 32;
/** How far below the top of a line of text the middle of its figures and capitals is, for the size 1 (Source Sans 3). */
const FIGURE_MIDDLE = 0.69;
/** Space between the parts of the chart: a label and its axis, one legend entry and the next. */
const GAP = { label: 6, legendLabel: 6, legendEntry: 18, belowLegend: 8 } as const;

/**
 * Draws a line chart from data with vector graphics: horizontal gridlines at the value ticks,
 * axes with their tick labels and titles, one line per series in its own colour, dash pattern and
 * point shape (so it reads in black and white), a legend above the plot and an optional vertical
 * marker with its label. It is one `Figure` structure element whose alternative text is the
 * title and description: a screen reader hears that, not the labels drawn inside it. The chart is
 * kept on one page; the plot is made shorter only if it would not fit on a page at all.
 */
export function renderChart(layout: Layout, input: PdfChart): void {
  const { doc, root, left, width } = layout;
  const { frame, small, yLabels, xLabels, plotLeft, plotRight, plotWidth, plotHeight, legend, markerHeight, height } = planChart(layout, input);
  const measureSmall = (s: string) => doc.widthOfString(s);
  ensureSpace(doc, height);

  const top = doc.y;
  const plotTop = top + legend.height + GAP.belowLegend + markerHeight;
  const plotBottom = plotTop + plotHeight;
  const x = bounded(linearScale(frame.xDomain, [plotLeft, plotLeft + plotWidth]), plotLeft, plotLeft + plotWidth);
  const y = bounded(linearScale(frame.yDomain, [plotBottom, plotTop]), plotTop, plotBottom);
  const alt = [input.title, input.description]
    .map((s) => oneLine(s))
    .filter((s) => s !== '')
    .map((s, i, all) => (i < all.length - 1 && !/[.!?:;]$/u.test(s) ? `${s}.` : s))
    .join(' ');

  const draw = () => {
    // Gridlines and value labels.
    useFont(doc, 'regular', TYPE.small);
    frame.yTicks.forEach((v, i) => {
      const py = y(v);
      if (py === null) return;
      doc.save().lineWidth(0.75).strokeColor(COLOUR.rule).moveTo(plotLeft, py).lineTo(plotRight, py).stroke().restore();
      const label = yLabels[i] ?? '';
      text(doc, label, plotLeft - GAP.label - measureSmall(label), py - FIGURE_MIDDLE * TYPE.small);
    });
    // The value axis title, turned to read upwards, centred on the plot.
    const yTitle = fitLine(input.yLabel, plotHeight, measureSmall);
    const yMid = (plotTop + plotBottom) / 2;
    doc.save().rotate(-90, { origin: [left, yMid] });
    text(doc, yTitle, left - measureSmall(yTitle) / 2, yMid);
    doc.restore();

    // Axes, and ticks with their labels, leaving out a label that would run into the one before it.
    doc.save().lineWidth(1).strokeColor(COLOUR.text).moveTo(plotLeft, plotTop).lineTo(plotLeft, plotBottom).lineTo(plotRight, plotBottom).stroke();
    let clearFrom = Number.NEGATIVE_INFINITY;
    frame.xTicks.forEach((v, i) => {
      const px = x(v);
      if (px === null) return;
      doc
        .moveTo(px, plotBottom)
        .lineTo(px, plotBottom + 4)
        .stroke();
      const label = xLabels[i] ?? '';
      const w = measureSmall(label);
      const from = Math.min(Math.max(px - w / 2, left), left + width - w);
      if (from < clearFrom) return;
      text(doc, label, from, plotBottom + GAP.label);
      clearFrom = from + w + 4;
    });
    doc.restore();
    const xTitle = fitLine(input.xLabel, width, measureSmall);
    const xTitleWidth = measureSmall(xTitle);
    text(
      doc,
      xTitle,
      Math.max(left, Math.min(plotLeft + plotWidth / 2, left + width - xTitleWidth / 2) - xTitleWidth / 2),
      plotBottom + GAP.label + small + GAP.label,
    );

    // The marker: a thin dashed line at one x value, its label above the plot.
    const marker = frame.marker;
    const mx = marker ? x(marker.x) : null;
    if (marker && mx !== null) {
      doc.save().lineWidth(1).strokeColor(COLOUR.secondary).dash(3, { space: 3 }).moveTo(mx, plotTop).lineTo(mx, plotBottom).stroke().restore();
      const label = fitLine(marker.label, width, measureSmall);
      const w = measureSmall(label);
      text(doc, label, Math.min(Math.max(mx - w / 2, plotLeft), left + width - w), plotTop - small - 1);
    }

    // The lines, each with its point shapes; nothing is drawn outside the plot (and its points' edges).
    doc
      .save()
      .rect(plotLeft - 2 * POINT, plotTop - 2 * POINT, plotWidth + 4 * POINT, plotHeight + 4 * POINT)
      .clip();
    frame.series.forEach((s, i) => {
      const colour = CHART_COLOURS[i % CHART_COLOURS.length] ?? COLOUR.text;
      const at = [...s.points]
        .sort((a, b) => a.x - b.x)
        .flatMap((p) => {
          const px = x(p.x);
          const py = y(p.y);
          return px === null || py === null ? [] : [{ px, py }];
        });
      const [first, ...rest] = at;
      if (!first) return;
      if (rest.length > 0) {
        stroke(doc, colour, s.pattern, () => {
          doc.moveTo(first.px, first.py);
          for (const p of rest) doc.lineTo(p.px, p.py);
        });
      }
      for (const p of at) pointShape(doc, i, p.px, p.py, colour);
    });
    doc.restore();

    // The legend: a sample of each line, in its colour, pattern and point shape, then its label.
    useFont(doc, 'regular', legend.size);
    legend.entries.forEach((e) => {
      const colour = CHART_COLOURS[e.index % CHART_COLOURS.length] ?? COLOUR.text;
      const cy = top + e.row * legend.rowHeight + legend.rowHeight / 2 - 1;
      stroke(doc, colour, e.pattern, () => doc.moveTo(e.x, cy).lineTo(e.x + SAMPLE_WIDTH, cy));
      pointShape(doc, e.index, e.x + SAMPLE_WIDTH / 2, cy, colour);
      text(doc, e.label, e.x + SAMPLE_WIDTH + GAP.legendLabel, top + e.row * legend.rowHeight + (legend.rowHeight - legend.textHeight) / 2);
    });
  };

  const figure = doc.struct('Figure', { alt, bbox: [left, top, left + width, top + height], placement: 'Block' }, draw);
  root.add(figure);
  doc.x = left;
  doc.y = top + height + TYPE.gridGap;
}

/** The height a chart will take, to keep a heading on the same page as the chart it heads. */
export function chartHeight(layout: Layout, input: PdfChart): number {
  return planChart(layout, input).height;
}

/** Where everything goes, relative to the top of the chart: the same for measuring and drawing. */
function planChart(layout: Layout, input: PdfChart) {
  const { doc, left, width } = layout;
  const frame = chartFrame(input);
  const yFormat = input.yFormat ?? ((v: number) => String(v));
  const xFormat = input.xFormat ?? ((v: number) => String(v));

  useFont(doc, 'regular', TYPE.small);
  const small = lineHeight(doc);
  const measure = (s: string) => doc.widthOfString(s);
  const yLabels = frame.yTicks.map((v) => fitLine(yFormat(v), width / 3, measure));
  const xLabels = frame.xTicks.map((v) => fitLine(xFormat(v), width / 3, measure));
  const yLabelWidth = Math.max(0, ...yLabels.map(measure));
  const plotLeft = left + small + GAP.label + yLabelWidth + GAP.label;
  const plotRight = left + width - Math.max(4, measure(xLabels.at(-1) ?? '') / 2);
  const plotWidth = Math.max(1, plotRight - plotLeft);

  const allRows = layoutLegend(layout, frame.series, plotLeft);
  const markerHeight = frame.marker ? small + 2 : 0;
  const below = GAP.label + small + GAP.label + small;
  // On a page of its own the whole chart fits: a very long legend makes the plot shorter, then loses its last rows.
  const pageHeight = pageBottom(doc) - pageTop(doc);
  const plotHeight = Math.max(MIN_PLOT_HEIGHT, Math.min(PLOT_HEIGHT, pageHeight - allRows.height - GAP.belowLegend - markerHeight - below));
  const maxRows = Math.max(0, Math.floor((pageHeight - plotHeight - below - markerHeight - GAP.belowLegend) / allRows.rowHeight));
  const legend = { ...allRows, entries: allRows.entries.filter((e) => e.row < maxRows), height: Math.min(allRows.height, maxRows * allRows.rowHeight) };
  const height = legend.height + GAP.belowLegend + markerHeight + plotHeight + below;
  return { frame, small, yLabels, xLabels, plotLeft, plotRight, plotWidth, plotHeight, legend, markerHeight, height };
}

type LegendEntry = { index: number; label: string; pattern: LinePattern; x: number; row: number };

/** Legend entries placed left to right from the plot's left edge, onto a new row when the next would not fit. */
function layoutLegend(layout: Layout, series: ChartFrame['series'], from: number) {
  const { doc, left, width } = layout;
  const size = TYPE.small;
  useFont(doc, 'regular', size);
  const measure = (s: string) => doc.widthOfString(s);
  const rowHeight = Math.max(lineHeight(doc), 2 * POINT + 6);
  const textHeight = doc.currentLineHeight(true);
  const start = Math.min(from, left + width / 2);
  const right = left + width;
  const entries: LegendEntry[] = [];
  let x = start;
  let row = 0;
  series.forEach((s, index) => {
    const label = fitLine(s.label, right - start - SAMPLE_WIDTH - GAP.legendLabel, measure);
    const w = SAMPLE_WIDTH + GAP.legendLabel + measure(label);
    if (x > start && x + w > right) {
      x = start;
      row += 1;
    }
    entries.push({ index, label, pattern: s.pattern, x, row });
    x += w + GAP.legendEntry;
  });
  return { entries, size, rowHeight, textHeight, height: entries.length === 0 ? 0 : (row + 1) * rowHeight };
}

/** A scale that gives null for a value it cannot place, and never a coordinate far off the chart (pdfkit rejects huge numbers). */
function bounded(scale: (v: number) => number, lo: number, hi: number): (v: number) => number | null {
  const margin = hi - lo + 100;
  return (v) => {
    const p = scale(v);
    return Number.isFinite(p) ? Math.min(Math.max(p, lo - margin), hi + margin) : null;
  };
}

function stroke(doc: PDFKit.PDFDocument, colour: string, pattern: LinePattern, path: () => void): void {
  doc.save().lineWidth(LINE_WIDTH).strokeColor(colour).lineCap('round').lineJoin('round');
  const dash = DASHES[pattern];
  // PDFKit takes a dash array as its first argument (its types say a number).
  if (dash) doc.dash([...dash] as unknown as number, {});
  path();
  doc.stroke().restore();
}

/** A filled circle, square, triangle or diamond, by series, as on the page's chart. */
function pointShape(doc: PDFKit.PDFDocument, index: number, x: number, y: number, colour: string): void {
  doc.save().fillColor(colour);
  const s = POINT;
  switch (index % 4) {
    case 0:
      doc.circle(x, y, s);
      break;
    case 1:
      doc.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    case 3:
      doc.polygon([x, y - s - 1], [x + s + 1, y], [x, y + s + 1], [x - s - 1, y]);
      break;
    default:
      doc.polygon([x, y - s - 1], [x + s + 1, y + s], [x - s - 1, y + s]);
  }
  doc.fill().restore();
}

function text(doc: PDFKit.PDFDocument, label: string, x: number, y: number): void {
  if (label === '') return;
  doc.fillColor(COLOUR.text).text(label, x, y, { lineBreak: false });
}

/** Text cleaned and put on one line. */
function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/gu, ' ').trim();
}

/** Text on one line no wider than `width`, cut short with an ellipsis if it is wider. */
function fitLine(text: string, width: number, measure: (s: string) => number): string {
  const line = oneLine(text);
  if (line === '') return '';
  return clampLines(wrapLines(line, Math.max(1, width), measure), 1, width, measure)[0] ?? '';
}
