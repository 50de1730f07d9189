/**
 * The KPI rows on the demo workshop equal those of the previous query (issue 16's first
 * version, kept in test/support/kpiReference.ts as the reference): the rows are now read
 * from the KPI summary (migration 0018) instead of joined at every call, and every
 * grouping, total and chart of `reports.kpis` is made from these rows, so equal rows mean
 * equal reports. reportsKpiSummary.test.ts proves the same after writes of every kind.
 * Material consumption (summed in JS from one JSON array) equals the GROUP BY it replaced.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';
import { loadLineFacts } from '../../src-main/modules/reports/kpiRows';
import { materialConsumption } from '../../src-main/modules/reports/kpiSections';
import { expectReferenceRows } from '../support/kpiReference';

afterAll(removeTempDbs);

describe('KPI rows of the demo workshop', () => {
  const app = demoApp();
  afterAll(() => app.close());
  const db = app.ctx.sqlite;

  function compare(from: string, to: string): void {
    expect(expectReferenceRows(app, from, to)).toBeGreaterThan(0);
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

  it('material consumption equals a GROUP BY over the genealogy of the completed production and its lots (each input costed and rounded once)', () => {
    const expected = db
      .prepare(
        `SELECT lot.item_id AS itemId, i.sku, i.name, i.unit, sum(g.qty_milli) AS qtyMilli,
                (sum(CASE WHEN lot.unit_cost_micros IS NULL THEN 0 ELSE (g.qty_milli * lot.unit_cost_micros + 500) / 1000 END) + 5000) / 10000 AS costCents,
                max(lot.unit_cost_micros IS NULL) = 1 AS costUnknown
         FROM production_orders po JOIN lot_genealogy g ON g.production_order_id = po.id JOIN lots lot ON lot.id = g.input_lot_id JOIN items i ON i.id = lot.item_id
         WHERE po.status = 'completed' AND po.produced_on BETWEEN '2020-01-01' AND '2029-12-31' AND i.kind IN ('material', 'packaging')
         GROUP BY lot.item_id ORDER BY costCents DESC, i.sku`,
      )
      .all()
      .map((r) => ({ ...(r as { costUnknown: number }), costUnknown: (r as { costUnknown: number }).costUnknown === 1 }));
    expect(expected.length).toBeGreaterThan(3);
    expect(materialConsumption(app.ctx, '2020-01-01', '2029-12-31')).toEqual(expected);
  });
});
