import { z } from 'zod';
import { actorOf } from '../../../platform/auth/index.ts';
import { defineOperation } from '../../../platform/http/api-routes.ts';
import type { Organisation } from '../organisation.ts';
import { createOrganisationSchema, organisationIdSchema, organisationSchema } from '../organisation-schemas.ts';
import type { OrganisationService } from '../organisation-service.ts';

const toJson = (o: Organisation) => ({ id: o.id, kind: o.kind, name: o.name, email: o.email, createdAt: o.createdAt.toISOString() });

/** `/api/v1/organisations`: read with `organisations:read`, create with `organisations:write`. */
export function organisationOperations(organisations: OrganisationService) {
  return [
    defineOperation({
      method: 'GET',
      path: '/api/v1/organisations',
      operationId: 'listOrganisations',
      summary: 'List the organisations in the caller’s local authority',
      tag: 'Organisations',
      scope: 'organisations:read',
      response: z.object({ items: z.array(organisationSchema) }),
      handler: async ({ principal }) => ({ items: (await organisations.list(principal.tenantId)).map(toJson) }),
    }),
    defineOperation({
      method: 'GET',
      path: '/api/v1/organisations/{id}',
      operationId: 'getOrganisation',
      summary: 'Get one organisation',
      tag: 'Organisations',
      scope: 'organisations:read',
      params: organisationIdSchema,
      response: organisationSchema,
      handler: async ({ principal, params }) => toJson(await organisations.get(principal.tenantId, params.id)),
    }),
    defineOperation({
      method: 'POST',
      path: '/api/v1/organisations',
      operationId: 'createOrganisation',
      summary: 'Add an organisation',
      tag: 'Organisations',
      scope: 'organisations:write',
      body: createOrganisationSchema,
      response: organisationSchema,
      status: 201,
      handler: async ({ principal, body, afterWrite }) =>
        toJson(await organisations.create(principal.tenantId, actorOf(principal), body, { afterWrite: (tx, created) => afterWrite(tx, toJson(created)) })),
    }),
  ];
}
