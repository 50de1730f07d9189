/**
 * The large demo's purchasing, written in bulk: the supplier terms, one purchase order
 * behind every supplier receipt of the ten-year history (ordered a lead time before the
 * goods came, received in full by exactly the lots of that receipt), and today's open
 * orders for a few hundred materials, due over the next weeks. Numbers per year without
 * gaps; the sequences end where the next order continues. The rows go in through
 * purchasing's and numbering's bulk loaders (modules/<name>/bulkLoad.ts).
 */
import { addDays, localDate } from '../../../src-shared/domain/dates';
import type { Ctx } from '../../api/context';
import { numberingBulkLoader } from '../../modules/numbering/bulkLoad';
import { purchasingBulkLoader } from '../../modules/purchasing/bulkLoad';
import { niceRoundUp } from '../paperwork';
import type { Rng } from '../rng';

export interface DemoTerms {
  itemId: number;
  supplierId: number;
  supplierCode: string;
  minQtyMilli: number;
  multipleMilli: number;
  leadTimeDays: number | null;
  priceMicros: number | null;
}

interface ReceiptLot {
  docId: number;
  date: string;
  supplierId: number;
  lotId: number;
  itemId: number;
  qtyMilli: number;
  costMicros: number | null;
}

export function writePurchaseHistory(ctx: Ctx, rng: Rng, terms: DemoTerms[]): Record<string, number> {
  const db = ctx.sqlite;
  const now = ctx.now().toISOString();
  const today = localDate(ctx.now());
  const write = purchasingBulkLoader(ctx);
  for (const x of terms) write.terms(x.itemId, x.supplierId, x.supplierCode, x.minQtyMilli, x.multipleMilli, x.leadTimeDays, x.priceMicros, now);

  const lead = new Map(
    (db.prepare('SELECT i.id, coalesce(si.lead_time_days, i.lead_time_days, 7) AS lead FROM items i LEFT JOIN supplier_items si ON si.item_id = i.id AND si.preferred = 1').all() as { id: number; lead: number }[]).map(
      (r) => [r.id, r.lead],
    ),
  );
  const lots = db
    .prepare(
      `SELECT d.id AS docId, d.date, d.supplier_id AS supplierId, l.id AS lotId, l.item_id AS itemId, m.qty_milli AS qtyMilli, l.unit_cost_micros AS costMicros
       FROM stock_documents d
       JOIN stock_movements m ON m.doc_type = 'stock_document' AND m.doc_id = d.id AND m.kind = 'receipt'
       JOIN lots l ON l.id = m.lot_id
       WHERE d.kind = 'receipt' AND d.supplier_id IS NOT NULL AND m.qty_milli > 0
       ORDER BY d.id, m.id`,
    )
    .all() as ReceiptLot[];
  const receipts: { docId: number; date: string; supplierId: number; orderedOn: string; lots: ReceiptLot[] }[] = [];
  for (const l of lots) {
    const last = receipts[receipts.length - 1];
    if (last && last.docId === l.docId) last.lots.push(l);
    else receipts.push({ docId: l.docId, date: l.date, supplierId: l.supplierId, orderedOn: '', lots: [l] });
  }
  for (const r of receipts) r.orderedOn = addDays(r.date, -Math.round(Math.max(...r.lots.map((l) => lead.get(l.itemId) ?? 7)) * 1.4) - rng.int(0, 2));
  receipts.sort((a, b) => (a.orderedOn < b.orderedOn ? -1 : a.orderedOn > b.orderedOn ? 1 : a.docId - b.docId));

  const seq = new Map<string, number>();
  const numberFor = (day: string) => {
    const year = day.slice(0, 4);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    return `OF${year}/${String(n).padStart(4, '0')}`;
  };
  const stamp = (day: string) => `${day}T08:30:00.000Z`;
  let lines = 0;
  for (const r of receipts) {
    const poId = write.order(numberFor(r.orderedOn), r.supplierId, 'received', r.orderedOn, r.date, stamp(r.orderedOn), stamp(r.orderedOn));
    r.lots.forEach((l, i) => {
      const lineId = write.line(poId, i + 1, l.itemId, l.qtyMilli, l.qtyMilli, 0, l.costMicros, r.date);
      write.receipt(lineId, r.docId, l.lotId, l.qtyMilli, r.date);
      lines++;
    });
  }

  // still on their way: a few hundred materials, grouped by supplier, due over the next weeks
  const open = rng.sample(terms, Math.min(300, terms.length));
  const bySupplier = new Map<number, DemoTerms[]>();
  for (const x of open) bySupplier.set(x.supplierId, [...(bySupplier.get(x.supplierId) ?? []), x]);
  let openOrders = 0;
  for (const [supplierId, group] of bySupplier) {
    for (let k = 0; k < group.length; k += 6) {
      const orderedOn = addDays(today, -rng.int(0, 14));
      const expectedOn = addDays(today, rng.int(-3, 25));
      const draft = rng.chance(0.15);
      const poId = write.order(numberFor(orderedOn), supplierId, draft ? 'draft' : 'sent', orderedOn, expectedOn, stamp(orderedOn), draft ? null : stamp(orderedOn));
      group.slice(k, k + 6).forEach((x, i) => {
        const qty = Math.max(x.minQtyMilli, niceRoundUp(rng.int(5, 200) * 1000));
        write.line(poId, i + 1, x.itemId, qty, 0, qty, x.priceMicros, expectedOn);
        lines++;
      });
      openOrders++;
    }
  }
  const numbers = numberingBulkLoader(ctx);
  for (const [year, n] of seq) numbers.set(`purchase:${year}`, n);
  return { supplierTerms: terms.length, purchaseOrders: receipts.length + openOrders, purchaseOrderLines: lines };
}
