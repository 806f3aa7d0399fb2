import type { FastifyInstance } from 'fastify';
import { parseInput } from '../errors/index.ts';
import { requireBearer } from '../http/ops-token.ts';
import { type DeliveryReceipts, deliveryReceiptSchema } from './delivery-receipts.ts';

export const DELIVERY_RECEIPTS_PATH = '/notify/delivery-receipts';

/**
 * GOV.UK Notify's delivery-receipt callback, protected by the bearer token set in Notify's API
 * integration page (NOTIFY_CALLBACK_TOKEN). Not mounted without a token. Answers 204 for a receipt
 * recorded, repeated, or about a message this service does not hold, so Notify stops retrying.
 */
export function registerNotifyCallback(app: FastifyInstance, deps: { token: string | undefined; receipts: DeliveryReceipts }): void {
  const { token } = deps;
  if (!token) return;
  app.post(DELIVERY_RECEIPTS_PATH, async (request, reply) => {
    requireBearer(request.headers.authorization, token);
    const receipt = parseInput(deliveryReceiptSchema, request.body);
    const outcome = await deps.receipts.receive(receipt);
    // The id and status only: the body also holds the recipient's address.
    request.log.info({ notifyId: receipt.id, status: receipt.status, outcome }, 'delivery receipt');
    return reply.code(204).send();
  });
}
