import { describe, expect, test } from 'vitest';
import { createTranslator, defineMessages } from '../i18n/index.ts';
import { formErrors, safeReturnPath } from './pages.ts';

const t = createTranslator([defineMessages({ 'x.required': 'Enter x' }, { 'x.required': 'Rhowch x' })]);

describe('page helpers', () => {
  test('issues become the error summary and one message per field, in the reader’s language', () => {
    const issues = [
      { path: 'x', message: 'x.required' },
      { path: 'x', message: 'a second problem with x' },
      { path: 'y', message: 'A plain message' },
    ];
    expect(formErrors(issues, t('cy'))).toEqual({
      summary: [
        { text: 'Rhowch x', href: '#x' },
        { text: 'A plain message', href: '#y' },
      ],
      fields: { x: { text: 'Rhowch x' }, y: { text: 'A plain message' } },
    });
  });

  test.each([
    ['/home', '/home'],
    ['/organisations?added=1', '/organisations?added=1'],
    ['//evil.example/', '/'],
    ['https://evil.example/', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
    [42, '/'],
  ])('a return path %j is %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});
