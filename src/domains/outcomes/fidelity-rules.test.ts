import { describe, expect, test } from 'vitest';
import { fidelityParameters, type ItemAnswer, needsAction, reviewIssues, scoreReview, suggestedScore } from './fidelity-rules.ts';
import { FIDELITY_KEYS } from './fidelity-scale.ts';

const p = fidelityParameters('2026-12-02');
/** 25 items, each scored `score` unless `except` says otherwise. */
const review = (score: number, except: Partial<Record<string, Partial<ItemAnswer>>> = {}): ItemAnswer[] =>
  FIDELITY_KEYS.map((key) => ({ key, score, evidence: 'seen in the case records', action: '', ...except[key] }));
/** Scores adding up to `total`: as many 5s as fit, then the rest spread down to 1. */
const totalling = (total: number) => {
  const scores = FIDELITY_KEYS.map(() => 1);
  let left = total - 25;
  for (let i = 0; i < scores.length && left > 0; i++) {
    const add = Math.min(4, left);
    scores[i] = 1 + add;
    left -= add;
  }
  return scores.map((score) => ({ score }));
};

describe('the parameters in force', () => {
  test('the bands and the action threshold from policy/', () => {
    expect(p).toEqual({ exemplary: 115, good: 100, fair: 74, actionBelow: 4 });
  });
  test('none before the first effective date', () => {
    expect(() => fidelityParameters('2019-11-30')).toThrow(/no value in force/);
  });
});

describe('the total and its band', () => {
  test.each([
    [125, 'exemplary'],
    [115, 'exemplary'],
    [114, 'good'],
    [100, 'good'],
    [99, 'fair'],
    [74, 'fair'],
    [73, 'not-ips'],
    [25, 'not-ips'],
  ])('a total of %i is %s', (total, band) => {
    expect(scoreReview(totalling(total), p)).toEqual({ total, band });
  });

  test('the total is the sum of the item scores', () => {
    expect(scoreReview([{ score: 5 }, { score: 3 }, { score: 1 }], p).total).toBe(9);
    expect(scoreReview(review(4), p)).toEqual({ total: 100, band: 'good' });
  });
});

describe('action plans for low items', () => {
  test.each([
    [1, true],
    [3, true],
    [4, false],
    [5, false],
  ])('a score of %i needs an action: %s', (score, needed) => {
    expect(needsAction(score, p)).toBe(needed);
  });

  test('a full review with no low item has no issues', () => {
    expect(reviewIssues(review(4), p)).toEqual([]);
  });

  test('each low item without an action is named; a blank action is none; a low item with one is fine', () => {
    const issues = reviewIssues(
      review(5, {
        'caseload-size': { score: 3 },
        disclosure: { score: 2, action: '   ' },
        'zero-exclusion': { score: 1, action: 'Take referrals from every team without screening' },
      }),
      p,
    );
    expect(issues).toEqual([
      { path: 'caseload-size-action', message: 'fidelity.error.action' },
      { path: 'disclosure-action', message: 'fidelity.error.action' },
    ]);
  });

  test('an item missing or answered twice is an issue on its score', () => {
    const all = review(5);
    const missing = all.filter((i) => i.key !== 'competitive-jobs');
    expect(reviewIssues(missing, p)).toEqual([{ path: 'competitive-jobs-score', message: 'fidelity.error.score' }]);
    const twice = [...all, { key: 'disclosure' as const, score: 5, evidence: 'again', action: '' }];
    expect(reviewIssues(twice, p)).toEqual([{ path: 'disclosure-score', message: 'fidelity.error.score' }]);
  });
});

describe('scores suggested by the service’s own figures', () => {
  test.each([
    // open cases per full-time specialist: the scale's anchors
    ['caseload', 12, 5],
    ['caseload', 20, 5],
    ['caseload', 20.1, 4],
    ['caseload', 25, 4],
    ['caseload', 26, 3],
    ['caseload', 30, 3],
    ['caseload', 31, 2],
    ['caseload', 40, 2],
    ['caseload', 41, 1],
    // median days to a first employer introduction
    ['employer-contact', 0, 5],
    ['employer-contact', 30, 5],
    ['employer-contact', 31, 4],
    ['employer-contact', 61, 3],
    ['employer-contact', 120, 2],
    ['employer-contact', 121, 1],
    // per cent whose support ended within 13 weeks of starting a job
    ['time-unlimited', 10, 5],
    ['time-unlimited', 11, 4],
    ['time-unlimited', 40, 2],
    ['time-unlimited', 100, 1],
    // per cent of open cases with the health team on them: higher is better
    ['integration', 100, 5],
    ['integration', 90, 5],
    ['integration', 89.9, 4],
    ['integration', 80, 4],
    ['integration', 70, 3],
    ['integration', 60, 2],
    ['integration', 59, 1],
    ['integration', 0, 1],
  ] as const)('%s at %d suggests %i', (measure, figure, score) => {
    expect(suggestedScore(measure, figure)).toBe(score);
  });

  test('no figure (nobody to measure) suggests nothing', () => {
    expect(suggestedScore('caseload', null)).toBeNull();
    expect(suggestedScore('caseload', Number.POSITIVE_INFINITY)).toBeNull();
    expect(suggestedScore('integration', Number.NaN)).toBeNull();
  });
});
