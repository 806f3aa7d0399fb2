import { InvalidInput } from '../../platform/errors/index.ts';
import {
  type CodeableConcept,
  type FhirResource,
  type FhirTaskSource,
  TASK_FULFIL,
  type TaskChange,
  type TaskResource,
  taskQuery,
} from '../referrals/index.ts';
import type { OnwardAnswer } from './onward-provider-service.ts';
import type { OnwardForSystem } from './onward-repo.ts';
import type { OnwardStatus } from './onward-rules.ts';
import type { OnwardService } from './onward-service.ts';

/*
 * An onward referral as a FHIR R4 Task on /fhir (issue 16 item 4: "a provider that uses FHIR gets
 * the same referral as a Task"), for the provider's system with its own token. The Task carries
 * what the person agreed to share and nothing else: the request and the person are contained
 * resources, not references to Bridgework's own Patient or ServiceRequest. The provider's system
 * answers by changing the Task's status, as the emailed link does (the closed loop).
 */

export const ONWARD_TASK_SYSTEM = 'https://bridgework.org.uk/fhir/Id/onward-referral';
export const ONWARD_STEP_SYSTEM = 'https://bridgework.org.uk/fhir/CodeSystem/onward-referral-step';
export const ONWARD_SERVICE_SYSTEM = 'https://bridgework.org.uk/fhir/Id/directory-service';
export const ONWARD_READ = 'onward-referrals:read';
export const ONWARD_WRITE = 'onward-referrals:write';

const TASK_STATUS: Record<OnwardStatus, 'requested' | 'accepted' | 'rejected' | 'completed'> = {
  sent: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  completed: 'completed',
};
/** The Task status codes that name an onward referral's states (any other R4 code matches none). */
const STATUS_OF_TASK: Readonly<Record<string, OnwardStatus>> = Object.fromEntries(
  Object.entries(TASK_STATUS).map(([ours, task]) => [task, ours as OnwardStatus]),
);
/** What a provider's system may search its onward referrals by: the referral Tasks' own names and forms. */
const ONWARD_SEARCH_PARAMS = ['_id', 'status', 'code', 'owner', '_lastUpdated', '_count', '_offset', '_format'];

const STEP_TEXT: Record<OnwardStatus, string> = {
  sent: 'Sent to the service',
  accepted: 'Accepted by the service',
  declined: 'Declined by the service',
  completed: 'Outcome recorded by the service',
};
const REQUEST_STATUS: Record<OnwardStatus, string> = { sent: 'active', accepted: 'active', declined: 'revoked', completed: 'completed' };

/** The person as far as they agreed: a name, contact, date of birth and address only when shared. */
function sharedPerson(shared: Record<string, string>): FhirResource {
  return {
    resourceType: 'Patient',
    id: 'person',
    ...(shared.name ? { name: [{ text: shared.name }] } : {}),
    ...(shared.email || shared.phone
      ? {
          telecom: [...(shared.email ? [{ system: 'email', value: shared.email }] : []), ...(shared.phone ? [{ system: 'phone', value: shared.phone }] : [])],
        }
      : {}),
    ...(shared.dateOfBirth ? { birthDate: shared.dateOfBirth } : {}),
    ...(shared.address ? { address: [{ text: shared.address }] } : {}),
  };
}

export function onwardTaskResource(r: OnwardForSystem, baseUrl?: string): TaskResource {
  const updated = r.completedAt ?? r.respondedAt ?? r.sentAt;
  const step: CodeableConcept = { coding: [{ system: ONWARD_STEP_SYSTEM, code: r.status, display: STEP_TEXT[r.status] }], text: STEP_TEXT[r.status] };
  return {
    resourceType: 'Task',
    id: r.id,
    meta: { versionId: String(r.version), lastUpdated: updated.toISOString(), ...(baseUrl ? { source: `${baseUrl}/fhir` } : {}) },
    contained: [
      sharedPerson(r.shared),
      {
        resourceType: 'ServiceRequest',
        id: 'request',
        status: REQUEST_STATUS[r.status],
        intent: 'order',
        code: { text: r.need },
        subject: { reference: '#person' },
        authoredOn: r.sentAt.toISOString(),
      },
    ],
    identifier: [{ use: 'official', system: ONWARD_TASK_SYSTEM, value: r.id }],
    status: TASK_STATUS[r.status],
    ...(r.declineReason ? { statusReason: { text: r.declineReason } } : {}),
    businessStatus: step,
    intent: 'order',
    code: TASK_FULFIL,
    priority: 'routine',
    focus: { reference: '#request' },
    for: { reference: '#person' },
    requester: { display: 'Bridgework employment support' },
    owner: { type: 'HealthcareService', identifier: { system: ONWARD_SERVICE_SYSTEM, value: r.serviceId }, display: r.serviceName },
    authoredOn: r.sentAt.toISOString(),
    lastModified: updated.toISOString(),
    ...(r.outcome ? { output: [{ type: { text: 'Outcome' }, valueString: r.outcome }] } : {}),
  };
}

/**
 * The provider's answer a Task change stands for: `accepted`; `rejected` with the reason in
 * statusReason.text; `completed` with the outcome in statusReason.text. Null when the status is
 * unchanged (nothing to do).
 */
export function answerOf(current: TaskResource, change: TaskChange): OnwardAnswer | null {
  if (change.status === current.status) return null;
  const text = change.statusReason?.text?.trim() ?? '';
  switch (change.status) {
    case 'accepted':
      return { action: 'accept' };
    case 'rejected':
      return { action: 'decline', reason: text };
    case 'completed':
      return { action: 'outcome', outcome: text };
    default:
      throw new InvalidInput([
        {
          path: 'Task.status',
          message: 'An onward referral Task moves to accepted, rejected (with statusReason.text) or completed (with the outcome in statusReason.text)',
        },
      ]);
  }
}

const FIELD_PATHS: Readonly<Record<string, string>> = { reason: 'Task.statusReason.text', outcome: 'Task.statusReason.text', action: 'Task.status' };

/** Onward referrals as another source of Tasks for the referral FHIR routes. */
export function onwardTaskSource(onward: OnwardService): FhirTaskSource {
  return {
    readScope: ONWARD_READ,
    writeScope: ONWARD_WRITE,
    async read(principal, id, baseUrl) {
      const found = await onward.forSystem(principal, id);
      return found ? onwardTaskResource(found, baseUrl) : null;
    },
    async search(principal, query, baseUrl) {
      const t = taskQuery(query, ONWARD_SEARCH_PARAMS);
      const ids = t.refs('_id', 'Task');
      // The owner is the directory service (Task.owner's identifier in the directory-service system).
      const serviceIds = t.refs('owner', 'HealthcareService');
      const codes = t.statuses();
      const statuses = codes?.flatMap((c) => (STATUS_OF_TASK[c] ? [STATUS_OF_TASK[c]] : []));
      const matches = t.codeMatches();
      const updatedAfter = t.updatedAfter();
      const { count, offset } = t.page();
      t.done();
      const found = matches
        ? await onward.searchForSystem(principal, { ids, statuses, serviceIds, updatedAfter, limit: count, offset })
        : { total: 0, items: [] };
      return { tasks: found.items.map((r) => onwardTaskResource(r, baseUrl)), total: found.total, canonical: t.canonical, count, offset };
    },
    async change(principal, id, change, expectedVersion, baseUrl) {
      const current = await onward.forSystem(principal, id);
      if (!current) return null;
      const answer = answerOf(onwardTaskResource(current), change);
      if (!answer) return onwardTaskResource(current, baseUrl);
      try {
        const updated = await onward.answerAsSystem(principal, id, answer, expectedVersion);
        return updated ? onwardTaskResource(updated, baseUrl) : null;
      } catch (error) {
        // The service names its own fields; a FHIR client should see the Task's.
        if (error instanceof InvalidInput)
          throw new InvalidInput(
            error.issues.map((i) => ({ ...i, path: FIELD_PATHS[i.path] ?? i.path })),
            error.message,
          );
        throw error;
      }
    },
  };
}

/** This capability's part of the CapabilityStatement: merged into the Task entry the referrals give. */
export const onwardFhirCapabilities = [
  {
    type: 'Task',
    documentation: `Onward referrals to directory services are Tasks too (identifier system ${ONWARD_TASK_SYSTEM}), for the provider's own system: a client registered for an organisation that a partner record links to the service's organisation in the directory, with the scopes ${ONWARD_READ} and ${ONWARD_WRITE}. The person and the request are contained, with only what the person agreed to share. The provider answers by PUT or PATCH of Task.status: accepted; rejected with the reason in statusReason.text; completed with the outcome in statusReason.text. businessStatus is coded in ${ONWARD_STEP_SYSTEM}; If-Match is honoured. Such a client (with ${ONWARD_READ} and not referrals:read) searches its onward referrals with GET /fhir/Task by ${ONWARD_SEARCH_PARAMS.join(', ')}: status requested, accepted, rejected or completed; owner HealthcareService/<directory service id> (the ORUK service id); _lastUpdated gt or ge an instant (the last send, answer or outcome), oldest change first; _count up to 100 with _offset paging (next link).`,
    interaction: [{ code: 'read' }, { code: 'update' }, { code: 'patch' }, { code: 'search-type' }],
  },
] as const;
