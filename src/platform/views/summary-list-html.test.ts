import nunjucks from 'nunjucks';
import { describe, expect, test } from 'vitest';
import { type SummaryListParams, summaryListHtml } from './summary-list-html.ts';
import { govukFrontendDist } from './view-engine.ts';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([govukFrontendDist]), { autoescape: true, trimBlocks: true, lstripBlocks: true });
const govuk = (params: SummaryListParams) =>
  env.renderString('{% from "govuk/components/summary-list/macro.njk" import govukSummaryList %}{{ govukSummaryList(params) }}', { params });
/** Whitespace between tags and runs of it carry no meaning in this markup. */
const normal = (html: string) => html.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/\s+>/g, '>').trim();

const safe = (s: string) => new nunjucks.runtime.SafeString(s);

const cases: [string, SummaryListParams][] = [
  [
    'a plain list',
    {
      rows: [
        { key: { text: 'Name' }, value: { text: 'Alex Jones' } },
        { key: { text: 'Date of birth' }, value: { text: '1 May 1990' } },
      ],
    },
  ],
  [
    'Welsh text, escaping, html trimmed, marked-safe text kept, empty rows skipped',
    {
      classes: 'govuk-summary-list--no-border',
      attributes: { 'data-x': 'a"b' },
      rows: [
        { key: { text: 'Dyddiad geni' }, value: { text: `Ŵyn O'Brien & "Co" \\ <x>` } },
        { key: { html: '  <abbr>GIG</abbr>\n' }, value: { html: '<p class="govuk-body">Llinell 1</p>\n<p class="govuk-body">Llinell 2</p>' } },
        null,
        { key: { text: safe('<i>kept</i>'), classes: 'k' }, value: { text: 3, classes: 'v' }, classes: 'r' },
        { key: { text: 'Gwag' }, value: {} },
      ],
    },
  ],
  [
    'row actions: one, several, none beside rows that have them, an empty list, hidden text, attributes',
    {
      rows: [
        {
          key: { text: 'Cyfeiriad' },
          value: { text: '1 Stryd y Bont' },
          actions: { items: [{ href: '/c/1/address?x=1&y=2', text: 'Newid', visuallyHiddenText: 'y cyfeiriad' }] },
        },
        { key: { text: 'No actions' }, value: { text: 'x' } },
        { key: { text: 'Empty actions' }, value: { text: 'y' }, actions: { items: [] } },
        {
          key: { text: 'Phone' },
          value: { text: '0116' },
          actions: {
            classes: 'app-actions',
            items: [
              { href: '/a', html: '<b>Change</b>', classes: 'govuk-link--no-visited-state', attributes: { 'data-track': 'p' } },
              { href: '/b', text: 'Remove <it>', visuallyHiddenText: 'phone & "more"', attributes: 'data-raw="1"' },
            ],
          },
        },
      ],
    },
  ],
  [
    'a card with a title, one action and row actions naming the card',
    {
      card: { title: { text: 'Nod: cael swydd <ran amser>' }, actions: { items: [{ href: '/g/1', text: 'Diweddaru', visuallyHiddenText: 'nod' }] } },
      rows: [{ key: { text: 'Cam' }, value: { text: 'CV' }, actions: { items: [{ href: '/a/1', text: 'Update' }] } }],
    },
  ],
  [
    'a card with an html title at another level, several actions, classes and attributes',
    {
      card: {
        classes: 'app-card',
        attributes: { id: 'job-1' },
        title: { html: ' <span lang="cy">Swydd</span> ', headingLevel: 3, classes: 't' },
        actions: {
          classes: 'c',
          items: [
            { href: '/1', text: 'Change' },
            { href: '/2', html: '<i>End</i>' },
          ],
        },
      },
      rows: [{ key: { text: 'Employer' }, value: { text: 'Acme' } }],
    },
  ],
  ['a card with no title and no actions, empty rows', { card: {}, rows: [] }],
  ['no rows at all', {}],
];

describe('appSummaryList gives the GOV.UK summary list markup', () => {
  test.each(cases)('%s', (_name, params) => {
    expect(normal(summaryListHtml(params).val)).toBe(normal(govuk(params)));
  });
});
