import { describe, expect, test } from 'vitest';
import { type AgreementFacts, checkSharing, endingSoon } from './agreement-rules.ts';

const base: AgreementFacts = {
  id: 'a1',
  purposes: ['onward-referral'],
  dataCategories: ['identity', 'contact', 'need'],
  startsOn: '2026-04-01',
  endsOn: '2027-03-31',
};

describe('whether an agreement covers a sharing', () => {
  test.each([
    { why: 'in force, right purpose and categories', list: [base], today: '2026-12-01', cats: ['identity', 'need'], out: { allowed: true, agreementId: 'a1' } },
    { why: 'in force on its first day', list: [base], today: '2026-04-01', cats: ['need'], out: { allowed: true, agreementId: 'a1' } },
    { why: 'in force on its last day', list: [base], today: '2027-03-31', cats: ['need'], out: { allowed: true, agreementId: 'a1' } },
    { why: 'no agreement', list: [], today: '2026-12-01', cats: ['need'], out: { allowed: false, reason: 'none', missing: [] } },
    { why: 'lapsed the day after it ended', list: [base], today: '2027-04-01', cats: ['need'], out: { allowed: false, reason: 'lapsed', missing: [] } },
    { why: 'not started', list: [base], today: '2026-03-31', cats: ['need'], out: { allowed: false, reason: 'not-started', missing: [] } },
    {
      why: 'one lapsed and one not started: lapsed',
      list: [
        { ...base, id: 'old', startsOn: '2025-01-01', endsOn: '2025-12-31' },
        { ...base, id: 'new', startsOn: '2027-01-01', endsOn: '2027-12-31' },
      ],
      today: '2026-06-01',
      cats: ['need'],
      out: { allowed: false, reason: 'lapsed', missing: [] },
    },
    {
      why: 'wrong purpose',
      list: [{ ...base, purposes: ['referral-in', 'outcomes'] }],
      today: '2026-12-01',
      cats: ['need'],
      out: { allowed: false, reason: 'wrong-purpose', missing: [] },
    },
    {
      why: 'wrong category, naming what is missing',
      list: [base],
      today: '2026-12-01',
      cats: ['identity', 'date-of-birth', 'address', 'need'],
      out: { allowed: false, reason: 'wrong-category', missing: ['date-of-birth', 'address'] },
    },
    {
      why: 'wrong category: the nearest agreement is named',
      list: [
        { ...base, id: 'narrow', dataCategories: ['need'] },
        { ...base, id: 'wider', dataCategories: ['need', 'identity', 'contact'] },
      ],
      today: '2026-12-01',
      cats: ['need', 'identity', 'contact', 'health'],
      out: { allowed: false, reason: 'wrong-category', missing: ['health'] },
    },
    {
      why: 'a lapsed agreement beside one in force: the one in force decides',
      list: [
        { ...base, id: 'old', startsOn: '2024-01-01', endsOn: '2025-01-01' },
        { ...base, id: 'current', dataCategories: ['need', 'identity'] },
      ],
      today: '2026-12-01',
      cats: ['identity'],
      out: { allowed: true, agreementId: 'current' },
    },
    {
      why: 'of two in force, one covering the categories',
      list: [
        { ...base, id: 'narrow', dataCategories: ['need'] },
        { ...base, id: 'wide', dataCategories: ['need', 'address'] },
      ],
      today: '2026-12-01',
      cats: ['address', 'need'],
      out: { allowed: true, agreementId: 'wide' },
    },
    {
      why: 'in force for another purpose only, wrong categories too: purpose first',
      list: [{ ...base, purposes: ['outcomes'], dataCategories: ['need'] }],
      today: '2026-12-01',
      cats: ['health'],
      out: { allowed: false, reason: 'wrong-purpose', missing: [] },
    },
  ] as const)('$why', ({ list, today, cats, out }) => {
    expect(checkSharing(list, 'onward-referral', cats, today)).toEqual(out);
  });
});

describe('agreements ending soon', () => {
  const a = (endsOn: string, warned = false) => ({ endsOn, warned });
  test.each([
    { ends: '2026-12-01', warned: false, soon: true },
    { ends: '2027-01-30', warned: false, soon: true },
    { ends: '2027-01-31', warned: false, soon: false },
    { ends: '2026-11-30', warned: false, soon: false },
    { ends: '2026-12-15', warned: true, soon: false },
  ])('ends $ends (warned $warned), 60 days from 2026-12-01 → $soon', ({ ends, warned, soon }) => {
    expect(endingSoon([a(ends, warned)], '2026-12-01', 60)).toHaveLength(soon ? 1 : 0);
  });
});
