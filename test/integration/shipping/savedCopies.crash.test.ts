import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createApp } from '../../../src-main/api/app';
import { renderStoredDdt } from '../../../src-main/modules/shipping/savedCopies';
import { sameDocument } from '../../../src-main/documents/sameDocument';
import { tempDir } from '../../support/tempDir';
import { fillCompany, readyOrder, resetWorkshop } from './workshop';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

const ENV = { ...process.env, BOTTEGA_FROM_SOURCE: '1' };

/** `bottega serve` from source until it prints its URL (the app has started), then SIGTERM and wait for its exit. */
async function startAndStopServe(dbPath: string): Promise<void> {
  const child = spawn(process.execPath, ['bin/bottega.mjs', '--db', dbPath, '--json', 'serve', '--port', '0'], { env: { ...ENV, BOTTEGA_KEY_DIR: t.dir } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  for await (const line of lines) if (line.includes('"url"')) break;
  child.kill('SIGTERM');
  const code = await exited;
  expect(code, stderr).toBe(0);
}

describe('a DDT issued just before a crash', () => {
  it('issued by the CLI, which exits right after answering: the copy is already on disk', () => {
    const app = createApp(t.dbPath, { now: () => new Date('2026-10-22T08:00:00.000Z') });
    fillCompany(app);
    resetWorkshop();
    const w = readyOrder(app);
    const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
    const draft = app.call('shipping.create', {
      lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
      packages: [{ count: 1, appearance: 'scatola', tare: '0,2' }],
      transportBy: 'sender',
    });
    app.close();
    const r = spawnSync(process.execPath, ['bin/bottega.mjs', '--db', t.dbPath, 'call', 'shipping.confirm', JSON.stringify({ id: draft.id })], { env: ENV, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(t.dir, 'documents', 'bottega', 'DDT', 'DDT-2026-00001.pdf'))).toBe(true);
  });

  it('kill -9 between the commit and the copy: the next start re-makes the copy, equal to a fresh render; stopping makes the on-quit backup', async () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/integration/shipping/crashBeforeCopy.child.ts', t.dbPath], { env: ENV, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toContain('committed');
    const copy = join(t.dir, 'documents', 'bottega', 'DDT', 'DDT-2026-00001.pdf');
    // the crash hit the window: the DDT is committed, its copy is not there
    expect(existsSync(copy)).toBe(false);

    await startAndStopServe(t.dbPath);

    expect(existsSync(copy)).toBe(true);
    // serve stopped by SIGTERM made its on-quit backup (on by default), named after the database
    expect(readdirSync(join(t.dir, 'backups')).filter((f) => /^bottega-quit-\d{8}-\d{6}\.db$/.test(f))).toHaveLength(1);
    const app = createApp(t.dbPath);
    try {
      const ddt = app.ctx.sqlite.prepare("SELECT id FROM ddts WHERE number = '1/2026'").get() as { id: number };
      expect(sameDocument(readFileSync(copy), (await renderStoredDdt(app.ctx, ddt.id)).pdf)).toBe(true);
    } finally {
      app.close();
    }
  });
});
