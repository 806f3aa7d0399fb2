import { describe, expect, test } from 'vitest';
import { MILESTONES, REFERRAL_STATUSES, type ReferralStatus, type Team } from './referral.ts';
import {
  ageOn,
  capacityOf,
  checkTransition,
  decideRegime,
  isLaterMilestone,
  isTerminal,
  isYoungPerson,
  nextStatuses,
  personMatchKey,
  programmeOf,
  routeTeams,
} from './referral-rules.ts';

// The lifecycle as the issue states it, written out independently of the table in the code.
const ALLOWED: Record<ReferralStatus, ReferralStatus[]> = {
  requested: ['accepted', 'rejected', 'cancelled'],
  accepted: ['in-progress', 'cancelled'],
  'in-progress': ['on-hold', 'completed', 'failed', 'cancelled'],
  'on-hold': ['in-progress', 'failed', 'cancelled'],
  rejected: [],
  cancelled: [],
  completed: [],
  failed: [],
};
const NEEDS_REASON: ReferralStatus[] = ['rejected', 'cancelled', 'on-hold', 'failed'];

describe('the referral lifecycle', () => {
  for (const from of REFERRAL_STATUSES) {
    for (const to of REFERRAL_STATUSES) {
      test(`${from} → ${to}`, () => {
        const owner = checkTransition(from, to, 'owner', 'because');
        expect(owner.ok).toBe(ALLOWED[from].includes(to));
        // The requester may only withdraw.
        expect(checkTransition(from, to, 'requester', 'because').ok).toBe(ALLOWED[from].includes(to) && to === 'cancelled');
        if (ALLOWED[from].includes(to)) {
          expect(checkTransition(from, to, 'owner', '  ')).toEqual(NEEDS_REASON.includes(to) ? { ok: false, why: 'reason-required' } : { ok: true });
        }
      });
    }
  }
});

describe('participation regimes', () => {
  const base = { hasHealthCondition: false, youngPerson: false, shortTermUnemployed: true, conditionalityRequested: true };
  test('only a Jobcentre referral of a short-term unemployed person with no health condition, when asked, is conditional', () => {
    expect(decideRegime({ ...base, route: 'jobcentre' }).regime).toBe('conditional');
    expect(decideRegime({ ...base, route: 'jobcentre', hasHealthCondition: true }).regime).toBe('voluntary-health');
    expect(decideRegime({ ...base, route: 'jobcentre', shortTermUnemployed: false }).regime).toBe('voluntary-health');
    expect(decideRegime({ ...base, route: 'jobcentre', shortTermUnemployed: null }).regime).toBe('voluntary-health');
    expect(decideRegime({ ...base, route: 'jobcentre', conditionalityRequested: false }).regime).toBe('voluntary-health');
  });
  test('health services, self-referrals and FHIR are always voluntary; young people are on the youth offer', () => {
    for (const route of ['clinician', 'self', 'fhir'] as const) {
      expect(decideRegime({ ...base, route }).regime).toBe('voluntary-health');
      expect(decideRegime({ ...base, route, youngPerson: true }).regime).toBe('voluntary-youth');
    }
    expect(decideRegime({ ...base, route: 'jobcentre', hasHealthCondition: true, youngPerson: true }).regime).toBe('voluntary-youth');
  });
});

describe('young people', () => {
  test('age counts whole years, with the birthday itself', () => {
    expect(ageOn('2002-11-23', '2026-11-23')).toBe(24);
    expect(ageOn('2002-11-24', '2026-11-23')).toBe(23);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
  test('16 to 24 and not in education, employment or training', () => {
    expect(isYoungPerson('2010-11-23', '2026-11-23', true)).toBe(true); // 16 today
    expect(isYoungPerson('2010-11-24', '2026-11-23', true)).toBe(false); // 15
    expect(isYoungPerson('2001-11-24', '2026-11-23', true)).toBe(true); // 24
    expect(isYoungPerson('2001-11-23', '2026-11-23', true)).toBe(false); // 25 today
    expect(isYoungPerson('2005-01-01', '2026-11-23', false)).toBe(false);
  });
});

const team = (over: Partial<Team>): Team => ({
  id: over.name ?? 't',
  organisationId: 'o',
  name: 't',
  services: ['gp'],
  postcodeDistricts: [],
  programmes: ['ips'],
  specialists: 2,
  caseloadLimit: 20,
  accepting: true,
  ...over,
});

describe('capacity', () => {
  test('open below specialists × caseload; then a waiting list banded by weeks at one place per specialist a week; closed when it says so', () => {
    expect(capacityOf(team({}), 39)).toEqual({ state: 'open' });
    expect(capacityOf(team({}), 40)).toEqual({ state: 'waiting-list', band: 'up-to-2-weeks' }); // 1 over: 1 week
    expect(capacityOf(team({}), 43)).toEqual({ state: 'waiting-list', band: 'up-to-2-weeks' }); // 4 over: 2 weeks
    expect(capacityOf(team({}), 44)).toEqual({ state: 'waiting-list', band: '2-to-6-weeks' }); // 5 over: 3 weeks
    expect(capacityOf(team({}), 51)).toEqual({ state: 'waiting-list', band: '2-to-6-weeks' }); // 12 over: 6 weeks
    expect(capacityOf(team({}), 52)).toEqual({ state: 'waiting-list', band: 'over-6-weeks' }); // 13 over: 7 weeks
    expect(capacityOf(team({ accepting: false }), 0)).toEqual({ state: 'closed' });
    expect(capacityOf(team({ specialists: 0 }), 0)).toEqual({ state: 'closed' });
  });
  test('routing puts teams covering the service and district first, youth teams first for a young person, open before waiting lists', () => {
    const teams = [
      { team: team({ name: 'Elsewhere', postcodeDistricts: ['LE9'] }), openReferrals: 0 },
      { team: team({ name: 'Full', postcodeDistricts: ['LE1'] }), openReferrals: 45 },
      { team: team({ name: 'Open', postcodeDistricts: ['LE1'] }), openReferrals: 3 },
      { team: team({ name: 'Youth', programmes: ['youth'] }), openReferrals: 10 },
      { team: team({ name: 'Addiction only', services: ['addiction'] }), openReferrals: 0 },
    ];
    expect(routeTeams(teams, { service: 'gp', district: 'LE1', youngPerson: false }).map((r) => r.team.name)).toEqual([
      'Open',
      'Youth',
      'Full',
      'Addiction only',
      'Elsewhere',
    ]);
    const young = routeTeams(teams, { service: 'gp', district: 'LE1', youngPerson: true });
    expect(young[0]?.team.name).toBe('Youth');
    expect(young.filter((r) => r.matches).map((r) => r.team.name)).toEqual(['Youth', 'Open', 'Full']);
  });
});

test('the same person is matched by name, date of birth and postcode, whatever the accents, case and spacing', () => {
  const a = personMatchKey({ givenName: 'Siân', familyName: "O'Neill", dateOfBirth: '1990-01-02', postcode: 'cf10 1aa' });
  const b = personMatchKey({ givenName: 'sian', familyName: 'ONeill', dateOfBirth: '1990-01-02', postcode: 'CF101AA' });
  expect(a).toBe(b);
  expect(personMatchKey({ givenName: 'Sian', familyName: 'ONeill', dateOfBirth: '1990-01-03', postcode: 'CF10 1AA' })).not.toBe(a);
});

describe('the referral lifecycle, as the pages offer it', () => {
  test('rejected, cancelled, completed and failed are final; every other status can still move', () => {
    for (const status of REFERRAL_STATUSES) expect(isTerminal(status)).toBe(ALLOWED[status].length === 0);
  });
  test('the owning team is offered every allowed move; the side that referred is offered only withdrawal', () => {
    for (const from of REFERRAL_STATUSES) {
      expect(nextStatuses(from, 'owner')).toEqual(ALLOWED[from]);
      expect(nextStatuses(from, 'requester')).toEqual(ALLOWED[from].filter((to) => to === 'cancelled'));
    }
  });
  test("a refusal says why: a move that does not exist, a move that is the other side's, or a missing reason", () => {
    expect(checkTransition('completed', 'in-progress', 'owner', 'because')).toEqual({ ok: false, why: 'not-allowed' });
    expect(checkTransition('requested', 'accepted', 'requester', 'because')).toEqual({ ok: false, why: 'not-yours' });
    expect(checkTransition('requested', 'rejected', 'owner', '')).toEqual({ ok: false, why: 'reason-required' });
  });
  test('a move that needs a reason is refused, not crashed, when the reason is missing altogether', () => {
    expect(checkTransition('in-progress', 'on-hold', 'owner', null)).toEqual({ ok: false, why: 'reason-required' });
    expect(checkTransition('in-progress', 'on-hold', 'owner', undefined)).toEqual({ ok: false, why: 'reason-required' });
    expect(checkTransition('accepted', 'in-progress', 'owner', null)).toEqual({ ok: true });
  });
});

test('milestones only move forward: a later one is accepted, the same or an earlier one is not', () => {
  for (const [i, current] of MILESTONES.entries()) {
    for (const [j, next] of MILESTONES.entries()) expect(isLaterMilestone(current, next)).toBe(j > i);
  }
});

describe('age around a birthday', () => {
  test('the day before a birthday is still the younger age, in any month and any day of the month', () => {
    expect(ageOn('2002-06-15', '2026-05-20')).toBe(23); // an earlier month, a later day
    expect(ageOn('2002-06-15', '2026-06-14')).toBe(23); // the same month, the day before
    expect(ageOn('2002-06-15', '2026-06-15')).toBe(24); // the birthday itself
    expect(ageOn('2002-06-15', '2026-07-01')).toBe(24); // a later month, an earlier day
    expect(ageOn('2002-06-15', '2026-12-31')).toBe(24);
    expect(ageOn('2002-06-15', '2027-01-01')).toBe(24);
  });
  test('the youth pathway opens on the 16th birthday and closes on the 25th, in any month', () => {
    expect(isYoungPerson('2010-06-15', '2026-05-20', true)).toBe(false); // 15, birthday next month
    expect(isYoungPerson('2010-06-15', '2026-06-15', true)).toBe(true);
    expect(isYoungPerson('2001-06-15', '2026-05-20', true)).toBe(true); // 24, 25 next month
    expect(isYoungPerson('2001-06-15', '2026-07-01', true)).toBe(false); // 25 last month
  });
});

test('two different people with the same date of birth and postcode are not matched as the same person', () => {
  const base = { givenName: 'Siân', familyName: 'Jones', dateOfBirth: '1990-01-02', postcode: 'CF10 1AA' };
  const key = personMatchKey(base);
  expect(personMatchKey({ ...base, givenName: 'Megan' })).not.toBe(key);
  expect(personMatchKey({ ...base, familyName: 'Evans' })).not.toBe(key);
  expect(personMatchKey({ ...base, postcode: 'CF10 1AB' })).not.toBe(key);
  // Given and family names are not interchangeable.
  expect(personMatchKey({ ...base, givenName: 'Jones', familyName: 'Siân' })).not.toBe(key);
});

describe('the programme a journey is reported under', () => {
  test.each([
    [['ips', 'youth'], true, 'youth'],
    [['ips', 'youth'], false, 'ips'],
    [['ips'], true, 'ips'],
    [['retention', 'ips'], false, 'ips'],
    [['retention'], false, 'retention'],
    [['youth'], false, 'youth'],
    [[], false, 'ips'],
  ])('%j, young %s: %s', (programmes, young, expected) => {
    expect(programmeOf(programmes, young)).toBe(expected);
  });
});
