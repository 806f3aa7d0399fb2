import { z } from 'zod';
import type { Clock } from '../clock/index.ts';
import type { Database, Statement, Tx } from '../db/index.ts';
import { enqueueJobs, type JobContext, type JobHandler, jobsInsert } from '../jobs/index.ts';
import type { DeliveryReceipts } from './delivery-receipts.ts';
import { NotifyRefused } from './govuk-notify.ts';

export const outboundMessageSchema = z.object({
  tenantId: z.uuid(),
  /** One id, one message: a retried job delivers the same message, never a second one. */
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string().min(1),
  template: z.string().min(1),
  subject: z.string(),
  body: z.string().min(1),
  language: z.enum(['en', 'cy']),
  /**
   * What a message to a person is about (`referral` or `case` and its id): if it cannot be
   * delivered, the capability that owns that record is told (ADR 0045). Staff messages leave it out.
   */
  about: z.object({ kind: z.string().min(1).max(40), id: z.uuid() }).optional(),
});
export type OutboundMessage = z.output<typeof outboundMessageSchema>;

/** The notifications port: delivers one message. GOV.UK Notify when configured, else nothing leaves (the outbox kind's `send` is never needed). */
export type Notifier = { readonly kind: 'outbox' | 'govuk-notify'; send(message: OutboundMessage): Promise<void> };

export const SEND_NOTIFICATION_JOB = 'notify.send';

/**
 * How to write to a person: by text message first if that is the way they asked to be contacted,
 * otherwise by email, else by text; never by a way they refused (`email` or `text` in their
 * do-not-contact list). Null when no way is left.
 */
export function personChannel(p: {
  email: string | null;
  phone: string | null;
  doNotContact: readonly string[];
  contactMethod?: string | null;
}): Pick<OutboundMessage, 'channel' | 'recipient'> | null {
  const text = p.phone && !p.doNotContact.includes('text') ? ({ channel: 'sms', recipient: p.phone } as const) : null;
  if (p.contactMethod === 'text' && text) return text;
  if (p.email && !p.doNotContact.includes('email')) return { channel: 'email', recipient: p.email };
  return text;
}

/**
 * Records a message in the tenant's outbox and queues its delivery, in the caller's transaction:
 * it is sent if and only if the change that causes it commits. The queue row carries only ids;
 * the text stays in the tenant-isolated outbox.
 *
 * @example await queueNotification(tx, clock, { tenantId, id: newId(), channel: 'email', … });
 */
export async function queueNotification(tx: Tx, clock: Clock, message: OutboundMessage): Promise<void> {
  await queueNotifications(tx, clock, [message]);
}

/**
 * Several messages at once, as `queueNotification`: one outbox INSERT and one job INSERT for all of
 * them, so a change that writes to several people pays two round trips rather than two each.
 *
 * @example await queueNotifications(tx, clock, [toReferrer, toOrganisation, toPerson]);
 */
export async function queueNotifications(tx: Tx, clock: Clock, messages: readonly OutboundMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const { outbox, jobs } = notificationRows(tx, clock, messages);
  await outbox.execute();
  await enqueueJobs(tx, clock, jobs);
}

/**
 * `queueNotifications`' two inserts, unrun, for a write that sends them together with others
 * (`writeTogether`): the same rows, one outbox insert and one job insert (none when no messages).
 * Each message has a new id, so its job's key is new and the job is always inserted.
 */
export function notificationWrites(tx: Tx, clock: Clock, messages: readonly OutboundMessage[]): Statement[] {
  if (messages.length === 0) return [];
  const { outbox, jobs } = notificationRows(tx, clock, messages);
  return [outbox, jobsInsert(tx, clock, jobs).insert];
}

function notificationRows(tx: Tx, clock: Clock, messages: readonly OutboundMessage[]) {
  const parsed = messages.map((m) => outboundMessageSchema.parse(m));
  const now = clock.now();
  const outbox = tx.insertInto('notifications_outbox').values(
    parsed.map((m) => ({
      tenant_id: m.tenantId,
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      subject: m.subject,
      body: m.body,
      language: m.language,
      state: 'queued' as const,
      created_at: now,
      about_kind: m.about?.kind ?? null,
      about_id: m.about?.id ?? null,
    })),
  );
  const jobs = parsed.map((m) => ({
    name: SEND_NOTIFICATION_JOB,
    tenantId: m.tenantId,
    payload: { messageId: m.id },
    dedupeKey: `notify:${m.tenantId}:${m.id}`,
  }));
  return { outbox, jobs };
}

const payloadSchema = z.object({ messageId: z.uuid() });

/**
 * Delivers a queued message once: a message already delivered is skipped, so a job that runs twice
 * (a worker died after sending) does not send again unless it died between the send and the
 * record of it. With the outbox notifier the message is simply kept for an administrator to read.
 */
export function sendNotificationHandler(deps: { db: Database; clock: Clock; notifier: Notifier; receipts?: DeliveryReceipts }): JobHandler {
  const { db, clock, notifier } = deps;
  const messageOf = (job: JobContext) => {
    const { messageId } = payloadSchema.parse(job.payload);
    if (!job.tenantId) throw new Error('a notification job needs its tenant');
    return { tenantId: job.tenantId, messageId };
  };

  /**
   * Nothing leaves the service, so nothing can be sent twice: keeping messages is one UPDATE per
   * tenant, however many, which is what lets a burst of thousands drain quickly.
   */
  async function keep(tenantId: string, ids: readonly string[]): Promise<void> {
    await db.inTenant(tenantId, async (tx) => {
      const kept = await tx
        .updateTable('notifications_outbox')
        .set({ state: 'kept', delivered_at: clock.now() })
        .where('id', 'in', ids)
        .where('state', '=', 'queued')
        .returning('id')
        .execute();
      if (kept.length === ids.length) return;
      const found = await tx.selectFrom('notifications_outbox').select('id').where('id', 'in', ids).execute();
      const missing = ids.find((id) => !found.some((r) => r.id === id));
      if (missing) throw new Error(`message ${missing} is not in the outbox`);
    });
  }

  const one: JobHandler = async (job) => {
    const { tenantId, messageId } = messageOf(job);
    if (notifier.kind === 'outbox') return keep(tenantId, [messageId]);
    const row = await db.inTenant(tenantId, (tx) => tx.selectFrom('notifications_outbox').selectAll().where('id', '=', messageId).executeTakeFirst());
    if (!row) throw new Error(`message ${messageId} is not in the outbox`);
    if (row.state !== 'queued') return;
    try {
      await notifier.send({
        tenantId,
        id: row.id,
        channel: row.channel,
        recipient: row.recipient,
        template: row.template,
        subject: row.subject,
        body: row.body,
        language: row.language,
      });
    } catch (error) {
      if (!(error instanceof NotifyRefused)) throw error;
      // Sending again cannot help: it fails now, as a permanent failure reported later would.
      await db.inTenant(tenantId, (tx) => tx.updateTable('notifications_outbox').set({ state: 'refused' }).where('id', '=', messageId).execute());
      await deps.receipts?.record(tenantId, messageId, 'permanent-failure');
      return;
    }
    await db.inTenant(tenantId, (tx) =>
      tx.updateTable('notifications_outbox').set({ state: 'sent', delivered_at: clock.now() }).where('id', '=', messageId).execute(),
    );
  };
  if (notifier.kind !== 'outbox') return one;
  // GOV.UK Notify takes one message a request, so only the outbox takes many at once.
  one.many = async (jobs) => {
    const byTenant = new Map<string, string[]>();
    for (const job of jobs) {
      const { tenantId, messageId } = messageOf(job);
      byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), messageId]);
    }
    for (const [tenantId, ids] of byTenant) await keep(tenantId, ids);
  };
  return one;
}

/** No GOV.UK Notify: nothing leaves the service; messages stay in the outbox page. */
export function createOutboxNotifier(): Notifier {
  return { kind: 'outbox', send: async () => {} };
}

export async function listOutbox(db: Database, tenantId: string, limit = 100) {
  return db.inTenant(tenantId, (tx) =>
    tx.selectFrom('notifications_outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
  );
}
