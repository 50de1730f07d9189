import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupFileName, backupPrefix, backupStamp, localBackupFolder, type BackupReason } from './dataFolders';

/** Where automatic backups of a database file go when the user chose no folder: `<db folder>/backups/`. */
export function backupDir(dbPath: string): string {
  return localBackupFolder(dbPath);
}

/** SQLite's online backup: a consistent copy even while the app writes. */
export async function backupTo(sqlite: Database.Database, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  await sqlite.backup(file);
  return file;
}

/**
 * A backup beside the database, named after it and the reason. `keep` prunes the oldest
 * of the same database and reason, so the folder does not grow forever (the backups the
 * user schedules are pruned by their own retention: see modules/backups).
 */
export async function automaticBackup(sqlite: Database.Database, dbPath: string, reason: BackupReason, now: Date, keep = 10): Promise<string> {
  const dir = backupDir(dbPath);
  const file = join(dir, backupFileName(dbPath, reason, now));
  await backupTo(sqlite, file);
  const prefix = `${backupPrefix(dbPath)}${reason}-`;
  const mine = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(join(dir, old), { force: true });
  return file;
}

/** Whether this database (not another one in the same folder) has a daily backup of today's date. */
export function hasBackupToday(dbPath: string, now: Date, dir = backupDir(dbPath)): boolean {
  if (!existsSync(dir)) return false;
  const today = `${backupPrefix(dbPath)}daily-${backupStamp(now).slice(0, 8)}-`;
  return readdirSync(dir).some((f) => f.startsWith(today) && f.endsWith('.db'));
}
