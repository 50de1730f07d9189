/**
 * The write path's speed work must not change a single byte of what the flow writes.
 * The demo workshop (seed 1, fixed clock) runs every command of the flow thousands of
 * times — orders entered, confirmed, fulfilled, production released and completed,
 * receipts, shipments with their DDT snapshots, the activity log — and then a few more
 * make-to-order runs (an order of 1 line and of 50) go through on top. Every table is
 * hashed, row by row, and compared with the hashes recorded from the code before the
 * speed work (test/fixtures/flowDocuments.sha256.json).
 *
 * A change that is meant to alter the documents (a new demo step, a new column) records
 * the hashes again: `UPDATE_FLOW_HASHES=1 npx vitest run test/integration/flowSameness.test.ts`,
 * and says why in its commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import { demoApp, removeTempDbs } from '../builders';

afterAll(removeTempDbs);

const FIXTURE = join(__dirname, '..', 'fixtures', 'flowDocuments.sha256.json');

function tableHashes(app: BottegaApp): Record<string, string> {
  const db = app.ctx.sqlite;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name").pluck().all() as string[]);
  const out: Record<string, string> = {};
  for (const t of tables) {
    // the activity log's actor is the OS user running the test, not something the flow decides
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(t) as string[])
      .filter((c) => !(t === 'audit_log' && c === 'actor'))
      .map((c) => `"${c}"`);
    const h = createHash('sha256');
    for (const row of db.prepare(`SELECT ${cols.join(', ')} FROM "${t}" ORDER BY ${cols.join(', ')}`).raw().iterate() as IterableIterator<unknown[]>) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).update('\n');
    }
    out[t] = h.digest('hex');
  }
  return out;
}

/** A few make-to-order runs on top of the demo: one order of 1 line, one of 50, through the whole flow. */
function makeToOrderRuns(app: BottegaApp): { completed: number } {
  const db = app.ctx.sqlite;
  const customerId = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
  const products = db
    .prepare("SELECT i.id FROM items i JOIN recipes r ON r.item_id = i.id AND r.active = 1 WHERE i.kind = 'product' AND i.archived = 0 ORDER BY i.id")
    .pluck()
    .all() as number[];
  let completed = 0;
  for (const size of [1, 50]) {
    const order = app.call('orders.create', {
      customerId,
      channel: 'phone',
      lines: Array.from({ length: size }, (_, k) => ({ itemId: products[(k * 7) % products.length]!, quantity: String(3 + (k % 4)) })),
      confirm: true,
    });
    const done = app.call('orders.fulfil', { orderIds: [order.id] });
    for (const id of [...done.productionOrderIds].reverse()) {
      const res = app.invoke('production.release', { id });
      // a batch whose materials the demo's shelves lack stays planned: that is a result too
      if (res.ok) {
        app.call('production.complete', { id });
        completed++;
      }
    }
  }
  return { completed };
}

describe('what the flow writes', () => {
  it('is byte for byte what it was before the write path was made faster (every table of the demo plus make-to-order runs)', () => {
    const app = demoApp({ seed: 1 });
    try {
      // the runs on top must exercise the whole flow, not only its refusals
      expect(makeToOrderRuns(app).completed).toBeGreaterThan(3);
      const now = tableHashes(app);
      if (process.env.UPDATE_FLOW_HASHES === '1' || !existsSync(FIXTURE)) {
        writeFileSync(FIXTURE, `${JSON.stringify(now, null, 2)}\n`);
        if (process.env.UPDATE_FLOW_HASHES !== '1') throw new Error(`no recorded hashes: wrote ${FIXTURE}; run again`);
      }
      const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string>;
      // tables another branch adds are not part of this comparison; every recorded one must still match
      const mine = Object.fromEntries(Object.keys(recorded).map((t) => [t, now[t] ?? 'missing']));
      expect(mine).toEqual(recorded);
    } finally {
      app.close();
    }
  });
});
