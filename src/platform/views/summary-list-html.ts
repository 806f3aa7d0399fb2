import nunjucks from 'nunjucks';
import { type Attributes, attributes, esc } from './table-html.ts';

/**
 * The GOV.UK summary list (govukSummaryList's params and markup, with or without its card) built in
 * one pass of TypeScript, given to every template as `appSummaryList`. GOV.UK Frontend's macro loops
 * over the rows twice, captures the list as a block and calls an attributes macro and a link macro
 * for each row; on a case page (nine lists) that was most of the page's render (docs/performance.md).
 * Output matches govukSummaryList's HTML (test: summary-list-html.test.ts).
 */
type Content = { text?: unknown; html?: unknown; classes?: string };
export type SummaryListAction = {
  href?: unknown;
  text?: unknown;
  html?: unknown;
  visuallyHiddenText?: unknown;
  classes?: string;
  attributes?: Attributes;
};
type Actions = { items?: readonly SummaryListAction[]; classes?: string };
export type SummaryListRow = { key?: Content; value?: Content; actions?: Actions; classes?: string };
type CardTitle = Content & { headingLevel?: number | string };
type Card = { title?: CardTitle; actions?: Actions; classes?: string; attributes?: Attributes };
export type SummaryListParams = {
  rows?: readonly (SummaryListRow | null | undefined | false)[];
  card?: Card;
  classes?: string;
  attributes?: Attributes;
};

const SafeString = nunjucks.runtime.SafeString;
const extra = (classes: unknown) => (classes ? ` ${esc(classes)}` : '');
/**
 * `x.html | safe | trim if x.html else x.text`, as the macro writes every key, value and title (the
 * callers put it on a line of its own, as the macro does: text there starts and ends with a space).
 */
const content = (c: Content | undefined) => (c?.html ? String(c.html instanceof SafeString ? c.html.val : c.html).trim() : esc(c?.text));

function actionLink(action: SummaryListAction, cardTitle: CardTitle | undefined): string {
  let hidden = '';
  if (action.visuallyHiddenText || cardTitle) {
    hidden = '<span class="govuk-visually-hidden">';
    if (action.visuallyHiddenText) hidden += ` ${esc(action.visuallyHiddenText)}`;
    if (cardTitle) hidden += ` (${cardTitle.html ? String(cardTitle.html instanceof SafeString ? cardTitle.html.val : cardTitle.html) : esc(cardTitle.text)})`;
    hidden += '</span>';
  }
  const text = action.html ? String(action.html instanceof SafeString ? action.html.val : action.html) : esc(action.text);
  return `<a class="govuk-link${extra(action.classes)}" href="${esc(action.href)}"${attributes(action.attributes)}>${text}${hidden}</a>`;
}

function list(params: SummaryListParams): string {
  const rows = params.rows ?? [];
  const anyRowHasActions = rows.some((row) => row && (row.actions?.items?.length ?? 0) > 0);
  const cardTitle = params.card?.title;
  const parts = [`<dl class="govuk-summary-list${extra(params.classes)}"${attributes(params.attributes)}>`];
  for (const row of rows) {
    if (!row) continue;
    const items = row.actions?.items;
    const noActions = anyRowHasActions && !items ? ' govuk-summary-list__row--no-actions' : '';
    parts.push(`<div class="govuk-summary-list__row${noActions}${extra(row.classes)}">`);
    parts.push(`<dt class="govuk-summary-list__key${extra(row.key?.classes)}">\n${content(row.key)}\n</dt>`);
    parts.push(`<dd class="govuk-summary-list__value${extra(row.value?.classes)}">\n${content(row.value)}\n</dd>`);
    if (items?.length) {
      parts.push(`<dd class="govuk-summary-list__actions${extra(row.actions?.classes)}">`);
      if (items.length === 1) parts.push(actionLink(items[0] as SummaryListAction, cardTitle));
      else {
        parts.push('<ul class="govuk-summary-list__actions-list">');
        for (const action of items) parts.push(`<li class="govuk-summary-list__actions-list-item">${actionLink(action, cardTitle)}</li>`);
        parts.push('</ul>');
      }
      parts.push('</dd>');
    }
    parts.push('</div>');
  }
  parts.push('</dl>');
  return parts.join('\n');
}

function card(params: Card, inner: string): string {
  const parts = [`<div class="govuk-summary-card${extra(params.classes)}"${attributes(params.attributes)}>`, '<div class="govuk-summary-card__title-wrapper">'];
  const title = params.title;
  if (title) {
    const level = esc(title.headingLevel ? title.headingLevel : 2);
    parts.push(`<h${level} class="govuk-summary-card__title${extra(title.classes)}">\n${content(title)}\n</h${level}>`);
  }
  const items = params.actions?.items;
  if (items?.length) {
    if (items.length === 1) {
      parts.push(`<div class="govuk-summary-card__actions${extra(params.actions?.classes)}">${actionLink(items[0] as SummaryListAction, title)}</div>`);
    } else {
      parts.push(`<ul class="govuk-summary-card__actions${extra(params.actions?.classes)}">`);
      for (const action of items) parts.push(`<li class="govuk-summary-card__action">${actionLink(action, title)}</li>`);
      parts.push('</ul>');
    }
  }
  parts.push('</div>', `<div class="govuk-summary-card__content">${inner}</div>`, '</div>');
  return parts.join('\n');
}

export function summaryListHtml(params: SummaryListParams): nunjucks.runtime.SafeString {
  const inner = list(params);
  return new SafeString(params.card ? card(params.card, inner) : inner);
}
