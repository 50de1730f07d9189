/** The queries the trace and the confirmation depend on search by index, never scan (EXPLAIN QUERY PLAN). */
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, removeTempDbs, testApp } from '../../builders/db';
import { SHIPPED_LOTS_SQL } from '../../../src-main/modules/shipping/traceFacts';
import { reservationsForDocSql } from '../../../src-main/modules/inventory/reservations';
import { CUSTOMER_ORDER } from '../../../src-main/modules/orders/lineFacts';

afterAll(removeTempDbs);

const plan = (app: ReturnType<typeof testApp>, sql: string, ...params: unknown[]) =>
  (app.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);

describe('shipping query plans', () => {
  it('forward trace: shipment lines of lots by the lot index', () => {
    const app = testApp({ now: fixedClock() });
    const details = plan(app, SHIPPED_LOTS_SQL, '[1,2]');
    expect(details.join(' | ')).toMatch(/SEARCH sl USING INDEX shipment_lines_lot/);
    expect(details.filter((d) => /^SCAN (sl|s|d|c|o)\b/.test(d))).toEqual([]);
    app.close();
  });

  it("an order line's allocations, as the confirmation reads them (reservationsForDoc), by the reservations' document index", () => {
    const app = testApp({ now: fixedClock() });
    const q = reservationsForDocSql(CUSTOMER_ORDER, 1, 1);
    const details = plan(app, q.text, ...q.values);
    expect(details.join(' ')).toMatch(/SEARCH r USING INDEX reservations_doc/);
    expect(details.filter((d) => /^SCAN r\b/.test(d))).toEqual([]);
    app.close();
  });
});
