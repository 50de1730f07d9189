import type Database from 'better-sqlite3';
import type { BottegaDb } from '../db/open';

/**
 * What every handler gets. The clock is passed in so tests are deterministic; ids come
 * from SQLite's own sequences, which are deterministic too on a fresh file.
 */
export interface Ctx {
  db: BottegaDb;
  sqlite: Database.Database;
  now: () => Date;
  dbPath: string;
  appVersion: string;
}
