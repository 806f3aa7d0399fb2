import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../../platform/i18n/index.ts';
import { type AssessmentInput, REASON_CODES } from '../access-to-work.ts';
import { accessToWorkMessages } from '../access-to-work-messages.ts';
import { accessToWork, applyCap } from '../access-to-work-rules.ts';
import { reasonText } from './atw-presenter.ts';

// The reasons as the case page shows them: in English the rules' own sentence, figure for figure
// (so the page says what the API and the command line say), and in Welsh a sentence of its own with
// every figure filled in.
const translate = createTranslator([accessToWorkMessages]);
const en = translate('en');
const cy = translate('cy');

type Work = AssessmentInput['person']['work'];
const input = (person: Partial<AssessmentInput['person']>, work: Partial<Work>, needs: AssessmentInput['needs'], date = '2026-01-15'): AssessmentInput => ({
  date,
  person: { age: 30, nation: 'england', conditionExpectedMonths: 24, ...person, work: { status: 'employed', weeksInJob: 10, employerSize: 250, ...work } },
  needs,
});
const equipment = { category: 'equipment', cost: 1800 } as const;

/** Between them these say every reason the rules can give. */
const SCENARIOS: AssessmentInput[] = [
  input({}, { claimsUniversalCredit: true, hoursPerWeek: 30 }, [equipment, { category: 'support-worker', hoursPerWeek: 2.5, hourlyRate: 17.35 }]),
  input({}, { employerSize: 120 }, [equipment, { category: 'adaptation', cost: 999.99 }]),
  input({}, { employerSize: 10 }, [equipment]),
  input({}, { weeksInJob: 3 }, [equipment]),
  input({ age: 15, conditionExpectedMonths: 3, nation: 'northern-ireland' }, { status: 'voluntary' }, [equipment]),
  input(
    { nation: 'wales' },
    { claimsUniversalCredit: true, hoursPerWeek: 1 },
    [{ category: 'support-worker', hoursPerWeek: 40, hourlyRate: 35 }],
    '2026-04-01',
  ),
  input({ nation: 'scotland' }, { status: 'job-offer', weeksInJob: -13 }, [equipment]),
  input({}, { status: 'job-offer', weeksInJob: -2 }, [equipment]),
  input({}, { status: 'seeking', claimsUniversalCredit: true, weeksInJob: undefined }, [equipment]),
  input({}, { status: 'self-employed' }, [
    { category: 'travel', weeklyCost: 60.5, normalWeeklyCommuteCost: 15 },
    { category: 'interview-communication', hours: 1.5, hourlyRate: 30.1 },
    { category: 'mental-health-support' },
  ]),
  input({}, { status: 'self-employed' }, [equipment]),
];
const reasons = [
  ...SCENARIOS.flatMap((s) => accessToWork(s).reasons),
  ...['2015-09-30', '2020-06-01'].flatMap((date) => {
    const said: { code: (typeof REASON_CODES)[number]; text: string; values: Record<string, number | string> }[] = [];
    applyCap(
      date,
      100,
      (code, text, values = {}) => said.push({ code, text, values }),
      () => undefined,
    );
    return said;
  }),
];

describe('the reasons on the case page', () => {
  test('the scenarios say every reason the rules can give', () => {
    expect(new Set(reasons.map((r) => r.code))).toEqual(new Set(REASON_CODES));
  });

  test.each(reasons.map((r) => [r.code, r] as const))('%s: in English, the rules’ own sentence', (_code, r) => {
    expect(reasonText(r, en, 'en')).toBe(r.text);
  });

  test.each(reasons.map((r) => [r.code, r] as const))('%s: in Welsh, its own sentence with every figure filled in', (_code, r) => {
    const text = reasonText(r, cy, 'cy');
    expect(text).not.toBe(r.text);
    expect(text).not.toMatch(/[{}]/);
  });

  test('money, percentages and hours read as the rules write them, in Welsh too', () => {
    const share = reasons.find((r) => r.code === 'share.large');
    expect(share && reasonText(share, cy, 'cy')).toBe(
      'Mae cyflogwr â 250 o staff yn talu’r £1,000 cyntaf (£1,000) a 20% o’r £10,000 nesaf (20% o £800 = £160): £1,160.',
    );
    const support = reasons.find((r) => r.code === 'need.support-worker' && r.values.hoursPerWeek === 2.5);
    expect(support && reasonText(support, cy, 'cy')).toBe('Gweithiwr cymorth: 2.5 awr yr wythnos × £17.35 yr awr × 52 wythnos = £2,255.50 y flwyddyn.');
  });

  test('a reason the catalogue has no sentence for falls back to the rules’ English', () => {
    expect(reasonText({ code: 'age.met', text: 'As the rules say.', values: {} }, (key) => key, 'cy')).toBe('As the rules say.');
  });
});
