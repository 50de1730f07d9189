import type Database from 'better-sqlite3';
import type { Ctx, ReadSqlite, ReadStatement } from '../api/context';
import { rowObjectsInJs } from './rowObjects';

/** raw connection → its caching stand-in, and back (one cache per connection, however often asked). */
const standIns = new WeakMap<Database.Database, Database.Database>();
const rawOf = new WeakMap<object, Database.Database>();
/** How often a statement had to be compiled (a cache miss), per connection. */
const compiles = new WeakMap<Database.Database, number>();

/**
 * The connection itself for a caching stand-in, the argument otherwise: what per-connection
 * bookkeeping (the after-commit queue) keys on, so a handler that sees the stand-in and the
 * registry that sees the connection find the same entry.
 */
export function connectionOf(sqlite: Database.Database): Database.Database {
  return rawOf.get(sqlite) ?? sqlite;
}

/** How many statements a connection had to compile so far: what the statement-count test reads. */
export function compiledStatements(sqlite: Database.Database): number {
  return compiles.get(connectionOf(sqlite)) ?? 0;
}

/**
 * THE statement cache: each connection's compiled statements by SQL text. Commands reach
 * it through their connection's caching stand-in (cachedConnection), reads and the
 * activity log through preparedOnce, the price decision too: one map per connection, so a
 * text compiled by one is not compiled again by the other. A query's read-only stand-in
 * (api/readOnly.ts) keeps its own map, so each statement it hands out passed its check.
 */
const caches = new WeakMap<object, Map<string, Database.Statement>>();
/** how a cached statement goes back to its plain mode (objects) on reuse, when its rows are built in JavaScript (rowObjects.ts) */
const plainAgain = new WeakMap<Database.Statement, () => void>();

/**
 * Forget a connection's compiled statements, so the next command compiles (and shows) every
 * statement again: what tests that read the statements a command runs need.
 */
export function clearStatementCache(sqlite: Database.Database): void {
  caches.get(connectionOf(sqlite))?.clear();
}

interface Preparer {
  prepare(sql: string): unknown;
}

/**
 * The compiled statement for a SQL text on a connection (or a read-only stand-in),
 * compiled on its first use. Safe because no caller binds a statement for good or
 * iterates one while running the same text again; the sticky modes (pluck, raw, expand)
 * are reset on reuse. The oldest statement goes beyond `max`.
 */
function compiled(owner: Preparer, sql: string, max: number): Database.Statement {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  let stmt = cache.get(sql);
  if (stmt) {
    const plain = plainAgain.get(stmt);
    if (plain) plain();
    else if (stmt.reader) stmt.pluck(false).expand(false).raw(false);
    return stmt;
  }
  stmt = owner.prepare(sql) as Database.Statement;
  const plain = rowObjectsInJs(stmt);
  if (plain) plainAgain.set(stmt, plain);
  const counted = owner as Database.Database;
  compiles.set(counted, (compiles.get(counted) ?? 0) + 1);
  if (cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(sql, stmt);
  return stmt;
}

/**
 * A statement compiled once per connection, for code that holds the connection (or a
 * query's read-only stand-in) rather than a command's caching one: compiling a seven-join
 * SELECT costs about as much as running it on a small answer (0.1–0.2 ms).
 */
export function preparedOnce(db: ReadSqlite, sql: string): ReadStatement {
  return compiled(rawOf.get(db) ?? db, sql, DEFAULT_MAX) as unknown as ReadStatement;
}

const DEFAULT_MAX = 2000;

/**
 * The connection, standing in for itself, whose `prepare` hands back an already compiled
 * statement for a SQL text it has seen: compiling was most of a small command's time
 * (a make-to-order flow prepared some 550 statements per order). One stand-in per
 * connection, kept for the connection's life; asking again (or for a stand-in) gives the
 * same one. Queries that iterate (the CSV exports) do not run through it: the registry
 * gives it to commands.
 */
export function cachedConnection(db: Database.Database, max = DEFAULT_MAX): Database.Database {
  if (rawOf.has(db)) return db;
  const known = standIns.get(db);
  if (known) return known;
  const prepare = (sql: string): Database.Statement => compiled(db, sql, max);
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
