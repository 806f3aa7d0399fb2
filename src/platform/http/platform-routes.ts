import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ClientService } from '../auth/index.ts';
import type { Database } from '../db/index.ts';
import type { ApiRegistry } from './api-routes.ts';

const tokenRequestSchema = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(1000).optional(),
});

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = header ? /^Basic ([A-Za-z0-9+/=]+)$/.exec(header) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

type ResourceEntry = {
  type?: unknown;
  documentation?: unknown;
  interaction?: readonly { code: string }[];
  searchParam?: readonly { name: string }[];
  [k: string]: unknown;
};

/**
 * One entry per resource type, as FHIR requires: capabilities that describe the same type (the
 * referrals' Task and the directory's onward-referral Task) are merged, documentation joined,
 * interactions and search parameters united (by code and name), the first entry's other fields kept.
 */
export function mergeFhirResources(entries: readonly unknown[]): unknown[] {
  const byType = new Map<unknown, ResourceEntry>();
  for (const raw of entries) {
    const entry = raw as ResourceEntry;
    const seen = byType.get(entry.type);
    if (!seen) {
      byType.set(entry.type, { ...entry });
      continue;
    }
    const codes = new Set((seen.interaction ?? []).map((i) => i.code));
    const names = new Set((seen.searchParam ?? []).map((p) => p.name));
    const searchParam = [...(seen.searchParam ?? []), ...(entry.searchParam ?? []).filter((p) => !names.has(p.name))];
    byType.set(entry.type, {
      ...seen,
      documentation: [seen.documentation, entry.documentation].filter(Boolean).join('\n\n'),
      interaction: [...(seen.interaction ?? []), ...(entry.interaction ?? []).filter((i) => !codes.has(i.code))],
      ...(searchParam.length > 0 ? { searchParam } : {}),
    });
  }
  return [...byType.values()];
}

/** Health, readiness, the OAuth token endpoint, the OpenAPI document and the FHIR capability statement. */
export function registerPlatformRoutes(
  app: FastifyInstance,
  deps: { db: Database; clients: ClientService; api: ApiRegistry; version: string; fhirResources?: readonly unknown[] },
): void {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (request, reply) => {
    try {
      await deps.db.ping();
      return { status: 'ready', database: deps.db.kind };
    } catch (error) {
      request.log.error({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable', database: deps.db.kind });
    }
  });

  // RFC 6749 §4.4: client credentials, with the client authenticated by HTTP Basic or in the body.
  app.post('/oauth/token', async (request, reply) => {
    reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
    const parsed = tokenRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'invalid_request', error_description: 'The token request could not be read' });
    const body = parsed.data;
    if (body.grant_type !== 'client_credentials') {
      return reply
        .code(400)
        .send({ error: body.grant_type ? 'unsupported_grant_type' : 'invalid_request', error_description: 'grant_type must be client_credentials' });
    }
    const basic = basicCredentials(request.headers.authorization);
    const id = basic?.id ?? body.client_id;
    const secret = basic?.secret ?? body.client_secret;
    if (!id || !secret)
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Basic realm="bridgework"')
        .send({ error: 'invalid_client', error_description: 'Client authentication is required' });
    const result = await deps.clients.issueToken(id, secret, body.scope);
    if (result.kind === 'error') {
      return result.error === 'invalid_client'
        ? reply
            .code(401)
            .header('WWW-Authenticate', 'Basic realm="bridgework"')
            .send({ error: 'invalid_client', error_description: 'The client id or secret is not right' })
        : reply.code(400).send({ error: 'invalid_scope', error_description: 'A requested scope was not granted to this client' });
    }
    return { access_token: result.accessToken, token_type: 'Bearer', expires_in: result.expiresIn, scope: result.scope };
  });

  // Built on the first request, once every operation is registered, and kept: the document only
  // changes with the code, and building it (every zod schema to JSON Schema) cost about 17 ms a request.
  let openApi: ReturnType<typeof deps.api.openApiDocument> | undefined;
  app.get('/api/docs/openapi.json', async () => {
    openApi ??= deps.api.openApiDocument({
      title: 'Bridgework API',
      version: deps.version,
      description: 'Partner API for Bridgework. Authenticate with OAuth 2.0 client credentials at /oauth/token. Errors are RFC 9457 problem details.',
    });
    return openApi;
  });

  app.get('/fhir/metadata', async (_request, reply) =>
    reply.type('application/fhir+json').send({
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-11-22',
      kind: 'instance',
      software: { name: 'Bridgework', version: deps.version },
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [
        {
          mode: 'server',
          security: { service: [{ text: 'OAuth 2.0 client credentials; token from /oauth/token' }] },
          // Domains describe their own resources; the platform only lists them.
          resource: mergeFhirResources(deps.fhirResources ?? []),
        },
      ],
    }),
  );
}
