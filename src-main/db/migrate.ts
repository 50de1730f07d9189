import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate as drizzleMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DomainError } from '../api/domainError';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

function appliedStamps(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT created_at AS c FROM __drizzle_migrations').all() as { c: number }[]).map((r) =>
    Number(r.c),
  );
}

export interface MigrationPlan {
  applied: number;
  pending: number;
}

/**
 * Refuses a database that a newer Bottega wrote (it has migrations this build does not
 * know): opening it could corrupt data the newer version relies on.
 */
export function planMigrations(sqlite: Database.Database, migrationsFolder: string): MigrationPlan {
  const known = readJournal(migrationsFolder).entries.map((e) => e.when);
  const latestKnown = Math.max(0, ...known);
  const applied = appliedStamps(sqlite);
  const unknown = applied.filter((s) => s > latestKnown);
  if (unknown.length > 0) {
    throw new DomainError('DB_TOO_NEW', 'This database was written by a newer version of Bottega; update Bottega to open it.', {
      unknownMigrations: unknown.length,
    });
  }
  const appliedSet = new Set(applied);
  return { applied: applied.length, pending: known.filter((w) => !appliedSet.has(w)).length };
}

/** Applies every pending migration; drizzle runs them all in one transaction. */
export function applyMigrations(db: Parameters<typeof drizzleMigrate>[0], migrationsFolder: string): void {
  drizzleMigrate(db, { migrationsFolder });
}
