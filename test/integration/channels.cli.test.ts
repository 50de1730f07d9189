import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../src-main/api/app';
import { tempDir } from '../support/tempDir';

const FIXTURES = join(__dirname, '..', 'fixtures', 'channels');
const SHOPIFY = join(FIXTURES, 'shopify-orders-export.csv');

let t: ReturnType<typeof tempDir>;
beforeAll(() => {
  t = tempDir();
});
afterAll(() => t.cleanup());

/** The real `bottega` command, from source, on a temp database. */
function bottega(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, ...args], { encoding: 'utf8', env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** In this process, on the same file (each CLI run starts a process: a few seconds each). */
function withApp<T>(f: (app: ReturnType<typeof createApp>) => T): T {
  const app = createApp(t.dbPath);
  try {
    return f(app);
  } finally {
    app.close();
  }
}
const orderCount = () => withApp((app) => app.call('orders.list', {}).total);

describe('bottega import orders / export', () => {
  it('previews, refuses with the problems listed, imports, and re-imports nothing', () => {
    withApp((app) => {
      for (const [sku, name] of [['SAP-LAV-100', 'Lavanda'], ['CAN-ARA-200', 'Candela'], ['MIELE-100', 'Miele']] as const) {
        app.call('catalog.createItem', { sku, name, kind: 'product', unit: 'pcs' });
      }
    });
    // an unknown SKU: refused, exit 1, the SKU named
    const refused = bottega('import', 'orders', SHOPIFY, '--dry-run');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('unknown SKU SAP-MIE-100');
    expect(refused.stderr).toContain('Nothing imported.');

    // a clean dry run: exit 0, the preview as data, nothing written
    const dry = bottega('import', 'orders', SHOPIFY, '--map', 'SAP-MIE-100=MIELE-100', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout);
    expect(preview).toMatchObject({ dryRun: true, imported: false, preview: { format: 'shopify', canImport: true, counts: { new: 2, cancelled_new: 1 } } });
    expect(orderCount()).toBe(0);

    const done = bottega('import', 'orders', SHOPIFY, '--map', 'SAP-MIE-100=MIELE-100', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ imported: true, result: { created: 2, skipped: 1, orderNumbers: ['2026/0001', '2026/0002'] } });
    expect(orderCount()).toBe(2);

    // the mapping is remembered; the same file again creates nothing
    const again = bottega('import', 'orders', SHOPIFY);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported: 0 created, 0 updated, 0 cancelled.');
    expect(orderCount()).toBe(2);
  });

  it('exits 1 on bad rows and refused files', () => {
    const bad = bottega('import', 'orders', join(FIXTURES, 'shopify-bad-rows.csv'), '--json');
    expect(bad.code).toBe(1);
    const problems = JSON.parse(bad.stdout).preview.problems as { row: number; column: string; key: string }[];
    expect(problems.map((p) => [p.row, p.column, p.key])).toContainEqual([3, 'Lineitem price', 'price.negative']);
    expect(bottega('import', 'orders', join(FIXTURES, 'binary.bin')).code).toBe(1);
    expect(bottega('import', 'orders', join(FIXTURES, 'etsy-sold-order-items.csv'), '--format', 'No such mapping').code).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    expect(bottega('import', 'orders').code).toBe(2);
    expect(bottega('import', 'customers', SHOPIFY).code).toBe(2);
    expect(bottega('import', 'orders', join(FIXTURES, 'missing.csv')).code).toBe(2);
    expect(bottega('import', 'orders', SHOPIFY, '--channel', 'ebay').code).toBe(2);
    expect(bottega('import', 'orders', SHOPIFY, '--map', 'X=NO-SUCH-SKU').code).toBe(2);
    expect(bottega('export', 'customers').code).toBe(2);
    expect(bottega('export', 'orders', '--locale', 'fr').code).toBe(2);
  });

  it('exports a list to a file for Excel', () => {
    const out = join(t.dir, 'ordini.csv');
    const r = bottega('export', 'orders', '--locale', 'it', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows written');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Numero ordine;Stato;');
    const en = bottega('export', 'order_lines', '--locale', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Order number,Ordered on,');
  });
});
