/**
 * Two processes issue the same drafts at once on one file (each tries every draft, in
 * opposite orders): every draft is issued once, and the numbers are exactly 1…N of the
 * year — no gap, no duplicate — because the number is taken in the issuing transaction.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { aB2bCustomer, openShop } from './workshop';

const DRAFTS = 40;

function run(args: string[]): Promise<{ numbers: string[]; refused: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'support', 'processes', 'invoiceIssuer.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as never) : reject(new Error(`exit ${code}: ${err}`)))));
}

describe('invoice numbering under parallel issue from two processes', () => {
  it(`${DRAFTS} drafts issued by two racing processes get 1/2026…${DRAFTS}/2026, each once`, async () => {
    const shop = openShop('2026-03-10');
    try {
      const { app } = shop;
      const c = aB2bCustomer(app);
      const ids = Array.from({ length: DRAFTS }, (_, i) => app.call('invoicing.createDraft', { customerId: c.id, lines: [{ description: `Servizio ${i}`, quantity: '1', unitPrice: '10', vatRate: '22' }] }).id);
      const path = app.opened.path;
      app.close();
      const [a, b] = await Promise.all([run([path, ids.join(',')]), run([path, [...ids].reverse().join(',')])]);
      const all = [...a.numbers, ...b.numbers];
      expect(all.length).toBe(DRAFTS);
      expect(all.map((n) => Number(n.split('/')[0])).sort((x, y) => x - y)).toEqual(Array.from({ length: DRAFTS }, (_, i) => i + 1));
      expect([...a.refused, ...b.refused].every((code) => code === 'CONFLICT')).toBe(true);
      expect(a.refused.length + b.refused.length).toBe(DRAFTS);
    } finally {
      shop.cleanup();
    }
  });
});
