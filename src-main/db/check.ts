import type { Ctx } from '../api/context';
import { inventoryInvariants } from '../modules/inventory/invariants';
import { purchasingInvariants } from '../modules/purchasing/invariants';
import { shippingInvariants } from '../modules/shipping/invariants';
import { traceInvariants } from '../modules/trace/invariants';

export interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
}
export interface CheckReport {
  ok: boolean;
  checks: CheckResult[];
}

/** One invariant: a name and a function listing what breaks it (empty: holds). */
export interface CheckOptions {
  /** also cross-check every index against its table (SQLite's integrity_check) */
  full?: boolean;
}

export interface Invariant {
  name: string;
  problems: (ctx: Ctx, opts: CheckOptions) => string[];
}

const sqliteInvariants: Invariant[] = [
  {
    // quick_check proves every page and row is well formed without cross-checking each
    // index against its table, which alone is most of a full check on ten years of
    // history (about 20 s of 28); `bottega check --full` runs integrity_check.
    name: 'sqlite.integrity',
    problems: (ctx, opts) =>
      (ctx.sqlite.pragma(opts.full ? 'integrity_check' : 'quick_check') as Record<string, string>[])
        .map((r) => Object.values(r)[0] ?? '')
        .filter((m) => m !== 'ok'),
  },
  {
    name: 'sqlite.foreign_keys',
    problems: (ctx) =>
      (ctx.sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
        (r) => `${r.table} row ${r.rowid} points at a missing ${r.parent}`,
      ),
  },
];

const catalogInvariants: Invariant[] = [
  {
    name: 'catalog.one_active_recipe',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare('SELECT item_id AS id, count(*) AS n FROM recipes WHERE active = 1 GROUP BY item_id HAVING n > 1')
          .all() as { id: number; n: number }[]
      ).map((r) => `item ${r.id} has ${r.n} active recipes`),
  },
  {
    name: 'catalog.integer_quantities',
    problems: (ctx) =>
      (
        ctx.sqlite
          .prepare(
            `SELECT 'recipe_components' AS t, id FROM recipe_components WHERE typeof(qty_milli) <> 'integer' OR qty_milli <= 0
             UNION ALL SELECT 'recipes', id FROM recipes WHERE typeof(yield_milli) <> 'integer' OR yield_milli <= 0`,
          )
          .all() as { t: string; id: number }[]
      ).map((r) => `${r.t} ${r.id} has a quantity that is not a positive integer`),
  },
];

/** Every module adds its invariants here (the inventory ledger's come with inventory). */
export const invariants: Invariant[] = [
  ...sqliteInvariants,
  ...catalogInvariants,
  ...inventoryInvariants,
  ...purchasingInvariants,
  ...shippingInvariants,
  ...traceInvariants,
];

export function runCheck(ctx: Ctx, list: Invariant[] = invariants, opts: CheckOptions = {}): CheckReport {
  const checks = list.map((inv) => {
    let problems: string[];
    try {
      problems = inv.problems(ctx, opts);
    } catch (err) {
      // a damaged page makes SQLite throw mid-query: that is a failed check, not a crash
      problems = [`cannot be checked: ${(err as Error).message}`];
    }
    return { name: inv.name, ok: problems.length === 0, problems };
  });
  return { ok: checks.every((c) => c.ok), checks };
}
