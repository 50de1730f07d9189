/**
 * One writer process per database file. SQLite alone lets two processes write the same
 * file (each transaction is safe, but a restore or a migration under another process's
 * feet is not), so every process that writes — the desktop app, `serve`, a writing CLI
 * command, `restore` — holds `<file>.lock`: a small JSON file with the pid, the start
 * time and the program. It is created atomically (written aside, then hard-linked into
 * place, which fails when the lock exists), released on close and at exit, and a lock
 * whose pid is dead (a kill -9, a power cut) is taken over.
 *
 * Inside one process the lock is counted, not refused: tests open several apps on the
 * same file, and an in-app restore takes it again while the app holds it.
 */
import { hostname } from 'node:os';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError } from '../api/domainError';

export type LockProgram = 'app' | 'serve' | 'cli' | 'restore';

export interface LockInfo {
  pid: number;
  since: string;
  program: LockProgram | string;
  host: string;
}

export interface DbLock {
  path: string;
  release(): void;
}

const held = new Map<string, { count: number; lockFile: string }>();

export function lockFileOf(dbPath: string): string {
  return `${dbPath}.lock`;
}

export function readLock(dbPath: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockFileOf(dbPath), 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return null;
    return { pid: info.pid, since: String(info.since ?? ''), program: String(info.program ?? 'Bottega'), host: String(info.host ?? '') };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock of another live process on this file, or null (none, ours, or stale). */
export function otherHolder(dbPath: string): LockInfo | null {
  const info = readLock(resolve(dbPath));
  if (!info || info.pid === process.pid) return null;
  // on a shared folder a lock of another computer cannot be checked: it counts as alive
  if (info.host && info.host !== hostname()) return info;
  return alive(info.pid) ? info : null;
}

export function lockedMessage(info: LockInfo): string {
  const where = info.host && info.host !== hostname() ? ` on ${info.host}` : '';
  return `The database is open in Bottega (pid ${info.pid}${where}, since ${info.since}, ${info.program}): close it there first.`;
}

export function lockedError(dbPath: string, info: LockInfo): DomainError {
  return new DomainError('DB_LOCKED', lockedMessage(info), { dbPath, pid: info.pid, since: info.since, program: info.program, host: info.host });
}

/** Throws DB_LOCKED when another live process holds the file. */
export function refuseIfLocked(dbPath: string): void {
  const other = otherHolder(dbPath);
  if (other) throw lockedError(dbPath, other);
}

function tryCreate(lockFile: string, program: LockProgram): boolean {
  const aside = `${lockFile}.${process.pid}.tmp`;
  const info: LockInfo = { pid: process.pid, since: new Date().toISOString(), program, host: hostname() };
  // the lock is taken before the database is opened, so its folder may not exist yet
  mkdirSync(dirname(lockFile), { recursive: true });
  writeFileSync(aside, JSON.stringify(info));
  try {
    linkSync(aside, lockFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(aside, { force: true });
  }
}

let exitHookInstalled = false;
function releaseAllAtExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const { lockFile } of held.values()) {
      if (readLock(lockFile.slice(0, -'.lock'.length))?.pid === process.pid) rmSync(lockFile, { force: true });
    }
    held.clear();
  });
}

/** Takes (or counts again) the write lock on a database file; throws DB_LOCKED when another live process holds it. */
export function acquireLock(dbPath: string, program: LockProgram): DbLock {
  const path = resolve(dbPath);
  const lockFile = lockFileOf(path);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
  } else {
    for (let attempt = 0; ; attempt++) {
      if (tryCreate(lockFile, program)) break;
      const info = readLock(path);
      if (info && info.pid === process.pid) break; // left by this process (a lock file outlived its count)
      const other = otherHolder(path);
      if (other) throw lockedError(dbPath, other);
      if (attempt >= 3) throw new DomainError('DB_LOCKED', `The lock file ${lockFile} cannot be taken over; remove it if no Bottega is running.`, { dbPath });
      // stale: its process is gone (or the file is unreadable half-written junk) — take it over
      rmSync(lockFile, { force: true });
    }
    held.set(path, { count: 1, lockFile });
    releaseAllAtExit();
  }
  let released = false;
  return {
    path,
    release: () => {
      if (released) return;
      released = true;
      const entry = held.get(path);
      if (!entry) return;
      entry.count--;
      if (entry.count > 0) return;
      held.delete(path);
      if (readLock(path)?.pid === process.pid) rmSync(lockFile, { force: true });
    },
  };
}
