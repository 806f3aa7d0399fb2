export { organisationOperations } from './api/organisation-api.ts';
export { ORGANISATION_KINDS, type Organisation, type OrganisationKind, type OrganisationTables } from './organisation.ts';
export { organisationMessages } from './organisation-messages.ts';
export { countOrganisations, findOrganisation, insertOrganisation } from './organisation-repo.ts';
export { createOrganisationService, type OrganisationService } from './organisation-service.ts';
export { registerOrganisationPages } from './web/organisation-routes.ts';

/** Links this capability adds to the staff home page. */
export const organisationHomeLinks = [
  { role: 'tenant-admin', href: '/organisations', textKey: 'organisations.title' },
  { role: 'team-lead', href: '/organisations', textKey: 'organisations.title' },
] as const;
