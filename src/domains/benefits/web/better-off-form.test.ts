import { describe, expect, test } from 'vitest';
import { SINGLE_LCWRA } from '../../../../test/support/better-off.ts';
import { createTranslator, platformMessages } from '../../../platform/i18n/index.ts';
import { BENEFIT_PARAMETERS, CHILDREN_BORN_BEFORE } from '../benefit-parameters.ts';
import { REASON_CODES } from '../universal-credit.ts';
import { calculationIssues, dateFrom, householdInputOf, parseMoney, readBetterOff, shownOf } from './better-off-form.ts';
import { betterOffMessages } from './better-off-messages.ts';
import { money, parameterRow, reasonText } from './better-off-presenter.ts';

const options = { today: '2026-11-23', ratesFrom: '2024-04-08', ratesUntil: '2027-04-05', dateField: true };

describe('the better-off form', () => {
  test('money as people type it', () => {
    expect(parseMoney('12.71')).toBe(12.71);
    expect(parseMoney('£1,200.50')).toBe(1200.5);
    expect(parseMoney(' 850 ')).toBe(850);
    for (const bad of ['', '-1', '12.711', '1,20', 'abc', '1e3', 'NaN', '£', '12.']) expect(parseMoney(bad), bad).toBeNull();
  });

  test('dates from three boxes: empty, invalid or real', () => {
    expect(dateFrom({ 'd-day': '', 'd-month': '', 'd-year': '' }, 'd')).toEqual({ kind: 'empty' });
    expect(dateFrom({ 'd-day': '29', 'd-month': '2', 'd-year': '2024' }, 'd')).toEqual({ kind: 'date', iso: '2024-02-29' });
    for (const [d, m, y] of [
      ['29', '2', '2025'],
      ['31', '4', '2026'],
      ['1', '13', '2026'],
      ['1', '1', '26'],
      ['x', '1', '2026'],
    ]) {
      expect(dateFrom({ 'd-day': d ?? '', 'd-month': m ?? '', 'd-year': y ?? '' }, 'd')).toEqual({ kind: 'invalid' });
    }
  });

  test('valid answers become the request; the other children are dated cautiously', () => {
    const form = readBetterOff(
      {
        ...SINGLE_LCWRA,
        children: 'yes',
        childCount: '3',
        'eldestBirthDate-day': '1',
        'eldestBirthDate-month': '6',
        'eldestBirthDate-year': '2015',
        childcare: '200',
      },
      options,
    );
    expect(form.ok).toBe(true);
    if (!form.ok) return;
    expect(form.value).toMatchObject({
      date: '2026-11-23',
      hourlyPay: 12.71,
      hours: 16,
      age: 40,
      lcwra: { since: '2023-05-01', protected: false },
      childcareMonthly: 200,
    });
    const input = householdInputOf(form.value, CHILDREN_BORN_BEFORE);
    expect(input.children).toEqual([{ birthDate: '2015-06-01' }, { birthDate: '2017-04-06' }, { birthDate: '2017-04-06' }]);
    expect(input.adults).toEqual([{ age: 40, lcwra: true, lcw: false, lcwraProtected: false, lcwraSince: '2023-05-01' }]);
    expect(input.housing).toBeUndefined();
  });

  test('every bad answer is an issue on its own field, in the order of the page', () => {
    const form = readBetterOff({ hourlyPay: '0', hours: '40.5', age: '15', lcwra: 'no', 'date-day': '1', 'date-month': '1', 'date-year': '2031' }, options);
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.issues.map((i) => i.path)).toEqual(['hourlyPay', 'hours', 'age', 'partner', 'children', 'lcw', 'date']);
    expect(form.issues.find((i) => i.path === 'date')?.message).toBe('betterOff.error.dateRange');
    // What was typed comes back; anything posted that is not text shows as empty.
    expect(shownOf({ hours: ['1', '2'], age: { x: 1 } })).toMatchObject({ hours: '', age: '' });
  });

  test('LCWRA needs a start date unless terminally ill or under the severe conditions criteria', () => {
    const noDate = { ...SINGLE_LCWRA, 'lcwraSince-day': '', 'lcwraSince-month': '', 'lcwraSince-year': '' };
    const missing = readBetterOff(noDate, options);
    expect(!missing.ok && missing.issues).toEqual([{ path: 'lcwraSince', message: 'betterOff.error.lcwraSinceMissing' }]);
    const protectedOnly = readBetterOff({ ...noDate, lcwraProtected: 'yes' }, options);
    expect(protectedOnly.ok && protectedOnly.value.lcwra).toEqual({ since: null, protected: true });
  });

  test('the calculation’s own refusals land on the form’s fields', () => {
    expect(
      calculationIssues([
        { path: 'adults.1.age', message: 'x' },
        { path: 'children.0.birthDate', message: 'x' },
        { path: 'mystery', message: 'x' },
      ]),
    ).toEqual([
      { path: 'hourlyPay', message: 'betterOff.error.calculation' },
      { path: 'partnerAge', message: 'betterOff.error.partnerAge' },
      { path: 'eldestBirthDate', message: 'betterOff.error.eldest' },
    ]);
  });
});

describe('the words for the calculation', () => {
  const t = createTranslator([platformMessages, betterOffMessages]);
  const THP_CODES = [
    'income-tax.personal-allowance',
    'income-tax.personal-allowance-tapered',
    'income-tax.bands',
    'national-insurance',
    'take-home',
    'approximation',
  ];

  test('every reason and every rate has words in English and Welsh', () => {
    for (const code of [...REASON_CODES, ...THP_CODES, 'taper.none', 'taper.within', 'taper.all']) {
      expect(betterOffMessages.en, code).toHaveProperty([`betterOff.reason.${code}`]);
      expect(betterOffMessages.cy, code).toHaveProperty([`betterOff.reason.${code}`]);
    }
    for (const p of BENEFIT_PARAMETERS.filter((x) => !x.name.startsWith('esa-'))) {
      expect(betterOffMessages.cy, p.name).toHaveProperty([`betterOff.parameter.${p.name}`]);
    }
  });

  test('a reason is worded from its figures, in Welsh too', () => {
    const taper = { code: 'taper', text: 'English', values: { earnings: 881.23, workAllowance: 710, excess: 171.23, rate: 0.55, deduction: 94.18 } };
    expect(reasonText(taper, t('en'), 'en')).toBe(
      'Take-home pay of £881.23 less the work allowance of £710.00 leaves £171.23; 55% of that, £94.18, is taken off.',
    );
    expect(reasonText(taper, t('cy'), 'cy')).toBe(
      'Mae cyflog net o £881.23 llai’r lwfans gwaith o £710.00 yn gadael £171.23; caiff 55% o hynny, £94.18, ei dynnu.',
    );
    const child = { code: 'child.higher-rate', text: '', values: { child: 1, birthDate: '2015-06-01', amount: 351.88 } };
    expect(reasonText(child, t('cy'), 'cy')).toBe(
      'Mae plentyn 1 (ganwyd 1 Mehefin 2015), yr hynaf ac a aned cyn 6 Ebrill 2017, yn cael yr elfen plant uwch o £351.88.',
    );
    // A code with no words of its own keeps the calculation's sentence.
    expect(reasonText({ code: 'something-new', text: 'As the calculation says.', values: {} }, t('cy'), 'cy')).toBe('As the calculation says.');
  });

  test('a rate with its unit and source', () => {
    const row = parameterRow(
      { name: 'uc-taper-rate', value: 0.55, unit: 'proportion', effectiveFrom: '2021-11-24', source: 'Regs (https://example.org/x)', confidence: 'V' },
      t('en'),
      'en',
    );
    expect(row).toMatchObject({
      name: 'Universal Credit taper on take-home pay',
      value: '55%',
      from: '24 November 2021',
      sourceTitle: 'Regs',
      sourceUrl: 'https://example.org/x',
    });
    expect(parameterRow({ name: 'x', value: 424.9, unit: 'GBP/month', effectiveFrom: '2026-04-13', source: 'S', confidence: 'S' }, t('cy'), 'cy').value).toBe(
      '£424.90 y mis',
    );
    expect(money(-12.5, 'en')).toBe('−£12.50');
    expect(money(-0.001, 'en')).toBe('£0.00');
  });
});
