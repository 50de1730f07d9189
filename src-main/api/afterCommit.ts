import type Database from 'better-sqlite3';
import { connectionOf } from '../db/statementCache';

/**
 * Work that must follow a command's commit before the command answers: writing the saved
 * copy of a DDT the command issued. A handler runs inside the transaction and cannot know
 * whether it will commit; it queues the work here, and the registry runs the queue once
 * the transaction has committed (and drops it when it rolls back).
 *
 * The doors (HTTP, Electron IPC, the CLI's `call`) come through invokeAsync: there the work
 * runs before the answer ('now'). The synchronous invoke — code in this process: tests, the
 * demo, the benchmark, whose figures time the transaction — runs it on the next turn of the
 * event loop ('next-turn'); a process that ends first leaves it to the next start.
 */
// keyed by the connection itself: a command's handler may see the statement cache's stand-in for it
const queues = new WeakMap<Database.Database, (() => void)[]>();

/** The registry wraps each command's transaction in this. */
export function withAfterCommit<T>(on: Database.Database, transaction: () => T, when: 'now' | 'next-turn' = 'now'): T {
  const sqlite = connectionOf(on);
  if (queues.has(sqlite)) return transaction(); // nested: the outer command runs the queue
  const queue: (() => void)[] = [];
  queues.set(sqlite, queue);
  let out: T;
  try {
    out = transaction();
  } finally {
    queues.delete(sqlite);
  }
  if (queue.length > 0) {
    if (when === 'now') runAll(queue);
    else setImmediate(() => runAll(queue));
  }
  return out;
}

function runAll(queue: (() => void)[]): void {
  for (const job of queue) {
    try {
      job();
    } catch (err) {
      // the command has committed: its answer stands; what is missing is re-made at the next start
      console.error('After-commit work failed:', err);
    }
  }
}

/**
 * Queues `job` to run right after the current command commits. Outside a registry command
 * (the demo generator's own transaction) it runs on the next turn of the event loop,
 * after that transaction has ended.
 */
export function afterCommit(sqlite: Database.Database, job: () => void): void {
  const queue = queues.get(connectionOf(sqlite));
  if (queue) queue.push(job);
  else setImmediate(job);
}
