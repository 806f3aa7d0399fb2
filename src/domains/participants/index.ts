export { caseOperations } from './api/case-api.ts';
export type { CaseSummary, CaseTables, CaseView, Phase } from './case.ts';
export { caseMessages } from './case-messages.ts';
export { type CaseService, createCaseService } from './case-service.ts';
export type { ExportSections } from './participant-export.ts';
export { createParticipantService, type ExportSectionsProvider, PARTICIPANT_COOKIE, type ParticipantService } from './participant-service.ts';
export { caseloadMessages, registerCasePages } from './web/case-routes.ts';
export { participantMessages, registerParticipantPages } from './web/participant-routes.ts';

/** Links this capability adds to the staff home page. */
export const caseHomeLinks = [
  { role: 'specialist', href: '/cases', textKey: 'caseload.title' },
  { role: 'team-lead', href: '/cases', textKey: 'caseload.title' },
  { role: 'team-lead', href: '/cases/team', textKey: 'caseload.team.title' },
  { role: 'ig-lead', href: '/cases/reviews', textKey: 'caseload.reviews.title' },
  { role: 'tenant-admin', href: '/cases/settings', textKey: 'caseload.settings.title' },
] as const;
export { authorOf, type CaseActor } from './case-work.ts';
