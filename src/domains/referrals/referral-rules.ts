import {
  MILESTONES,
  type Milestone,
  type Programme,
  type ReferralRoute,
  type ReferralStatus,
  type ReferringService,
  type Regime,
  type Team,
} from './referral.ts';

/** Who is asking for a change: the side that made the referral, or the team that owns it. */
export type Side = 'requester' | 'owner';

type Rule = { to: ReferralStatus; by: readonly Side[] };

/**
 * The referral lifecycle (Gravity's Task state machine) as data. Anything not listed is refused
 * with 409. The requester may only withdraw; everything else is the owning team's decision.
 */
export const TRANSITIONS: Readonly<Record<ReferralStatus, readonly Rule[]>> = {
  requested: [
    { to: 'accepted', by: ['owner'] },
    { to: 'rejected', by: ['owner'] },
    { to: 'cancelled', by: ['owner', 'requester'] },
  ],
  accepted: [
    { to: 'in-progress', by: ['owner'] },
    { to: 'cancelled', by: ['owner', 'requester'] },
  ],
  'in-progress': [
    { to: 'on-hold', by: ['owner'] },
    { to: 'completed', by: ['owner'] },
    { to: 'failed', by: ['owner'] },
    { to: 'cancelled', by: ['owner', 'requester'] },
  ],
  'on-hold': [
    { to: 'in-progress', by: ['owner'] },
    { to: 'failed', by: ['owner'] },
    { to: 'cancelled', by: ['owner', 'requester'] },
  ],
  rejected: [],
  cancelled: [],
  completed: [],
  failed: [],
};

/** These statuses need a reason the other side can read. */
export const REASON_REQUIRED: ReadonlySet<ReferralStatus> = new Set(['rejected', 'cancelled', 'on-hold', 'failed']);
export const OPEN_STATUSES: readonly ReferralStatus[] = ['requested', 'accepted', 'in-progress', 'on-hold'];

export function isTerminal(status: ReferralStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export type TransitionCheck = { ok: true } | { ok: false; why: 'not-allowed' | 'not-yours' | 'reason-required' };

/** Whether `side` may move a referral from `from` to `to` with this reason. Pure. */
export function checkTransition(from: ReferralStatus, to: ReferralStatus, side: Side, reason: string | null | undefined): TransitionCheck {
  const rule = TRANSITIONS[from].find((r) => r.to === to);
  if (!rule) return { ok: false, why: 'not-allowed' };
  if (!rule.by.includes(side)) return { ok: false, why: 'not-yours' };
  if (REASON_REQUIRED.has(to) && !reason?.trim()) return { ok: false, why: 'reason-required' };
  return { ok: true };
}

export function nextStatuses(from: ReferralStatus, side: Side): ReferralStatus[] {
  return TRANSITIONS[from].filter((r) => r.by.includes(side)).map((r) => r.to);
}

/** Milestones only move forward. */
export function isLaterMilestone(current: Milestone, next: Milestone): boolean {
  return MILESTONES.indexOf(next) > MILESTONES.indexOf(current);
}

/** Whole years between a date of birth and a date, both yyyy-mm-dd. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 16–24 and not in education, employment or training: the youth pathway and its own clock. */
export function isYoungPerson(dateOfBirth: string, on: string, notInEducationEmploymentOrTraining: boolean): boolean {
  const age = ageOn(dateOfBirth, on);
  return age >= 16 && age <= 24 && notInEducationEmploymentOrTraining;
}

export type RegimeDecision = { regime: Regime; basis: string };

/**
 * The participation regime a referral carries. Anyone with a health condition, or referred by a
 * health service or themselves, is on a voluntary offer; only a Jobcentre referral of a short-term
 * unemployed person with no health condition may carry conditionality, and only if asked for.
 */
export function decideRegime(input: {
  route: ReferralRoute;
  hasHealthCondition: boolean;
  youngPerson: boolean;
  shortTermUnemployed: boolean | null;
  conditionalityRequested: boolean;
}): RegimeDecision {
  const voluntary: Regime = input.youngPerson ? 'voluntary-youth' : 'voluntary-health';
  if (input.route !== 'jobcentre') return { regime: voluntary, basis: 'referred by a health service or by themselves: participation is voluntary' };
  if (input.hasHealthCondition) return { regime: voluntary, basis: 'a health condition is recorded: participation is voluntary and no conditionality applies' };
  if (!input.conditionalityRequested) return { regime: voluntary, basis: 'the Jobcentre did not ask for conditionality' };
  if (input.shortTermUnemployed !== true) return { regime: voluntary, basis: 'only a short-term unemployed person may carry conditionality' };
  return { regime: 'conditional', basis: 'Jobcentre referral of a short-term unemployed person with no health condition recorded' };
}

export type Capacity = { state: 'open' } | { state: 'waiting-list'; band: WaitBand } | { state: 'closed' };
export type WaitBand = 'up-to-2-weeks' | '2-to-6-weeks' | 'over-6-weeks';

/**
 * What a referrer is told before sending. Places are specialists × caseload limit; a team over its
 * places keeps a waiting list whose wait is estimated at one freed place per specialist per week
 * (an estimate shown as a band, never a promise). A team that says it is closed is closed.
 */
export function capacityOf(team: Pick<Team, 'specialists' | 'caseloadLimit' | 'accepting'>, openReferrals: number): Capacity {
  if (!team.accepting || team.specialists === 0) return { state: 'closed' };
  const places = team.specialists * team.caseloadLimit;
  if (openReferrals < places) return { state: 'open' };
  const weeks = Math.ceil((openReferrals - places + 1) / team.specialists);
  return { state: 'waiting-list', band: weeks <= 2 ? 'up-to-2-weeks' : weeks <= 6 ? '2-to-6-weeks' : 'over-6-weeks' };
}

export type RoutedTeam = { team: Team; matches: boolean; capacity: Capacity };

/**
 * Teams in the order a referrer should see them: those sitting in the referring service and
 * covering the postcode district first (youth-pathway teams first for a young person), then the
 * open ones before waiting lists before closed; the rest follow so the referrer can still choose.
 */
export function routeTeams(
  teams: readonly { team: Team; openReferrals: number }[],
  input: { service: ReferringService; district: string | null; youngPerson: boolean },
): RoutedTeam[] {
  const covers = (t: Team) => t.postcodeDistricts.length === 0 || (input.district !== null && t.postcodeDistricts.includes(input.district));
  const sits = (t: Team) => t.services.includes(input.service);
  const youth = (t: Team) => (input.youngPerson && t.programmes.includes('youth' as Programme) ? 0 : 1);
  const rank = { open: 0, 'waiting-list': 1, closed: 2 } as const;
  return teams
    .map(({ team, openReferrals }) => ({ team, matches: covers(team) && sits(team), capacity: capacityOf(team, openReferrals) }))
    .sort(
      (a, b) =>
        Number(b.matches) - Number(a.matches) ||
        youth(a.team) - youth(b.team) ||
        rank[a.capacity.state] - rank[b.capacity.state] ||
        a.team.name.localeCompare(b.team.name),
    );
}

/** Matching key for "the same person" when there is no NHS number: name, date of birth and postcode. */
export function personMatchKey(p: { givenName: string; familyName: string; dateOfBirth: string; postcode: string }): string {
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${clean(p.familyName)}|${clean(p.givenName)}|${p.dateOfBirth}|${p.postcode.replace(/\s/g, '').toUpperCase()}`;
}

/**
 * The programme a referral's journey is reported under: the youth pathway when the person is young
 * and the team runs it, otherwise IPS when the team runs it, otherwise the team's first programme.
 */
export function programmeOf(programmes: readonly string[], youngPerson: boolean): string {
  if (youngPerson && programmes.includes('youth')) return 'youth';
  if (programmes.includes('ips')) return 'ips';
  return programmes[0] ?? 'ips';
}
