import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { DEMO_STEPS, generateDemo } from '../../src-main/demo/generate';
import { Rng } from '../../src-main/demo/rng';
import { writeLargeHistory } from '../../src-main/demo/steps/largeHistory';
import { largeShipmentsStep } from '../../src-main/demo/steps/largeShipments';
import type { DemoStep } from '../../src-main/demo/types';
import { refreshOrders } from '../../src-main/modules/orders/lineFacts';
import { fixedClock, removeTempDbs, testApp } from '../builders/db';

afterAll(removeTempDbs);

const TODAY = '2026-11-20';
const CLOCK = `${TODAY}T09:00:00.000Z`;

function smallDemo(seed: number, clock = CLOCK): BottegaApp & { counts: Record<string, number> } {
  const app = testApp({ now: fixedClock(clock) });
  const counts = app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale: 'small', seed }))();
  return Object.assign(app, { counts });
}

const rows = (app: BottegaApp, sql: string, ...params: unknown[]) => app.ctx.sqlite.prepare(sql).all(...params);
const one = <T>(app: BottegaApp, sql: string, ...params: unknown[]) => app.ctx.sqlite.prepare(sql).pluck().get(...params) as T;
const digest = (app: BottegaApp, sql: string) => createHash('sha256').update(JSON.stringify(rows(app, sql))).digest('hex');

function expectCheckOk(app: BottegaApp): void {
  expect(runCheck(app.ctx).checks.filter((c) => !c.ok)).toEqual([]);
}

/** The stored status and total of every order are what refreshOrders computes now (the change is rolled back). */
function expectStoredStatusesFresh(app: BottegaApp, where = '1'): void {
  const db = app.ctx.sqlite;
  const sql = `SELECT id, status, total_cents AS total FROM customer_orders WHERE ${where} ORDER BY id`;
  const before = db.prepare(sql).all();
  let after: unknown[] = [];
  try {
    db.transaction(() => {
      const ids = (db.prepare(`SELECT id FROM customer_orders WHERE ${where}`).pluck().all() as number[]);
      for (let i = 0; i < ids.length; i += 500) refreshOrders(app.ctx, ids.slice(i, i + 500));
      after = db.prepare(sql).all();
      throw new Error('roll back');
    })();
  } catch (err) {
    if ((err as Error).message !== 'roll back') throw err;
  }
  expect(after).toEqual(before);
}

describe('demo history, small (through the commands)', () => {
  const a = smallDemo(11);
  afterAll(() => a.close());

  it('holds a year of receipts, production and orders, and every invariant', () => {
    expectCheckOk(a);
    for (const table of ['lots', 'stock_movements', 'stock_documents', 'customer_orders', 'order_lines', 'production_orders', 'production_links', 'lot_genealogy', 'reservations']) {
      expect(one<number>(a, `SELECT count(*) FROM ${table}`), table).toBeGreaterThan(0);
    }
    expect(a.counts).toMatchObject({ lots: expect.any(Number), movements: expect.any(Number), orders: expect.any(Number), productionOrders: expect.any(Number) });
    const orders = one<number>(a, 'SELECT count(*) FROM customer_orders');
    expect(orders).toBeGreaterThanOrEqual(60);
    expect(orders).toBeLessThanOrEqual(150);
    // the history is the year before the clock's today
    expect(one<string>(a, 'SELECT max(ordered_on) FROM customer_orders')).toBe(TODAY);
    expect(one<string>(a, 'SELECT min(date) FROM stock_movements') >= '2025-11-20').toBe(true);
    expect(one<string>(a, 'SELECT max(date) FROM stock_movements') <= TODAY).toBe(true);
  });

  it('has orders in every state of the flow, from every channel', () => {
    const statuses = new Set(rows(a, 'SELECT DISTINCT status FROM customer_orders').map((r) => (r as { status: string }).status));
    for (const s of ['waiting', 'in_production', 'ready_to_ship', 'materials_short', 'draft', 'cancelled']) expect(statuses, s).toContain(s);
    const channels = new Set(rows(a, 'SELECT DISTINCT channel FROM customer_orders').map((r) => (r as { channel: string }).channel));
    for (const c of ['phone', 'email', 'shopify', 'etsy', 'wholesale']) expect(channels, c).toContain(c);
    expect(one<number>(a, "SELECT count(*) FROM customer_orders WHERE channel IN ('shopify', 'etsy') AND external_ref IS NULL")).toBe(0);
    const production = new Set(rows(a, 'SELECT DISTINCT status FROM production_orders').map((r) => (r as { status: string }).status));
    for (const s of ['planned', 'completed']) expect(production, s).toContain(s);
    expect(production.has('released') || production.has('in_progress')).toBe(true);
    // intermediates made under the batches that need them, make-to-stock batches too
    expect(one<number>(a, 'SELECT count(*) FROM production_orders WHERE parent_id IS NOT NULL')).toBeGreaterThan(0);
    expect(one<number>(a, 'SELECT count(*) FROM production_orders p WHERE NOT EXISTS (SELECT 1 FROM production_links k WHERE k.production_order_id = p.id) AND parent_id IS NULL')).toBeGreaterThan(0);
    expectStoredStatusesFresh(a);
  });

  it('traces a ready order back to the supplier lots through its intermediates', () => {
    const order = one<number>(a, "SELECT id FROM customer_orders WHERE status = 'ready_to_ship' AND id IN (SELECT l.order_id FROM order_lines l JOIN production_links k ON k.order_line_id = l.id) LIMIT 1");
    const got = a.call('orders.get', { id: order });
    const allocation = got.lines.flatMap((l) => l.allocations).find((x) => x.lotId)!;
    // walk the genealogy down to bought lots
    let frontier = [allocation.lotId];
    const bought = new Set<string>();
    for (let depth = 0; frontier.length > 0 && depth < 6; depth++) {
      const inputs = rows(a, 'SELECT g.input_lot_id AS id, l.origin, l.supplier_lot_code AS slc FROM lot_genealogy g JOIN lots l ON l.id = g.input_lot_id WHERE g.output_lot_id IN (SELECT value FROM json_each(?))', JSON.stringify(frontier)) as {
        id: number;
        origin: string;
        slc: string | null;
      }[];
      for (const i of inputs) if (i.origin === 'receipt' && i.slc) bought.add(i.slc);
      frontier = inputs.filter((i) => i.origin === 'production').map((i) => i.id);
    }
    expect(bought.size).toBeGreaterThan(0);
    const receipts = rows(a, "SELECT supplier_id AS s, supplier_ddt_number AS ddt, supplier_ddt_date AS d FROM stock_documents WHERE kind = 'receipt'") as { s: number | null; ddt: string | null; d: string | null }[];
    expect(receipts.length).toBeGreaterThan(20);
    expect(receipts.every((r) => r.s !== null && r.ddt && r.d)).toBe(true);
  });

  it('shows the alerts a working Monday has', () => {
    const alerts = a.call('inventory.alerts', {});
    expect(alerts.quarantine.length).toBeGreaterThan(0);
    expect(alerts.belowReorder.length).toBeGreaterThan(0);
    expect(alerts.expiring.some((l) => l.expiresOn! < TODAY)).toBe(true); // expired, still on the shelf
    expect(alerts.expiring.some((l) => l.expiresOn! >= TODAY)).toBe(true); // expiring within the month
    expect(alerts.belowReorder.some((r) => r.item.kind === 'material')).toBe(true);
    expect(one<number>(a, "SELECT count(*) FROM stock_movements WHERE kind IN ('scrap', 'adjust')")).toBeGreaterThan(0);
  });

  it('is the same for the same seed and clock, and follows the clock', () => {
    const b = smallDemo(11);
    for (const sql of [
      'SELECT number, ordered_on, status, total_cents FROM customer_orders ORDER BY id',
      'SELECT code, supplier_lot_code, expires_on, on_hand_milli FROM lots ORDER BY id',
      'SELECT * FROM stock_movements ORDER BY id',
      'SELECT * FROM production_orders ORDER BY id',
      'SELECT * FROM reservations ORDER BY id',
    ]) {
      expect(digest(b, sql), sql).toBe(digest(a, sql));
    }
    b.close();
    const later = smallDemo(11, '2027-03-02T10:00:00.000Z');
    expect(one<string>(later, 'SELECT max(ordered_on) FROM customer_orders')).toBe('2027-03-02');
    expectCheckOk(later);
    later.close();
  });
});

describe('demo history, large writer (one year of it)', () => {
  it('writes rows every invariant accepts, with statuses refreshOrders agrees with and number series that continue', () => {
    const app = testApp({ now: fixedClock('2026-01-01T00:00:00.000Z') });
    let made: Record<string, number> = {};
    const year: DemoStep = {
      name: 'large-history',
      run: (ctx, _rng, state) => {
        made = writeLargeHistory(ctx, Rng.forStep(1, 'large-history'), state, { days: 365, orders: 12_000, fefoLots: 520 }).counts;
        return made;
      },
    };
    const started = performance.now();
    app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale: 'large', seed: 1 }, [...DEMO_STEPS.filter((s) => s.name !== 'large-history' && s.name !== 'large-shipments'), year, largeShipmentsStep]))();
    console.log(`one large year in ${(performance.now() - started).toFixed(0)} ms: ${JSON.stringify(made)}`);
    expectCheckOk(app);
    expect(made.orders).toBeGreaterThan(11_000);
    expect(made.lots).toBeGreaterThan(5000);

    const statuses = Object.fromEntries((rows(app, 'SELECT status, count(*) AS n FROM customer_orders GROUP BY status') as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    for (const s of ['shipped', 'ready_to_ship', 'in_production', 'waiting', 'cancelled']) expect(statuses[s], s).toBeGreaterThan(0);
    expectStoredStatusesFresh(app, "status <> 'shipped' OR id % 20 = 0");
    // shipped lines left through 'ship' movements of exactly their quantity
    expect(
      one<number>(
        app,
        `SELECT count(*) FROM order_lines l WHERE l.shipped_milli <> coalesce((SELECT -sum(m.qty_milli) FROM stock_movements m
           WHERE m.doc_type = 'shipment' AND m.kind = 'ship' AND m.doc_id = l.order_id AND m.item_id = l.item_id), 0)`,
      ),
    ).toBe(0);
    // nothing used before it arrived, nothing used once expired
    expect(one<number>(app, 'SELECT count(*) FROM stock_movements m JOIN lots l ON l.id = m.lot_id WHERE m.date < l.origin_date')).toBe(0);
    expect(one<number>(app, "SELECT count(*) FROM stock_movements m JOIN lots l ON l.id = m.lot_id WHERE m.kind IN ('consume', 'ship') AND l.expires_on < m.date")).toBe(0);
    // the FEFO item
    expect(one<number>(app, 'SELECT max(n) FROM (SELECT count(*) AS n FROM lots WHERE on_hand_milli <> 0 GROUP BY item_id)')).toBeGreaterThanOrEqual(500);

    // the commands continue the series without a clash
    const customer = one<number>(app, 'SELECT id FROM customers LIMIT 1');
    const product = one<number>(app, "SELECT item_id FROM recipes WHERE active = 1 AND item_id IN (SELECT id FROM items WHERE kind = 'product') LIMIT 1");
    const last = one<string>(app, "SELECT max(number) FROM customer_orders WHERE number LIKE '2026/%'");
    const order = app.call('orders.create', { customerId: customer, lines: [{ itemId: product, quantity: '6' }], confirm: true });
    expect(order.number).toBe(`2026/${String(Number(last.slice(5)) + 1).padStart(4, '0')}`);
    app.call('orders.fulfil', { orderIds: [order.id] });
    const material = one<number>(app, "SELECT id FROM items WHERE kind = 'material' AND archived = 0 LIMIT 1");
    const lot = app.call('inventory.receive', { supplierId: null, lines: [{ itemId: material, quantity: '1' }] }).lots[0]!;
    expect(one<number>(app, 'SELECT count(*) FROM lots WHERE code = ?', lot.code)).toBe(1);
    expectCheckOk(app);
    app.close();
  }, 60_000);
});
