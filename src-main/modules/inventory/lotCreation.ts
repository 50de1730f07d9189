import { formatLotCode, lotCodePrefix } from '../../../src-shared/domain/lotCode';
import type { Ctx } from '../../api/context';
import { nextNumber, nextNumbers } from '../numbering/next';
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
  return nextLotCodes(ctx, originDate, [sku])[0]!;
}

/**
 * The codes of lots made on one day, in the order given: one sequence step per prefix
 * for all its lots (a receipt of ten lines took ten), and, for several, one look-up of
 * the codes those numbers give. A code typed by hand or imported could already hold a
 * number: it is skipped and the next one taken, as one lot after the other would.
 */
export function nextLotCodes(ctx: Ctx, originDate: string, skus: string[]): string[] {
  const pattern = readSettings(ctx).inventory.lotCodePattern;
  const codes = new Array<string>(skus.length);
  const byPrefix = new Map<string, number[]>();
  skus.forEach((sku, i) => {
    const prefix = lotCodePrefix(pattern, originDate, sku);
    const at = byPrefix.get(prefix);
    if (at) at.push(i);
    else byPrefix.set(prefix, [i]);
  });
  for (const [prefix, at] of byPrefix) {
    const key = `lot:${prefix}`;
    const first = nextNumbers(ctx, key, at.length);
    let last = first + at.length - 1;
    const isHeld = heldCodes(ctx, at.length > 1 ? at.map((i, k) => formatLotCode(pattern, originDate, skus[i]!, first + k)) : []);
    let n = first;
    for (const i of at) {
      for (;;) {
        if (n > last) last = nextNumber(ctx, key);
        const code = formatLotCode(pattern, originDate, skus[i]!, n++);
        if (!isHeld(code)) {
          codes[i] = code;
          break;
        }
      }
    }
  }
  return codes;
}

/** Whether a lot holds a code: the `expected` codes looked up at once, any other one when asked. */
function heldCodes(ctx: Ctx, expected: string[]): (code: string) => boolean {
  const asked = new Set(expected);
  const held =
    expected.length === 0
      ? asked
      : new Set(ctx.sqlite.prepare('SELECT code FROM lots WHERE code IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(expected)) as string[]);
  return (code) => (asked.has(code) ? held.has(code) : !!ctx.sqlite.prepare('SELECT 1 FROM lots WHERE code = ?').get(code));
}

/**
 * Creates a lot, empty or holding what its first movement (postIntoNewLot) brings in; its
 * code given when taken together with others' (nextLotCodes), else the next one.
 */
export function createLot(ctx: Ctx, lot: NewLot, code = nextLotCode(ctx, lot.originDate, lot.sku)): { id: number; code: string } {
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
