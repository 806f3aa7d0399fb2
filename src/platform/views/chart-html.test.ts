import { describe, expect, test } from 'vitest';
import { chartHtml } from './chart-html.ts';

describe('chartHtml', () => {
  test('a chart goes in its box; with none, the reason is an inset, escaped', () => {
    expect(String(chartHtml('<svg></svg>', 'unused'))).toBe('<div class="app-chart"><svg></svg></div>');
    expect(String(chartHtml(null, 'Too few <people>'))).toBe('<p class="govuk-inset-text">Too few &lt;people&gt;</p>');
  });
});
