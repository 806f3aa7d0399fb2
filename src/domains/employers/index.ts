/*
 * Employers: employers and their sites, vacancies, the person's work profile, matching, and
 * introductions. Other domains and the composition root import this capability only from here.
 */

export { type DemoEmployer, seedDemoEmployer, seedSyntheticVacancies } from './employer-demo.ts';
export { createEmployerService, type EmployerService } from './employer-service.ts';
export { employersCapability } from './employers-capability.ts';
export { employersMessages } from './employers-messages.ts';
export { createEngagementService, type EngagementService } from './engagement-service.ts';
export type { Match, MatchNote, MatchPerson, MatchResult, MatchVacancy } from './matching.ts';
export { createMatchingIndex, type MatchingIndex } from './matching-index.ts';
export { distanceKm, matchOne, matchParameters, matchVacancies } from './matching-rules.ts';
export { calculateMatches } from './matching-schemas.ts';
export { createMatchingService, type MatchingService } from './matching-service.ts';
export { nhsJobsRows } from './nhs-jobs-feed.ts';
export { ensureReferenceData, upsertSocGroups } from './reference-data.ts';
export { socUnitGroups } from './reference-import.ts';
export { seedSyntheticPeople } from './synthetic-people.ts';
export type { Employer, Introduction, Vacancy, WorkProfile } from './vacancy.ts';
export { csvRecords, csvRows, csvRowsFrom, ImportRefused, type ImportRow, importVacancies, parseCsv, type RowError } from './vacancy-import.ts';
export { createWorkProfileService, type WorkProfileService, workProfileExportSections } from './work-profile-service.ts';
