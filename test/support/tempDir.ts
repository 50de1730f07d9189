import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; `cleanup` removes it. */
export function tempDir(prefix = 'bottega-test-'): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'bottega.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fixed clock for deterministic timestamps. */
export function fixedClock(iso = '2026-10-01T08:00:00.000Z'): () => Date {
  return () => new Date(iso);
}
