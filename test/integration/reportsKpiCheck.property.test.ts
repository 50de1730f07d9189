/**
 * `bottega check`'s KPI summary invariant (reports/invariants.ts: a line range per query,
 * the shipments walked once per line, orphan rows looked for only when two counts differ)
 * names exactly the lines its definition names: every line where the summary row and the
 * view `kpi_order_line_facts` differ in any column, or where one of them has no row for
 * the line (a full outer join of the two, the reference below). On the demo workshop,
 * random tamperings of the summary and — with the summary's triggers dropped, so the
 * summary keeps its old rows — of the source tables (a shipment line's quantity, its DDT,
 * its lot's cost, a return against it, an order's state, a line's price), each inside a
 * transaction rolled back afterwards.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src-main/db/check';
import { KPI_COLUMNS, reportsInvariants } from '../../src-main/modules/reports/invariants';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

/** The definition: lines whose stored row and recomputed row are not the same 15 values. */
const REFERENCE = `
  SELECT coalesce(f.line_id, s.line_id) AS line
  FROM kpi_order_line_facts f FULL JOIN kpi_order_lines s ON s.line_id = f.line_id
  WHERE json_array(${KPI_COLUMNS.map((c) => `f.${c}`).join(', ')}) IS NOT json_array(${KPI_COLUMNS.map((c) => `s.${c}`).join(', ')})
  ORDER BY 1`;

type Tamper = { kind: (typeof KINDS)[number]; pick: number; column: number; delta: number };
const KINDS = ['summary_column', 'summary_delete', 'summary_orphan', 'shipment_qty', 'ddt_kind', 'ddt_date', 'lot_cost', 'return_line', 'order_state', 'line_price'] as const;

describe('the KPI summary check names what its definition names', () => {
  const app = demoApp();
  afterAll(() => app.close());
  const db = app.ctx.sqlite;
  const nth = (sql: string, pick: number): number => {
    const ids = db.prepare(sql).pluck().all() as number[];
    expect(ids.length, sql).toBeGreaterThan(0);
    return ids[pick % ids.length]!;
  };
  const named = (): number[] => {
    const check = runCheck(app.ctx, reportsInvariants).checks[0]!;
    return check.problems
      .map((p) => {
        const m = /^KPI summary, order line (\d+): /.exec(p);
        if (!m) throw new Error(`not a line's problem: ${p}`);
        return Number(m[1]);
      })
      .sort((a, b) => a - b);
  };
  const reference = () => db.prepare(REFERENCE).pluck().all() as number[];
  const seen = new Map<string, number>();

  function apply(t: Tamper): void {
    const shippedLine = (pick: number) =>
      nth("SELECT sl.id FROM shipment_lines sl JOIN ddts d ON d.shipment_id = sl.shipment_id AND d.kind = 'shipment' ORDER BY sl.id", pick);
    switch (t.kind) {
      case 'summary_column': {
        const line = nth('SELECT line_id FROM kpi_order_lines ORDER BY line_id', t.pick);
        const column = KPI_COLUMNS[t.column % KPI_COLUMNS.length]!;
        const value = db.prepare(`SELECT ${column} FROM kpi_order_lines WHERE line_id = ?`).pluck().get(line) as string | number | null;
        // a number moved by delta, a text changed, a NULL given a value; every fourth time a nullable column emptied
        const nullable = ['confirmed_day', 'due', 'last_ddt_day'].includes(column);
        const next = nullable && t.delta % 4 === 0 ? null : typeof value === 'number' ? value + t.delta : typeof value === 'string' ? `${value}x` : t.delta;
        if (column === 'line_id') db.prepare('UPDATE kpi_order_lines SET line_id = ? WHERE line_id = ?').run(10_000_000 + t.pick, line);
        else db.prepare(`UPDATE kpi_order_lines SET ${column} = ? WHERE line_id = ?`).run(next, line);
        break;
      }
      case 'summary_delete':
        db.prepare('DELETE FROM kpi_order_lines WHERE line_id = ?').run(nth('SELECT line_id FROM kpi_order_lines ORDER BY line_id', t.pick));
        break;
      case 'summary_orphan': {
        // a row for a line of no confirmed order: an unconfirmed order's line if there is one, else no line at all
        const free = db.prepare("SELECT ol.id FROM order_lines ol JOIN customer_orders co ON co.id = ol.order_id WHERE co.state <> 'confirmed' AND ol.id NOT IN (SELECT line_id FROM kpi_order_lines) ORDER BY ol.id").pluck().all() as number[];
        const line = t.delta % 2 === 0 && free.length > 0 ? free[t.pick % free.length]! : 20_000_000 + t.pick;
        db.prepare(
          `INSERT OR IGNORE INTO kpi_order_lines (${KPI_COLUMNS.join(', ')}) SELECT ${KPI_COLUMNS.map((c) => (c === 'line_id' ? '?' : c)).join(', ')} FROM kpi_order_lines WHERE line_id = ?`,
        ).run(line, nth('SELECT line_id FROM kpi_order_lines ORDER BY line_id', t.pick));
        break;
      }
      case 'shipment_qty':
        db.prepare('UPDATE shipment_lines SET qty_milli = qty_milli + ? WHERE id = ?').run(t.delta, shippedLine(t.pick));
        break;
      case 'ddt_kind':
        db.prepare("UPDATE ddts SET kind = 'return' WHERE shipment_id = (SELECT shipment_id FROM shipment_lines WHERE id = ?)").run(shippedLine(t.pick));
        break;
      case 'ddt_date':
        db.prepare("UPDATE ddts SET date = date(date, ? || ' days') WHERE shipment_id = (SELECT shipment_id FROM shipment_lines WHERE id = ?)").run(t.delta, shippedLine(t.pick));
        break;
      case 'lot_cost':
        db.prepare('UPDATE lots SET unit_cost_micros = CASE WHEN unit_cost_micros IS NULL OR ? % 3 = 0 THEN ? ELSE NULL END WHERE id = (SELECT lot_id FROM shipment_lines WHERE id = ?)').run(
          t.delta,
          1000 * t.delta,
          shippedLine(t.pick),
        );
        break;
      case 'return_line': {
        const line = shippedLine(t.pick);
        db.prepare("INSERT INTO shipment_return_lines (return_id, shipment_line_id, lot_id, qty_milli, disposition) SELECT 1, id, lot_id, ?, 'restock' FROM shipment_lines WHERE id = ?").run(
          Math.abs(t.delta) + 1,
          line,
        );
        break;
      }
      case 'order_state':
        db.prepare("UPDATE customer_orders SET state = CASE state WHEN 'confirmed' THEN 'draft' ELSE 'confirmed' END WHERE id = ?").run(nth('SELECT id FROM customer_orders ORDER BY id', t.pick));
        break;
      case 'line_price':
        db.prepare('UPDATE order_lines SET unit_price_cents = unit_price_cents + ? WHERE id = ?').run(t.delta, nth('SELECT line_id FROM kpi_order_lines ORDER BY line_id', t.pick));
        break;
    }
    seen.set(t.kind, (seen.get(t.kind) ?? 0) + 1);
  }

  it('untampered: neither names a line', () => {
    expect(reference()).toEqual([]);
    expect(named()).toEqual([]);
  });

  it('after one to four tamperings of the summary and of its sources, the check names exactly the lines the full outer join names', () => {
    const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi\\_%' ESCAPE '\\'").pluck().all() as string[];
    expect(triggers.length).toBeGreaterThan(10);
    const tamper = fc.record({
      kind: fc.constantFrom(...KINDS),
      pick: fc.nat({ max: 100_000 }),
      column: fc.nat({ max: KPI_COLUMNS.length - 1 }),
      delta: fc.integer({ min: -5_000, max: 5_000 }).filter((d) => d !== 0),
    });
    let tampered = 0;
    fc.assert(
      fc.property(fc.array(tamper, { minLength: 1, maxLength: 4 }), (tampers) => {
        // the rows below break keys on purpose (a return of no return); the pragma is a no-op inside a transaction
        db.pragma('foreign_keys = OFF');
        db.exec('BEGIN');
        try {
          for (const name of triggers) db.exec(`DROP TRIGGER "${name}"`);
          for (const t of tampers) apply(t);
          const expected = reference();
          if (expected.length > 0) tampered++;
          expect(named()).toEqual(expected);
        } finally {
          db.exec('ROLLBACK');
          db.pragma('foreign_keys = ON');
        }
      }),
      { numRuns: 60, seed: 18 },
    );
    // every kind was drawn, and most draws left something to find (a guard against a test that only ever compares empty lists)
    expect([...seen.keys()].sort()).toEqual([...KINDS].sort());
    expect(tampered).toBeGreaterThan(40);
    expect(named()).toEqual([]);
  });
});
