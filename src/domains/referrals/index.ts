export { createDraftService, type DraftService } from './draft-service.ts';
export { referralFhirCapabilities, registerReferralFhirRoutes } from './fhir/fhir-routes.ts';
export type { Milestone, Person, Programme, Referral, ReferralStatus, ReferralTables, ReferringService, Team } from './referral.ts';
export { referralMessages } from './referral-messages.ts';
export { tables as referralTables } from './referral-repo.ts';
export { createReferralService, type ReferralService, type Submitter } from './referral-service.ts';
export { teamIdsOf, teamMembers } from './team-repo.ts';
export { createTeamService, type TeamService } from './team-service.ts';
export { registerReferralJourney } from './web/referral-journey-routes.ts';
export { registerReferralPages } from './web/referral-routes.ts';
export { registerTeamPages } from './web/team-routes.ts';

/** Links this capability adds to the staff home page. */
export const referralHomeLinks = [
  { role: 'referrer', href: '/referrals/new', textKey: 'referrals.journey.title.staff' },
  { role: 'referrer', href: '/referrals/mine', textKey: 'referrals.mine.title' },
  { role: 'specialist', href: '/referrals/inbox', textKey: 'referrals.inbox.title' },
  { role: 'team-lead', href: '/referrals/inbox', textKey: 'referrals.inbox.title' },
  { role: 'team-lead', href: '/teams', textKey: 'teams.title' },
  { role: 'tenant-admin', href: '/teams', textKey: 'teams.title' },
] as const;
