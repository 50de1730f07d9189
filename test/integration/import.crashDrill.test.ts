/**
 * kill -9 at seeded random instants while `bottega import orders` imports a Shopify export
 * of a few thousand lines in a child process. The import is one command, so one
 * transaction: after each kill the database opens, passes `check --full`, and holds every
 * order of the file or none of them — all of them when the child printed "Imported:".
 * Each run starts from a copy of the same database (catalog only), so every run imports
 * the whole file. Bounded: one measured run, eight killed ones and a re-import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { shopifyExport } from '../builders/shopifyExport';
import { tempDir } from '../support/tempDir';
import { bundledCli, runCli, startCli } from '../support/bundledCli';
import { killAfterLock, seeded } from '../support/crashDrill';

let t: ReturnType<typeof tempDir>;
let base = '';
let file = '';
/** what the file holds, as the preview counts it on the catalog-only database */
const expected = { orders: 0, customers: 0 };

beforeAll(() => {
  t = tempDir();
  base = join(t.dir, 'catalog-only.db');
  file = join(t.dir, 'orders_export.csv');
  const skus = Array.from({ length: 30 }, (_, i) => `PRD-${String(i).padStart(3, '0')}`);
  writeFileSync(file, shopifyExport({ lines: 4000, skus, seed: 12 }));
  const app = createApp(base);
  try {
    for (const sku of skus) app.call('catalog.createItem', { sku, name: `Prodotto ${sku}`, kind: 'product', unit: 'pcs' });
    const p = app.call('channels.previewImport', { fileBase64: readFileSync(file).toString('base64'), fileName: 'orders_export.csv' });
    expected.orders = p.counts.new;
    expected.customers = p.customers.toCreate;
  } finally {
    app.close();
  }
  bundledCli();
});
afterAll(() => t.cleanup());

/** A fresh copy of the catalog-only database for one run. */
function runDb(run: number | string): string {
  const path = join(t.dir, `run-${run}.db`);
  copyFileSync(base, path);
  return path;
}

/** True when another connection holds the write transaction right now (the import is writing). */
function writing(dbPath: string): boolean {
  const probe = new Database(dbPath, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  } finally {
    probe.close();
  }
}

/** Opens the database as the next start does, counts what the import left and runs the full check in-process. */
function leftBehind(dbPath: string): { orders: number; customers: number; failed: unknown[]; gapless: boolean } {
  const app = createApp(dbPath);
  try {
    const count = (sql: string) => app.ctx.sqlite.prepare(sql).pluck().get() as number;
    const orders = count('SELECT count(*) FROM customer_orders');
    // numbers are handed out inside the transaction: a rolled-back import burns none
    const gapless = count("SELECT count(*) FROM customer_orders WHERE CAST(substr(number, 6) AS INTEGER) > (SELECT count(*) FROM customer_orders c WHERE substr(c.number, 1, 4) = substr(customer_orders.number, 1, 4))") === 0;
    const failed = runCheck(app.ctx, undefined, { full: true }).checks.filter((c) => !c.ok);
    return { orders, customers: count('SELECT count(*) FROM customers'), failed, gapless };
  } finally {
    app.close();
  }
}

describe('channel import crash drill', () => {
  it('after a kill -9 at any instant of an import, the database holds all of the file or none of it, passes check --full, and a re-import gives exactly the file', async () => {
    const random = seeded(12);
    // a whole import, timed from taking the lock to its exit: the kills are spread over it
    const whole = await killAfterLock(startCli(runDb('whole'), ['import', 'orders', file]), join(t.dir, 'run-whole.db'), 60_000);
    const span = whole.heldMs;
    expect(whole.finished, whole.stderr).toBe(true);
    expect(whole.stdout).toContain(`Imported: ${expected.orders} created`);
    expect(expected.orders).toBeGreaterThan(1000);

    let killedWhileWriting = 0;
    let cliChecked = false;
    let last = '';
    for (let run = 0; run < 8; run++) {
      const db = runDb(run);
      last = db;
      const r = await killAfterLock(startCli(db, ['import', 'orders', file]), db, Math.floor(random() * span), () => writing(db));
      if (r.seen && !cliChecked) {
        // the command a person would run, first to open the file the kill left
        const check = runCli(db, ['check', '--full']);
        expect(check.stdout).toContain('All invariants hold.');
        expect(check.code).toBe(0);
        cliChecked = true;
      }
      const left = leftBehind(db);
      expect(left.failed).toEqual([]);
      expect(left.gapless).toBe(true);
      // all or nothing, customers with their orders
      expect([{ orders: 0, customers: 0 }, expected]).toContainEqual({ orders: left.orders, customers: left.customers });
      if (r.stdout.includes('Imported:')) expect(left.orders).toBe(expected.orders);
      if (r.seen && left.orders === 0) killedWhileWriting++;
    }
    // at least one kill landed inside the import's transaction, or the drill proved nothing
    expect(killedWhileWriting).toBeGreaterThan(0);
    expect(cliChecked).toBe(true);

    // the same file again on what the last kill left: exactly the file's orders, numbered from 1
    const before = leftBehind(last).orders;
    const again = runCli(last, ['import', 'orders', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(before === 0 ? `Imported: ${expected.orders} created (2026/0001 … 2026/${String(expected.orders).padStart(4, '0')})` : 'Imported: 0 created');
    const after = leftBehind(last);
    expect(after).toEqual({ orders: expected.orders, customers: expected.customers, failed: [], gapless: true });
  }, 60_000);
});
