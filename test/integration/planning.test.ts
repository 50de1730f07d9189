import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

// Thursday 22 October 2026, 10:00 in Italy
const TODAY = '2026-10-22';
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

/** Soap (pcs) ← soap base (kg, intermediate) ← oil + lye; 10 soaps a batch (4 h), 2 kg base a batch (2 h). */
function workshop(opts: { oilLead?: number | null; lyeLead?: number | null } = {}) {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', leadTimeDays: opts.oilLead ?? null });
  const lye = app.call('catalog.createItem', { sku: 'SODA', name: 'Soda', kind: 'material', unit: 'kg', leadTimeDays: opts.lyeLead ?? null });
  const base = app.call('catalog.createItem', { sku: 'BASE', name: 'Base sapone', kind: 'intermediate', unit: 'kg', shelfLifeDays: 90 });
  const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', shelfLifeDays: 365 });
  app.call('catalog.saveRecipe', { itemId: base.id, yield: '2 kg', batchMinutes: 120, components: [{ itemId: oil.id, quantity: '1,6 kg' }, { itemId: lye.id, quantity: '0,4 kg' }] });
  app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', batchMinutes: 240, components: [{ itemId: base.id, quantity: '1 kg' }] });
  const customer = app.call('parties.createCustomer', { name: 'Erboristeria Verdi' });
  return { oil, lye, base, soap, customer };
}

function order(w: ReturnType<typeof workshop>, quantity: string, requestedOn: string) {
  return app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity }], confirm: true, requestedOn });
}

describe('shortages', () => {
  it('nets an intermediate in stock before exploding it: stock of soap base reduces the oil needed', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '2 kg' }, { itemId: w.lye.id, quantity: '5 kg' }, { itemId: w.base.id, quantity: '1 kg', expiresOn: '2027-01-01' }] });
    const o = order(w, '25', '2026-10-30');
    // 25 soaps → 3 batches → 3 kg base; 1 kg in stock → 1 batch of base → 1.6 kg oil of the 2 on hand
    expect(app.call('planning.shortages', {}).rows).toEqual([]);
    // a second order without base left: 2 more kg of base → 1 batch → 1.6 kg oil, 0.4 left: 1.2 kg short
    const o2 = order(w, '20', '2026-11-05');
    const rows = app.call('planning.shortages', {}).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ item: { sku: 'OLIO' }, neededMilli: 3200, availableMilli: 2000, shortMilli: 1200, toOrderMilli: 1200, firstShortOn: '2026-11-05', leadTimeDays: null });
    // FIFO by date of need: the first order took the oil, the second one causes the shortage
    expect(rows[0]!.causes).toEqual([{ kind: 'order', id: o2.id, number: o2.number }]);
    expect(app.call('planning.shortages', { orderId: o.id }).rows).toEqual([]);
    expect(app.call('planning.shortages', { orderId: o2.id }).rows.map((r) => r.shortMilli)).toEqual([1200]);
  });

  it('does not count a lot that expires before the date of need', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg', expiresOn: '2026-10-28' }, { itemId: w.lye.id, quantity: '5 kg' }] });
    order(w, '10', '2026-10-27'); // 1 kg base → 1 batch: 1.6 kg oil needed on the 27th, lot good until the 28th
    expect(app.call('planning.shortages', {}).rows).toEqual([]);
    // the second needs 2 kg base: 1 kg is the first order's batch surplus, 1 more batch → 1.6 kg oil on the 29th
    const late = order(w, '20', '2026-10-29');
    const rows = app.call('planning.shortages', {}).rows;
    expect(rows.map((r) => [r.item.sku, r.shortMilli, r.firstShortOn, r.causes.map((c) => c.number)])).toEqual([['OLIO', 1600, '2026-10-29', [late.number]]]);
  });

  it('lists the materials of planned production per production order', () => {
    const w = workshop();
    const p = app.call('production.create', { itemId: w.base.id, batches: 2, plannedOn: '2026-10-26' });
    const rows = app.call('planning.shortages', { productionOrderId: p.id }).rows;
    expect(rows.map((r) => [r.item.sku, r.neededMilli, r.shortMilli, r.firstShortOn])).toEqual([
      ['OLIO', 3200, 3200, '2026-10-26'],
      ['SODA', 800, 800, '2026-10-26'],
    ]);
    expect(rows[0]!.causes).toEqual([{ kind: 'production', id: p.id, number: p.number }]);
  });

  it('names the first 10 orders short of a material in the whole list with the count of all; the item alone, or one order, lists every one', () => {
    const w = workshop();
    const orders = Array.from({ length: 12 }, () => order(w, '20', '2026-11-05')); // each its own base batch, none on stock
    const numbers = orders.map((o) => o.number).sort();
    const oil = app.call('planning.shortages', {}).rows.find((r) => r.item.sku === 'OLIO')!;
    expect([oil.causes.map((c) => c.number), oil.causeCount]).toEqual([numbers.slice(0, 10), 12]);
    const [all] = app.call('planning.shortages', { itemId: w.oil.id }).rows;
    expect([all!.item.sku, all!.causes.map((c) => c.number), all!.causeCount, all!.shortMilli]).toEqual(['OLIO', numbers, 12, oil.shortMilli]);
    const [last] = app.call('planning.shortages', { orderId: orders[11]!.id }).rows.filter((r) => r.item.sku === 'OLIO');
    expect([last!.causes.map((c) => c.number), last!.causeCount]).toEqual([[orders[11]!.number], 1]);
  });
});

describe('service lines (shipping charges)', () => {
  it('a shipping charge is no shortage and no wait: the order with its soap in stock ships today, its quote too, and the list names only the soap\'s materials', () => {
    const w = workshop();
    const ship = app.call('catalog.createItem', { sku: 'SPEDIZIONE', name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '9,90' });
    app.call('inventory.receive', { lines: [{ itemId: w.soap.id, quantity: '30' }] });
    const lines = [{ itemId: w.soap.id, quantity: '5' }, { itemId: ship.id, quantity: '1' }];
    const quote = app.call('planning.promise', { customerId: w.customer.id, lines, requestedOn: '2026-10-30' });
    expect(quote).toMatchObject({ fromStock: true, shipOn: TODAY, unknown: [] });
    const o = app.call('orders.create', { customerId: w.customer.id, lines, confirm: true, requestedOn: '2026-10-30' });
    expect(app.call('planning.shortages', {}).rows).toEqual([]);
    expect(app.call('planning.promiseAll', {}).promises.find((p) => p.orderId === o.id)).toMatchObject({ fromStock: true, shipOn: TODAY, unknown: [] });
    expect(app.call('planning.promise', { orderId: o.id })).toMatchObject({ fromStock: true, shipOn: TODAY, unknown: [] });
    // an order beyond the stock: its soap is short of oil and lye, its shipping charge of nothing
    const late = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '40' }, { itemId: ship.id, quantity: '1' }], confirm: true, requestedOn: '2026-10-30' });
    expect(app.call('planning.shortages', {}).rows.map((r) => r.item.sku).sort()).toEqual(['OLIO', 'SODA']);
    expect(app.call('planning.shortages', { orderId: late.id }).rows.map((r) => r.item.sku).sort()).toEqual(['OLIO', 'SODA']);
    expect(app.call('planning.shortages', { orderId: o.id }).rows).toEqual([]);
  });
});

describe('delivery promise', () => {
  it('from finished stock: ships today, delivered after the transit days', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.soap.id, quantity: '30' }] });
    app.call('settings.update', { planning: { defaultTransitDays: 2 } });
    const p = app.call('planning.promise', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '20' }], requestedOn: '2026-10-23' });
    expect(p).toMatchObject({ fromStock: true, production: null, shipOn: TODAY, deliveryOn: '2026-10-26', late: true, unknown: [] });
    expect(p.lines[0]).toMatchObject({ fromStockMilli: 20_000, readyOn: TODAY });
  });

  it('two orders competing for one lot: the earlier requested gets it, the other waits for production', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.soap.id, quantity: '10' }, { itemId: w.oil.id, quantity: '10 kg' }, { itemId: w.lye.id, quantity: '5 kg' }] });
    const b = order(w, '8', '2026-11-10');
    const a = order(w, '8', '2026-10-26');
    const all = app.call('planning.promiseAll', {}).promises;
    const pa = all.find((x) => x.orderId === a.id)!;
    const pb = all.find((x) => x.orderId === b.id)!;
    expect(pa).toMatchObject({ fromStock: true, shipOn: TODAY, late: false });
    // b: 2 soaps left → 1 batch of soap, 1 kg base → 1 batch of base today; the base is used from Friday, soap Friday; ships Monday
    expect(pb).toMatchObject({ fromStock: false, production: { from: TODAY, to: '2026-10-23' }, shipOn: '2026-10-26', deliveryOn: '2026-10-28' });
    expect(pb.toMake.map((m) => [m.item.sku, m.batches])).toEqual([['BASE', 1], ['SAP', 1]]);
  });

  it('orders covered by one batch all wait for that one batch: it is booked once on the capacity, not once per order', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg' }, { itemId: w.lye.id, quantity: '5 kg' }] });
    // one soap batch (10, 4 h) covers a, b and c; it needs 1 kg of base: one base batch (2 kg, 2 h), 1 kg left over
    const a = order(w, '3', '2026-10-26');
    const b = order(w, '3', '2026-10-27');
    const c = order(w, '4', '2026-10-28');
    // d needs a batch of its own, whose 1 kg of base is the rest of the same base batch
    const d = order(w, '10', '2026-10-29');
    const all = app.call('planning.promiseAll', {}).promises;
    const of = (o: { id: number }) => all.find((x) => x.orderId === o.id)!;
    // the base today, the soap batch on Friday (base usable from Friday): a, b and c ship Monday
    for (const o of [a, b, c]) {
      expect(of(o)).toMatchObject({ production: { from: TODAY, to: '2026-10-23' }, shipOn: '2026-10-26' });
      expect(of(o).toMake.map((m) => [m.item.sku, m.batches, m.from, m.to])).toEqual([['BASE', 1, TODAY, TODAY], ['SAP', 1, '2026-10-23', '2026-10-23']]);
    }
    // booked once, Friday has room for d's batch beside the shared one (4 h + 4 h = 8 h): d ships Monday too
    expect(of(d)).toMatchObject({ production: { from: TODAY, to: '2026-10-23' }, shipOn: '2026-10-26' });
    expect(of(d).toMake.map((m) => [m.item.sku, m.batches, m.from, m.to])).toEqual([['BASE', 1, TODAY, TODAY], ['SAP', 1, '2026-10-23', '2026-10-23']]);
    // the promise of one order asked alone is the same
    expect(app.call('planning.promise', { orderId: c.id })).toMatchObject({ shipOn: '2026-10-26' });
  });

  it('an order covered partly by another order\'s batch and partly by its own waits for both batches', () => {
    const w = workshop();
    const candle = app.call('catalog.createItem', { sku: 'CAND', name: 'Candela', kind: 'product', unit: 'pcs' });
    app.call('catalog.saveRecipe', { itemId: candle.id, yield: '1', batchMinutes: 200, components: [{ itemId: w.oil.id, quantity: '0,1 kg' }] });
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg' }, { itemId: w.lye.id, quantity: '5 kg' }] });
    // Friday holds 200 min of candles already: room for one soap batch (240), not two
    app.call('production.create', { itemId: candle.id, batches: 1, plannedOn: '2026-10-23' });
    // a has no requested date: netted first (a batch of 10, 7 left over), promised last in the queue
    const a = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '3' }], confirm: true });
    // b takes a's 7 and needs a batch of its own for 3 more; promised first, it books a's batch (Friday) then its own (Monday)
    const b = order(w, '10', '2026-10-29');
    const all = app.call('planning.promiseAll', {}).promises;
    const pa = all.find((x) => x.orderId === a.id)!;
    const pb = all.find((x) => x.orderId === b.id)!;
    expect(pb.toMake.map((m) => [m.item.sku, m.from])).toEqual([['BASE', TODAY], ['SAP', '2026-10-23'], ['SAP', '2026-10-26']]);
    expect(pb).toMatchObject({ production: { from: TODAY, to: '2026-10-26' }, shipOn: '2026-10-27' });
    // a waits for its batch only, booked on Friday (not booked again when a's turn comes)
    expect(pa.toMake.map((m) => [m.item.sku, m.from])).toEqual([['BASE', TODAY], ['SAP', '2026-10-23']]);
    expect(pa.shipOn).toBe('2026-10-26');
  });

  it('a short material with a lead time: materials in 5 working days, production the next day, skipping the weekend', () => {
    const w = workshop({ lyeLead: 5 });
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg' }] });
    const p = app.call('planning.promise', { lines: [{ itemId: w.soap.id, quantity: '10' }], requestedOn: '2026-10-30' });
    // Thu 22 + 5 working days = Thu 29; base Fri 30, soap Mon 2 Nov (after the weekend); ships Tue 3; delivered Thu 5
    expect(p).toMatchObject({ materialsOn: '2026-10-29', materialsBy: null, production: { from: '2026-10-30', to: '2026-11-02' }, shipOn: '2026-11-03', deliveryOn: '2026-11-05', late: true });
  });

  it('names the material whose lead time is unknown instead of guessing', () => {
    const w = workshop({ lyeLead: 5 });
    const p = app.call('planning.promise', { lines: [{ itemId: w.soap.id, quantity: '10' }] });
    expect(p.deliveryOn).toBeNull();
    expect(p.unknown).toEqual([{ reason: 'no_lead_time', item: expect.objectContaining({ sku: 'OLIO' }), purchaseOrderNumber: null }]);
  });

  it('capacity overflow pushes a batch to the next working day', () => {
    const w = workshop();
    app.call('inventory.receive', { lines: [{ itemId: w.base.id, quantity: '10 kg' }] });
    // 8 h a day: a planned soap job of 1 batch (4 h) today; the new order takes its 10 soaps and needs 2 batches (8 h) more
    app.call('production.create', { itemId: w.soap.id, batches: 1, plannedOn: TODAY });
    const p = app.call('planning.promise', { lines: [{ itemId: w.soap.id, quantity: '30' }] });
    // first batch fits today after the planned one; the second does not → Friday
    expect(p.production).toEqual({ from: TODAY, to: '2026-10-23' });
    expect(p.shipOn).toBe('2026-10-26');
    const s = app.call('planning.schedule', { from: TODAY, days: 4 });
    expect(s.days.map((d) => [d.date, d.working, d.capacityMinutes, d.scheduledMinutes])).toEqual([
      [TODAY, true, 480, 240],
      ['2026-10-23', true, 480, 0],
      ['2026-10-24', false, 0, 0],
      ['2026-10-25', false, 0, 0],
    ]);
  });

  it('is the same answer twice, and a change in the data changes it', () => {
    const w = workshop({ lyeLead: 5, oilLead: 3 });
    const q = { lines: [{ itemId: w.soap.id, quantity: '10' }] };
    const first = app.call('planning.promise', q);
    expect(app.call('planning.promise', q)).toEqual(first);
    app.call('inventory.receive', { lines: [{ itemId: w.oil.id, quantity: '10 kg' }, { itemId: w.lye.id, quantity: '5 kg' }] });
    expect(app.call('planning.promise', q).materialsOn).toBeNull();
    expect(app.call('planning.promise', q).shipOn).toBe('2026-10-26');
  });
});

describe('delivery estimates (the order list\'s column)', () => {
  it('answers each open order asked with the date and late flag of its promise in promiseAll, and leaves out orders not open', () => {
    const w = workshop({ oilLead: 3, lyeLead: 2 });
    // 15 soaps: the order without a date (netted first) and the one from stock share them
    app.call('inventory.receive', { lines: [{ itemId: w.soap.id, quantity: '15' }] });
    const fromStock = order(w, '8', '2026-10-26');
    const made = order(w, '30', '2026-10-27'); // to make, its oil and lye bought (3 and 2 working days): after the 27th
    const noDate = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '5' }], confirm: true });
    const draft = app.call('orders.create', { customerId: w.customer.id, lines: [{ itemId: w.soap.id, quantity: '5' }] });
    const all = app.call('planning.promiseAll', {}).promises;
    const asked = [made.id, draft.id, fromStock.id, noDate.id, 999_999, made.id];
    const { estimates } = app.call('planning.estimates', { orderIds: asked });
    // in the order asked, each once; the draft and an id that is no order have none
    expect(estimates.map((e) => e.orderId)).toEqual([made.id, fromStock.id, noDate.id]);
    for (const e of estimates) {
      const p = all.find((x) => x.orderId === e.orderId)!;
      expect(e).toEqual({ orderId: p.orderId, deliveryOn: p.deliveryOn, late: p.late });
    }
    expect(estimates.find((e) => e.orderId === made.id)!.late).toBe(true);
    expect(estimates.find((e) => e.orderId === fromStock.id)).toMatchObject({ deliveryOn: expect.any(String), late: false });
    expect(app.call('planning.estimates', { orderIds: [draft.id] }).estimates).toEqual([]);
  });

  it('refuses more than 500 orders at once, naming the field', () => {
    const res = app.invoke('planning.estimates', { orderIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(JSON.stringify(res.error)).toContain('orderIds');
  });
});

describe('work calendar', () => {
  it('lists national holidays with Easter Monday, the patron saint and a closure across a month end', () => {
    app.call('settings.update', { planning: { patronSaint: { day: '12-07', name: 'Sant’Ambrogio' }, closures: [{ from: '2027-07-26', to: '2027-08-06', name: 'Ferie' }] } });
    const c = app.call('planning.calendar', { year: 2027 });
    const byDate = new Map(c.days.map((d) => [d.date, d]));
    expect(byDate.get('2027-03-29')?.reason).toBe('holiday');
    expect(byDate.get('2027-08-15')?.reason).toBe('holiday');
    expect(byDate.get('2027-12-07')).toMatchObject({ reason: 'patron', name: 'Sant’Ambrogio' });
    expect(byDate.get('2027-07-31')).toMatchObject({ reason: 'closure' });
    expect(byDate.get('2027-08-02')).toMatchObject({ reason: 'closure' });
    expect(byDate.has('2027-08-09')).toBe(false);
  });

  it('a calendar answered before the settings changed is not reused after (closure added later)', () => {
    const before = app.call('planning.calendar', { year: 2027 });
    expect(before.days.some((d) => d.date === '2027-08-02')).toBe(false);
    app.call('settings.update', { planning: { closures: [{ from: '2027-07-26', to: '2027-08-06', name: 'Ferie' }] } });
    const after = app.call('planning.calendar', { year: 2027 });
    expect(after.days.find((d) => d.date === '2027-08-02')).toMatchObject({ reason: 'closure', name: 'Ferie' });
    expect(after.workingDays).toBe(before.workingDays - 10);
  });

  it('refuses a closure that ends before it starts, naming the field', () => {
    const r = app.invoke('settings.update', { planning: { closures: [{ from: '2027-08-10', to: '2027-08-01', name: 'x' }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error.details)).toContain('to');
  });
});
