import { formatLotCode, lotCodePrefix } from '../../../src-shared/domain/lotCode';
import type { Ctx } from '../../api/context';
import { nextNumber } from '../numbering/next';
import { readSettings } from '../settings/store';

export interface NewLot {
  itemId: number;
  sku: string;
  origin: 'receipt' | 'production' | 'adjustment';
  status: 'quarantine' | 'released';
  originDate: string;
  expiresOn: string | null;
  supplierId?: number | null;
  supplierLotCode?: string | null;
  unitCostMicros?: number | null;
  docType: string;
  docId: number;
  /** what its first movement brings in, written with the row (postIntoNewLot writes that movement); 0 if not given */
  onHandMilli?: number;
}

/** Our own lot code from the pattern in Settings; the sequence counts per prefix. */
export function nextLotCode(ctx: Ctx, originDate: string, sku: string): string {
  const pattern = readSettings(ctx).inventory.lotCodePattern;
  const prefix = lotCodePrefix(pattern, originDate, sku);
  // a code typed by hand or imported could already hold the next number: skip it
  for (;;) {
    const code = formatLotCode(pattern, originDate, sku, nextNumber(ctx, `lot:${prefix}`));
    if (!ctx.sqlite.prepare('SELECT 1 FROM lots WHERE code = ?').get(code)) return code;
  }
}

/** Creates a lot, empty or holding what its first movement (postIntoNewLot) brings in. */
export function createLot(ctx: Ctx, lot: NewLot): { id: number; code: string } {
  const code = nextLotCode(ctx, lot.originDate, lot.sku);
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO lots (item_id, code, origin, status, supplier_id, supplier_lot_code, origin_date, expires_on, unit_cost_micros, doc_type, doc_id, on_hand_milli, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        lot.itemId,
        code,
        lot.origin,
        lot.status,
        lot.supplierId ?? null,
        lot.supplierLotCode ?? null,
        lot.originDate,
        lot.expiresOn,
        lot.unitCostMicros ?? null,
        lot.docType,
        lot.docId,
        lot.onHandMilli ?? 0,
        ctx.now().toISOString(),
      ).lastInsertRowid,
  );
  return { id, code };
}
