export { administrationMessages } from './administration-messages.ts';
export { nationalFigures, suppress } from './national-figures.ts';
export { registerAdministrationPages } from './web/administration-routes.ts';

/** Links this capability adds to the staff home page. */
export const administrationHomeLinks = [
  { role: 'tenant-admin', href: '/admin/staff', textKey: 'administration.staff.link' },
  { role: 'tenant-admin', href: '/admin/security', textKey: 'administration.security.link' },
  { role: 'tenant-admin', href: '/admin/outbox', textKey: 'administration.outbox.link' },
  { role: 'tenant-admin', href: '/admin/audit', textKey: 'administration.audit.link' },
  { role: 'national-analyst', href: '/national', textKey: 'administration.national.link' },
] as const;
