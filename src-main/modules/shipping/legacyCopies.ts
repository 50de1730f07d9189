/**
 * One-time move of the DDT copies saved before each database had its own folder
 * (`documents/DDT/*` → `documents/<db name>/DDT/`). A file is moved to this database when
 * it is the only database in the folder, or when this database issued that DDT number and
 * no other database beside it did. A number both issued (the defect this move repairs) is
 * left in `documents/DDT/` for the user to sort: each database re-makes its own copy from
 * its frozen snapshot (remakeMissingDdtCopies).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReadCtx, ReadSqlite } from '../../api/context';
import { sqliteOptions } from '../../db/sqliteBinding';
import { legacyDocumentsFolder } from '../../db/dataFolders';
import { sameDocument } from '../../documents/sameDocument';

interface DdtKey {
  year: number;
  seq: number;
  kind: 'shipment' | 'return';
}

function keyOf(fileName: string): DdtKey | null {
  const m = /^DDT-(\d{4})-(\d+)(-reso)?\.pdf$/.exec(fileName);
  return m ? { year: Number(m[1]), seq: Number(m[2]), kind: m[3] ? 'return' : 'shipment' } : null;
}

function issued(db: ReadSqlite, k: DdtKey): boolean {
  return db.prepare('SELECT 1 FROM ddts WHERE year = ? AND seq = ? AND kind = ?').get(k.year, k.seq, k.kind) !== undefined;
}

/** The other Bottega databases in the same folder, opened read-only (closed by the caller). */
function siblingDatabases(dbPath: string): Database.Database[] {
  const dir = dirname(dbPath);
  const out: Database.Database[] = [];
  for (const f of readdirSync(dir)) {
    const path = join(dir, f);
    if (!/\.(db|sqlite3?)$/i.test(f) || path === dbPath) continue;
    try {
      const db = new Database(path, sqliteOptions({ readonly: true, fileMustExist: true }));
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ddts'").get()) out.push(db);
      else db.close();
    } catch {
      // not a database (or not readable): it holds no DDTs
    }
  }
  return out;
}

/** Moves a file into `folder`, never over a different one: the same bytes there → the old file goes; different → both stay. */
function moveInto(folder: string, from: string, fileName: string): void {
  const bytes = readFileSync(from);
  for (let n = 1; ; n++) {
    const to = join(folder, n === 1 ? fileName : fileName.replace(/\.pdf$/, ` (${n}).pdf`));
    if (!existsSync(to)) {
      renameSync(from, to);
      return;
    }
    if (sameDocument(readFileSync(to), bytes)) {
      rmSync(from);
      return;
    }
  }
}

export function moveLegacyDdtCopies(ctx: ReadCtx, folder: string): { moved: string[]; leftShared: string[] } {
  const legacy = legacyDocumentsFolder(ctx.dbPath, 'DDT');
  const result = { moved: [] as string[], leftShared: [] as string[] };
  if (!existsSync(legacy)) return result;
  const files = readdirSync(legacy).filter((f) => f.endsWith('.pdf'));
  if (files.length === 0) return result;
  const siblings = siblingDatabases(ctx.dbPath);
  try {
    mkdirSync(folder, { recursive: true });
    for (const f of files) {
      const k = keyOf(f);
      const mine = siblings.length === 0 || (k !== null && issued(ctx.sqlite, k) && !siblings.some((s) => issued(s, k)));
      if (mine) {
        moveInto(folder, join(legacy, f), f);
        result.moved.push(f);
      } else if (k && issued(ctx.sqlite, k)) result.leftShared.push(f);
    }
  } finally {
    for (const s of siblings) s.close();
  }
  return result;
}
