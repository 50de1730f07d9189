import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where automatic backups of a database file go: `<db folder>/backups/`. */
export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/**
 * SQLite's online backup: a consistent copy even while the app writes. `keep` prunes the
 * oldest automatic backups of the same reason, so the folder does not grow forever.
 */
export async function backupTo(sqlite: Database.Database, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  await sqlite.backup(file);
  return file;
}

export async function automaticBackup(
  sqlite: Database.Database,
  dbPath: string,
  reason: 'daily' | 'pre-migration' | 'pre-restore',
  now: Date,
  keep = 10,
): Promise<string> {
  const dir = backupDir(dbPath);
  const prefix = `${basename(dbPath, '.db')}-${reason}-`;
  const file = join(dir, `${prefix}${stamp(now)}.db`);
  await backupTo(sqlite, file);
  const mine = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .sort();
  for (const old of mine.slice(0, Math.max(0, mine.length - keep))) rmSync(join(dir, old), { force: true });
  return file;
}

export function hasBackupToday(dbPath: string, now: Date): boolean {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return false;
  const today = stamp(now).slice(0, 8);
  return readdirSync(dir).some((f) => f.includes(`-daily-${today}`));
}
