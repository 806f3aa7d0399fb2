import { describe, expect, test } from 'vitest';
import { REFERRAL_STATUSES, type ReferralStatus, type Team } from './referral.ts';
import { ageOn, capacityOf, checkTransition, decideRegime, isYoungPerson, personMatchKey, routeTeams } from './referral-rules.ts';

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
