import { describe, expect, test } from 'vitest';
import data from '../../../policy/participation-regimes.json' with { type: 'json' };
import type { OfferAction, Regime, RegimeAction, RegimeChangeRefusal, YouthOfferType } from './participation.ts';
import {
  actionAllowed,
  allowedActions,
  checkRegimeChange,
  isVoluntary,
  offerActionAllowed,
  parseParticipationPolicy,
  participationPolicy,
} from './participation-rules.ts';

const WRA_2012_CHAPTER_2 = 'https://www.legislation.gov.uk/ukpga/2012/5/part/1/chapter/2';

// Written out by hand from the product brief, not derived from the policy file or the code.
const ACTIONS: [Regime, RegimeAction, boolean][] = [
  ['voluntary-health', 'mandatory-appointment', false],
  ['voluntary-health', 'obligation-wording', false],
  ['voluntary-health', 'compliance-doubt-report', false],
  ['voluntary-youth', 'mandatory-appointment', false],
  ['voluntary-youth', 'obligation-wording', false],
  ['voluntary-youth', 'compliance-doubt-report', false],
  ['conditional', 'mandatory-appointment', true],
  ['conditional', 'obligation-wording', true],
  ['conditional', 'compliance-doubt-report', true],
];

describe('regime-governed actions', () => {
  test.each(ACTIONS)('%s, %s: allowed is %s', (regime, action, allowed) => {
    expect(actionAllowed(regime, action).allowed).toBe(allowed);
  });

  test.each(ACTIONS.filter(([, , allowed]) => !allowed))('%s, %s: the refusal says why and where the rule comes from', (regime, action) => {
    const check = actionAllowed(regime, action);
    if (check.allowed) throw new Error('expected a refusal');
    expect(check.reason).toMatch(/^Participation is voluntary .*never records, recommends or enables a sanction\.$/);
    expect(check.reasonKey).toBe(`participation.refused.${regime}.${action}`);
    expect(check.policy).toEqual({
      name: 'participation-regimes',
      effectiveFrom: '2026-04-06',
      source: { title: expect.stringContaining('Welfare Reform Act 2012'), url: WRA_2012_CHAPTER_2 },
      platformPolicy: expect.stringMatching(/\S/),
      // Suppressing lawful sanctions (LCW, s21) is platform policy, not law.
      beyondLaw: true,
    });
  });

  test('the regimes and what each allows', () => {
    expect(allowedActions('voluntary-health')).toEqual([]);
    expect(allowedActions('voluntary-youth')).toEqual([]);
    expect(allowedActions('conditional')).toEqual(['mandatory-appointment', 'obligation-wording', 'compliance-doubt-report']);
    expect(isVoluntary('voluntary-health')).toBe(true);
    expect(isVoluntary('voluntary-youth')).toBe(true);
    expect(isVoluntary('conditional')).toBe(false);
  });

  test('the conditional regime goes no further than the law', () => {
    expect(participationPolicy.regimes.conditional.beyondLaw.applies).toBe(false);
  });
});

// Every youth offer type × regime × offer action, written out by hand: only the conditional regime
// lets an offer carry a condition (issue 18, "voluntary, always").
const OFFER_TYPES: YouthOfferType[] = ['job', 'apprenticeship', 'training', 'education', 'work-experience', 'guaranteed-placement'];
const OFFER_CELLS: [Regime, YouthOfferType, OfferAction, boolean][] = OFFER_TYPES.flatMap((type) => [
  ['voluntary-health', type, 'relay-condition', false],
  ['voluntary-health', type, 'report-decline', false],
  ['voluntary-youth', type, 'relay-condition', false],
  ['voluntary-youth', type, 'report-decline', false],
  ['conditional', type, 'relay-condition', true],
  ['conditional', type, 'report-decline', true],
]);

describe('youth offers', () => {
  test('the table has every offer type × regime × action', () => {
    expect(OFFER_CELLS).toHaveLength(36);
  });

  test.each(OFFER_CELLS)('%s, %s offer, %s: allowed is %s', (regime, type, action, allowed) => {
    const check = offerActionAllowed(regime, type, action);
    expect(check.allowed).toBe(allowed);
    if (check.allowed) return;
    expect(check.reason).toMatch(/^Participation is voluntary .*never records, recommends or enables a sanction\.$/);
    expect(check.reason).toContain(action === 'relay-condition' ? 'never passes on a benefit condition' : 'never reports it to the Jobcentre');
    expect(check.reasonKey).toBe(`participation.refused.${regime}.${action}`);
    expect(check.policy).toEqual({
      name: 'participation-regimes',
      effectiveFrom: '2026-04-06',
      source: { title: expect.stringContaining('Youth Guarantee'), url: 'https://www.gov.uk/government/publications/get-britain-working-white-paper' },
      platformPolicy: expect.stringContaining('never relays or enforces a benefit condition'),
      beyondLaw: true,
    });
  });

  test('the reasons speak of the regime the person is on', () => {
    const health = offerActionAllowed('voluntary-health', 'job', 'relay-condition');
    const youth = offerActionAllowed('voluntary-youth', 'job', 'relay-condition');
    expect(!health.allowed && health.reason).toContain('for people with health conditions');
    expect(!youth.allowed && youth.reason).toContain('on the youth offer');
  });
});

type Change = [from: Regime, to: Regime, healthConditionRecorded: boolean, reason: string, expected: RegimeChangeRefusal | 'ok'];
const R = 'Agreed with the person at review';

// Every from × to pair, with and without a health condition, with and without a reason. By hand.
const CHANGES: Change[] = [
  ['voluntary-health', 'voluntary-health', false, R, 'no-change'],
  ['voluntary-health', 'voluntary-health', false, '', 'no-change'],
  ['voluntary-health', 'voluntary-health', true, R, 'no-change'],
  ['voluntary-health', 'voluntary-health', true, '', 'no-change'],
  ['voluntary-health', 'voluntary-youth', false, R, 'ok'],
  ['voluntary-health', 'voluntary-youth', false, '', 'reason-required'],
  ['voluntary-health', 'voluntary-youth', true, R, 'ok'],
  ['voluntary-health', 'voluntary-youth', true, '', 'reason-required'],
  ['voluntary-health', 'conditional', false, R, 'ok'],
  ['voluntary-health', 'conditional', false, '', 'reason-required'],
  ['voluntary-health', 'conditional', true, R, 'health-condition-recorded'],
  ['voluntary-health', 'conditional', true, '', 'health-condition-recorded'],
  ['voluntary-youth', 'voluntary-health', false, R, 'ok'],
  ['voluntary-youth', 'voluntary-health', false, '', 'reason-required'],
  ['voluntary-youth', 'voluntary-health', true, R, 'ok'],
  ['voluntary-youth', 'voluntary-health', true, '', 'reason-required'],
  ['voluntary-youth', 'voluntary-youth', false, R, 'no-change'],
  ['voluntary-youth', 'voluntary-youth', false, '', 'no-change'],
  ['voluntary-youth', 'voluntary-youth', true, R, 'no-change'],
  ['voluntary-youth', 'voluntary-youth', true, '', 'no-change'],
  ['voluntary-youth', 'conditional', false, R, 'ok'],
  ['voluntary-youth', 'conditional', false, '', 'reason-required'],
  ['voluntary-youth', 'conditional', true, R, 'health-condition-recorded'],
  ['voluntary-youth', 'conditional', true, '', 'health-condition-recorded'],
  ['conditional', 'voluntary-health', false, R, 'ok'],
  ['conditional', 'voluntary-health', false, '', 'reason-required'],
  ['conditional', 'voluntary-health', true, R, 'ok'],
  ['conditional', 'voluntary-health', true, '', 'reason-required'],
  ['conditional', 'voluntary-youth', false, R, 'ok'],
  ['conditional', 'voluntary-youth', false, '', 'reason-required'],
  ['conditional', 'voluntary-youth', true, R, 'ok'],
  ['conditional', 'voluntary-youth', true, '', 'reason-required'],
  ['conditional', 'conditional', false, R, 'no-change'],
  ['conditional', 'conditional', false, '', 'no-change'],
  ['conditional', 'conditional', true, R, 'no-change'],
  ['conditional', 'conditional', true, '', 'no-change'],
];

describe('changing regime', () => {
  test('the table covers every case once', () => {
    expect(new Set(CHANGES.map(([from, to, health, reason]) => `${from} ${to} ${health} ${reason === ''}`)).size).toBe(36);
  });

  test.each(CHANGES)('%s → %s, health condition %s, reason %j: %s', (from, to, healthConditionRecorded, reason, expected) => {
    const check = checkRegimeChange({ from, to, healthConditionRecorded, reason });
    if (expected === 'ok') {
      expect(check).toEqual({ ok: true });
    } else {
      expect(check).toEqual({ ok: false, why: expected, message: expect.stringMatching(/\S/) });
    }
  });

  test('a reason of only white space is no reason', () => {
    expect(checkRegimeChange({ from: 'conditional', to: 'voluntary-health', healthConditionRecorded: false, reason: ' \n\t' })).toMatchObject({
      ok: false,
      why: 'reason-required',
    });
  });
});

describe('the policy file', () => {
  // Just the parts the tests below edit; the JSON's own inferred types are too narrow to edit.
  type Editable = {
    values: Record<string, number>;
    regimes: Record<string, { allowedActions: string[]; refusedActions: Record<string, unknown> }>;
    regimeChange: { refusedWhileHealthConditionRecorded: string[]; platformPolicy: { title: string; statement: string } };
    youthOffers: { types: Record<string, { regimes: Record<string, { allowedActions: string[]; refusedActions: Record<string, unknown> }> }> };
  };
  const edited = (edit: (policy: Editable) => void): unknown => {
    const copy = structuredClone(data) as unknown as Editable;
    edit(copy);
    return copy;
  };

  // Where the file is wrong, as a path into it, so whoever edits it is pointed at the right place.
  const problemAt = (policy: unknown): { code: string; path: PropertyKey[] }[] => {
    try {
      parseParticipationPolicy(policy);
    } catch (error) {
      return (error as { issues: { code: string; path: PropertyKey[] }[] }).issues.map(({ code, path }) => ({ code, path }));
    }
    throw new Error('expected the policy file to be refused');
  };

  test('parses, and carries its sources', () => {
    expect(() => parseParticipationPolicy(data)).not.toThrow();
    for (const regime of Object.values(participationPolicy.regimes)) expect(regime.law.url).toBe(WRA_2012_CHAPTER_2);
  });

  test('refuses a voluntary regime that allows a regime-governed action', () => {
    const policy = edited((p) => {
      const regime = p.regimes['voluntary-health'];
      if (!regime) throw new Error('no voluntary-health regime');
      regime.allowedActions = ['mandatory-appointment'];
      regime.refusedActions = Object.fromEntries(Object.entries(regime.refusedActions).filter(([action]) => action !== 'mandatory-appointment'));
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/voluntary regime allows no regime-governed action/);
    expect(problemAt(policy)).toEqual([{ code: 'custom', path: ['regimes', 'voluntary-health', 'allowedActions'] }]);
  });

  test('refuses an action that is neither allowed nor refused with a reason', () => {
    const policy = edited((p) => {
      const regime = p.regimes.conditional;
      if (!regime) throw new Error('no conditional regime');
      regime.allowedActions = ['mandatory-appointment', 'obligation-wording'];
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/compliance-doubt-report must be either allowed or refused/);
    expect(problemAt(policy)).toEqual([{ code: 'custom', path: ['regimes', 'conditional', 'compliance-doubt-report'] }]);
  });

  test('refuses a file that would let someone with a health condition onto conditionality', () => {
    const policy = edited((p) => {
      p.regimeChange.refusedWhileHealthConditionRecorded = [];
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/must be refused while a health condition is recorded/);
    expect(problemAt(policy)).toEqual([{ code: 'custom', path: ['regimeChange'] }]);
  });

  test('refuses a second dated version, since the rules are not keyed by date', () => {
    const policy = edited((p) => {
      p.values['2027-04-05'] = 2;
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/exactly one dated version/);
  });

  test('refuses a regime change rule whose platform policy has no title or no statement, since staff are shown both', () => {
    const noStatement = edited((p) => {
      p.regimeChange.platformPolicy.statement = '';
    });
    expect(() => parseParticipationPolicy(noStatement)).toThrow();
    const noTitle = edited((p) => {
      p.regimeChange.platformPolicy.title = '';
    });
    expect(() => parseParticipationPolicy(noTitle)).toThrow();
  });

  test('refuses a file that lets an offer carry a condition on a voluntary regime', () => {
    const policy = edited((p) => {
      const cell = p.youthOffers.types['guaranteed-placement']?.regimes['voluntary-youth'];
      if (!cell) throw new Error('no cell');
      cell.allowedActions = ['relay-condition'];
      delete cell.refusedActions['relay-condition'];
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/a voluntary regime lets no guaranteed-placement offer carry a condition/);
    expect(problemAt(policy)).toEqual([{ code: 'custom', path: ['youthOffers', 'guaranteed-placement', 'voluntary-youth'] }]);
  });

  test('refuses an offer action that is neither allowed nor refused with a reason', () => {
    const policy = edited((p) => {
      const cell = p.youthOffers.types.education?.regimes.conditional;
      if (!cell) throw new Error('no cell');
      cell.allowedActions = ['relay-condition'];
    });
    expect(() => parseParticipationPolicy(policy)).toThrow(/report-decline must be either allowed or refused/);
    expect(problemAt(policy)).toEqual([{ code: 'custom', path: ['youthOffers', 'types', 'education', 'regimes', 'conditional', 'report-decline'] }]);
  });

  test('refuses a file missing an offer type or a regime for one', () => {
    expect(() =>
      parseParticipationPolicy(
        edited((p) => {
          delete p.youthOffers.types.apprenticeship;
        }),
      ),
    ).toThrow();
    expect(() =>
      parseParticipationPolicy(
        edited((p) => {
          delete p.youthOffers.types.job?.regimes.conditional;
        }),
      ),
    ).toThrow();
  });
});
