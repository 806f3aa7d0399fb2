export { type CellShown, rateOf, type SuppressedCount, suppress, suppressGroup } from './disclosure-rules.ts';
export { createFidelityService, type FidelityService } from './fidelity-service.ts';
export { DEFAULT_SOURCE, INACTIVITY_FIXTURE, importInactivity, parseNomisCsv } from './inactivity-import.ts';
export { outcomeCapability } from './outcome-capability.ts';
export { PROGRESS_COHORTS, PROGRESS_MEASURES, type ProgressCohort, type ProgressMeasure, type ProgressQuery, targetProgress } from './outcome-progress.ts';
export { createOutcomeService, type OutcomeService } from './outcome-service.ts';
export { seedSyntheticHistory, syntheticAreas } from './synthetic-history.ts';
