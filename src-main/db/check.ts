import type { Ctx } from '../api/context';

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

/**
 * Every invariant `bottega check` proves: SQLite's own, then each module's, which the
 * module registers when it loads (as it registers its handlers), so this folder knows
 * no module.
 */
export const invariants: Invariant[] = [...sqliteInvariants];

export function registerInvariants(list: Invariant[]): void {
  invariants.push(...list);
}

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
