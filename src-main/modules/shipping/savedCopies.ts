/**
 * The saved copy of every issued DDT: `documents/<db name>/DDT/DDT-2026-00001.pdf`, written
 * durably (temp file, fsync, rename) right after the issuing command commits — before it
 * answers when it came through a door (see api/afterCommit.ts). A copy never
 * replaces a different document: a different file already at the name is kept, and this
 * DDT's copy gets the next free name (`DDT-2026-00001 (2).pdf`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx, ReadCtx } from '../../api/context';
import { afterCommit } from '../../api/afterCommit';
import { documentsFolder } from '../../db/dataFolders';
import { writeFileDurably } from '../../db/durableFile';
import { loadDdt } from './ddtSnapshot';
import { renderDdt, renderDdtSync } from './ddtPdf';
import { logoImage } from './logo';
import { moveLegacyDdtCopies } from './legacyCopies';
import { sameDocument } from '../../documents/sameDocument';

/** the connections (one per opening of a database) that have moved the old copies in */
const moved = new WeakSet<object>();

/** This database's DDT folder; null for an in-memory database. Copies from before per-database folders are moved in once. */
export function ddtFolder(ctx: ReadCtx): string | null {
  const folder = documentsFolder(ctx.dbPath, 'DDT');
  if (folder && !moved.has(ctx.sqlite)) {
    moved.add(ctx.sqlite);
    moveLegacyDdtCopies(ctx, folder);
  }
  return folder;
}

export function ddtFileName(number: string, kind: 'shipment' | 'return'): string {
  const [seq, year] = number.split('/');
  return `DDT-${year}-${String(seq).padStart(5, '0')}${kind === 'return' ? '-reso' : ''}.pdf`;
}

export interface RenderedDdt {
  fileName: string;
  pdf: Buffer;
}

export async function renderStoredDdt(ctx: ReadCtx, ddtId: number): Promise<RenderedDdt> {
  const d = loadDdt(ctx, ddtId);
  const pdf = await renderDdt(d.snapshot, logoImage(ctx, d.snapshot.logoId));
  return { fileName: ddtFileName(d.number, d.kind), pdf };
}

export function renderStoredDdtSync(ctx: ReadCtx, ddtId: number): RenderedDdt {
  const d = loadDdt(ctx, ddtId);
  return { fileName: ddtFileName(d.number, d.kind), pdf: renderDdtSync(d.snapshot, logoImage(ctx, d.snapshot.logoId)) };
}

/** `DDT-2026-00001.pdf`, then `DDT-2026-00001 (2).pdf`, … */
function candidateName(fileName: string, n: number): string {
  return n === 1 ? fileName : fileName.replace(/\.pdf$/, ` (${n}).pdf`);
}

/**
 * Where this document's copy is in `folder`: an existing file with the same document,
 * else a new file at the first free name. Never replaces a different file.
 */
export function placeCopy(folder: string, r: RenderedDdt): string {
  mkdirSync(folder, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(folder, candidateName(r.fileName, n));
    if (!existsSync(path)) {
      writeFileDurably(path, r.pdf);
      return path;
    }
    if (sameDocument(readFileSync(path), r.pdf)) return path;
  }
}

/** The saved copy of an issued DDT, written if missing (reprints and "open" use it). */
export async function saveDdtCopy(ctx: ReadCtx, ddtId: number, rendered?: RenderedDdt): Promise<string | null> {
  const folder = ddtFolder(ctx);
  if (!folder || !ctx.sqlite.open || !ctx.sqlite.prepare('SELECT 1 FROM ddts WHERE id = ?').get(ddtId)) return null;
  const r = rendered ?? (await renderStoredDdt(ctx, ddtId));
  // the app may have closed while the page rendered (a test, the CLI ending): no stray folder then
  if (!ctx.sqlite.open) return null;
  return placeCopy(folder, r);
}

/** The same, synchronously: what runs right after the issuing command commits. */
export function saveDdtCopySync(ctx: ReadCtx, ddtId: number): string | null {
  const folder = ddtFolder(ctx);
  if (!folder || !ctx.sqlite.open || !ctx.sqlite.prepare('SELECT 1 FROM ddts WHERE id = ?').get(ddtId)) return null;
  return placeCopy(folder, renderStoredDdtSync(ctx, ddtId));
}

/**
 * Called inside the issuing transaction: the copy is written once that transaction has
 * committed, before the command answers (a rolled-back confirmation leaves no DDT row,
 * and nothing is written). A crash in between is healed at the next start
 * (remakeMissingDdtCopies).
 */
export function scheduleDdtCopy(ctx: Ctx, ddtId: number): void {
  afterCommit(ctx.sqlite, () => {
    try {
      saveDdtCopySync(ctx, ddtId);
    } catch (err) {
      console.error(`Could not save the copy of DDT ${ddtId}:`, err);
    }
  });
}
