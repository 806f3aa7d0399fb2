import { type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Clock } from '../../../platform/clock/index.ts';
import type { Json, PlatformTables, Timestamp, Tx } from '../../../platform/db/index.ts';
import { enqueueJobs } from '../../../platform/jobs/index.ts';
import type { Notification, Subscription } from './subscription-resources.ts';
import type { NotificationKind, PayloadContent, SubscriptionStatus } from './subscription-rules.ts';

export type SubscriptionTables = {
  fhir_subscriptions: {
    tenant_id: string;
    id: string;
    client_id: string;
    organisation_id: string | null;
    topic: string;
    status: SubscriptionStatus;
    reason: string;
    endpoint: string;
    content: PayloadContent;
    headers: Json;
    heartbeat_seconds: number | null;
    timeout_seconds: number;
    end_at: Timestamp | null;
    events_since_start: Generated<string | number>;
    last_seq: Generated<string | number>;
    failures: Generated<number>;
    last_error: string | null;
    next_attempt_at: Timestamp | null;
    sending_until: Timestamp | null;
    last_sent_at: Timestamp | null;
    version: number;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  fhir_subscription_notifications: {
    tenant_id: string;
    subscription_id: string;
    seq: string | number;
    kind: NotificationKind;
    events_count: string | number;
    focus_id: string | null;
    created_at: Timestamp;
    sent_at: Timestamp | null;
  };
};

export const subscriptionTables = (tx: Tx) => tx.withTables<SubscriptionTables>();
export type SubscriptionRow = Selectable<SubscriptionTables['fhir_subscriptions']>;

/** The job that delivers a subscription's waiting notifications, one at a time and in order. */
export const DELIVER_JOB = 'referrals.subscription-deliver';
/** The scheduled sweep: heartbeats, ended subscriptions, and deliveries whose job was lost. */
export const SWEEP_JOB = 'referrals.subscription-sweep';

const dateOf = (v: Date | null) => (v === null ? null : new Date(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  clientId: r.client_id,
  topic: r.topic,
  status: r.status,
  reason: r.reason,
  endpoint: r.endpoint,
  content: r.content,
  headers: json<string[]>(r.headers),
  heartbeatSeconds: r.heartbeat_seconds,
  timeoutSeconds: r.timeout_seconds,
  end: dateOf(r.end_at),
  eventsSinceStart: Number(r.events_since_start),
  failures: r.failures,
  lastError: r.last_error,
  nextAttemptAt: dateOf(r.next_attempt_at),
  lastSentAt: dateOf(r.last_sent_at),
  version: r.version,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export const toNotification = (r: Selectable<SubscriptionTables['fhir_subscription_notifications']>): Notification => ({
  seq: Number(r.seq),
  kind: r.kind,
  eventsCount: Number(r.events_count),
  focusId: r.focus_id,
  createdAt: new Date(r.created_at),
});

/** Jobs to deliver, one per notification added: a job lost or run twice only delivers what waits, in order. */
export const deliverJobs = (tenantId: string, rows: readonly { subscription_id: string; seq: string | number }[]) =>
  rows.map((r) => ({
    name: DELIVER_JOB,
    tenantId,
    payload: { subscriptionId: r.subscription_id },
    dedupeKey: `${DELIVER_JOB}:${r.subscription_id}:${r.seq}`,
  }));

/**
 * The tenant's subscriptions not switched off, as a query whose existence is asked by referral intake's first
 * statement (ADR 0066): with none, a new Task has no one to tell, and its change record
 * (`recordTaskChange`) is not sent.
 */
export const liveSubscriptionsQuery = (q: Kysely<PlatformTables>) =>
  q.withTables<SubscriptionTables>().selectFrom('fhir_subscriptions').select(sql<number>`1`.as('one')).where('status', '<>', 'off');

/**
 * A referral Task changed (it was created, or its version went up): each live subscription whose
 * client may read that Task gets the next event number and a notification row, and a delivery job
 * is queued, all in the caller's transaction. One statement finds the subscriptions, counts the
 * event and adds the rows; with no subscriptions it adds nothing. Who may read is decided as for
 * reads (ADR 0013): the client that sent the referral, or a client of the organisation that sent
 * it or whose team works it.
 */
export async function recordTaskChange(
  tx: Tx,
  task: { tenantId: string; id: string; referrerClientId: string | null; referrerOrganisationId: string | null; teamId: string },
  now: Date,
): Promise<void> {
  const added = await sql<{ subscription_id: string; seq: string }>`
    WITH counted AS (
      UPDATE fhir_subscriptions s
         SET events_since_start = s.events_since_start + 1, last_seq = s.last_seq + 1
       WHERE s.status <> 'off'
         AND (s.end_at IS NULL OR s.end_at > ${now}::timestamptz)
         AND (s.client_id = ${task.referrerClientId}::uuid
              OR s.organisation_id = ${task.referrerOrganisationId}::uuid
              OR s.organisation_id = (SELECT t.organisation_id FROM teams t WHERE t.id = ${task.teamId}::uuid))
       RETURNING s.tenant_id, s.id, s.last_seq, s.events_since_start
    )
    INSERT INTO fhir_subscription_notifications (tenant_id, subscription_id, seq, kind, events_count, focus_id, created_at)
    SELECT tenant_id, id, last_seq, 'event-notification', events_since_start, ${task.id}::uuid, ${now}::timestamptz FROM counted
    RETURNING subscription_id, seq`.execute(tx);
  if (added.rows.length > 0) await enqueueJobs(tx, { now: () => now }, deliverJobs(task.tenantId, added.rows));
}

/** Adds a handshake or heartbeat to a subscription's queue (the events so far ride with it) and queues its delivery. */
export async function addNotification(tx: Tx, clock: Clock, tenantId: string, subscriptionId: string, kind: 'handshake' | 'heartbeat'): Promise<void> {
  const now = clock.now();
  const added = await sql<{ subscription_id: string; seq: string }>`
    WITH counted AS (
      UPDATE fhir_subscriptions SET last_seq = last_seq + 1 WHERE id = ${subscriptionId}::uuid
      RETURNING tenant_id, id, last_seq, events_since_start
    )
    INSERT INTO fhir_subscription_notifications (tenant_id, subscription_id, seq, kind, events_count, focus_id, created_at)
    SELECT tenant_id, id, last_seq, ${kind}::text, events_since_start, NULL::uuid, ${now}::timestamptz FROM counted
    RETURNING subscription_id, seq`.execute(tx);
  await enqueueJobs(tx, clock, deliverJobs(tenantId, added.rows));
}

export async function findSubscription(tx: Tx, id: string): Promise<SubscriptionRow | undefined> {
  return subscriptionTables(tx).selectFrom('fhir_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first notification not yet delivered, if any. */
export async function nextWaiting(tx: Tx, subscriptionId: string): Promise<Notification | null> {
  const row = await subscriptionTables(tx)
    .selectFrom('fhir_subscription_notifications')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .where('sent_at', 'is', null)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return row ? toNotification(row) : null;
}
