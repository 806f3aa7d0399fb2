export { AGREEMENT_PURPOSES, type AgreementPurpose, checkSharing, DATA_CATEGORIES, type DataCategory, type SharingCheck } from './agreement-rules.ts';
export { createPartnerService, directoryOrganisationsOf, type PartnerService, referralInCheck, referralInGate, sharingWith } from './partner-service.ts';
export type { GrowthSector, PartnershipTables } from './partnership.ts';
export { AGREEMENT_WARNING_JOB, partnershipCapability } from './partnership-capability.ts';
export { seedDemoPartnerships } from './partnership-demo.ts';
export { areaGrowthSectors, createPlanService, type PlanService } from './plan-service.ts';
