import heartbeatFile from '../../../../policy/fhir-subscription-heartbeat-min-seconds.json' with { type: 'json' };
import baseFile from '../../../../policy/fhir-subscription-retry-base-seconds.json' with { type: 'json' };
import maxFile from '../../../../policy/fhir-subscription-retry-max-seconds.json' with { type: 'json' };
import keepFile from '../../../../policy/fhir-subscription-sent-keep-days.json' with { type: 'json' };
import timeoutMaxFile from '../../../../policy/fhir-subscription-timeout-max-seconds.json' with { type: 'json' };
import timeoutFile from '../../../../policy/fhir-subscription-timeout-seconds.json' with { type: 'json' };
import type { Issue } from '../../../platform/errors/index.ts';
import { parsePolicyParameter, valueAt } from '../../../platform/policy/index.ts';

/** Subscription.status as R4 has it; `requested` until the handshake is answered. */
export const SUBSCRIPTION_STATUSES = ['requested', 'active', 'error', 'off'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export type NotificationKind = 'handshake' | 'heartbeat' | 'event-notification';
/** What the Backport IG's `backport-payload-content` allows that Bridgework honours (never `full-resource`). */
export type PayloadContent = 'empty' | 'id-only';

const RETRY_BASE = parsePolicyParameter(baseFile);
const RETRY_MAX = parsePolicyParameter(maxFile);
const HEARTBEAT_MIN = parsePolicyParameter(heartbeatFile);
const TIMEOUT = parsePolicyParameter(timeoutFile);
const TIMEOUT_MAX = parsePolicyParameter(timeoutMaxFile);
const KEEP_DAYS = parsePolicyParameter(keepFile);

// Policy values are dated by day.
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The subscription policy values in force at `at`. */
export function subscriptionParameters(at: Date) {
  const day = isoDay(at);
  return {
    retryBaseSeconds: valueAt(RETRY_BASE, day).value,
    retryMaxSeconds: valueAt(RETRY_MAX, day).value,
    heartbeatMinSeconds: valueAt(HEARTBEAT_MIN, day).value,
    timeoutSeconds: valueAt(TIMEOUT, day).value,
    timeoutMaxSeconds: valueAt(TIMEOUT_MAX, day).value,
    sentKeepDays: valueAt(KEEP_DAYS, day).value,
  };
}

/**
 * The status after an attempt to deliver: any notification answered with a 2xx makes (or keeps)
 * the subscription active, including the handshake of a `requested` one; a failure makes it
 * `error` until a later attempt gets through. `off` stays off whatever happens.
 */
export function statusAfter(current: SubscriptionStatus, delivered: boolean): SubscriptionStatus {
  if (current === 'off') return 'off';
  return delivered ? 'active' : 'error';
}

/**
 * A status a client asks for on update. `off` pauses the subscription; `requested` turns an `off`
 * or `error` one back on with a new handshake; asking for the status it already has changes
 * nothing. `active` and `error` are Bridgework's to set, from what the endpoint answers.
 */
export function clientStatusChange(
  current: SubscriptionStatus,
  asked: string | undefined,
): { ok: true; status: SubscriptionStatus; handshake: boolean } | { ok: false } {
  if (asked === undefined || asked === current) return { ok: true, status: current, handshake: false };
  if (asked === 'off') return { ok: true, status: 'off', handshake: false };
  if (asked === 'requested')
    return current === 'active' ? { ok: true, status: 'active', handshake: false } : { ok: true, status: 'requested', handshake: true };
  return { ok: false };
}

/** Seconds to wait after the `failures`-th failure in a row: the base, doubled each time, at most the maximum. */
export function retryDelaySeconds(failures: number, at: Date): number {
  const p = subscriptionParameters(at);
  return Math.min(p.retryMaxSeconds, p.retryBaseSeconds * 2 ** Math.max(0, failures - 1));
}

/** Whether an active subscription with a heartbeat period has gone that long without a notification. */
export function heartbeatDue(s: { status: SubscriptionStatus; heartbeatSeconds: number | null; lastSentAt: Date | null; createdAt: Date }, now: Date): boolean {
  if (s.status !== 'active' || s.heartbeatSeconds === null) return false;
  return now.getTime() - (s.lastSentAt ?? s.createdAt).getTime() >= s.heartbeatSeconds * 1000;
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Why an endpoint cannot be used, or null. Notifications go over HTTPS only; plain HTTP to this
 * machine is allowed where the deployment says so (tests, a developer's laptop). Credentials in
 * the URL are refused: a token belongs in Subscription.header.
 */
export function endpointProblem(endpoint: string, allowLocalHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'Subscription.channel.endpoint must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'Put credentials in Subscription.channel.header, not in the endpoint URL';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowLocalHttp && LOCAL_HOSTS.includes(url.hostname)) return null;
  return 'Subscription.channel.endpoint must use https';
}

/** Headers Bridgework sets itself, which a subscription may not replace. */
const RESERVED_HEADERS = ['host', 'content-type', 'content-length', 'transfer-encoding', 'connection'];

/** Why a `Subscription.channel.header` value ("Name: value") cannot be sent, or null. */
export function headerProblem(header: string): string | null {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[^\r\n]*$/.exec(header);
  if (!match) return 'Each header is "Name: value" on one line';
  if (RESERVED_HEADERS.includes((match[1] as string).toLowerCase())) return `Bridgework sets ${match[1]} itself`;
  return null;
}

/** What a Subscription asks for, as read from its FHIR shape at the edge. */
export type SubscriptionRequest = {
  status?: string;
  criteria?: string;
  /** Urls of extensions on `_criteria` (filters): none are supported. */
  criteriaExtensions: readonly string[];
  end?: string;
  channelType?: string;
  endpoint?: string;
  payload?: string;
  content?: string;
  headers: readonly string[];
  heartbeatSeconds?: number;
  timeoutSeconds?: number;
};

/** What a subscription that can be honoured holds. */
export type SubscriptionSpec = {
  topic: string;
  endpoint: string;
  content: PayloadContent;
  headers: string[];
  heartbeatSeconds: number | null;
  timeoutSeconds: number;
  end: Date | null;
};

export const MAX_HEADERS = 5;

/**
 * Checks a Subscription against what Bridgework can honour (the IG asks a server to refuse what it
 * cannot): a topic it publishes, no filters, the rest-hook channel, FHIR JSON with `id-only` or
 * `empty` content, an endpoint it may call, headers it can send, a heartbeat it can keep, an end
 * in the future. Every problem is returned at once.
 */
export function checkSubscription(
  r: SubscriptionRequest,
  ctx: { topics: readonly string[]; now: Date; allowLocalHttp: boolean },
): { ok: true; spec: SubscriptionSpec } | { ok: false; issues: Issue[] } {
  const p = subscriptionParameters(ctx.now);
  const issues: Issue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  if (!ctx.topics.some((topic) => topic === r.criteria)) {
    problem('Subscription.criteria', `Subscription.criteria must be a topic Bridgework publishes: ${ctx.topics.join(', ')}`);
  }
  if (r.criteriaExtensions.length > 0) problem('Subscription._criteria', 'Filters are not supported: every change the client may see is sent');
  if (r.channelType !== 'rest-hook') problem('Subscription.channel.type', 'Only the rest-hook channel is supported');
  const endpoint = r.endpoint === undefined ? 'Subscription.channel.endpoint is required' : endpointProblem(r.endpoint, ctx.allowLocalHttp);
  if (endpoint) problem('Subscription.channel.endpoint', endpoint);
  if (r.payload !== undefined && r.payload !== 'application/fhir+json')
    problem('Subscription.channel.payload', 'Notifications are sent as application/fhir+json');
  // No payload at all is the IG's `empty`; a payload without the extension is taken as id-only.
  const content = r.payload === undefined ? 'empty' : (r.content ?? 'id-only');
  if (content !== 'empty' && content !== 'id-only')
    problem('Subscription.channel.payload', 'Only id-only and empty payloads are sent: read the Task with your token');
  if (r.headers.length > MAX_HEADERS) problem('Subscription.channel.header', `Send at most ${MAX_HEADERS} headers`);
  r.headers.forEach((h, i) => {
    const why = headerProblem(h);
    if (why) problem(`Subscription.channel.header[${i}]`, why);
  });
  const heartbeat = r.heartbeatSeconds ?? null;
  if (heartbeat !== null && heartbeat < p.heartbeatMinSeconds) {
    problem('Subscription.channel.heartbeatPeriod', `The heartbeat period must be at least ${p.heartbeatMinSeconds} seconds`);
  }
  const timeout = r.timeoutSeconds ?? p.timeoutSeconds;
  if (timeout > p.timeoutMaxSeconds) problem('Subscription.channel.timeout', `The timeout must be at most ${p.timeoutMaxSeconds} seconds`);
  const end = r.end === undefined ? null : new Date(r.end);
  if (end !== null && !(end.getTime() > ctx.now.getTime())) problem('Subscription.end', 'Subscription.end must be in the future');
  if (r.status !== undefined && r.status !== 'requested')
    problem('Subscription.status', 'A new subscription is requested; Bridgework makes it active after the handshake');
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    spec: {
      topic: r.criteria as string,
      endpoint: r.endpoint as string,
      content: content as PayloadContent,
      headers: [...r.headers],
      heartbeatSeconds: heartbeat,
      timeoutSeconds: timeout,
      end,
    },
  };
}
