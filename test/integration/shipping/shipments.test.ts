import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { shipmentsOfLots } from '../../../src-main/modules/shipping/traceFacts';
import { loadShipment } from '../../../src-main/modules/shipping/shipmentRows';
import { fixedClock, tempDir } from '../../support/tempDir';
import { checkProblems, fillCompany, readyOrder, resetWorkshop } from './workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  resetWorkshop();
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  fillCompany(app);
});
afterEach(() => {
  app.close();
  t.cleanup();
});

/** What a refusal must leave untouched: the ledger, the DDT register and its counter, the shipments. */
function footprint() {
  const q = (sql: string) => app.ctx.sqlite.prepare(sql).get() as Record<string, unknown>;
  return {
    movements: q('SELECT count(*) AS n, coalesce(sum(qty_milli), 0) AS s FROM stock_movements'),
    ddts: q('SELECT count(*) AS n FROM ddts'),
    counter: q("SELECT coalesce((SELECT value FROM sequences WHERE key = 'ddt:2026'), 0) AS v"),
    shipments: q("SELECT count(*) AS n, group_concat(state) AS states FROM shipments"),
    reserved: q('SELECT coalesce(sum(qty_milli), 0) AS r FROM reservations'),
    shipped: q('SELECT coalesce(sum(shipped_milli), 0) AS s FROM order_lines'),
    lots: q("SELECT group_concat(status) AS s FROM lots"),
  };
}

function draftOf(w: ReturnType<typeof readyOrder>, extra: Record<string, unknown> = {}) {
  const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
  return app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 2, appearance: 'scatole', tare: '0,3' }],
    carrier: 'BRT',
    carrierService: 'Express',
    trackingNumber: 'BRT123456789',
    ...extra,
  });
}

describe('shipping a ready order', () => {
  it('proposes the allocated lots FEFO, ships across two lots, takes DDT 1/2026 and marks the order shipped', () => {
    const w = readyOrder(app);
    expect(w.order.status).toBe('ready_to_ship');
    const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
    expect(proposal.destination).toMatchObject({ city: 'Bologna', street: 'Via del Magazzino, 3' });
    const soapLine = proposal.lines.find((l) => l.item.sku.startsWith('SAP-LAV'))!;
    expect(soapLine.readyMilli).toBe(25_000);
    expect(soapLine.lots.map((l) => [l.lotId, l.qtyMilli])).toEqual([
      [w.lots[0]!.id, 10_000],
      [w.lots[1]!.id, 15_000],
    ]);
    // 25 × 120 g + 2 × 75 g
    expect(proposal.netWeightG).toBe(3150);

    const draft = draftOf(w);
    expect(draft).toMatchObject({ state: 'draft', ddt: null, packageCount: 2, appearance: 'scatole', netWeightG: 3150, grossWeightG: 3750, grossWeightTyped: false, destinationDiffers: true });
    const shipped = app.call('shipping.confirm', { id: draft.id });
    expect(shipped.state).toBe('confirmed');
    expect(shipped.ddt).toMatchObject({ number: '1/2026', date: '2026-10-22' });
    expect(shipped.transportStart).toMatch(/^2026-10-22T\d\d:00$/);
    expect(app.call('orders.get', { id: w.order.id }).status).toBe('shipped');
    const lotsAfter = w.lots.map((l) => app.call('inventory.lot', { lotId: l.id }).lot);
    expect(lotsAfter.map((l) => [l.onHandMilli, l.reservedMilli])).toEqual([
      [0, 0],
      [25_000, 0],
      [8000, 0],
    ]);
    const moves = app.ctx.sqlite.prepare("SELECT lot_id AS lotId, qty_milli AS q, doc_type AS docType FROM stock_movements WHERE kind = 'ship' ORDER BY id").all();
    expect(moves).toEqual([
      { lotId: w.lots[0]!.id, q: -10_000, docType: 'shipment' },
      { lotId: w.lots[1]!.id, q: -15_000, docType: 'shipment' },
      { lotId: w.lots[2]!.id, q: -2000, docType: 'shipment' },
    ]);
    expect(checkProblems(app)).toEqual([]);

    // what the trace and the labels engineers build on
    const facts = shipmentsOfLots(app.ctx, [w.lots[1]!.id, w.lots[2]!.id]);
    expect(facts).toEqual([
      expect.objectContaining({ lotId: w.lots[1]!.id, shipmentId: draft.id, ddtNumber: '1/2026', ddtDate: '2026-10-22', customerName: 'Erboristeria La Malva', orderNumber: w.order.number, shippedMilli: 15_000, returnedMilli: 0 }),
      expect.objectContaining({ lotId: w.lots[2]!.id, shippedMilli: 2000 }),
    ]);
    expect(loadShipment(app.ctx, draft.id).lines[0]).toMatchObject({ item: { sku: 'SAP-LAV', gtin: '8001234567897', unit: 'pcs' }, lot: { code: w.lots[0]!.code, expiresOn: '2027-03-01' } });
  });

  it('ships part of an order, then the rest with the next number; another released lot can replace an allocated one', () => {
    const w = readyOrder(app);
    const soapLine = w.order.lines.find((l) => l.item.sku.startsWith('SAP-LAV'))!;
    const first = app.call('shipping.create', { lines: [{ orderLineId: soapLine.id, lotId: w.lots[0]!.id, quantity: '10' }], packages: [{ count: 1, appearance: 'scatola' }] });
    app.call('shipping.confirm', { id: first.id });
    expect(app.call('orders.get', { id: w.order.id })).toMatchObject({ status: 'partially_shipped' });
    const creamLine = w.order.lines.find((l) => l.item.sku.startsWith('CREMA-50'))!;
    const second = app.call('shipping.create', {
      lines: [
        { orderLineId: soapLine.id, lotId: w.lots[1]!.id, quantity: '15' },
        { orderLineId: creamLine.id, lotId: w.lots[2]!.id, quantity: '2' },
      ],
      packages: [{ count: 1, appearance: 'scatola' }],
      grossWeight: '2,5',
    });
    expect(second.grossWeightG).toBe(2500);
    expect(app.call('shipping.confirm', { id: second.id }).ddt?.number).toBe('2/2026');
    expect(app.call('orders.get', { id: w.order.id }).status).toBe('shipped');
    expect(checkProblems(app)).toEqual([]);
  });

  it('switching to another released lot gives up the allocation on the lot left behind', () => {
    const w = readyOrder(app, { soaps: 5 });
    const soapLine = w.order.lines.find((l) => l.item.sku.startsWith('SAP-LAV'))!;
    expect(soapLine.allocations.map((a) => a.lotId)).toEqual([w.lots[0]!.id]);
    const s = app.call('shipping.create', { lines: [{ orderLineId: soapLine.id, lotId: w.lots[1]!.id, quantity: '5' }], packages: [{ count: 1 }] });
    app.call('shipping.confirm', { id: s.id });
    const [a, b] = w.lots.map((l) => app.call('inventory.lot', { lotId: l.id }).lot);
    expect([a!.onHandMilli, a!.reservedMilli, b!.onHandMilli]).toEqual([10_000, 0, 35_000]);
    expect(checkProblems(app)).toEqual([]);
  });

  it('a draft can be cancelled, uses no number, and a confirmed shipment cannot be cancelled', () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    const cancelled = app.call('shipping.cancel', { id: draft.id, reason: 'cliente ha cambiato idea' });
    expect(cancelled.state).toBe('cancelled');
    expect(app.invoke('shipping.confirm', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(app.call('orders.get', { id: w.order.id }).status).toBe('ready_to_ship');
    const next = draftOf(w);
    expect(app.call('shipping.confirm', { id: next.id }).ddt?.number).toBe('1/2026');
    expect(app.invoke('shipping.cancel', { id: next.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(checkProblems(app)).toEqual([]);
  });
});

describe('refusals write nothing and use no DDT number', () => {
  it('more than ready is refused at the line that asks for it', () => {
    const w = readyOrder(app);
    const soapLine = w.order.lines.find((l) => l.item.sku.startsWith('SAP-LAV'))!;
    const before = footprint();
    const r = app.invoke('shipping.create', { lines: [{ orderLineId: soapLine.id, lotId: w.lots[1]!.id, quantity: '26' }], packages: [{ count: 1 }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['lines', 0, 'quantity'], key: 'more_than_ready', params: { readyMilli: 25_000 } }] } } });
    expect(footprint()).toEqual(before);
  });

  for (const [what, status, makeUnusable] of [
    ['blocked', 'LOT_NOT_RELEASED', (a: BottegaApp, lotId: number) => a.call('inventory.blockLot', { lotId, reason: 'odore anomalo', by: 'QA' })],
    ['recalled', 'LOT_NOT_RELEASED', (a: BottegaApp, lotId: number) => a.ctx.sqlite.prepare("UPDATE lots SET status = 'recalled' WHERE id = ?").run(lotId)],
    ['quarantine', 'LOT_NOT_RELEASED', (a: BottegaApp, lotId: number) => a.ctx.sqlite.prepare("UPDATE lots SET status = 'quarantine' WHERE id = ?").run(lotId)],
    ['expired', 'LOT_NOT_RELEASED', (a: BottegaApp, lotId: number) => a.ctx.sqlite.prepare("UPDATE lots SET expires_on = '2026-10-01' WHERE id = ?").run(lotId)],
  ] as const) {
    it(`a ${what} lot cannot leave: refused at confirmation, naming the lot`, () => {
      const w = readyOrder(app);
      const draft = draftOf(w);
      makeUnusable(app, w.lots[0]!.id);
      const before = footprint();
      const r = app.invoke('shipping.confirm', { id: draft.id });
      expect(r).toMatchObject({ ok: false, error: { code: status, details: { issues: [{ path: ['lines', 0, 'lotId'], key: `lot.${what}`, params: { code: w.lots[0]!.code } }] } } });
      expect(footprint()).toEqual(before);
    });
  }

  it('confirming without packages, or without any weight, is refused', () => {
    const w = readyOrder(app);
    const noPackages = draftOf(w, { packages: [] });
    const before = footprint();
    expect(app.invoke('shipping.confirm', { id: noPackages.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['packages'], key: 'packages_missing' }] } } });
    expect(footprint()).toEqual(before);
    app.ctx.sqlite.prepare('UPDATE items SET net_weight_mg = NULL').run();
    const noWeight = draftOf(w);
    const before2 = footprint();
    expect(noWeight.grossWeightG).toBeNull();
    expect(app.invoke('shipping.confirm', { id: noWeight.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['grossWeight'], key: 'weight_missing' }] } } });
    expect(footprint()).toEqual(before2);
    app.call('shipping.update', { id: noWeight.id, ...{ lines: noWeight.lines.map((l) => ({ orderLineId: l.orderLineId, lotId: l.lot.id, quantity: String(l.qtyMilli / 1000) })) }, packages: [{ count: 2 }], grossWeight: '4' });
    expect(app.call('shipping.confirm', { id: noWeight.id }).ddt?.number).toBe('1/2026');
  });

  it('missing company data (P.IVA, address) is refused, naming the Settings fields', () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    app.call('settings.update', { company: { vatNumber: '', street: '' } });
    const before = footprint();
    const r = app.invoke('shipping.confirm', { id: draft.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { where: 'settings.company', issues: [{ path: ['company', 'vatNumber'] }, { path: ['company', 'street'] }] } } });
    expect(footprint()).toEqual(before);
    fillCompany(app);
    expect(app.call('shipping.confirm', { id: draft.id }).ddt?.number).toBe('1/2026');
  });

  it('orders of two customers do not go in one shipment', () => {
    const w = readyOrder(app);
    const other = readyOrder(app);
    const r = app.invoke('shipping.create', {
      lines: [
        { orderLineId: w.order.lines[0]!.id, lotId: w.order.lines[0]!.allocations[0]!.lotId, quantity: '1' },
        { orderLineId: other.order.lines[0]!.id, lotId: other.order.lines[0]!.allocations[0]!.lotId, quantity: '1' },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ key: 'one_customer' }] } } });
  });
});

describe('returns (reso)', () => {
  it('restock, quarantine and scrap bring the goods back into the same lot; a collected return gets the next DDT number', () => {
    const w = readyOrder(app);
    const s = app.call('shipping.confirm', { id: draftOf(w).id });
    const [lineA, lineB, cream] = s.lines;
    const restock = app.call('shipping.createReturn', { shipmentId: s.id, reason: 'Ordine doppio', lines: [{ shipmentLineId: lineA!.id, quantity: '3', disposition: 'restock' }] });
    expect(restock).toMatchObject({ collected: false, ddt: null, lines: [{ lotId: lineA!.lot.id, qtyMilli: 3000, disposition: 'restock' }] });
    expect((app.call('inventory.lot', { lotId: lineA!.lot.id }).lot).onHandMilli).toBe(3000);

    const q = app.call('shipping.createReturn', {
      shipmentId: s.id,
      reason: 'Confezione danneggiata',
      collected: true,
      packageCount: 1,
      appearance: 'scatola',
      lines: [
        { shipmentLineId: lineB!.id, quantity: '2', disposition: 'quarantine' },
        { shipmentLineId: cream!.id, quantity: '1', disposition: 'scrap' },
      ],
    });
    expect(q.ddt).toMatchObject({ number: '2/2026' });
    const lotB = app.call('inventory.lot', { lotId: lineB!.lot.id }).lot;
    expect([lotB.onHandMilli, lotB.status]).toEqual([27_000, 'quarantine']);
    const creamLot = app.call('inventory.lot', { lotId: cream!.lot.id }).lot;
    expect(creamLot.onHandMilli).toBe(8000);
    const moves = app.ctx.sqlite.prepare("SELECT kind, lot_id AS lotId, qty_milli AS q FROM stock_movements WHERE doc_type = 'shipment_return' ORDER BY id").all();
    expect(moves).toEqual([
      { kind: 'return', lotId: lineA!.lot.id, q: 3000 },
      { kind: 'return', lotId: lineB!.lot.id, q: 2000 },
      { kind: 'return', lotId: cream!.lot.id, q: 1000 },
      { kind: 'scrap', lotId: cream!.lot.id, q: -1000 },
    ]);
    // the shipment and the order show the return; the trace knows what came back
    const after = app.call('shipping.get', { id: s.id });
    expect(after.lines.map((l) => l.returnedMilli)).toEqual([3000, 2000, 1000]);
    expect(after.returns).toHaveLength(2);
    expect(app.call('shipping.ofOrder', { orderId: w.order.id })[0]!.returns).toHaveLength(2);
    expect(shipmentsOfLots(app.ctx, [lineA!.lot.id])[0]).toMatchObject({ shippedMilli: 10_000, returnedMilli: 3000 });
    expect(checkProblems(app)).toEqual([]);

    // no more can come back than went out
    const before = footprint();
    const r = app.invoke('shipping.createReturn', { shipmentId: s.id, reason: 'x', lines: [{ shipmentLineId: lineA!.id, quantity: '8', disposition: 'restock' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['lines', 0, 'quantity'], key: 'more_than_shipped', params: { leftMilli: 7000 } }] } } });
    expect(footprint()).toEqual(before);
  });

  it('a return needs a confirmed shipment', () => {
    const w = readyOrder(app);
    const d = draftOf(w);
    expect(app.invoke('shipping.createReturn', { shipmentId: d.id, reason: 'x', lines: [{ shipmentLineId: d.lines[0]!.id, quantity: '1', disposition: 'restock' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('bottega check proves shipments against the ledger and the order lines', () => {
  it('names a line whose shipped quantity, or a ship movement, no longer matches the confirmed shipment', () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    // a draft's lines are no shipped quantity yet: the check tells confirmed shipments by the ones that are not
    expect(checkProblems(app)).toEqual([]);
    const shipped = app.call('shipping.confirm', { id: draft.id });
    expect(checkProblems(app)).toEqual([]);
    const line = shipped.lines[0]!;
    // tamper behind the commands' back, as a broken write would
    app.ctx.sqlite.prepare('UPDATE order_lines SET shipped_milli = shipped_milli + 1 WHERE id = ?').run(line.orderLineId);
    app.ctx.sqlite
      .prepare("UPDATE stock_movements SET qty_milli = qty_milli + 1 WHERE id = (SELECT min(id) FROM stock_movements WHERE doc_type = 'shipment' AND kind = 'ship')")
      .run();
    const problems = checkProblems(app)
      .flatMap((c) => c.problems)
      .join('\n');
    expect(problems).toMatch(new RegExp(`order line ${line.orderLineId} says \\d+ shipped, confirmed shipments carried \\d+`));
    expect(problems).toMatch(new RegExp(`shipment ${shipped.id}, lot \\d+: lines carry \\d+, ship movements take \\d+`));
  });
});
