/**
 * The quick check of a database right after the app opens it, in the background: SQLite's
 * quick_check reads every page (seconds on ten years of history), so it runs in a worker
 * thread on its own read-only connection while the app answers as usual. The state per
 * file is what `system.status` reports and what turns the window into the recovery screen.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface IntegrityState {
  state: 'checking' | 'ok' | 'damaged' | 'not_checked';
  problems: string[];
}

const states = new Map<string, IntegrityState>();

export function integrityOf(dbPath: string): IntegrityState {
  return states.get(resolve(dbPath)) ?? { state: 'not_checked', problems: [] };
}

export function setIntegrity(dbPath: string, state: IntegrityState): void {
  states.set(resolve(dbPath), state);
}

// Plain CommonJS, so the worker needs no TypeScript loader and no bundle of its own.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
let problems;
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  try {
    problems = db.pragma('quick_check(20)').map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
  } finally {
    db.close();
  }
} catch (err) {
  problems = [String(err && err.message ? err.message : err)];
}
parentPort.postMessage(problems);
`;

/** Starts the check; resolves with its outcome (the state is also kept for `integrityOf`). */
export function checkInBackground(dbPath: string): Promise<IntegrityState> {
  const mine: IntegrityState = { state: 'checking', problems: [] };
  setIntegrity(dbPath, mine);
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((done) => {
    const finish = (problems: string[]) => {
      const outcome: IntegrityState = { state: problems.length === 0 ? 'ok' : 'damaged', problems };
      // a restore (or a newer check) meanwhile made this one stale: keep what it set
      if (states.get(resolve(dbPath)) === mine) setIntegrity(dbPath, outcome);
      done(outcome);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { path: resolve(dbPath), module } });
    } catch (err) {
      finish([`the check could not start: ${(err as Error).message}`]);
      return;
    }
    worker.once('message', (problems: string[]) => finish(problems));
    worker.once('error', (err) => finish([err.message]));
    // the check must never keep a CLI or a test process alive
    worker.unref();
  });
}
