import type Database from 'better-sqlite3';

/**
 * Runs a query's handler with the connection refusing writes (`PRAGMA query_only`), so a
 * query that tried to write would fail instead of changing the file. Same connection, not
 * a second read-only one: a query must see what the command around it (the demo, the CLI)
 * has written and not yet committed, `:memory:` databases have no second connection, and
 * the handlers' per-connection caches (plan, statements) stay one. The two pragmas are
 * compiled once per connection; nested queries leave the outer one's setting alone.
 *
 * A handler that returns a promise (a PDF) is guarded while it runs synchronously, which is
 * where every document handler reads; what it does after an await is guarded by its type.
 */
const toggles = new WeakMap<Database.Database, { on: Database.Statement; off: Database.Statement; depth: number }>();

export function runReadOnly<T>(sqlite: Database.Database, fn: () => T): T {
  let t = toggles.get(sqlite);
  if (!t) {
    t = { on: sqlite.prepare('PRAGMA query_only = 1'), off: sqlite.prepare('PRAGMA query_only = 0'), depth: 0 };
    toggles.set(sqlite, t);
  }
  if (t.depth++ === 0) t.on.run();
  try {
    return fn();
  } finally {
    if (--t.depth === 0) t.off.run();
  }
}
