import nunjucks from 'nunjucks';
import { describe, expect, test } from 'vitest';
import { type ButtonParams, buttonHtml } from './button-html.ts';
import { govukFrontendDist } from './view-engine.ts';

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([govukFrontendDist]), { autoescape: true, trimBlocks: true, lstripBlocks: true });
const govuk = (params: ButtonParams) =>
  env.renderString('{% from "govuk/components/button/macro.njk" import govukButton %}{{ govukButton(params) }}', { params });
const safe = (s: string) => new nunjucks.runtime.SafeString(s);

const cases: [string, ButtonParams][] = [
  ['a link styled as a button', { text: 'Add a goal', href: '/cases/1/plan/goal', classes: 'govuk-button--secondary' }],
  ['a submit button', { text: 'Save' }],
  ['text is escaped', { text: `O'Brien & "Co" \\ <x>`, href: '/a?b=1&c="2"' }],
  ['marked-safe text as it is', { text: safe('<i>kept</i>') }],
  ['html, trimmed, on several lines', { html: '\n  <b>Go</b>\nnow  \n' }],
  ['a start link with html', { html: safe(' <b>Start</b> '), isStartButton: true, href: '/start' }],
  ['a start button with text', { text: 'Start now', isStartButton: true }],
  [
    'every button attribute',
    { text: 'X', type: 'button', name: 'n"', value: 'v<', disabled: true, preventDoubleClick: false, id: 'i&', classes: 'a b', attributes: { 'data-x': 'y' } },
  ],
  ['double-click prevention on, attributes as a string', { text: 'Pay', preventDoubleClick: true, attributes: 'data-raw="1"' }],
  ['optional attributes left out when empty', { text: 'Y', attributes: { hidden: { value: true, optional: true }, gone: { value: false, optional: true } } }],
  ['empty values are left out', { text: '', href: '', type: '', name: '', value: '', id: '', classes: '' }],
  ['no params', {}],
  ['a number as text and a value of 0', { text: 3, value: 0 }],
];

describe('appButton gives govukButton’s markup exactly', () => {
  test.each(cases)('%s', (_name, params) => {
    expect(buttonHtml(params).val).toBe(govuk(params));
  });
});
