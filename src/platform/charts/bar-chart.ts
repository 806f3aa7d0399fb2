import { CHART_COLOURS, escapeXml, linearScale, niceTicks } from './line-chart.ts';

/*
 * A horizontal bar chart drawn on the server as an SVG string, like the line chart: no script, no
 * inline styles, a title and description for assistive technology, and the page gives the figures
 * in a table beside it. A bar may carry an interval (a confidence interval) drawn as a whisker; a
 * bar with no value (a suppressed figure) is drawn as nothing, with its label and a note.
 */

export type Bar = { label: string; value: number | null; interval?: { low: number; high: number } | null; note?: string };
export type BarChartInput = {
  title: string;
  description: string;
  bars: readonly Bar[];
  format?: (v: number) => string;
  /** Prefix for the ids of the title and description (unique on the page). */
  id?: string;
};

const WIDTH = 720;
const LABEL = 220;
const ROW = 32;
const TOP = 16;
const FONT = 14;

const n = (v: number) => String(Math.round(v * 100) / 100);

export function barChart(input: BarChartInput): string {
  const id = input.id ?? 'bar-chart';
  const format = input.format ?? ((v: number) => String(v));
  const highs = input.bars.flatMap((b) => [b.value ?? 0, b.interval?.high ?? 0]);
  const ticks = niceTicks(0, Math.max(0, ...highs), 5);
  const max = ticks[ticks.length - 1] ?? 1;
  const plotRight = WIDTH - 70;
  const x = linearScale([0, max || 1], [LABEL, plotRight]);
  const height = TOP + input.bars.length * ROW + 36;
  const axisY = TOP + input.bars.length * ROW;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(input.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(input.description)}</desc>`,
  );
  for (const t of ticks) {
    parts.push(`<line x1="${n(x(t))}" y1="${TOP}" x2="${n(x(t))}" y2="${axisY}" stroke="#b1b4b6" stroke-width="1"/>`);
    parts.push(`<text x="${n(x(t))}" y="${axisY + 20}" font-size="${FONT}" text-anchor="middle" fill="#0b0c0c">${escapeXml(format(t))}</text>`);
  }
  input.bars.forEach((b, i) => {
    const y = TOP + i * ROW;
    parts.push(`<text x="${LABEL - 8}" y="${y + ROW / 2 + 5}" font-size="${FONT}" text-anchor="end" fill="#0b0c0c">${escapeXml(b.label)}</text>`);
    if (b.value === null) {
      parts.push(`<text x="${LABEL + 4}" y="${y + ROW / 2 + 5}" font-size="${FONT}" fill="#505a5f">${escapeXml(b.note ?? '')}</text>`);
      return;
    }
    const w = Math.max(0, x(b.value) - LABEL);
    parts.push(`<rect x="${LABEL}" y="${y + 6}" width="${n(w)}" height="${ROW - 12}" fill="${CHART_COLOURS[0]}"/>`);
    if (b.interval) {
      const lo = x(Math.max(0, b.interval.low));
      const hi = x(b.interval.high);
      const mid = y + ROW / 2;
      parts.push(
        `<line x1="${n(lo)}" y1="${mid}" x2="${n(hi)}" y2="${mid}" stroke="${CHART_COLOURS[1]}" stroke-width="2"/>`,
        `<line x1="${n(lo)}" y1="${mid - 7}" x2="${n(lo)}" y2="${mid + 7}" stroke="${CHART_COLOURS[1]}" stroke-width="2"/>`,
        `<line x1="${n(hi)}" y1="${mid - 7}" x2="${n(hi)}" y2="${mid + 7}" stroke="${CHART_COLOURS[1]}" stroke-width="2"/>`,
      );
    }
    const end = Math.max(x(b.value), b.interval ? x(b.interval.high) : 0);
    parts.push(`<text x="${n(end + 6)}" y="${y + ROW / 2 + 5}" font-size="${FONT}" fill="#0b0c0c">${escapeXml(format(b.value))}</text>`);
  });
  parts.push(`<line x1="${LABEL}" y1="${TOP}" x2="${LABEL}" y2="${axisY}" stroke="#0b0c0c" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('');
}
