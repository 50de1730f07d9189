import { appSettings, type AppSettings } from '../../../src-shared/contract/settings';
import type { Ctx, ReadCtx } from '../../api/context';
import { settings } from './schema';

/** Settings live as one JSON value per top-level key; unknown or stale keys fall back to defaults. */
export function readSettings(ctx: ReadCtx): AppSettings {
  // plain SQL, not the query builder: a command's statement cache keeps it compiled (completions read the expiry rule)
  const rows = ctx.sqlite.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  // the same stored text gives the same settings: parsed (JSON and the schema) once, not by every
  // call of a command (a completion asks four times); frozen, as the answer is shared
  let text = '';
  for (const r of rows) text += `${r.key}\u0000${r.value}\u0000`;
  if (text === lastText && lastSettings) return lastSettings;
  const settings = parseSettings(rows);
  lastText = text;
  lastSettings = settings;
  return settings;
}

let lastText = '';
let lastSettings: AppSettings | undefined;

function parseSettings(rows: { key: string; value: string }[]): AppSettings {
  const raw: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      raw[r.key] = JSON.parse(r.value);
    } catch {
      // a value that is not JSON is treated as absent: the default applies
    }
  }
  const parsed = appSettings.safeParse(raw);
  return deepFreeze(parsed.success ? parsed.data : appSettings.parse({}));
}

function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
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
