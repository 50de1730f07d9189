/**
 * The KPI summary (migration 0018) stays exact through writes of every kind on the demo
 * workshop: after each, the KPI rows read from it equal the reference query's (the first
 * version's join, test/support/kpiReference.ts), and `bottega check` finds it equal to its
 * recomputation. Then the check names a line and column made wrong behind its back, and
 * the rebuild repairs it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';
import { runCheck } from '../../src-main/db/check';
import { reportsInvariants } from '../../src-main/modules/reports/invariants';
import { fillCompany } from './shipping/workshop';
import { expectReferenceRows } from '../support/kpiReference';

afterAll(removeTempDbs);

const FROM = '2000-01-01';
const TO = '2099-12-31';

describe('KPI summary after writes of every kind', () => {
  const app = demoApp();
  afterAll(() => app.close());
  const db = app.ctx.sqlite;
  const summaryCheck = () => runCheck(app.ctx, reportsInvariants).checks[0]!;
  const summaryOf = (orderId: number) => db.prepare('SELECT * FROM kpi_order_lines WHERE order_id = ? ORDER BY line_id').all(orderId) as Record<string, unknown>[];

  /** The rows equal the reference and the check holds; returns how many rows. */
  function exact(): number {
    const n = expectReferenceRows(app, FROM, TO);
    expect(summaryCheck().problems).toEqual([]);
    return n;
  }

  it('the demo starts exact (the triggers kept it while the demo was written)', () => {
    expect(exact()).toBeGreaterThan(0);
  });

  it("the check's own walk over a line's shipments picks no line where the view agrees (no row comes back, not only no problem)", () => {
    const queries = reportsInvariants[0]!.queries(db, {});
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.flatMap((q) => db.prepare(q.sql).all())).toEqual([]);
  });

  it('a new draft, its price changed, confirmed, promised, then cancelled', () => {
    const customer = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
    const items = db.prepare("SELECT id FROM items WHERE kind = 'product' AND archived = 0 ORDER BY id LIMIT 2").pluck().all() as number[];
    const lines = [
      { itemId: items[0]!, quantity: '3', unitPrice: '4,50', discountPct: '0' },
      { itemId: items[1]!, quantity: '2', unitPrice: '7', discountPct: '10' },
    ];
    const draft = app.call('orders.create', { customerId: customer, channel: 'manual', lines });
    expect(summaryOf(draft.id)).toEqual([]);
    exact();
    app.call('orders.update', { id: draft.id, customerId: customer, channel: 'manual', lines: [{ ...lines[0]!, unitPrice: '5' }, lines[1]!] });
    exact();
    app.call('orders.confirm', { id: draft.id });
    expect(summaryOf(draft.id).map((r) => r.net_cents)).toEqual([1500, 1260]);
    exact();
    app.call('orders.setPromisedDate', { id: draft.id, promisedOn: '2026-12-01' });
    expect(summaryOf(draft.id).map((r) => r.due)).toEqual(['2026-12-01', '2026-12-01']);
    exact();
    app.call('orders.cancel', { id: draft.id, reason: 'test' });
    expect(summaryOf(draft.id)).toEqual([]);
    exact();
  });

  it('a shipment drafted (no DDT: nothing shipped yet), confirmed (DDT), then part of it returned', () => {
    fillCompany(app);
    const ready = app.call('shipping.readyOrders', {});
    expect(ready.length).toBeGreaterThan(1);
    const ship = (orderId: number) => {
      const proposal = app.call('shipping.proposal', { orderIds: [orderId] });
      return app.call('shipping.create', {
        lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
        packages: [{ count: 1, appearance: 'scatola' }],
        grossWeight: '3',
      });
    };
    const order = ready[0]!.orderId;
    const before = summaryOf(order);
    const draft = ship(order);
    expect(summaryOf(order)).toEqual(before);
    exact();
    const shipped = app.call('shipping.confirm', { id: draft.id });
    expect(summaryOf(order).some((r) => (r.shipped_milli as number) > 0 && r.last_ddt_day !== null)).toBe(true);
    exact();
    const line = shipped.lines[0]!;
    app.call('shipping.createReturn', { shipmentId: shipped.id, reason: 'rotto', lines: [{ shipmentLineId: line.id, quantity: '1', disposition: 'scrap' }] });
    expect(summaryOf(order).find((r) => r.line_id === line.orderLineId)).toMatchObject({ returned_milli: 1000 });
    exact();

    // a draft of another order, cancelled: its lines are deleted again
    const other = ship(ready[1]!.orderId);
    app.call('shipping.cancel', { id: other.id });
    exact();

    // a lot's cost set later (no command does it today; any writer is followed)
    db.prepare('UPDATE lots SET unit_cost_micros = NULL WHERE id = ?').run(line.lot.id);
    expect(summaryOf(order).find((r) => r.line_id === line.orderLineId)).toMatchObject({ cost_micros: 0 });
    exact();
    db.prepare('UPDATE lots SET unit_cost_micros = 1234567 WHERE id = ?').run(line.lot.id);
    exact();
  });

  it('bottega check names the line and the column of a summary row made wrong behind its back (a key column too), and rows of lines that are no confirmed order’s', () => {
    const row = db.prepare('SELECT line_id, shipped_milli FROM kpi_order_lines WHERE shipped_milli > 0 ORDER BY line_id LIMIT 1').get() as { line_id: number; shipped_milli: number };
    db.exec('BEGIN');
    try {
      db.prepare('UPDATE kpi_order_lines SET shipped_milli = shipped_milli + 1 WHERE line_id = ?').run(row.line_id);
      const moved = db.prepare('SELECT line_id, ordered_on FROM kpi_order_lines WHERE line_id <> ? ORDER BY line_id DESC LIMIT 1').get(row.line_id) as { line_id: number; ordered_on: string };
      db.prepare("UPDATE kpi_order_lines SET ordered_on = '1999-01-01' WHERE line_id = ?").run(moved.line_id);
      db.prepare("INSERT INTO kpi_order_lines SELECT ordered_on, order_id, item_id, 999999999, channel, customer_id, confirmed_day, due, net_cents, qty_milli, shipped_milli, last_ddt_day, cost_micros, unknown_cost_milli, returned_milli FROM kpi_order_lines WHERE line_id = ?").run(row.line_id);
      const check = summaryCheck();
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual([
        `KPI summary, order line ${row.line_id}: shipped_milli ${row.shipped_milli + 1} ≠ ${row.shipped_milli} (stored ≠ recomputed; bottega reports --rebuild repairs it)`,
        `KPI summary, order line ${moved.line_id}: ordered_on "1999-01-01" ≠ "${moved.ordered_on}" (stored ≠ recomputed; bottega reports --rebuild repairs it)`,
        'KPI summary, order line 999999999: in the summary but not a line of a confirmed order (stored ≠ recomputed; bottega reports --rebuild repairs it)',
      ]);
    } finally {
      db.exec('ROLLBACK');
    }
    exact();
  });

  it('reports.rebuildSummary repairs a summary made wrong behind its back, in one command, to what the triggers kept', () => {
    const kept = db.prepare('SELECT * FROM kpi_order_lines ORDER BY line_id').all();
    db.prepare('UPDATE kpi_order_lines SET returned_milli = returned_milli + 7 WHERE line_id = (SELECT min(line_id) FROM kpi_order_lines)').run();
    db.prepare('DELETE FROM kpi_order_lines WHERE line_id = (SELECT max(line_id) FROM kpi_order_lines)').run();
    expect(summaryCheck().problems).toHaveLength(2);
    expect(app.call('reports.rebuildSummary', {})).toEqual({ lines: kept.length });
    expect(db.prepare('SELECT * FROM kpi_order_lines ORDER BY line_id').all()).toEqual(kept);
    exact();
  });
});
