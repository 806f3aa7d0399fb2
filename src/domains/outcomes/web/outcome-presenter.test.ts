import { describe, expect, test } from 'vitest';
import { createTranslator, platformMessages } from '../../../platform/i18n/index.ts';
import { outcomeMessages } from '../outcome-messages.ts';
import type { FunnelRow } from '../outcome-rules.ts';
import { outcomeSummary } from './outcome-presenter.ts';

const translate = createTranslator([platformMessages, outcomeMessages]);
const row = (step: FunnelRow['step'], people: FunnelRow['people']): FunnelRow => ({ step, people, fromPrevious: null, fromStart: null });
const funnel: FunnelRow[] = [
  row('referral-received', { kind: 'count', value: 1234 }),
  row('job-start', { kind: 'suppressed', why: 'small' }),
  row('sustained-13-weeks', { kind: 'suppressed', why: 'secondary' }),
];
const noTimes = { firstContact: { people: 0, median: null, p90: null } };

describe('the outcomes summary sentence', () => {
  test('words each hidden count for what it is: fewer than the threshold, or a number not shown', () => {
    const [en] = outcomeSummary(translate('en'), 'en', { from: '2026-05', to: '2026-08', threshold: 10, funnel, times: noTimes });
    expect(en).toBe(
      'From May 2026 to August 2026, 1,234 people were referred, fewer than 10 people started a job and a number of people we do not show stayed in work for 13 weeks.',
    );
    const [cy] = outcomeSummary(translate('cy'), 'cy', { from: '2026-05', to: '2026-08', threshold: 10, funnel, times: noTimes });
    expect(cy).toContain('cafodd 1,234 o bobl eu hatgyfeirio, dechreuodd llai na 10 o bobl swydd ac arhosodd nifer o bobl nad ydym yn ei dangos mewn gwaith');
    expect(`${en} ${cy}`).not.toMatch(/not shown|heb ei ddangos/);
  });
});
