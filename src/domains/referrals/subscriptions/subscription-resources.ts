import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors/index.ts';
import type { NotificationKind, PayloadContent, SubscriptionRequest, SubscriptionStatus } from './subscription-rules.ts';

/** The Subscriptions R5 Backport IG (STU 1.1) for R4: its canonical base. */
export const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition';
const EXT = {
  content: `${BACKPORT}/backport-payload-content`,
  heartbeat: `${BACKPORT}/backport-heartbeat-period`,
  timeout: `${BACKPORT}/backport-timeout`,
  maxCount: `${BACKPORT}/backport-max-count`,
  topicCanonical: `${BACKPORT}/capabilitystatement-subscriptiontopic-canonical`,
} as const;

/** The one topic: every change to a referral Task (created, status, milestone, any new version). */
export const TASK_TOPIC_NAME = 'referral-task-changes';
/** A canonical (an identifier, like the CodeSystems' URLs), the same for every installation. */
export const TASK_TOPIC = `https://bridgework.org.uk/fhir/SubscriptionTopic/${TASK_TOPIC_NAME}`;
export const TOPICS: readonly string[] = [TASK_TOPIC];

/** A stored subscription, as the service hands it to the edge. */
export type Subscription = {
  id: string;
  clientId: string;
  topic: string;
  status: SubscriptionStatus;
  reason: string;
  endpoint: string;
  content: PayloadContent;
  headers: string[];
  heartbeatSeconds: number | null;
  timeoutSeconds: number;
  end: Date | null;
  eventsSinceStart: number;
  failures: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  lastSentAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const extension = z.looseObject({ url: z.string().max(300) });
const extensions = z.array(extension).max(20).optional();
const extensionOf = (exts: z.infer<typeof extensions>, url: string) => exts?.find((e) => e.url === url);

const subscriptionSchema = z.looseObject({
  resourceType: z.literal('Subscription', { error: 'resourceType must be Subscription' }),
  id: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  reason: z.string().max(500).optional(),
  criteria: z.string().max(500).optional(),
  _criteria: z.looseObject({ extension: extensions }).optional(),
  end: z.iso.datetime({ offset: true, error: 'Subscription.end must be an instant' }).optional(),
  channel: z.looseObject({
    extension: extensions,
    type: z.string().max(30).optional(),
    endpoint: z.string().max(500).optional(),
    payload: z.string().max(100).optional(),
    _payload: z.looseObject({ extension: extensions }).optional(),
    header: z.array(z.string().max(4000)).max(20).optional(),
  }),
});

const whole = (v: unknown, path: string) => {
  const n = z.number().int().min(0).max(31_536_000).safeParse(v);
  if (!n.success) throw new InvalidInput([{ path, message: `${path} must be a whole number of seconds` }]);
  return n.data;
};

/** Reads a Subscription body into what it asks for; shape errors are OperationOutcome issues. */
export function parseSubscription(body: unknown): SubscriptionRequest & { id?: string; reason?: string } {
  const parsed = subscriptionSchema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInput(parsed.error.issues.map((i) => ({ path: ['Subscription', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const s = parsed.data;
  const heartbeat = extensionOf(s.channel.extension, EXT.heartbeat);
  const timeout = extensionOf(s.channel.extension, EXT.timeout);
  const content = extensionOf(s.channel._payload?.extension, EXT.content);
  return {
    ...(s.id !== undefined ? { id: s.id } : {}),
    ...(s.reason !== undefined ? { reason: s.reason } : {}),
    ...(s.status !== undefined ? { status: s.status } : {}),
    ...(s.criteria !== undefined ? { criteria: s.criteria } : {}),
    criteriaExtensions: (s._criteria?.extension ?? []).map((e) => e.url),
    ...(s.end !== undefined ? { end: s.end } : {}),
    ...(s.channel.type !== undefined ? { channelType: s.channel.type } : {}),
    ...(s.channel.endpoint !== undefined ? { endpoint: s.channel.endpoint } : {}),
    ...(s.channel.payload !== undefined ? { payload: s.channel.payload } : {}),
    ...(content ? { content: String(content.valueCode ?? '') } : {}),
    headers: s.channel.header ?? [],
    ...(heartbeat ? { heartbeatSeconds: whole(heartbeat.valueUnsignedInt, 'Subscription.channel.heartbeatPeriod') } : {}),
    ...(timeout ? { timeoutSeconds: whole(timeout.valueUnsignedInt, 'Subscription.channel.timeout') } : {}),
  };
}

/** Header values are secrets the partner gave us: a read shows each header's name only. */
export const maskHeader = (h: string) => `${h.split(':')[0]}: ***`;

/** The Subscription as a client reads it back (header values masked; the last error, if any). */
export function subscriptionResource(s: Subscription) {
  return {
    resourceType: 'Subscription',
    id: s.id,
    meta: { versionId: String(s.version), lastUpdated: s.updatedAt.toISOString(), profile: [`${BACKPORT}/backport-subscription`] },
    status: s.status,
    reason: s.reason || 'Referral Task changes',
    criteria: s.topic,
    ...(s.end ? { end: s.end.toISOString() } : {}),
    ...(s.lastError ? { error: s.lastError } : {}),
    channel: {
      extension: [
        ...(s.heartbeatSeconds !== null ? [{ url: EXT.heartbeat, valueUnsignedInt: s.heartbeatSeconds }] : []),
        { url: EXT.timeout, valueUnsignedInt: s.timeoutSeconds },
        { url: EXT.maxCount, valuePositiveInt: 1 },
      ],
      type: 'rest-hook',
      endpoint: s.endpoint,
      ...(s.content === 'empty' ? {} : { payload: 'application/fhir+json', _payload: { extension: [{ url: EXT.content, valueCode: s.content }] } }),
      ...(s.headers.length > 0 ? { header: s.headers.map(maskHeader) } : {}),
    },
  };
}

/** One notification to send: its kind, the events counted so far (its own number for an event), and the Task. */
export type Notification = { seq: number; kind: NotificationKind; eventsCount: number; focusId: string | null; createdAt: Date };

/** The `backport-subscription-status-r4` Parameters: first entry of every notification, and what `$status` returns. */
export function statusParameters(s: Subscription, baseUrl: string, kind: NotificationKind | 'query-status', events: number, n?: Notification) {
  return {
    resourceType: 'Parameters',
    meta: { profile: [`${BACKPORT}/backport-subscription-status-r4`] },
    parameter: [
      { name: 'subscription', valueReference: { reference: `${baseUrl}/fhir/Subscription/${s.id}` } },
      { name: 'topic', valueCanonical: s.topic },
      { name: 'status', valueCode: s.status },
      { name: 'type', valueCode: kind },
      // Numbers are strings: R4 has no 64-bit integer, so the IG carries them as strings.
      { name: 'events-since-subscription-start', valueString: String(events) },
      ...(n && n.kind === 'event-notification'
        ? [
            {
              name: 'notification-event',
              part: [
                { name: 'event-number', valueString: String(n.eventsCount) },
                { name: 'timestamp', valueInstant: n.createdAt.toISOString() },
                ...(s.content === 'id-only' && n.focusId ? [{ name: 'focus', valueReference: { reference: `${baseUrl}/fhir/Task/${n.focusId}` } }] : []),
              ],
            },
          ]
        : []),
      ...(s.lastError && kind === 'query-status' ? [{ name: 'error', valueCodeableConcept: { text: s.lastError } }] : []),
    ],
  };
}

/**
 * The notification Bundle (`history`): the status Parameters first, then for an id-only event the
 * Task's entry with its URL and no resource; the partner reads the Task with its own token.
 */
export function notificationBundle(s: Subscription, n: Notification, baseUrl: string, id: string, at: Date) {
  const statusId = `${id}-status`;
  return {
    resourceType: 'Bundle',
    id,
    meta: { profile: [`${BACKPORT}/backport-subscription-notification-r4`] },
    type: 'history',
    timestamp: at.toISOString(),
    entry: [
      {
        fullUrl: `urn:uuid:${statusId}`,
        resource: { ...statusParameters(s, baseUrl, n.kind, n.eventsCount, n), id: statusId },
        request: { method: 'GET', url: `${baseUrl}/fhir/Subscription/${s.id}/$status` },
        response: { status: '200' },
      },
      ...(n.kind === 'event-notification' && s.content === 'id-only' && n.focusId
        ? [{ fullUrl: `${baseUrl}/fhir/Task/${n.focusId}`, request: { method: 'PUT', url: `Task/${n.focusId}` }, response: { status: '200' } }]
        : []),
    ],
  };
}

/** `$status`: a searchset Bundle of status Parameters, one per subscription. */
export function statusBundle(subs: readonly Subscription[], baseUrl: string) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: subs.length,
    entry: subs.map((s) => ({
      fullUrl: `urn:uuid:${s.id}-status`,
      resource: statusParameters(s, baseUrl, 'query-status', s.eventsSinceStart),
      search: { mode: 'match' },
    })),
  };
}

/** The topic, as the IG has an R4 server list it: an extension on the Subscription resource's entry. */
export const subscriptionCapability = {
  type: 'Subscription',
  extension: [{ url: EXT.topicCanonical, valueCanonical: TASK_TOPIC }],
  supportedProfile: [`${BACKPORT}/backport-subscription`],
  documentation: `Topic-based subscriptions (Subscriptions R5 Backport IG STU 1.1). Topic ${TASK_TOPIC}: every change to a referral Task the client may read. rest-hook channel only, payload application/fhir+json with backport-payload-content id-only (or no payload: empty). Subscription.header values are sent as HTTP headers. $status is supported.`,
  interaction: [{ code: 'create' }, { code: 'read' }, { code: 'update' }, { code: 'delete' }, { code: 'search-type' }],
  operation: [{ name: 'status', definition: 'http://hl7.org/fhir/uv/subscriptions-backport/OperationDefinition/backport-subscription-status' }],
} as const;
