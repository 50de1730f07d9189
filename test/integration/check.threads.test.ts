/**
 * `bottega check` on worker connections proves the same as on the caller's own: on a
 * demo workshop tampered in one row per kind of invariant, both name the same rows, and
 * every invariant reports its time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckReport } from '../../src-main/db/check';
import { demoApp } from '../builders';
import { removeTempDbs } from '../builders/db';

afterAll(removeTempDbs);

const problemsOf = (r: CheckReport) => r.checks.filter((c) => !c.ok).map((c) => ({ name: c.name, problems: [...c.problems].sort() }));

describe('bottega check on worker threads', () => {
  const app = demoApp({ seed: 2 });
  afterAll(() => app.close());
  const db = app.ctx.sqlite;
  const one = <T>(sql: string) => db.prepare(sql).get() as T;

  it('holds on the demo on 2 connections, and times each invariant', () => {
    const report = runCheck(app.ctx, undefined, { threads: 2 });
    expect(report.threads).toBe(2);
    expect(problemsOf(report)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(15);
    for (const c of report.checks) expect(Number.isInteger(c.ms) && c.ms >= 0, c.name).toBe(true);
  });

  it('names the same tampered rows as the single-connection check', () => {
    const balance = one<{ lotId: number; locationId: number }>('SELECT lot_id AS lotId, location_id AS locationId FROM stock_balances WHERE qty_milli > 0 ORDER BY lot_id LIMIT 1');
    const movement = one<{ id: number; docType: string }>("SELECT id, doc_type AS docType FROM stock_movements WHERE doc_type <> 'shipment' ORDER BY id DESC LIMIT 1");
    const strayLocation = one<{ id: number }>('SELECT id FROM stock_movements ORDER BY id LIMIT 1');
    const reservation = one<{ id: number }>('SELECT id FROM reservations ORDER BY id LIMIT 1');
    const shipLine = one<{ id: number; shipmentId: number }>(
      "SELECT sl.id, sl.shipment_id AS shipmentId FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.state = 'confirmed' ORDER BY sl.id LIMIT 1",
    );
    expect(shipLine, 'the demo has a confirmed shipment').toBeDefined();
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE stock_balances SET qty_milli = qty_milli + 1 WHERE lot_id = ? AND location_id = ?').run(balance.lotId, balance.locationId);
    db.prepare('UPDATE stock_movements SET doc_id = 987654 WHERE id = ?').run(movement.id);
    db.prepare('UPDATE stock_movements SET location_id = 4242 WHERE id = ?').run(strayLocation.id);
    db.prepare("UPDATE reservations SET doc_type = 'mystery' WHERE id = ?").run(reservation.id);
    db.prepare('UPDATE shipment_lines SET qty_milli = qty_milli + 1000 WHERE id = ?').run(shipLine.id);
    db.pragma('foreign_keys = ON');

    const here = runCheck(app.ctx);
    const threaded = runCheck(app.ctx, undefined, { threads: 2 });
    expect(problemsOf(threaded)).toEqual(problemsOf(here));
    const all = threaded.checks.flatMap((c) => c.problems.map((p) => `${c.name}: ${p}`));
    expect(all).toContainEqual(
      expect.stringMatching(new RegExp(`^inventory\\.balance_equals_movements: lot ${balance.lotId} at location ${balance.locationId}: balance \\d+ but movements sum to \\d+$`)),
    );
    expect(all).toContainEqual(expect.stringMatching(new RegExp(`^inventory\\.lot_on_hand_equals_balances: lot ${balance.lotId}: on hand \\d+ but balances sum to \\d+$`)));
    expect(all).toContain(`inventory.documents_exist: movement ${movement.id} points at missing ${movement.docType} 987654`);
    expect(all).toContain(`sqlite.foreign_keys: stock_movements row ${strayLocation.id} points at a missing locations`);
    expect(all).toContain('inventory.documents_exist: reservations point at documents of unknown type mystery');
    expect(all).toContainEqual(expect.stringMatching(new RegExp(`^shipping\\.ship_movements_match_lines: shipment ${shipLine.shipmentId}, lot \\d+: lines carry \\d+, ship movements take \\d+$`)));
  });
});
