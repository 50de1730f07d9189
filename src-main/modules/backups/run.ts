/**
 * Making one backup into the backup folder: SQLite's online backup to a `.partial` file,
 * flushed and renamed into place, then opened read-only and checked, its result kept
 * beside it, and the retention applied to this database's scheduled backups.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupEntry } from '../../../src-shared/contract/backups';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { backupFileName, hasFolder, parseBackupFileName, type BackupReason } from '../../db/dataFolders';
import { fsyncFolder } from '../../db/durableFile';
import { planRetention } from './retention';
import { backupFolderOf, readBackupSettings } from './settings';
import { countsOf, quickCheck, readVerification, sidecarOf, verifyBackupFile, writeVerification } from './verify';

/** This database's backups in `folder` (other databases' backups in the same folder are not listed), newest first. */
export function listBackups(dbPath: string, folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const out: BackupEntry[] = [];
  for (const fileName of readdirSync(folder)) {
    const parsed = parseBackupFileName(dbPath, fileName);
    if (!parsed) continue;
    const path = join(folder, fileName);
    out.push({ fileName, path, at: parsed.at.toISOString(), reason: parsed.reason, bytes: statSync(path).size, verification: readVerification(path) });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.fileName.localeCompare(a.fileName));
}

function freeName(folder: string, dbPath: string, reason: BackupReason, now: Date): string {
  const base = backupFileName(dbPath, reason, now);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : base.replace(/\.db$/, `-${n}.db`);
    if (!existsSync(join(folder, name))) return name;
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes the scheduled backups (and their check results) the retention no longer keeps. Manual ones are the user's: never pruned. */
export function applyRetention(ctx: Ctx, folder: string): string[] {
  const s = readBackupSettings(ctx);
  const scheduled = listBackups(ctx.dbPath, folder).filter((b) => b.reason === 'daily' || b.reason === 'quit');
  const { remove } = planRetention(
    scheduled.map((b) => ({ name: b.fileName, at: new Date(b.at), ok: b.verification?.ok === true })),
    s,
  );
  for (const name of remove) {
    rmSync(join(folder, name), { force: true });
    rmSync(sidecarOf(join(folder, name)), { force: true });
  }
  return remove;
}

export async function runBackup(ctx: Ctx, reason: 'daily' | 'quit' | 'manual'): Promise<BackupEntry> {
  if (!hasFolder(ctx.dbPath)) throw new DomainError('VALIDATION', 'An in-memory database has no file to back up');
  const now = ctx.now();
  const folder = backupFolderOf(ctx);
  if (reason !== 'manual') {
    // a damaged database is not copied over the good backups the retention would then rotate away
    const live = await quickCheck(ctx.dbPath);
    if (live !== 'ok') throw new DomainError('CONFLICT', `The database failed its quick check, no backup was made: ${live}`, { integrity: live });
  }
  // a chosen folder is never made: a missing one is a disk not plugged in, and a folder made
  // in its place would put the backups back on the database's own disk
  const chosen = readBackupSettings(ctx).folder !== undefined;
  if (chosen && !existsSync(folder)) throw new DomainError('VALIDATION', `The backup folder ${folder} cannot be reached: is the disk connected?`, { folder });
  try {
    mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new DomainError('VALIDATION', `The backup folder ${folder} cannot be written: ${(err as Error).message}`, { folder });
  }
  const fileName = freeName(folder, ctx.dbPath, reason, now);
  const file = join(folder, fileName);
  const partial = `${file}.partial`;
  try {
    await ctx.sqlite.backup(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new DomainError('VALIDATION', `The backup could not be written to ${folder}: ${(err as Error).message}`, { folder });
  }
  // counted right after the copy finished, before any other request runs: what the copy must hold
  const expected = countsOf(ctx.sqlite);
  fsyncFile(partial);
  renameSync(partial, file);
  fsyncFolder(folder);
  const verification = await verifyBackupFile(file, ctx.now, expected);
  writeVerification(file, verification);
  if (verification.ok) applyRetention(ctx, folder);
  return { fileName, path: file, at: now.toISOString(), reason, bytes: statSync(file).size, verification };
}
