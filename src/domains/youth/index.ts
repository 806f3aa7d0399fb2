/*
 * The youth pathway (issue 18): young people's triage at first contact, the days-to-offer clock and
 * the offers made to them, on the case capability. Other domains and the composition root import it
 * only from here.
 */
export type { Breach, Offer, OfferStatus, Pathway, YouthTables } from './youth.ts';
export { YOUTH_CLOCK_JOB, youthCapability } from './youth-capability.ts';
export { youthExportSections } from './youth-export.ts';
export { youthMessages } from './youth-messages.ts';
export { createYouthService, YOUTH_POLICY, type YouthService } from './youth-service.ts';
