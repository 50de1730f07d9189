import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { appendToDraft, insertPurchaseOrder } from './orderCommands';
import { planFromShortages } from './shortagePlan';

/** What "Create purchase orders" would write, for the user to look at before confirming. */
export const previewFromShortages: Handler<'purchasing.previewFromShortages'> = (ctx, input) => planFromShortages(ctx, input);

/**
 * Draft purchase orders for a shortage list, as the preview showed them: per preferred
 * supplier, added to that supplier's open draft when it has one, else a new draft.
 * Materials with no supplier are reported back.
 */
export const createFromShortages: Handler<'purchasing.createFromShortages'> = (ctx, input) => {
  const plan = planFromShortages(ctx, input);
  const today = localDate(ctx.now());
  const purchaseOrders: { id: number; number: string; supplier: { id: number; name: string }; lineCount: number; expectedOn: string; addedToDraft: boolean }[] = [];
  const placed: { itemId: number; requestedMilli: number; orderedMilli: number; purchaseOrderId: number; purchaseOrderNumber: string; lineId: number; expectedOn: string; leadTimeKnown: boolean; late: boolean }[] = [];
  for (const group of plan.purchaseOrders) {
    const lines = group.lines.map((l) => ({ itemId: l.item.id, qtyMilli: l.orderedMilli, unitPriceMicros: l.unitPriceMicros, expectedOn: l.expectedOn }));
    const po = group.draft
      ? { ...group.draft, lineIds: appendToDraft(ctx, group.draft.id, lines, group.expectedOn) }
      : insertPurchaseOrder(ctx, { supplierId: group.supplier.id, orderedOn: today, expectedOn: group.expectedOn, notes: '', lines });
    purchaseOrders.push({ id: po.id, number: po.number, supplier: group.supplier, lineCount: lines.length, expectedOn: group.expectedOn, addedToDraft: group.draft !== null });
    group.lines.forEach((l, i) =>
      placed.push({
        itemId: l.item.id,
        requestedMilli: l.requestedMilli,
        orderedMilli: l.orderedMilli,
        purchaseOrderId: po.id,
        purchaseOrderNumber: po.number,
        lineId: po.lineIds[i]!,
        expectedOn: l.expectedOn,
        leadTimeKnown: l.leadTimeKnown,
        late: l.late,
      }),
    );
  }
  return { purchaseOrders, placed, unplaced: plan.unplaced };
};
