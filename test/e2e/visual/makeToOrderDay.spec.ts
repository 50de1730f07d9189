/**
 * The visual regression set (issue 17, "Also"): the make-to-order day's screens of the demo
 * workshop at 1366×768, Italian and English, compared with the baselines committed next to
 * this file (baselines/). Deterministic by construction: the server's clock is stopped at
 * one instant (fixedClock.mjs) so the demo and "today" are the same on every run, the
 * browser's clock is the same instant, fonts are forced to DejaVu (fixedFonts.css),
 * animations are off and the caret hidden. A small tolerance absorbs anti-aliasing.
 *
 * When a screen changes on purpose, or the system Chromium does: `npm run test:visual:update`
 * (builds, rewrites the baselines), look at the new PNGs and commit them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type BottegaServer } from '../fixtures';
import { api } from '../helpers';

/** A Wednesday morning in Rome: a working day, with a week of schedule on both sides. */
const NOW = '2026-03-11T09:30:00+01:00';
const here = fileURLToPath(new URL('.', import.meta.url));

const test = base.extend<{ app: BottegaServer }>({
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'bottega-visual-'));
    const { server, child } = await startServer(join(dir, 'bottega.db'), {
      nodeArgs: ['--import', join(here, 'fixedClock.mjs')],
      env: { BOTTEGA_FIXED_NOW: NOW, TZ: 'Europe/Rome' },
    });
    await use(server);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  },
});

test.use({ viewport: { width: 1366, height: 768 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });

test.afterEach(async ({ context }) => {
  await context.close();
});

/** Nothing still loading: no skeleton, no spinner. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Skeleton-root, .mantine-Loader-root')).toHaveCount(0);
}

async function snap(page: Page, name: string): Promise<void> {
  await settled(page);
  // the pointer away from every row, so no hover state is in the picture
  await page.mouse.move(0, 767);
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true });
}

test('the make-to-order day at 1366×768 looks as in the baselines, Italian and English', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date(NOW));
  await api(app, 'system.loadDemo', { seed: 1 });
  const orders = await api<{ orders: { id: number; number: string; status: string }[] }>(app, 'orders.list', { q: '' });
  const order = orders.orders.find((o) => o.status === 'materials_short' || o.status === 'waiting' || o.status === 'in_production')!;
  const production = await api<{ orders: { id: number; status: string; orderNumbers: string[] }[] }>(app, 'production.list', { q: '', statuses: ['planned', 'released'] });
  const po = production.orders.find((p) => p.orderNumbers.length > 0) ?? production.orders[0]!;
  const shipments = await api<{ shipments: { id: number }[] }>(app, 'shipping.list', { q: '' });
  const shipment = await api<{ id: number; lines: { lot: { code: string } }[] }>(app, 'shipping.get', { id: shipments.shipments[0]!.id });
  const kit = (await api<{ recipes: { item: { id: number } }[] }>(app, 'catalog.listRecipes', { q: 'PF-KIT-TRIS' })).recipes[0]!;

  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/orders`);
    await expect(page.getByTestId('orders-table').locator('tbody tr').nth(5)).toBeVisible();
    await snap(page, `orders-${lang}`);

    await page.goto(`${app.origin}/#/orders/${order.id}`);
    await expect(page.getByTestId('order-lines')).toBeVisible();
    await snap(page, `order-${lang}`);

    await page.goto(`${app.origin}/#/production/${po.id}`);
    await expect(page.getByTestId('po-components')).toBeVisible();
    await snap(page, `production-order-${lang}`);

    await page.goto(`${app.origin}/#/shipments/${shipment.id}`);
    await expect(page.getByTestId('shipment-ddt-number')).toBeVisible();
    await snap(page, `shipment-${lang}`);

    await page.goto(`${app.origin}/#/traceability?lot=${encodeURIComponent(shipment.lines[0]!.lot.code)}&dir=both`);
    await expect(page.getByTestId('trace-shipments')).toBeVisible();
    await snap(page, `trace-${lang}`);

    await page.goto(`${app.origin}/#/planning?tab=schedule`);
    await expect(page.getByTestId('schedule')).toBeVisible();
    await snap(page, `schedule-${lang}`);

    await page.goto(`${app.origin}/#/recipes/${kit.item.id}`);
    await expect(page.getByTestId('explosion-tree')).toBeVisible();
    await snap(page, `recipe-${lang}`);
  }
});
