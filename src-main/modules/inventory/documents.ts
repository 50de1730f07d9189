import type { Ctx, ReadCtx } from '../../api/context';
import { ident, sql } from '../../db/sql';

/**
 * Every document a movement or a reservation may point at, by doc_type: the table that
 * holds it and how to name it for a person. Modules that cause movements (production,
 * shipping…) add their document kinds here, so `check` can prove every pointer is live.
 */
export interface DocumentKind {
  table: string;
  label: (ctx: ReadCtx, id: number) => string;
}

export const STOCK_DOCUMENT = 'stock_document';

const kindLabels: Record<string, string> = {
  receipt: 'Receipt',
  count: 'Count',
  scrap: 'Scrap',
  transfer: 'Transfer',
  reversal: 'Reversal',
  consume: 'Consumption',
  reservation: 'Reservation',
};

export const documentKinds: Record<string, DocumentKind> = {
  [STOCK_DOCUMENT]: {
    table: 'stock_documents',
    label: (ctx, id) => {
      const d = ctx.sqlite
        .prepare('SELECT kind, date, supplier_ddt_number AS ddt, supplier_ddt_date AS ddtDate FROM stock_documents WHERE id = ?')
        .get(id) as { kind: string; date: string; ddt: string | null; ddtDate: string | null } | undefined;
      if (!d) return `#${id}`;
      const base = `${kindLabels[d.kind] ?? d.kind} ${id} (${d.date})`;
      return d.ddt ? `${base}, DDT ${d.ddt}${d.ddtDate ? ` ${d.ddtDate}` : ''}` : base;
    },
  },
};

export function registerDocumentKind(docType: string, kind: DocumentKind): void {
  documentKinds[docType] = kind;
}

export function documentLabel(ctx: ReadCtx, docType: string, docId: number): string {
  return documentKinds[docType]?.label(ctx, docId) ?? `${docType} #${docId}`;
}

export function documentExists(ctx: Ctx, docType: string, docId: number): boolean {
  const kind = documentKinds[docType];
  if (!kind) return false;
  return ctx.sqlite.prepare(sql`SELECT 1 FROM ${ident(kind.table)} WHERE id = ?`.text).get(docId) !== undefined;
}

export function createStockDocument(
  ctx: Ctx,
  doc: { kind: 'receipt' | 'count' | 'scrap' | 'transfer' | 'reversal' | 'consume' | 'reservation'; date: string; note?: string; supplierId?: number | null; supplierDdtNumber?: string | null; supplierDdtDate?: string | null },
): number {
  const r = ctx.sqlite
    .prepare(
      `INSERT INTO stock_documents (kind, supplier_id, supplier_ddt_number, supplier_ddt_date, date, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(doc.kind, doc.supplierId ?? null, doc.supplierDdtNumber ?? null, doc.supplierDdtDate ?? null, doc.date, doc.note ?? '', ctx.now().toISOString());
  return Number(r.lastInsertRowid);
}
