import { eq } from 'drizzle-orm';
import { notificationSettings, type NotificationSettings } from '../../../src-shared/contract/notifications';
import type { Ctx, ReadCtx } from '../../api/context';
import { settings } from '../settings/schema';
import { openSecret, secretKeeper } from '../../secrets/secretKeeper';
import { writeSettingValue } from '../settings/store';

/**
 * SMTP and tracking links under the settings table's `notifications` key. The password is
 * stored sealed (`passwordSealed`, see secrets/secretKeeper.ts) with a key outside the
 * database, so neither the file nor its backups hold it in clear; it never leaves the main
 * process through a query. One sealed on another PC opens as absent (`passwordLost`):
 * Settings asks for it again.
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

export type StoredNotificationSettings = NotificationSettings & { password: string; passwordLost?: boolean };

export function readNotificationSettings(ctx: ReadCtx): StoredNotificationSettings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULTS;
  try {
    const raw = JSON.parse(row.value) as Record<string, unknown>;
    const parsed = notificationSettings.partial().safeParse(raw);
    const opened = typeof raw.passwordSealed === 'string' ? openSecret(raw.passwordSealed) : null;
    // a password from before sealing is still read in clear until sealClearSecrets rewrites it
    const password = opened ?? (typeof raw.password === 'string' ? raw.password : '');
    return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}), password, passwordLost: typeof raw.passwordSealed === 'string' && opened === null };
  } catch {
    return DEFAULTS;
  }
}

/** What goes into the database: everything but the password, which is sealed. */
function storedValue(s: StoredNotificationSettings, sealedBefore: string | null): string {
  const { password, passwordLost: _lost, ...rest } = s;
  const passwordSealed = password !== '' ? secretKeeper().seal(password) : sealedBefore;
  return JSON.stringify(passwordSealed ? { ...rest, passwordSealed } : rest);
}

function rawValue(ctx: Ctx): Record<string, unknown> | null {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  try {
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Writes the value with SQLite's secure_delete, and checkpoints the WAL: the old bytes do not linger in the file. */
function writeScrubbed(ctx: Ctx, value: string): void {
  ctx.sqlite.pragma('secure_delete = ON');
  try {
    writeSettingValue(ctx, KEY, value);
  } finally {
    ctx.sqlite.pragma('secure_delete = OFF');
  }
}

/**
 * At the start of the app: a password an older version stored in clear is sealed, and its
 * clear bytes are wiped from the file and its WAL.
 */
export function sealClearSecrets(ctx: Ctx): boolean {
  const raw = rawValue(ctx);
  if (!raw || typeof raw.password !== 'string') return false;
  const clear = raw.password;
  const { password: _p, ...rest } = raw;
  const value = JSON.stringify(clear !== '' ? { ...rest, passwordSealed: secretKeeper().seal(clear) } : rest);
  ctx.sqlite.transaction(() => writeScrubbed(ctx, value)).immediate();
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}

export function publicSettings(s: StoredNotificationSettings) {
  const { password, ...rest } = s;
  return { ...rest, passwordLost: rest.passwordLost === true, passwordSet: password !== '', smtpConfigured: s.host !== '' };
}

export function saveNotificationSettings(ctx: Ctx, input: Partial<StoredNotificationSettings>): StoredNotificationSettings {
  const current = readNotificationSettings(ctx);
  const next: StoredNotificationSettings = { ...current };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
  const before = rawValue(ctx)?.passwordSealed;
  // a password left out keeps its sealed value (even one this PC cannot open); an empty one removes it
  const keepSealed = input.password === undefined && typeof before === 'string' ? before : null;
  writeScrubbed(ctx, storedValue(next, keepSealed));
  return readNotificationSettings(ctx);
}
