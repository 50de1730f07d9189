import { join } from 'node:path';
import type { BottegaApp } from '../api/app';
import { createApp } from '../api/app';
import { backupDir, backupTo } from '../db/backup';
import { errorToEnvelope } from '../api/envelope';
import { restoreDatabase, type RestoreResult } from '../db/restore';
import { describeBackup, findBackups } from '../db/backupsFound';
import { backupFileName } from '../db/dataFolders';

export async function backupCommand(app: BottegaApp, dbPath: string, file: string | undefined, json: boolean, out: (s: string) => void): Promise<number> {
  const target = file ?? join(backupDir(dbPath), backupFileName(dbPath, 'manual', new Date()));
  await backupTo(app.ctx.sqlite, target);
  out(json ? JSON.stringify({ backup: target }) : `Backup written: ${target}`);
  return 0;
}

/** An envelope on stderr; for a damaged database also, in plain words, the backups to restore from. */
export function reportOpenError(e: unknown, dbPath: string, err: (s: string) => void, listBackups = true): number {
  const env = errorToEnvelope(e);
  err(JSON.stringify(env));
  if (listBackups && !env.ok && env.error.code === 'DB_DAMAGED') {
    const found = findBackups(dbPath);
    const good = found.backups.filter((b) => b.problem === null);
    if (good.length === 0) err(`No good backup found in ${found.folders.join(', ')}.`);
    else {
      err('Backups found (newest first); restore one with: bottega restore FILE');
      for (const b of good.slice(0, 10)) err(`  ${describeBackup(b)}`);
    }
  }
  return env.ok ? 0 : env.error.code === 'VALIDATION' || env.error.code === 'NOT_FOUND' ? 2 : 1;
}

/**
 * Replaces the database with a backup, atomically (db/restore.ts): refused while another
 * Bottega has the file open, or when the backup is damaged, truncated, from a newer
 * Bottega or not a Bottega database — the live file is then left exactly as it was.
 */
export function restoreCommand(dbPath: string, file: string, json: boolean, out: (s: string) => void, err: (s: string) => void): number {
  let result: RestoreResult;
  try {
    result = restoreDatabase(dbPath, file);
  } catch (e) {
    // a refusal is about the backup given, not the live file: no list of backups here
    return reportOpenError(e, dbPath, err, false);
  }
  // opening migrates a backup made by an older version
  try {
    createApp(dbPath, { program: 'restore' }).close();
  } catch (e) {
    if (result.previous) restoreDatabase(dbPath, result.previous);
    return reportOpenError(e, dbPath, err);
  }
  const { previous } = result;
  out(json ? JSON.stringify({ restored: file, previous, counts: result.source.counts }) : `Restored ${file}${previous ? ` (previous database saved as ${previous})` : ''}`);
  return 0;
}
