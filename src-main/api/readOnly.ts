import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../db/schema';
import type { Ctx } from './context';

/**
 * The connection as a query runs on it: every statement it prepares (through `prepare`,
 * `pragma` or drizzle) is refused unless SQLite says it cannot write
 * (`sqlite3_stmt_readonly`, better-sqlite3's `statement.readonly`), so a query that tried
 * to write fails instead of changing the file. Same connection, not a second read-only
 * one: a query must see what the command around it (the demo, the CLI) has written and
 * not yet committed, `:memory:` databases have no second connection, and the handlers'
 * per-connection caches (plan, statements) stay one.
 *
 * Not `PRAGMA query_only` switched on and off around each query, as before: setting a
 * flag pragma expires every compiled statement of the connection (SQLite's OP_Expire), so
 * each query recompiled all its statements — and every command's cached ones — on its next
 * run; on a warm backward trace that was a third of the time. The check here runs once
 * per compiled statement: statements kept by preparedOnce are checked once for good.
 *
 * One stand-in per connection (stable, so per-connection caches keyed on it hit). A
 * handler that returns a promise (a PDF) keeps the stand-in after its awaits too.
 */
const standIns = new WeakMap<Database.Database, Ctx['sqlite']>();
const drizzles = new WeakMap<Database.Database, Ctx['db']>();
const writerOf = new WeakMap<object, Database.Database>();

/**
 * The connection under a read-only stand-in (the argument when it is not one): what a
 * per-connection cache keys on so a query and a command share one entry.
 */
export function connectionUnder(sqlite: Ctx['sqlite'] | object): Database.Database {
  return writerOf.get(sqlite) ?? (sqlite as Database.Database);
}

function refuse(sql: string): never {
  throw new Error(`attempt to write a readonly database: a query may only read (${sql.slice(0, 120)})`);
}

/** The connection refusing, at prepare time, any statement that could write. */
export function readOnlyConnection(db: Database.Database): Ctx['sqlite'] {
  const known = standIns.get(db);
  if (known) return known;
  const prepare = (sql: string): Database.Statement => {
    const stmt = db.prepare(sql);
    if (!stmt.readonly) refuse(sql);
    return stmt;
  };
  // better-sqlite3's own pragma() compiles below `prepare`: the same check, then its answer shapes
  const pragma = (source: string, options?: Database.PragmaOptions): unknown => {
    const stmt = prepare(`PRAGMA ${source}`);
    return options?.simple ? stmt.pluck().get() : stmt.all();
  };
  const bound = new Map<PropertyKey, unknown>();
  const sqlite = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      if (prop === 'pragma') return pragma;
      if (prop === 'exec') return refuse;
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      let b = bound.get(prop);
      if (b === undefined) bound.set(prop, (b = (v as (...a: unknown[]) => unknown).bind(target)));
      return b;
    },
  });
  standIns.set(db, sqlite);
  writerOf.set(sqlite, db);
  return sqlite;
}

/** The context a query's handler gets: its connection and drizzle both on the read-only stand-in. */
export function readOnlyCtx(ctx: Ctx): Ctx {
  const sqlite = readOnlyConnection(ctx.sqlite);
  let db = drizzles.get(ctx.sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema });
    drizzles.set(ctx.sqlite, db);
  }
  return { ...ctx, sqlite, db };
}
