import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type ClientPrincipal, type Principal, requireScope } from '../../../platform/auth/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { Conflict, InvalidInput, type Issue, NotFound } from '../../../platform/errors/index.ts';
import { IDEMPOTENCY_HEADER, type Idempotency } from '../../../platform/http/idempotency.ts';
import { MILESTONES, REFERRAL_STATUSES, REJECTION_REASONS, type Referral, type ReferralStatus, type Team } from '../referral.ts';
import type { Created, ReferralService } from '../referral-service.ts';
import { parseReferralSubmission, type ReferralSubmission } from './fhir-parse.ts';
import {
  BRIDGEWORK_CODE_SYSTEMS,
  episodeOfCareResource,
  type FhirResource,
  patientResource,
  type SearchEntry,
  searchBundle,
  serviceRequestResource,
  type TaskResource,
  type TransactionEntryResponse,
  taskResource,
  transactionResponseBundle,
} from './fhir-resources.ts';
import { INCLUDES, type Include, parseTaskSearch, UUID } from './fhir-search.ts';
import { applyPatch, changeFromPut, codeIn, conceptKey, type TaskChange } from './fhir-task-changes.ts';
import type { FhirTaskSource } from './fhir-task-source.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const READ = 'referrals:read';
const WRITE = 'referrals:write';
const searchParam = (name: string, type: string, documentation: string) => ({ name, type, documentation });

/** This module's part of the CapabilityStatement (`rest[0].resource`). */
export const referralFhirCapabilities = [
  {
    type: 'Task',
    documentation:
      'Referral Tasks (Gravity SDOHCC TaskForReferralManagement workflow). Create by POSTing a Task with its Patient, ServiceRequest and Consent contained, or a transaction Bundle to /fhir/Task or /fhir. Idempotency-Key is honoured on every write; Task.identifier is the duplicate check. Milestones are Task.businessStatus.',
    interaction: [{ code: 'create' }, { code: 'read' }, { code: 'update' }, { code: 'patch' }, { code: 'search-type' }],
    versioning: 'versioned-update',
    readHistory: false,
    updateCreate: false,
    conditionalCreate: false,
    conditionalUpdate: false,
    referencePolicy: ['literal', 'local'],
    searchInclude: [...INCLUDES],
    searchParam: [
      searchParam('_id', 'token', 'Task ids, comma-separated'),
      searchParam('patient', 'reference', 'Patient/<id> or an id'),
      searchParam('requester', 'reference', 'Organization/<id> or an id'),
      searchParam('owner', 'reference', 'HealthcareService/<id> (a team) or an id'),
      searchParam('focus', 'reference', 'ServiceRequest/<id> or an id'),
      searchParam('status', 'token', 'Task statuses, comma-separated'),
      searchParam('code', 'token', 'Only fulfill Tasks exist'),
      searchParam('_lastUpdated', 'date', 'gt or ge an instant, for polling'),
      searchParam('_count', 'number', 'Page size, up to 100 (default 20)'),
      searchParam('_offset', 'number', 'Entries to skip'),
    ],
  },
  { type: 'ServiceRequest', documentation: 'The referral’s content, with its Consent contained (#consent).', interaction: [{ code: 'read' }] },
  { type: 'Patient', documentation: 'Readable only through a Task the client may see.', interaction: [{ code: 'read' }] },
  {
    type: 'EpisodeOfCare',
    documentation: 'The case an accepted referral opened: Task.output, and returned by Task searches with _include=Task:output.',
    interaction: [{ code: 'read' }],
  },
] as const;

type Outcome = { status: number; body: unknown };

function taskHeaders(body: unknown, status: number, base: string): Record<string, string> {
  const task = body as Partial<TaskResource> | null;
  if (task?.resourceType !== 'Task' || !task.meta?.versionId) return {};
  return {
    ETag: `W/"${task.meta.versionId}"`,
    ...(task.meta.lastUpdated ? { 'Last-Modified': new Date(task.meta.lastUpdated).toUTCString() } : {}),
    ...(status === 201 ? { Location: `${base}/fhir/Task/${task.id}/_history/${task.meta.versionId}` } : {}),
  };
}

function idFrom(params: unknown, what: string): string {
  const id = z.object({ id: z.string() }).safeParse(params);
  // A malformed id names nothing, exactly like an unknown one.
  if (!id.success || !UUID.test(id.data.id)) throw new NotFound(what);
  return id.data.id.toLowerCase();
}

function ifMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '*') return undefined;
  const match = typeof header === 'string' ? /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim()) : null;
  if (!match) throw new InvalidInput([{ path: 'If-Match', message: 'If-Match must be a version tag such as W/"3"' }]);
  return Number(match[1]);
}

const TRANSITION_PATHS: Record<string, string> = {
  status: 'Task.status',
  reason: 'Task.statusReason.text',
  reasonCode: 'Task.statusReason.coding',
  milestone: 'Task.businessStatus',
  expectedVersion: 'If-Match',
};

const isJsonPatch = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json-patch+json';

/** The transaction-response Bundle for a referral Bundle: one response per entry sent. */
function transactionResponse(submission: ReferralSubmission, { created, referral, person }: Created) {
  const version = { etag: `W/"${referral.version}"`, lastModified: referral.updatedAt.toISOString() };
  const made = created ? '201 Created' : '200 OK';
  const responses = submission.entries.map((e): TransactionEntryResponse => {
    switch (e.resourceType) {
      case 'Task':
        return { status: made, location: `Task/${referral.id}/_history/${referral.version}`, ...version };
      case 'ServiceRequest':
        return { status: made, location: `ServiceRequest/${referral.id}/_history/${referral.version}`, ...version };
      case 'Patient':
        // A person Bridgework already knew is matched, not made again.
        return { status: created && referral.personMatch === 'new' ? '201 Created' : '200 OK', location: `Patient/${person.id}` };
      default:
        return {
          status: '200 OK',
          outcome: {
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'information',
                code: 'informational',
                diagnostics: `Consent is kept with the referral: ServiceRequest/${referral.id} contains it as #consent`,
              },
            ],
          },
        };
    }
  });
  return transactionResponseBundle(responses);
}

/**
 * The FHIR R4 referral endpoints: Task create (contained or transaction Bundle), read, search,
 * PATCH and PUT of status/businessStatus; ServiceRequest and Patient reads. Writes take
 * `referrals:write`, reads `referrals:read`; what a client cannot see answers 404, as if absent.
 */
export function registerReferralFhirRoutes(
  app: FastifyInstance,
  deps: { referrals: ReferralService; idempotency: Idempotency; baseUrl?: string; taskSources?: readonly FhirTaskSource[] },
): void {
  const { referrals, idempotency } = deps;
  const sources = deps.taskSources ?? [];
  const hasScope = (p: Principal | null, scope: string): p is ClientPrincipal => p?.kind === 'client' && p.scopes.includes(scope);

  /**
   * A Task that is not a referral's: asks each other source the client holds a scope for. Null
   * when none holds it (or the client may see none of them).
   */
  async function otherTask(
    principal: Principal | null,
    scopeOf: (s: FhirTaskSource) => string,
    run: (s: FhirTaskSource, p: ClientPrincipal) => Promise<TaskResource | null>,
  ): Promise<TaskResource | null> {
    for (const source of sources) {
      if (!hasScope(principal, scopeOf(source))) continue;
      const found = await run(source, principal);
      if (found) return found;
    }
    return null;
  }

  /**
   * Referral Tasks first for a client with the referrals scope, then the other sources; a client
   * with only another source's scope never reaches the referrals (404 for what no source holds).
   */
  async function eitherTask<T>(
    request: FastifyRequest,
    scope: string,
    scopeOf: (s: FhirTaskSource) => string,
    referral: () => Promise<T>,
    other: (s: FhirTaskSource, p: ClientPrincipal) => Promise<TaskResource | null>,
  ): Promise<{ referral: T } | { other: TaskResource }> {
    const principal = request.principal;
    const anyOther = sources.some((s) => hasScope(principal, scopeOf(s)));
    if (anyOther && !hasScope(principal, scope)) {
      const found = await otherTask(principal, scopeOf, other);
      if (!found) throw new NotFound('Task');
      return { other: found };
    }
    requireScope(principal, scope);
    try {
      return { referral: await referral() };
    } catch (error) {
      if (!(error instanceof NotFound) || !anyOther) throw error;
      const found = await otherTask(principal, scopeOf, other);
      if (!found) throw error;
      return { other: found };
    }
  }
  const baseOf = (request: FastifyRequest) => deps.baseUrl ?? `${request.protocol}://${request.host}`;
  const idempotencyKey = (request: FastifyRequest) => {
    const key = request.headers[IDEMPOTENCY_HEADER];
    return typeof key === 'string' ? key : undefined;
  };

  const send = (reply: FastifyReply, status: number, text: string, headers: Record<string, string>) =>
    reply.code(status).type(FHIR_JSON).headers(headers).send(text);

  /**
   * Runs a write once per Idempotency-Key (as the JSON API does); a retry replays the first answer.
   * `run` calls `afterWrite` inside its business transaction with the answer, so the answer a retry
   * replays commits with the change: a process that dies after the commit leaves nothing to redo.
   */
  async function idempotent(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: ClientPrincipal,
    run: (afterWrite: (tx: Tx, outcome: Outcome) => Promise<void>) => Promise<Outcome>,
  ) {
    const base = baseOf(request);
    const key = idempotencyKey(request);
    const sendOutcome = (outcome: Outcome, text = JSON.stringify(outcome.body)) =>
      send(reply, outcome.status, text, taskHeaders(outcome.body, outcome.status, base));
    if (key === undefined) return sendOutcome(await run(async () => {}));
    const scope = [principal.tenantId, `client:${principal.id}`, key] as const;
    const claim = await idempotency.claim(...scope, idempotency.requestHash(request.method, request.url, request.body));
    if (claim.kind === 'replay') {
      const { status, body } = claim.response;
      return send(reply, status, body, { ...taskHeaders(JSON.parse(body), status, base), 'Idempotent-Replayed': 'true' });
    }
    let stored: string | null = null;
    const afterWrite = async (tx: Tx, outcome: Outcome) => {
      const text = JSON.stringify(outcome.body);
      await idempotency.completeIn(tx, scope[1], scope[2], { status: outcome.status, body: text, contentType: FHIR_JSON });
      stored = text;
    };
    let outcome: Outcome;
    try {
      outcome = await run(afterWrite);
    } catch (error) {
      await idempotency.release(...scope);
      throw error;
    }
    // A write that changed nothing (no transaction to join) stores its answer now.
    if (stored === null) {
      stored = JSON.stringify(outcome.body);
      await idempotency.complete(...scope, { status: outcome.status, body: stored, contentType: FHIR_JSON });
    }
    return sendOutcome(outcome, stored);
  }

  /**
   * Creates the referral and answers from the same transaction: no second one to read it back, and
   * `afterWrite` stores the answer there too. An identifier already used by another client's
   * referral is a conflict, and nothing is stored for it.
   */
  async function submit(
    request: FastifyRequest,
    principal: ClientPrincipal,
    submission: ReferralSubmission,
    outcomeOf: (result: Created) => Outcome,
    afterWrite: (tx: Tx, outcome: Outcome) => Promise<void>,
  ): Promise<Outcome> {
    const result = await referrals.create(principal, 'fhir', submission.input, {
      afterWrite: async (tx, r) => {
        if (r.visible) await afterWrite(tx, outcomeOf(r));
      },
    });
    if (!result.visible) {
      request.log.info({ referralId: result.referral.id }, 'FHIR identifier already used by another client');
      throw new Conflict('Task.identifier is already used by a referral from another system; use your own identifier');
    }
    return outcomeOf(result);
  }

  const parseSubmission = (request: FastifyRequest, principal: ClientPrincipal) => {
    const key = idempotencyKey(request);
    // Keys are chosen per client, so one stands in for an identifier only together with the client.
    return parseReferralSubmission(request.body, { idempotencyKey: key ? `${principal.id}:${key}` : undefined });
  };

  app.post('/fhir/Task', async (request, reply) => {
    const principal = requireScope(request.principal, WRITE);
    return idempotent(request, reply, principal, (afterWrite) =>
      submit(
        request,
        principal,
        parseSubmission(request, principal),
        ({ created, referral, team }) => ({ status: created ? 201 : 200, body: taskResource(referral, team, baseOf(request)) }),
        afterWrite,
      ),
    );
  });

  app.post('/fhir', async (request, reply) => {
    const principal = requireScope(request.principal, WRITE);
    const kind = (request.body as { resourceType?: unknown } | null)?.resourceType;
    if (kind !== 'Bundle') {
      throw new InvalidInput([{ path: 'resourceType', message: 'POST /fhir takes a transaction Bundle; POST a single Task to /fhir/Task' }]);
    }
    return idempotent(request, reply, principal, (afterWrite) => {
      const submission = parseSubmission(request, principal);
      return submit(request, principal, submission, (view) => ({ status: 200, body: transactionResponse(submission, view) }), afterWrite);
    });
  });

  app.get('/fhir/Task/:id', async (request, reply) => {
    const id = idFrom(request.params, 'Task');
    const base = baseOf(request);
    const found = await eitherTask(
      request,
      READ,
      (s) => s.readScope,
      async () => {
        const { referral, team } = await referrals.read(requireScope(request.principal, READ), id);
        return taskResource(referral, team, base);
      },
      (s, p) => s.read(p, id, base),
    );
    const task = 'other' in found ? found.other : found.referral;
    return send(reply, 200, JSON.stringify(task), taskHeaders(task, 200, base));
  });

  app.get('/fhir/ServiceRequest/:id', async (request, reply) => {
    const principal = requireScope(request.principal, READ);
    const { referral, person } = await referrals.read(principal, idFrom(request.params, 'ServiceRequest'));
    await referrals.recordHealthRead(principal, [referral], 'FHIR ServiceRequest read');
    return send(reply, 200, JSON.stringify(serviceRequestResource(referral, person)), { ETag: `W/"${referral.version}"` });
  });

  app.get('/fhir/Patient/:id', async (request, reply) => {
    const principal = requireScope(request.principal, READ);
    const personId = idFrom(request.params, 'Patient');
    // A person is visible only through a referral the client may see.
    const found = await referrals.search(principal, { personIds: [personId], limit: 1 });
    const first = found.items[0];
    if (!first) throw new NotFound('Patient', personId);
    const { person } = await referrals.read(principal, first.referral.id);
    return send(reply, 200, JSON.stringify(patientResource(person)), {});
  });

  app.get('/fhir/EpisodeOfCare/:id', async (request, reply) => {
    const principal = requireScope(request.principal, READ);
    const found = await referrals.caseById(principal, idFrom(request.params, 'EpisodeOfCare'));
    return send(reply, 200, JSON.stringify(episodeOfCareResource(found.case, found.referral, found.team)), {});
  });

  /** A search's Bundle: its entries, the total, and self and next links that keep the query's own parameters. */
  function pageBundle(base: string, page: { canonical: URLSearchParams; count: number; offset: number }, total: number | null, entries: SearchEntry[]) {
    const url = (offset: number) => {
      const params = new URLSearchParams(page.canonical);
      params.set('_count', String(page.count));
      params.set('_offset', String(offset));
      return `${base}/fhir/Task?${params.toString()}`;
    };
    const nextOffset = page.offset + page.count;
    return searchBundle({
      baseUrl: base,
      selfUrl: url(page.offset),
      nextUrl: page.count > 0 && (total === null || nextOffset < total) ? url(nextOffset) : null,
      total,
      entries,
    });
  }

  app.get('/fhir/Task', async (request, reply) => {
    const base = baseOf(request);
    // A client with another source's read scope and not the referrals' (a provider's system)
    // searches that source's Tasks; a client with the referrals' scope searches the referrals.
    const caller = request.principal;
    if (!hasScope(caller, READ)) {
      const source = sources.find((s) => s.search && hasScope(caller, s.readScope));
      if (source?.search && hasScope(caller, source.readScope)) {
        const found = await source.search(caller, request.query, base);
        const entries: SearchEntry[] = found.tasks.map((resource) => ({ resource, mode: 'match' }));
        return send(reply, 200, JSON.stringify(pageBundle(base, found, found.total, entries)), {});
      }
    }
    const principal = requireScope(caller, READ);
    const search = parseTaskSearch(request.query);
    const found = search.none ? { total: 0, items: [] } : await referrals.search(principal, search.filter);
    const entries: SearchEntry[] = found.items.map((i) => ({ resource: taskResource(i.referral, i.team, base), mode: 'match' }));
    const seen = new Set<string>();
    const include = (resource: FhirResource) => {
      const key = `${resource.resourceType}/${resource.id}`;
      if (!seen.has(key)) entries.push({ resource, mode: 'include' });
      seen.add(key);
    };
    for (const { referral, team } of found.items) await includeFor(principal, referral, team, search.includes, include);
    if (search.includes.includes('Task:focus')) {
      await referrals.recordHealthRead(
        principal,
        found.items.map((i) => i.referral),
        'FHIR Task search with its ServiceRequests',
      );
    }
    return send(reply, 200, JSON.stringify(pageBundle(base, search, found.total, entries)), {});
  });

  async function includeFor(principal: ClientPrincipal, referral: Referral, team: Team, includes: readonly Include[], add: (r: FhirResource) => void) {
    if (includes.includes('Task:output') && referral.caseId) {
      const c = await referrals.caseOf(principal, referral.id);
      if (c) add(episodeOfCareResource(c, referral, team));
    }
    if (includes.includes('Task:focus') || includes.includes('Task:patient')) {
      const { person } = await referrals.read(principal, referral.id);
      if (includes.includes('Task:focus')) add(serviceRequestResource(referral, person));
      if (includes.includes('Task:patient')) add(patientResource(person));
    }
  }

  /** Checks a client's change to a Task and applies it through the lifecycle, in one transaction. */
  async function applyChange(
    principal: ClientPrincipal,
    referral: Referral,
    current: TaskResource,
    change: TaskChange,
    expectedVersion: number | undefined,
    afterWrite: (tx: Tx, updated: Referral) => Promise<void>,
  ) {
    const issues: Issue[] = [];
    const status = change.status as ReferralStatus;
    if (!(REFERRAL_STATUSES as readonly string[]).includes(status)) {
      issues.push({ path: 'Task.status', message: `A referral Task's status is one of ${REFERRAL_STATUSES.join(', ')}` });
    }
    const milestone = codeIn(change.businessStatus, BRIDGEWORK_CODE_SYSTEMS.milestone);
    if (conceptKey(change.businessStatus) !== conceptKey(current.businessStatus) && !(MILESTONES as readonly string[]).includes(milestone ?? '')) {
      issues.push({
        path: 'Task.businessStatus',
        message: `Task.businessStatus must be coded in ${BRIDGEWORK_CODE_SYSTEMS.milestone}: ${MILESTONES.join(', ')}`,
      });
    }
    const reasonChanged = conceptKey(change.statusReason) !== conceptKey(current.statusReason);
    const reasonCode = codeIn(change.statusReason, BRIDGEWORK_CODE_SYSTEMS.rejectionReason);
    if (reasonChanged && reasonCode !== undefined && !(REJECTION_REASONS as readonly string[]).includes(reasonCode)) {
      issues.push({
        path: 'Task.statusReason',
        message: `Task.statusReason codes come from ${BRIDGEWORK_CODE_SYSTEMS.rejectionReason}: ${REJECTION_REASONS.join(', ')}`,
      });
    }
    const statusChanged = status !== referral.status;
    if (reasonChanged && !statusChanged) issues.push({ path: 'Task.statusReason', message: 'Task.statusReason can only change together with Task.status' });
    if (issues.length > 0) throw new InvalidInput(issues);

    const milestoneChanged = milestone !== undefined && milestone !== referral.milestone;
    if (!statusChanged && !milestoneChanged) return referral;
    // A coded reason with no text still gives the other side something to read.
    const reason = change.statusReason?.text ?? change.statusReason?.coding?.find((c) => c.display)?.display ?? reasonCode;
    try {
      return await referrals.update(
        principal,
        referral.id,
        {
          ...(statusChanged ? { status, ...(reasonChanged && reason ? { reason } : {}), ...(reasonChanged && reasonCode ? { reasonCode } : {}) } : {}),
          ...(milestoneChanged ? { milestone } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
        },
        { afterWrite },
      );
    } catch (error) {
      // The service names its own fields; a FHIR client should see the Task's.
      if (error instanceof InvalidInput) {
        throw new InvalidInput(
          error.issues.map((i) => ({ ...i, path: TRANSITION_PATHS[i.path] ?? i.path })),
          error.message,
        );
      }
      throw error;
    }
  }

  async function update(request: FastifyRequest, reply: FastifyReply, changeOf: (current: TaskResource) => TaskChange) {
    const id = idFrom(request.params, 'Task');
    const base = baseOf(request);
    // Another source's Task (an onward referral): read, checked and changed by its source.
    if (sources.some((s) => hasScope(request.principal, s.writeScope))) {
      const found = await eitherTask(
        request,
        WRITE,
        (s) => s.writeScope,
        () => referrals.read(requireScope(request.principal, WRITE), id),
        (s, p) => s.read(p, id, base),
      );
      if ('other' in found) {
        const principal = request.principal as ClientPrincipal;
        const current = found.other;
        return idempotent(request, reply, principal, async () => {
          const expectedVersion = ifMatch(request.headers['if-match']);
          const change = changeOf(current);
          const changed = await otherTask(
            principal,
            (s) => s.writeScope,
            (s, p) => s.change(p, id, change, expectedVersion, base),
          );
          if (!changed) throw new NotFound('Task', id);
          return { status: 200, body: changed };
        });
      }
    }
    const principal = requireScope(request.principal, WRITE);
    return idempotent(request, reply, principal, async (afterWrite) => {
      const expectedVersion = ifMatch(request.headers['if-match']);
      const { referral, team } = await referrals.read(principal, id);
      if (expectedVersion !== undefined && expectedVersion !== referral.version) {
        throw new Conflict(`The Task has changed since version ${expectedVersion}; it is now version ${referral.version}`);
      }
      const current = taskResource(referral, team);
      const outcomeOf = (r: Referral): Outcome => ({ status: 200, body: taskResource(r, team, baseOf(request)) });
      const updated = await applyChange(principal, referral, current, changeOf(current), expectedVersion, (tx, r) => afterWrite(tx, outcomeOf(r)));
      return outcomeOf(updated);
    });
  }

  app.patch('/fhir/Task/:id', async (request, reply) => {
    if (!isJsonPatch(request.headers['content-type'])) {
      if (!sources.some((s) => hasScope(request.principal, s.writeScope))) requireScope(request.principal, WRITE);
      throw new InvalidInput([{ path: 'Content-Type', message: 'Send a JSON Patch with Content-Type application/json-patch+json' }]);
    }
    return update(request, reply, (current) => applyPatch(current, request.body));
  });

  app.put('/fhir/Task/:id', async (request, reply) => update(request, reply, (current) => changeFromPut(current, request.body)));
}
