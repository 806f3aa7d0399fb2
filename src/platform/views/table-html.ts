import nunjucks from 'nunjucks';

/**
 * The GOV.UK table (govukTable's params and markup) built in one pass of TypeScript, given to every
 * template as `appTable`. GOV.UK Frontend's macro runs a loop with its loop variables, a captured
 * block and an attributes macro for every cell; on a 400-row inbox that was most of the page's
 * render (docs/performance.md). Output matches govukTable's HTML (test: table-html.test.ts).
 */
type Attribute = unknown;
export type Attributes = string | nunjucks.runtime.SafeString | Record<string, Attribute> | undefined;
export type TableCell = {
  text?: unknown;
  html?: unknown;
  format?: string;
  classes?: string;
  colspan?: number | string;
  rowspan?: number | string;
  attributes?: Attributes;
};
export type TableParams = {
  caption?: unknown;
  captionClasses?: string;
  head?: readonly TableCell[];
  rows?: readonly (readonly TableCell[] | null | undefined)[];
  firstCellIsHeader?: boolean;
  classes?: string;
  attributes?: Attributes;
};

const SafeString = nunjucks.runtime.SafeString;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '\\': '&#92;' };

const NEEDS_ESCAPE = /[&"'<>\\]/;
const TO_ESCAPE = /[&"'<>\\]/g;

/**
 * Nunjucks' autoescape: nothing for null or undefined, marked-safe text as it is, the rest escaped.
 * Most text has nothing to escape, and is returned without a replace (which allocates).
 */
export function esc(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof SafeString) return v.val;
  const s = String(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? c) : s;
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof SafeString);

/** govukAttributes: a string as it is; a mapping as ` name="value"`, optional ones left out when empty. */
export function attributes(a: Attributes): string {
  if (!a) return '';
  if (typeof a === 'string') return a;
  if (a instanceof SafeString) return a.val;
  let out = '';
  for (const [name, item] of Object.entries(a)) {
    const options = isMapping(item) ? { value: item.value, optional: item.optional } : { value: item, optional: false };
    const value = options.value;
    if (options.optional === true && value === true) out += ` ${esc(name)}`;
    else if (options.optional !== true || (value !== undefined && value !== null && value !== false)) out += ` ${esc(name)}="${esc(value)}"`;
  }
  return out;
}

const content = (c: TableCell) => (c.html ? (c.html instanceof SafeString ? c.html.val : String(c.html)) : esc(c.text));
const spans = (c: TableCell) => `${c.colspan ? ` colspan="${esc(c.colspan)}"` : ''}${c.rowspan ? ` rowspan="${esc(c.rowspan)}"` : ''}`;
const extra = (classes: string | undefined) => (classes ? ` ${esc(classes)}` : '');

export function tableHtml(params: TableParams): nunjucks.runtime.SafeString {
  const parts: string[] = [`<table class="govuk-table${extra(params.classes)}"${attributes(params.attributes)}>`];
  if (params.caption) parts.push(`<caption class="govuk-table__caption${extra(params.captionClasses)}">${esc(params.caption)}</caption>`);
  if (params.head) {
    parts.push('<thead class="govuk-table__head"><tr class="govuk-table__row">');
    for (const h of params.head) {
      const format = h.format ? ` govuk-table__header--${esc(h.format)}` : '';
      parts.push(`<th scope="col" class="govuk-table__header${format}${extra(h.classes)}"${spans(h)}${attributes(h.attributes)}>${content(h)}</th>`);
    }
    parts.push('</tr></thead>');
  }
  parts.push('<tbody class="govuk-table__body">');
  for (const row of params.rows ?? []) {
    if (!row) continue;
    parts.push('<tr class="govuk-table__row">');
    row.forEach((c, i) => {
      if (i === 0 && params.firstCellIsHeader) {
        parts.push(`<th scope="row" class="govuk-table__header${extra(c.classes)}"${spans(c)}${attributes(c.attributes)}>${content(c)}</th>`);
      } else {
        const format = c.format ? ` govuk-table__cell--${esc(c.format)}` : '';
        parts.push(`<td class="govuk-table__cell${format}${extra(c.classes)}"${spans(c)}${attributes(c.attributes)}>${content(c)}</td>`);
      }
    });
    parts.push('</tr>');
  }
  parts.push('</tbody></table>');
  return new SafeString(parts.join('\n'));
}

/**
 * The same table in a box that scrolls sideways when the table is wider than the screen (a phone at
 * 375 px), given to every template as `appTableScroll`: GOV.UK's advice for a table too wide to
 * fit. The box is a region named by `label` (else the table's caption) and reachable by keyboard,
 * so that a person without a pointer can scroll it (axe's scrollable-region-focusable). The table
 * inside is `appTable`'s, unchanged (ADR 0071).
 */
export function tableScrollHtml(params: TableParams, label?: unknown): nunjucks.runtime.SafeString {
  const name = esc(label ?? params.caption);
  if (!name) throw new Error('appTableScroll: the scrolling box needs a name: give the table a caption, or a label');
  return new SafeString(`<div class="app-table-scroll" role="region" aria-label="${name}" tabindex="0">\n${tableHtml(params).val}\n</div>`);
}
