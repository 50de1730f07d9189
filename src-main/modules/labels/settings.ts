import { eq } from 'drizzle-orm';
import { LABEL_SETTINGS_DEFAULTS, labelSettings, type LabelSettings } from '../../../src-shared/contract/labels';
import type { Ctx, ReadCtx } from '../../api/context';
import { settings } from '../settings/schema';
import { writeSettingValue } from '../settings/store';

/** The `labels` key of the settings table (its own key, so the shared settings shape stays untouched). */
const KEY = 'labels';

export function readLabelSettings(ctx: ReadCtx): LabelSettings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return LABEL_SETTINGS_DEFAULTS;
  try {
    const parsed = labelSettings.partial().safeParse(JSON.parse(row.value));
    return { ...LABEL_SETTINGS_DEFAULTS, ...(parsed.success ? parsed.data : {}) };
  } catch {
    return LABEL_SETTINGS_DEFAULTS;
  }
}

export function saveLabelSettings(ctx: Ctx, input: Partial<LabelSettings>): LabelSettings {
  const next = { ...readLabelSettings(ctx), ...input };
  const value = JSON.stringify(next);
  writeSettingValue(ctx, KEY, value);
  return next;
}
