import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    const first = openDatabase(t.dbPath);
    first.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('initialized', 'true')").run();
    // pretend the last migration was never applied: forget it and drop the tables it made
    const journal = JSON.parse(readFileSync('resources/migrations/meta/_journal.json', 'utf8')) as { entries: { tag: string }[] };
    const lastSql = readFileSync(`resources/migrations/${journal.entries.at(-1)!.tag}.sql`, 'utf8');
    first.sqlite.exec('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
    for (const [, index] of lastSql.matchAll(/CREATE (?:UNIQUE )?INDEX `([^`]+)`/g)) first.sqlite.exec(`DROP INDEX IF EXISTS \`${index}\``);
    for (const [, table] of lastSql.matchAll(/CREATE TABLE `([^`]+)`/g)) first.sqlite.exec(`DROP TABLE \`${table}\``);
    first.sqlite.close();
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
