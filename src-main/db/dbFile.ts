/**
 * What a file on disk really is, read from the file itself and never from its name: a
 * Bottega database (which version, how many orders, lots and DDTs), or why not — empty,
 * not SQLite, truncated, damaged, not Bottega's, or written by a newer Bottega. Used to
 * list backups, to check a restore's source, and to refuse opening a damaged live file.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { planMigrations } from './migrate';
import { resourcesDir } from './paths';
import { DomainError } from '../api/domainError';
import { sqliteOptions } from './sqliteBinding';
import { ident, sql } from './sql';

export type DbProblemReason = 'missing' | 'unreadable' | 'empty' | 'not_sqlite' | 'truncated' | 'damaged' | 'not_bottega' | 'too_new';

export interface DbProblem {
  reason: DbProblemReason;
  message: string;
}

export interface DbCounts {
  orders: number;
  lots: number;
  ddts: number;
}

export interface DbFileInfo {
  path: string;
  size: number;
  /** the file's last modification (a backup's date) */
  modifiedAt: string;
  problem: DbProblem | null;
  counts: DbCounts | null;
}

const MAGIC = 'SQLite format 3\0';

/** The header's own account of the file: page size and, when the header vouches for it, the page count. */
function readHeader(path: string): { magic: boolean; pageSize: number; pageCount: number | null } {
  const buf = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, buf, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || buf.toString('latin1', 0, 16) !== MAGIC) return { magic: false, pageSize: 0, pageCount: null };
  const raw = buf.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  // the in-header size is valid only when the change counter matches "version valid for"
  const valid = buf.readUInt32BE(24) === buf.readUInt32BE(92);
  const count = buf.readUInt32BE(28);
  return { magic: true, pageSize, pageCount: valid && count > 0 ? count : null };
}

function problem(reason: DbProblemReason, message: string): DbProblem {
  return { reason, message };
}

function corruptMessage(path: string, err: unknown): DbProblem {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return problem('not_sqlite', `${path} is not a database`);
  return problem('damaged', `${path} is damaged: ${(err as Error).message}`);
}

function tableCount(db: Database.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(sql`SELECT count(*) AS n FROM ${ident(table)}`.text).get() as { n: number }).n : 0;
}

/**
 * A connection that only reads. Opened read-write when the folder allows it, because a
 * read-only connection to a WAL-mode file leaves -wal/-shm files behind it (only a
 * read-write one may remove them at close); read-only on a read-only folder or disk.
 * Callers never write through it.
 */
export function openForReading(path: string): Database.Database {
  try {
    return new Database(path, sqliteOptions({ fileMustExist: true }));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw err;
    return new Database(path, sqliteOptions({ readonly: true, fileMustExist: true }));
  }
}

/** Problems SQLite itself finds in every page (`integrity_check`) or quickly (`quick_check`); [] when it holds. */
export function sqliteProblems(db: Database.Database, kind: 'integrity_check' | 'quick_check'): string[] {
  return (db.pragma(`${kind}(20)`) as Record<string, string>[]).map((r) => Object.values(r)[0] ?? '').filter((m) => m !== 'ok');
}

/**
 * What the file system and the 100-byte header say, without opening SQLite: missing,
 * empty, not SQLite, or shorter than its header's page count (truncated).
 */
export function fileProblem(path: string): { size: number; modifiedAt: string; problem: DbProblem | null } {
  let size = 0;
  let modifiedAt = '';
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
    modifiedAt = st.mtime.toISOString();
  } catch {
    return { size, modifiedAt, problem: problem('missing', `No file at ${path}`) };
  }
  const out = (p: DbProblem | null) => ({ size, modifiedAt, problem: p });
  if (size === 0) return out(problem('empty', `${path} is empty (0 bytes)`));
  let header: ReturnType<typeof readHeader>;
  try {
    header = readHeader(path);
  } catch (err) {
    return out(problem('unreadable', `${path} cannot be read: ${(err as Error).message}`));
  }
  if (!header.magic) return out(problem('not_sqlite', `${path} is not a database`));
  if (header.pageCount !== null && size < header.pageCount * header.pageSize) {
    const missing = header.pageCount * header.pageSize - size;
    return out(problem('truncated', `${path} is truncated: ${missing} bytes are missing at its end`));
  }
  return out(null);
}

/**
 * Reads a file as a Bottega database. `deep` runs SQLite's integrity_check on every page
 * (seconds on a large file: for a restore's source); without it, the header, the schema
 * and the counts (for a list of backups).
 */
export function inspectDbFile(path: string, opts: { deep?: boolean } = {}): DbFileInfo {
  const first = fileProblem(path);
  const info = (p: DbProblem | null, counts: DbCounts | null = null): DbFileInfo => ({ path, size: first.size, modifiedAt: first.modifiedAt, problem: p, counts });
  if (first.problem) return info(first.problem);
  let db: Database.Database;
  try {
    db = openForReading(path);
  } catch (err) {
    return info(corruptMessage(path, err));
  }
  try {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'items')")
      .get() as { n: number };
    if (tables.n !== 2) return info(problem('not_bottega', `${path} is not a Bottega database`));
    try {
      planMigrations(db, join(resourcesDir(), 'migrations'));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'DB_TOO_NEW') return info(problem('too_new', `${path} was written by a newer version of Bottega`));
      throw err;
    }
    if (opts.deep) {
      const found = sqliteProblems(db, 'integrity_check');
      if (found.length > 0) return info(problem('damaged', `${path} is damaged: ${found.slice(0, 3).join('; ')}`));
    }
    return info(null, { orders: tableCount(db, 'customer_orders'), lots: tableCount(db, 'lots'), ddts: tableCount(db, 'ddts') });
  } catch (err) {
    return info(corruptMessage(path, err));
  } finally {
    db.close();
  }
}

/** The error a refused file gives (the code a door and the CLI's exit code branch on). */
export function problemError(p: DbProblem, details: Record<string, unknown> = {}): DomainError {
  const code = p.reason === 'too_new' ? 'DB_TOO_NEW' : p.reason === 'missing' ? 'NOT_FOUND' : p.reason === 'not_sqlite' || p.reason === 'not_bottega' ? 'VALIDATION' : 'DB_DAMAGED';
  return new DomainError(code, p.message, { reason: p.reason, ...details });
}
