/**
 * Every backup a damaged or lost database could come back from: any `*.db` in the
 * database's `backups/` folder (and its sub-folders one level down) and in the folder the
 * user chose in Settings → Backups (`settings.backups.folder`). Each file is read, not
 * trusted by its name: its date, size, and whether it is a good Bottega database.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupDir } from './backup';
import { inspectDbFile, openForReading, type DbFileInfo } from './dbFile';

/** The user's backup folder from the settings, read straight from the file (it may be too damaged for the app to open). */
export function userBackupFolder(dbPath: string): string | null {
  if (!existsSync(dbPath)) return null;
  try {
    const db = openForReading(dbPath);
    try {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'backups'").get() as { value: string } | undefined;
      const folder = row ? (JSON.parse(row.value) as { folder?: unknown }).folder : undefined;
      return typeof folder === 'string' && folder !== '' ? folder : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

function dbFilesIn(folder: string, depth: number): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    const path = join(folder, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (isDir && depth > 0) out.push(...dbFilesIn(path, depth - 1));
    else if (!isDir && name.endsWith('.db')) out.push(path);
  }
  return out;
}

export interface BackupsFound {
  folders: string[];
  backups: DbFileInfo[];
}

/** Newest first; the live file itself is never listed. */
export function findBackups(dbPath: string, extraFolders: string[] = []): BackupsFound {
  const live = resolve(dbPath);
  const user = userBackupFolder(dbPath);
  const folders = [...new Set([backupDir(dbPath), ...(user ? [user] : []), ...extraFolders].map((f) => resolve(f)))];
  const files = new Set<string>();
  for (const f of folders) for (const file of dbFilesIn(f, 1)) if (resolve(file) !== live) files.add(resolve(file));
  const backups = [...files].map((f) => inspectDbFile(f)).sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  return { folders, backups };
}

/** The newest good backups, as lines a person reads in an error message or the terminal. */
export function newestGoodBackups(found: BackupsFound, n = 3): DbFileInfo[] {
  return found.backups.filter((b) => b.problem === null).slice(0, n);
}

export function describeBackup(b: DbFileInfo): string {
  const mb = (b.size / (1024 * 1024)).toFixed(1);
  const counts = b.counts ? `, ${b.counts.orders} orders, ${b.counts.lots} lots, ${b.counts.ddts} DDTs` : '';
  return `${b.path} (${b.modifiedAt.slice(0, 16).replace('T', ' ')}, ${mb} MB${counts})`;
}
