/**
 * Real processes on one database file: a writer process posting receipts while two reader
 * processes read the stock over and over on their own connections (WAL lets them read
 * while it writes). Nothing is lost (every receipt is in the file) and nothing is torn
 * (no reader ever sees a movement without its balance, nor the count going back).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { tempDir } from '../support/tempDir';

const RECEIPTS = 300;
const t = tempDir();
afterAll(() => t.cleanup());

function run(script: string, args: string[]): { done: Promise<string>; pid: number } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'support', 'processes', script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<string>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${err}`)))));
  return { done, pid: child.pid! };
}

describe('two processes on one file (a writer and readers)', () => {
  it(`a writer process posts ${RECEIPTS} receipts while two reader processes read: nothing lost, no torn read`, async () => {
    const setup = createApp(t.dbPath);
    const item = setup.call('catalog.createItem', { sku: 'VASO-50', name: 'Vasetto 50 ml', kind: 'packaging', unit: 'pcs' });
    setup.close();
    const stop = join(t.dir, 'stop');
    const readers = [run('reader.ts', [t.dbPath, stop]), run('reader.ts', [t.dbPath, stop])];
    const writer = run('writer.ts', [t.dbPath, String(item.id), String(RECEIPTS)]);
    const written = JSON.parse(await writer.done) as { done: number };
    writeFileSync(stop, '');
    const seen = (await Promise.all(readers.map((r) => r.done))).map((s) => JSON.parse(s) as { reads: number; torn: number; wentBack: number; maxSeen: number });

    expect(written.done).toBe(RECEIPTS);
    for (const s of seen) {
      expect(s.reads).toBeGreaterThan(0);
      expect(s.torn).toBe(0);
      expect(s.wentBack).toBe(0);
      expect(s.maxSeen).toBeLessThanOrEqual(RECEIPTS);
    }
    const after = createApp(t.dbPath);
    expect(after.ctx.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(RECEIPTS);
    expect(after.ctx.sqlite.prepare('SELECT sum(on_hand_milli) FROM lots').pluck().get()).toBe(RECEIPTS * 1000);
    expect(runCheck(after.ctx).ok).toBe(true);
    after.close();
  });
});
