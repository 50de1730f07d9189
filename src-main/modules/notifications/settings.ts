import { eq } from 'drizzle-orm';
import { notificationSettings, type NotificationSettings } from '../../../src-shared/contract/notifications';
import type { Ctx, ReadCtx } from '../../api/context';
import { settings } from '../settings/schema';
import { writeSettingValue } from '../settings/store';

/**
 * SMTP and tracking links under the settings table's `notifications` key. The password is
 * stored there in clear (the database is a local file of this PC, like a mail program's
 * profile) and never leaves the main process through a query.
 */
const KEY = 'notifications';

export const DEFAULT_TRACKING_URLS = [
  { carrier: 'BRT', url: 'https://vas.brt.it/vas/sped_det_show.hsm?Nspediz={tracking}' },
  { carrier: 'GLS', url: 'https://gls-group.com/IT/it/servizi-online/ricerca-spedizioni?match={tracking}' },
  { carrier: 'SDA', url: 'https://www.poste.it/cerca/index.html#/risultati-spedizioni/{tracking}' },
  { carrier: 'Poste Italiane', url: 'https://www.poste.it/cerca/index.html#/risultati-spedizioni/{tracking}' },
  { carrier: 'DHL', url: 'https://www.dhl.com/it-it/home/tracking.html?tracking-id={tracking}' },
  { carrier: 'UPS', url: 'https://www.ups.com/track?tracknum={tracking}' },
];

const DEFAULTS: NotificationSettings & { password: string } = { host: '', port: 587, secure: false, user: '', from: '', bcc: '', trackingUrls: DEFAULT_TRACKING_URLS, password: '' };

export type StoredNotificationSettings = NotificationSettings & { password: string };

export function readNotificationSettings(ctx: ReadCtx): StoredNotificationSettings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULTS;
  try {
    const raw = JSON.parse(row.value) as Record<string, unknown>;
    const parsed = notificationSettings.partial().safeParse(raw);
    return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}), password: typeof raw.password === 'string' ? raw.password : '' };
  } catch {
    return DEFAULTS;
  }
}

export function publicSettings(s: StoredNotificationSettings) {
  const { password, ...rest } = s;
  return { ...rest, passwordSet: password !== '', smtpConfigured: s.host !== '' };
}

export function saveNotificationSettings(ctx: Ctx, input: Partial<StoredNotificationSettings>): StoredNotificationSettings {
  const current = readNotificationSettings(ctx);
  const next: StoredNotificationSettings = { ...current };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  const value = JSON.stringify(next);
  writeSettingValue(ctx, KEY, value);
  return next;
}
