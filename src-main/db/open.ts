import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as schema from './schema';
import { applyMigrations, planMigrations } from './migrate';
import { backupDir } from './backup';
import { backupFileName } from './dataFolders';
import { resourcesDir } from './paths';

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
}

/**
 * Opens (creating if needed) a Bottega database file: pragmas for a ledger that must not
 * lose a write, then pending migrations, after a backup of a file that already had data.
 */
export function openDatabase(path: string, opts: { now?: () => Date } = {}): OpenedDb {
  const now = opts.now ?? (() => new Date());
  const isMemory = path === ':memory:';
  const created = isMemory || !existsSync(path);
  if (!isMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    setPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    const migrations = join(resourcesDir(), 'migrations');
    const plan = planMigrations(sqlite, migrations);
    let preMigrationBackup: string | null = null;
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
    throw err;
  }
}
