/**
 * `bottega check`'s queries on several read-only connections at once, each in a worker
 * thread, with the caller blocked until all are answered: the check stays one synchronous
 * call (the CLI, the bench and the tests call it alike) and still uses every core. The
 * caller sleeps on a shared counter (Atomics.wait) that a worker bumps after each answer,
 * and takes the answers with receiveMessageOnPort, so no event loop turn is needed.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CheckQuery, QueryOutcome } from './checkTypes';
import { sqliteOptions } from './sqliteBinding';

// Plain CommonJS, so the worker needs no TypeScript loader and no bundle of its own. A
// worker that cannot open the file still answers every query (with the reason), so the
// caller never waits for an answer that cannot come.
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, signal, path, module, options, pragmas } = workerData;
const answered = new Int32Array(signal);
let db = null;
let openError = null;
try {
  const Database = require(module);
  db = new Database(path, options);
  for (const p of pragmas) db.pragma(p);
} catch (err) {
  openError = String(err && err.message ? err.message : err);
}
// the caller closed its side: nothing more will come
port.on('close', () => { try { if (db) db.close(); } catch {} db = null; });
port.on('message', (job) => {
  if (job === null) {
    port.close();
    return;
  }
  const started = performance.now();
  let rows = [];
  let error = openError;
  if (error === null) {
    try { rows = db.prepare(job.sql).all(); } catch (err) { error = String(err && err.message ? err.message : err); }
  }
  port.postMessage({ index: job.index, rows, error, ms: performance.now() - started });
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
});
`;

// a check only reads: pages mapped instead of copied into the cache make the long scans
// about twice as cheap; temp b-trees of the big groupings stay in memory
const PRAGMAS = ['temp_store = MEMORY', 'cache_size = -65536', 'mmap_size = 4294967296'];

interface Lane {
  worker: Worker;
  port: MessagePort;
}

/** The outcome of each query, in the order given, from `threads` worker connections to `dbPath`. */
export function runQueriesInWorkers(dbPath: string, queries: CheckQuery[], threads: number): QueryOutcome[] {
  const signal = new SharedArrayBuffer(4);
  const answered = new Int32Array(signal);
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const options = sqliteOptions({ readonly: true, fileMustExist: true });
  const lanes: Lane[] = Array.from({ length: threads }, () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { port: port2, signal, path: resolve(dbPath), module, options, pragmas: PRAGMAS },
      transferList: [port2],
    });
    // the check must never keep a CLI or a test process alive
    worker.unref();
    return { worker, port: port1 };
  });
  // slowest first: each lane takes the next when it answers, so the long ones do not end up last on one lane
  const order = queries.map((q, index) => ({ index, cost: q.cost ?? 1 })).sort((a, b) => b.cost - a.cost);
  const outcomes: QueryOutcome[] = new Array<QueryOutcome>(queries.length);
  let handed = 0;
  let done = 0;
  const hand = (lane: Lane) => {
    const job = order[handed++];
    if (job) lane.port.postMessage({ index: job.index, sql: queries[job.index]!.sql });
  };
  for (const lane of lanes) hand(lane);
  try {
    while (done < queries.length) {
      const seen = Atomics.load(answered, 0);
      let got = false;
      for (const lane of lanes) {
        const m = receiveMessageOnPort(lane.port) as { message: QueryOutcome & { index: number } } | undefined;
        if (!m) continue;
        got = true;
        done++;
        const { index, rows, error, ms } = m.message;
        outcomes[index] = { rows, error, ms };
        hand(lane);
      }
      // a worker bumps the counter after it posts: if it did since `seen`, this returns at once
      if (!got) Atomics.wait(answered, 0, seen, 1000);
    }
  } finally {
    for (const lane of lanes) {
      lane.port.postMessage(null);
      lane.port.close();
    }
  }
  return outcomes;
}
