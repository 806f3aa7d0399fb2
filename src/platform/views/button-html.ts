import nunjucks from 'nunjucks';
import { type Attributes, attributes, esc } from './table-html.ts';

/**
 * The GOV.UK button (govukButton's params and markup, as a link or a button, start buttons
 * included) built in TypeScript, given to every template as `appButton`. GOV.UK Frontend's macro
 * includes its template, captures two blocks and calls an attributes macro on every call: a case
 * page's five buttons took about a sixth of its render (ADR 0061). Output is govukButton's, byte
 * for byte (test: button-html.test.ts).
 */
export type ButtonParams = {
  text?: unknown;
  html?: unknown;
  href?: unknown;
  type?: unknown;
  name?: unknown;
  value?: unknown;
  disabled?: unknown;
  preventDoubleClick?: unknown;
  isStartButton?: unknown;
  classes?: unknown;
  id?: unknown;
  attributes?: Attributes;
};

const SafeString = nunjucks.runtime.SafeString;
const START_ICON =
  '\n  <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">\n    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>\n  </svg>';
/** Nunjucks' `trim` filter. */
const trim = (s: string) => s.replace(/^\s*|\s*$/g, '');
/** Nunjucks' `indent(2)`: every line but the first two spaces in; nothing stays nothing. */
const indent2 = (s: string) => (s === '' ? '' : s.split('\n').join('\n  '));

export function buttonHtml(params: ButtonParams): nunjucks.runtime.SafeString {
  const classes = `govuk-button${params.classes ? ` ${String(params.classes)}` : ''}${params.isStartButton ? ' govuk-button--start' : ''}`;
  const common = ` class="${esc(classes)}" data-module="govuk-button"${attributes(params.attributes)}${params.id ? ` id="${esc(params.id)}"` : ''}`;
  const html = params.html ? trim(String(params.html instanceof SafeString ? params.html.val : params.html)) : null;
  const text = html === null ? esc(params.text) : params.isStartButton ? `<span>${html}</span>` : html;
  const inner = `\n  ${indent2(text)}${params.isStartButton ? START_ICON : ''}\n`;
  if (params.href) return new SafeString(`<a href="${esc(params.href)}" role="button" draggable="false"${common}>${inner}</a>`);
  let open = `<button type="${params.type ? esc(params.type) : 'submit'}"`;
  if (params.value) open += ` value="${esc(params.value)}"`;
  if (params.name) open += ` name="${esc(params.name)}"`;
  if (params.disabled) open += ' disabled aria-disabled="true"';
  if (params.preventDoubleClick !== undefined) open += ` data-prevent-double-click="${esc(params.preventDoubleClick)}"`;
  return new SafeString(`${open}${common}>${inner}</button>`);
}
