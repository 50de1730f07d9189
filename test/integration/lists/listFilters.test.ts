/**
 * The shipment, production and purchase order lists after their queries were made to read indexes (issue 18):
 * on the small demo workshop, every filter and search answers the same shipments and
 * production orders, in the same order and with the same total, as the queries they replace
 * (kept here as the reference: a test per row of the customer, the DDT and the orders).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src-main/demo/generate';
import { fixedClock, removeTempDbs, tempDbPath, testApp } from '../../builders/db';

type App = ReturnType<typeof testApp>;
let app: App;

beforeAll(() => {
  app = testApp({ path: tempDbPath(), now: fixedClock('2026-11-20T09:00:00.000Z') });
  app.ctx.sqlite.transaction(() => generateDemo(app.ctx, { scale: 'small', seed: 1 }))();
}, 120_000);
afterAll(() => {
  app.close();
  removeTempDbs();
});

/**
 * A list's first page (up to 500) and total against the old query's ids for the same filters
 * (`given` names the case in a failure); answers how many the old query found.
 */
function sameAsBefore(given: unknown, before: number[], now: { ids: number[]; total: number }): number {
  expect({ given, ids: now.ids, total: now.total }).toEqual({ given, ids: before.slice(0, 500), total: before.length });
  return before.length;
}

/** The shipment list's search and dates as they were before: tested on every shipment. */
function shipmentsBefore(f: { q?: string; states?: string[]; from?: string; to?: string }): number[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.states) {
    where.push('s.state IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(f.states));
  }
  if (f.from) {
    where.push('substr(s.created_at, 1, 10) >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('substr(s.created_at, 1, 10) <= ?');
    params.push(f.to);
  }
  if (f.q) {
    where.push('(c.name LIKE ? OR d.number LIKE ? OR s.tracking_number LIKE ? OR EXISTS (SELECT 1 FROM shipment_lines x JOIN customer_orders o ON o.id = x.order_id WHERE x.shipment_id = s.id AND o.number LIKE ?))');
    params.push(`%${f.q}%`, `${f.q}%`, `%${f.q}%`, `%${f.q}%`);
  }
  const sql = `SELECT s.id FROM shipments s JOIN customers c ON c.id = s.customer_id LEFT JOIN ddts d ON d.id = s.ddt_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.id DESC`;
  return app.ctx.sqlite.prepare(sql).pluck().all(...params) as number[];
}

function shipmentsNow(f: { q?: string; states?: ('draft' | 'confirmed' | 'cancelled')[]; from?: string; to?: string }, limit = 500, offset = 0) {
  return app.call('shipping.list', { q: f.q ?? '', states: f.states, from: f.from, to: f.to, limit, offset });
}

describe('shipment list', () => {
  it('finds by customer name, order number, DDT number (not a return DDT\'s), tracking number and dates exactly as the old query, with the same total and pages', () => {
    const db = app.ctx.sqlite;
    const one = db.prepare(`SELECT s.id, c.name, d.number AS ddt, s.tracking_number AS tracking, substr(s.created_at, 1, 10) AS day,
        (SELECT o.number FROM shipment_lines x JOIN customer_orders o ON o.id = x.order_id WHERE x.shipment_id = s.id LIMIT 1) AS orderNumber
      FROM shipments s JOIN customers c ON c.id = s.customer_id JOIN ddts d ON d.id = s.ddt_id WHERE s.tracking_number IS NOT NULL ORDER BY s.id LIMIT 1 OFFSET 7`).get() as
      { id: number; name: string; ddt: string; tracking: string; day: string; orderNumber: string };
    // a return's DDT number: a search for it finds only the shipment whose own DDT number begins with it (if any)
    const returnDdt = db.prepare(`SELECT number FROM ddts WHERE kind = 'return' LIMIT 1`).pluck().get() as string | undefined;
    expect(returnDdt).toBeDefined();
    const searches = [
      one.name.slice(2, 8), // part of a customer's name
      one.orderNumber.slice(-3), // the end of an order number
      one.ddt, // a whole DDT number
      one.ddt.split('/')[0]!, // its sequence number: every DDT number beginning with it
      `${one.ddt.split('/')[0]!}/`, // with the slash
      one.tracking.slice(3, 9), // part of a tracking number
      returnDdt!,
      'nessuno-così',
    ];
    let found = 0;
    for (const q of searches) {
      const before = shipmentsBefore({ q });
      const now = shipmentsNow({ q });
      found += sameAsBefore(q, before, { ids: now.shipments.map((s) => s.id), total: now.total });
    }
    expect(found).toBeGreaterThan(10); // the searches find something: the comparison is not of empty lists
    const dayCases = [{ from: one.day }, { to: one.day }, { from: one.day, to: one.day, q: one.name.slice(0, 4) }, { from: '2000-01-01', to: '9999-12-31' }];
    for (const f of [{ states: ['confirmed' as const] }, ...dayCases, { states: ['draft' as const, 'cancelled' as const] }]) {
      const before = shipmentsBefore(f);
      const now = shipmentsNow(f);
      sameAsBefore(f, before, { ids: now.shipments.map((s) => s.id), total: now.total });
    }
    // a search's pages are slices of its shipments, newest first
    const q = one.name.slice(2, 8);
    const all = shipmentsBefore({ q });
    expect(all.length).toBeGreaterThan(3);
    expect(shipmentsNow({ q }, 2, 1).shipments.map((s) => s.id)).toEqual(all.slice(1, 3));
    expect(shipmentsNow({ q }, 2, 1).total).toBe(all.length);
  });
});

describe('production list', () => {
  it('filters by status, date and text exactly as the old query (a JSON list of statuses, the item joined for the count)', () => {
    const db = app.ctx.sqlite;
    const before = (f: { statuses?: string[]; q?: string; to?: string }) => {
      const where: string[] = [];
      const params: Record<string, unknown> = {};
      if (f.statuses) {
        where.push('p.status IN (SELECT value FROM json_each(@statuses))');
        params.statuses = JSON.stringify(f.statuses);
      }
      if (f.to) {
        where.push('p.planned_on <= @to');
        params.to = f.to;
      }
      if (f.q) {
        where.push("(p.number LIKE @like ESCAPE '\\' OR i.sku LIKE @like ESCAPE '\\' OR i.name LIKE @like ESCAPE '\\')");
        params.like = `%${f.q}%`;
      }
      return db.prepare(`SELECT p.id FROM production_orders p JOIN items i ON i.id = p.item_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.planned_on, p.id`).pluck().all(params) as number[];
    };
    const sku = db.prepare(`SELECT i.sku FROM production_orders p JOIN items i ON i.id = p.item_id LIMIT 1`).pluck().get() as string;
    const day = db.prepare(`SELECT planned_on FROM production_orders ORDER BY planned_on LIMIT 1 OFFSET 5`).pluck().get() as string;
    type Status = 'planned' | 'released' | 'in_progress' | 'completed' | 'cancelled';
    const cases: { statuses?: Status[]; q?: string; to?: string }[] = [
      {},
      { statuses: ['planned', 'released', 'in_progress'] },
      { statuses: ['completed'] },
      { statuses: ['planned'], to: day },
      { q: sku },
      { q: sku, statuses: ['completed', 'cancelled'] },
    ];
    let found = 0;
    for (const f of cases) {
      const ids = before(f);
      const now = app.call('production.list', { q: f.q ?? '', statuses: f.statuses, to: f.to, limit: 500 });
      found += sameAsBefore(f, ids, { ids: now.orders.map((o) => o.id), total: now.total });
    }
    expect(found).toBeGreaterThan(10);
  });
});

describe('purchase order list', () => {
  it('counts and orders as the old query (the supplier joined for the count), by status and text', () => {
    const db = app.ctx.sqlite;
    const before = (f: { statuses?: string[]; q?: string }) => {
      const where = ['1'];
      const params: Record<string, unknown> = {};
      if (f.statuses) {
        where.push('p.status IN (SELECT value FROM json_each(@statuses))');
        params.statuses = JSON.stringify(f.statuses);
      }
      if (f.q) {
        where.push("(p.number LIKE @like ESCAPE '\\' OR s.name LIKE @like ESCAPE '\\')");
        params.like = `%${f.q}%`;
      }
      return db.prepare(`SELECT p.id FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id WHERE ${where.join(' AND ')} ORDER BY p.ordered_on DESC, p.id DESC`).pluck().all(params) as number[];
    };
    const supplier = db.prepare('SELECT s.name FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id LIMIT 1').pluck().get() as string;
    type Status = 'draft' | 'sent' | 'partially_received' | 'received' | 'cancelled';
    const cases: { statuses?: Status[]; q?: string }[] = [{}, { statuses: ['received'] }, { q: supplier.slice(0, 4) }, { q: supplier.slice(0, 4), statuses: ['draft', 'sent'] }];
    let found = 0;
    for (const f of cases) {
      const ids = before(f);
      const now = app.call('purchasing.list', { q: f.q ?? '', statuses: f.statuses, limit: 500 });
      found += sameAsBefore(f, ids, { ids: now.orders.map((o) => o.id), total: now.total });
    }
    expect(found).toBeGreaterThan(10);
  });
});
