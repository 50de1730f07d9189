import { localDate } from '../../../src-shared/domain/dates';
import { orderQuantity } from '../../../src-shared/domain/purchasing';
import type { Unit } from '../../../src-shared/domain/units';
import type { ReadCtx } from '../../api/context';
import { FieldProblems } from '../fieldParsing';
import { supplierTermsOf } from './openSupply';
import { afterLeadTime } from './workingDays';

/**
 * What "Create purchase orders" from a shortage list would do, worked out once for both the
 * preview (a query) and the creation (a command), so what the user confirmed is what is
 * written: per preferred supplier, the lines with quantities rounded up to its minimum and
 * multiple and dates from its lead time, and the supplier's open draft purchase order the
 * lines go into (a second draft for the same supplier is what the user had to merge by hand).
 */

export interface ShortageNeed {
  itemId: number;
  qtyMilli: number;
  neededBy?: string | undefined;
}

export interface PlannedPurchaseLine {
  item: { id: number; sku: string; name: string; unit: Unit };
  requestedMilli: number;
  orderedMilli: number;
  unitPriceMicros: number | null;
  expectedOn: string;
  /** false: neither the supplier nor the item has a lead time, so the date is today's and only a placeholder */
  leadTimeKnown: boolean;
  /** the expected date is after the date it was needed by */
  late: boolean;
}

export interface PlannedPurchaseOrder {
  supplier: { id: number; name: string };
  /** the supplier's open draft the lines are added to; null: a new draft is opened */
  draft: { id: number; number: string } | null;
  /** the latest line date (the order's own expected date when it is new) */
  expectedOn: string;
  lines: PlannedPurchaseLine[];
}

export interface ShortagePurchasePlan {
  purchaseOrders: PlannedPurchaseOrder[];
  unplaced: { itemId: number; sku: string; name: string; qtyMilli: number; reason: 'no_supplier' }[];
}

/** Adds up the needs of one item (the shortage list may name it once per order); the earliest date counts. */
function mergeNeeds(lines: ShortageNeed[]): ShortageNeed[] {
  const byItem = new Map<number, ShortageNeed>();
  for (const l of lines) {
    const prev = byItem.get(l.itemId);
    if (!prev) byItem.set(l.itemId, { ...l });
    else {
      prev.qtyMilli += l.qtyMilli;
      if (l.neededBy !== undefined && (prev.neededBy === undefined || l.neededBy < prev.neededBy)) prev.neededBy = l.neededBy;
    }
  }
  return [...byItem.values()];
}

/** Refuses unknown items (every bad line named), then groups the needs by preferred supplier. */
export function planFromShortages(ctx: ReadCtx, input: { lines: ShortageNeed[] }): ShortagePurchasePlan {
  const needs = mergeNeeds(input.lines);
  const ids = JSON.stringify(needs.map((n) => n.itemId));
  const items = new Map(
    (ctx.sqlite.prepare('SELECT id, sku, name, unit FROM items WHERE id IN (SELECT value FROM json_each(?))').all(ids) as PlannedPurchaseLine['item'][]).map((i) => [i.id, i]),
  );
  const p = new FieldProblems();
  input.lines.forEach((l, i) => {
    if (!items.has(l.itemId)) p.add(['lines', i, 'itemId'], 'not_found', `Line ${i + 1}: no item with id ${l.itemId}`, { id: l.itemId, line: i + 1 });
  });
  p.throwIfAny('The shortage list names unknown items');

  const today = localDate(ctx.now());
  const terms = supplierTermsOf(ctx, needs.map((n) => n.itemId));
  // every price in one lookup: by item and supplier
  const prices = new Map(
    (
      ctx.sqlite.prepare('SELECT item_id AS itemId, supplier_id AS supplierId, price_micros AS price FROM supplier_items WHERE item_id IN (SELECT value FROM json_each(?))').all(ids) as {
        itemId: number;
        supplierId: number;
        price: number | null;
      }[]
    ).map((r) => [`${r.itemId}:${r.supplierId}`, r.price]),
  );

  const bySupplier = new Map<number, PlannedPurchaseOrder>();
  for (const n of needs) {
    const t = terms.get(n.itemId);
    if (!t) continue;
    const group = bySupplier.get(t.supplierId) ?? { supplier: { id: t.supplierId, name: t.supplierName }, draft: null, expectedOn: today, lines: [] };
    const expectedOn = afterLeadTime(ctx, today, t.leadTimeDays ?? 0);
    group.lines.push({
      item: items.get(n.itemId)!,
      requestedMilli: n.qtyMilli,
      orderedMilli: orderQuantity(n.qtyMilli, t.minQtyMilli, t.multipleMilli),
      unitPriceMicros: prices.get(`${n.itemId}:${t.supplierId}`) ?? null,
      expectedOn,
      leadTimeKnown: t.leadTimeDays !== null,
      late: n.neededBy !== undefined && expectedOn > n.neededBy,
    });
    if (expectedOn > group.expectedOn) group.expectedOn = expectedOn;
    bySupplier.set(t.supplierId, group);
  }

  // each supplier's newest open draft, in one lookup
  const drafts = ctx.sqlite
    .prepare(
      `SELECT supplier_id AS supplierId, max(id) AS id FROM purchase_orders
       WHERE status = 'draft' AND supplier_id IN (SELECT value FROM json_each(?)) GROUP BY supplier_id`,
    )
    .all(JSON.stringify([...bySupplier.keys()])) as { supplierId: number; id: number }[];
  const numberOf = ctx.sqlite.prepare('SELECT number FROM purchase_orders WHERE id = ?');
  for (const d of drafts) bySupplier.get(d.supplierId)!.draft = { id: d.id, number: (numberOf.get(d.id) as { number: string }).number };

  return {
    purchaseOrders: [...bySupplier.values()].sort((a, b) => a.supplier.id - b.supplier.id),
    unplaced: needs
      .filter((n) => !terms.has(n.itemId))
      .map((n) => ({ itemId: n.itemId, sku: items.get(n.itemId)!.sku, name: items.get(n.itemId)!.name, qtyMilli: n.qtyMilli, reason: 'no_supplier' as const })),
  };
}
