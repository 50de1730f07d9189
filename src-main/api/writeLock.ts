/**
 * Writes held off while another connection writes. An import job's worker holds SQLite's
 * write lock for the whole file (one immediate transaction); a command of this thread
 * would wait the busy timeout (5 s, with the event loop blocked, so the window freezes)
 * and then fail with SQLITE_BUSY. Instead it is refused at once, with a reason the
 * window translates; queries go on (WAL: readers never wait for the writer).
 */
import type { Envelope } from '../../src-shared/contract/errors';
import { fail } from './envelope';

let holder: { what: 'import'; since: Date } | null = null;

export function holdWrites(what: 'import', since: Date): void {
  holder = { what, since };
}

export function releaseWrites(): void {
  holder = null;
}

export function writesHeld(): boolean {
  return holder !== null;
}

const BUSY_MESSAGE = 'An import is running and holds the database: nothing can be saved until it ends (usually within a minute). Try again then.';

/** The answer to a command while writes are held, else null. */
export function writesRefused(): Envelope<never> | null {
  if (!holder) return null;
  return fail('CONFLICT', BUSY_MESSAGE, { reason: 'import_running', since: holder.since.toISOString() });
}

/** SQLite's "database is locked" (another process writing, e.g. the CLI), in the same words. */
export function busyEnvelope(err: unknown): Envelope<never> | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_BUSY_SNAPSHOT' && code !== 'SQLITE_LOCKED') return null;
  return fail('CONFLICT', 'The database is busy: another program (an import, the command line) is writing to it. Try again in a moment.', { reason: 'database_busy' });
}
