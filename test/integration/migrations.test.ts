import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations } from '../../src-main/db/migrate';
import { openDatabase } from '../../src-main/db/open';
import { createApp } from '../../src-main/api/app';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
afterEach(() => t.cleanup());

describe('database file', () => {
  it('is created with the pragmas the ledger needs', () => {
    t = tempDir();
    const o = openDatabase(t.dbPath);
    expect(o.created).toBe(true);
    expect(o.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    // checkpoints every 4,000 log frames (open.ts says why), not SQLite's 1,000
    expect(o.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    o.sqlite.close();
  });

  it('refuses a database written by a newer version, and leaves it untouched', () => {
    t = tempDir();
    openDatabase(t.dbPath).sqlite.close();
    const raw = new Database(t.dbPath);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 12);
    raw.close();
    expect(() => createApp(t.dbPath)).toThrow(/newer version of Bottega/);
  });

  it('backs up before applying a pending migration to a file with data', () => {
    t = tempDir();
    // a file made by the build before the last migration: every migration but the last,
    // applied from a copy of the migrations folder whose journal stops one entry short
    // (dropping what the last one made is not enough once a migration adds columns)
    const older = join(t.dir, 'migrations-before');
    cpSync('resources/migrations', older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    writeFileSync(journalPath, JSON.stringify(journal));
    const first = new Database(t.dbPath);
    applyMigrations(drizzle(first), older);
    first.prepare("INSERT INTO settings (key, value) VALUES ('initialized', 'true')").run();
    first.close();
    const again = openDatabase(t.dbPath);
    expect(again.preMigrationBackup).not.toBeNull();
    expect(existsSync(again.preMigrationBackup!)).toBe(true);
    expect(readdirSync(`${t.dir}/backups`)).toHaveLength(1);
    // the backup is the file as it was before: the settings row is there
    const backup = new Database(again.preMigrationBackup!, { readonly: true });
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'initialized'").get()).toEqual({ value: 'true' });
    backup.close();
    again.sqlite.close();
  });
});
