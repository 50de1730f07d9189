import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function expectCheckOk() {
  const r = runCheck(app.ctx);
  expect(r.checks.filter((c) => !c.ok)).toEqual([]);
}

/** Soap (pcs) ← soap base (kg, intermediate) ← oil + lye; 10 soaps per batch, 1 kg base per batch. */
function workshop() {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', unitCost: '6' });
  const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda', kind: 'material', unit: 'kg', unitCost: '4' });
  const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg', shelfLifeDays: 90 });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365, salePrice: '6,50' });
  app.call('catalog.saveRecipe', { itemId: base.id, yield: '2 kg', components: [{ itemId: oil.id, quantity: '1,6 kg' }, { itemId: lye.id, quantity: '0,4 kg' }] });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: base.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  return { oil, lye, base, soap, customer };
}

describe('make to order', () => {
  it("fulfil counts a material's released lots in date on the need date only: an expired, a blocked and a held part are not available", () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', unitCost: '6' });
    const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda', kind: 'material', unit: 'kg', unitCost: '4' });
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365, salePrice: '6,50' });
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '5 kg' }, { itemId: lye.id, quantity: '1 kg' }] });
    const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
    const lots = app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '3 kg', expiresOn: '2027-01-01' },
        { itemId: oil.id, quantity: '6 kg', expiresOn: '2026-10-29' }, // in date today, expired on the day asked
        { itemId: oil.id, quantity: '4 kg', expiresOn: '2027-01-01' }, // blocked below
        { itemId: oil.id, quantity: '1 kg' }, // no expiry
        { itemId: lye.id, quantity: '2 kg' },
      ],
    }).lots;
    for (const l of lots) if (l.status === 'quarantine') app.call('inventory.releaseLot', { lotId: l.id });
    app.call('inventory.blockLot', { lotId: lots[2]!.id, reason: 'torbido' });
    // a first order's batch, released today, holds 5 kg of oil by FEFO (of the 6 kg lot, still in date today) and 1 kg of lye
    const first = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '10' }], confirm: true });
    const firstPo = app.call('orders.fulfil', { orderIds: [first.id] }).productionOrderIds[0]!;
    expect(app.call('production.release', { id: firstPo }).reserved.map((r) => [r.lotId, r.qtyMilli])).toEqual([
      [lots[1]!.id, 5000],
      [lots[4]!.id, 1000],
    ]);
    const order = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '10' }], confirm: true, requestedOn: '2026-10-30' });
    const plan = app.call('orders.fulfil', { orderIds: [order.id] });
    const [p] = plan.proposals;
    // oil on the 30th: the 3 kg lot and the 1 kg one without expiry (the 6 kg lot's free kilo has expired by then, the 4 kg lot is blocked)
    expect(p!.materials.map((m) => [m.item.sku, m.neededMilli, m.availableMilli, m.shortMilli])).toEqual([
      ['OLIO', 5000, 4000, 1000],
      ['SODA', 1000, 1000, 0],
    ]);
    expect(p!.materialsShort).toBe(true);
  });

  it('one fulfil of orders due on different days counts on each day only the lots in date then, a lot expiring on the last day included', () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', unitCost: '6' });
    const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda', kind: 'material', unit: 'kg', unitCost: '4' });
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365, salePrice: '6,50' });
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '1 kg' }, { itemId: lye.id, quantity: '1 kg' }] });
    const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
    const lots = app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '4 kg', expiresOn: '2026-10-25' }, // in date today only
        { itemId: oil.id, quantity: '3 kg', expiresOn: '2026-11-10' }, // in date on the 5th, not on the 20th
        { itemId: oil.id, quantity: '2 kg' }, // no expiry
        { itemId: oil.id, quantity: '0,5 kg', expiresOn: '2026-11-20' }, // still usable on the 20th itself
        { itemId: lye.id, quantity: '10 kg' },
      ],
    }).lots;
    for (const l of lots) if (l.status === 'quarantine') app.call('inventory.releaseLot', { lotId: l.id });
    const order = (requestedOn: string | null) => app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '10' }], confirm: true, requestedOn });
    const due = [order('2026-11-20'), order(null), order('2026-11-05')];
    const plan = app.call('orders.fulfil', { orderIds: due.map((o) => o.id), group: false });
    // planned by need day: today 9.5 kg of oil, the 5th 5.5 kg less the kilo taken today, the 20th 2.5 kg less the two kilos taken
    expect(plan.proposals.map((p) => [p.lines[0]!.orderNumber, ...p.materials.map((m) => [m.item.sku, m.neededMilli, m.availableMilli, m.shortMilli])])).toEqual([
      [due[1]!.number, ['OLIO', 1000, 1000, 0], ['SODA', 1000, 1000, 0]],
      [due[2]!.number, ['OLIO', 1000, 1000, 0], ['SODA', 1000, 1000, 0]],
      [due[0]!.number, ['OLIO', 1000, 500, 500], ['SODA', 1000, 1000, 0]],
    ]);
    expect(plan.proposals.map((p) => p.materialsShort)).toEqual([false, false, true]);
  });

  it('order → fulfil → release → complete → ready to ship, with genealogy', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg', unitCost: '6' }, { itemId: w.lye.id, quantity: '5 kg', unitCost: '4' }, { itemId: w.base.id, quantity: '1 kg', expiresOn: '2027-01-01' }] });
    const soapLot = app.call('inventory.receive', { lines: [{ itemId: w.soap.id, quantity: '4' }] }).lots[0]!;
    const order = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '25' }], confirm: true, requestedOn: '2026-10-30' });
    expect(order.number).toBe('2026/0001');
    expect(order.status).toBe('waiting');
    expect(order.totalCents).toBe(16250);

    const preview = app.call('orders.fulfilPreview', { orderIds: [order.id] });
    expect(preview.reservations.map((r) => [r.lotId, r.qtyMilli])).toEqual([[soapLot.id, 4000]]);
    // 21 soaps short → 3 batches (30 soaps) → 3 kg base; 1 kg in stock → intermediate proposal for 2 kg = 1 batch
    const [p] = preview.proposals;
    expect([p!.batches, p!.qtyMilli]).toEqual([3, 30_000]);
    expect(p!.materials[0]).toMatchObject({ neededMilli: 3000, availableMilli: 1000, shortMilli: 2000 });
    expect(p!.children.map((c) => [c.item.sku, c.batches])).toEqual([['BASE', 1]]);
    expect(p!.materialsShort).toBe(false);

    const done = app.call('orders.fulfil', { orderIds: [order.id] });
    expect(done.productionOrderIds).toHaveLength(2);
    expectCheckOk();
    const [soapPo, basePo] = done.productionOrderIds.map((id) => app.call('production.get', { id }));
    expect(soapPo!.number).toBe('P2026/0001');
    expect(basePo!.parent?.id).toBe(soapPo!.id);
    expect(app.call('orders.get', { id: order.id }).lines[0]).toMatchObject({ allocatedMilli: 4000, status: 'waiting' });

    // soap cannot be released yet: 3 kg base needed, 1 kg on hand
    const refused = app.invoke('production.release', { id: soapPo!.id });
    expect(!refused.ok && refused.error.code).toBe('INSUFFICIENT_STOCK');
    if (!refused.ok) expect(refused.error.details?.shortages).toEqual([expect.objectContaining({ sku: 'BASE', shortMilli: 2000 })]);

    app.call('production.release', { id: basePo!.id });
    const baseDone = app.call('production.complete', { id: basePo!.id, outputQuantity: '2 kg' });
    // the answer says what the step changed: the lot made, the quantity, what each input lot gave
    expect(baseDone.outputLot).toMatchObject({ expiresOn: '2027-01-20' });
    expect(baseDone.actualQtyMilli).toBe(2000);
    expect(app.call('inventory.lot', { lotId: baseDone.outputLot!.id }).lot.onHandMilli).toBe(2000);
    expect(baseDone.consumed.map((c) => [c.itemId, c.qtyMilli])).toEqual([[w.oil.id, 1600], [w.lye.id, 400]]);
    expectCheckOk();

    const released = app.call('production.release', { id: soapPo!.id });
    expect(released.reserved.reduce((n, r) => n + r.qtyMilli, 0)).toBe(3000);
    expect(released.orders).toEqual([expect.objectContaining({ id: order.id, status: 'in_production' })]);
    expect(app.call('orders.get', { id: order.id }).status).toBe('in_production');
    app.call('production.start', { id: soapPo!.id });
    const soapDone = app.call('production.complete', { id: soapPo!.id, outputQuantity: '29' });
    expect(soapDone.yieldVarianceBp).toBe(-333);
    expect(soapDone.outputLot!.code).toMatch(/^L26295-\d+$/);
    // genealogy: the soap lot came from the base lots, which came from oil and lye
    const g = app.ctx.sqlite.prepare('SELECT count(*) AS n FROM lot_genealogy WHERE output_lot_id = ?').get(soapDone.outputLot!.id) as { n: number };
    expect(g.n).toBe(2);

    const after = app.call('orders.get', { id: order.id });
    expect(after.status).toBe('ready_to_ship');
    expect(after.lines[0]!.allocations.map((a) => a.qtyMilli).sort()).toEqual([21_000, 4_000]);
    expectCheckOk();
  });

  it('groups lines of several orders into one production order, or not', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.base.id, quantity: '10 kg' }] });
    const a = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '5' }], confirm: true });
    const b = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '7' }], confirm: true });
    const grouped = app.call('orders.fulfilPreview', { orderIds: [a.id, b.id], group: true });
    expect(grouped.proposals.map((p) => [p.batches, p.lines.length])).toEqual([[2, 2]]);
    const single = app.call('orders.fulfilPreview', { orderIds: [a.id, b.id], group: false });
    expect(single.proposals.map((p) => p.batches)).toEqual([1, 1]);
    const done = app.call('orders.fulfil', { orderIds: [a.id, b.id] });
    const po = app.call('production.get', { id: done.productionOrderIds[0]! });
    expect(po.links.map((l) => [l.orderNumber, l.qtyMilli])).toEqual([['2026/0001', 5000], ['2026/0002', 7000]]);
    app.call('production.release', { id: po.id });
    app.call('production.complete', { id: po.id });
    expect([app.call('orders.get', { id: a.id }).status, app.call('orders.get', { id: b.id }).status]).toEqual(['ready_to_ship', 'ready_to_ship']);
    expectCheckOk();
  });

  it('cancels at every stage, giving back what was held', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg' }, { itemId: w.lye.id, quantity: '5 kg' }, { itemId: w.base.id, quantity: '3 kg' }, { itemId: w.soap.id, quantity: '2' }] });
    const order = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '12' }], confirm: true });
    const { productionOrderIds } = app.call('orders.fulfil', { orderIds: [order.id] });
    app.call('production.release', { id: productionOrderIds[0]! });
    const reserved = () => (app.ctx.sqlite.prepare('SELECT coalesce(sum(qty_milli),0) AS r FROM reservations WHERE qty_milli > 0').get() as { r: number }).r;
    expect(reserved()).toBe(2000 + 1000);
    // cancelling the order releases the finished stock and unlinks production, which stays
    app.call('orders.cancel', { id: order.id, reason: 'cliente ha annullato' });
    const po = app.call('production.get', { id: productionOrderIds[0]! });
    expect([po.status, po.links.length]).toEqual(['released', 0]);
    expect(reserved()).toBe(1000);
    expectCheckOk();
    // cancelling the production order returns its materials
    app.call('production.cancel', { id: po.id, reason: 'non serve' });
    expect(reserved()).toBe(0);
    expectCheckOk();
    // a draft order cancels too; a cancelled one cannot be fulfilled
    const draft = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '1' }] });
    app.call('orders.cancel', { id: draft.id });
    const r = app.invoke('orders.fulfil', { orderIds: [draft.id] });
    expect(!r.ok && r.error.code).toBe('CONFLICT');
  });

  it('refuses bad orders and bad completions, writing nothing', () => {
    const w = workshop();
    const bad = app.invoke('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '0' }, { itemId: 9999, quantity: '1' }] });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    app.call('orders.create', { customerId: w.customer.id, channel: 'shopify', externalRef: '#1001', lines: [{ itemId: w.soap.id, quantity: '1' }] });
    const dup = app.invoke('orders.create', { customerId: w.customer.id, channel: 'shopify', externalRef: '#1001', lines: [{ itemId: w.soap.id, quantity: '1' }] });
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    expect((app.ctx.sqlite.prepare('SELECT count(*) AS n FROM customer_orders').get() as { n: number }).n).toBe(1);
    // a draft whose item was archived since is not confirmed: the line is named, the draft stays a draft
    const draft = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.base.id, quantity: '1 kg' }, { itemId: w.soap.id, quantity: '1' }] });
    app.call('catalog.archiveItem', { id: w.soap.id, archived: true });
    const archived = app.invoke('orders.confirm', { id: draft.id });
    expect(!archived.ok && [archived.error.code, archived.error.details]).toEqual(['VALIDATION', { issues: [expect.objectContaining({ path: ['lines', 1, 'itemId'], key: 'item_archived', params: { sku: w.soap.sku, line: 2 } })] }]);
    expect(app.call('orders.get', { id: draft.id }).state).toBe('draft');
    app.call('catalog.archiveItem', { id: w.soap.id, archived: false });

    app.call('inventory.receive', { lines: [{ itemId: w.base.id, quantity: '1 kg' }] });
    const po = app.call('production.create', { itemId: w.soap.id, batches: 1 });
    expect(po.links).toEqual([]);
    app.call('production.release', { id: po.id });
    const zero = app.invoke('production.complete', { id: po.id, outputQuantity: '0' });
    expect(!zero.ok && zero.error.code).toBe('VALIDATION');
    const blockedLot = app.call('inventory.receive', { lines: [{ itemId: w.base.id, quantity: '1 kg' }] }).lots[0]!;
    app.call('inventory.blockLot', { lotId: blockedLot.id, reason: 'test' });
    const viaBlocked = app.invoke('production.complete', { id: po.id, consumption: [{ lotId: blockedLot.id, quantity: '1 kg' }] });
    expect(!viaBlocked.ok && viaBlocked.error.code).toBe('LOT_NOT_RELEASED');
    expect(app.call('production.get', { id: po.id }).status).toBe('released');
    expectCheckOk();
  });

  it('a completion taking a lot beyond what it reserved writes the ledger exactly; more than the lot holds is refused with its numbers, writing nothing', () => {
    const w = workshop();
    const [oil, lye] = app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '5 kg' }, { itemId: w.lye.id, quantity: '2 kg' }] }).lots;
    const po = app.call('production.create', { itemId: w.base.id, batches: 1 });
    app.call('production.release', { id: po.id });
    // reserved 1,6 kg oil and 0,4 kg lye; take 2,5 kg oil (0,9 free on top) and the lye twice over two lines
    const tooMuch = app.invoke('production.complete', { id: po.id, consumption: [{ lotId: oil!.id, quantity: '1 kg' }, { lotId: oil!.id, quantity: '4,5 kg' }, { lotId: lye!.id, quantity: '0,4 kg' }] });
    expect(!tooMuch.ok && [tooMuch.error.code, tooMuch.error.details]).toEqual(['INSUFFICIENT_STOCK', expect.objectContaining({ sku: 'OLIO', lotCode: oil!.code, neededMilli: 500, availableMilli: 0 })]);
    expect(app.call('inventory.lot', { lotId: oil!.id }).lot).toMatchObject({ onHandMilli: 5000, reservedMilli: 1600 });
    const done = app.call('production.complete', { id: po.id, consumption: [{ lotId: oil!.id, quantity: '1 kg' }, { lotId: oil!.id, quantity: '1,5 kg' }, { lotId: lye!.id, quantity: '0,2 kg' }, { lotId: lye!.id, quantity: '0,2 kg' }] });
    expect(done.consumed.map((c) => [c.lotId, c.qtyMilli])).toEqual([[oil!.id, 2500], [lye!.id, 400]]);
    expect(app.call('inventory.lot', { lotId: oil!.id }).lot).toMatchObject({ onHandMilli: 2500, reservedMilli: 0 });
    expect(app.call('inventory.lot', { lotId: lye!.id }).lot).toMatchObject({ onHandMilli: 1600, reservedMilli: 0 });
    const moves = app.ctx.sqlite.prepare("SELECT lot_id AS lotId, qty_milli AS q FROM stock_movements WHERE doc_type = 'production_order' AND doc_id = ? AND kind = 'consume' ORDER BY id").all(po.id);
    expect(moves).toEqual([{ lotId: oil!.id, q: -1000 }, { lotId: oil!.id, q: -1500 }, { lotId: lye!.id, q: -200 }, { lotId: lye!.id, q: -200 }]);
    expectCheckOk();
  });

  it('prints the production sheet as a real PDF', async () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.base.id, quantity: '2 kg' }] });
    const po = app.call('production.create', { itemId: w.soap.id, quantity: '15', notes: 'Profumare a 40 °C' });
    app.call('production.release', { id: po.id });
    const pdf = await app.callAsync('production.sheetPdf', { id: po.id, language: 'it' });
    const file = join(t.dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Scheda di produzione');
    expect(text).toContain(po.number);
    expect(text).toContain('Base sapone');
    expect(text).toMatch(/L26295-1/);
    expect(text).toContain('Profumare a 40 °C');
  });
});
