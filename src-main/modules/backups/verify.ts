/**
 * The check of a backup after it is written: opened read-only as a database of its own,
 * SQLite's full integrity_check, and the counts of what a user would look for. The result
 * is kept beside the backup (`<file>.json`), so it survives whatever happens to the
 * database itself and can be listed without opening every backup again.
 */
import type Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { backupVerification, type BackupVerification } from '../../../src-shared/contract/backups';
import { writeFileDurably } from '../../db/durableFile';
import { checkDatabaseFile } from './checkWorker';

type Counts = NonNullable<BackupVerification['counts']>;

export function countsOf(db: Database.Database): Counts {
  const n = (statement: string) => (db.prepare(statement).get() as { n: number }).n;
  return { orders: n('SELECT count(*) AS n FROM customer_orders'), lots: n('SELECT count(*) AS n FROM lots'), ddts: n('SELECT count(*) AS n FROM ddts') };
}

/** Opens the file read-only (in a worker) and checks it; never throws (an unreadable file is a failed check). */
export async function verifyBackupFile(file: string, now: () => Date, expected?: Counts): Promise<BackupVerification> {
  const { integrity, counts } = await checkDatabaseFile(file, 'integrity_check', true);
  const checkedAt = now().toISOString();
  if (integrity !== 'ok') return { ok: false, checkedAt, integrity, counts: null };
  if (expected && counts && (counts.orders !== expected.orders || counts.lots !== expected.lots || counts.ddts !== expected.ddts)) {
    return { ok: false, checkedAt, integrity: `counts differ from the database: ${JSON.stringify(counts)} instead of ${JSON.stringify(expected)}`, counts };
  }
  return { ok: true, checkedAt, integrity, counts };
}

export const sidecarOf = (file: string) => `${file}.json`;

export function writeVerification(file: string, v: BackupVerification): void {
  writeFileDurably(sidecarOf(file), Buffer.from(JSON.stringify(v, null, 2)));
}

export function readVerification(file: string): BackupVerification | null {
  const side = sidecarOf(file);
  if (!existsSync(side)) return null;
  try {
    const parsed = backupVerification.safeParse(JSON.parse(readFileSync(side, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * PRAGMA quick_check of the live database (on a connection of its own, in a worker): before
 * a scheduled backup, so a damaged file never rotates good backups away.
 */
export async function quickCheck(dbPath: string): Promise<string> {
  return (await checkDatabaseFile(dbPath, 'quick_check', false)).integrity;
}
