import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireScope } from '../../../platform/auth/index.ts';
import { InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { type Subscription, statusBundle, subscriptionResource } from './subscription-resources.ts';
import type { SubscriptionService } from './subscription-service.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** A subscription only tells a client about Tasks it may read, so reading is the scope it needs. */
const SCOPE = 'referrals:read';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idFrom(params: unknown): string {
  const id = z.object({ id: z.string() }).safeParse(params);
  if (!id.success || !UUID.test(id.data.id)) throw new NotFound('Subscription');
  return id.data.id.toLowerCase();
}

function ifMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  if (!match) throw new InvalidInput([{ path: 'If-Match', message: 'If-Match must be a version tag such as W/"3"' }]);
  return Number(match[1]);
}

/** `id` given as ?id=a,b or ?id=a&id=b; none means all of the client's own. */
function idsFrom(query: unknown): string[] | undefined {
  const raw = (query as { id?: unknown } | null)?.id;
  if (raw === undefined) return undefined;
  const ids = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim().toLowerCase());
  if (ids.length > 50) throw new InvalidInput([{ path: 'id', message: 'Ask for at most 50 subscriptions' }]);
  return ids.filter((v) => UUID.test(v));
}

/**
 * Topic-based Subscriptions (Backport IG for R4) on referral Task changes: a system client creates,
 * reads, updates and deletes its own, and reads their status with `$status`. Another client's
 * subscription answers 404, as if absent. Delivery is the service's and the job queue's.
 */
export function registerSubscriptionRoutes(app: FastifyInstance, deps: { subscriptions: SubscriptionService; baseUrl: string }): void {
  const { subscriptions, baseUrl } = deps;
  const send = (reply: FastifyReply, status: number, body: unknown, s?: Subscription) => {
    if (s) reply.header('ETag', `W/"${s.version}"`).header('Last-Modified', s.updatedAt.toUTCString());
    return reply.code(status).type(FHIR_JSON).send(JSON.stringify(body));
  };
  const client = (request: FastifyRequest) => requireScope(request.principal, SCOPE);

  app.post('/fhir/Subscription', async (request, reply) => {
    const s = await subscriptions.create(client(request), request.body);
    reply.header('Location', `${baseUrl}/fhir/Subscription/${s.id}/_history/${s.version}`);
    return send(reply, 201, subscriptionResource(s), s);
  });

  app.get('/fhir/Subscription/$status', async (request, reply) => {
    const found = await subscriptions.list(client(request), idsFrom(request.query));
    return send(reply, 200, statusBundle(found, baseUrl));
  });

  app.get('/fhir/Subscription', async (request, reply) => {
    const found = await subscriptions.list(client(request), idsFrom(request.query));
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: found.length,
      entry: found.map((s) => ({ fullUrl: `${baseUrl}/fhir/Subscription/${s.id}`, resource: subscriptionResource(s), search: { mode: 'match' } })),
    });
  });

  app.get('/fhir/Subscription/:id', async (request, reply) => {
    const s = await subscriptions.read(client(request), idFrom(request.params));
    return send(reply, 200, subscriptionResource(s), s);
  });

  app.get('/fhir/Subscription/:id/$status', async (request, reply) => {
    const s = await subscriptions.read(client(request), idFrom(request.params));
    return send(reply, 200, statusBundle([s], baseUrl));
  });

  app.put('/fhir/Subscription/:id', async (request, reply) => {
    const principal = client(request);
    const s = await subscriptions.update(principal, idFrom(request.params), request.body, ifMatch(request.headers['if-match']));
    return send(reply, 200, subscriptionResource(s), s);
  });

  app.delete('/fhir/Subscription/:id', async (request, reply) => {
    await subscriptions.remove(client(request), idFrom(request.params));
    return reply.code(204).send();
  });
}
