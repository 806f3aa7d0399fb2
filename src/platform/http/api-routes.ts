import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ClientPrincipal, requireScope } from '../auth/index.ts';
import type { Tx } from '../db/index.ts';
import { InvalidInput, issuesFromZod } from '../errors/index.ts';
import { IDEMPOTENCY_HEADER, type Idempotency } from './idempotency.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API operation as data: its schemas serve to parse the request, to shape the response and to
 * write the OpenAPI document, so the three never disagree.
 */
export type ApiOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> = {
  method: Method;
  /** OpenAPI form: `/api/v1/organisations/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scope: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201;
  handler: (input: {
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
    principal: ClientPrincipal;
    requestId: string;
    /**
     * For writes: call inside the business transaction with the response, so the response an
     * Idempotency-Key replays commits (or not) with the change itself. Safe to ignore.
     */
    afterWrite: (tx: Tx, response: z.input<R>) => Promise<void>;
  }) => Promise<z.input<R>>;
};

// Operations are held with their types erased; `defineOperation` checked them where written.
export type AnyOperation = ApiOperation<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

const empty = z.object({});

/** Declares an operation with its types inferred from its schemas. */
export function defineOperation<
  P extends z.ZodType = typeof empty,
  Q extends z.ZodType = typeof empty,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(op: ApiOperation<P, Q, B, R>): AnyOperation {
  return op as unknown as AnyOperation;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return where === 'body' ? undefined : {};
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    throw new InvalidInput(issuesFromZod(result.error).map((i) => ({ path: i.path ? `${where}.${i.path}` : where, message: i.message })));
  }
  return result.data;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * Registers API operations on Fastify and writes the OpenAPI 3.1 document from the same list.
 *
 * @example const api = createApiRegistry({ idempotency }); api.register(app, listOrganisations);
 */
export function createApiRegistry(deps: { idempotency: Idempotency }) {
  const operations: AnyOperation[] = [];

  async function execute(op: AnyOperation, request: FastifyRequest, reply: FastifyReply) {
    const principal = requireScope(request.principal, op.scope);
    const params = parsePart(op.params, request.params, 'params');
    const query = parsePart(op.query, request.query, 'query');
    const body = parsePart(op.body, request.body, 'body');
    const status = op.status ?? 200;
    const contentType = 'application/json; charset=utf-8';
    const key = op.method === 'GET' ? undefined : request.headers[IDEMPOTENCY_HEADER];
    const scope = typeof key === 'string' ? ([principal.tenantId, `client:${principal.id}`, key] as const) : null;
    let storedInTransaction = false;
    const afterWrite = async (tx: Tx, response: unknown) => {
      if (!scope) return;
      await deps.idempotency.completeIn(tx, scope[1], scope[2], { status, body: JSON.stringify(op.response.parse(response)), contentType });
      storedInTransaction = true;
    };
    const run = async () => JSON.stringify(op.response.parse(await op.handler({ params, query, body, principal, requestId: request.id, afterWrite })));
    const send = (text: string) => reply.code(status).type(contentType).send(text);
    if (!scope) return send(await run());

    const claim = await deps.idempotency.claim(...scope, deps.idempotency.requestHash(op.method, request.url, request.body));
    if (claim.kind === 'replay') {
      return reply.code(claim.response.status).type(claim.response.contentType).header('Idempotent-Replayed', 'true').send(claim.response.body);
    }
    let text: string;
    try {
      text = await run();
    } catch (error) {
      await deps.idempotency.release(...scope);
      throw error;
    }
    // A handler that did not store the response in its own transaction gets it stored now.
    if (!storedInTransaction) await deps.idempotency.complete(...scope, { status, body: text, contentType });
    return send(text);
  }

  return {
    register(app: FastifyInstance, ...ops: AnyOperation[]) {
      for (const op of ops) {
        operations.push(op);
        app.route({ method: op.method, url: op.path.replace(/\{(\w+)\}/g, ':$1'), handler: (request, reply) => execute(op, request, reply) });
      }
    },

    openApiDocument(info: { title: string; version: string; description: string }) {
      const scopes = Object.fromEntries([...new Set(operations.map((o) => o.scope))].sort().map((s) => [s, `Grants ${s}`]));
      const paths: Record<string, Record<string, unknown>> = {};
      for (const op of operations) {
        const parameters = [
          ...Object.entries((op.params ? (jsonSchema(op.params, 'input').properties ?? {}) : {}) as Record<string, unknown>).map(([name, schema]) => ({
            name,
            in: 'path',
            required: true,
            schema,
          })),
          ...Object.entries((op.query ? (jsonSchema(op.query, 'input').properties ?? {}) : {}) as Record<string, unknown>).map(([name, schema]) => ({
            name,
            in: 'query',
            schema,
          })),
          ...(op.method === 'GET'
            ? []
            : [
                {
                  name: 'Idempotency-Key',
                  in: 'header',
                  required: false,
                  description: 'Makes a retry safe: a repeat with the same key and body replays the first response.',
                  schema: { type: 'string', maxLength: 255 },
                },
              ]),
        ];
        const problem = {
          description: 'Problem details (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
        const pathItem = paths[op.path] ?? {};
        paths[op.path] = pathItem;
        pathItem[op.method.toLowerCase()] = {
          operationId: op.operationId,
          summary: op.summary,
          tags: [op.tag],
          security: [{ clientCredentials: [op.scope] }],
          ...(parameters.length > 0 ? { parameters } : {}),
          ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
          responses: {
            [String(op.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } },
            '401': problem,
            '403': problem,
            '404': problem,
            '409': problem,
            '422': problem,
          },
        };
      }
      return {
        openapi: '3.1.0',
        info,
        servers: [{ url: '/' }],
        paths,
        components: {
          schemas: { Problem: jsonSchema(problemSchema, 'output') },
          securitySchemes: { clientCredentials: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes } } } },
        },
      };
    },
  };
}

export type ApiRegistry = ReturnType<typeof createApiRegistry>;
