/**
 * The quick check of a database right after the app opens it, in the background: SQLite's
 * quick_check reads every page (seconds on ten years of history), so it runs in a worker
 * thread on its own read-only connection while the app answers as usual. The state per
 * file is what `system.status` reports and what turns the window into the recovery screen.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sqliteOptions } from './sqliteBinding';

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
  const db = new Database(workerData.path, workerData.options);
  try {
    problems = db.pragma(workerData.kind + '(20)').map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
  } finally {
    db.close();
  }
} catch (err) {
  problems = [String(err && err.message ? err.message : err)];
}
parentPort.postMessage(problems);
`;

/**
 * SQLite's own check of every page of a file, in a worker thread on a read-only
 * connection: [] when it holds, else what it found (or why the file could not be read).
 */
export function checkPagesInWorker(path: string, kind: 'quick_check' | 'integrity_check'): Promise<string[]> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((done) => {
    let worker: Worker;
    try {
      // the options (the Electron driver binding included) come from the one place that makes them
      worker = new Worker(WORKER, { eval: true, workerData: { path: resolve(path), module, kind, options: sqliteOptions({ readonly: true, fileMustExist: true }) } });
    } catch (err) {
      done([`the check could not start: ${(err as Error).message}`]);
      return;
    }
    worker.once('message', (problems: string[]) => done(problems));
    worker.once('error', (err) => done([err.message]));
    // the check must never keep a CLI or a test process alive
    worker.unref();
  });
}

/** Starts the check after an open; resolves with its outcome (also kept for `integrityOf`). */
export async function checkInBackground(dbPath: string): Promise<IntegrityState> {
  const mine: IntegrityState = { state: 'checking', problems: [] };
  setIntegrity(dbPath, mine);
  const problems = await checkPagesInWorker(dbPath, 'quick_check');
  const outcome: IntegrityState = { state: problems.length === 0 ? 'ok' : 'damaged', problems };
  // a restore (or a newer check) meanwhile made this one stale: keep what it set
  if (states.get(resolve(dbPath)) === mine) setIntegrity(dbPath, outcome);
  return outcome;
}
