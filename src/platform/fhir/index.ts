export { DATA_TYPES, PRIMITIVES, RESOURCES, TASK_STATUSES } from './fhir-structure.ts';
export { type FhirIssue, operationOutcome, referencesIn, validateDocumentBundle, validateResource } from './fhir-validate.ts';
