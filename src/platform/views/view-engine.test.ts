import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createViewEngine } from './view-engine.ts';

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
