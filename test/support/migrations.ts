/**
 * A migration harness for tests: a database brought to any past version (`migrateTo`),
 * rows written in that version's shape, then the app's own migrations run forward over
 * them — what happens on a user's machine when a new Bottega opens last year's file.
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourcesDir } from '../../src-main/db/paths';

export const MIGRATIONS = join(resourcesDir(), 'migrations');

interface Journal {
  version: string;
  dialect: string;
  entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
}

function journal(): Journal {
  return JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** Every migration's tag, in order (`0000_init`, …). */
export function migrationTags(): string[] {
  return journal().entries.map((e) => e.tag);
}

/**
 * Applies the migrations up to and including `tag` (those not applied yet) with the
 * same drizzle migrator the app uses, reading a copy of the folder cut at that tag.
 */
export function migrateTo(sqlite: Database.Database, tag: string): void {
  const j = journal();
  const upTo = j.entries.findIndex((e) => e.tag === tag);
  if (upTo < 0) throw new Error(`No migration tagged ${tag}`);
  const dir = mkdtempSync(join(tmpdir(), 'bottega-migrations-'));
  try {
    mkdirSync(join(dir, 'meta'));
    const entries = j.entries.slice(0, upTo + 1);
    for (const e of entries) copyFileSync(join(MIGRATIONS, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...j, entries }));
    migrate(drizzle(sqlite), { migrationsFolder: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rest of the way: every migration the app knows (what opening the file does). */
export function migrateToLatest(sqlite: Database.Database): void {
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS });
}

/** The tags applied to this database, oldest first. */
export function appliedTags(sqlite: Database.Database): string[] {
  const byWhen = new Map(journal().entries.map((e) => [e.when, e.tag]));
  return (sqlite.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').pluck().all() as number[]).map((w) => byWhen.get(Number(w)) ?? `unknown ${w}`);
}

/**
 * The schema as SQLite sees it, in a form two databases can be compared by: each table's
 * columns (name, type, not null, default, primary key) and foreign keys, and each index
 * (its table, uniqueness, columns or expressions, partial WHERE) with quoting and
 * spacing normalised. Column order is not compared: ALTER TABLE ADD puts a column last.
 */
export function schemaShape(sqlite: Database.Database): Record<string, unknown> {
  const tables = sqlite
    // ordinary tables only: the search module's FTS5 indexes (virtual tables and their shadow
    // tables, migration 0012_search) are SQL drizzle cannot declare
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const columns = (sqlite.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_xinfo(?) ORDER BY name`).all(t) as Record<string, unknown>[]).map(
      (c) => ({ ...c, type: String(c.type).toLowerCase() }),
    );
    const foreignKeys = sqlite.prepare('SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?) ORDER BY "from", "table"').all(t);
    out[`table ${t}`] = { columns, foreignKeys };
  }
  const indexes = sqlite.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; tbl_name: string; sql: string }[];
  for (const i of indexes) {
    const sql = i.sql
      .replace(/[`"]/g, '')
      .replace(new RegExp(`\\b${i.tbl_name}\\.`, 'g'), '')
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')')
      .trim()
      .toLowerCase();
    out[`index ${i.name}`] = sql;
  }
  return out;
}
