import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/index.ts';
import { actorOf, type ClientPrincipal } from '../../../platform/auth/index.ts';
import type { Clock } from '../../../platform/clock/index.ts';
import { type Database, newId, type Tx } from '../../../platform/db/index.ts';
import { InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { enqueueJobs } from '../../../platform/jobs/index.ts';
import { addNotification, DELIVER_JOB, deliverJobs, findSubscription, nextWaiting, subscriptionTables, toSubscription } from './subscription-repo.ts';
import { maskHeader, type Notification, notificationBundle, parseSubscription, type Subscription, TOPICS } from './subscription-resources.ts';
import { checkSubscription, clientStatusChange, heartbeatDue, retryDelaySeconds, statusAfter, subscriptionParameters } from './subscription-rules.ts';

/** Sends one notification; resolves with whether the endpoint took it (a 2xx), and why not. */
export type Poster = (request: { url: string; headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<{ ok: boolean; error?: string }>;

/** The real sender: fetch with a timeout, so a POST never outlives the delivery lease. */
export const fetchPoster: Poster = async ({ url, headers, body, timeoutMs }) => {
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    await res.body?.cancel();
    return res.ok ? { ok: true } : { ok: false, error: `The endpoint answered ${res.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    return { ok: false, error: name === 'TimeoutError' ? 'The endpoint did not answer in time' : 'The endpoint could not be reached' };
  }
};

/** How long one delivery run holds a subscription: longer than any POST may take (its timeout is at most 30 s). */
const LEASE_MS = 60_000;

const headerName = (h: string) => (h.split(':')[0] as string).trim().toLowerCase();

/**
 * FHIR subscriptions to referral Task changes (ADR 0046): a partner system's own subscriptions,
 * and their delivery. Each subscription's notifications wait in a queue of their own, numbered in
 * the order they were made; one delivery run at a time (a lease on the subscription row) sends
 * them in that order, stops at the first failure and comes back after a backoff through the job
 * queue. Nothing is lost while the endpoint is down: the rows wait.
 */
export function createSubscriptionService(deps: { db: Database; clock: Clock; baseUrl: string; allowLocalHttp: boolean; post?: Poster }) {
  const { db, clock, baseUrl } = deps;
  const post = deps.post ?? fetchPoster;

  async function own(tx: Tx, client: ClientPrincipal, id: string) {
    const row = await findSubscription(tx, id);
    // Another client's subscription looks exactly like none.
    if (!row || row.client_id !== client.id) throw new NotFound('Subscription', id);
    return row;
  }

  const check = (body: unknown, forCreate: boolean) => {
    const request = parseSubscription(body);
    const checked = checkSubscription(forCreate ? request : { ...request, status: undefined }, {
      topics: TOPICS,
      now: clock.now(),
      allowLocalHttp: deps.allowLocalHttp,
    });
    if (!checked.ok) throw new InvalidInput(checked.issues, 'The subscription cannot be honoured');
    return { request, spec: checked.spec };
  };

  const audit = (tx: Tx, client: ClientPrincipal, action: string, id: string, details: Record<string, unknown> = {}) =>
    recordAudit(tx, client.tenantId, clock, {
      actor: actorOf(client),
      action,
      recordType: 'fhir-subscription',
      recordId: id,
      reason: 'partner system',
      details,
    });

  /** Marks the outcome of one POST and releases or keeps the lease; on failure queues the retry after its backoff. */
  async function settle(tenantId: string, s: Subscription, n: Notification, result: { ok: boolean; error?: string }) {
    const now = clock.now();
    return db.inTenant(tenantId, async (tx) => {
      const t = subscriptionTables(tx);
      const status = statusAfter(s.status, result.ok);
      if (result.ok) {
        await t.updateTable('fhir_subscription_notifications').set({ sent_at: now }).where('subscription_id', '=', s.id).where('seq', '=', n.seq).execute();
        await t
          .updateTable('fhir_subscriptions')
          .set({ status, failures: 0, last_error: null, next_attempt_at: null, last_sent_at: now, sending_until: new Date(now.getTime() + LEASE_MS) })
          .where('id', '=', s.id)
          .where('status', '<>', 'off')
          .execute();
        return true;
      }
      const failures = s.failures + 1;
      const retryAt = new Date(now.getTime() + retryDelaySeconds(failures, now) * 1000);
      await t
        .updateTable('fhir_subscriptions')
        .set({ status, failures, last_error: result.error ?? 'The endpoint did not take the notification', next_attempt_at: retryAt, sending_until: null })
        .where('id', '=', s.id)
        .execute();
      await enqueueJobs(tx, clock, [
        { name: DELIVER_JOB, tenantId, payload: { subscriptionId: s.id }, runAt: retryAt, dedupeKey: `${DELIVER_JOB}:${s.id}:${n.seq}:retry:${failures}` },
      ]);
      return false;
    });
  }

  /** Takes the subscription for one delivery run, unless another run holds it, it waits out a backoff, or it is off. */
  async function claim(tenantId: string, id: string): Promise<Subscription | null> {
    const now = clock.now();
    return db.inTenant(tenantId, async (tx) => {
      const row = await subscriptionTables(tx)
        .updateTable('fhir_subscriptions')
        .set({ sending_until: new Date(now.getTime() + LEASE_MS) })
        .where('id', '=', id)
        .where('status', '<>', 'off')
        .where((eb) => eb.or([eb('sending_until', 'is', null), eb('sending_until', '<=', now)]))
        .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
        .returningAll()
        .executeTakeFirst();
      return row ? toSubscription(row) : null;
    });
  }

  function requestFor(s: Subscription, n: Notification) {
    const now = clock.now();
    const headers: Record<string, string> = {};
    for (const h of s.headers) {
      const at = h.indexOf(':');
      headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
    }
    headers['Content-Type'] = 'application/fhir+json';
    return { url: s.endpoint, headers, body: JSON.stringify(notificationBundle(s, n, baseUrl, newId(now), now)), timeoutMs: s.timeoutSeconds * 1000 };
  }

  return {
    async create(client: ClientPrincipal, body: unknown): Promise<Subscription> {
      const { request, spec } = check(body, true);
      const now = clock.now();
      const id = newId(now);
      return db.inTenant(client.tenantId, async (tx) => {
        const row = await subscriptionTables(tx)
          .insertInto('fhir_subscriptions')
          .values({
            tenant_id: client.tenantId,
            id,
            client_id: client.id,
            organisation_id: client.organisationId,
            topic: spec.topic,
            status: 'requested',
            reason: request.reason ?? '',
            endpoint: spec.endpoint,
            content: spec.content,
            headers: JSON.stringify(spec.headers),
            heartbeat_seconds: spec.heartbeatSeconds,
            timeout_seconds: spec.timeoutSeconds,
            end_at: spec.end,
            version: 1,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await addNotification(tx, clock, client.tenantId, id, 'handshake');
        await audit(tx, client, 'fhir-subscription.created', id, { endpoint: spec.endpoint, topic: spec.topic });
        return toSubscription(row);
      });
    },

    async read(client: ClientPrincipal, id: string): Promise<Subscription> {
      return db.inTenant(client.tenantId, async (tx) => toSubscription(await own(tx, client, id)));
    },

    /** The client's own subscriptions, or those of `ids` among them. */
    async list(client: ClientPrincipal, ids?: readonly string[]): Promise<Subscription[]> {
      return db.inTenant(client.tenantId, async (tx) => {
        let q = subscriptionTables(tx).selectFrom('fhir_subscriptions').selectAll().where('client_id', '=', client.id);
        if (ids) q = q.where('id', 'in', ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
        return (await q.orderBy('created_at').orderBy('id').execute()).map(toSubscription);
      });
    },

    /**
     * A PUT of the whole Subscription. A header sent back masked (`Name: ***`, as reads show it)
     * keeps its stored value. A new endpoint, or `requested` after `off` or `error`, starts again
     * with a handshake; `off` pauses (what changes meanwhile is not queued).
     */
    async update(client: ClientPrincipal, id: string, body: unknown, expectedVersion?: number): Promise<Subscription> {
      const { request, spec } = check(body, false);
      if (request.id !== undefined && request.id !== id)
        throw new InvalidInput([{ path: 'Subscription.id', message: 'Subscription.id must be the id in the URL' }]);
      const now = clock.now();
      return db.inTenant(client.tenantId, async (tx) => {
        const current = toSubscription(await own(tx, client, id));
        if (expectedVersion !== undefined && expectedVersion !== current.version) {
          throw new InvalidInput([{ path: 'If-Match', message: `The Subscription is now version ${current.version}` }]);
        }
        const change = clientStatusChange(current.status, request.status);
        if (!change.ok)
          throw new InvalidInput([{ path: 'Subscription.status', message: 'Set Subscription.status to off to pause, or requested to start again' }]);
        const stored = new Map(current.headers.map((h) => [headerName(h), h]));
        const headers = spec.headers.map((h) => (h === maskHeader(h) ? (stored.get(headerName(h)) ?? h) : h));
        const handshake = change.handshake || (spec.endpoint !== current.endpoint && change.status !== 'off');
        const row = await subscriptionTables(tx)
          .updateTable('fhir_subscriptions')
          .set({
            status: handshake ? 'requested' : change.status,
            reason: request.reason ?? current.reason,
            endpoint: spec.endpoint,
            content: spec.content,
            headers: JSON.stringify(headers),
            heartbeat_seconds: spec.heartbeatSeconds,
            timeout_seconds: spec.timeoutSeconds,
            end_at: spec.end,
            ...(handshake ? { failures: 0, next_attempt_at: null, last_error: null } : {}),
            version: sql<number>`version + 1`,
            updated_at: now,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (handshake) await addNotification(tx, clock, client.tenantId, id, 'handshake');
        await audit(tx, client, 'fhir-subscription.updated', id, { status: row.status, endpoint: spec.endpoint });
        return toSubscription(row);
      });
    },

    async remove(client: ClientPrincipal, id: string): Promise<void> {
      await db.inTenant(client.tenantId, async (tx) => {
        await own(tx, client, id);
        await subscriptionTables(tx).deleteFrom('fhir_subscriptions').where('id', '=', id).execute();
        await audit(tx, client, 'fhir-subscription.deleted', id);
      });
    },

    /**
     * Delivers what waits for one subscription, in order, one POST at a time: stops at the first
     * failure (the retry is queued with its backoff) and returns. Another run holding the lease
     * already delivers everything, so this one leaves; after releasing, a run looks once more, so a
     * notification added while it finished is not left behind.
     */
    async deliver(tenantId: string, subscriptionId: string): Promise<{ sent: number; failed: boolean }> {
      let sent = 0;
      for (;;) {
        const s = await claim(tenantId, subscriptionId);
        if (!s) return { sent, failed: false };
        let current = s;
        for (;;) {
          const n = await db.inTenant(tenantId, (tx) => nextWaiting(tx, subscriptionId));
          if (!n) break;
          const ok = await settle(tenantId, current, n, await post(requestFor(current, n)));
          if (!ok) return { sent, failed: true };
          sent++;
          current = { ...current, status: statusAfter(current.status, true), failures: 0 };
        }
        const more = await db.inTenant(tenantId, async (tx) => {
          await subscriptionTables(tx).updateTable('fhir_subscriptions').set({ sending_until: null }).where('id', '=', subscriptionId).execute();
          return (await nextWaiting(tx, subscriptionId)) !== null;
        });
        if (!more) return { sent, failed: false };
      }
    },

    /**
     * The minute's sweep, in every tenant: heartbeats that are due, subscriptions past their end
     * turned off, and a delivery queued for any subscription with notifications waiting and no
     * run or backoff in the way (a job lost with a crashed node).
     */
    async sweep(): Promise<{ heartbeats: number; ended: number; resumed: number }> {
      const now = clock.now();
      const minute = Math.floor(now.getTime() / 60_000);
      const counts = await db.eachTenant(async (tx, tenant) => {
        const t = subscriptionTables(tx);
        const ended = await t
          .updateTable('fhir_subscriptions')
          .set({ status: 'off', updated_at: now })
          .where('status', '<>', 'off')
          .where('end_at', '<=', now)
          .executeTakeFirst();
        const live = (await t.selectFrom('fhir_subscriptions').selectAll().where('status', '<>', 'off').execute()).map(toSubscription);
        const waiting = new Set(
          (await t.selectFrom('fhir_subscription_notifications').select('subscription_id').distinct().where('sent_at', 'is', null).execute()).map(
            (r) => r.subscription_id,
          ),
        );
        let heartbeats = 0;
        for (const s of live) {
          if (!waiting.has(s.id) && heartbeatDue(s, now)) {
            await addNotification(tx, clock, tenant.id, s.id, 'heartbeat');
            heartbeats++;
          }
        }
        const stuck = live.filter((s) => waiting.has(s.id) && (s.nextAttemptAt === null || s.nextAttemptAt <= now));
        await enqueueJobs(
          tx,
          clock,
          deliverJobs(
            tenant.id,
            stuck.map((s) => ({ subscription_id: s.id, seq: `sweep-${minute}` })),
          ),
        );
        return { heartbeats, ended: Number(ended.numUpdatedRows), resumed: stuck.length };
      });
      return counts.reduce((a, b) => ({ heartbeats: a.heartbeats + b.heartbeats, ended: a.ended + b.ended, resumed: a.resumed + b.resumed }), {
        heartbeats: 0,
        ended: 0,
        resumed: 0,
      });
    },

    /** Delivered notifications older than the policy's keep days are deleted (the purge job). */
    async purgeSent(): Promise<void> {
      const now = clock.now();
      const before = new Date(now.getTime() - subscriptionParameters(now).sentKeepDays * 86_400_000);
      await db.eachTenant((tx) => subscriptionTables(tx).deleteFrom('fhir_subscription_notifications').where('sent_at', '<', before).execute());
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
