/** The shapes a check query and its outcome share between the caller and the worker threads (kept apart so neither imports the other). */

/**
 * One query of an invariant: plain SQL, so a worker thread on its own connection can run
 * it, and how one row it returns reads for a person (null: that row is no problem).
 */
export interface CheckQuery {
  sql: string;
  problem: (row: never) => string | null;
  /** about how many ms it takes on the large dataset, so the slow ones start first */
  cost?: number;
}

/** What a query gave: its rows, or why it could not run (a damaged page makes SQLite throw mid-query). */
export interface QueryOutcome {
  rows: unknown[];
  error: string | null;
  ms: number;
}
