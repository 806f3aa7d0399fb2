import nunjucks from 'nunjucks';
import { describe, expect, test } from 'vitest';
import { type TableParams, tableHtml, tableScrollHtml } from './table-html.ts';
import { govukFrontendDist } from './view-engine.ts';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([govukFrontendDist]), { autoescape: true, trimBlocks: true, lstripBlocks: true });
const govuk = (params: TableParams) => env.renderString('{% from "govuk/components/table/macro.njk" import govukTable %}{{ govukTable(params) }}', { params });
/** Whitespace between tags and runs of it carry no meaning in this markup. */
const normal = (html: string) => html.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s+>/g, '>').trim();

const safe = (s: string) => new nunjucks.runtime.SafeString(s);

const cases: [string, TableParams][] = [
  [
    'a plain table',
    {
      head: [{ text: 'Name' }, { text: 'Due' }],
      rows: [
        [{ text: 'Alex' }, { text: '1 May' }],
        [{ text: 'Sam' }, { text: '2 May' }],
      ],
    },
  ],
  [
    'text is escaped, html is not, and marked-safe text is left as it is',
    {
      caption: 'Caption <b>',
      captionClasses: 'govuk-table__caption--m',
      classes: 'app-table--responsive',
      head: [{ html: '<abbr>Ref</abbr>' }, { text: `O'Brien & "Co" \\ <x>` }],
      rows: [
        [{ html: '<a class="govuk-link" href="/r/1">BW-1</a>' }, { text: safe('<i>kept</i>') }],
        [{ text: 3 }, { text: undefined }],
      ],
    },
  ],
  [
    'formats, classes, spans, a header column, empty rows skipped',
    {
      firstCellIsHeader: true,
      head: [{ text: 'Item', format: 'numeric', classes: 'x', colspan: 2, rowspan: 1 }],
      rows: [
        [
          { text: 'a', classes: 'h' },
          { text: '1', format: 'numeric', colspan: 2 },
        ],
        null as unknown as [],
        [{ text: 'b', rowspan: 2 }, { text: '2' }],
      ],
    },
  ],
  [
    'attributes: strings, pairs, optional ones left out when empty, booleans',
    {
      attributes: { 'data-module': 'x', id: 't"1' },
      head: [{ text: 'h', attributes: 'data-raw="1"' }],
      rows: [
        [
          { text: 'a', attributes: { 'data-a': 1, hidden: { value: true, optional: true }, gone: { value: false, optional: true }, empty: undefined } },
          { text: 'b', attributes: { 'aria-hidden': false, 'data-safe': safe('<ok>') } },
        ],
      ],
    },
  ],
  ['no head, no rows', { rows: [] }],
];

describe('appTable gives the GOV.UK table markup', () => {
  test.each(cases)('%s', (_name, params) => {
    expect(normal(tableHtml(params).val)).toBe(normal(govuk(params)));
  });
});

describe('appTableScroll puts the same table in a named box that scrolls sideways', () => {
  const params: TableParams = { caption: 'Staff & roles', head: [{ text: 'Name' }], rows: [[{ text: 'Alex' }]] };

  test("a keyboard-reachable region named by the caption, around appTable's markup unchanged", () => {
    const html = tableScrollHtml(params).val;
    expect(html).toBe(`<div class="app-table-scroll" role="region" aria-label="Staff &amp; roles" tabindex="0">\n${tableHtml(params).val}\n</div>`);
  });

  test('a label names it instead, for a table without a caption', () => {
    expect(tableScrollHtml({ rows: [] }, 'Emails').val).toMatch(/^<div class="app-table-scroll" role="region" aria-label="Emails" tabindex="0">/);
  });

  test('with neither, it fails: a region needs a name', () => {
    expect(() => tableScrollHtml({ rows: [] })).toThrow(/needs a name/);
  });
});
