import { z } from 'zod';
import { ORGANISATION_KINDS } from './organisation.ts';

// Messages are catalogue keys: pages show them in English or Welsh, the API in English.
export const createOrganisationSchema = z.object({
  name: z.string({ error: 'organisations.error.name' }).trim().min(1, 'organisations.error.name').max(200, 'organisations.error.nameLength'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'organisations.error.kind' }),
  email: z
    .string({ error: 'organisations.error.email' })
    .trim()
    .max(254, 'organisations.error.email')
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'organisations.error.email'),
});
export type CreateOrganisation = z.output<typeof createOrganisationSchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const organisationIdSchema = z.object({ id: z.uuid('organisations.error.id') });
