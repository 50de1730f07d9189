/**
 * 1000 requests in flight at once through the HTTP door, half receipts and half
 * consumptions of the same lots, interleaved. Whatever order they are served in, the
 * ledger must come out exact: every receipt counted once, every consumption either
 * posted or refused cleanly with INSUFFICIENT_STOCK, no lot below zero, `check` ok.
 *
 * In-process: one server, one connection, requests interleaved by the event loop — it proves
 * each command is atomic and the door serves a burst, not that two writers race safely
 * (multiProcess.test.ts runs real processes on one file).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { startHttpDoor, type HttpDoor } from '../../src-main/api/http';
import { httpStatusOf } from '../../src-main/api/envelope';
import { runCheck } from '../../src-main/db/check';
import { fixedClock, tempDir } from '../support/tempDir';

const TOKEN = 'concurrency-test-token';
const LOTS = 5;
const INITIAL_PER_LOT = 30; // pieces
const REQUESTS = 500; // per stream

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let door: HttpDoor;

beforeAll(async () => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  // the same entry the real door uses (src-main/cli/serve.ts)
  door = await startHttpDoor({ invoke: app.invokeAsync, token: TOKEN });
});
afterAll(async () => {
  await door?.close();
  app?.close();
  t?.cleanup();
});

interface Answer {
  status: number;
  body: { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
}

async function post(op: string, input: unknown): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${door.port}/api/${op}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

describe('inventory through the HTTP door under a burst of interleaved requests (in-process, one connection)', () => {
  it(`${REQUESTS} receipts and ${REQUESTS} consumptions at once leave exact balances`, async () => {
    const item = app.call('catalog.createItem', { sku: 'VASO-50', name: 'Vasetto 50 ml', kind: 'packaging', unit: 'pcs' });
    // the lots the consumptions draw from; their supplier lot codes let receipts add to them
    const lots = app.call('inventory.receive', {
      lines: Array.from({ length: LOTS }, (_, k) => ({ itemId: item.id, quantity: String(INITIAL_PER_LOT), supplierLotCode: `S${k}` })),
    }).lots;
    const lotIds = lots.map((l) => l.id);

    // stream 1: receipts of 1 piece; even ones add to an existing lot, odd ones make a new lot
    const receiptInput = (i: number) => ({
      note: `r${i}`,
      lines: [i % 2 === 0 ? { itemId: item.id, quantity: '1', supplierLotCode: `S${(i / 2) % LOTS}`, existingLot: 'same' } : { itemId: item.id, quantity: '1 pz' }],
    });
    // stream 2: consumptions of 1 piece, spread over the first lots: 100 each against 30 + 50, so some must be refused
    const consumeLot = (i: number) => lotIds[i % LOTS]!;
    const receipts: Promise<Answer>[] = [];
    const consumptions: Promise<Answer>[] = [];
    // fired interleaved, all before the first answer arrives
    for (let i = 0; i < REQUESTS; i++) {
      receipts.push(post('inventory.receive', receiptInput(i)));
      consumptions.push(post('inventory.consume', { note: `c${i}`, lines: [{ lotId: consumeLot(i), quantity: '1' }] }));
    }
    const [r, c] = await Promise.all([Promise.all(receipts), Promise.all(consumptions)]);

    // every receipt went through
    const badReceipts = r.filter((a) => !a.body.ok || a.status !== 200);
    expect(badReceipts.map((a) => JSON.stringify(a).slice(0, 300))).toEqual([]);

    // every consumption is either ok, or a clean refusal: INSUFFICIENT_STOCK for exactly one piece of its lot
    const okConsume = c.map((a) => a.body.ok);
    c.forEach((a, i) => {
      if (a.body.ok) {
        expect(a.status).toBe(200);
        return;
      }
      expect(a.status).toBe(httpStatusOf('INSUFFICIENT_STOCK'));
      expect(a.body.error.code, JSON.stringify(a.body)).toBe('INSUFFICIENT_STOCK');
      expect(a.body.error.details).toMatchObject({ itemId: item.id, neededMilli: 1_000, availableMilli: 0, shortMilli: 1_000, lotCode: lots[i % LOTS]!.code });
    });

    const okCount = okConsume.filter(Boolean).length;
    // 5 lots × (30 + 50) pieces at most for 500 consumptions: at least 100 refused, cleanly (checked above)
    expect(REQUESTS - okCount).toBeGreaterThanOrEqual(REQUESTS - LOTS * (INITIAL_PER_LOT + REQUESTS / 2 / LOTS));
    const okReceipts = r.length;
    const lotOnHand = (id: number) => (app.ctx.sqlite.prepare('SELECT on_hand_milli AS q FROM lots WHERE id = ?').get(id) as { q: number }).q;

    // per consumed lot: initial + the receipts that added to it − its successful consumptions
    lotIds.forEach((id, k) => {
      const added = r.filter((a, i) => a.body.ok && i % 2 === 0 && (i / 2) % LOTS === k).length;
      const consumed = okConsume.filter((ok, i) => ok && i % LOTS === k).length;
      expect(lotOnHand(id), `lot ${k}`).toBe((INITIAL_PER_LOT + added - consumed) * 1_000);
      // what was there from the start was always enough for the first 30; never more than 30 + 50 went out
      expect(consumed).toBeGreaterThanOrEqual(INITIAL_PER_LOT);
      expect(consumed).toBeLessThanOrEqual(INITIAL_PER_LOT + added);
    });

    // the odd receipts made one new lot each, with exactly one piece
    const newLots = app.ctx.sqlite.prepare(`SELECT on_hand_milli AS q FROM lots WHERE item_id = ? AND id NOT IN (${lotIds.join(',')})`).all(item.id) as { q: number }[];
    expect(newLots).toHaveLength(REQUESTS / 2);
    expect(newLots.every((l) => l.q === 1_000)).toBe(true);

    // the item as a whole: initial + successful receipts − successful consumptions, in every view of it
    const expected = (LOTS * INITIAL_PER_LOT + okReceipts - okCount) * 1_000;
    const row = app.call('inventory.stockOverview', {}).rows.find((x) => x.item.id === item.id)!;
    expect(row.onHandMilli).toBe(expected);
    expect(row.availableMilli).toBe(expected);
    expect((app.ctx.sqlite.prepare('SELECT sum(qty_milli) AS s FROM stock_movements WHERE item_id = ?').get(item.id) as { s: number }).s).toBe(expected);
    expect((app.ctx.sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }).n).toBe(LOTS + okReceipts + okCount);
    // one document per successful command, none left behind by a refused one
    expect((app.ctx.sqlite.prepare("SELECT count(*) AS n FROM stock_documents WHERE kind = 'consume'").get() as { n: number }).n).toBe(okCount);
    expect((app.ctx.sqlite.prepare('SELECT count(*) AS n FROM stock_balances WHERE qty_milli < 0').get() as { n: number }).n).toBe(0);

    const report = runCheck(app.ctx);
    expect(report.checks.filter((x) => !x.ok).map((x) => `${x.name}: ${x.problems.join('; ')}`)).toEqual([]);
  });
});
