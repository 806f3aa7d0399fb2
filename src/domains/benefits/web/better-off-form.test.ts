import { describe, expect, test } from 'vitest';
import { SINGLE_LCWRA } from '../../../../test/support/better-off.ts';
import { lineChart } from '../../../platform/charts/index.ts';
import { createTranslator, forAudience, platformMessages } from '../../../platform/i18n/index.ts';
import { layoutPdf } from '../../../platform/pdf/index.ts';
import { BENEFIT_PARAMETERS, CHILDREN_BORN_BEFORE } from '../benefit-parameters.ts';
import { betterOff } from '../better-off-rules.ts';
import { REASON_CODES } from '../universal-credit.ts';
import { parseHousehold } from '../universal-credit-rules.ts';
import { calculationIssues, dateFrom, householdInputOf, initialShown, parseMoney, readBetterOff, shownOf } from './better-off-form.ts';
import { betterOffMessages } from './better-off-messages.ts';
import { buildBetterOffPdf } from './better-off-pdf.ts';
import { answerRows, councilTaxSection, esaSection, money, parameterRow, presentResult, reasonText } from './better-off-presenter.ts';

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

  test('getting ESA is optional: yes, no, or not answered, and never an error', () => {
    const read = (esa?: unknown) => readBetterOff(esa === undefined ? SINGLE_LCWRA : { ...SINGLE_LCWRA, esa }, options);
    const yes = read('yes');
    expect(yes.ok && yes.value.esa).toBe(true);
    const no = read('no');
    expect(no.ok && no.value.esa).toBe(false);
    for (const other of [undefined, '', 'maybe', ['yes', 'no']]) {
      const form = read(other);
      expect(form.ok && form.value.esa, String(other)).toBeNull();
    }
  });

  test('the form starts from the benefit before work recorded on the case', () => {
    const today = '2026-11-23';
    // UC with LCWRA: LCWRA yes, started on the decision date.
    expect(initialShown(today, { award: { benefit: 'uc-lcwra', decisionDate: '2025-06-01' } })).toMatchObject({
      lcwra: 'yes',
      'lcwraSince-day': '1',
      'lcwraSince-month': '6',
      'lcwraSince-year': '2025',
      lcw: '',
      esa: '',
    });
    // UC with LCW: not LCWRA, but LCW.
    expect(initialShown(today, { award: { benefit: 'uc-lcw', decisionDate: '2025-06-01' } })).toMatchObject({ lcwra: 'no', lcw: 'yes', esa: '' });
    // Either ESA: gets ESA now; the UC health questions are left to answer.
    for (const benefit of ['esa-new-style', 'esa-income-related'] as const) {
      expect(initialShown(today, { award: { benefit, decisionDate: '2025-06-01' } })).toMatchObject({ esa: 'yes', lcwra: '', lcw: '' });
    }
    // A decision after the rates' date would be refused by the form, so it is not filled in.
    expect(initialShown('2026-04-06', { award: { benefit: 'uc-lcwra', decisionDate: '2026-05-01' } })).toMatchObject({ lcwra: 'yes', 'lcwraSince-day': '' });
    expect(initialShown(today, { award: null })).toMatchObject({ lcwra: '', lcw: '', esa: '' });
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
    for (const p of BENEFIT_PARAMETERS) {
      expect(betterOffMessages.en, p.name).toHaveProperty([`betterOff.parameter.${p.name}`]);
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
    expect(parameterRow({ name: 'x', value: 424.9, unit: 'GBP/month', effectiveFrom: '2026-04-06', source: 'S', confidence: 'S' }, t('cy'), 'cy').value).toBe(
      '£424.90 y mis',
    );
    const hours = { name: 'uc-expected-hours', value: 35, unit: 'hours/week', effectiveFrom: '2024-04-08', source: 'S', confidence: 'V' as const };
    expect(parameterRow(hours, t('en'), 'en').value).toBe('35 hours a week');
    expect(parameterRow(hours, t('cy'), 'cy').value).toBe('35 awr yr wythnos');
    expect(money(-12.5, 'en')).toBe('−£12.50');
    expect(money(-0.001, 'en')).toBe('£0.00');
  });
});

describe('the ESA permitted work section', () => {
  const t = createTranslator([platformMessages, betterOffMessages]);
  const single = (date: string) => parseHousehold({ date, adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] });
  const result = (date: string, hourlyPay: number, hours: number) => betterOff({ date, household: single(date), hourlyPay, hours });

  test('within permitted work, in English and Welsh', () => {
    // 12.71 × 15 = 190.65 ≤ 203.50, and 15 < 16.
    const r = result('2026-11-23', 12.71, 15);
    const en = esaSection(r, null, t('en'), 'en');
    expect(en?.lead).toContain('With the limits in force on 23 November 2026, permitted work is:');
    expect(en?.limits).toEqual([
      'work of less than 16 hours a week, earning up to £203.50 a week',
      'work of any number of hours, earning up to £20.00 a week',
      expect.stringMatching(/^supported permitted work, of any number of hours, earning up to £203\.50 a week: /),
    ]);
    expect(en?.lines).toEqual([
      'At 15 hours a week at £12.71 an hour you would earn £190.65 a week before tax.',
      expect.stringMatching(/^That is within permitted work: less than 16 hours a week, and no more than £203\.50 a week\./),
      'Above permitted work, your ESA would stop and you would claim Universal Credit instead. The figures on this page are what you would have with Universal Credit.',
    ]);
    const cy = esaSection(r, true, t('cy'), 'cy');
    expect(cy?.limits[0]).toBe('gwaith o lai na 16 awr yr wythnos, gan ennill hyd at £203.50 yr wythnos');
    expect(cy?.lines[0]).toBe('Ar 15 awr yr wythnos ar £12.71 yr awr byddech yn ennill £190.65 yr wythnos cyn treth.');
    expect(cy?.lines[1]).toMatch(/^Mae hynny o fewn gwaith a ganiateir/);
  });

  test('not permitted work at 16 hours, the 2025/26 limit, and hidden for a person who does not get ESA', () => {
    // 12.71 × 16 = 203.36, but 16 hours is not under 16.
    const sixteen = esaSection(result('2026-11-23', 12.71, 16), true, t('en'), 'en');
    expect(sixteen?.lines.slice(1, 3)).toEqual([
      'That is not permitted work, because it is 16 hours a week or more. Permitted work earning up to £203.50 a week is less than 16 hours a week.',
      'It could still be supported permitted work, if it is supervised as described above.',
    ]);
    // 2025/26: 13.10 × 15 = 196.50 > 195.50.
    const y2025 = esaSection(result('2025-11-23', 13.1, 15), true, t('en'), 'en');
    expect(y2025?.lines[1]).toBe('That is not permitted work, because £196.50 a week is more than the limit of £195.50 a week.');
    // 12.71 × 20 = 254.20, at 20 hours: both.
    expect(esaSection(result('2026-11-23', 12.71, 20), true, t('cy'), 'cy')?.lines[1]).toBe(
      'Nid yw hynny’n waith a ganiateir, gan ei fod yn 16 awr yr wythnos neu fwy, a bod £254.20 yr wythnos yn fwy na’r terfyn o £203.50 yr wythnos.',
    );
    expect(esaSection(result('2026-11-23', 12.71, 15), false, t('en'), 'en')).toBeNull();
    // At 0 hours, the limits and what happens above them, without a verdict.
    expect(esaSection(result('2026-11-23', 12.71, 0), null, t('en'), 'en')?.lines).toHaveLength(1);
  });

  test('the limits are among the rates used, with their source and how sure they are; the answer is in the PDF’s answers', () => {
    const r = result('2026-11-23', 12.71, 15);
    const higher = r.parameters.find((p) => p.name === 'esa-permitted-work-higher-limit');
    expect(higher && parameterRow(higher, t('en'), 'en')).toMatchObject({
      name: 'ESA permitted work higher limit (less than 16 hours a week)',
      value: '£203.50 a week',
      from: '6 April 2026',
      confidence: 'worked out from the published rule',
    });
    const lower = r.parameters.find((p) => p.name === 'esa-permitted-work-lower-limit');
    expect(lower && parameterRow(lower, t('cy'), 'cy')).toMatchObject({ value: '£20.00 yr wythnos', confidence: 'o ffynhonnell eilaidd, i’w wirio eto' });
    const form = readBetterOff({ ...SINGLE_LCWRA, esa: 'yes' }, options);
    if (!form.ok) throw new Error('form');
    expect(answerRows(form.value, t('en'), 'en')).toContainEqual({ label: 'Do you get Employment and Support Allowance (ESA) now? (optional)', value: 'Yes' });
  });
});

describe('the better-off PDF', () => {
  const t = createTranslator([platformMessages, betterOffMessages]);
  const made = new Date('2026-11-23T09:00:00Z');
  const presented = (answers: Record<string, string>, lang: 'en' | 'cy') => {
    const form = readBetterOff(answers, options);
    if (!form.ok) throw new Error('form');
    const household = parseHousehold(householdInputOf(form.value, CHILDREN_BORN_BEFORE));
    const r = betterOff({ date: form.value.date, household, hourlyPay: form.value.hourlyPay, hours: form.value.hours });
    return { p: presentResult(r, form.value, t(lang), lang), request: form.value };
  };

  test('the full workings have the page’s chart, in the page’s words, under its heading and before the table of its figures, in English and Welsh', () => {
    for (const lang of ['en', 'cy'] as const) {
      const { p, request } = presented(SINGLE_LCWRA, lang);
      const { blocks } = buildBetterOffPdf(p, request, t(lang), lang, { madeAt: made, name: 'Sam', appendix: true });
      const at = blocks.findIndex((b) => b.kind === 'chart');
      const chart = blocks[at];
      expect(blocks[at - 1]).toEqual({ kind: 'heading', text: t(lang)('betterOff.chart.heading'), level: 2 });
      expect(blocks[at + 1]).toEqual({ kind: 'heading', text: t(lang)('betterOff.table.caption'), level: 3 });
      expect(blocks[at + 2]?.kind).toBe('table');
      // The very input the page's SVG is drawn from.
      expect(chart?.kind === 'chart' && chart.chart).toBe(p.chartInput);
      expect(p.chart).toBe(lineChart(p.chartInput));
      expect(p.chartInput.series.map((s) => [s.label, s.pattern])).toEqual([
        [t(lang)('betterOff.chart.total'), 'solid'],
        [t(lang)('betterOff.chart.uc'), 'dashed'],
        [t(lang)('betterOff.chart.net'), 'dotted'],
      ]);
      expect(p.chartInput.marker?.label).toBe(t(lang)('betterOff.chart.marker', { hours: '16' }));
      // Without the appendix: no chart, no workings.
      const summary = buildBetterOffPdf(p, request, t(lang), lang, { madeAt: made, name: 'Sam' });
      expect(summary.blocks.some((b) => b.kind === 'chart' || b.kind === 'pageBreak')).toBe(false);
    }
  });

  // Rendered as downloaded: the summary is one page; the workings follow on their own pages; no kept-together group across a page break.
  const households: [string, Record<string, string>][] = [
    ['single with LCWRA', SINGLE_LCWRA],
    ['on ESA too', { ...SINGLE_LCWRA, esa: 'yes' }],
  ];
  test.each(households.flatMap(([name, answers]) => (['en', 'cy'] as const).map((lang) => ({ name, answers, lang }))))(
    '$name ($lang): a one-page summary by default, the full workings after it, every kept group on one page',
    async ({ answers, lang }) => {
      const { p, request } = presented(answers, lang);
      const summary = await layoutPdf(buildBetterOffPdf(p, request, t(lang), lang, { madeAt: made, name: 'Sam Example' }));
      expect(summary.layout.pages).toBe(1);
      const full = await layoutPdf(buildBetterOffPdf(p, request, t(lang), lang, { madeAt: made, name: 'Sam Example', appendix: true }));
      expect(full.layout.pages).toBeGreaterThan(1);
      expect(full.layout.pages).toBeLessThanOrEqual(12);
      for (const { layout } of [summary, full]) {
        expect(layout.kept.length).toBeGreaterThan(0);
        expect(layout.kept.filter((k) => k.firstPage !== k.lastPage)).toEqual([]);
      }
    },
  );
});

describe('the Council Tax Support note speaks to whoever reads it (issue 17)', () => {
  const catalogue = createTranslator([platformMessages, betterOffMessages]);
  const household = parseHousehold({ date: '2026-11-23', adults: [{ age: 40, lcwra: true, lcwraSince: '2023-05-01' }] });
  const result = (scheme: { kind: 'none' } | { kind: 'wales' }, annual: number | null) =>
    betterOff({ date: '2026-11-23', household, hourlyPay: 12.71, hours: 16, councilTax: { scheme, annual } });
  const note = (audience: 'staff' | 'participant', lang: 'en' | 'cy', r = result({ kind: 'none' }, 1800)) =>
    councilTaxSection(r, forAudience(catalogue(lang), audience), lang).lines.join(' ');

  test('no scheme set: the specialist reads of the council and the person’s bill; the person of theirs', () => {
    expect(note('staff', 'en')).toBe(
      'The council has not set up its Council Tax Support scheme in this service, so the figures leave Council Tax Support out. The person can ask the council: it may lower their council tax bill.',
    );
    expect(note('participant', 'en')).toContain('Ask the council: it may lower your council tax bill.');
    expect(note('staff', 'cy')).toContain('Gall y person ofyn i’r cyngor: efallai y gall leihau eu bil treth gyngor.');
    expect(note('participant', 'cy')).toContain('efallai y gall leihau eich bil treth gyngor');
  });

  test('no note a specialist reads speaks of their own council or bill', () => {
    const results = [result({ kind: 'none' }, 1800), result({ kind: 'none' }, null), result({ kind: 'wales' }, 1800)];
    for (const r of results) {
      expect(/\byour\b/i.exec(note('staff', 'en', r))?.[0]).toBeUndefined();
      expect(/\beich\b/i.exec(note('staff', 'cy', r))?.[0]).toBeUndefined();
    }
    expect(note('participant', 'en', results[2])).toMatch(/Your council is in Wales/);
  });
});
