/*
 * In-work retention (issue 18 items 5–8): an employed person at risk of losing their job, referred
 * by their GP (with the fit note), their employer (with their consent), occupational health or
 * themselves; the plan and phased return; outcomes as outcome facts. Other domains and the
 * composition root import this capability only from here.
 */
export type { FitNote, RetentionCase, RetentionOutcome, RetentionStatus, RetentionTables } from './retention.ts';
export { retentionCapability } from './retention-capability.ts';
export { retentionExportSections } from './retention-export.ts';
export { retentionMessages } from './retention-messages.ts';
export { createRetentionService, type RetentionService } from './retention-service.ts';
