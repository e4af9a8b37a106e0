/** @module Public face of notifications (站内通知): the table, sending, listing, marking read, and the `notify` worker. */
export { createNotifyWorker, fillTemplate, resolveRecipient } from './notify-worker';
export { notifications } from './schema';
export {
  listNotifications,
  markNotificationsRead,
  type NotificationInput,
  type Recipient,
  sendNotification,
} from './store';
