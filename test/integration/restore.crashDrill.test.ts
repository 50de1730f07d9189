/**
 * kill -9 at seeded random instants while `bottega restore` runs in a child process.
 * After each kill the database must open with either the old content or the new one —
 * never empty, never a mix — and pass `check --full`; a restore that said "Restored"
 * must have left the new content. Bounded: a dozen runs of a ~1 MB file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { tempDir } from '../support/tempDir';
import { makeBottegaDb, skuPrefixes } from '../support/dbFiles';
import { bundledCli, runCli, startCli } from '../support/bundledCli';
import { killAfterLock, seeded } from '../support/crashDrill';

let t: ReturnType<typeof tempDir>;
const files = { OLD: '', NEW: '' };
beforeAll(() => {
  t = tempDir();
  files.OLD = join(t.dir, 'old-backup.db');
  files.NEW = join(t.dir, 'new-backup.db');
  makeBottegaDb(files.OLD, 1500, 'OLD');
  makeBottegaDb(files.NEW, 2500, 'NEW');
  copyFileSync(files.OLD, t.dbPath);
  bundledCli();
});
afterAll(() => t.cleanup());

/** Runs `restore source`, kills it `afterLockMs` after it took the lock (or lets it finish); resolves how it ended. */
async function restoreKilledAt(source: string, afterLockMs: number): Promise<{ finished: boolean; stdout: string }> {
  return killAfterLock(startCli(t.dbPath, ['restore', source]), t.dbPath, afterLockMs);
}

describe('restore crash drill', () => {
  it('after a kill -9 at any instant of a restore, the database holds the old or the new content and passes check --full', async () => {
    const random = seeded(12);
    // how long a whole restore holds the lock here: the kills are spread over it
    const started = Date.now();
    const full = await restoreKilledAt(files.NEW, 60_000);
    const span = Date.now() - started;
    expect(full.finished).toBe(true);
    expect(skuPrefixes(t.dbPath)).toEqual(['NEW']);
    const seen = new Set<string>();
    for (let run = 0; run < 10; run++) {
      const before = skuPrefixes(t.dbPath)[0]!;
      const target = before === 'OLD' ? 'NEW' : 'OLD';
      const { finished } = await restoreKilledAt(files[target], Math.floor(random() * Math.min(span, 400)));
      expect(statSync(t.dbPath).size).toBeGreaterThan(0);
      const app = createApp(t.dbPath);
      try {
        const now = skuPrefixes(t.dbPath);
        expect([[before], [target]]).toContainEqual(now);
        if (finished) expect(now).toEqual([target]);
        seen.add(now[0] === target ? 'restored' : 'kept');
        expect(app.call('catalog.searchItems', { q: now[0]! }).total).toBe(now[0] === 'OLD' ? 1500 : 2500);
        const report = runCheck(app.ctx, undefined, { full: true });
        expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      } finally {
        app.close();
      }
    }
    // the drill must have hit both sides of the rename, or it proved nothing
    expect([...seen].sort()).toEqual(['kept', 'restored']);
    // and the command a person would run agrees
    const check = runCli(t.dbPath, ['check', '--full']);
    expect(check.stdout).toContain('All invariants hold.');
    expect(check.code).toBe(0);
  }, 60_000);
});
