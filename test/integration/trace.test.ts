import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { fixedClock, tempDir } from '../support/tempDir';
import { soapWorkshopWithGenealogy, type ScenarioLots } from '../builders/traceScenario';
import { lotsReached } from '../../src-main/modules/trace/walk';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let w: ReturnType<typeof soapWorkshopWithGenealogy>;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-01T08:00:00.000Z') });
  w = soapWorkshopWithGenealogy(app);
});
afterEach(() => {
  app.close();
  t.cleanup();
});

type Name = keyof ScenarioLots;
const nameOf = (id: number) => (Object.entries(w.lots).find(([, l]) => l.id === id)?.[0] ?? `#${id}`) as Name;
const edgesOf = (edges: { inputLotId: number; outputLotId: number; qtyMilli: number }[]) =>
  edges.map((e) => `${nameOf(e.inputLotId)}→${nameOf(e.outputLotId)} ${e.qtyMilli}`).sort();

describe('trace', () => {
  it('backward from a soap: every input down to raw materials, each edge with its own quantity', () => {
    const tr = app.call('trace.lot', { lotId: w.lots.SL2.id, direction: 'backward' });
    expect(edgesOf(tr.backwardEdges)).toEqual(
      [
        'PL1→SL2 500', 'PL2→SL2 500',
        'BL1→PL1 1800', 'C1→PL1 200',
        'BL1→PL2 200', 'BL2→PL2 700', 'C1→PL2 100',
        'O1→BL1 1000', 'O2→BL1 600', 'Y1→BL1 400',
        'O1→BL2 1600', 'Y1→BL2 400',
      ].sort(),
    );
    expect(tr.forwardEdges).toEqual([]);
    // each lot once, with its distance; O1 reached by three paths is one lot
    expect(tr.lots.map((l) => [nameOf(l.id), l.depth])).toEqual([
      ['SL2', 0], ['PL1', 1], ['PL2', 1],
      ...(['BL1', 'BL2', 'C1'].map((n) => [n, 2]) as [Name, number][]).sort((a, b) => w.lots[a[0]].code.localeCompare(w.lots[b[0]].code)),
      ...(['O1', 'O2', 'Y1'].map((n) => [n, 3]) as [Name, number][]).sort((a, b) => w.lots[a[0]].code.localeCompare(w.lots[b[0]].code)),
    ]);
    const o1 = tr.lots.find((l) => l.id === w.lots.O1.id)!;
    expect(o1).toMatchObject({ supplierLotCode: 'ALM-2026-77', supplier: { name: 'Oleificio Rossi srl' }, receipt: { date: '2026-09-02', supplierDdtNumber: '77/2026', supplierDdtDate: '2026-09-01' }, production: null });
    const sl2 = tr.lots.find((l) => l.id === w.lots.SL2.id)!;
    expect(sl2.production).toMatchObject({ number: w.production.S2.number, recipeVersion: 1, producedOn: '2026-09-21' });
  });

  it('forward from a split oil lot: every lot containing it, each once, with stock and reservations', () => {
    const tr = app.call('trace.lot', { code: w.lots.O1.code.toLowerCase(), direction: 'forward' });
    expect(tr.lotId).toBe(w.lots.O1.id);
    expect(edgesOf(tr.forwardEdges)).toEqual(
      ['O1→BL1 1000', 'O1→BL2 1600', 'BL1→PL1 1800', 'BL1→PL2 200', 'BL2→PL2 700', 'PL1→SL1 1000', 'PL1→SL2 500', 'PL2→SL2 500'].sort(),
    );
    expect(tr.lots.map((l) => nameOf(l.id)).sort()).toEqual(['BL1', 'BL2', 'O1', 'PL1', 'PL2', 'SL1', 'SL2']);
    const onHand = Object.fromEntries(tr.lots.map((l) => [nameOf(l.id), l.onHandMilli]));
    // SL1: 10 made, 6 shipped; SL2: 10 made, 6 shipped, 2 came back
    expect(onHand).toEqual({ O1: 400, BL1: 0, BL2: 1300, PL1: 500, PL2: 500, SL1: 4000, SL2: 6000 });
    // the shipment lines that carried the soaps, with the customer, the DDT and the return on its own line
    expect(tr.shipments.map((s) => [nameOf(s.lotId), s.customer.name, s.customer.email, s.ddtNumber, s.order?.number, s.shippedMilli, s.returnedMilli]).sort()).toEqual([
      ['SL1', 'Farmacia Bianchi', 'acquisti@bianchi.example', w.shipment.ddt!.number, w.shippedOrder.number, 6000, 0],
      ['SL2', 'Farmacia Bianchi', 'acquisti@bianchi.example', w.shipment.ddt!.number, w.shippedOrder.number, 6000, 2000],
    ]);
    // S3 holds the two pastes; the order holds 4 soaps of one soap lot
    const held = tr.reservations.map((r) => [nameOf(r.lotId), r.qtyMilli, r.order?.number ?? r.productionOrder?.number]).sort();
    expect(held).toHaveLength(3);
    expect(held.filter((h) => h[2] === w.production.S3.number).map((h) => [h[0], h[1]])).toEqual([['PL1', 500], ['PL2', 500]]);
    expect(held.find((h) => h[2] === w.order.number)?.[1]).toBe(4000);
  });

  it("the recall report's walk without edges (lotsReached) reaches the lots trace.lot lists, each with the same facts and depth, in its order", () => {
    for (const { id } of Object.values(w.lots)) {
      for (const direction of ['forward', 'backward'] as const) {
        expect(lotsReached(app.ctx, id, direction), `${nameOf(id)} ${direction}`).toEqual(app.call('trace.lot', { lotId: id, direction }).lots);
      }
    }
    expect(lotsReached(app.ctx, 999_999, 'forward')).toEqual([]);
  });

  it('forward from the second oil lot leaves out what it never went into', () => {
    const tr = app.call('trace.lot', { code: 'ALM-2026-78', direction: 'forward' });
    expect(tr.lotId).toBe(w.lots.O2.id);
    expect(tr.lots.map((l) => nameOf(l.id)).sort()).toEqual(['BL1', 'O2', 'PL1', 'PL2', 'SL1', 'SL2']);
  });

  it('finds a lot from a GS1-128 scan, and names similar codes for an unknown one', () => {
    const scan = `(01)08001234567893(10)${w.lots.SL1.code}(17)270921`;
    expect(app.call('trace.findLot', { code: scan }).lots.map((l) => l.id)).toEqual([w.lots.SL1.id]);
    const typo = w.lots.SL1.code.slice(0, -1) + '9';
    const miss = app.invoke('trace.lot', { code: typo });
    expect(miss.ok).toBe(false);
    if (!miss.ok) {
      expect(miss.error.code).toBe('NOT_FOUND');
      expect(miss.error.message).toContain(`No lot with code ${typo}`);
      expect((miss.error.details?.suggestions as { code: string }[]).map((s) => s.code)).toContain(w.lots.SL1.code);
    }
    expect(app.call('trace.findLot', { code: 'ALM-2026-7' }).suggestions.map((s) => s.supplierLotCode)).toEqual(expect.arrayContaining(['ALM-2026-77', 'ALM-2026-78']));
  });

  it('a dry run writes nothing; the recall blocks what is on hand, cancels reservations, and check stays clean', () => {
    const before = app.call('trace.lot', { lotId: w.lots.O2.id, direction: 'forward' });
    const dry = app.call('trace.recall', { lotId: w.lots.O2.id, reason: 'Contaminazione segnalata dal fornitore', dryRun: true });
    expect(dry.recallId).toBeNull();
    expect(dry.blocked.map((b) => b.code).sort()).toEqual(['O2', 'PL1', 'PL2', 'SL1', 'SL2'].map((n) => w.lots[n as Name].code).sort());
    expect(dry.untouched.map((b) => b.code)).toEqual([w.lots.BL1.code]);
    expect(app.call('trace.lot', { lotId: w.lots.O2.id, direction: 'forward' })).toEqual(before);

    const done = app.call('trace.recall', { code: 'ALM-2026-78', reason: 'Contaminazione segnalata dal fornitore', by: 'Anna' });
    expect(done.recallId).not.toBeNull();
    expect(done.blocked).toEqual(dry.blocked);
    expect(done.cancelledReservations).toHaveLength(3);
    // the order holding soaps and the order that was shipped soaps
    expect(done.affectedOrders.map((o) => o.number)).toEqual([w.order.number, w.shippedOrder.number]);
    const after = app.call('trace.lot', { lotId: w.lots.O2.id, direction: 'forward' });
    const status = Object.fromEntries(after.lots.map((l) => [nameOf(l.id), l.status]));
    expect(status).toEqual({ O2: 'recalled', BL1: 'released', PL1: 'recalled', PL2: 'recalled', SL1: 'recalled', SL2: 'recalled' });
    expect(after.reservations).toEqual([]);
    // what the recall did not reach stays as it was
    expect(app.call('inventory.lot', { lotId: w.lots.BL2.id }).lot.status).toBe('released');
    expect(app.call('inventory.lot', { lotId: w.lots.O1.id }).lot.status).toBe('released');
    expect(app.call('production.get', { id: w.production.S3.id }).components[0]!.reservedMilli).toBe(0);
    expect(app.call('orders.get', { id: w.order.id }).lines[0]!.allocatedMilli).toBe(0);
    expect(app.call('trace.orderRecalls', { orderId: w.order.id }).recalls).toEqual([
      expect.objectContaining({ lotId: w.lots.O2.id, reason: 'Contaminazione segnalata dal fornitore', date: '2026-10-01' }),
    ]);
    expect(app.call('trace.orderRecalls', { orderId: w.shippedOrder.id }).recalls).toEqual([
      expect.objectContaining({ lotId: w.lots.O2.id, lotCodes: [w.lots.SL1.code, w.lots.SL2.code].sort() }),
    ]);
    expect(app.call('trace.orderRecalls', { orderId: w.order.id }).recalls[0]!.lotCodes).toEqual([w.lots.SL1.code]);
    // a recalled lot cannot be reserved again
    const again = app.invoke('orders.fulfil', { orderIds: [w.order.id] });
    expect(again.ok && app.call('orders.get', { id: w.order.id }).lines[0]!.allocatedMilli).toBe(0);
    expect(runCheck(app.ctx).checks.filter((c) => !c.ok)).toEqual([]);
    // a second recall finds nothing more to block
    const second = app.call('trace.recall', { lotId: w.lots.O2.id, reason: 'again', dryRun: true });
    expect(second.blocked).toEqual([]);
  });

  it('check names a recalled lot that still holds stock for someone', () => {
    // a status set behind the recall's back (raw SQL, as a broken import could): check sees it
    app.ctx.sqlite.prepare("UPDATE lots SET status = 'recalled' WHERE id = ?").run(w.lots.SL1.id);
    const broken = runCheck(app.ctx).checks.find((c) => c.name === 'trace.recalled_lots_hold_nothing')!;
    expect(broken.problems).toEqual([expect.stringContaining(`recalled lot ${w.lots.SL1.code} is still held`)]);
  });

  it('an unknown lot id is NOT_FOUND one way and both ways (the one-way walk is its own existence check)', () => {
    const missing = 987654;
    for (const direction of ['backward', 'forward', 'both'] as const) {
      const res = app.invoke('trace.lot', { lotId: missing, direction });
      expect(!res.ok && res.error.code, direction).toBe('NOT_FOUND');
    }
  });

  it('a recall refused half-way writes nothing', () => {
    const bad = app.invoke('trace.recall', { code: 'NOPE-1', reason: 'x' });
    expect(!bad.ok && bad.error.code).toBe('NOT_FOUND');
    const empty = app.invoke('trace.recall', { reason: 'x' });
    expect(!empty.ok && empty.error.code).toBe('VALIDATION');
  });
});
