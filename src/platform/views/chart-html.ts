import nunjucks from 'nunjucks';
import { esc } from './table-html.ts';

const { SafeString } = nunjucks.runtime;

/**
 * A chart from platform/charts (an SVG string) in its box; or, where the caller drew none because
 * every figure in it was hidden, the sentence `none` saying why, as an inset. The figures themselves
 * are in the table that follows a chart either way.
 */
export function chartHtml(svg: string | null | undefined, none = ''): nunjucks.runtime.SafeString {
  return new SafeString(svg ? `<div class="app-chart">${svg}</div>` : `<p class="govuk-inset-text">${esc(none)}</p>`);
}
