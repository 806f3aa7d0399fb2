import { z } from 'zod';
import { recordAudit } from '../audit/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Database, DeliveryReceiptStatus, Tx } from '../db/index.ts';
import { parseNotifyReference } from './govuk-notify.ts';

/**
 * GOV.UK Notify's delivery receipt, as its callback POSTs it. Only what the service uses is kept:
 * `to` (the address) is read past, never stored or logged.
 */
export const deliveryReceiptSchema = z.object({
  id: z.string().min(1).max(100),
  reference: z.string().max(200).nullable().optional(),
  status: z.enum(['delivered', 'permanent-failure', 'temporary-failure', 'technical-failure']),
  notification_type: z.string().max(20).optional(),
  completed_at: z.string().max(40).nullable().optional(),
});
export type DeliveryReceipt = z.output<typeof deliveryReceiptSchema>;

/** A message that will never arrive: the capability that wrote it tells the person's worker (ADR 0045). */
export type DeliveryFailure = {
  tenantId: string;
  messageId: string;
  channel: 'email' | 'sms';
  about: { kind: string; id: string };
  at: Date;
};

/** A capability's part in a failure, run in the transaction that records the receipt. */
export type DeliveryFailureHook = (tx: Tx, failure: DeliveryFailure) => Promise<void>;

export type ReceiptOutcome = 'recorded' | 'unchanged' | 'unknown';

/**
 * Records delivery receipts. Idempotent: Notify retries a callback it thinks failed, and a receipt
 * already recorded changes nothing and tells no one again. A permanent failure of a message about a
 * referral or case is handed to the capabilities' hooks, in the same transaction.
 */
export function createDeliveryReceipts(deps: { db: Database; clock: Clock; onFailure: () => readonly DeliveryFailureHook[] }) {
  const { db, clock } = deps;

  async function record(tenantId: string, messageId: string, status: DeliveryReceiptStatus): Promise<ReceiptOutcome> {
    return db.inTenant(tenantId, async (tx) => {
      const now = clock.now();
      const row = await tx
        .updateTable('notifications_outbox')
        .set({ receipt: status, receipt_at: now })
        .where('id', '=', messageId)
        .where((eb) => eb.or([eb('receipt', 'is', null), eb('receipt', '!=', status)]))
        .returning(['channel', 'about_kind', 'about_id'])
        .executeTakeFirst();
      if (!row) {
        const known = await tx.selectFrom('notifications_outbox').select('id').where('id', '=', messageId).executeTakeFirst();
        return known ? 'unchanged' : 'unknown';
      }
      await recordAudit(tx, tenantId, clock, {
        actor: { kind: 'system', id: 'govuk-notify' },
        action: 'notification.receipt',
        recordType: 'notification',
        recordId: messageId,
        reason: 'delivery receipt from GOV.UK Notify',
        details: { status },
      });
      if (status === 'permanent-failure' && row.about_kind && row.about_id) {
        const failure = { tenantId, messageId, channel: row.channel, about: { kind: row.about_kind, id: row.about_id }, at: now };
        for (const hook of deps.onFailure()) await hook(tx, failure);
      }
      return 'recorded';
    });
  }

  return {
    record,
    /** One receipt from the callback; a reference this service did not write is `unknown` (acknowledged, ignored). */
    async receive(receipt: DeliveryReceipt): Promise<ReceiptOutcome> {
      const ref = parseNotifyReference(receipt.reference);
      if (!ref) return 'unknown';
      return record(ref.tenantId, ref.messageId, receipt.status);
    },
  };
}

export type DeliveryReceipts = ReturnType<typeof createDeliveryReceipts>;
