import type Database from 'better-sqlite3';
import type { Ctx } from '../../api/context';
import { withStatementCache } from '../../demo/statementCache';

const cached = new WeakMap<Database.Database, Ctx['sqlite']>();

/**
 * The same context, whose statements stay compiled from one confirmation to the next:
 * a 10-line confirmation runs some 130 statements (most in inventory's ledger functions),
 * and compiling them each time was a third of its time. The cache is the demo
 * generator's (same safety argument: nothing iterates a statement while reusing its text).
 */
export function compiledCtx(ctx: Ctx): Ctx {
  let sqlite = cached.get(ctx.sqlite);
  if (!sqlite) {
    sqlite = withStatementCache(ctx, 500).sqlite;
    cached.set(ctx.sqlite, sqlite);
  }
  return { ...ctx, sqlite };
}
