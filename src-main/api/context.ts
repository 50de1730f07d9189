import type Database from 'better-sqlite3';
import type { BottegaDb } from '../db/open';
import type { AuditDoor } from '../../src-shared/contract/audit';
import type { Caller } from '../../src-shared/contract/accounts';

/** A compiled statement that can only read: no `run`, and no way back to its connection. */
export interface ReadStatement<P extends unknown[] = unknown[], R = unknown> {
  readonly source: string;
  readonly reader: boolean;
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
  pluck(toggle?: boolean): ReadStatement<P, R>;
  raw(toggle?: boolean): ReadStatement<P, R>;
  expand(toggle?: boolean): ReadStatement<P, R>;
  columns(): Database.ColumnDefinition[];
}

/**
 * The connection as a query sees it: statements to read, pragmas to look at (the registry
 * hands a query a stand-in that refuses every statement that could write, api/readOnly.ts,
 * so a pragma that would change the file is refused when prepared), and no transaction,
 * backup or exec.
 */
export interface ReadSqlite {
  readonly open: boolean;
  readonly inTransaction: boolean;
  // the same signature as better-sqlite3's own prepare, so a Database is a ReadSqlite
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  prepare<P extends unknown[] | {} = unknown[], R = unknown>(source: string): P extends unknown[] ? ReadStatement<P, R> : ReadStatement<[P], R>;
  pragma(source: string, options?: Database.PragmaOptions): unknown;
}

/** drizzle as a query sees it: selects and relational queries, no insert/update/delete/run. */
export type ReadDb = Pick<BottegaDb, 'select' | 'selectDistinct' | 'query' | '$count' | 'all' | 'get' | 'values'>;

/**
 * What a query handler gets: the reading half of the connection. The type keeps a query
 * from reaching a write function; the registry's read-only stand-in (api/readOnly.ts)
 * refuses one when it is prepared.
 */
export interface ReadCtx {
  db: ReadDb;
  sqlite: ReadSqlite;
  now: () => Date;
  dbPath: string;
  appVersion: string;
  /** the door the current call came in by, for the activity log ('app' when not said) */
  door?: AuditDoor;
  /** who calls: a logged-in account, or (absent) the local owner — desktop app, CLI, token browser mode */
  caller?: Caller;
}

/** How a door names a call: the door it came in by and who calls (each absent: the app's own). */
export interface Via {
  door?: AuditDoor;
  caller?: Caller;
}

/**
 * What a command handler gets: the whole connection. The clock is passed in so tests are
 * deterministic; ids come from SQLite's own sequences, which are deterministic too on a
 * fresh file. A Ctx is a ReadCtx, so code that only reads takes a ReadCtx and serves both.
 */
export interface Ctx extends ReadCtx {
  db: BottegaDb;
  sqlite: Database.Database;
}
