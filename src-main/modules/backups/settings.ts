import { eq } from 'drizzle-orm';
import { BACKUP_DEFAULTS, backupSettings, type BackupSettings } from '../../../src-shared/contract/backups';
import type { Ctx, ReadCtx } from '../../api/context';
import { localBackupFolder } from '../../db/dataFolders';
import { settings } from '../settings/schema';
import { writeSettingValue } from '../settings/store';

/** Settings → Backups, under the settings table's `backups` key; anything unreadable falls back to the defaults. */
const KEY = 'backups';

export function readBackupSettings(ctx: Pick<ReadCtx, 'db'>): BackupSettings {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return BACKUP_DEFAULTS;
  try {
    const raw = JSON.parse(row.value) as Record<string, unknown>;
    const merged = { ...BACKUP_DEFAULTS, ...raw };
    const parsed = backupSettings.safeParse(merged);
    return parsed.success ? parsed.data : BACKUP_DEFAULTS;
  } catch {
    return BACKUP_DEFAULTS;
  }
}

/** Where this database's backups go: the folder the user chose, else `backups/` beside it. */
export function backupFolderOf(ctx: Pick<ReadCtx, 'db' | 'dbPath'>, s = readBackupSettings(ctx)): string {
  return s.folder ?? localBackupFolder(ctx.dbPath);
}

export function saveBackupSettings(ctx: Ctx, input: Partial<Omit<BackupSettings, 'folder'>> & { folder?: string | null }): BackupSettings {
  const next: BackupSettings = { ...readBackupSettings(ctx) };
  for (const [k, v] of Object.entries(input)) if (v !== undefined && k !== 'folder') (next as Record<string, unknown>)[k] = v;
  if (input.folder === null) delete next.folder;
  else if (input.folder !== undefined) next.folder = input.folder.trim();
  const value = JSON.stringify(next);
  writeSettingValue(ctx, KEY, value);
  return next;
}

export function settingsView(ctx: ReadCtx, s = readBackupSettings(ctx)) {
  return { ...s, folder: s.folder ?? null, effectiveFolder: backupFolderOf(ctx, s), defaultFolder: localBackupFolder(ctx.dbPath) };
}
