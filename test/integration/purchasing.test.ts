import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { openSupply, supplierTermsOf } from '../../src-main/modules/purchasing/openSupply';
import type { Contract, InputOf } from '../../src-shared/contract';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

// Thursday 22 October 2026
beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function expectCheckOk() {
  expect(runCheck(app.ctx).checks.filter((c) => !c.ok)).toEqual([]);
}

function refusal<K extends keyof Contract>(name: K, input: InputOf<Contract[K]>) {
  const res = app.invoke(name, input);
  if (res.ok) throw new Error(`${name} was accepted`);
  return res.error;
}

/** Counts of every purchasing table and of the stock ledger: a refusal changes none of them. */
function footprint() {
  const n = (table: string) => (app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const seq = app.ctx.sqlite.prepare("SELECT coalesce(sum(value), 0) AS n FROM sequences WHERE key LIKE 'purchase:%'").get() as { n: number };
  return { pos: n('purchase_orders'), lines: n('purchase_order_lines'), receipts: n('purchase_receipts'), lots: n('lots'), movements: n('stock_movements'), seq: seq.n };
}

function workshop() {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg', leadTimeDays: 10 });
  const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda caustica', kind: 'material', unit: 'kg' });
  const jar = app.call('catalog.createItem', { sku: 'VASO', name: 'Vasetto 50 ml', kind: 'packaging', unit: 'pcs' });
  const wax = app.call('catalog.createItem', { sku: 'CERA', name: "Cera d'api", kind: 'material', unit: 'kg' });
  const oleificio = app.call('parties.createSupplier', { name: 'Oleificio Rossi S.r.l.', language: 'it' });
  const glass = app.call('parties.createSupplier', { name: 'Glass & Co Ltd', language: 'en', country: 'GB' });
  app.call('purchasing.saveSupplierTerms', { itemId: oil.id, supplierId: oleificio.id, preferred: true, supplierCode: 'EVO-25', minQuantity: '25 kg', multiple: '5 kg', leadTimeDays: 3, price: '6,40' });
  // the oil also has a second, non preferred supplier
  app.call('purchasing.saveSupplierTerms', { itemId: oil.id, supplierId: glass.id, price: '9' });
  // no lead time of its own: the item has none either
  app.call('purchasing.saveSupplierTerms', { itemId: lye.id, supplierId: oleificio.id, preferred: true, price: '4' });
  app.call('purchasing.saveSupplierTerms', { itemId: jar.id, supplierId: glass.id, preferred: true, multiple: '100', leadTimeDays: 5, price: '0,35' });
  return { oil, lye, jar, wax, oleificio, glass };
}

describe('supplier terms', () => {
  it('one preferred supplier per item; the item lead time stands in for the supplier', () => {
    const w = workshop();
    const terms = app.call('purchasing.listSupplierTerms', { itemId: w.oil.id });
    expect(terms.map((x) => [x.supplier.name, x.preferred, x.minQtyMilli, x.multipleMilli, x.priceMicros])).toEqual([
      ['Oleificio Rossi S.r.l.', true, 25_000, 5_000, 6_400_000],
      ['Glass & Co Ltd', false, 0, 0, 9_000_000],
    ]);
    const glassTerms = terms[1]!;
    app.call('purchasing.saveSupplierTerms', { id: glassTerms.id, itemId: w.oil.id, supplierId: w.glass.id, preferred: true, price: '9' });
    const map = supplierTermsOf(app.ctx, [w.oil.id, w.lye.id, w.wax.id]);
    expect(map.get(w.oil.id)).toEqual({ supplierId: w.glass.id, supplierName: 'Glass & Co Ltd', leadTimeDays: 10, minQtyMilli: 0, multipleMilli: 0 });
    expect(map.get(w.lye.id)?.leadTimeDays).toBeNull();
    expect(map.has(w.wax.id)).toBe(false);
    expect(refusal('purchasing.saveSupplierTerms', { itemId: w.oil.id, supplierId: w.glass.id }).code).toBe('CONFLICT');
    expect(refusal('purchasing.saveSupplierTerms', { itemId: w.oil.id, supplierId: w.glass.id, id: glassTerms.id, minQuantity: '3 l' }).code).toBe('VALIDATION');
  });
});

describe('purchase orders', () => {
  it('by hand: number per year without gaps, price from the terms, expected after the lead time in working days', () => {
    const w = workshop();
    const po = app.call('purchasing.create', { supplierId: w.oleificio.id, lines: [{ itemId: w.oil.id, quantity: '50 kg' }, { itemId: w.lye.id, quantity: '10', unitPrice: '3,5', expectedOn: '2026-11-10' }] });
    expect(po.number).toBe('OF2026/0001');
    expect(po.status).toBe('draft');
    // Thu 22 Oct + 3 working days = Tue 27 Oct
    expect(po.expectedOn).toBe('2026-10-27');
    expect(po.lines.map((l) => [l.item.sku, l.supplierCode, l.qtyMilli, l.unitPriceMicros, l.totalCents, l.expectedOn])).toEqual([
      ['OLIO', 'EVO-25', 50_000, 6_400_000, 32_000, '2026-10-27'],
      ['SODA', null, 10_000, 3_500_000, 3_500, '2026-11-10'],
    ]);
    expect(po.totalCents).toBe(35_500);

    const before = footprint();
    const bad = refusal('purchasing.create', { supplierId: w.oleificio.id, lines: [{ itemId: w.oil.id, quantity: '5 pcs' }, { itemId: w.lye.id, quantity: '0' }, { itemId: 9999, quantity: '1' }] });
    expect(bad.code).toBe('VALIDATION');
    expect((bad.details as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([
      ['lines', 0, 'quantity'],
      ['lines', 1, 'quantity'],
      ['lines', 2, 'itemId'],
    ]);
    expect(footprint()).toEqual(before);

    const second = app.call('purchasing.create', { supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '500' }] });
    expect(second.number).toBe('OF2026/0002');
    const nextYear = app.call('purchasing.create', { supplierId: w.glass.id, orderedOn: '2027-01-04', lines: [{ itemId: w.jar.id, quantity: '500' }] });
    expect(nextYear.number).toBe('OF2027/0001');
    expect(app.call('purchasing.list', { statuses: ['draft'] }).orders.map((o) => o.number)).toEqual(['OF2027/0001', 'OF2026/0002', 'OF2026/0001']);
    expectCheckOk();
  });

  it('from shortages: grouped by preferred supplier, rounded to minimum and multiple, no supplier reported', () => {
    const w = workshop();
    const before = footprint();
    const r = app.call('purchasing.createFromShortages', {
      lines: [
        { itemId: w.oil.id, qtyMilli: 12_300, neededBy: '2026-10-26' },
        { itemId: w.jar.id, qtyMilli: 230_000, neededBy: '2026-11-30' },
        { itemId: w.oil.id, qtyMilli: 14_000, neededBy: '2026-11-02' },
        { itemId: w.lye.id, qtyMilli: 2_500 },
        { itemId: w.wax.id, qtyMilli: 4_000 },
      ],
    });
    expect(r.purchaseOrders.map((p) => [p.number, p.supplier.name, p.lineCount])).toEqual([
      ['OF2026/0001', 'Oleificio Rossi S.r.l.', 2],
      ['OF2026/0002', 'Glass & Co Ltd', 1],
    ]);
    // oil: 26.3 kg ≥ 25 kg minimum → 30 kg (multiple of 5); jars 230 → 300; lye as is
    expect(r.placed.map((p) => [p.itemId, p.requestedMilli, p.orderedMilli, p.expectedOn, p.leadTimeKnown, p.late])).toEqual([
      [w.oil.id, 26_300, 30_000, '2026-10-27', true, true],
      [w.lye.id, 2_500, 2_500, '2026-10-22', false, false],
      [w.jar.id, 230_000, 300_000, '2026-10-29', true, false],
    ]);
    expect(r.unplaced).toEqual([{ itemId: w.wax.id, sku: 'CERA', name: "Cera d'api", qtyMilli: 4_000, reason: 'no_supplier' }]);
    const oilPo = app.call('purchasing.get', { id: r.purchaseOrders[0]!.id });
    expect(oilPo.expectedOn).toBe('2026-10-27');
    expect(oilPo.lines[0]!.unitPriceMicros).toBe(6_400_000);
    expect(openSupply(app.ctx, [w.oil.id, w.jar.id]).map((s) => [s.itemId, s.purchaseOrderNumber, s.openMilli, s.expectedDate])).toEqual([
      [w.oil.id, 'OF2026/0001', 30_000, '2026-10-27'],
      [w.jar.id, 'OF2026/0002', 300_000, '2026-10-29'],
    ]);
    expect(footprint()).toEqual({ ...before, pos: 2, lines: 3, seq: 2 });
    const bad = refusal('purchasing.createFromShortages', { lines: [{ itemId: w.oil.id, qtyMilli: 1000 }, { itemId: 4242, qtyMilli: 1 }] });
    expect(bad.code).toBe('VALIDATION');
    expect(footprint()).toEqual({ ...before, pos: 2, lines: 3, seq: 2 });
    expectCheckOk();
  });

  it('from shortages: the preview shows what will be written and writes nothing; a supplier with an open draft gets the lines added to it, not a second draft', () => {
    const w = workshop();
    // the oil supplier already has a draft (typed by hand); the glass supplier only a sent order
    const draft = app.call('purchasing.create', { supplierId: w.oleificio.id, lines: [{ itemId: w.lye.id, quantity: '10 kg' }] });
    const sent = app.call('purchasing.create', { supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '100' }] });
    app.call('purchasing.send', { id: sent.id });
    const list = { lines: [{ itemId: w.oil.id, qtyMilli: 26_300, neededBy: '2026-10-26' }, { itemId: w.jar.id, qtyMilli: 230_000 }, { itemId: w.wax.id, qtyMilli: 4_000 }] };

    const before = footprint();
    const preview = app.call('purchasing.previewFromShortages', list);
    expect(footprint()).toEqual(before);
    expect(preview.purchaseOrders.map((p) => [p.supplier.name, p.draft?.number ?? null, p.expectedOn, p.lines.map((l) => [l.item.sku, l.requestedMilli, l.orderedMilli, l.unitPriceMicros, l.late])])).toEqual([
      ['Oleificio Rossi S.r.l.', draft.number, '2026-10-27', [['OLIO', 26_300, 30_000, 6_400_000, true]]],
      // a sent order is not a draft to add to: a new one is opened
      ['Glass & Co Ltd', null, '2026-10-29', [['VASO', 230_000, 300_000, 350_000, false]]],
    ]);
    expect(preview.unplaced.map((u) => u.sku)).toEqual(['CERA']);

    const r = app.call('purchasing.createFromShortages', list);
    // what the preview said is what was written
    expect(r.purchaseOrders.map((p) => [p.number, p.supplier.name, p.lineCount, p.addedToDraft])).toEqual([
      [draft.number, 'Oleificio Rossi S.r.l.', 1, true],
      ['OF2026/0003', 'Glass & Co Ltd', 1, false],
    ]);
    expect(footprint()).toEqual({ ...before, pos: before.pos + 1, lines: before.lines + 2, seq: before.seq + 1 });
    const merged = app.call('purchasing.get', { id: draft.id });
    expect(merged.status).toBe('draft');
    expect(merged.lines.map((l) => [l.position, l.item.sku, l.qtyMilli, l.expectedOn])).toEqual([
      [1, 'SODA', 10_000, '2026-10-22'],
      [2, 'OLIO', 30_000, '2026-10-27'],
    ]);
    // the draft's expected date moves to its latest line
    expect(merged.expectedOn).toBe('2026-10-27');
    expect(app.call('purchasing.list', { statuses: ['draft'], supplierId: w.oleificio.id }).total).toBe(1);

    // once that draft is sent, the next shortage list opens a new draft for the supplier
    app.call('purchasing.send', { id: draft.id });
    const again = app.call('purchasing.previewFromShortages', { lines: [{ itemId: w.lye.id, qtyMilli: 1_000 }] });
    expect(again.purchaseOrders.map((p) => p.draft)).toEqual([null]);
    expect(app.call('purchasing.createFromShortages', { lines: [{ itemId: w.lye.id, qtyMilli: 1_000 }] }).purchaseOrders.map((p) => [p.number, p.addedToDraft])).toEqual([['OF2026/0004', false]]);

    // an unknown item is refused by the preview too, naming its line
    const bad = refusal('purchasing.previewFromShortages', { lines: [{ itemId: w.oil.id, qtyMilli: 1000 }, { itemId: 4242, qtyMilli: 1 }] });
    expect([bad.code, (bad.details as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)]).toEqual(['VALIDATION', [['lines', 1, 'itemId']]]);
    expectCheckOk();
  });

  it('partial receipt through the inventory receipt: received, open, incoming and state follow', () => {
    const w = workshop();
    const po = app.call('purchasing.create', { supplierId: w.oleificio.id, lines: [{ itemId: w.oil.id, quantity: '50 kg' }, { itemId: w.lye.id, quantity: '10 kg' }] });
    app.call('purchasing.send', { id: po.id });
    const incoming = () => Object.fromEntries(app.call('inventory.stockOverview', {}).rows.map((r) => [r.item.sku, r.incomingMilli]));
    expect(incoming()).toMatchObject({ OLIO: 50_000, SODA: 10_000, VASO: 0 });

    const [oilLine, lyeLine] = po.lines;
    const got = app.call('inventory.receive', {
      supplierId: w.oleificio.id,
      supplierDdtNumber: '123',
      lines: [
        { itemId: w.oil.id, quantity: '20 kg', supplierLotCode: 'A1', purchaseOrderLineId: oilLine!.id, unitCost: '6,40' },
        { itemId: w.oil.id, quantity: '5 kg', supplierLotCode: 'A2', purchaseOrderLineId: oilLine!.id },
      ],
    });
    expect(got.lots).toHaveLength(2);
    let now = app.call('purchasing.get', { id: po.id });
    expect(now.status).toBe('partially_received');
    expect(now.lines.map((l) => [l.receivedMilli, l.openMilli])).toEqual([
      [25_000, 25_000],
      [0, 10_000],
    ]);
    expect(now.receipts.map((r) => [r.lotCode, r.qtyMilli])).toEqual(got.lots.map((l) => [l.code, l.onHandMilli]));
    expect(incoming()).toMatchObject({ OLIO: 25_000, SODA: 10_000 });

    // refusals write nothing: another supplier, another item
    const before = footprint();
    const other = refusal('inventory.receive', { supplierId: w.glass.id, lines: [{ itemId: w.oil.id, quantity: '1 kg', purchaseOrderLineId: oilLine!.id }] });
    expect((other.details as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['po_other_supplier']);
    const wrongItem = refusal('inventory.receive', { supplierId: w.oleificio.id, lines: [{ itemId: w.lye.id, quantity: '1 kg', purchaseOrderLineId: oilLine!.id }] });
    expect((wrongItem.details as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['po_other_item']);
    expect(footprint()).toEqual(before);

    // the rest, with the oil over-delivered by 1 kg
    app.call('inventory.receive', {
      supplierId: w.oleificio.id,
      lines: [
        { itemId: w.oil.id, quantity: '26 kg', purchaseOrderLineId: oilLine!.id },
        { itemId: w.lye.id, quantity: '10 kg', purchaseOrderLineId: lyeLine!.id },
      ],
    });
    now = app.call('purchasing.get', { id: po.id });
    expect(now.status).toBe('received');
    expect(now.lines.map((l) => [l.receivedMilli, l.openMilli])).toEqual([
      [51_000, 0],
      [10_000, 0],
    ]);
    expect(incoming()).toMatchObject({ OLIO: 0, SODA: 0 });
    expect(refusal('purchasing.cancel', { id: po.id }).code).toBe('CONFLICT');
    const closed = refusal('inventory.receive', { supplierId: w.oleificio.id, lines: [{ itemId: w.lye.id, quantity: '1 kg', purchaseOrderLineId: lyeLine!.id }] });
    expect((closed.details as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['po_received']);
    expectCheckOk();
  });

  it('cancel: what is still open is no longer incoming; a cancelled order cannot be changed or received', () => {
    const w = workshop();
    const po = app.call('purchasing.create', { supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '1000' }] });
    app.call('inventory.receive', { supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '400', purchaseOrderLineId: po.lines[0]!.id }] });
    const cancelled = app.call('purchasing.cancel', { id: po.id, reason: 'fornitore senza scorte' });
    expect([cancelled.status, cancelled.lines[0]!.receivedMilli, cancelled.lines[0]!.openMilli, cancelled.cancelReason]).toEqual(['cancelled', 400_000, 0, 'fornitore senza scorte']);
    expect(openSupply(app.ctx)).toEqual([]);
    const before = footprint();
    expect(refusal('purchasing.update', { id: po.id, supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '1' }] }).code).toBe('CONFLICT');
    expect(refusal('purchasing.send', { id: po.id }).code).toBe('CONFLICT');
    const r = refusal('inventory.receive', { supplierId: w.glass.id, lines: [{ itemId: w.jar.id, quantity: '1', purchaseOrderLineId: po.lines[0]!.id }] });
    expect((r.details as { issues: { key: string }[] }).issues.map((i) => i.key)).toEqual(['po_cancelled']);
    expect(footprint()).toEqual(before);
    expectCheckOk();
  });

  it('open supply is one lookup on the partial index of open lines', () => {
    const plan = app.ctx.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT l.item_id FROM purchase_order_lines l INDEXED BY purchase_order_lines_open JOIN purchase_orders p ON p.id = l.purchase_order_id
         WHERE l.open_milli > 0 AND l.item_id IN (SELECT value FROM json_each(?)) ORDER BY l.item_id, l.expected_on, l.id`,
      )
      .all('[1,2]') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/SEARCH l USING INDEX purchase_order_lines_open/);
    expect(openSupply(app.ctx, [])).toEqual([]);
  });
});
