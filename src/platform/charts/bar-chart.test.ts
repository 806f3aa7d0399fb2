import { describe, expect, test } from 'vitest';
import { barChart } from './bar-chart.ts';

describe('bar chart', () => {
  test('draws a bar per value, a whisker per interval, and a note for a hidden value, all escaped', () => {
    const svg = barChart({
      title: 'Job starts <by> area',
      description: 'Two areas',
      bars: [
        { label: 'Leicester', value: 40, interval: { low: 30, high: 50 } },
        { label: 'Cardiff & Vale', value: null, note: 'fewer than 10' },
      ],
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="bar-chart-title">Job starts &lt;by&gt; area</title>');
    expect(svg.match(/<rect /g)).toHaveLength(1);
    // the whisker: one line and two end caps
    expect(svg.match(/stroke-width="2"/g)).toHaveLength(3);
    expect(svg).toContain('Cardiff &amp; Vale');
    expect(svg).toContain('fewer than 10');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  test('an empty chart or all-zero values draw without dividing by zero', () => {
    expect(barChart({ title: 't', description: 'd', bars: [] })).not.toMatch(/NaN|Infinity/);
    expect(barChart({ title: 't', description: 'd', bars: [{ label: 'a', value: 0 }] })).not.toMatch(/NaN|Infinity/);
  });
});
