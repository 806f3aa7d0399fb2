import { describe, expect, test } from 'vitest';
import {
  checkSubscription,
  clientStatusChange,
  endpointProblem,
  headerProblem,
  heartbeatDue,
  MAX_HEADERS,
  retryDelaySeconds,
  type SubscriptionRequest,
  type SubscriptionStatus,
  statusAfter,
  subscriptionParameters,
} from './subscription-rules.ts';

const NOW = new Date('2026-12-03T09:00:00Z');
const TOPIC = 'https://bridgework.org.uk/fhir/SubscriptionTopic/referral-task-changes';
const ctx = { topics: [TOPIC], now: NOW, allowLocalHttp: false };
const good: SubscriptionRequest = {
  criteria: TOPIC,
  criteriaExtensions: [],
  channelType: 'rest-hook',
  endpoint: 'https://partner.example/hook',
  payload: 'application/fhir+json',
  content: 'id-only',
  headers: ['Authorization: Bearer abc'],
};

describe('statusAfter: what one delivery attempt makes of the status', () => {
  test.each<[SubscriptionStatus, boolean, SubscriptionStatus]>([
    ['requested', true, 'active'],
    ['requested', false, 'error'],
    ['active', true, 'active'],
    ['active', false, 'error'],
    ['error', true, 'active'],
    ['error', false, 'error'],
    ['off', true, 'off'],
    ['off', false, 'off'],
  ])('%s, delivered %s → %s', (from, delivered, to) => {
    expect(statusAfter(from, delivered)).toBe(to);
  });
});

describe('clientStatusChange: what a client may ask for on update', () => {
  test.each<[SubscriptionStatus, string | undefined, ReturnType<typeof clientStatusChange>]>([
    ['active', undefined, { ok: true, status: 'active', handshake: false }],
    ['error', 'error', { ok: true, status: 'error', handshake: false }],
    ['active', 'active', { ok: true, status: 'active', handshake: false }],
    ['active', 'off', { ok: true, status: 'off', handshake: false }],
    ['requested', 'off', { ok: true, status: 'off', handshake: false }],
    ['off', 'requested', { ok: true, status: 'requested', handshake: true }],
    ['error', 'requested', { ok: true, status: 'requested', handshake: true }],
    ['requested', 'requested', { ok: true, status: 'requested', handshake: false }],
    ['active', 'requested', { ok: true, status: 'active', handshake: false }],
    ['off', 'active', { ok: false }],
    ['error', 'active', { ok: false }],
    ['active', 'error', { ok: false }],
    ['active', 'paused', { ok: false }],
  ])('%s asked %s', (current, asked, expected) => {
    expect(clientStatusChange(current, asked)).toEqual(expected);
  });
});

describe('retryDelaySeconds: the backoff after failures in a row', () => {
  test.each([
    [0, 30],
    [1, 30],
    [2, 60],
    [3, 120],
    [4, 240],
    [7, 1920],
    [8, 3600],
    [20, 3600],
  ])('after %i failures, %i s', (failures, seconds) => {
    expect(retryDelaySeconds(failures, NOW)).toBe(seconds);
  });

  test('takes its figures from policy', () => {
    expect(subscriptionParameters(NOW)).toEqual({
      retryBaseSeconds: 30,
      retryMaxSeconds: 3600,
      heartbeatMinSeconds: 60,
      timeoutSeconds: 10,
      timeoutMaxSeconds: 30,
      sentKeepDays: 7,
    });
  });
});

describe('heartbeatDue', () => {
  const created = new Date('2026-12-03T08:00:00Z');
  type Heartbeat = Parameters<typeof heartbeatDue>[0];
  const base: Heartbeat = { status: 'active', heartbeatSeconds: 600, lastSentAt: null, createdAt: created };
  test.each<[string, Partial<Heartbeat>, boolean]>([
    ['an hour since it was made, nothing sent, every 10 minutes', {}, true],
    ['sent 9 minutes ago', { lastSentAt: new Date('2026-12-03T08:51:00Z') }, false],
    ['sent exactly 10 minutes ago', { lastSentAt: new Date('2026-12-03T08:50:00Z') }, true],
    ['sent 10 minutes less a second ago', { lastSentAt: new Date('2026-12-03T08:50:01Z') }, false],
    ['no heartbeat asked for', { heartbeatSeconds: null }, false],
    ['not active yet', { status: 'requested' }, false],
    ['in error', { status: 'error' }, false],
    ['off', { status: 'off' }, false],
    ['made 10 minutes ago, nothing sent', { createdAt: new Date('2026-12-03T08:50:00Z') }, true],
    ['made 5 minutes ago, nothing sent', { createdAt: new Date('2026-12-03T08:55:00Z') }, false],
  ])('%s → %s', (_what, over, due) => {
    expect(heartbeatDue({ ...base, ...over }, NOW)).toBe(due);
  });
});

describe('endpointProblem', () => {
  test.each<[string, boolean, string | null]>([
    ['https://partner.example/hook', false, null],
    ['https://partner.example:8443/hooks/bridgework?x=1', false, null],
    ['http://partner.example/hook', false, 'Subscription.channel.endpoint must use https'],
    ['http://partner.example/hook', true, 'Subscription.channel.endpoint must use https'],
    ['http://localhost:3000/hook', true, null],
    ['http://127.0.0.1:3000/hook', true, null],
    ['http://[::1]:3000/hook', true, null],
    ['http://localhost:3000/hook', false, 'Subscription.channel.endpoint must use https'],
    ['http://127.0.0.2/hook', true, 'Subscription.channel.endpoint must use https'],
    ['ftp://localhost/hook', true, 'Subscription.channel.endpoint must use https'],
    ['mailto:team@example.org', false, 'Subscription.channel.endpoint must use https'],
    ['/relative/hook', false, 'Subscription.channel.endpoint must be an absolute URL'],
    ['https://user@partner.example/hook', false, 'Put credentials in Subscription.channel.header, not in the endpoint URL'],
    ['https://:secret@partner.example/hook', false, 'Put credentials in Subscription.channel.header, not in the endpoint URL'],
  ])('%s (local HTTP allowed: %s)', (url, local, problem) => {
    expect(endpointProblem(url, local)).toBe(problem);
  });
});

describe('headerProblem', () => {
  test.each<[string, string | null]>([
    ['Authorization: Bearer abc', null],
    ['X-Api-Key:abc', null],
    ['X-Empty:', null],
    ["X-Token.v2_!#$%&'*+^`|~: value with spaces", null],
    ['Authorization Bearer abc', 'Each header is "Name: value" on one line'],
    [': value', 'Each header is "Name: value" on one line'],
    ['Bad Name: x', 'Each header is "Name: value" on one line'],
    ['Authorization: a\r\nX-Evil: 1', 'Each header is "Name: value" on one line'],
    ['Authorization: a\nb', 'Each header is "Name: value" on one line'],
    ['X-A: b\r', 'Each header is "Name: value" on one line'],
    ['Host: evil.example', 'Bridgework sets Host itself'],
    ['content-type: text/plain', 'Bridgework sets content-type itself'],
    ['Content-Length: 1', 'Bridgework sets Content-Length itself'],
    ['Transfer-Encoding: chunked', 'Bridgework sets Transfer-Encoding itself'],
    ['Connection: close', 'Bridgework sets Connection itself'],
    ['X-Host: fine', null],
  ])('%j', (header, problem) => {
    expect(headerProblem(header)).toBe(problem);
  });
});

describe('checkSubscription', () => {
  test('a subscription that can be honoured', () => {
    expect(checkSubscription({ ...good, status: 'requested', heartbeatSeconds: 60, timeoutSeconds: 30, end: '2027-01-01T00:00:00Z' }, ctx)).toEqual({
      ok: true,
      spec: {
        topic: TOPIC,
        endpoint: 'https://partner.example/hook',
        content: 'id-only',
        headers: ['Authorization: Bearer abc'],
        heartbeatSeconds: 60,
        timeoutSeconds: 30,
        end: new Date('2027-01-01T00:00:00Z'),
      },
    });
  });

  test('defaults: no heartbeat, the policy timeout, no end; a payload without the extension is id-only', () => {
    const { content: _c, ...noContent } = good;
    expect(checkSubscription(noContent, ctx)).toEqual({
      ok: true,
      spec: { topic: TOPIC, endpoint: good.endpoint, content: 'id-only', headers: good.headers, heartbeatSeconds: null, timeoutSeconds: 10, end: null },
    });
  });

  test('no payload is the empty content, whatever the extension says', () => {
    const { payload: _p, ...noPayload } = good;
    const checked = checkSubscription({ ...noPayload, content: 'full-resource' }, ctx);
    expect(checked.ok && checked.spec.content).toBe('empty');
  });

  test('empty content with a payload is kept', () => {
    const checked = checkSubscription({ ...good, content: 'empty' }, ctx);
    expect(checked.ok && checked.spec.content).toBe('empty');
  });

  test('any topic of several; the refusal lists them all', () => {
    const two = { ...ctx, topics: ['https://example.org/SubscriptionTopic/other', TOPIC] };
    expect(checkSubscription(good, two).ok).toBe(true);
    expect(checkSubscription({ ...good, criteria: 'x' }, two)).toEqual({
      ok: false,
      issues: [
        {
          path: 'Subscription.criteria',
          message: `Subscription.criteria must be a topic Bridgework publishes: https://example.org/SubscriptionTopic/other, ${TOPIC}`,
        },
      ],
    });
  });

  test('local HTTP as the context allows', () => {
    expect(checkSubscription({ ...good, endpoint: 'http://localhost:9/h' }, { ...ctx, allowLocalHttp: true }).ok).toBe(true);
    expect(checkSubscription({ ...good, endpoint: 'http://localhost:9/h' }, ctx).ok).toBe(false);
  });

  test.each<[string, Partial<SubscriptionRequest>, { path: string; message: string }[]]>([
    [
      'an unknown topic',
      { criteria: 'https://example.org/SubscriptionTopic/x' },
      [{ path: 'Subscription.criteria', message: `Subscription.criteria must be a topic Bridgework publishes: ${TOPIC}` }],
    ],
    ['no topic', { criteria: undefined }, [{ path: 'Subscription.criteria', message: `Subscription.criteria must be a topic Bridgework publishes: ${TOPIC}` }]],
    [
      'a filter',
      { criteriaExtensions: ['x'] },
      [{ path: 'Subscription._criteria', message: 'Filters are not supported: every change the client may see is sent' }],
    ],
    ['a websocket channel', { channelType: 'websocket' }, [{ path: 'Subscription.channel.type', message: 'Only the rest-hook channel is supported' }]],
    ['no channel type', { channelType: undefined }, [{ path: 'Subscription.channel.type', message: 'Only the rest-hook channel is supported' }]],
    ['no endpoint', { endpoint: undefined }, [{ path: 'Subscription.channel.endpoint', message: 'Subscription.channel.endpoint is required' }]],
    [
      'plain HTTP',
      { endpoint: 'http://partner.example/h' },
      [{ path: 'Subscription.channel.endpoint', message: 'Subscription.channel.endpoint must use https' }],
    ],
    ['XML', { payload: 'application/fhir+xml' }, [{ path: 'Subscription.channel.payload', message: 'Notifications are sent as application/fhir+json' }]],
    [
      'full resources',
      { content: 'full-resource' },
      [{ path: 'Subscription.channel.payload', message: 'Only id-only and empty payloads are sent: read the Task with your token' }],
    ],
    [
      'too many headers',
      { headers: Array.from({ length: MAX_HEADERS + 1 }, (_, i) => `X-${i}: v`) },
      [{ path: 'Subscription.channel.header', message: 'Send at most 5 headers' }],
    ],
    ['a bad second header', { headers: ['A: b', 'Host: x'] }, [{ path: 'Subscription.channel.header[1]', message: 'Bridgework sets Host itself' }]],
    [
      'a heartbeat under a minute',
      { heartbeatSeconds: 59 },
      [{ path: 'Subscription.channel.heartbeatPeriod', message: 'The heartbeat period must be at least 60 seconds' }],
    ],
    ['a long timeout', { timeoutSeconds: 31 }, [{ path: 'Subscription.channel.timeout', message: 'The timeout must be at most 30 seconds' }]],
    ['an end now', { end: NOW.toISOString() }, [{ path: 'Subscription.end', message: 'Subscription.end must be in the future' }]],
    ['an end before now', { end: '2026-12-03T08:59:59Z' }, [{ path: 'Subscription.end', message: 'Subscription.end must be in the future' }]],
    [
      'asking to be active',
      { status: 'active' },
      [{ path: 'Subscription.status', message: 'A new subscription is requested; Bridgework makes it active after the handshake' }],
    ],
  ])('refuses %s', (_what, over, issues) => {
    expect(checkSubscription({ ...good, ...over }, ctx)).toEqual({ ok: false, issues });
  });

  test('exactly five headers, a one-minute heartbeat and a 30-second timeout are allowed; an end a second ahead too', () => {
    const checked = checkSubscription(
      {
        ...good,
        headers: Array.from({ length: MAX_HEADERS }, (_, i) => `X-${i}: v`),
        heartbeatSeconds: 60,
        timeoutSeconds: 30,
        end: '2026-12-03T09:00:01Z',
      },
      ctx,
    );
    expect(checked.ok).toBe(true);
  });

  test('every problem at once', () => {
    const checked = checkSubscription({ criteriaExtensions: [], headers: [], channelType: 'email', status: 'off' }, ctx);
    expect(checked.ok ? [] : checked.issues.map((i) => i.path)).toEqual([
      'Subscription.criteria',
      'Subscription.channel.type',
      'Subscription.channel.endpoint',
      'Subscription.status',
    ]);
  });
});
