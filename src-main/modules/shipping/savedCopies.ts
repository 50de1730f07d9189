import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Ctx, ReadCtx } from '../../api/context';
import { loadDdt } from './ddtSnapshot';
import { renderDdt } from './ddtPdf';
import { logoImage } from './logo';

/** `documents/DDT/` beside the database file; null for an in-memory database. */
export function ddtFolder(ctx: ReadCtx): string | null {
  if (ctx.dbPath === ':memory:' || ctx.dbPath === '') return null;
  return join(dirname(ctx.dbPath), 'documents', 'DDT');
}

export function ddtFileName(number: string, kind: 'shipment' | 'return'): string {
  const [seq, year] = number.split('/');
  return `DDT-${year}-${String(seq).padStart(5, '0')}${kind === 'return' ? '-reso' : ''}.pdf`;
}

export async function renderStoredDdt(ctx: ReadCtx, ddtId: number): Promise<{ fileName: string; pdf: Buffer }> {
  const d = loadDdt(ctx, ddtId);
  const pdf = await renderDdt(d.snapshot, logoImage(ctx, d.snapshot.logoId));
  return { fileName: ddtFileName(d.number, d.kind), pdf };
}

/** Writes the copy of an issued DDT once; a copy already there is the same document and stays. */
export async function saveDdtCopy(ctx: ReadCtx, ddtId: number, rendered?: { fileName: string; pdf: Buffer }): Promise<string | null> {
  const folder = ddtFolder(ctx);
  if (!folder) return null;
  if (!ctx.sqlite.open || !ctx.sqlite.prepare('SELECT 1 FROM ddts WHERE id = ?').get(ddtId)) return null;
  const r = rendered ?? (await renderStoredDdt(ctx, ddtId));
  // the app may have closed while the page rendered (a test, the CLI ending): no stray folder then
  if (!ctx.sqlite.open) return null;
  const path = join(folder, r.fileName);
  if (existsSync(path)) return path;
  mkdirSync(folder, { recursive: true });
  writeFileSync(path, r.pdf);
  return path;
}

/**
 * Called inside the confirming transaction: the copy is written on the next turn of the
 * event loop, after the transaction has committed. A rolled-back confirmation leaves no
 * DDT row, and nothing is written.
 */
export function scheduleDdtCopy(ctx: Ctx, ddtId: number): void {
  setImmediate(() => {
    saveDdtCopy(ctx, ddtId).catch((err: unknown) => console.error(`Could not save the copy of DDT ${ddtId}:`, err));
  });
}
