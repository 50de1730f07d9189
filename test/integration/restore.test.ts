import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src-main/api/app';
import { DomainError } from '../../src-main/api/domainError';
import { restoreDatabase } from '../../src-main/db/restore';
import { runCheck } from '../../src-main/db/check';
import { tempDir } from '../support/tempDir';
import { corruptPage, fileState, fromNewerVersion, makeBottegaDb, skuPrefixes, truncated } from '../support/dbFiles';
import { runCli } from '../support/bundledCli';

let t: ReturnType<typeof tempDir>;
let good: string;
beforeAll(() => {
  t = tempDir();
  good = join(t.dir, 'good-backup.db');
  makeBottegaDb(good, 300, 'NEW');
});
afterAll(() => t.cleanup());

function liveDb(name: string): string {
  const dir = join(t.dir, name);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bottega.db');
  makeBottegaDb(path, 20, 'OLD');
  return path;
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('restore refuses a bad source and leaves the live file byte-identical', () => {
  const cases: [string, (file: string) => void, string, string][] = [
    ['a corrupted page', (f) => corruptPage(f, good), 'DB_DAMAGED', 'damaged'],
    ['a file truncated by 12 KB', (f) => truncated(f, good, 12 * 1024), 'DB_DAMAGED', 'truncated'],
    ['a database from a newer Bottega', (f) => fromNewerVersion(f, good), 'DB_TOO_NEW', 'newer version'],
    ['a file that is not a database', (f) => writeFileSync(f, 'order,qty\nMIELE,3\n'.repeat(200)), 'VALIDATION', 'not a database'],
    ['an empty file', (f) => writeFileSync(f, ''), 'DB_DAMAGED', 'empty'],
    [
      'a SQLite database of another program',
      (f) => {
        const other = new Database(f);
        other.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES (\'Anna\')');
        other.close();
      },
      'VALIDATION',
      'not a Bottega database',
    ],
  ];
  for (const [what, make, code, words] of cases) {
    it(`refuses ${what} with ${code}`, () => {
      const live = liveDb(what.replace(/\W+/g, '-'));
      const source = join(t.dir, `${what.replace(/\W+/g, '-')}.db`);
      make(source);
      const before = fileState(live);
      const err = refusal(() => restoreDatabase(live, source));
      expect(err.code).toBe(code);
      expect(err.message).toContain(words);
      expect(fileState(live)).toEqual(before);
      expect(existsSync(`${live}.restoring`)).toBe(false);
      expect(skuPrefixes(live)).toEqual(['OLD']);
    });
  }

  it('the CLI says why in one envelope, exit code 1 for a damaged backup, and changes nothing', () => {
    const live = liveDb('cli-damaged');
    const source = join(t.dir, 'cli-damaged-source.db');
    corruptPage(source, good);
    const before = fileState(live);
    const r = runCli(live, ['restore', source]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr.split('\n')[0]!)).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fileState(live)).toEqual(before);
  });
});

describe('restore of a good backup', () => {
  it('replaces the content, keeps the previous file aside, and the result passes check --full', () => {
    const live = liveDb('good-restore');
    const result = restoreDatabase(live, good);
    expect(skuPrefixes(live)).toEqual(['NEW']);
    expect(result.previous).not.toBeNull();
    expect(skuPrefixes(result.previous!)).toEqual(['OLD']);
    const app = createApp(live);
    try {
      expect(runCheck(app.ctx, undefined, { full: true }).ok).toBe(true);
    } finally {
      app.close();
    }
  });
});

describe('a file that is not a database is never made into a new one', () => {
  it('refuses a 0-byte database file with DB_DAMAGED listing the newest good backup, and leaves it 0 bytes', () => {
    const dir = join(t.dir, 'zero');
    mkdirSync(join(dir, 'backups'), { recursive: true });
    const path = join(dir, 'bottega.db');
    copyFileSync(good, join(dir, 'backups', 'bottega-daily-20261201-080000.db'));
    writeFileSync(path, '');
    const err = refusal(() => createApp(path));
    expect(err.code).toBe('DB_DAMAGED');
    expect(err.message).toContain('empty (0 bytes)');
    expect(err.message).toContain('bottega-daily-20261201-080000.db');
    expect(err.details.backups).toEqual([expect.objectContaining({ path: join(dir, 'backups', 'bottega-daily-20261201-080000.db') })]);
    expect(statSync(path).size).toBe(0);

    const r = runCli(path, ['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^FAIL sqlite\.open: .*empty \(0 bytes\)/m);
    expect(r.stderr).toContain('bottega restore FILE');
    expect(r.stderr).toContain('bottega-daily-20261201-080000.db');
    expect(statSync(path).size).toBe(0);
  });

  it('`bottega check` on a database with a corrupted page prints FAIL lines, never a stack trace', () => {
    const path = join(t.dir, 'malformed', 'bottega.db');
    mkdirSync(join(t.dir, 'malformed'), { recursive: true });
    corruptPage(path, good);
    const r = runCli(path, ['check', '--full']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/FAIL sqlite\.(integrity|open)/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});
