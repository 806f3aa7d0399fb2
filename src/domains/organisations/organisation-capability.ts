import { defineCapability } from '../../platform/capability/index.ts';
import { organisationOperations } from './api/organisation-api.ts';
import { organisationMessages } from './organisation-messages.ts';
import type { OrganisationService } from './organisation-service.ts';
import { registerOrganisationPages } from './web/organisation-routes.ts';

/** Organisations: the referring and delivering bodies a local authority works with. */
export const organisationCapability = defineCapability<{ organisations: OrganisationService }>({
  name: 'organisations',
  messages: [organisationMessages],
  homeLinks: [
    { role: 'tenant-admin', href: '/organisations', textKey: 'organisations.title' },
    { role: 'team-lead', href: '/organisations', textKey: 'organisations.title' },
  ],
  operations: (s) => organisationOperations(s.organisations),
  routes(app, s) {
    registerOrganisationPages(app, { organisations: s.organisations });
  },
});
