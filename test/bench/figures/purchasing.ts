/**
 * Purchasing figures (no goals in BENCH.md yet; ours in brackets): the open supply
 * planning reads for every item [< 10 ms], draft orders from a 50-line shortage list
 * [< 20 ms], and a 10-line goods receipt against purchase order lines [< 5 ms, as
 * inventory.receipt]. The writing ones work on the run's own copy of the database.
 */
import { openSupply, supplierTermsOf } from '../../../src-main/modules/purchasing/openSupply';
import { defineFigure } from '../harness';
import { call } from './support';

export const figures = [
  defineFigure({
    name: 'purchasing.open_supply',
    what: 'open purchase order lines of every item, by expected date',
    n: 100,
    warmup: 10,
    goal: { median_ms: 10 },
    setup: (env) => env.log(`${openSupply(env.app.ctx).length} open purchase order lines`),
    run: (env) => {
      openSupply(env.app.ctx);
    },
  }),
  defineFigure({
    name: 'purchasing.supplier_terms',
    what: 'preferred supplier terms of 500 materials',
    n: 100,
    warmup: 10,
    goal: { median_ms: 10 },
    setup: (env) => env.app.ctx.sqlite.prepare("SELECT id FROM items WHERE kind = 'material' ORDER BY id LIMIT 500").pluck().all() as number[],
    run: (env, ids) => {
      supplierTermsOf(env.app.ctx, ids);
    },
  }),
  defineFigure({
    name: 'purchasing.from_shortages',
    what: 'draft purchase orders from a 50-line shortage list (grouped, rounded, dated)',
    n: 100,
    warmup: 10,
    goal: { median_ms: 20 },
    setup: (env) => env.app.ctx.sqlite.prepare('SELECT item_id FROM supplier_items WHERE preferred = 1 ORDER BY item_id').pluck().all() as number[],
    run: (env, ids, i) => {
      const lines = Array.from({ length: 50 }, (_, k) => ({ itemId: ids[(i * 50 + k) % ids.length]!, qtyMilli: 1234 + k }));
      call(env, 'purchasing.createFromShortages', { lines });
    },
  }),
  defineFigure({
    name: 'purchasing.receipt_against_po',
    what: 'goods receipt of 10 lines, each against a purchase order line',
    n: 100,
    warmup: 10,
    goal: { median_ms: 5 },
    setup: (env) => {
      const db = env.app.ctx.sqlite;
      const terms = db
        .prepare("SELECT si.item_id AS itemId, si.supplier_id AS supplierId FROM supplier_items si JOIN items i ON i.id = si.item_id WHERE si.preferred = 1 AND i.lot_tracked = 1 AND i.kind = 'material' ORDER BY si.supplier_id, si.item_id")
        .all() as { itemId: number; supplierId: number }[];
      const bySupplier = new Map<number, number[]>();
      for (const t of terms) bySupplier.set(t.supplierId, [...(bySupplier.get(t.supplierId) ?? []), t.itemId]);
      const [supplierId, items] = [...bySupplier.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
      const po = call(env, 'purchasing.create', { supplierId, lines: Array.from({ length: 10 }, (_, k) => ({ itemId: items[k % items.length]!, quantity: '1000000' })) });
      env.log(`receiving against ${po.number} of supplier ${supplierId}`);
      return { supplierId, lines: po.lines.map((l) => ({ lineId: l.id, itemId: l.item.id })) };
    },
    run: (env, s, i) => {
      call(env, 'inventory.receive', {
        supplierId: s.supplierId,
        supplierDdtNumber: `BENCH-PO ${i}`,
        lines: s.lines.map((l, k) => ({ itemId: l.itemId, quantity: '5', supplierLotCode: `BPO-${i}-${k}`, purchaseOrderLineId: l.lineId })),
      });
    },
  }),
];
