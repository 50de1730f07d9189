/**
 * The KPI rows on the demo workshop equal those of the previous query (issue 16's first
 * version, kept in test/support/kpiReference.ts as the reference): the rows are now read
 * from the KPI summary (migration 0018) instead of joined at every call, and every
 * grouping, total and chart of `reports.kpis` is made from these rows, so equal rows mean
 * equal reports. reportsKpiSummary.test.ts proves the same after writes of every kind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';
import { loadLineFacts } from '../../src-main/modules/reports/kpiRows';
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
});
