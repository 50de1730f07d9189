/**
 * At every start of the app: the saved copy of each DDT issued since the last start is
 * there, or is re-made from the DDT's frozen snapshot (a crash between the commit and the
 * copy leaves none). A small mark in the folder says up to which DDT this was checked, so
 * a start looks at the few DDTs issued since, never at a whole history. On the first start
 * with this mark absent, the last FIRST_LOOK_BACK DDTs are checked (a bulk-made demo
 * history of half a million DDTs never had copies, and is not rendered at every start).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../../api/context';
import { legacyDocumentsFolder } from '../../db/dataFolders';
import { writeFileDurably } from '../../db/durableFile';
import { ddtFileName, ddtFolder, saveDdtCopySync } from './savedCopies';

const MARK = '.checked-through';
export const FIRST_LOOK_BACK = 50;

type Row = { id: number; number: string; kind: 'shipment' | 'return' };

function checkedThrough(folder: string): number | null {
  const file = join(folder, MARK);
  if (!existsSync(file)) return null;
  const n = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** DDTs of this database whose copy was left in the shared legacy folder (a number two databases issued). */
function leftInLegacyFolder(ctx: Ctx): Row[] {
  const legacy = legacyDocumentsFolder(ctx.dbPath, 'DDT');
  if (!existsSync(legacy)) return [];
  const rows: Row[] = [];
  const stmt = ctx.sqlite.prepare('SELECT id, number, kind FROM ddts WHERE year = ? AND seq = ? AND kind = ?');
  for (const f of readdirSync(legacy)) {
    const m = /^DDT-(\d{4})-(\d+)(-reso)?\.pdf$/.exec(f);
    const r = m ? (stmt.get(Number(m[1]), Number(m[2]), m[3] ? 'return' : 'shipment') as Row | undefined) : undefined;
    if (r) rows.push(r);
  }
  return rows;
}

export function remakeMissingDdtCopies(ctx: Ctx): { checked: number; remade: string[] } {
  const folder = ddtFolder(ctx);
  if (!folder) return { checked: 0, remade: [] };
  mkdirSync(folder, { recursive: true });
  const through = checkedThrough(folder);
  const recent =
    through === null
      ? (ctx.sqlite.prepare('SELECT id, number, kind FROM ddts ORDER BY id DESC LIMIT ?').all(FIRST_LOOK_BACK) as Row[])
      : (ctx.sqlite.prepare('SELECT id, number, kind FROM ddts WHERE id > ? ORDER BY id').all(through) as Row[]);
  const rows = [...new Map([...recent, ...leftInLegacyFolder(ctx)].map((r) => [r.id, r])).values()];
  const present = new Set(readdirSync(folder));
  const remade: string[] = [];
  for (const r of rows) {
    if (present.has(ddtFileName(r.number, r.kind))) continue;
    const path = saveDdtCopySync(ctx, r.id);
    if (path) remade.push(path);
  }
  const maxId = (ctx.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM ddts').get() as { n: number }).n;
  writeFileDurably(join(folder, MARK), Buffer.from(`${maxId}\n`));
  return { checked: rows.length, remade };
}
