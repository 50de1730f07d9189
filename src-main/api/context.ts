import type Database from 'better-sqlite3';
import type { BottegaDb } from '../db/open';
import type { AuditDoor } from '../../src-shared/contract/audit';

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
  /** the door the current call came in by, for the activity log ('app' when not said) */
  door?: AuditDoor;
}
