/**
 * kill -9 at seeded random instants while a child process runs the make-to-order flow in
 * a loop on a demo database (makeToOrderLoop.child.ts), printing each acknowledged
 * command. The runs follow one another on the same file, so each starts on what the last
 * kill left — behind its stale writer lock. After each kill: everything acknowledged is
 * there with at least the acknowledged status, order and production numbers have no gaps,
 * and `check --full` passes; the next process takes the dead one's lock over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { lockFileOf, readLock } from '../../src-main/db/lock';
import { demoApp } from '../builders';
import { tempDir } from '../support/tempDir';
import { bundledCli, bundledScript, runCli } from '../support/bundledCli';
import { killAfterLock, seeded } from '../support/crashDrill';

let t: ReturnType<typeof tempDir>;
let childArgs: string[] = [];

/** A product made through one level of intermediates, its bought materials stocked up plenty, and a customer. */
beforeAll(() => {
  t = tempDir();
  const app = demoApp({ path: t.dbPath });
  try {
    const db = app.ctx.sqlite;
    const product = db
      .prepare(
        `SELECT p.id, r.yield_milli AS yieldMilli FROM items p JOIN recipes r ON r.item_id = p.id AND r.active = 1
         WHERE p.kind = 'product' AND p.archived = 0
           AND EXISTS (SELECT 1 FROM recipe_components c JOIN recipes r2 ON r2.item_id = c.item_id AND r2.active = 1 WHERE c.recipe_id = r.id)
         ORDER BY p.id LIMIT 1`,
      )
      .get() as { id: number; yieldMilli: number };
    const leaves = db
      .prepare(
        `WITH RECURSIVE tree(item_id) AS (
           SELECT c.item_id FROM recipe_components c JOIN recipes r ON r.id = c.recipe_id AND r.active = 1 WHERE r.item_id = ?
           UNION SELECT c.item_id FROM tree t JOIN recipes r ON r.item_id = t.item_id AND r.active = 1 JOIN recipe_components c ON c.recipe_id = r.id
         )
         SELECT i.id, i.unit FROM tree t JOIN items i ON i.id = t.item_id WHERE NOT EXISTS (SELECT 1 FROM recipes r WHERE r.item_id = i.id AND r.active = 1)`,
      )
      .all(product.id) as { id: number; unit: string }[];
    const received = app.call('inventory.receive', { lines: leaves.map((l) => ({ itemId: l.id, quantity: l.unit === 'pcs' ? '2000000' : '50000', unitCost: '1' })) });
    for (const lot of received.lots) if (lot.status === 'quarantine') app.call('inventory.releaseLot', { lotId: lot.id });
    const customerId = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as number;
    childArgs = [String(product.id), String(product.yieldMilli / 1000), String(customerId)];
  } finally {
    app.close();
  }
  bundledCli();
  bundledScript('test/integration/makeToOrderLoop.child.ts');
});
afterAll(() => t.cleanup());

const ORDER_RANK: Record<string, number> = { draft: 0, waiting: 1, materials_short: 1, in_production: 2, ready_to_ship: 3, partially_shipped: 4, shipped: 5 };
const PRODUCTION_RANK: Record<string, number> = { planned: 0, released: 1, in_progress: 2, completed: 3 };
const rankOf = (doc: string, status: string): number => {
  const rank = (doc.startsWith('P') ? PRODUCTION_RANK : ORDER_RANK)[status];
  if (rank === undefined) throw new Error(`${doc} is ${status}: not a status of the flow`);
  return rank;
};

/** `ack op DOC=status …` lines → each document's highest acknowledged status, added to `promised`. */
function readAcks(stdout: string, promised: Map<string, { status: string; rank: number }>): number {
  const lines = stdout.split('\n').filter((l) => l.startsWith('ack '));
  for (const line of lines) {
    for (const pair of line.split(' ').slice(2)) {
      const [doc, status] = pair.split('=') as [string, string];
      const rank = rankOf(doc, status);
      if ((promised.get(doc)?.rank ?? -1) < rank) promised.set(doc, { status, rank });
    }
  }
  return lines.length;
}

/** What the database holds now, opened as a reader (it leaves the dead process's lock for the next writer to take over). */
function holds(promised: Map<string, { status: string; rank: number }>): { lost: string[]; gaps: string[]; failed: unknown[] } {
  const app = createApp(t.dbPath, { access: 'read' });
  try {
    const db = app.ctx.sqlite;
    const statusOf = (doc: string) =>
      (db.prepare(`SELECT status FROM ${doc.startsWith('P') ? 'production_orders' : 'customer_orders'} WHERE number = ?`).pluck().get(doc) as string | undefined) ?? 'missing';
    const lost = [...promised].flatMap(([doc, p]) => {
      const now = statusOf(doc);
      return now !== 'missing' && rankOf(doc, now) >= p.rank ? [] : [`${doc}: acknowledged ${p.status}, now ${now}`];
    });
    // per series (2026/…, P2026/…): the highest number equals how many there are
    const gaps = (
      db
        .prepare(
          `SELECT series, count(*) AS n, max(seq) AS top FROM (
             SELECT substr(number, 1, 4) AS series, CAST(substr(number, 6) AS INTEGER) AS seq FROM customer_orders
             UNION ALL SELECT substr(number, 1, 5), CAST(substr(number, 7) AS INTEGER) FROM production_orders
           ) GROUP BY series`,
        )
        .all() as { series: string; n: number; top: number }[]
    )
      .filter((s) => s.n !== s.top)
      .map((s) => `${s.series}: ${s.n} numbers up to ${s.top}`);
    const failed = runCheck(app.ctx, undefined, { full: true }).checks.filter((c) => !c.ok);
    return { lost, gaps, failed };
  } finally {
    app.close();
  }
}

describe('make-to-order flow crash drill', () => {
  it('after a kill -9 at any instant of the flow, nothing acknowledged is lost, numbering has no gaps, the dead lock is taken over and check --full passes', async () => {
    const random = seeded(12);
    const promised = new Map<string, { status: string; rank: number }>();
    const acksPerRun: number[] = [];
    let cliChecked = false;
    for (let run = 0; run < 6; run++) {
      const child = spawn(process.execPath, [bundledScript('test/integration/makeToOrderLoop.child.ts'), t.dbPath, ...childArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
      // the previous run's lock is still there: the child must take it over to begin
      const r = await killAfterLock(child, t.dbPath, Math.floor(random() * 1000));
      expect(r.killed, r.stderr).toBe(true);
      acksPerRun.push(readAcks(r.stdout, promised));
      // the dead process's lock stays behind, as after a power cut
      expect(readLock(t.dbPath)?.pid).toBe(child.pid);
      if (!cliChecked && acksPerRun[run]! > 0) {
        // the command a person would run, first to open the file the kill left
        const check = runCli(t.dbPath, ['check', '--full']);
        expect(check.stdout).toContain('All invariants hold.');
        expect(check.code).toBe(0);
        cliChecked = true;
      }
      expect(holds(promised)).toEqual({ lost: [], gaps: [], failed: [] });
    }
    // the drill proved something only if kills landed mid-flow, with commands acknowledged
    expect(acksPerRun.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect([...promised.values()].some((p) => p.status === 'ready_to_ship')).toBe(true);
    expect(cliChecked).toBe(true);

    // a writer opening after the last kill takes the stale lock over, and gives it back on close
    const app = createApp(t.dbPath);
    expect(readLock(t.dbPath)?.pid).toBe(process.pid);
    app.close();
    expect(existsSync(lockFileOf(t.dbPath))).toBe(false);
  }, 60_000);
});
