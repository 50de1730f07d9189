import type { Lot } from '../../../src-shared/contract/inventory';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { sql } from '../../db/sql';
import { localDate } from '../../../src-shared/domain/dates';

/** The columns every lot query selects, so one mapper serves them all. */
export const LOT_SELECT = sql`
  SELECT l.id, l.code, l.status, l.origin, l.supplier_lot_code AS supplierLotCode, l.origin_date AS originDate,
         l.expires_on AS expiresOn, l.unit_cost_micros AS unitCostMicros, l.on_hand_milli AS onHandMilli,
         l.reserved_milli AS reservedMilli, l.doc_type AS docType, l.doc_id AS docId,
         i.id AS itemId, i.sku, i.name AS itemName, i.kind, i.unit,
         s.id AS supplierId, s.name AS supplierName
  FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id`;

export interface LotRow {
  id: number;
  code: string;
  status: Lot['status'];
  origin: Lot['origin'];
  supplierLotCode: string | null;
  originDate: string;
  expiresOn: string | null;
  unitCostMicros: number | null;
  onHandMilli: number;
  reservedMilli: number;
  docType: string;
  docId: number;
  itemId: number;
  sku: string;
  itemName: string;
  kind: Lot['item']['kind'];
  unit: Lot['item']['unit'];
  supplierId: number | null;
  supplierName: string | null;
}

/**
 * A lot as the screens show it, on `today`: an expired lot is still released (a person
 * decides what happens to it) but has nothing available for use — FEFO never picks it.
 */
export function toLot(r: LotRow, today: string): Lot {
  const expired = r.expiresOn !== null && r.expiresOn < today;
  return {
    id: r.id,
    code: r.code,
    item: { id: r.itemId, sku: r.sku, name: r.itemName, kind: r.kind, unit: r.unit },
    status: r.status,
    origin: r.origin,
    supplier: r.supplierId === null ? null : { id: r.supplierId, name: r.supplierName ?? '' },
    supplierLotCode: r.supplierLotCode,
    originDate: r.originDate,
    expiresOn: r.expiresOn,
    unitCostMicros: r.unitCostMicros,
    onHandMilli: r.onHandMilli,
    reservedMilli: r.reservedMilli,
    availableMilli: r.status === 'released' && !expired ? Math.max(0, r.onHandMilli - r.reservedMilli) : 0,
    expired,
    docType: r.docType,
    docId: r.docId,
  };
}

export function loadLot(ctx: ReadCtx, lotId: number): Lot {
  const r = ctx.sqlite.prepare(sql`${LOT_SELECT} WHERE l.id = ?`.text).get(lotId) as LotRow | undefined;
  if (!r) throw notFound('lot', lotId);
  return toLot(r, localDate(ctx.now()));
}

/** Several lots in one read (a receipt's answer), in the order given; a lot named twice comes twice. */
export function loadLots(ctx: ReadCtx, lotIds: number[]): Lot[] {
  const rows = ctx.sqlite.prepare(sql`${LOT_SELECT} WHERE l.id IN (SELECT value FROM json_each(?))`.text).all(JSON.stringify(lotIds)) as LotRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const today = localDate(ctx.now());
  return lotIds.map((id) => {
    const r = byId.get(id);
    if (!r) throw notFound('lot', id);
    return toLot(r, today);
  });
}
