/**
 * What the crash drills share: the seeded instants and the kill. A drill starts a real
 * process on a database, waits until it holds the file's writer lock (it has started its
 * work), lets it run a chosen number of milliseconds and kills it with SIGKILL — no exit
 * handler, no rollback, the same as a power cut for everything SQLite has not synced.
 */
import type { ChildProcess } from 'node:child_process';
import { readLock } from '../../src-main/db/lock';

/** mulberry32: the same kill instants on every run of the suite. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface KilledRun<T> {
  /** the process ended by itself with exit code 0 before the instant came */
  finished: boolean;
  /** the SIGKILL ended it (it had not ended by the instant) */
  killed: boolean;
  stdout: string;
  stderr: string;
  /** what `justBefore` saw right before the kill (undefined when not killed) */
  seen: T | undefined;
  /** milliseconds from taking the lock to its end: a whole run's span, to spread the kills over */
  heldMs: number;
}

/**
 * Kills `child` `afterLockMs` after it took the writer lock on `dbPath` (or lets it end first);
 * `justBefore` runs right before the SIGKILL, to observe what the process was doing.
 */
export async function killAfterLock<T = undefined>(child: ChildProcess, dbPath: string, afterLockMs: number, justBefore?: () => T): Promise<KilledRun<T>> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close', not 'exit': the pipes are drained, every line the process wrote is in stdout
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('close', (code, signal) => r({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  // its own lock: a stale one left by a killed process is there until the child takes it over
  while (!done && readLock(dbPath)?.pid !== child.pid) await sleep(1);
  const locked = Date.now();
  let seen: T | undefined;
  if (!done) {
    await Promise.race([sleep(afterLockMs), exited]);
    if (!done) {
      seen = justBefore?.();
      child.kill('SIGKILL');
    }
  }
  const { code, signal } = await exited;
  return { finished: code === 0, killed: signal === 'SIGKILL', stdout, stderr, seen, heldMs: Date.now() - locked };
}
