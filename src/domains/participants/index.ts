export type { CaseSummary, CaseTables, CaseView, Phase } from './case.ts';
export { caseCapability } from './case-capability.ts';
export { caseMessages } from './case-messages.ts';
export { type CaseService, createCaseService } from './case-service.ts';
export { authorOf, type CaseActor } from './case-work.ts';
export type { ExportSections } from './participant-export.ts';
export { createParticipantService, type ExportSectionsProvider, PARTICIPANT_COOKIE, type ParticipantService } from './participant-service.ts';
export { caseloadMessages } from './web/case-routes.ts';
export { participantMessages } from './web/participant-routes.ts';
