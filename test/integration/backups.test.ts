import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync, closeSync, copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type CallError, type BottegaApp } from '../../src-main/api/app';
import { startDataCare } from '../../src-main/modules/backups/lifecycle';
import { runBackup } from '../../src-main/modules/backups/run';
import { verifyBackupFile } from '../../src-main/modules/backups/verify';
import { tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let now: Date;
const clock = () => now;
const open: BottegaApp[] = [];
function app(name = 'bottega'): BottegaApp {
  const a = createApp(join(t.dir, `${name}.db`), { now: clock });
  open.push(a);
  return a;
}

beforeEach(() => {
  t = tempDir();
  now = new Date(2026, 11, 4, 14, 0);
});
afterEach(() => {
  for (const a of open.splice(0)) if (a.ctx.sqlite.open) a.close();
  t.cleanup();
});

describe('backups the user controls', () => {
  it('"back up now" writes into the chosen folder, named after the database, checked and listed with its counts', async () => {
    const a = app('shop');
    a.call('catalog.createItem', { sku: 'MIELE', name: 'Miele', kind: 'material', unit: 'kg' });
    const folder = join(t.dir, 'external');
    mkdirSync(folder);
    expect(a.call('backups.saveSettings', { folder }).effectiveFolder).toBe(folder);
    const b = await a.callAsync('backups.runNow', {});
    expect(b.fileName).toBe('shop-manual-20261204-140000.db');
    expect(b.path).toBe(join(folder, b.fileName));
    expect(b.verification).toMatchObject({ ok: true, integrity: 'ok', counts: { orders: 0, lots: 0, ddts: 0 } });
    // the result is kept beside the backup, so it survives the database
    expect(JSON.parse(readFileSync(`${b.path}.json`, 'utf8'))).toMatchObject({ ok: true });
    const list = await a.callAsync('backups.list', {});
    expect(list.folder).toBe(folder);
    expect(list.backups.map((x) => [x.fileName, x.verification?.ok])).toEqual([[b.fileName, true]]);
  });

  it('the check after writing finds a damaged backup (a corrupted page, a truncated file)', async () => {
    const a = app();
    for (let i = 0; i < 200; i++) a.call('catalog.createItem', { sku: `ITEM-${i}`, name: `Articolo numero ${i} con un nome lungo`, kind: 'material', unit: 'kg' });
    const good = await runBackup(a.ctx, 'manual');
    expect(good.verification?.ok).toBe(true);
    const corrupt = join(t.dir, 'corrupt.db');
    copyFileSync(good.path, corrupt);
    const pageSize = a.ctx.sqlite.pragma('page_size', { simple: true }) as number;
    const fd = openSync(corrupt, 'r+');
    // page 3 onwards: b-tree pages of the tables, overwritten with garbage
    writeSync(fd, Buffer.alloc(pageSize * 2, 0x5a), 0, pageSize * 2, pageSize * 2);
    closeSync(fd);
    const v = await verifyBackupFile(corrupt, clock);
    expect(v.ok).toBe(false);
    expect(v.integrity).not.toBe('ok');
    const truncated = join(t.dir, 'truncated.db');
    copyFileSync(good.path, truncated);
    truncateSync(truncated, statSync(truncated).size - pageSize * 3);
    expect((await verifyBackupFile(truncated, clock)).ok).toBe(false);
    expect((await verifyBackupFile(good.path, clock)).ok).toBe(true);
  });

  it('two databases in one folder each get their own daily backup, and list only their own', async () => {
    const a = app('shop');
    const b = app('lab');
    const careA = startDataCare(a, { tickMs: 3_600_000 });
    const careB = startDataCare(b, { tickMs: 3_600_000 });
    await careA.schedule.settled();
    await careB.schedule.settled();
    await careA.stop();
    await careB.stop();
    const files = readdirSync(join(t.dir, 'backups')).filter((f) => f.endsWith('.db')).sort();
    expect(files).toEqual(['lab-daily-20261204-140000.db', 'shop-daily-20261204-140000.db']);
    expect((await a.callAsync('backups.list', {})).backups.map((x) => x.fileName)).toEqual(['shop-daily-20261204-140000.db']);
    expect((await b.callAsync('backups.list', {})).backups.map((x) => x.fileName)).toEqual(['lab-daily-20261204-140000.db']);
  });

  it('daily backups are pruned by the retention; manual ones never are', async () => {
    const a = app();
    a.call('backups.saveSettings', { keepDaily: 3, keepWeekly: 0, keepMonthly: 0 });
    const manual = await runBackup(a.ctx, 'manual');
    for (let d = 1; d <= 10; d++) {
      now = new Date(2026, 11, d, 12, 30);
      await runBackup(a.ctx, 'daily');
    }
    const names = (await a.callAsync('backups.list', {})).backups.map((x) => x.fileName);
    expect(names).toEqual(['bottega-daily-20261210-123000.db', 'bottega-daily-20261209-123000.db', 'bottega-daily-20261208-123000.db', manual.fileName]);
    // the pruned backups' check results went with them
    expect(readdirSync(join(t.dir, 'backups')).filter((f) => f.endsWith('.json'))).toHaveLength(4);
  });

  it('status: same disk as the database, overdue after a day without a good backup, a folder that is not connected', async () => {
    const a = app();
    expect(a.call('backups.status', {})).toMatchObject({ lastGood: null, overdue: true, sameDisk: true, folderMissing: false });
    await runBackup(a.ctx, 'daily');
    expect(a.call('backups.status', {})).toMatchObject({ overdue: false, sameDisk: true });
    now = new Date(now.getTime() + 26 * 3600_000);
    expect(a.call('backups.status', {}).overdue).toBe(true);
    // another disk (tmpfs here): no same-disk warning
    const other = mkdtempSync('/dev/shm/bottega-backups-');
    try {
      a.call('backups.saveSettings', { folder: other });
      await a.callAsync('backups.runNow', {});
      expect(a.call('backups.status', {})).toMatchObject({ overdue: false, sameDisk: false, folder: other });
      rmSync(other, { recursive: true, force: true });
      expect(a.call('backups.status', {})).toMatchObject({ folderMissing: true, lastGood: null, overdue: true });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a damaged live database fails the quick check before a scheduled backup: no backup is made, the good ones stay', async () => {
    let a = app('shop');
    for (let i = 0; i < 300; i++) a.call('catalog.createItem', { sku: `ITEM-${i}`, name: `Articolo numero ${i} con un nome lungo`, kind: 'material', unit: 'kg' });
    const good = await runBackup(a.ctx, 'daily');
    const root = (a.ctx.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'items'").get() as { rootpage: number }).rootpage;
    const pageSize = a.ctx.sqlite.pragma('page_size', { simple: true }) as number;
    a.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    a.close();
    // the items table's root page overwritten: the kind of damage a bad disk sector does
    const fd = openSync(join(t.dir, 'shop.db'), 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x33), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    a = app('shop');
    now = new Date(2026, 11, 5, 14, 0);
    await expect(runBackup(a.ctx, 'daily')).rejects.toThrow(/quick check/);
    expect((await a.callAsync('backups.list', {})).backups.map((b) => b.fileName)).toEqual([good.fileName]);
  });

  it('a chosen folder that is gone (disk unplugged) is not made again: the scheduled run fails and the dashboard status says why', async () => {
    const a = app();
    const usb = join(t.dir, 'usb');
    mkdirSync(usb);
    a.call('backups.saveSettings', { folder: usb });
    rmSync(usb, { recursive: true });
    const care = startDataCare(a, { tickMs: 3_600_000 });
    await care.schedule.settled();
    await care.stop();
    expect(existsSync(usb)).toBe(false);
    const status = a.call('backups.status', {});
    expect(status).toMatchObject({ folderMissing: true, overdue: true });
    expect(status.lastProblem).toContain('cannot be reached');
  });

  it('a folder that does not exist or is not a full path is refused, naming the folder field; the settings stay', () => {
    const a = app();
    for (const folder of [join(t.dir, 'nowhere'), 'relative/path']) {
      try {
        a.call('backups.saveSettings', { folder, time: '03:00' });
        expect.unreachable();
      } catch (e) {
        expect((e as CallError).envelope.error.code).toBe('VALIDATION');
        expect(JSON.stringify((e as CallError).envelope.error.details)).toContain('folder');
      }
    }
    expect(a.call('backups.settings', {})).toMatchObject({ folder: null, time: '12:30', keepDaily: 7, keepWeekly: 4, keepMonthly: 12, onQuit: true });
    expect(() => a.call('backups.saveSettings', { time: '25:00' })).toThrow(/VALIDATION/);
    expect(existsSync(join(t.dir, 'nowhere'))).toBe(false);
  });
});
