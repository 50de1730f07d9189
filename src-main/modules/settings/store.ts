import { appSettings, type AppSettings } from '../../../src-shared/contract/settings';
import type { Ctx, ReadCtx } from '../../api/context';
import { settings } from './schema';

/** Settings live as one JSON value per top-level key; unknown or stale keys fall back to defaults. */
export function readSettings(ctx: ReadCtx): AppSettings {
  // plain SQL, not the query builder: a command's statement cache keeps it compiled (completions read the expiry rule)
  const rows = ctx.sqlite.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const raw: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      raw[r.key] = JSON.parse(r.value);
    } catch {
      // a value that is not JSON is treated as absent: the default applies
    }
  }
  const parsed = appSettings.safeParse(raw);
  return parsed.success ? parsed.data : appSettings.parse({});
}

export function writeSettings(ctx: Ctx, values: Partial<AppSettings>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) writeSettingValue(ctx, key, JSON.stringify(value));
  }
}

/**
 * Stores one key's text (modules that keep their settings under a key of their own, such as
 * labels and notifications, write it through here: this module owns the table).
 */
export function writeSettingValue(ctx: Ctx, key: string, value: string): void {
  ctx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}
