import type Database from 'better-sqlite3';
import type { Ctx } from '../api/context';

/** raw connection → its caching stand-in, and back (one cache per connection, however often asked). */
const standIns = new WeakMap<Database.Database, Database.Database>();
const rawOf = new WeakMap<object, Database.Database>();

/**
 * The connection itself for a caching stand-in, the argument otherwise: what per-connection
 * bookkeeping (the after-commit queue) keys on, so a handler that sees the stand-in and the
 * registry that sees the connection find the same entry.
 */
export function connectionOf(sqlite: Database.Database): Database.Database {
  return rawOf.get(sqlite) ?? sqlite;
}

/** How often a statement had to be compiled (a cache miss), per connection: what the statement-count test reads. */
const compiles = new WeakMap<Database.Database, number>();
export function compiledStatements(sqlite: Database.Database): number {
  return compiles.get(connectionOf(sqlite)) ?? 0;
}

/** Each connection's compiled statements by SQL text. */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Forget a connection's compiled statements, so the next command compiles (and shows) every
 * statement again: what tests that read the statements a command runs need.
 */
export function clearStatementCache(sqlite: Database.Database): void {
  caches.get(connectionOf(sqlite))?.clear();
}

/**
 * The connection, standing in for itself, whose `prepare` hands back an already compiled
 * statement for a SQL text it has seen: compiling was most of a small command's time
 * (a make-to-order flow prepared some 550 statements per order). One cache per connection,
 * kept for the connection's life; asking again (or for a stand-in) gives the same one.
 *
 * Safe because no command binds a statement for good or iterates one while running the
 * same text again; the sticky modes (pluck, raw, expand) are reset on reuse. Queries that
 * iterate (the CSV exports) do not run through it: the registry gives it to commands.
 */
export function cachedConnection(db: Database.Database, max = 2000): Database.Database {
  if (rawOf.has(db)) return db;
  const known = standIns.get(db);
  if (known) return known;
  const cache = new Map<string, Database.Statement>();
  caches.set(db, cache);
  const prepare = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      if (stmt.reader) stmt.pluck(false).expand(false).raw(false);
      return stmt;
    }
    stmt = db.prepare(sql);
    compiles.set(db, (compiles.get(db) ?? 0) + 1);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(sql, stmt);
    return stmt;
  };
  const bound = new Map<PropertyKey, unknown>();
  const sqlite = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return prepare;
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      // bound once: `transaction`, `pragma`… are asked for on every command
      let b = bound.get(prop);
      if (b === undefined) bound.set(prop, (b = (v as (...a: unknown[]) => unknown).bind(target)));
      return b;
    },
  });
  standIns.set(db, sqlite);
  rawOf.set(sqlite, db);
  return sqlite;
}

/** The same context on the connection's statement cache (see cachedConnection). */
export function withStatementCache(ctx: Ctx, max = 2000): Ctx {
  const sqlite = cachedConnection(ctx.sqlite, max);
  return sqlite === ctx.sqlite ? ctx : { ...ctx, sqlite };
}
