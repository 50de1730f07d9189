/**
 * Where one database's files go. Several databases may share a folder (a test copy beside
 * the real one, two workshops on one PC): everything a database writes outside its own
 * file — saved documents, backups — carries its name, so one never overwrites the other's.
 * Every module asks here; nobody else joins `documents` or `backups` onto a path.
 *
 *   <folder>/shop.db
 *   <folder>/documents/shop/DDT/DDT-2026-00087.pdf
 *   <folder>/documents/shop/emails/…
 *   <folder>/backups/shop-daily-20261204-123000.db   (unless the user chose a backup folder)
 */
import { basename, dirname, join } from 'node:path';

export type DocumentKind = 'DDT' | 'emails';

/** `shop` for `/x/shop.db`: the name a database's documents and backups carry. */
export function databaseName(dbPath: string): string {
  const name = basename(dbPath).replace(/\.(db|sqlite3?)$/i, '');
  return name.replace(/[^\w.-]+/g, '-') || 'bottega';
}

/** A database that lives only in memory has no folder: its documents are not saved. */
export function hasFolder(dbPath: string): boolean {
  return dbPath !== ':memory:' && dbPath !== '';
}

/** `documents/<db name>/<kind>` beside the database file; null for an in-memory database. */
export function documentsFolder(dbPath: string, kind: DocumentKind): string | null {
  if (!hasFolder(dbPath)) return null;
  return join(dirname(dbPath), 'documents', databaseName(dbPath), kind);
}

/** Before databases had their own folders: `documents/<kind>` shared by every database beside it. */
export function legacyDocumentsFolder(dbPath: string, kind: DocumentKind): string {
  return join(dirname(dbPath), 'documents', kind);
}

/** The backups folder used when the user has not chosen one: `backups/` beside the database. */
export function localBackupFolder(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** Every backup of this database starts with this: `shop-`. */
export function backupPrefix(dbPath: string): string {
  return `${databaseName(dbPath)}-`;
}

export type BackupReason = 'daily' | 'quit' | 'manual' | 'pre-migration' | 'pre-restore';

/** `20261204-123000`: sorts as time does; local time, as the user reads it. */
export function backupStamp(at: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

/** `shop-daily-20261204-123000.db` */
export function backupFileName(dbPath: string, reason: BackupReason, at: Date): string {
  return `${backupPrefix(dbPath)}${reason}-${backupStamp(at)}.db`;
}

/** Reads back what backupFileName wrote; null for a file of another database or not a backup. */
export function parseBackupFileName(dbPath: string, fileName: string): { reason: BackupReason; at: Date } | null {
  const prefix = backupPrefix(dbPath);
  if (!fileName.startsWith(prefix)) return null;
  const m = /^(daily|quit|manual|pre-migration|pre-restore)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.db$/.exec(fileName.slice(prefix.length));
  if (!m) return null;
  const [, reason, y, mo, d, h, mi, s] = m;
  return { reason: reason as BackupReason, at: new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) };
}
