/**
 * A receipt takes its new lots' codes together (nextLotCodes: one sequence step per prefix,
 * one look-up of the codes already taken). The codes and the sequences must be exactly
 * those of taking them one by one (nextLotCode per line), also when a number is already
 * held by a lot coded by hand and when the pattern puts the SKU after the number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { nextLotCode } from '../../src-main/modules/inventory/lotCreation';
import { fixedClock, tempDir } from '../support/tempDir';

const DAY = '2026-10-22';
const opened: { app: BottegaApp; cleanup: () => void }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.app.close();
    o.cleanup();
  }
});

/** A workshop with three materials, the pattern set and `held` lot codes already in use (typed by hand). */
function workshop(pattern: string, held: string[]) {
  const t = tempDir();
  const app = createApp(t.dbPath, { now: fixedClock(`${DAY}T08:00:00.000Z`) });
  opened.push({ app, cleanup: t.cleanup });
  app.call('settings.update', { inventory: { lotCodePattern: pattern, expiringSoonDays: 30 } });
  const items = ['OLIO', 'CERA', 'SODA'].map((sku) => app.call('catalog.createItem', { sku, name: sku, kind: 'material', unit: 'g' }));
  const sup = app.call('parties.createSupplier', { name: 'Oleificio Rossi srl', vatNumber: null });
  const doc = app.ctx.sqlite.prepare(`INSERT INTO stock_documents (kind, date, note, created_at) VALUES ('adjustment', ?, '', ?) RETURNING id`).pluck().get(DAY, `${DAY}T08:00:00.000Z`);
  for (const code of held) {
    app.ctx.sqlite
      .prepare(`INSERT INTO lots (item_id, code, origin, status, origin_date, doc_type, doc_id, created_at) VALUES (?, ?, 'adjustment', 'released', ?, 'stock_document', ?, ?)`)
      .run(items[0]!.id, code, DAY, doc, `${DAY}T08:00:00.000Z`);
  }
  return { app, items, sup };
}

const sequences = (app: BottegaApp) => app.ctx.sqlite.prepare(`SELECT key, value FROM sequences WHERE key LIKE 'lot:%' ORDER BY key`).all();

/** The codes of a receipt of `lines` (item indexes), and the same taken one by one on a twin workshop. */
function bothWays(pattern: string, held: string[], lines: number[]) {
  const a = workshop(pattern, held);
  const got = a.app.call('inventory.receive', {
    supplierId: a.sup.id,
    receivedOn: DAY,
    lines: lines.map((k) => ({ itemId: a.items[k]!.id, quantity: '100' })),
  });
  const b = workshop(pattern, held);
  const oneByOne = b.app.ctx.sqlite.transaction(() => lines.map((k) => nextLotCode(b.app.ctx, DAY, b.items[k]!.sku)))();
  return { got: got.lots.map((l) => l.code), oneByOne, seqGot: sequences(a.app), seqOneByOne: sequences(b.app) };
}

describe('a receipt takes its lot codes together, as one by one would', () => {
  it('gives ten lines of the default pattern consecutive codes and steps the sequence by ten', () => {
    const r = bothWays('L{yy}{ddd}-{n}', [], [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
    expect(r.got).toEqual(r.oneByOne);
    expect(r.got[0]).toBe('L26295-1');
    expect(r.got[9]).toBe('L26295-10');
    expect(r.seqGot).toEqual([{ key: 'lot:L26295-', value: 10 }]);
    expect(r.seqGot).toEqual(r.seqOneByOne);
  });

  it('skips codes already held by lots coded by hand, inside and past the numbers it took at once', () => {
    const r = bothWays('L{yy}{ddd}-{n}', ['L26295-2', 'L26295-3', 'L26295-5', 'L26295-7'], [0, 1, 2, 0, 1]);
    expect(r.got).toEqual(r.oneByOne);
    expect(r.got).toEqual(['L26295-1', 'L26295-4', 'L26295-6', 'L26295-8', 'L26295-9']);
    expect(r.seqGot).toEqual(r.seqOneByOne);
  });

  it('counts per SKU when the prefix holds it, and puts each line its own SKU when it follows the number', () => {
    const bySku = bothWays('{sku}-{yyyy}-{n}', ['CERA-2026-1'], [0, 1, 0, 2, 1]);
    expect(bySku.got).toEqual(bySku.oneByOne);
    expect(bySku.got).toEqual(['OLIO-2026-1', 'CERA-2026-2', 'OLIO-2026-2', 'SODA-2026-1', 'CERA-2026-3']);
    expect(bySku.seqGot).toEqual(bySku.seqOneByOne);
    const after = bothWays('L{yy}-{n}-{sku}', ['L26-2-CERA'], [0, 1, 2, 1]);
    expect(after.got).toEqual(after.oneByOne);
    expect(after.got).toEqual(['L26-1-OLIO', 'L26-3-CERA', 'L26-4-SODA', 'L26-5-CERA']);
    expect(after.seqGot).toEqual(after.seqOneByOne);
  });
});
