import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { afterAll, describe, expect, test } from 'vitest';
import { argumentsKey, createViewEngine, govukFrontendDist } from './view-engine.ts';

describe('imported macros made once (ADR 0053)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bw-views-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'macros.njk'), '{% macro hello(name) %}<p>Hello {{ name }}</p>{% endmacro %}');
  writeFileSync(
    join(dir, 'page.njk'),
    '{% from "macros.njk" import hello %}{% from "govuk/components/button/macro.njk" import govukButton %}{{ hello(who) }}{{ govukButton({ text: who }) }}',
  );

  test('each render calls the macros with its own values, and a repeat gives the same page', () => {
    const views = createViewEngine({ roots: [dir] });
    const first = views.render('page.njk', { who: 'Ada' });
    const second = views.render('page.njk', { who: 'Ada' });
    const other = views.render('page.njk', { who: 'Bob' });
    expect(second).toBe(first);
    expect(first).toContain('<p>Hello Ada</p>');
    expect(first).toMatch(/<button[^>]*class="govuk-button"[^>]*>\s*Ada\s*<\/button>/);
    expect(other).toContain('<p>Hello Bob</p>');
    expect(other).toMatch(/<button[^>]*class="govuk-button"[^>]*>\s*Bob\s*<\/button>/);
    expect(other).not.toContain('Ada');
  });
});

describe('GOV.UK macros remembered by their arguments (ADR 0061)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bw-views-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'components.njk'),
    [
      '{% from "govuk/components/back-link/macro.njk" import govukBackLink %}',
      '{% from "govuk/components/inset-text/macro.njk" import govukInsetText %}',
      '{% from "govuk/components/tag/macro.njk" import govukTag %}',
      '{{ govukBackLink({ text: text, href: href }) }}|{{ govukInsetText({ html: html }) }}|{{ govukTag({ text: text, classes: classes }) }}',
      '{% call govukInsetText({}) %}<p>{{ text }} in a caller</p>{% endcall %}',
    ].join('\n'),
  );
  const plain = new nunjucks.Environment(new nunjucks.FileSystemLoader([dir, govukFrontendDist]), { autoescape: true, trimBlocks: true, lstripBlocks: true });
  const safe = (s: string) => new nunjucks.runtime.SafeString(s);
  const contexts = [
    { text: 'Back', href: '/cases', html: '<b>x</b>', classes: 'govuk-tag--grey' },
    { text: 'Back', href: '/cases', html: safe('<b>x</b>'), classes: 'govuk-tag--grey' },
    { text: 'Yn ôl', href: '/home', html: '<b>x</b>', classes: undefined },
    { text: 'Yn ôl', href: '/home', html: '<b>x</b>', classes: null },
    { text: '<script>', href: '/a?b="c"', html: new Date(0), classes: 'x' },
  ];

  test('every call gives what the macro itself gives, repeated, with caller blocks, and past the number kept', () => {
    const views = createViewEngine({ roots: [dir] });
    for (let round = 0; round < 2; round++) for (const ctx of contexts) expect(views.render('components.njk', ctx)).toBe(plain.render('components.njk', ctx));
    for (let i = 0; i < 250; i++) {
      const ctx = { text: `Back ${i % 220}`, href: `/cases/${i}`, html: '', classes: '' };
      expect(views.render('components.njk', ctx)).toBe(plain.render('components.njk', ctx));
    }
  });

  test('arguments that differ in any way a macro can see have different keys', () => {
    const keys = [
      'a',
      safe('a'),
      undefined,
      null,
      '',
      0,
      '0',
      false,
      'false',
      [],
      {},
      { a: 1 },
      { a: '1' },
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      [undefined],
      [null],
      { a: undefined },
      { a: [1, 'x'] },
    ].map(argumentsKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(argumentsKey({ a: 1 })).toBe(argumentsKey({ a: 1 }));
    expect(argumentsKey({ when: new Date(0) })).toBeNull();
    expect(argumentsKey({ f: () => 1 })).toBeNull();
  });
});
