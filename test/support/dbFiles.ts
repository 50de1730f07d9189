/**
 * Real database files for restore and integrity tests: a Bottega file with N items made
 * through the commands, its hash, and the ways files go bad on real disks (a page
 * overwritten, the end cut off, a newer version, not a database at all).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, truncateSync, writeSync, statSync } from 'node:fs';
import { createApp } from '../../src-main/api/app';

/** A closed Bottega database at `path` holding `items` materials whose SKUs start with `prefix`. */
export function makeBottegaDb(path: string, items: number, prefix: string): void {
  const app = createApp(path);
  try {
    // one outer transaction (each command a savepoint inside it): one fsync, not one per item
    app.ctx.sqlite.transaction(() => {
      for (let i = 0; i < items; i++) {
        app.call('catalog.createItem', { sku: `${prefix}-${i}`, name: `${prefix} material number ${i} with a longer name to fill pages`, kind: 'material', unit: 'kg' });
      }
    })();
  } finally {
    app.close();
  }
}

/** The SKU prefix of the items in a database (each file in these tests holds one kind). */
export function skuPrefixes(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT DISTINCT substr(sku, 1, instr(sku, '-') - 1) AS p FROM items ORDER BY p").all() as { p: string }[]).map((r) => r.p);
  } finally {
    db.close();
  }
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The live file and its sidecars, hashed: a refusal must leave all of it as it was. */
export function fileState(path: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of [path, `${path}-wal`, `${path}-shm`]) out[f] = existsSync(f) ? sha256(f) : null;
  return out;
}

/** Overwrites part of a page of the largest table with garbage. */
export function corruptPage(path: string, copyFrom: string): void {
  copyFileSync(copyFrom, path);
  const pageSize = 4096;
  // A leaf page in the middle of the largest table: opening the file (schema, migrations,
  // settings) never reads it, a full read of the table or a quick check does. A fixed page
  // number would land on whatever a new migration put there.
  const probe = new Database(path, { readonly: true });
  let page: number;
  try {
    const table = probe
      .prepare("SELECT name FROM dbstat WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' GROUP BY name ORDER BY count(*) DESC LIMIT 1")
      .pluck()
      .get() as string;
    const leaves = probe.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
    page = leaves[Math.floor(leaves.length / 2)]!;
  } finally {
    probe.close();
  }
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Cuts `bytes` off the end of a copy. */
export function truncated(path: string, copyFrom: string, bytes: number): void {
  copyFileSync(copyFrom, path);
  truncateSync(path, statSync(path).size - bytes);
}

/** A copy that a newer Bottega wrote: a migration this build does not know. */
export function fromNewerVersion(path: string, copyFrom: string): void {
  copyFileSync(copyFrom, path);
  const db = new Database(path);
  try {
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 * 365 * 86_400_000);
  } finally {
    db.close();
  }
}
