export { ORGANISATION_KINDS, type Organisation, type OrganisationKind, type OrganisationTables } from './organisation.ts';
export { organisationCapability } from './organisation-capability.ts';
export { organisationMessages } from './organisation-messages.ts';
export { countOrganisations, findOrganisation, insertOrganisation, organisationEmailQuery } from './organisation-repo.ts';
export { createOrganisationService, type OrganisationService } from './organisation-service.ts';
