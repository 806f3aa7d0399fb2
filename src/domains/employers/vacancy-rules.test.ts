import { describe, expect, test } from 'vitest';
import { INTRODUCTION_STATUSES, VACANCY_STATUSES } from './vacancy.ts';
import { hasExpired, INTRODUCTION_TRANSITIONS, isOpenOn, moveIntroduction, moveVacancy, shareWith, VACANCY_TRANSITIONS } from './vacancy-rules.ts';

describe('the vacancy lifecycle', () => {
  const allowed = [
    ['draft', 'open'],
    ['draft', 'closed'],
    ['open', 'filled'],
    ['open', 'closed'],
    ['open', 'expired'],
  ];
  const pairs = VACANCY_STATUSES.flatMap((from) => VACANCY_STATUSES.map((to) => [from, to] as const));
  test.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.some(([f, t]) => f === from && t === to);
    if (ok) expect(moveVacancy(from, to)).toBe(to);
    else expect(() => moveVacancy(from, to)).toThrow(expect.objectContaining({ code: 'invalid-transition' }));
  });

  test('final statuses go nowhere', () => {
    expect(VACANCY_TRANSITIONS.filled).toEqual([]);
    expect(VACANCY_TRANSITIONS.closed).toEqual([]);
    expect(VACANCY_TRANSITIONS.expired).toEqual([]);
  });
});

describe('the introduction lifecycle', () => {
  const allowed = [
    ['introduced', 'interview'],
    ['introduced', 'offered'],
    ['introduced', 'declined'],
    ['introduced', 'withdrawn'],
    ['interview', 'offered'],
    ['interview', 'declined'],
    ['interview', 'withdrawn'],
    ['offered', 'accepted'],
    ['offered', 'declined'],
    ['offered', 'withdrawn'],
  ];
  const pairs = INTRODUCTION_STATUSES.flatMap((from) => INTRODUCTION_STATUSES.map((to) => [from, to] as const));
  test.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.some(([f, t]) => f === from && t === to);
    if (ok) expect(moveIntroduction(from, to)).toBe(to);
    else expect(() => moveIntroduction(from, to)).toThrow(expect.objectContaining({ code: 'invalid-transition' }));
  });

  test('accepted, declined and withdrawn are final', () => {
    expect([INTRODUCTION_TRANSITIONS.accepted, INTRODUCTION_TRANSITIONS.declined, INTRODUCTION_TRANSITIONS.withdrawn]).toEqual([[], [], []]);
  });
});

describe('expiry', () => {
  test('the closing date is the last open day', () => {
    expect(hasExpired('2026-12-01', '2026-12-01')).toBe(false);
    expect(hasExpired('2026-12-01', '2026-12-02')).toBe(true);
    expect(hasExpired('2026-12-02', '2026-12-01')).toBe(false);
  });

  test('only an open vacancy before its closing date can be matched', () => {
    expect(isOpenOn('open', '2026-12-01', '2026-12-01')).toBe(true);
    expect(isOpenOn('open', '2026-12-01', '2026-12-02')).toBe(false);
    expect(isOpenOn('draft', '2026-12-31', '2026-12-01')).toBe(false);
    expect(isOpenOn('filled', '2026-12-31', '2026-12-01')).toBe(false);
  });
});

describe('what an introduction shares', () => {
  const facts = {
    name: 'Daniel Okoro',
    email: 'daniel@example.com',
    phone: null,
    hoursPerWeek: { min: 10, max: 20 },
    days: ['mon', 'tue'] as const,
    flexibility: ['phased-start'] as const,
    adjustments: ['quiet-space'],
    summary: '  Worked in catering for six years.  ',
  };

  test('nothing agreed, nothing shared', () => {
    expect(shareWith([], facts)).toEqual({});
  });

  test('only the agreed fields, and an agreed but missing phone is left out', () => {
    expect(shareWith(['name', 'phone'], facts)).toEqual({ name: 'Daniel Okoro' });
    expect(shareWith(['email', 'summary'], facts)).toEqual({ email: 'daniel@example.com', summary: 'Worked in catering for six years.' });
  });

  test('everything agreed', () => {
    expect(shareWith(['name', 'email', 'phone', 'availability', 'flexibility', 'adjustments', 'summary'], { ...facts, phone: '07700 900123' })).toEqual({
      name: 'Daniel Okoro',
      email: 'daniel@example.com',
      phone: '07700 900123',
      availability: { hoursPerWeek: { min: 10, max: 20 }, days: ['mon', 'tue'] },
      flexibility: ['phased-start'],
      adjustments: ['quiet-space'],
      summary: 'Worked in catering for six years.',
    });
  });

  test('a blank summary or missing email is not shared', () => {
    expect(shareWith(['summary', 'email'], { ...facts, summary: '   ', email: null })).toEqual({});
    expect(shareWith(['availability'], facts)).toEqual({ availability: { hoursPerWeek: { min: 10, max: 20 }, days: ['mon', 'tue'] } });
    expect(shareWith(['flexibility', 'adjustments'], facts)).toEqual({ flexibility: ['phased-start'], adjustments: ['quiet-space'] });
  });
});
