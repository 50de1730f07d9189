/**
 * Purchasing in the demo: every bought item gets its supplier's terms (code, minimum,
 * multiple, lead time, price), and purchase orders show the whole life of an order.
 * Small scale, through the commands: orders received in full and in part through the goods
 * receipt, one cancelled, orders still on their way for the materials that run short
 * (one of them late), and today's drafts made from the shortage list. Large scale: the
 * same terms written in bulk and the ten years of purchase orders behind the history's
 * receipts (purchasingBulk.ts).
 */
import { addDays, localDate } from '../../../src-shared/domain/dates';
import type { Ctx } from '../../api/context';
import { atTime, demoCall } from '../call';
import { microsText, milliText, niceRoundUp, workTime } from '../paperwork';
import type { Rng } from '../rng';
import type { DemoItem, DemoState, DemoStep } from '../types';
import { writePurchaseHistory, type DemoTerms } from './purchasingBulk';

/** Materials whose supplier is late in the workshop history: their orders are still open. */
const DELAYED = ['MP-LATTE-CAPRA', 'MP-OE-MENTA'];

function boughtItems(state: DemoState): DemoItem[] {
  return state.items.filter((i) => (i.kind === 'material' || i.kind === 'packaging') && i.supplierId !== null && !i.archived);
}

/** A supplier's terms as a workshop's suppliers set them: round minimums, boxes of pieces. */
function termsFor(rng: Rng, item: DemoItem, n: number): DemoTerms {
  const pcs = item.unit === 'pcs';
  const base = item.reorderPointMilli ?? (pcs ? 100_000 : 5_000);
  return {
    itemId: item.id,
    supplierId: item.supplierId!,
    supplierCode: `${item.sku.split('-')[1]?.slice(0, 3) ?? 'ART'}-${String(100 + n * 7).padStart(4, '0')}`,
    minQtyMilli: rng.chance(0.5) ? niceRoundUp(base) : 0,
    multipleMilli: pcs ? rng.pick([50_000, 100_000, 250_000]) : rng.pick([0, 0, 1_000, 5_000]),
    leadTimeDays: rng.chance(0.5) ? null : rng.int(2, 15),
    priceMicros: item.unitCostMicros,
  };
}

function quantityText(qtyMilli: number, item: DemoItem): string {
  return `${milliText(qtyMilli)} ${item.unit}`;
}

class SmallPurchasing {
  private readonly today: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly rng: Rng,
    private readonly terms: Map<number, DemoTerms>,
  ) {
    this.today = localDate(ctx.now());
  }

  private at(day: string, minutes = 30): Ctx {
    return atTime(this.ctx, workTime(day, minutes));
  }

  private order(day: string, supplierId: number, lines: { item: DemoItem; qtyMilli: number; expectedOn?: string }[], notes = '') {
    return demoCall(this.at(day), 'purchasing.create', {
      supplierId,
      orderedOn: day,
      notes,
      lines: lines.map((l) => ({ itemId: l.item.id, quantity: quantityText(l.qtyMilli, l.item), expectedOn: l.expectedOn })),
    });
  }

  private receive(day: string, po: { supplier: { id: number }; lines: { id: number; item: { id: number } }[] }, qty: (lineIndex: number) => number, items: DemoItem[]) {
    demoCall(this.at(day, 90), 'inventory.receive', {
      supplierId: po.supplier.id,
      supplierDdtNumber: `${this.rng.int(100, 999)}/${day.slice(0, 4)}`,
      supplierDdtDate: day,
      receivedOn: day,
      lines: po.lines.flatMap((l, i) => {
        const q = qty(i);
        return q > 0 ? [{ itemId: l.item.id, quantity: quantityText(q, items[i]!), supplierLotCode: `PO${this.rng.digits(6)}`, purchaseOrderLineId: l.id }] : [];
      }),
    });
  }

  run(bought: DemoItem[]): Record<string, number> {
    let orders = 0;
    const bySupplier = new Map<number, DemoItem[]>();
    for (const i of bought) bySupplier.set(i.supplierId!, [...(bySupplier.get(i.supplierId!) ?? []), i]);
    const groups = [...bySupplier.values()].filter((g) => g.length > 0);
    const size = (i: DemoItem) => this.terms.get(i.id)!.minQtyMilli || niceRoundUp(i.reorderPointMilli ?? 10_000);

    // received in full, one to two months ago
    for (const [k, group] of groups.slice(0, 4).entries()) {
      const day = addDays(this.today, -60 + k * 9);
      const items = this.rng.sample(group, Math.min(2, group.length));
      const po = this.order(day, items[0]!.supplierId!, items.map((item) => ({ item, qtyMilli: size(item) })));
      demoCall(this.at(day, 40), 'purchasing.send', { id: po.id });
      this.receive(addDays(day, this.rng.int(3, 8)), po, (i) => po.lines[i]!.qtyMilli, items);
      orders++;
    }
    // received in part: the rest is still due
    const partial = groups[4 % groups.length]!;
    const pItems = partial.slice(0, 2);
    const pDay = addDays(this.today, -18);
    const po = this.order(pDay, pItems[0]!.supplierId!, pItems.map((item) => ({ item, qtyMilli: size(item) * 2 })), 'Consegna frazionata concordata al telefono');
    demoCall(this.at(pDay, 40), 'purchasing.send', { id: po.id });
    this.receive(addDays(pDay, 6), po, (i) => (i === 0 ? Math.floor(po.lines[0]!.qtyMilli / 2) : 0), pItems);
    orders++;
    // cancelled: the supplier had none
    const cItem = groups[groups.length - 1]![0]!;
    const cancelled = this.order(addDays(this.today, -25), cItem.supplierId!, [{ item: cItem, qtyMilli: size(cItem) }]);
    demoCall(this.at(addDays(this.today, -24)), 'purchasing.cancel', { id: cancelled.id, reason: 'Articolo esaurito dal fornitore' });
    orders++;
    // on their way for what runs short: one late (expected two days ago), one due next week
    for (const [k, sku] of DELAYED.entries()) {
      const item = bought.find((i) => i.sku === sku);
      if (!item) continue;
      const day = addDays(this.today, -12 + k * 5);
      const open = this.order(day, item.supplierId!, [{ item, qtyMilli: size(item), expectedOn: addDays(this.today, k === 0 ? -2 : 6) }]);
      demoCall(this.at(day, 40), 'purchasing.send', { id: open.id });
      orders++;
    }
    // today: drafts from the shortage list (what is below its reorder point)
    const below = demoCall(this.ctx, 'inventory.stockOverview', { filter: 'below_reorder' }).rows.filter((r) => r.reorderPointMilli !== null && this.terms.has(r.item.id));
    const lines = below.filter((r) => !DELAYED.includes(r.item.sku)).map((r) => ({ itemId: r.item.id, qtyMilli: Math.max(r.reorderPointMilli! - r.availableMilli - r.incomingMilli, 1) }));
    if (lines.length > 0) orders += demoCall(this.at(this.today, 20), 'purchasing.createFromShortages', { lines }).purchaseOrders.length;
    return { purchaseOrders: orders };
  }
}

export const purchasingStep: DemoStep = {
  name: 'purchasing',
  run(ctx: Ctx, rng: Rng, state: DemoState) {
    const bought = boughtItems(state);
    const terms = new Map(bought.map((item, n) => [item.id, termsFor(rng, item, n)]));
    if (state.scale === 'large') return writePurchaseHistory(ctx, rng, [...terms.values()]);
    for (const x of terms.values()) {
      demoCall(ctx, 'purchasing.saveSupplierTerms', {
        itemId: x.itemId,
        supplierId: x.supplierId,
        preferred: true,
        supplierCode: x.supplierCode,
        minQuantity: x.minQtyMilli ? milliText(x.minQtyMilli) : null,
        multiple: x.multipleMilli ? milliText(x.multipleMilli) : null,
        leadTimeDays: x.leadTimeDays,
        price: x.priceMicros === null ? null : microsText(x.priceMicros),
      });
    }
    return { supplierTerms: terms.size, ...new SmallPurchasing(ctx, rng, terms).run(bought) };
  },
};
