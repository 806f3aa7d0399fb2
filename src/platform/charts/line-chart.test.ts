import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type ChartSeries, escapeXml, linearScale, lineChart, niceTicks } from './index.ts';

const base = {
  title: 'Income by hours',
  description: 'Total income rises with hours worked.',
  xLabel: 'Hours a week',
  yLabel: 'Pounds a month',
};
const series: ChartSeries[] = [
  {
    label: 'Total',
    pattern: 'solid',
    points: [
      { x: 0, y: 1000 },
      { x: 20, y: 1500 },
      { x: 40, y: 2100 },
    ],
  },
  {
    label: 'Universal Credit',
    pattern: 'dashed',
    points: [
      { x: 0, y: 1000 },
      { x: 20, y: 600 },
      { x: 40, y: 0 },
    ],
  },
  { label: 'Net pay', pattern: 'dotted', points: [{ x: 40, y: 2100 }] },
];

/** The `d` attributes of the series lines. */
const linePaths = (svg: string) => [...svg.matchAll(/class="app-chart__line" d="([^"]*)"/g)].map((m) => m[1] ?? '');
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const numbersIn = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('line chart', () => {
  test('is an image named by its title and description', () => {
    const svg = lineChart({ ...base, series, id: 'income' });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="income-title income-desc"');
    expect(svg).toContain('<title id="income-title">Income by hours</title>');
    expect(svg).toContain('<desc id="income-desc">Total income rises with hours worked.</desc>');
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).not.toContain('style=');
  });

  test('escapes every piece of text it is given', () => {
    const evil = '<script>alert("x")</script> & \'q\'';
    const svg = lineChart({
      title: evil,
      description: evil,
      xLabel: evil,
      yLabel: evil,
      series: [{ label: evil, pattern: 'solid', points: [{ x: 1, y: 1 }] }],
      marker: { x: 1, label: evil },
      yFormat: () => evil,
      xFormat: () => evil,
      id: '"><script>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('"x"');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(svg).toContain('aria-labelledby="script-title script-desc"');
    expect(escapeXml('a\u0000b')).toBe('ab');
  });

  test('draws one path per series, in its own pattern, with a legend entry for each', () => {
    const svg = lineChart({ ...base, series });
    expect(linePaths(svg)).toHaveLength(3);
    expect(svg.match(/class="app-chart__series"/g)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray="10 6"');
    expect(svg).toContain('stroke-dasharray="2 6"');
    for (const s of series) expect(texts(svg)).toContain(s.label);
  });

  test('labels the axes and their ticks with the formats given', () => {
    const svg = lineChart({ ...base, series, xTicks: [0, 10, 20, 30, 40], yFormat: (v) => `£${v.toLocaleString('en-GB')}`, xFormat: (v) => `${v}h` });
    const labels = texts(svg);
    for (const t of ['0h', '10h', '20h', '30h', '40h']) expect(labels).toContain(t);
    expect(labels).toContain('£0');
    expect(labels).toContain('£2,500');
    expect(labels).toContain('Hours a week');
    expect(labels).toContain('Pounds a month');
  });

  test('maps data into the plot: larger y is higher up, larger x further right', () => {
    const svg = lineChart({ ...base, series: [series[0] as ChartSeries], xTicks: [0, 20, 40] });
    const [d] = linePaths(svg);
    const [x0, y0, x1, y1, x2, y2] = numbersIn(d ?? '');
    expect(x0).toBeLessThan(x1 as number);
    expect(x1).toBeLessThan(x2 as number);
    expect(y0).toBeGreaterThan(y1 as number);
    expect(y1).toBeGreaterThan(y2 as number);
    // x is evenly spaced for evenly spaced data
    expect(Math.abs((x1 as number) - (x0 as number) - ((x2 as number) - (x1 as number)))).toBeLessThan(0.02);
  });

  test('draws a marker line with its label', () => {
    const svg = lineChart({ ...base, series, marker: { x: 16, label: 'Your 16 hours' } });
    expect(svg).toContain('class="app-chart__marker"');
    expect(texts(svg)).toContain('Your 16 hours');
  });

  test('empty, flat and single-point data give a finite chart', () => {
    const cases: ChartSeries[][] = [
      [],
      [{ label: 'None', pattern: 'solid', points: [] }],
      [
        {
          label: 'Flat zero',
          pattern: 'solid',
          points: [
            { x: 0, y: 0 },
            { x: 40, y: 0 },
          ],
        },
      ],
      [
        {
          label: 'Flat',
          pattern: 'dashed',
          points: [
            { x: 0, y: 900 },
            { x: 40, y: 900 },
          ],
        },
      ],
      [{ label: 'Point', pattern: 'dotted', points: [{ x: 5, y: 5 }] }],
      [{ label: 'Not numbers', pattern: 'solid', points: [{ x: Number.NaN, y: Number.POSITIVE_INFINITY }] }],
    ];
    for (const s of cases) {
      const svg = lineChart({ ...base, series: s });
      expect(svg).not.toMatch(/NaN|Infinity/);
      expect(linePaths(svg)).toHaveLength(s.length);
    }
  });

  test('any finite data gives coordinates inside the viewBox', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -1e6, max: 1e6, noNaN: true }), y: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { maxLength: 20 }),
        (points) => {
          const svg = lineChart({ ...base, series: [{ label: 'S', pattern: 'solid', points }] });
          expect(svg).not.toMatch(/NaN|Infinity/);
          const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? [];
          for (const v of numbersIn(linePaths(svg)[0] ?? '')) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(Math.max(Number(w), Number(h)));
          }
        },
      ),
    );
  });
});

describe('scales', () => {
  test('nice ticks cover the range in round steps', () => {
    expect(niceTicks(0, 2100)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(niceTicks(0, 40, 8)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(niceTicks(-120, 80)).toEqual([-150, -100, -50, 0, 50, 100]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const flat = niceTicks(900, 900);
    expect(flat[0]).toBeLessThanOrEqual(900);
    expect(flat.at(-1)).toBeGreaterThanOrEqual(900);
    expect(niceTicks(Number.NaN, Number.NaN).every(Number.isFinite)).toBe(true);
    // At the limits of floating point: a few finite ticks, not a runaway loop.
    for (const [lo, hi] of [
      [0, 1.5e308],
      [-1e308, 1e308],
      [1e16, 1e16 + 4],
      [Number.MAX_VALUE, Number.MAX_VALUE],
    ] as const) {
      const ticks = niceTicks(lo, hi);
      expect(ticks.length, `${lo} to ${hi}`).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThan(30);
      expect(ticks.every(Number.isFinite)).toBe(true);
    }
  });

  test('a linear scale maps ends to ends, and a zero-width domain to the start', () => {
    const s = linearScale([0, 40], [100, 500]);
    expect(s(0)).toBe(100);
    expect(s(40)).toBe(500);
    expect(s(20)).toBe(300);
    expect(linearScale([5, 5], [10, 20])(5)).toBe(10);
  });
});
