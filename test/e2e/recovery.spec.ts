/**
 * A damaged data file as a person meets it: the file is cut in half, `serve` still starts
 * and the window shows the recovery screen with the backup found beside it; restoring the
 * chosen one reopens the app on it. And the same restore chosen in Settings, on a working
 * app. Both screens are shot at 1366×768 in Italian and English.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, startServer, test } from './fixtures';
import { api, shot, type App } from './helpers';

const cli = (dbPath: string, ...args: string[]) => execFileSync(process.execPath, ['out/main/cli.js', '--db', dbPath, ...args], { encoding: 'utf8' });

function addItems(dbPath: string, prefix: string, n: number): void {
  for (let i = 0; i < n; i++) cli(dbPath, 'call', 'catalog.createItem', JSON.stringify({ sku: `${prefix}-${i}`, name: `${prefix} ${i}`, kind: 'material', unit: 'kg' }));
}

async function pageIn(browser: Browser, locale: 'it-IT' | 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale, timezoneId: 'Europe/Rome' });
  return context.newPage();
}

test('a damaged file: serve starts on the recovery screen, the chosen backup is restored and the app works', async ({ browser }, testInfo) => {
  const dir = mkdtempSync(join(tmpdir(), 'bottega-e2e-recovery-'));
  const dbPath = join(dir, 'bottega.db');
  addItems(dbPath, 'MIELE', 3);
  cli(dbPath, 'backup', join(dir, 'backups', 'bottega-daily-20261203-080000.db'));
  // the live file loses its second half (a failing disk, a copy cut short)
  const bytes = readFileSync(dbPath);
  writeFileSync(dbPath, bytes.subarray(0, Math.floor(bytes.length / 2)));

  const { server, child } = await startServer(dbPath);
  try {
    for (const locale of ['en-US', 'it-IT'] as const) {
      const page = await pageIn(browser, locale);
      await page.goto(server.url);
      const screen = page.getByTestId('recovery-screen');
      await expect(screen).toBeVisible();
      await expect(screen).toContainText(locale === 'it-IT' ? 'Il file dei dati è danneggiato' : 'The data file is damaged');
      await expect(screen).toContainText('truncated');
      await expect(page.getByTestId('backups-found').locator('tbody tr')).toHaveCount(1);
      await page.getByTestId('backups-found').getByRole('radio').check();
      await expect(page.getByTestId('restore-preview-counts')).toContainText(locale === 'it-IT' ? '0 ordini' : '0 orders');
      await shot(page, testInfo, `recovery-${locale}`);
      if (locale === 'it-IT') {
        await page.getByTestId('restore-go').click();
        await page.getByTestId('restore-confirm').click();
        // reloaded on the restored file: the app itself, not the recovery screen
        await expect(page.getByTestId('nav-inventory')).toBeVisible();
        await expect(screen).toHaveCount(0);
      }
      await page.context().close();
    }
    const found = await api<{ total: number }>(server, 'catalog.searchItems', { q: 'MIELE' });
    expect(found.total).toBe(3);
    await api(server, 'catalog.createItem', { sku: 'AFTER', name: 'After the restore', kind: 'material', unit: 'kg' });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page damaged inside the file (the app opens on it): once the damage is met the window turns into the recovery screen', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'bottega-e2e-check-'));
  const dbPath = join(dir, 'bottega.db');
  addItems(dbPath, 'MIELE', 2);
  cli(dbPath, 'backup', join(dir, 'backups', 'bottega-manual-20261203-080000.db'));
  // garbage over the root page of the lots table: opening reads nothing of it; the background page check (or a screen reading lots) meets it
  const db = new Database(dbPath);
  const { root, size } = db.prepare("SELECT rootpage AS root, (SELECT page_size FROM pragma_page_size) AS size FROM sqlite_master WHERE name = 'lots'").get() as { root: number; size: number };
  db.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, (root - 1) * size);
  closeSync(fd);

  const { server, child } = await startServer(dbPath);
  try {
    const page = await pageIn(browser, 'en-US');
    await page.goto(server.url);
    await expect(page.getByTestId('recovery-screen')).toBeVisible();
    await expect(page.getByTestId('backups-found').locator('tbody tr')).toHaveCount(1);
    await page.context().close();
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Settings → Restore from a backup: choose it, see its counts, confirm, the app reopens on it', async ({ app, browser }, testInfo) => {
  const a: App = app;
  await api(a, 'system.startEmpty', {});
  for (const sku of ['OLIO', 'MIELE']) await api(a, 'catalog.createItem', { sku, name: sku, kind: 'material', unit: 'kg' });
  // a backup made beside the running app (a read: allowed while the app holds the file)
  cli(app.dbPath, 'backup');
  await api(a, 'catalog.createItem', { sku: 'LATER', name: 'Made after the backup', kind: 'material', unit: 'kg' });

  for (const locale of ['en-US', 'it-IT'] as const) {
    const page = await pageIn(browser, locale);
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/settings`);
    const card = page.getByTestId('restore-card');
    await card.scrollIntoViewIfNeeded();
    await card.locator('tr[title*="manual"]').getByRole('radio').check();
    await expect(card.getByTestId('restore-preview')).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`settings-restore-${locale}.png`) });
    if (locale === 'en-US') {
      await card.getByTestId('restore-go').click();
      await page.getByTestId('restore-confirm').click();
      await expect.poll(async () => (await api<{ total: number }>(a, 'catalog.searchItems', {})).total).toBe(2);
    }
    await page.context().close();
  }
  expect((await api<{ total: number }>(a, 'catalog.searchItems', { q: 'LATER' })).total).toBe(0);
});
