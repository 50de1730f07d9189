import Database from 'better-sqlite3';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BottegaApp } from '../api/app';
import { createApp } from '../api/app';
import { automaticBackup, backupDir, backupTo } from '../db/backup';
import { fail } from '../api/envelope';
import { backupFileName } from '../db/dataFolders';

export async function backupCommand(app: BottegaApp, dbPath: string, file: string | undefined, json: boolean, out: (s: string) => void): Promise<number> {
  const target = file ?? join(backupDir(dbPath), backupFileName(dbPath, 'manual', new Date()));
  await backupTo(app.ctx.sqlite, target);
  out(json ? JSON.stringify({ backup: target }) : `Backup written: ${target}`);
  return 0;
}

/** A file is a Bottega database when it opens as SQLite and has our migrations table and items. */
function looksLikeBottega(file: string): string | null {
  if (!existsSync(file)) return `No file at ${file}`;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const t = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table' AND name IN ('__drizzle_migrations','items')").get() as { n: number };
      return t.n === 2 ? null : `${file} is not a Bottega database`;
    } finally {
      db.close();
    }
  } catch {
    return `${file} is not a SQLite database`;
  }
}

/**
 * Replaces the database with a backup. The current file is backed up first, so a
 * restore of the wrong file can itself be undone.
 */
export async function restoreCommand(dbPath: string, file: string, json: boolean, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const problem = looksLikeBottega(file);
  if (problem) {
    err(JSON.stringify(fail('VALIDATION', problem, { file })));
    return 2;
  }
  let safety: string | null = null;
  if (existsSync(dbPath)) {
    const current = createApp(dbPath);
    safety = await automaticBackup(current.ctx.sqlite, dbPath, 'pre-restore', new Date());
    current.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  copyFileSync(file, dbPath);
  // opening migrates a backup made by an older version (and refuses one from a newer)
  try {
    createApp(dbPath).close();
  } catch (e) {
    if (safety) copyFileSync(safety, dbPath);
    err(JSON.stringify(fail('DB_TOO_NEW', (e as Error).message)));
    return 1;
  }
  out(json ? JSON.stringify({ restored: file, previous: safety }) : `Restored ${file}${safety ? ` (previous database saved as ${safety})` : ''}`);
  return 0;
}
