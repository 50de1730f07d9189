/**
 * A trace must answer in milliseconds on ten years of history: every step of it goes
 * through an index. These tests ask SQLite for the plan of the very statements the
 * trace runs (exported from the module, no copies), after ANALYZE on the demo history,
 * and refuse any full scan of a history table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { BACKWARD_EDGES_SQL, BACKWARD_LOTS_SQL, BACKWARD_WALK_SQL, FORWARD_EDGES_SQL, FORWARD_LOTS_SQL, FORWARD_WALK_SQL, LOT_FACTS_SQL } from '../../src-main/modules/trace/walk';
import { OPEN_RESERVATIONS_SQL } from '../../src-main/modules/trace/holders';
import { demoApp, removeTempDbs } from '../builders';

let app: BottegaApp;
beforeAll(() => {
  app = demoApp({ scale: 'small', seed: 1 });
  app.ctx.sqlite.exec('ANALYZE');
});
afterAll(() => {
  app.close();
  removeTempDbs();
});

function plan(sql: string, params: Record<string, unknown>): string[] {
  return (app.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
}

const HISTORY = ['lot_genealogy', 'lots', 'production_orders', 'reservations', 'stock_documents', 'customer_orders', 'recipes', 'items'];
function expectNoFullScan(lines: string[]) {
  for (const l of lines) for (const t of HISTORY) expect(l, lines.join('\n')).not.toMatch(new RegExp(`^SCAN ${t}( |$)`));
}

describe('trace query plans', () => {
  it('walks backward by the genealogy output index', () => {
    const p = plan(BACKWARD_EDGES_SQL, { lotId: 1 });
    expectNoFullScan(p);
    expect(p.some((l) => /lot_genealogy_output/.test(l))).toBe(true);
  });

  it('walks forward by the genealogy input index', () => {
    const p = plan(FORWARD_EDGES_SQL, { lotId: 1 });
    expectNoFullScan(p);
    expect(p.some((l) => /lot_genealogy_input/.test(l))).toBe(true);
  });

  it('walks each way with depths and reads the lots reached and their edges by key, in one statement', () => {
    for (const [sql, index] of [[BACKWARD_WALK_SQL, 'lot_genealogy_output'], [FORWARD_WALK_SQL, 'lot_genealogy_input'], [BACKWARD_LOTS_SQL, 'lot_genealogy_output'], [FORWARD_LOTS_SQL, 'lot_genealogy_input']] as const) {
      const p = plan(sql, { lotId: 1 });
      expectNoFullScan(p);
      expect(p.some((l) => new RegExp(index).test(l)), p.join('\n')).toBe(true);
      expect(p.some((l) => /SEARCH l USING INTEGER PRIMARY KEY/.test(l)), p.join('\n')).toBe(true);
    }
  });

  it('reads lot facts and open reservations by key', () => {
    const facts = plan(LOT_FACTS_SQL, { ids: '[1,2,3]' });
    expectNoFullScan(facts);
    expect(facts.some((l) => /SEARCH l USING INTEGER PRIMARY KEY/.test(l))).toBe(true);
    const held = plan(OPEN_RESERVATIONS_SQL, { ids: '[1,2,3]' });
    expectNoFullScan(held);
    expect(held.some((l) => /SEARCH r USING INDEX reservations_open_lot/.test(l))).toBe(true);
  });
});
