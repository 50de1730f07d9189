import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/api/app';
import { lockFileOf, readLock } from '../../src-main/db/lock';
import { tempDir } from '../support/tempDir';
import { makeBottegaDb, skuPrefixes } from '../support/dbFiles';
import { runCli } from '../support/bundledCli';

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
  makeBottegaDb(t.dbPath, 3, 'OLD');
});
afterAll(() => t.cleanup());

/** The pid of a process that has ended (a kill -9'd Bottega leaves exactly such a lock). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('one writer process per database file', () => {
  it('refuses a second writer process with the pid and start of the one holding the file; queries still run', () => {
    const app = createApp(t.dbPath, { program: 'serve' });
    try {
      const lock = readLock(t.dbPath);
      expect(lock).toMatchObject({ pid: process.pid, program: 'serve' });
      const write = runCli(t.dbPath, ['call', 'catalog.createItem', '{"sku":"SECOND","name":"Second writer","kind":"material","unit":"kg"}']);
      expect(write.code).toBe(1);
      const env = JSON.parse(write.stderr) as { error: { code: string; message: string } };
      expect(env.error.code).toBe('DB_LOCKED');
      expect(env.error.message).toContain(`The database is open in Bottega (pid ${process.pid}`);
      expect(env.error.message).toContain(lock!.since);

      const restore = runCli(t.dbPath, ['restore', join(t.dir, 'whatever.db')]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain(`pid ${process.pid}`);

      const read = runCli(t.dbPath, ['call', 'catalog.searchItems', '{"q":"OLD"}', '--json']);
      expect(read.code).toBe(0);
      expect(JSON.parse(read.stdout).total).toBe(3);
      expect(runCli(t.dbPath, ['check']).code).toBe(0);
      expect(skuPrefixes(t.dbPath)).toEqual(['OLD']);
    } finally {
      app.close();
    }
    expect(existsSync(lockFileOf(t.dbPath))).toBe(false);
  });

  it('several apps in one process share the lock; it goes when the last closes', () => {
    const a = createApp(t.dbPath);
    const b = createApp(t.dbPath);
    expect(readLock(t.dbPath)?.pid).toBe(process.pid);
    a.close();
    expect(readLock(t.dbPath)?.pid).toBe(process.pid);
    b.close();
    expect(existsSync(lockFileOf(t.dbPath))).toBe(false);
  });

  it('takes over the stale lock of a dead process', () => {
    const dead = deadPid();
    writeFileSync(lockFileOf(t.dbPath), JSON.stringify({ pid: dead, since: '2026-12-01T08:00:00.000Z', program: 'app', host: hostname() }));
    const r = runCli(t.dbPath, ['call', 'catalog.createItem', '{"sku":"AFTER-1","name":"After a crash","kind":"material","unit":"kg"}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(lockFileOf(t.dbPath))).toBe(false);
    const app = createApp(t.dbPath);
    try {
      expect(app.call('catalog.searchItems', { q: 'AFTER' }).total).toBe(1);
    } finally {
      app.close();
    }
  });
});
