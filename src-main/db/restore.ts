/**
 * Replacing the live database with a backup so that a crash at any instant leaves either
 * the old file or the new one, never an empty or half-copied one:
 *
 *   1. refuse while another Bottega process holds the file (db/lock.ts);
 *   2. read the source whole: SQLite's integrity_check, our schema, not from a newer
 *      Bottega — any refusal happens before the live file is touched;
 *   3. keep the current file aside in backups/ (pre-restore), so a wrong restore can be undone;
 *   4. copy the source to a temporary file beside the target, fsync it, check it again;
 *   5. remove the target's -wal/-shm (the target was checkpointed in 3, they hold nothing),
 *      rename the temporary file over the target, fsync the folder (not on Windows).
 *
 * Synchronous on purpose: inside the app nothing else runs on the connection meanwhile.
 * Pure file logic: the CLI (`bottega restore`) and the app (system.restore) both use it.
 */
import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../api/domainError';
import { backupDir } from './backup';
import { inspectDbFile, openForReading, problemError, sqliteProblems, type DbFileInfo } from './dbFile';
import { acquireLock } from './lock';
import { sqliteOptions } from './sqliteBinding';

export interface RestoreResult {
  restored: string;
  /** where the file that was live before now is (null: there was none, or it was empty) */
  previous: string | null;
  source: DbFileInfo;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is durable only once its folder is synced; Windows cannot open a folder for that. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** The source, read whole; throws the refusal (DB_DAMAGED, DB_TOO_NEW, VALIDATION, NOT_FOUND) with a clear message. */
export function checkRestoreSource(source: string): DbFileInfo {
  const info = inspectDbFile(source, { deep: true });
  if (info.problem) throw problemError(info.problem, { file: source });
  return info;
}

/**
 * Copies the live file into backups/ before it is replaced. A readable file is copied
 * through SQLite (consistent, its WAL folded in, checkpointed so its -wal is empty after);
 * a damaged one byte for byte with its -wal, named `-damaged`, for whoever wants to dig.
 */
function keepAside(target: string, now: Date): string | null {
  const size = existsSync(target) ? statSync(target).size : 0;
  const walSize = existsSync(`${target}-wal`) ? statSync(`${target}-wal`).size : 0;
  if (size === 0 && walSize === 0) return null;
  const dir = backupDir(target);
  mkdirSync(dir, { recursive: true });
  const name = basename(target, '.db');
  const aside = join(dir, `${name}-pre-restore-${stamp(now)}.db`);
  try {
    const live = new Database(target, sqliteOptions({ fileMustExist: true }));
    try {
      live.pragma('wal_checkpoint(TRUNCATE)');
      rmSync(aside, { force: true });
      live.prepare('VACUUM INTO ?').run(aside);
    } finally {
      live.close();
    }
    fsyncPath(aside);
    return aside;
  } catch {
    rmSync(aside, { force: true });
    const raw = join(dir, `${name}-pre-restore-${stamp(now)}-damaged.db`);
    if (size > 0) copyFileSync(target, raw);
    if (walSize > 0) copyFileSync(`${target}-wal`, `${raw}-wal`);
    for (const f of [raw, `${raw}-wal`]) if (existsSync(f)) fsyncPath(f);
    return existsSync(raw) ? raw : null;
  }
}

/** Restores `source` over `target` (see the top of this file). Throws DomainError refusals; the live file is then untouched. */
export function restoreDatabase(target: string, source: string, opts: { now?: Date } = {}): RestoreResult {
  if (resolve(source) === resolve(target)) {
    throw new DomainError('VALIDATION', 'The backup to restore is the database itself: choose another file.', { file: source });
  }
  // a first restore on a new computer: the database's folder may not exist yet
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const lock = acquireLock(target, 'restore');
  const tmp = `${target}.restoring`;
  try {
    const info = checkRestoreSource(source);
    const previous = keepAside(target, opts.now ?? new Date());

    rmSync(tmp, { force: true });
    const src = openForReading(source);
    try {
      // VACUUM INTO writes a consistent copy (the source's own WAL included) into a new file
      src.prepare('VACUUM INTO ?').run(tmp);
    } finally {
      src.close();
    }
    fsyncPath(tmp);
    const copy = new Database(tmp, sqliteOptions({ readonly: true, fileMustExist: true }));
    let problems: string[];
    try {
      problems = sqliteProblems(copy, 'quick_check');
    } finally {
      copy.close();
    }
    if (problems.length > 0) {
      throw new DomainError('DB_DAMAGED', `The copy of ${source} did not check out (${problems[0]}): the disk may be failing. Nothing was changed.`, { file: source, reason: 'damaged' });
    }

    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(tmp, target);
    fsyncDir(dirname(resolve(target)));
    return { restored: source, previous, source: info };
  } finally {
    rmSync(tmp, { force: true });
    lock.release();
  }
}
