import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; `cleanup` removes it. */
export function tempDir(prefix = 'bottega-test-'): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // removal retried: what a test just stopped (the Electron main's quit) may still be closing a file in it
  return { dir, dbPath: join(dir, 'bottega.db'), cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }) };
}

/** A fixed clock for deterministic timestamps. */
export function fixedClock(iso = '2026-10-01T08:00:00.000Z'): () => Date {
  return () => new Date(iso);
}
