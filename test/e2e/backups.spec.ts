/**
 * Backups as a careful user sets them up: the dashboard warns that the backups sit on the
 * database's own disk; Settings → Backups: a folder on another disk, "Back up now", the
 * backup listed as verified with its counts; back on the dashboard the warning is gone.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

let external: string;
test.beforeEach(() => {
  // /dev/shm is a tmpfs here: another device than the database's disk
  external = mkdtempSync('/dev/shm/bottega-e2e-backups-');
});
test.afterEach(async ({ context }) => {
  await context.close();
  rmSync(external, { recursive: true, force: true });
});

test('dashboard warns of backups on the same disk; a folder on another disk, back up now, verified in the list, warning gone', async ({ page, app }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-inventory')).toBeVisible();
  await api(app, 'settings.update', { language: 'it' });
  await api(app, 'catalog.createItem', { sku: 'MIELE', name: 'Miele millefiori', kind: 'material', unit: 'kg' });
  await page.goto(`${app.origin}/#/`);
  await page.reload();
  const warning = page.getByTestId('backup-warning');
  await expect(warning).toContainText('stesso disco');
  await shot(page, testInfo, 'dashboard-warning-it');

  // Settings → Backups: a relative path is refused at the field
  await page.getByTestId('backup-warning-open').click();
  const card = page.getByTestId('backups-card');
  await card.scrollIntoViewIfNeeded();
  await card.getByTestId('backups-folder').fill('copie');
  await card.getByTestId('backups-save').click();
  await expect(card).toContainText('Serve il percorso completo');
  // the folder on the other disk
  await card.getByTestId('backups-folder').fill(external);
  await card.getByTestId('backups-time').fill('21:15');
  await card.getByTestId('backups-save').click();
  await expect.poll(async () => (await api<{ folder: string | null; time: string }>(app, 'backups.settings', {})).folder).toBe(external);
  expect((await api<{ time: string }>(app, 'backups.settings', {})).time).toBe('21:15');
  await card.getByTestId('backups-run-now').click();
  await expect(card.getByTestId('backup-list')).toBeVisible();
  await expect(card.getByTestId('backup-check-ok')).toHaveCount(1);
  await expect(card.getByTestId('backup-list')).toContainText('manuale');
  await expect(card.getByTestId('backup-list')).toContainText('0 ordini · 0 lotti · 0 DDT');
  expect(readdirSync(external).filter((f) => f.endsWith('.db'))).toEqual([expect.stringMatching(/^bottega-manual-\d{8}-\d{6}\.db$/)]);
  await card.screenshot({ path: testInfo.outputPath('backups-card-it.png') });

  // the same card in English
  await api(app, 'settings.update', { language: 'en' });
  await page.reload();
  await page.getByTestId('backups-card').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('backups-card')).toContainText('Automatic backups');
  await expect(page.getByTestId('backup-check-ok')).toHaveText('Intact');
  await page.getByTestId('backups-card').screenshot({ path: testInfo.outputPath('backups-card-en.png') });

  // recent, and off the database's disk: nothing to warn about
  await page.goto(`${app.origin}/#/`);
  await expect(page.getByTestId('today-tiles')).toBeVisible();
  await expect(page.getByTestId('backup-warning')).toHaveCount(0);
  await shot(page, testInfo, 'dashboard-no-warning-en');
});
