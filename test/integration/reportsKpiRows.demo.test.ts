/**
 * The KPI rows on the demo workshop equal those of the previous query (issue 16's first
 * version, kept here verbatim as the reference): the query was rewritten for speed (one
 * ordered pass over covering indexes instead of shipment lines grouped in a temporary
 * table and joined back), and every grouping, total and chart of `reports.kpis` is made
 * from these rows, so equal rows mean equal reports.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';
import { loadLineFacts } from '../../src-main/modules/reports/kpiRows';

afterAll(removeTempDbs);

const PREVIOUS = `
    WITH o AS MATERIALIZED (SELECT id FROM customer_orders WHERE ordered_on >= ? AND ordered_on <= ? AND state = 'confirmed'),
    shipped AS MATERIALIZED (
      SELECT sl.order_line_id AS lineId, sum(sl.qty_milli) AS qty, CAST(julianday(max(d.date)) AS INTEGER) AS lastDdt,
             sum(CASE WHEN lot.unit_cost_micros IS NOT NULL THEN (sl.qty_milli * lot.unit_cost_micros + 500) / 1000 ELSE 0 END) AS costMicros,
             sum(CASE WHEN lot.unit_cost_micros IS NULL THEN sl.qty_milli ELSE 0 END) AS unknownQty,
             sum(coalesce((SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id), 0)) AS returned
      FROM o CROSS JOIN shipment_lines sl ON sl.order_id = o.id
      CROSS JOIN ddts d ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment'
      CROSS JOIN lots lot ON lot.id = sl.lot_id
      GROUP BY sl.order_line_id
    ),
    ln AS (
      SELECT o.id AS orderId, ol.item_id AS itemId,
             (CASE WHEN ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) >= 0
               THEN (ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp) + 5000000) / 10000000
               ELSE -((5000000 - ol.qty_milli * ol.unit_price_cents * (10000 - ol.discount_bp)) / 10000000) END) AS net,
             i.kind = 'service' AS service, ol.qty_milli AS qty,
             coalesce(s.qty, 0) AS shipped, coalesce(s.costMicros, 0) AS costMicros, coalesce(s.unknownQty, 0) AS unknownQty,
             coalesce(s.returned, 0) AS returned, s.lastDdt
      FROM o CROSS JOIN order_lines ol ON ol.order_id = o.id
      CROSS JOIN items i ON i.id = ol.item_id
      LEFT JOIN shipped s ON s.lineId = ol.id
    )
    SELECT orderId, itemId,
           sum(net) AS netCents,
           sum(CASE WHEN service THEN 0 ELSE qty END) AS qtyMilli,
           sum(CASE WHEN service THEN 0 ELSE shipped END) AS shippedMilli,
           sum(returned) AS returnedMilli,
           sum(costMicros) AS lotCostMicros,
           sum(CASE WHEN service THEN 0 ELSE qty - min(shipped, qty) + unknownQty END) AS estimatedMilli,
           min(CASE WHEN service OR shipped >= qty THEN 1 ELSE 0 END) AS complete,
           max(lastDdt) AS lastDay
    FROM ln GROUP BY orderId, itemId ORDER BY orderId, itemId`;

/** julianday() of an ISO date, truncated, as the previous query gave it. */
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000) + 2440587;

describe('KPI rows of the demo workshop', () => {
  const app = demoApp();
  afterAll(() => app.close());
  const db = app.ctx.sqlite;

  function compare(from: string, to: string): void {
    const previous = db.prepare(PREVIOUS).all(from, to) as Record<string, number | null>[];
    const now = loadLineFacts(app.ctx, from, to).map((f) => ({
      orderId: f.orderId,
      itemId: f.itemId,
      netCents: f.netCents,
      qtyMilli: f.qtyMilli,
      shippedMilli: f.shippedMilli,
      returnedMilli: f.returnedMilli,
      lotCostMicros: f.lotCostMicros,
      estimatedMilli: f.estimatedMilli,
      complete: f.complete ? 1 : 0,
      lastDay: f.lastDdt === null ? null : dayOf(f.lastDdt),
    }));
    expect(previous.length).toBeGreaterThan(0);
    expect(now).toEqual(previous);
  }

  it.each([
    ['the whole demo', '2020-01-01', '2029-12-31'],
    ['one month', '2025-09-01', '2025-09-30'],
  ])('over %s equal the previous query, row by row and in the same order', (_what, from, to) => compare(from, to));

  it('equal the previous query with service lines too (the demo sells none: its most ordered item is made a service, then put back)', () => {
    const item = db.prepare('SELECT item_id FROM order_lines GROUP BY item_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    db.exec('BEGIN');
    try {
      db.prepare("UPDATE items SET kind = 'service' WHERE id = ?").run(item);
      const facts = loadLineFacts(app.ctx, '2020-01-01', '2029-12-31');
      expect(facts.some((f) => f.itemId === item && f.complete && f.qtyMilli === 0 && f.netCents > 0)).toBe(true);
      compare('2020-01-01', '2029-12-31');
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('the demo has what the rows must get right: returns, lines not fully shipped (valued at recipe cost)', () => {
    const facts = loadLineFacts(app.ctx, '2020-01-01', '2029-12-31');
    expect(facts.some((f) => f.returnedMilli > 0)).toBe(true);
    expect(facts.some((f) => !f.complete)).toBe(true);
    expect(facts.some((f) => f.estimatedMilli > 0)).toBe(true);
  });
});
