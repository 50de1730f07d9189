import type { HandlerMap } from '../../api/handlers';
import { composeFor, notificationDraft, notificationHistory, sendNotification } from './send';
import { publicSettings, readNotificationSettings, saveNotificationSettings } from './settings';

type NotificationOp = Extract<keyof typeof import('../../../src-shared/contract/notifications').notificationOps, string>;

export const notificationHandlers: HandlerMap<NotificationOp> = {
  'notifications.settings': (ctx) => publicSettings(readNotificationSettings(ctx)),
  'notifications.saveSettings': (ctx, input) => publicSettings(saveNotificationSettings(ctx, input)),
  'notifications.preview': (ctx, input) => {
    const { docNumber: _n, ...msg } = composeFor(ctx, input);
    return msg;
  },
  'notifications.send': sendNotification,
  'notifications.history': notificationHistory,
  'notifications.draft': notificationDraft,
};
