export {
  createNotifyNotifier,
  createOutboxNotifier,
  listOutbox,
  type Notifier,
  notifyJwt,
  type OutboundMessage,
  outboundMessageSchema,
  personChannel,
  queueNotification,
  queueNotifications,
  SEND_NOTIFICATION_JOB,
  sendNotificationHandler,
} from './notifier.ts';
