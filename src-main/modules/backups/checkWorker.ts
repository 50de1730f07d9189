/**
 * SQLite's integrity_check / quick_check of a database file on a connection of its own, in
 * a worker thread: on a large file they take seconds, and the app keeps answering
 * meanwhile. The worker is a few lines of CommonJS given as text (nothing to bundle); the
 * driver is the one this process loaded. Where a worker cannot start, the check runs here.
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteOptions } from '../../db/sqliteBinding';

export interface FileCheck {
  /** 'ok', or what SQLite (or opening the file) said */
  integrity: string;
  counts: { orders: number; lots: number; ddts: number } | null;
}

type Pragma = 'integrity_check' | 'quick_check';

/** Runs in the worker (as text) and, as the fallback, here: the same code. */
function checkFile(DatabaseCtor: typeof Database, file: string, pragma: Pragma, counts: boolean, options: Database.Options): FileCheck {
  let db: Database.Database | null = null;
  try {
    db = new DatabaseCtor(file, options);
    const rows = db.prepare(pragma === 'integrity_check' ? 'PRAGMA integrity_check' : 'PRAGMA quick_check').all() as Record<string, string>[];
    const integrity = rows.map((r) => Object.values(r)[0]).join('; ');
    if (integrity !== 'ok' || !counts) return { integrity, counts: null };
    const n = (statement: string) => (db!.prepare(statement).get() as { n: number }).n;
    const c = { orders: n('SELECT count(*) AS n FROM customer_orders'), lots: n('SELECT count(*) AS n FROM lots'), ddts: n('SELECT count(*) AS n FROM ddts') };
    return { integrity, counts: c };
  } catch (err) {
    return { integrity: (err as Error).message, counts: null };
  } finally {
    db?.close();
  }
}

// __name: what a bundler keeping function names may have left in checkFile's text
const WORKER = `
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const check = ${checkFile.toString()};
parentPort.postMessage(check(require(workerData.driver), workerData.file, workerData.pragma, workerData.counts, workerData.options));
`;

function driverPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

export function checkDatabaseFile(file: string, pragma: Pragma, counts: boolean): Promise<FileCheck> {
  const driver = driverPath();
  // read-only, with the Electron driver binding when the app runs in Electron (sqliteBinding.ts)
  const options = sqliteOptions({ readonly: true, fileMustExist: true });
  const inline = () => checkFile(Database, file, pragma, counts, options);
  if (!driver) return Promise.resolve(inline());
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { driver, file, pragma, counts, options } });
    } catch {
      resolve(inline());
      return;
    }
    let answered = false;
    worker.once('message', (m: FileCheck) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', () => {
      if (!answered) resolve(inline());
    });
    worker.once('exit', () => {
      if (!answered) resolve(inline());
    });
  });
}
