/**
 * Shipment drafts are not a dead end (issue 17 item 2): "-1" colli is refused on its field
 * and nothing is saved; a saved draft reopens as its form; confirming refusals (no
 * packages, a blocked lot) land on the fields in words, never as `packages:` keys; the
 * draft is edited (lot, packages, another destination, transport start) and confirmed,
 * and the DDT prints the other destination. The page is looked at in both languages at
 * 1366×768 and 1920×1080, with the title (DDT number) and the state badge whole at 1366.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';
import { readyOrder } from './shippingSetup';

test.use({ viewport: { width: 1366, height: 768 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

/** The page title is drawn whole (not cut by the header's buttons) and the state badge is on screen. */
async function expectHeaderWhole(page: Page) {
  const title = page.getByTestId('page-title');
  await expect(title).toBeVisible();
  const cut = await title.evaluate((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1);
  expect(cut).toBe(false);
  await expect(page.getByTestId('shipment-state')).toBeInViewport();
}

/** Screenshots of the current page at both sizes in both languages; back to Italian at 1366 after. */
async function lookAt(page: Page, app: App, testInfo: Parameters<typeof shot>[1], name: string) {
  for (const lang of ['it', 'en'] as const) {
    await api(app, 'settings.update', { language: lang });
    await page.reload();
    for (const [w, h] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await expect(page.getByTestId('shipment-state')).toHaveText(lang === 'it' ? /Bozza|Confermata/ : /Draft|Confirmed/);
      if (w === 1366) await expectHeaderWhole(page);
      await page.screenshot({ path: testInfo.outputPath(`${name}-${lang}-${w}.png`) });
    }
  }
  await api(app, 'settings.update', { language: 'it' });
  await page.reload();
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('a draft refuses -1 colli on the field, reopens editable, takes another lot and destination, and confirms with the destination on the DDT', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const { order, lots } = await readyOrder(app);
  const base = app.url.split('#')[0];

  await page.goto(`${base}#/orders/${order.id}`);
  await page.getByTestId('order-ship').click();
  await expect(page.getByTestId('pick-qty-0')).toHaveValue('10 pz');

  // "-1" colli: an error on the field, in words, and nothing saved
  await page.getByTestId('pkg-count').fill('-1');
  await page.getByTestId('shipment-save').click();
  await expect(page.getByTestId('pkg-count')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Scrivi un numero intero di colli')).toBeVisible();
  await shot(page, testInfo, 'new-minus-one-it');
  expect((await api<{ total: number }>(app, 'shipping.list', {})).total).toBe(0);
  // fixing the field clears its error at once; no colli yet is fine for a draft
  await page.getByTestId('pkg-count').fill('');
  await expect(page.getByTestId('pkg-count')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('shipment-save').click();
  await expect(page).toHaveURL(/#\/shipments\/\d+$/);
  const id = Number(page.url().split('/').pop());

  // reopened: the draft's page is its form, with what was saved
  await page.reload();
  await expect(page.getByTestId('draft-editor')).toBeVisible();
  await expect(page.getByTestId('pick-qty-0')).toHaveValue('10 pz');
  await expect(page.getByTestId('pick-qty-1')).toHaveValue('4 pz');
  await expect(page.getByTestId('pkg-count')).toHaveValue('0');
  await lookAt(page, app, testInfo, 'draft');

  // confirming needs colli: refused on the field before anything is sent
  await page.getByTestId('shipment-save-confirm').click();
  await expect(page.getByTestId('pkg-count')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Indica i colli con cui viaggia la merce')).toBeVisible();

  // a refusal only the server knows (the lot was blocked meanwhile) lands on the lot of that row
  await api(app, 'inventory.blockLot', { lotId: lots[0]!.id, reason: 'odore anomalo', by: 'QA' });
  await page.getByTestId('pkg-count').fill('2');
  await page.getByTestId('shipment-save-confirm').click();
  await expect(page.getByTestId('pick-lot-0')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(`Il lotto ${lots[0]!.code} è bloccato`)).toBeVisible();
  await expect(page.getByTestId('shipment-state')).toHaveText('Bozza');
  await expect(page.locator('body')).not.toContainText('lines.0');
  await expect(page.locator('body')).not.toContainText('packages:');
  await shot(page, testInfo, 'draft-blocked-lot-it');

  // edit: the other lot for that row, another destination, when the transport starts
  await page.getByTestId('pick-lot-0').click();
  await page.getByRole('option', { name: new RegExp(lots[1]!.code) }).click();
  await expect(page.getByTestId('pick-lot-0')).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('other-destination').check();
  await page.getByTestId('dest-name').fill('Fiera Pad. 21');
  await page.getByTestId('dest-street').fill('Viale della Fiera, 20');
  await page.getByTestId('dest-postcode').fill('40127');
  await page.getByTestId('dest-city').fill('');
  await page.getByTestId('shipment-save').click();
  await expect(page.getByTestId('dest-city')).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('dest-city').fill('Bologna');
  const start = page.getByTestId('transport-start-date');
  await start.fill('7/12/2026');
  await start.blur();
  await expect(start).toHaveValue('07/12/2026');
  await page.getByTestId('transport-start-time').fill('9.30');
  await shot(page, testInfo, 'draft-edited-it');
  await page.getByTestId('shipment-save-confirm').click();

  await expect(page.getByTestId('shipment-state')).toHaveText('Confermata');
  await expect(page.getByTestId('shipment-ddt-number')).toContainText('1/2026');
  await expect(page.getByTestId('page-title')).toHaveText('Spedizione DDT 1/2026');
  await expect(page.getByTestId('shipment-destination')).toHaveText('Viale della Fiera, 20, 40127 Bologna (BO)');
  const shipped = await api<{ transportStart: string; packageCount: number; lines: { lot: { id: number }; qtyMilli: number }[]; destination: { name: string } }>(app, 'shipping.get', { id });
  expect(shipped).toMatchObject({ transportStart: '2026-12-07T09:30', packageCount: 2, destination: { name: 'Fiera Pad. 21' } });
  expect(shipped.lines.map((l) => [l.lot.id, l.qtyMilli])).toEqual([
    [lots[1]!.id, 10_000],
    [lots[1]!.id, 4_000],
  ]);
  await lookAt(page, app, testInfo, 'confirmed');

  const ddt = await api<{ base64: string }>(app, 'shipping.ddtPdf', { shipmentId: id });
  const pdf = testInfo.outputPath('ddt.pdf');
  writeFileSync(pdf, Buffer.from(ddt.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('LUOGO DI DESTINAZIONE');
  expect(text).toContain('Viale della Fiera, 20');
  expect(text).toContain('Inizio trasporto'.toUpperCase());
  expect(text).toContain('07/12/2026 09:30');
});
