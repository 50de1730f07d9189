/**
 * reports.kpis on the demo workshop against an independent computation written here: the
 * test's own SQL walks orders → lines → shipments (by their state, not the DDT index) →
 * lots and returns, and JS does the sums with the domain's line amount. Then every grouping
 * adds up to the same total, the CSV and the PDF carry the same figures, and the CLI gives
 * the same answer.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoApp, removeTempDbs } from '../builders';
import { lineNetCents } from '../../src-shared/domain/orderStatus';
import { costOfQuantityMicros, microsToCents } from '../../src-shared/domain/money';
import { daysBetween } from '../../src-shared/domain/dates';
import { tempDir } from '../support/tempDir';

afterAll(removeTempDbs);

const FROM = '2020-01-01';
const TO = '2029-12-31';

describe('KPIs of the demo workshop', () => {
  const app = demoApp();
  afterAll(() => app.close());
  const db = app.ctx.sqlite;

  /** The expected figures per channel, computed without the module's query. */
  function expected() {
    const orders = db
      .prepare(
        `SELECT id, channel, substr(confirmed_at, 1, 10) AS confirmedOn, coalesce(promised_on, requested_on) AS due FROM customer_orders
         WHERE state = 'confirmed' AND ordered_on BETWEEN ? AND ?`,
      )
      .all(FROM, TO) as { id: number; channel: string; confirmedOn: string; due: string | null }[];
    const lines = db.prepare(`SELECT ol.id, ol.order_id AS orderId, ol.qty_milli AS qty, ol.unit_price_cents AS price, ol.discount_bp AS disc, i.kind FROM order_lines ol JOIN items i ON i.id = ol.item_id`).all() as {
      id: number;
      orderId: number;
      qty: number;
      price: number;
      disc: number;
      kind: string;
    }[];
    const shipped = db
      .prepare(
        `SELECT sl.id, sl.order_line_id AS lineId, sl.qty_milli AS qty, l.unit_cost_micros AS cost, d.date,
                (SELECT coalesce(sum(qty_milli), 0) FROM shipment_return_lines WHERE shipment_line_id = sl.id) AS returned
         FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id JOIN ddts d ON d.id = s.ddt_id JOIN lots l ON l.id = sl.lot_id
         WHERE s.state = 'confirmed'`,
      )
      .all() as { lineId: number; qty: number; cost: number | null; date: string; returned: number }[];
    const byChannel = new Map<string, { orders: number; revenue: number; shipped: number; returned: number; lotCostMicros: number; onTime: number; eligible: number; days: number[] }>();
    for (const o of orders) {
      const c = byChannel.get(o.channel) ?? { orders: 0, revenue: 0, shipped: 0, returned: 0, lotCostMicros: 0, onTime: 0, eligible: 0, days: [] };
      byChannel.set(o.channel, c);
      c.orders++;
      let complete = true;
      let last: string | null = null;
      for (const l of lines.filter((x) => x.orderId === o.id)) {
        c.revenue += lineNetCents(l.qty, l.price, l.disc);
        const mine = shipped.filter((s) => s.lineId === l.id);
        const qty = mine.reduce((s, x) => s + x.qty, 0);
        for (const s of mine) {
          if (s.cost !== null) c.lotCostMicros += costOfQuantityMicros(s.qty, s.cost);
          c.returned += s.returned;
          if (last === null || s.date > last) last = s.date;
        }
        if (l.kind === 'service') continue;
        c.shipped += qty;
        if (qty < l.qty) complete = false;
      }
      if (complete && last !== null) {
        c.days.push(daysBetween(o.confirmedOn, last));
        if (o.due !== null) {
          c.eligible++;
          if (last <= o.due) c.onTime++;
        }
      }
    }
    return byChannel;
  }

  const report = app.call('reports.kpis', { from: FROM, to: TO, by: 'channel', language: 'en' });

  it('has data and states its period and how margin is computed', () => {
    expect(report.empty).toBe(false);
    expect(report.period).toEqual({ from: FROM, to: TO, days: 3653 });
    expect(report.definitions.margin).toContain('recipe cost');
    expect(report.definitions.included).toContain('Confirmed orders');
  });

  it('orders, revenue, shipped and returned quantities, lot costs, on-time and days to ship per channel equal the independent computation', () => {
    const exp = expected();
    expect(report.groups.map((g) => g.key).sort()).toEqual([...exp.keys()].sort());
    for (const g of report.groups) {
      const e = exp.get(g.key)!;
      const avg = e.days.length === 0 ? null : Math.round((e.days.reduce((s, d) => s + d, 0) * 10) / e.days.length) / 10;
      expect({ key: g.key, orders: g.orders, revenue: g.revenueCents, shipped: g.shippedMilli, returned: g.returnedMilli, lotCost: g.lotCostCents, onTime: g.onTime, eligible: g.onTimeEligible, avg: g.shipDaysAvg }).toEqual({
        key: g.key,
        orders: e.orders,
        revenue: e.revenue,
        shipped: e.shipped,
        returned: e.returned,
        lotCost: microsToCents(e.lotCostMicros),
        onTime: e.onTime,
        eligible: e.eligible,
        avg,
      });
    }
    // the demo has returns and late orders: the figures are not trivially zero or full
    expect(report.total.returnedMilli).toBeGreaterThan(0);
    expect(report.total.onTime).toBeLessThan(report.total.onTimeEligible);
  });

  it('every grouping adds up to the same total; categories come from the items', () => {
    for (const by of ['customer', 'product', 'category'] as const) {
      const r = app.call('reports.kpis', { from: FROM, to: TO, by });
      expect(r.total).toEqual(report.total);
      expect(r.groups.reduce((s, g) => s + g.revenueCents, 0)).toBe(report.total.revenueCents);
      expect(r.groups.reduce((s, g) => s + g.marginCents, 0)).toBe(report.total.marginCents);
    }
    const byCategory = app.call('reports.kpis', { from: FROM, to: TO, by: 'category', language: 'it' });
    expect(byCategory.groups.map((g) => g.label)).toEqual(expect.arrayContaining(['Saponi', 'Candele', 'Creme']));
  });

  it('compares with the previous period of the same length; a period without data says so', () => {
    const r = app.call('reports.kpis', { from: '2026-01-01', to: '2026-12-31', by: 'channel', compare: true });
    expect(r.previous!.period).toEqual({ from: '2025-01-01', to: '2025-12-31', days: 365 });
    const none = app.call('reports.kpis', { from: '2001-01-01', to: '2001-12-31', by: 'channel' });
    expect(none.empty).toBe(true);
    expect(none.groups).toEqual([]);
  });

  it('the CSV is Italian Excel with a row per channel and the total; the PDF is one page with the same total', async () => {
    const csvFile = app.call('reports.kpisCsv', { from: FROM, to: TO, by: 'channel', language: 'it' });
    const csv = Buffer.from(csvFile.base64, 'base64').toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('Canale;Ordini;Fatturato netto;'));
    const total = lines[header + 1 + report.groups.length]!.split(';');
    expect(total[0]).toBe('Totale');
    expect(total[2]).toBe(`${Math.trunc(report.total.revenueCents / 100)},${String(report.total.revenueCents % 100).padStart(2, '0')}`);

    const pdf = await app.callAsync('reports.kpisPdf', { from: FROM, to: TO, by: 'channel', language: 'it' });
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'r.pdf');
      writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\b/);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Report — Canale');
      expect(text).toContain(new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2 }).format(report.total.revenueCents / 100));
    } finally {
      dir.cleanup();
    }
  });

  it('`bottega call reports.kpis` answers the same figures as the screen', () => {
    const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', app.ctx.dbPath, 'call', 'reports.kpis', JSON.stringify({ from: FROM, to: TO, by: 'channel', language: 'en' })], {
      encoding: 'utf8',
      env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' },
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as typeof report;
    expect(out.total).toEqual(report.total);
    expect(out.groups).toEqual(report.groups);
  });
});
