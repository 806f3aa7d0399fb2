/*
 * A line chart drawn on the server as an SVG string: no script, no inline styles (the CSP forbids
 * them), so it works without JavaScript and prints. It is an image with a title and description
 * for assistive technology; the page that shows it gives the same figures in a table beside it.
 */

export type LinePattern = 'solid' | 'dashed' | 'dotted' | 'dash-dot';
export type ChartPoint = { x: number; y: number };
export type ChartSeries = { label: string; points: readonly ChartPoint[]; pattern: LinePattern };

export type LineChartInput = {
  /** Read out as the image's name; also used for `<title>`. */
  title: string;
  /** Read out after the title: say in words what the chart shows. */
  description: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** Where the x axis has ticks; without them, ticks are worked out from the data. */
  xTicks?: readonly number[];
  /** How a y value reads on the axis, e.g. `(y) => '£' + y`; default: the number. */
  yFormat?: (y: number) => string;
  /** How an x value reads on the axis; default: the number. */
  xFormat?: (x: number) => string;
  /** A vertical line marking one x value, with a label (e.g. the hours someone is thinking of). */
  marker?: { x: number; label: string };
  /** Prefix for the ids of the title and description (unique on the page). */
  id?: string;
};

/** GOV.UK palette colours with at least 4.5:1 contrast against white. */
export const CHART_COLOURS = ['#1d70b8', '#0b0c0c', '#00703c', '#4c2c92', '#d4351c'] as const;
const DASHES: Record<LinePattern, string | null> = { solid: null, dashed: '10 6', dotted: '2 6', 'dash-dot': '14 5 2 5' };
const AXIS = '#0b0c0c';
const GRID = '#b1b4b6';
const MUTED = '#505a5f';

const WIDTH = 720;
const FONT = 16;
const SMALL = 14;

/** Text made safe for SVG (XML) content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(/(?![\t\n\r])\p{Cc}|[\ufffe\uffff]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Numbers written compactly into coordinates: two decimals, no trailing zeros. */
const n = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Round-number ticks covering [min, max]: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `count` of them. A flat or empty range still gets a usable scale (never a division by zero).
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  if (lo > hi) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    hi = Math.min(hi + pad, Number.MAX_VALUE);
    if (lo !== 0) lo = Math.max(lo - pad, -Number.MAX_VALUE);
  }
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const first = Math.floor(lo / step);
  const steps = Math.ceil(hi / step) - first;
  // Numbers near the limits of floating point (a range wider than the largest number, or too
  // narrow for its size) have no round steps: the range's own ends are the ticks.
  if (!Number.isFinite(first * step) || !Number.isFinite((first + steps) * step) || steps < 1 || steps > 4 * Math.max(1, count) + 4)
    return lo === hi ? [lo] : [lo, hi];
  return Array.from({ length: steps + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
}

/** A linear map from a domain to a range; a zero-width domain maps to the start of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** What a drawing of a chart is worked out from, in data units: the SVG here and the PDF's chart block share it. */
export type ChartFrame = {
  /** The series with only their finite points, in the order given. */
  series: ChartSeries[];
  xTicks: number[];
  /** Round numbers from zero (or below, for negative values) to past the highest value. */
  yTicks: number[];
  xDomain: [number, number];
  yDomain: [number, number];
  /** The marker, if its x value is a number. */
  marker: { x: number; label: string } | null;
};

/**
 * The ticks and domains of a chart: y from zero (or the lowest value) up to round numbers past the
 * highest; x at the ticks given (or round numbers), widened to take in every point and the marker.
 * Points that are not finite numbers are left out; no data or flat data still gets a usable scale.
 */
export function chartFrame(input: LineChartInput): ChartFrame {
  const series = input.series.map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) }));
  const points = series.flatMap((s) => s.points);
  const marker = input.marker && Number.isFinite(input.marker.x) ? { x: input.marker.x, label: input.marker.label } : null;
  const givenTicks = (input.xTicks ?? []).filter(Number.isFinite);
  const xs = [...points.map((p) => p.x), ...givenTicks, ...(marker ? [marker.x] : [])];
  const ys = points.map((p) => p.y);
  const yTicks = niceTicks(Math.min(0, ...ys), ys.length ? Math.max(...ys) : 1);
  const xTicks = givenTicks.length ? givenTicks : niceTicks(xs.length ? Math.min(...xs) : 0, xs.length ? Math.max(...xs) : 1);
  const xDomain: [number, number] = [Math.min(...xTicks, ...xs), Math.max(...xTicks, ...xs)];
  const yDomain: [number, number] = [yTicks[0] ?? 0, yTicks.at(-1) ?? 1];
  return { series, xTicks, yTicks, xDomain, yDomain, marker };
}

function markerShape(index: number, x: number, y: number, colour: string): string {
  const s = 4.5;
  switch (index % 4) {
    case 0:
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${s}" fill="${colour}"/>`;
    case 1:
      return `<rect x="${n(x - s)}" y="${n(y - s)}" width="${n(2 * s)}" height="${n(2 * s)}" fill="${colour}"/>`;
    case 3:
      return `<path d="M${n(x)} ${n(y - s - 1)}L${n(x + s + 1)} ${n(y)}L${n(x)} ${n(y + s + 1)}L${n(x - s - 1)} ${n(y)}Z" fill="${colour}"/>`;
    default:
      return `<path d="M${n(x)} ${n(y - s - 1)}L${n(x + s + 1)} ${n(y + s)}L${n(x - s - 1)} ${n(y + s)}Z" fill="${colour}"/>`;
  }
}

const lineAttributes = (pattern: LinePattern, colour: string) => {
  const dash = DASHES[pattern];
  return `stroke="${colour}" stroke-width="3" fill="none" stroke-linejoin="round" stroke-linecap="round"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
};

/** A rough text width, to leave room for labels (SVG has no text measurement on the server). */
const textWidth = (text: string, size: number) => text.length * size * 0.58;

/**
 * The chart as an SVG string, ready to place in a page unescaped: `role="img"`, named by its
 * `<title>` and `<desc>`; axes with ticks and labels; one `<path>` per series with its own colour,
 * dash pattern and point shape; a legend pairing each line sample with its label, so the lines can
 * be told apart without colour. It scales to its container through the viewBox.
 *
 * @example lineChart({ title: 'Income', description: '…', xLabel: 'Hours', yLabel: '£ a month', series: [{ label: 'Total', pattern: 'solid', points }] })
 */
export function lineChart(input: LineChartInput): string {
  const id = (input.id ?? 'chart').replace(/[^A-Za-z0-9_-]/g, '') || 'chart';
  const yFormat = input.yFormat ?? ((v: number) => String(v));
  const xFormat = input.xFormat ?? ((v: number) => String(v));
  const { series, xTicks, yTicks, xDomain, yDomain, marker } = chartFrame(input);

  // Layout: legend rows on top, y labels on the left, x labels and axis title below.
  const legendRows = series.length;
  const legendHeight = legendRows * 26 + 8;
  const yLabelWidth = Math.max(...yTicks.map((v) => textWidth(yFormat(v), SMALL)), 20);
  const left = Math.ceil(yLabelWidth + 16 + FONT + 8);
  const right = 24;
  const top = legendHeight + 24;
  const plotHeight = 300;
  const bottom = 64;
  const height = top + plotHeight + bottom;
  const x = linearScale(xDomain, [left, WIDTH - right]);
  const y = linearScale(yDomain, [top + plotHeight, top]);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" font-family="arial, sans-serif" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(input.description)}</desc>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
  );

  // Legend: a line sample in the series' colour, pattern and point shape, then its label.
  parts.push('<g class="app-chart__legend">');
  series.forEach((s, i) => {
    const colour = CHART_COLOURS[i % CHART_COLOURS.length] ?? AXIS;
    const ly = 16 + i * 26;
    parts.push(
      `<path d="M${left} ${ly}H${left + 48}" ${lineAttributes(s.pattern, colour)}/>`,
      markerShape(i, left + 24, ly, colour),
      `<text x="${left + 60}" y="${ly + 5}" font-size="${FONT}" fill="${AXIS}">${escapeXml(s.label)}</text>`,
    );
  });
  parts.push('</g>');

  // Grid lines and y ticks.
  parts.push('<g class="app-chart__y-axis">');
  for (const v of yTicks) {
    const py = y(v);
    parts.push(
      `<path d="M${left} ${n(py)}H${WIDTH - right}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${left - 8}" y="${n(py + 5)}" font-size="${SMALL}" text-anchor="end" fill="${AXIS}">${escapeXml(yFormat(v))}</text>`,
    );
  }
  const yMid = top + plotHeight / 2;
  parts.push(
    `<text x="${FONT}" y="${n(yMid)}" font-size="${FONT}" text-anchor="middle" fill="${AXIS}" transform="rotate(-90 ${FONT} ${n(yMid)})">${escapeXml(input.yLabel)}</text>`,
    '</g>',
  );

  // X axis with ticks.
  const baseline = top + plotHeight;
  parts.push('<g class="app-chart__x-axis">', `<path d="M${left} ${baseline}H${WIDTH - right}" stroke="${AXIS}" stroke-width="1.5"/>`);
  for (const v of xTicks) {
    const px = x(v);
    parts.push(
      `<path d="M${n(px)} ${baseline}V${baseline + 6}" stroke="${AXIS}" stroke-width="1.5"/>`,
      `<text x="${n(px)}" y="${baseline + 24}" font-size="${SMALL}" text-anchor="middle" fill="${AXIS}">${escapeXml(xFormat(v))}</text>`,
    );
  }
  parts.push(
    `<text x="${n((left + WIDTH - right) / 2)}" y="${baseline + 54}" font-size="${FONT}" text-anchor="middle" fill="${AXIS}">${escapeXml(input.xLabel)}</text>`,
    '</g>',
  );
  parts.push(`<path d="M${left} ${top}V${baseline}" stroke="${AXIS}" stroke-width="1.5"/>`);

  // The marker: a vertical line at one x value, labelled at the top of the plot.
  if (marker) {
    const px = x(marker.x);
    const anchor = px > WIDTH - right - textWidth(marker.label, SMALL) / 2 ? 'end' : px < left + textWidth(marker.label, SMALL) / 2 ? 'start' : 'middle';
    parts.push(
      `<g class="app-chart__marker"><path d="M${n(px)} ${top}V${baseline}" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="4 4"/>`,
      `<text x="${n(px)}" y="${top - 8}" font-size="${SMALL}" text-anchor="${anchor}" fill="${AXIS}">${escapeXml(marker.label)}</text></g>`,
    );
  }

  // One path per series, then its point shapes.
  series.forEach((s, i) => {
    const colour = CHART_COLOURS[i % CHART_COLOURS.length] ?? AXIS;
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    const d = sorted.map((p, j) => `${j === 0 ? 'M' : 'L'}${n(x(p.x))} ${n(y(p.y))}`).join('');
    parts.push(`<g class="app-chart__series"><path class="app-chart__line" d="${d || `M${left} ${baseline}`}" ${lineAttributes(s.pattern, colour)}/>`);
    for (const p of sorted) parts.push(markerShape(i, x(p.x), y(p.y), colour));
    parts.push('</g>');
  });

  parts.push('</svg>');
  return parts.join('');
}
