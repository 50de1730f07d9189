/**
 * Screens changed for issue 17 (items 6 and 7), at 1366×768 in Italian and English:
 * the schedule (hours = the day's batches, overload badge, overdue batch in red) and the
 * page of an expired lot (Expired badge, 0 available).
 */
import Database from 'better-sqlite3';
import { addDays, localDate } from '../../src-shared/domain/dates';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test('schedule and expired lot, Italian and English', async ({ page, app }, testInfo) => {
  const today = localDate(new Date());
  const wax = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'CERA', name: 'Cera di soia', kind: 'material', unit: 'kg', unitCost: '6,00' });
  const candle = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'CAND', name: 'Candela alla lavanda', kind: 'product', unit: 'pcs' });
  await api(app, 'catalog.saveRecipe', { itemId: candle.id, yield: '10', batchMinutes: 90, components: [{ itemId: wax.id, quantity: '1 kg', scrapPct: null }] });
  const lots = await api<{ lots: { id: number }[] }>(app, 'inventory.receive', { lines: [{ itemId: wax.id, quantity: '100 kg', expiresOn: addDays(today, 30) }] });
  await api(app, 'production.create', { itemId: candle.id, batches: 1, plannedOn: addDays(today, -1) });
  // more than a day holds, on the next Wednesday (a working day whatever today is)
  let busy = addDays(today, 1);
  while (new Date(`${busy}T12:00:00Z`).getUTCDay() !== 3) busy = addDays(busy, 1);
  await api(app, 'production.create', { itemId: candle.id, batches: 7, plannedOn: busy });
  // the lot expired yesterday: written straight into the file (the app refuses to receive an expired lot)
  const db = new Database(app.dbPath);
  db.prepare('UPDATE lots SET expires_on = ? WHERE id = ?').run(addDays(today, -1), lots.lots[0]!.id);
  db.close();

  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(`${app.url}`);
    await page.goto(`${app.origin}/#/planning`);
    await page.getByTestId('planning-tab-schedule').click();
    // yesterday's batch is marked late; the busy Wednesday shows its overload
    await expect(page.getByTestId('schedule').locator('[data-late="yes"]').filter({ hasText: 'P2026/0001' }).first()).toBeVisible();
    await expect(page.getByTestId(`schedule-day-${busy}`)).toHaveAttribute('data-overload', 'yes');
    await shot(page, testInfo, `schedule-${lang}`);

    await page.goto(`${app.origin}/#/inventory/lots/${lots.lots[0]!.id}`);
    await expect(page.getByTestId('lot-status')).toHaveAttribute('data-status', 'expired');
    await expect(page.getByTestId('lot-status')).toHaveText(lang === 'it' ? 'Scaduto' : 'Expired');
    await shot(page, testInfo, `lot-expired-${lang}`);
  }
});
