/**
 * The inventory screens stay fast on a workshop's real history only if their queries go
 * through indexes. These tests run the real handlers, capture the exact SQL text and
 * parameters each one prepares (no copies of the SQL to drift out of date), and ask
 * SQLite for the plan of that very statement, after ANALYZE on a realistic ledger:
 * many lots, most of them used up, thousands of movements, open and closed reservations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { clearStatementCache } from '../../src-main/db/statementCache';
import { addDays } from '../../src-shared/domain/dates';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

const ITEMS = 8;
const RECEIPTS_PER_ITEM = 5;
const LOTS_PER_RECEIPT = 30;
const LOTS_PER_ITEM = RECEIPTS_PER_ITEM * LOTS_PER_RECEIPT;
/** one lot in this many stays open; the rest are used up, as in a workshop's history */
const OPEN_EVERY = 6;

interface Fixture {
  itemIds: number[];
  openLotId: number;
  closedLotId: number;
  supplierLotCode: string;
  codePrefix: string;
}
let fx: Fixture;

beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  const sup = app.call('parties.createSupplier', { name: 'Oleificio Rossi srl', vatNumber: null });
  const lab = app.call('inventory.createLocation', { code: 'LAB', name: 'Laboratorio' });
  const mag = app.call('inventory.locations', {}).locations.find((l) => l.isDefault)!;
  const itemIds: number[] = [];
  const openLots: number[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const item = app.call('catalog.createItem', { sku: `MAT-${i}`, name: `Materia ${i}`, kind: 'material', unit: 'kg', shelfLifeDays: 200 + i, quarantineOnReceipt: i === 0 });
    itemIds.push(item.id);
    // lots received over the past months (so our codes have many day prefixes), each with the supplier's lot code
    for (let rcpt = 0; rcpt < RECEIPTS_PER_ITEM; rcpt++) {
      const receivedOn = addDays('2026-01-05', (rcpt * ITEMS + i) * 3);
      const base = rcpt * LOTS_PER_RECEIPT;
      const lots = app.call('inventory.receive', {
        supplierId: sup.id,
        receivedOn,
        lines: Array.from({ length: LOTS_PER_RECEIPT }, (_, k) => ({
          itemId: item.id,
          quantity: `${((base + k) % 7) + 1},5 kg`,
          supplierLotCode: `S${i}-${String(base + k).padStart(4, '0')}`,
          expiresOn: addDays(receivedOn, 30 + (((base + k) * 37) % 500)),
        })),
      }).lots;
      // item 0 is quarantined on receipt: all but its first three lots are released, those stay waiting
      const waiting = (k: number) => i === 0 && rcpt === 0 && k < 3;
      lots.forEach((l, k) => {
        if (l.status === 'quarantine' && !waiting(k)) app.call('inventory.releaseLot', { lotId: l.id, reason: 'analisi ok' });
      });
      // use most of them up; the open ones get some history: a transfer, reservations open and closed
      const closing = lots.filter((_, k) => k % OPEN_EVERY !== 0 && !waiting(k));
      app.call('inventory.consume', { date: receivedOn, lines: closing.map((l) => ({ lotId: l.id, quantity: String(l.onHandMilli / 1000) })) });
      lots.forEach((l, k) => {
        if (k % OPEN_EVERY !== 0 || waiting(k)) return;
        openLots.push(l.id);
        app.call('inventory.transfer', { lotId: l.id, fromLocationId: mag.id, toLocationId: lab.id, quantity: '0,5' });
        const r = app.call('inventory.reserve', { itemId: item.id, lotId: l.id, quantity: '0,2', needDate: receivedOn });
        app.call('inventory.releaseReservation', { reservationId: r.id, quantity: '0,1' });
        const closed = app.call('inventory.reserve', { itemId: item.id, lotId: l.id, quantity: '0,1', needDate: receivedOn });
        app.call('inventory.releaseReservation', { reservationId: closed.id });
      });
    }
    // reservations of the item before lots are chosen (orders), some of them already given back
    for (let k = 0; k < 10; k++) {
      const r = app.call('inventory.reserve', { itemId: item.id, quantity: '0,01', needDate: '2026-01-05' });
      if (k % 2 === 0) app.call('inventory.releaseReservation', { reservationId: r.id });
    }
  }
  const counts = app.ctx.sqlite
    .prepare('SELECT (SELECT count(*) FROM lots) AS lots, (SELECT count(*) FROM lots WHERE on_hand_milli <> 0) AS open, (SELECT count(*) FROM stock_movements) AS moves, (SELECT count(*) FROM reservations) AS res')
    .get() as { lots: number; open: number; moves: number; res: number };
  expect(counts.lots).toBe(ITEMS * LOTS_PER_ITEM);
  // every OPEN_EVERY-th lot of each item, and the two quarantined lots of item 0 that are not
  expect(counts.open).toBe(ITEMS * Math.ceil(LOTS_PER_ITEM / OPEN_EVERY) + 2);
  expect(counts.moves).toBeGreaterThan(ITEMS * LOTS_PER_ITEM * 2);
  expect(runCheck(app.ctx).ok).toBe(true);
  app.ctx.sqlite.exec('ANALYZE');
  const someLot = app.call('inventory.lot', { lotId: openLots[3]! }).lot;
  fx = {
    itemIds,
    openLotId: someLot.id,
    closedLotId: openLots[3]! + 1,
    supplierLotCode: someLot.supplierLotCode!,
    codePrefix: someLot.code.slice(0, -2),
  };
});
afterAll(() => {
  app?.close();
  t?.cleanup();
});

interface Captured {
  sql: string;
  args: unknown[];
}

/** Runs `fn` while recording every statement it prepares and the parameters it runs them with. */
function capture(fn: () => unknown): Captured[] {
  const db = app.ctx.sqlite as Database.Database & { prepare: Database.Database['prepare'] };
  const original = db.prepare;
  const seen: Captured[] = [];
  clearStatementCache(db); // commands reuse compiled statements: make them compile (and show) each again
  db.prepare = ((sql: string) => {
    const st = original.call(db, sql);
    for (const m of ['all', 'get', 'run', 'iterate'] as const) {
      const f = st[m].bind(st) as (...a: unknown[]) => unknown;
      (st as unknown as Record<string, unknown>)[m] = (...args: unknown[]) => {
        seen.push({ sql, args });
        return f(...args);
      };
    }
    return st;
  }) as Database.Database['prepare'];
  try {
    fn();
  } finally {
    db.prepare = original;
  }
  return seen;
}

/** The one captured statement whose text matches every pattern. */
function statement(seen: Captured[], ...patterns: RegExp[]): Captured {
  const found = seen.filter((s) => patterns.every((p) => p.test(s.sql)));
  if (found.length === 0) throw new Error(`No statement matching ${patterns.join(' and ')} among:\n${seen.map((s) => s.sql).join('\n---\n')}`);
  return found[0]!;
}

function plan(s: Captured): string[] {
  const rows = app.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.args) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/**
 * No full scan of the big tables: a "SCAN <table or alias>" line without an index. A SCAN
 * through an index (a partial one holds the open rows only) is what the design asks for.
 */
function expectNoFullScan(lines: string[], aliases: string[]) {
  const full = lines.filter((d) => {
    const m = /^SCAN (\S+)(.*)$/.exec(d);
    return m !== null && aliases.includes(m[1]!) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(m[2]!);
  });
  expect(full, `full scans in plan:\n${lines.join('\n')}`).toEqual([]);
}

const BIG = ['lots', 'l', 'stock_movements', 'm', 'r', 'reservations', 'stock_balances', 'b'];

describe('query plans of the inventory screens', () => {
  it("the lot page reads the lot's movements, balances, reservations and status changes through indexes", () => {
    const seen = capture(() => app.call('inventory.lot', { lotId: fx.openLotId }));
    const history = plan(statement(seen, /FROM stock_movements m/, /m\.lot_id = \?/));
    // by the index `bottega check` sums balances with (it starts with the lot); a lot's few hundred movements at most are sorted by id after
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH m USING (COVERING )?INDEX stock_movements_lot_location \(lot_id=\?/));
    // "reversed by" looks the movement up through the unique partial index on reverses_id
    expect(history).toContainEqual(expect.stringMatching(/^SEARCH r USING (COVERING )?INDEX stock_movements_reverses \(reverses_id=\?\)/));
    expectNoFullScan(history, BIG);

    const balances = plan(statement(seen, /FROM stock_balances b/, /b\.lot_id = \?/));
    expect(balances).toContainEqual(expect.stringMatching(/^SEARCH b USING (PRIMARY KEY|INDEX sqlite_autoindex_stock_balances_1) \(lot_id=\?\)/));
    expectNoFullScan(balances, BIG);

    const reservations = plan(statement(seen, /FROM reservations r/, /r\.lot_id = \? AND r\.qty_milli > 0/));
    expect(reservations).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX reservations_open_lot \(lot_id=\?\)/));
    expectNoFullScan(reservations, BIG);

    const lot = plan(statement(seen, /FROM lots l JOIN items i/, /WHERE l\.id = \?/));
    expect(lot).toContainEqual(expect.stringMatching(/^SEARCH l USING INTEGER PRIMARY KEY \(rowid=\?\)/));

    const status = plan(statement(seen, /FROM lot_status_changes/));
    expect(status).toContainEqual(expect.stringMatching(/^SEARCH lot_status_changes USING INDEX lot_status_changes_lot \(lot_id=\?\)/));
  });

  it('FEFO reads only the lots of the item with something free (partial index lots_free_item, covering: no table seek per lot)', () => {
    const seen = capture(() => app.call('inventory.fefo', { itemId: fx.itemIds[2]!, quantity: '3 kg', needDate: '2026-03-01' }));
    const lines = plan(statement(seen, /FROM lots INDEXED BY lots_free_item WHERE item_id = \+?\? AND on_hand_milli > reserved_milli/));
    expect(lines).toEqual([expect.stringMatching(/^SEARCH lots USING COVERING INDEX lots_free_item \(item_id=\?\)/)]);
  });

  it("what can still be promised of an item (reserve) uses the lots with something free and the item's open reservations", () => {
    const seen = capture(() => app.call('inventory.reserve', { itemId: fx.itemIds[1]!, quantity: '0,001', needDate: '2026-03-01' }));
    const free = plan(statement(seen, /sum\(on_hand_milli - reserved_milli\)/));
    expect(free).toContainEqual(expect.stringMatching(/^SEARCH lots USING COVERING INDEX lots_free_item \(item_id=\?/));
    expectNoFullScan(free, BIG);
    const held = plan(statement(seen, /FROM reservations WHERE item_id = \? AND lot_id IS NULL AND qty_milli > 0/));
    expect(held).toContainEqual(expect.stringMatching(/^SEARCH reservations USING INDEX (reservations_open_item \(item_id=\?\)|reservations_open_lot \(lot_id=\?\))/));
  });

  it('the lots of an item (open first) use an index on item_id', () => {
    const seen = capture(() => app.call('inventory.itemLots', { itemId: fx.itemIds[0]! }));
    const lines = plan(statement(seen, /WHERE l\.item_id = \? AND l\.on_hand_milli <> 0 ORDER BY/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH l USING INDEX (lots_open_item|lots_item_expiry) \(item_id=\?/));
    expectNoFullScan(lines, BIG);
  });

  it('findLots by the supplier lot code looks it up in lots_supplier_lot', () => {
    const seen = capture(() => app.call('inventory.findLots', { q: fx.supplierLotCode }));
    const lines = plan(statement(seen, /supplier_lot_code = @q/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH lots USING (COVERING )?INDEX lots_supplier_lot \(supplier_lot_code=\?\)/));
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH l USING INTEGER PRIMARY KEY \(rowid=\?\)/));
    expect(app.call('inventory.findLots', { q: fx.supplierLotCode }).lots.map((l) => l.id)).toEqual([fx.openLotId]);
  });

  /*
   * BUG (src-main/modules/inventory/lotQueries.ts, findLots): the two branches are joined
   * with UNION, which SQLite plans as MERGE (UNION) — both sides sorted by id. Once the
   * database has statistics (ANALYZE, or PRAGMA optimize) the cheapest id-ordered source
   * for the code range is the table itself, so the plan becomes "SCAN lots": every lot read
   * on every scan or keystroke. Without statistics the same query uses lots_code plus a
   * temp b-tree, so the problem hides until stats exist. `IN (…)` removes duplicates by
   * itself: with UNION ALL the plan is SEARCH lots_code + SEARCH lots_supplier_lot with or
   * without statistics. Marked `fails` so the suite stays green; make it a plain `it`
   * once fixed.
   */
  it('findLots by our code prefix is a range on lots_code, not a scan of lots (KNOWN BUG: UNION → MERGE → SCAN lots)', () => {
    const seen = capture(() => app.call('inventory.findLots', { q: fx.codePrefix }));
    expect(app.call('inventory.findLots', { q: fx.codePrefix, limit: 100 }).lots).toHaveLength(LOTS_PER_RECEIPT);
    const lines = plan(statement(seen, /code >= @q AND code < @q \|\| char\(1114111\)/));
    expectNoFullScan(lines, BIG);
    expect(lines).toContainEqual(expect.stringMatching(/^SEARCH lots USING COVERING INDEX lots_code \(code>\? AND code<\?\)/));
  });

  it('alerts: expiring lots come from the partial index of the lots in stock (lots_open_item), quarantine from a partial index too', () => {
    const seen = capture(() => app.call('inventory.alerts', { days: 30 }));
    const expiring = plan(statement(seen, /SELECT id FROM lots WHERE on_hand_milli <> 0 AND on_hand_milli > 0 AND expires_on <= \?/));
    expect(expiring).toContainEqual(expect.stringMatching(/^(SCAN|SEARCH) lots USING COVERING INDEX lots_open_item\b/));
    expectNoFullScan(expiring, BIG);
    const quarantine = plan(statement(seen, /l\.status = 'quarantine' AND l\.on_hand_milli <> 0 AND l\.on_hand_milli > 0/));
    // with few lots in quarantine either index keeps the closed lots out
    expect(quarantine).toContainEqual(expect.stringMatching(/^(SEARCH l USING INDEX lots_status_open \(status=\?\)|SCAN l USING INDEX lots_open_item$|SEARCH l USING INDEX lots_open_item \(item_id=\?\))/));
    expectNoFullScan(quarantine, BIG);
  });

  it('the stock overview aggregates the open lots only (through lots_open_item) and the open item reservations', () => {
    const seen = capture(() => app.call('inventory.stockOverview', {}));
    const lines = plan(statement(seen, /FROM lots WHERE on_hand_milli <> 0 GROUP BY item_id/));
    expect(lines).toContainEqual(expect.stringMatching(/^SCAN lots USING INDEX lots_open_item$/));
    // the item-level reservations (lot_id IS NULL, still open) through one of the partial indexes of open reservations
    expect(lines).toContainEqual(expect.stringMatching(/^(SCAN reservations USING INDEX reservations_open_item|SEARCH reservations USING INDEX reservations_open_lot \(lot_id=\?\))$/));
    expectNoFullScan(lines, BIG);
  });

  it('reversing a movement finds it by id and looks for an earlier reversal through the partial unique index', () => {
    const consumed = app.call('inventory.lot', { lotId: fx.closedLotId }).movements.find((x) => x.kind === 'consume')!;
    const seen = capture(() => app.call('inventory.reverseMovement', { movementId: consumed.id, reason: 'query plan test' }));
    const already = plan(statement(seen, /SELECT id FROM stock_movements WHERE reverses_id = \?/));
    expect(already).toEqual([expect.stringMatching(/^SEARCH stock_movements USING COVERING INDEX stock_movements_reverses \(reverses_id=\?\)/)]);
    const byId = plan(statement(seen, /FROM stock_movements WHERE id = \?/));
    expect(byId).toEqual([expect.stringMatching(/^SEARCH stock_movements USING INTEGER PRIMARY KEY \(rowid=\?\)/)]);
    expect(runCheck(app.ctx).ok).toBe(true);
  });
});
