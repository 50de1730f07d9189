import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import type { Ctx } from '../api/context';
import type { CheckQuery, QueryOutcome } from './checkTypes';
import { foreignKeyQueries } from './checkForeignKeys';
import { runQueriesInWorkers } from './checkWorkers';

export type { CheckQuery, QueryOutcome } from './checkTypes';

export interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
  /** how long its queries took, in milliseconds (what `bottega check` prints, to find the slow ones) */
  ms: number;
}
export interface CheckReport {
  ok: boolean;
  checks: CheckResult[];
  /** the whole check, wall clock, in milliseconds */
  ms: number;
  /** the connections the queries ran on (1: the caller's own; more: worker threads) */
  threads: number;
}

export interface CheckOptions {
  /** also cross-check every index against its table (SQLite's integrity_check) */
  full?: boolean;
  /**
   * run the queries on this many read-only connections, each in a worker thread (the
   * file's own, not the caller's connection; 1 or unset: in this thread, on ctx.sqlite)
   */
  threads?: number;
}

export function checkQuery<R>(sql: string, problem: (row: R) => string | null, cost = 1): CheckQuery {
  return { sql, problem: problem as (row: never) => string | null, cost };
}

/**
 * One invariant: a name and the queries listing what breaks it (no rows: it holds).
 * `queries` may read the schema (cheap look-ups) to decide what to ask.
 */
export interface Invariant {
  name: string;
  queries: (db: Database.Database, opts: CheckOptions) => CheckQuery[];
}

/** An invariant of one query, the usual case. */
export function sqlInvariant<R>(name: string, sql: string, problem: (row: R) => string, cost = 1): Invariant {
  return { name, queries: () => [checkQuery(sql, problem, cost)] };
}

const sqliteInvariants: Invariant[] = [
  {
    // quick_check proves every page and row is well formed without cross-checking each
    // index against its table, which alone is most of a full check on ten years of
    // history (about 20 s of 28); `bottega check --full` runs integrity_check.
    name: 'sqlite.integrity',
    queries: (_db, opts) => [
      checkQuery<Record<string, string>>(
        opts.full ? 'PRAGMA integrity_check' : 'PRAGMA quick_check',
        (r) => {
          const m = Object.values(r)[0] ?? '';
          return m === 'ok' ? null : m;
        },
        opts.full ? 20_000 : 3_500,
      ),
    ],
  },
  { name: 'sqlite.foreign_keys', queries: (db) => foreignKeyQueries(db) },
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

function runHere(db: Database.Database, sql: string): QueryOutcome {
  const started = performance.now();
  try {
    return { rows: db.prepare(sql).all(), error: null, ms: performance.now() - started };
  } catch (err) {
    return { rows: [], error: (err as Error).message, ms: performance.now() - started };
  }
}

/**
 * Proves the invariants. Every query is one statement, so each reads one consistent
 * snapshot whichever connection runs it; with `threads` > 1 they run side by side on
 * read-only connections in worker threads (slowest first), and this call still returns
 * only when all are done.
 */
export function runCheck(ctx: Ctx, list: Invariant[] = invariants, opts: CheckOptions = {}): CheckReport {
  const started = performance.now();
  const planned = list.map((inv) => {
    try {
      return { inv, queries: inv.queries(ctx.sqlite, opts), error: null };
    } catch (err) {
      return { inv, queries: [], error: `cannot be checked: ${(err as Error).message}` };
    }
  });
  const all = planned.flatMap((p) => p.queries);
  // a database in memory has no file another connection could open
  const threads = ctx.dbPath === ':memory:' || ctx.dbPath === '' ? 1 : Math.max(1, Math.min(opts.threads ?? 1, all.length));
  const outcomes = threads > 1 ? runQueriesInWorkers(ctx.dbPath, all, threads) : all.map((q) => runHere(ctx.sqlite, q.sql));
  let next = 0;
  const checks = planned.map(({ inv, queries, error }): CheckResult => {
    const problems: string[] = error ? [error] : [];
    let ms = 0;
    for (const q of queries) {
      const o = outcomes[next++]!;
      ms += o.ms;
      if (o.error !== null) problems.push(`cannot be checked: ${o.error}`);
      for (const row of o.rows) {
        const p = q.problem(row as never);
        if (p !== null) problems.push(p);
      }
    }
    return { name: inv.name, ok: problems.length === 0, problems, ms: Math.round(ms) };
  });
  return { ok: checks.every((c) => c.ok), checks, ms: Math.round(performance.now() - started), threads };
}

/**
 * The connections `bottega check` spreads its queries over: one per core (at most 4:
 * beyond that the slowest query decides), for a file big enough that starting the worker
 * threads (a few tenths of a second) is worth it.
 */
export function checkThreads(dbPath: string): number {
  let size = 0;
  try {
    size = statSync(dbPath).size;
  } catch {
    return 1;
  }
  return size < 64 * 1024 * 1024 ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}
