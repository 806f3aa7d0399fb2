export { createDraftService, type DraftService } from './draft-service.ts';
export type { Milestone, Person, Programme, Referral, ReferralStatus, ReferralTables, ReferringService, Team } from './referral.ts';
export { referralCapability } from './referral-capability.ts';
export { referralMessages } from './referral-messages.ts';
export { recordReferralOutcome } from './referral-outcomes.ts';
export { tables as referralTables } from './referral-repo.ts';
export { createReferralService, type ReferralService, type Submitter } from './referral-service.ts';
export { teamIdsOf, teamMembers } from './team-repo.ts';
export { createTeamService, type TeamService } from './team-service.ts';
