import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema';
import { applyMigrations, planMigrations } from './migrate';
import { backupDir } from './backup';
import { backupFileName } from './dataFolders';
import { resourcesDir } from './paths';
import { sqliteOptions } from './sqliteBinding';
import { fileProblem, problemError, type DbProblem } from './dbFile';
import { describeBackup, findBackups, newestGoodBackups } from './backupsFound';

export type BottegaDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDb {
  path: string;
  sqlite: Database.Database;
  db: BottegaDb;
  /** true when the file did not exist before this open */
  created: boolean;
  /** the backup taken before migrating, if one was needed */
  preMigrationBackup: string | null;
}

/** The pragmas of every read-write connection to a Bottega file (the app's, and an import worker's). */
export function setPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
  // A checkpoint copies each page the log holds once, however often it was rewritten: the
  // flow rewrites the same leaves order after order (a lot's index entries, the activity
  // log's right edge), so at SQLite's 1,000 frames a make-to-order flow's checkpoints copied
  // 57 pages per order, at 4,000 frames 23 — and synced the database file a quarter as
  // often. 4,000 frames (16 MiB) still fit the wal-index's first hash block (4,062 frames),
  // so a read looks a page up in the log no slower. Durability is unchanged: every commit
  // still syncs the log (synchronous = FULL).
  sqlite.pragma('wal_autocheckpoint = 4000');
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** DB_DAMAGED for the live file, naming the newest good backups so the person knows the way back. */
export function damagedError(path: string, p: DbProblem): Error {
  const good = newestGoodBackups(findBackups(path));
  const hint = good.length > 0 ? ` Newest good backups: ${good.map(describeBackup).join('; ')}.` : ' No good backup was found beside it.';
  return problemError({ reason: 'damaged', message: `${p.message}.${hint}` }, {
    dbPath: path,
    problem: p.reason,
    backups: good.map((b) => ({ path: b.path, modifiedAt: b.modifiedAt, size: b.size })),
  });
}

/**
 * An existing file that is empty or not SQLite is never turned into a new database (a
 * crash in the middle of a copy leaves exactly that, and the data is then in a backup).
 * Only a missing file is created. (A file whose WAL holds its pages is left to SQLite.)
 */
function refuseUnusable(path: string): void {
  const walHoldsPages = sizeOf(`${path}-wal`) > 0;
  if (sizeOf(path) === 0 && walHoldsPages) return;
  const p = fileProblem(path).problem;
  if (!p || p.reason === 'missing') return;
  // a checkpoint cut short may leave the header ahead of the file's end; the WAL still holds those pages
  if (p.reason === 'truncated' && walHoldsPages) return;
  throw damagedError(path, p);
}

function isCorrupt(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

/**
 * Opens (creating if needed) a Bottega database file: pragmas for a ledger that must not
 * lose a write, then pending migrations, after a backup of a file that already had data.
 */
export function openDatabase(path: string, opts: { now?: () => Date; beforeMigrate?: () => void } = {}): OpenedDb {
  const now = opts.now ?? (() => new Date());
  const isMemory = path === ':memory:';
  const created = isMemory || !existsSync(path);
  if (!isMemory) mkdirSync(dirname(path), { recursive: true });
  if (!created) refuseUnusable(path);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, sqliteOptions());
  } catch (err) {
    if (isCorrupt(err)) throw damagedError(path, { reason: 'damaged', message: `${path} is damaged: ${(err as Error).message}` });
    throw err;
  }
  try {
    setPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    const migrations = join(resourcesDir(), 'migrations');
    const plan = planMigrations(sqlite, migrations);
    let preMigrationBackup: string | null = null;
    if (plan.pending > 0) opts.beforeMigrate?.();
    if (plan.pending > 0 && !created) {
      preMigrationBackup = join(backupDir(path), backupFileName(path, 'pre-migration', now()));
      mkdirSync(dirname(preMigrationBackup), { recursive: true });
      // VACUUM INTO is synchronous and consistent: nothing else has the file open yet.
      sqlite.prepare('VACUUM INTO ?').run(preMigrationBackup);
    }
    if (plan.pending > 0) applyMigrations(db, migrations);
    return { path, sqlite, db, created, preMigrationBackup };
  } catch (err) {
    sqlite.close();
    if (isCorrupt(err)) throw damagedError(path, { reason: 'damaged', message: `${path} is damaged: ${(err as Error).message}` });
    throw err;
  }
}
