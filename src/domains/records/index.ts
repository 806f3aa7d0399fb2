/*
 * A person's record that moves with them (ADR 0048): the FHIR document Bundle for a subject-access
 * request, transfers to another area, and records taken in. Other domains and the composition root
 * import this capability only from here.
 */
export { CONSENT_METHODS, type TransferIn, type TransferOut } from './record.ts';
export { recordCapability } from './record-capability.ts';
export { recordMessages } from './record-messages.ts';
export { normaliseRecord, readBundle } from './record-rules.ts';
export { createRecordService, type Importer, RECORD_READERS, type RecordService } from './record-service.ts';
