import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';

const made: string[] = [];

/** A database path in a fresh temp folder of its own (nothing there yet). */
export function tempDbPath(name = 'bottega.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'bottega-test-'));
  made.push(dir);
  return join(dir, name);
}

/** Removes every folder tempDbPath made in this process (call from afterAll). */
export function removeTempDbs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A clock stopped at `iso`, for records whose dates a test checks. */
export function fixedClock(iso = '2026-01-15T09:00:00.000Z'): () => Date {
  const ms = Date.parse(iso);
  return () => new Date(ms);
}

/** A fresh app on its own temp database, with a fixed clock unless told otherwise. */
export function testApp(opts: { now?: () => Date; path?: string } = {}): BottegaApp {
  return createApp(opts.path ?? tempDbPath(), { now: opts.now ?? fixedClock() });
}
