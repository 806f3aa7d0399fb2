import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../../../platform/errors/index.ts';
import { councilParamSchema, idParamSchema, serviceSearchSchema } from '../directory-schemas.ts';
import { type DirectoryService, HSDS_VERSION, UK_PROFILE_URL } from '../directory-service.ts';

export const ORUK_PREFIX = '/oruk';

const termIdSchema = z.object({ council: councilParamSchema.shape.council, id: z.uuid() });
const termQuerySchema = z.object({ taxonomy_id: z.uuid().optional(), top_only: z.enum(['true', 'false']).optional(), parent_id: z.uuid().optional() });

/**
 * The public, read-only Open Referral UK API (HSDS 3.0): one feed per council at
 * `/oruk/{GSS code}`, the same stub for every endpoint of that feed. No sign-in and no key;
 * every response (errors too) carries `Access-Control-Allow-Origin: *`. It reads the directory
 * only, never a referral or a person (ADR 0033).
 */
export function registerOrukApi(app: FastifyInstance, deps: { directory: DirectoryService; baseUrl: string }): void {
  const { directory } = deps;
  app.addHook('onRequest', async (request, reply) => {
    if (request.url !== ORUK_PREFIX && !request.url.startsWith(`${ORUK_PREFIX}/`)) return;
    reply.header('Access-Control-Allow-Origin', '*');
    // Open data, readable from any origin's pages.
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  const json = 'application/json; charset=utf-8';
  const councilOf = async (params: unknown) => directory.council(parseInput(councilParamSchema, params).council);
  const base = (gss: string) => `${deps.baseUrl}${ORUK_PREFIX}/${gss}`;

  app.get(ORUK_PREFIX, async (_request, reply) => {
    const councils = await directory.councils();
    return reply.type(json).send({ feeds: councils.map((c) => ({ name: c.name, identifier: c.gssCode, url: base(c.gssCode) })) });
  });

  app.get<{ Params: { council: string } }>(`${ORUK_PREFIX}/:council`, async (request, reply) => {
    const council = await councilOf(request.params);
    return reply.type(json).send({
      version: HSDS_VERSION,
      profile: UK_PROFILE_URL,
      openapi_url: `${base(council.gssCode)}/openapi.json`,
      publisher: { name: council.name, identifier: `GB-LAE-${council.gssCode}`, website: deps.baseUrl },
    });
  });

  app.get<{ Params: { council: string } }>(`${ORUK_PREFIX}/:council/openapi.json`, async (request, reply) => {
    const council = await councilOf(request.params);
    return reply.type(json).send(orukOpenApi(base(council.gssCode), council.name));
  });

  app.get<{ Params: { council: string } }>(`${ORUK_PREFIX}/:council/services`, async (request, reply) => {
    const council = await councilOf(request.params);
    const { rows: _rows, ...page } = await directory.search(council.id, request.query);
    return reply.type(json).send(page);
  });

  app.get<{ Params: { council: string; id: string } }>(`${ORUK_PREFIX}/:council/services/:id`, async (request, reply) => {
    const { council: gss, id } = parseInput(idParamSchema, request.params);
    const council = await directory.council(gss);
    return reply.type(json).send((await directory.service(council.id, id)).hsds);
  });

  app.get<{ Params: { council: string } }>(`${ORUK_PREFIX}/:council/taxonomies`, async (request, reply) => {
    const council = await councilOf(request.params);
    const all = await directory.taxonomies(council.id);
    return reply.type(json).send(listPage(all));
  });

  app.get<{ Params: { council: string; id: string } }>(`${ORUK_PREFIX}/:council/taxonomies/:id`, async (request, reply) => {
    const { council: gss, id } = parseInput(termIdSchema, request.params);
    const council = await directory.council(gss);
    const found = (await directory.taxonomies(council.id)).find((x) => x.id === id);
    if (!found) return reply.code(404).type('application/problem+json').send(notFound(request.url));
    return reply.type(json).send(found);
  });

  app.get<{ Params: { council: string } }>(`${ORUK_PREFIX}/:council/taxonomy_terms`, async (request, reply) => {
    const council = await councilOf(request.params);
    const q = parseInput(termQuerySchema, request.query);
    let terms = await directory.taxonomyTerms(council.id, q.taxonomy_id ? { taxonomyId: q.taxonomy_id } : {});
    if (q.top_only === 'true') terms = terms.filter((x) => !('parent_id' in x));
    if (q.parent_id) terms = terms.filter((x) => x.parent_id === q.parent_id);
    return reply.type(json).send(listPage(terms));
  });

  app.get<{ Params: { council: string; id: string } }>(`${ORUK_PREFIX}/:council/taxonomy_terms/:id`, async (request, reply) => {
    const { council: gss, id } = parseInput(termIdSchema, request.params);
    const council = await directory.council(gss);
    const [found] = await directory.taxonomyTerms(council.id, { id });
    if (!found) return reply.code(404).type('application/problem+json').send(notFound(request.url));
    return reply.type(json).send(found);
  });
}

/** Short lists (taxonomies, their terms) come whole, in one page of the standard envelope. */
function listPage<T>(items: readonly T[]) {
  return {
    total_items: items.length,
    total_pages: 1,
    page_number: 1,
    size: items.length,
    first_page: true,
    last_page: true,
    empty: items.length === 0,
    contents: items,
  };
}

const notFound = (instance: string) => ({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No such record in this directory', instance });

/** The feed's OpenAPI document: the HSDS 3.0 endpoints and parameters this feed answers. */
export function orukOpenApi(serverUrl: string, councilName: string) {
  const query = (name: string, type: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type } });
  const ok = (description: string) => ({ '200': { description, content: { 'application/json': { schema: { type: 'object' } } } } });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const serviceParams = Object.keys(serviceSearchSchema.shape).map((name) =>
    query(name, ['page', 'per_page', 'proximity'].includes(name) ? 'integer' : ['minimal', 'full'].includes(name) ? 'boolean' : 'string', `HSDS 3.0 ${name}`),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: `${councilName} service directory (Open Referral UK)`,
      version: HSDS_VERSION,
      description:
        'The public, read-only service directory in the HSDS 3.0 shape with the UK profile. Extra fields Bridgework keeps are prefixed bridgework_: capacity (accepting, waiting-list, closed), waiting weeks, and the distance when searching near a postcode.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/': { get: { operationId: 'getApiMeta', summary: 'About this API', responses: ok('version, profile and openapi_url') } },
      '/services': {
        get: { operationId: 'listServices', summary: 'A page of services', parameters: serviceParams, responses: ok('The page envelope with contents') },
      },
      '/services/{id}': { get: { operationId: 'getService', summary: 'A fully nested service', parameters: [idParam], responses: ok('A service') } },
      '/taxonomies': { get: { operationId: 'listTaxonomies', summary: 'The taxonomies', responses: ok('The page envelope with contents') } },
      '/taxonomies/{id}': { get: { operationId: 'getTaxonomy', summary: 'One taxonomy', parameters: [idParam], responses: ok('A taxonomy') } },
      '/taxonomy_terms': {
        get: {
          operationId: 'listTaxonomyTerms',
          summary: 'The taxonomy terms',
          parameters: [
            query('taxonomy_id', 'string', 'Terms of this taxonomy'),
            query('top_only', 'boolean', 'Terms with no parent'),
            query('parent_id', 'string', 'Children of this term'),
          ],
          responses: ok('The page envelope with contents'),
        },
      },
      '/taxonomy_terms/{id}': {
        get: { operationId: 'getTaxonomyTerm', summary: 'One taxonomy term', parameters: [idParam], responses: ok('A taxonomy term') },
      },
    },
  };
}
