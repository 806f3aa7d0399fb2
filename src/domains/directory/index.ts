export { CAPACITIES, type Capacity, type DirectoryTables, SERVICE_STATUSES, type ServiceStatus } from './directory.ts';
export { DIRECTORY_STALE_JOB, directoryCapability } from './directory-capability.ts';
export { DEMO_NEEDS, demoDirectory, seedDemoDirectory, stableId, termId } from './directory-demo.ts';
export type { DirectoryPackage } from './directory-schemas.ts';
export { type Council, createDirectoryService, type DirectoryService } from './directory-service.ts';
export { onwardExportSections } from './onward-export.ts';
export { ONWARD_READ, ONWARD_WRITE, onwardTaskSource } from './onward-fhir.ts';
export { createOnwardService, type OnwardReferral, type OnwardService } from './onward-service.ts';
