import { localDate } from '../../../src-shared/domain/dates';
import { orderQuantity } from '../../../src-shared/domain/purchasing';
import type { Handler } from '../../api/handlers';
import { FieldProblems } from '../fieldParsing';
import { insertPurchaseOrder, type NewPurchaseLine } from './orderCommands';
import { supplierTermsOf } from './openSupply';
import { termsFor } from './terms';
import { afterLeadTime } from './workingDays';

interface Need {
  itemId: number;
  qtyMilli: number;
  neededBy?: string | undefined;
}

/** Adds up the needs of one item (the shortage list may name it once per order); the earliest date counts. */
function mergeNeeds(lines: Need[]): Need[] {
  const byItem = new Map<number, Need>();
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

/**
 * One draft purchase order per preferred supplier for a shortage list. Quantities are
 * rounded up to the supplier's minimum and multiple; each line is expected after the
 * supplier's lead time in working days (the item's when the supplier has none; today
 * when neither is known, and said so). Materials with no supplier are reported back.
 */
export const createFromShortages: Handler<'purchasing.createFromShortages'> = (ctx, input) => {
  const needs = mergeNeeds(input.lines);
  const p = new FieldProblems();
  const known = new Set(
    (ctx.sqlite.prepare('SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(needs.map((n) => n.itemId))) as { id: number }[]).map((r) => r.id),
  );
  input.lines.forEach((l, i) => {
    if (!known.has(l.itemId)) p.add(['lines', i, 'itemId'], 'not_found', `Line ${i + 1}: no item with id ${l.itemId}`, { id: l.itemId, line: i + 1 });
  });
  p.throwIfAny('The shortage list names unknown items');

  const today = localDate(ctx.now());
  const terms = supplierTermsOf(ctx, needs.map((n) => n.itemId));
  const unplaced = needs.filter((n) => !terms.has(n.itemId));
  const bySupplier = new Map<number, (Need & { orderedMilli: number; expectedOn: string; leadKnown: boolean })[]>();
  for (const n of needs) {
    const t = terms.get(n.itemId);
    if (!t) continue;
    const group = bySupplier.get(t.supplierId) ?? [];
    group.push({
      ...n,
      orderedMilli: orderQuantity(n.qtyMilli, t.minQtyMilli, t.multipleMilli),
      expectedOn: afterLeadTime(ctx, today, t.leadTimeDays ?? 0),
      leadKnown: t.leadTimeDays !== null,
    });
    bySupplier.set(t.supplierId, group);
  }

  const purchaseOrders: { id: number; number: string; supplier: { id: number; name: string }; lineCount: number; expectedOn: string }[] = [];
  const placed: { itemId: number; requestedMilli: number; orderedMilli: number; purchaseOrderId: number; purchaseOrderNumber: string; lineId: number; expectedOn: string; leadTimeKnown: boolean; late: boolean }[] = [];
  for (const [supplierId, group] of [...bySupplier.entries()].sort((a, b) => a[0] - b[0])) {
    const lines: NewPurchaseLine[] = group.map((g) => ({
      itemId: g.itemId,
      qtyMilli: g.orderedMilli,
      unitPriceMicros: termsFor(ctx, g.itemId, supplierId)?.priceMicros ?? null,
      expectedOn: g.expectedOn,
    }));
    const expectedOn = group.reduce((max, g) => (g.expectedOn > max ? g.expectedOn : max), today);
    const po = insertPurchaseOrder(ctx, { supplierId, orderedOn: today, expectedOn, notes: '', lines });
    purchaseOrders.push({ id: po.id, number: po.number, supplier: { id: supplierId, name: terms.get(group[0]!.itemId)!.supplierName }, lineCount: lines.length, expectedOn });
    group.forEach((g, i) =>
      placed.push({
        itemId: g.itemId,
        requestedMilli: g.qtyMilli,
        orderedMilli: g.orderedMilli,
        purchaseOrderId: po.id,
        purchaseOrderNumber: po.number,
        lineId: po.lineIds[i]!,
        expectedOn: g.expectedOn,
        leadTimeKnown: g.leadKnown,
        late: g.neededBy !== undefined && g.expectedOn > g.neededBy,
      }),
    );
  }
  const names = ctx.sqlite.prepare('SELECT sku, name FROM items WHERE id = ?');
  return {
    purchaseOrders,
    placed,
    unplaced: unplaced.map((n) => ({ itemId: n.itemId, ...(names.get(n.itemId) as { sku: string; name: string }), qtyMilli: n.qtyMilli, reason: 'no_supplier' as const })),
  };
};
