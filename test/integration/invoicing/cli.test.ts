import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { aB2bCustomer, aStockedProduct, openShop, sellAndShip, type Shop } from './workshop';

/** `bottega invoice month` as a user runs it: a real process on the file the app wrote. */
let shop: Shop;
let dbPath: string;
beforeEach(() => {
  shop = openShop('2026-03-02');
  dbPath = shop.app.opened.path;
});
afterEach(() => shop.cleanup());

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', dbPath, ...args], { encoding: 'utf8', env: { ...process.env, BOTTEGA_FROM_SOURCE: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bottega invoice month', () => {
  it('--dry-run --json lists the invoices it would issue and writes nothing; the run issues them; again there is nothing, exit 0', () => {
    const { app } = shop;
    const c = aB2bCustomer(app, 'Bottega Verde');
    sellAndShip(app, c.id, [{ itemId: aStockedProduct(app).id, quantity: '2', unitPrice: '10' }]);
    app.close();
    const dry = cli('invoice', 'month', '2026-03', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as { invoices: { customer: { name: string }; totalCents: number }[] }).invoices.map((i) => [i.customer.name, i.totalCents])).toEqual([['Bottega Verde', 2440]]);
    const run = cli('invoice', 'month', '2026-03');
    expect([run.code, run.stdout]).toEqual([0, expect.stringContaining('1/2026  Bottega Verde')]);
    const again = cli('invoice', 'month', '2026-03', '--dry-run', '--json');
    expect([again.code, (JSON.parse(again.stdout) as { invoices: unknown[] }).invoices]).toEqual([0, []]);
    expect(cli('invoice', 'month', '2026-03').stdout).toContain('Nothing to invoice');
    expect(cli('invoice', 'month', 'marzo').code).toBe(2);
  });
});
