export {
  createDeliveryReceipts,
  type DeliveryFailure,
  type DeliveryFailureHook,
  type DeliveryReceipt,
  type DeliveryReceipts,
  deliveryReceiptSchema,
  type ReceiptOutcome,
} from './delivery-receipts.ts';
export { createNotifyNotifier, NotifyRefused, notifyReference, parseNotifyReference } from './govuk-notify.ts';
export {
  createOutboxNotifier,
  listOutbox,
  type Notifier,
  notificationWrites,
  type OutboundMessage,
  outboundMessageSchema,
  personChannel,
  queueNotification,
  queueNotifications,
  SEND_NOTIFICATION_JOB,
  sendNotificationHandler,
} from './notifier.ts';
export { DELIVERY_RECEIPTS_PATH, registerNotifyCallback } from './notify-routes.ts';
