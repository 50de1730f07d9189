import { parseQuantity } from '../../../src-shared/domain/quantity';
import { parseUnitCostMicros } from '../../../src-shared/domain/money';
import type { SupplierTerms } from '../../../src-shared/contract/purchasing';
import type { Unit } from '../../../src-shared/domain/units';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { sql, where } from '../../db/sql';

const TERMS_SELECT = sql`
  SELECT si.id, si.preferred, si.supplier_code AS supplierCode, si.min_qty_milli AS minQtyMilli, si.multiple_milli AS multipleMilli,
         si.lead_time_days AS leadTimeDays, i.lead_time_days AS itemLeadTimeDays, si.price_micros AS priceMicros,
         i.id AS itemId, i.sku, i.name AS itemName, i.kind, i.unit, s.id AS supplierId, s.name AS supplierName
  FROM supplier_items si JOIN items i ON i.id = si.item_id JOIN suppliers s ON s.id = si.supplier_id`;

interface TermsRow {
  id: number;
  preferred: number;
  supplierCode: string | null;
  minQtyMilli: number;
  multipleMilli: number;
  leadTimeDays: number | null;
  itemLeadTimeDays: number | null;
  priceMicros: number | null;
  itemId: number;
  sku: string;
  itemName: string;
  kind: SupplierTerms['item']['kind'];
  unit: Unit;
  supplierId: number;
  supplierName: string;
}

function toTerms(r: TermsRow): SupplierTerms {
  return {
    id: r.id,
    item: { id: r.itemId, sku: r.sku, name: r.itemName, kind: r.kind, unit: r.unit },
    supplier: { id: r.supplierId, name: r.supplierName },
    preferred: r.preferred === 1,
    supplierCode: r.supplierCode,
    minQtyMilli: r.minQtyMilli,
    multipleMilli: r.multipleMilli,
    leadTimeDays: r.leadTimeDays,
    itemLeadTimeDays: r.itemLeadTimeDays,
    priceMicros: r.priceMicros,
  };
}

export function loadTerms(ctx: Ctx, id: number): SupplierTerms {
  const r = ctx.sqlite.prepare(sql`${TERMS_SELECT} WHERE si.id = ?`.text).get(id) as TermsRow | undefined;
  if (!r) throw notFound('supplier terms', id);
  return toTerms(r);
}

/** The terms of one supplier for one item, if any (the price and code a purchase order line starts from). */
export function termsFor(ctx: Ctx, itemId: number, supplierId: number): { supplierCode: string | null; priceMicros: number | null; leadTimeDays: number | null } | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT si.supplier_code AS supplierCode, si.price_micros AS priceMicros, coalesce(si.lead_time_days, i.lead_time_days) AS leadTimeDays
       FROM supplier_items si JOIN items i ON i.id = si.item_id WHERE si.item_id = ? AND si.supplier_id = ?`,
    )
    .get(itemId, supplierId) as { supplierCode: string | null; priceMicros: number | null; leadTimeDays: number | null } | undefined;
}

export const listSupplierTerms: Handler<'purchasing.listSupplierTerms'> = (ctx, input) => {
  const cond = where([input.itemId !== undefined ? sql`si.item_id = ${input.itemId}` : null, input.supplierId !== undefined ? sql`si.supplier_id = ${input.supplierId}` : null]);
  const q = sql`${TERMS_SELECT} ${cond} ORDER BY si.preferred DESC, s.name, i.name, si.id LIMIT 5000`;
  return (ctx.sqlite.prepare(q.text).all(...q.values) as TermsRow[]).map(toTerms);
};

/** Adds or changes one supplier's terms; marking it preferred takes the mark from the item's other suppliers. */
export const saveSupplierTerms: Handler<'purchasing.saveSupplierTerms'> = (ctx, input) => {
  const item = ctx.sqlite.prepare('SELECT id, unit FROM items WHERE id = ?').get(input.itemId) as { id: number; unit: Unit } | undefined;
  if (!item) throw notFound('item', input.itemId);
  if (!ctx.sqlite.prepare('SELECT 1 FROM suppliers WHERE id = ?').get(input.supplierId)) throw notFound('supplier', input.supplierId);
  if (input.id !== undefined && !ctx.sqlite.prepare('SELECT 1 FROM supplier_items WHERE id = ? AND item_id = ?').get(input.id, item.id)) throw notFound('supplier terms', input.id);
  const p = new FieldProblems();
  const qty = (field: 'minQuantity' | 'multiple') => {
    const text = input[field];
    if (text === null) return 0;
    const q = p.parse([field], 'quantity', () => parseQuantity(text, item.unit), { unit: item.unit });
    if (q !== null && q < 0) p.add([field], 'negative', 'The quantity cannot be negative');
    return q ?? 0;
  };
  const minQtyMilli = qty('minQuantity');
  const multipleMilli = qty('multiple');
  const priceMicros = input.price === null ? null : p.parse(['price'], 'money', () => parseUnitCostMicros(input.price!));
  if (priceMicros !== null && priceMicros < 0) p.add(['price'], 'negative', 'The price cannot be negative');
  const clash = ctx.sqlite.prepare('SELECT id FROM supplier_items WHERE item_id = ? AND supplier_id = ? AND id IS NOT ?').get(item.id, input.supplierId, input.id ?? null) as
    | { id: number }
    | undefined;
  if (clash) {
    throw new DomainError('CONFLICT', 'This supplier already has terms for this item', {
      existingId: clash.id,
      issues: [{ path: ['supplierId'], key: 'terms_exist', message: 'This supplier already has terms for this item' }],
    });
  }
  p.throwIfAny('The supplier terms have invalid fields');
  const now = ctx.now().toISOString();
  if (input.preferred) ctx.sqlite.prepare('UPDATE supplier_items SET preferred = 0, updated_at = ? WHERE item_id = ? AND preferred = 1').run(now, item.id);
  const values = [input.supplierId, input.preferred ? 1 : 0, input.supplierCode, minQtyMilli, multipleMilli, input.leadTimeDays, priceMicros, now];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      ctx.sqlite
        .prepare(
          `INSERT INTO supplier_items (item_id, supplier_id, preferred, supplier_code, min_qty_milli, multiple_milli, lead_time_days, price_micros, updated_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(item.id, ...values, now).lastInsertRowid,
    );
  } else {
    ctx.sqlite
      .prepare(
        `UPDATE supplier_items SET supplier_id = ?, preferred = ?, supplier_code = ?, min_qty_milli = ?, multiple_milli = ?, lead_time_days = ?, price_micros = ?, updated_at = ?
         WHERE id = ? AND item_id = ?`,
      )
      .run(...values, id, item.id);
  }
  return loadTerms(ctx, id);
};

export const deleteSupplierTerms: Handler<'purchasing.deleteSupplierTerms'> = (ctx, input) => {
  const r = ctx.sqlite.prepare('DELETE FROM supplier_items WHERE id = ?').run(input.id);
  if (r.changes === 0) throw notFound('supplier terms', input.id);
  return { id: input.id };
};
