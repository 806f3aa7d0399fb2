import { describe, expect, test } from 'vitest';
import { Forbidden, InvalidInput, isoDate, NotFound } from '../errors/index.ts';
import { createTranslator, platformMessages } from '../i18n/index.ts';
import { combineDates, dateInput, dateParts, formBody, formIssues, idParam, radios, textarea, withErrors } from './form-fields.ts';

const t = createTranslator([platformMessages]);

describe('form fields', () => {
  test('a posted body loses its CSRF token, and a blank box is an answer not given', () => {
    expect(formBody({ _csrf: 'x', name: '  ', note: 'kept', picked: ['a', 'b'] })).toEqual({ name: undefined, note: 'kept', picked: ['a', 'b'] });
    for (const raw of [null, undefined, 'text', 42, ['a']]) expect(formBody(raw)).toEqual({});
  });

  test('three date boxes: empty, not three numbers, or YYYY-MM-DD for the service to check', () => {
    const typed = (d: string, m: string, y: string) => ({ 'd-day': d, 'd-month': m, 'd-year': y });
    expect(dateParts(typed('', ' ', ''), 'd')).toEqual({ kind: 'empty' });
    expect(dateParts(typed(' 1', '2', '2027 '), 'd')).toEqual({ kind: 'date', iso: '2027-02-01' });
    expect(dateParts(typed('31', '2', '2027'), 'd')).toEqual({ kind: 'date', iso: '2027-02-31' });
    for (const [d, m, y] of [
      ['1', '', '2027'],
      ['x', '1', '2027'],
      ['1', '1', '27'],
      ['123', '1', '2027'],
    ]) {
      expect(dateParts(typed(d ?? '', m ?? '', y ?? ''), 'd')).toEqual({ kind: 'invalid' });
    }
    const body = { ...typed('9', '12', '2026'), 'e-day': 'x', other: 'kept' };
    expect(combineDates(body, ['d', 'e', 'f'])).toMatchObject({ d: '2026-12-09', e: 'not-a-date', f: undefined, other: 'kept' });
    // The service refuses what is not a real day.
    expect(isoDate('bad').safeParse('2027-02-31').success).toBe(false);
    expect(isoDate('bad').safeParse('2028-02-29').success).toBe(true);
  });

  test('bad input is shown on the form; a refusal only when it is one the form names', () => {
    const bad = new InvalidInput([{ path: 'x', message: 'x.required' }]);
    expect(formIssues(bad)).toEqual({ issues: bad.issues, status: 400 });
    const consent = new Forbidden('no consent', [{ path: 'consent', message: 'cases.refused.consent.contact-employers' }]);
    expect(formIssues(consent)).toBeNull();
    expect(formIssues(consent, { refusals: 'cases.refused.' })).toEqual({ issues: consent.issues, status: 403 });
    expect(formIssues(new Forbidden('policy', [{ path: 'x', message: 'another refusal' }]), { refusals: 'cases.refused.' })).toBeNull();
    expect(formIssues(new Error('boom'))).toBeNull();
  });

  test('errors mark their fields; an unknown path goes to the first field, and a date links to its day box', () => {
    const s = { values: { reason: 'moved', 'when-day': '1' } };
    const fields = [
      radios(s, 'reason', 'Why?', [{ value: 'moved', text: 'Moved away' }]),
      dateInput(s, 'when', 'When?', t('cy'), { hint: 'For example, 27 3 2027' }),
      textarea(s, 'note', 'Note', { rows: 3 }),
    ];
    expect(fields[1]?.params.items).toMatchObject([{ label: 'Diwrnod', value: '1' }, { label: 'Mis' }, { label: 'Blwyddyn' }]);
    const marked = withErrors(
      fields,
      [
        { path: 'when', message: 'Enter a date' },
        { path: 'elsewhere', message: 'Something else' },
      ],
      t('en'),
    );
    expect(marked.errors.summary).toEqual([
      { text: 'Enter a date', href: '#when-day' },
      { text: 'Something else', href: '#reason' },
    ]);
    expect(marked.fields[0]?.params.errorMessage).toEqual({ text: 'Something else' });
    expect(marked.fields[1]?.params.items).toMatchObject([{ classes: 'govuk-input--width-2 govuk-input--error' }, {}, {}]);
    expect(marked.fields[2]).toBe(fields[2]);
  });

  test('an id in the address is a uuid, or the page does not exist', () => {
    expect(idParam('0190E1B2-3C4D-7E8F-9A0B-1C2D3E4F5A6B', 'case')).toBe('0190e1b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b');
    for (const bad of ['42', '../x', undefined]) expect(() => idParam(bad, 'case')).toThrow(NotFound);
  });
});
