import type { OidcService, StaffService } from '../../platform/auth/index.ts';
import { defineCapability } from '../../platform/capability/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Database } from '../../platform/db/index.ts';
import type { OrganisationService } from '../organisations/index.ts';
import { administrationMessages } from './administration-messages.ts';
import { createTenantLinksService } from './tenant-links-service.ts';
import { registerAdministrationPages } from './web/administration-routes.ts';
import { registerIdentityProviderPages } from './web/identity-provider-routes.ts';
import { registerTenantLinksPages } from './web/tenant-links-routes.ts';

type Uses = {
  config: { env: 'development' | 'test' | 'production'; baseUrl: string };
  db: Database;
  clock: Clock;
  notifier: { kind: 'outbox' | 'govuk-notify' };
  staff: StaffService;
  oidc: OidcService;
  organisations: OrganisationService;
};

/** Administration: staff, security, the footer's privacy and accessibility links, the outbox and audit log for a local authority, and the national figures. */
export const administrationCapability = defineCapability<Uses>({
  name: 'administration',
  messages: [administrationMessages],
  homeLinks: [
    { role: 'tenant-admin', href: '/admin/staff', textKey: 'administration.staff.link' },
    { role: 'tenant-admin', href: '/admin/security', textKey: 'administration.security.link' },
    { role: 'tenant-admin', href: '/admin/sign-in', textKey: 'administration.providers.link' },
    { role: 'tenant-admin', href: '/admin/privacy-and-accessibility', textKey: 'administration.links.link' },
    { role: 'tenant-admin', href: '/admin/outbox', textKey: 'administration.outbox.link' },
    { role: 'tenant-admin', href: '/admin/audit', textKey: 'administration.audit.link' },
    { role: 'national-analyst', href: '/national', textKey: 'administration.national.link' },
  ],
  routes(app, s) {
    registerAdministrationPages(app, {
      db: s.db,
      clock: s.clock,
      notifyKind: s.notifier.kind,
      outboxBodies: s.notifier.kind === 'outbox' && s.config.env !== 'production',
      staff: s.staff,
      oidc: s.oidc,
      organisations: s.organisations,
    });
    registerIdentityProviderPages(app, { oidc: s.oidc, staff: s.staff, baseUrl: s.config.baseUrl });
    registerTenantLinksPages(app, { links: createTenantLinksService({ db: s.db, clock: s.clock }) });
  },
});
