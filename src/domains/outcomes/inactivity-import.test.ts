import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { INACTIVITY_FIXTURE, parseNomisCsv } from './inactivity-import.ts';

const HEADER = 'DATE_NAME,GEOGRAPHY_NAME,GEOGRAPHY_CODE,VARIABLE_NAME,MEASURES_NAME,OBS_VALUE,OBS_STATUS';
const row = (over: Partial<Record<'period' | 'name' | 'code' | 'variable' | 'measure' | 'value' | 'status', string>> = {}) =>
  [
    over.period ?? 'Jul 2023-Jun 2024',
    over.name ?? 'Leicester',
    over.code ?? 'E06000016',
    over.variable ?? '% of economically inactive long-term sick',
    over.measure ?? 'Variable',
    over.value ?? '24.0',
    over.status ?? '',
  ].join(',');

describe('reading a Nomis APS download', () => {
  test('the shipped fixture: the national figures the policy cites and the two demo areas', async () => {
    const { estimates, issues } = parseNomisCsv(await readFile(INACTIVITY_FIXTURE, 'utf8'));
    expect(issues).toEqual([]);
    expect(estimates).toContainEqual(
      expect.objectContaining({ gssCode: 'K02000001', period: 'May-Jul 2024', measure: 'inactive-rate', percent: 21.9, numerator: 9_300_000 }),
    );
    expect(estimates.find((e) => e.gssCode === 'K02000001' && e.measure === 'inactive-rate')?.source).toMatch(/^ONS/);
    expect(new Set(estimates.map((e) => e.gssCode))).toEqual(new Set(['K02000001', 'E06000016', 'W06000015']));
    expect(estimates.find((e) => e.gssCode === 'E06000016' && e.measure === 'long-term-sick-share')).toMatchObject({
      percent: 24,
      confidence: 5,
      numerator: 15_800,
      denominator: 66_000,
    });
  });

  test('the four measures of one variable make one estimate; a marker of an unavailable value keeps it empty', () => {
    const text = [
      HEADER,
      row(),
      row({ measure: 'Numerator', value: '"15,800"' }),
      row({ measure: 'Denominator', value: '66000' }),
      row({ measure: 'Confidence', value: '*', status: '*' }),
    ].join('\n');
    expect(parseNomisCsv(text, 'Test source')).toEqual({
      rows: 4,
      issues: [],
      estimates: [
        {
          gssCode: 'E06000016',
          areaName: 'Leicester',
          period: 'Jul 2023-Jun 2024',
          measure: 'long-term-sick-share',
          percent: 24,
          confidence: null,
          numerator: 15800,
          denominator: 66000,
          status: '*',
          source: 'Test source',
        },
      ],
    });
  });

  test.each([
    ['a bad area code', row({ code: 'LEICESTER' }), '"LEICESTER" is not a GSS area code'],
    ['no period', row({ period: '' }), 'no period (DATE_NAME)'],
    ['a variable not read', row({ variable: 'Employment rate - aged 16-64' }), 'variable "Employment rate - aged 16-64" is not one this import reads'],
    ['an unknown measure', row({ measure: 'Median' }), 'measure "Median" is not Variable, Numerator, Denominator or Confidence'],
    ['a value that is no number', row({ value: 'lots' }), '"lots" is not a number'],
    ['a percentage over 100', row({ value: '140' }), '140 is out of range for a percentage'],
    ['a negative count', row({ measure: 'Numerator', value: '-5' }), '-5 is out of range for a count'],
    ['too few fields', 'Jul 2023-Jun 2024,Leicester', '2 fields where the header has 7'],
  ])('%s is named with its line', (_, bad, message) => {
    const { issues } = parseNomisCsv([HEADER, row({ measure: 'Numerator', value: '100' }), bad].join('\n'));
    expect(issues).toEqual([{ path: 'line 3', message }]);
  });

  test('a repeated observation, a missing column, an empty file and an open quote are refused', () => {
    expect(parseNomisCsv([HEADER, row(), row()].join('\n')).issues).toEqual([
      { path: 'line 3', message: 'a second Variable for E06000016, Jul 2023-Jun 2024' },
    ]);
    expect(parseNomisCsv('DATE_NAME,GEOGRAPHY_CODE\nx,y').issues).toEqual([
      { path: 'line 1', message: 'missing columns GEOGRAPHY_NAME, VARIABLE_NAME, MEASURES_NAME, OBS_VALUE' },
    ]);
    expect(parseNomisCsv('').issues).toEqual([{ path: 'file', message: 'the file is empty' }]);
    expect(parseNomisCsv(HEADER).issues).toEqual([{ path: 'file', message: 'the file has a header and no rows' }]);
    expect(parseNomisCsv(`${HEADER}\n"open`).issues).toEqual([{ path: 'file', message: 'line 2: a quoted field is not closed' }]);
  });
});
