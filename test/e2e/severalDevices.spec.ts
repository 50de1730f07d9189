/**
 * Several people at once (issue 20), two browser pages on one server standing for two
 * devices: both open the same order's editor, A saves first, B's save is refused with
 * "Modificato da … alle … — ricarica" and Reload shows A's change; a list open on B
 * refreshes by itself when A creates something (the change feed). Looked at in Italian
 * and English at 1366×768.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.use({ viewport: { width: 1366, height: 768 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

/** A second device: its own browser context (its own tab storage and token). */
async function secondDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });
  return context.newPage();
}

test('two devices edit the same order: the second is told who changed it and when, and Reload shows the first one’s change', async ({ page, app, browser }, testInfo) => {
  await api(app, 'settings.update', { language: 'it', initialized: true });
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria La Malva' });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'SAP-LAV', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '4,50' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '12' }] });
  const pageB = await secondDevice(browser);

  await page.goto(`${app.url}#/orders/${order.id}/edit`);
  await pageB.goto(`${app.url}#/orders/${order.id}/edit`);
  await expect(page.getByTestId('order-notes')).toHaveValue('');
  await expect(pageB.getByTestId('order-notes')).toHaveValue('');

  await page.getByTestId('order-notes').fill('Consegna al mattino');
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-edit')).toBeVisible();

  await pageB.getByTestId('order-notes').fill('Consegna il pomeriggio');
  await pageB.getByTestId('order-save').click();
  const alert = pageB.getByTestId('version-conflict');
  const who = (await api<{ rows: { actor: { name: string } }[] }>(app, 'audit.document', { doc: `orders/${order.id}`, limit: 1 })).rows[0]!.actor.name;
  await expect(alert).toContainText(`Modificato da ${who} alle `);
  await expect(alert).toContainText('— ricarica');
  // B's typing is still on screen until B reloads
  await expect(pageB.getByTestId('order-notes')).toHaveValue('Consegna il pomeriggio');
  await shot(pageB, testInfo, 'order-conflict-it');

  await pageB.getByTestId('version-conflict-reload').click();
  await expect(pageB.getByTestId('order-notes')).toHaveValue('Consegna al mattino');
  await expect(pageB.getByTestId('version-conflict')).toHaveCount(0);
  // and now B's save, made on what A saved, goes through
  await pageB.getByTestId('order-notes').fill('Consegna al mattino, citofono Rossi');
  await pageB.getByTestId('order-save').click();
  await expect(pageB.getByTestId('order-edit')).toBeVisible();
  expect((await api<{ notes: string }>(app, 'orders.get', { id: order.id })).notes).toBe('Consegna al mattino, citofono Rossi');

  // the same refusal in English
  await api(app, 'settings.update', { language: 'en' });
  await page.goto(`${app.url}#/orders/${order.id}/edit`);
  await pageB.goto(`${app.url}#/orders/${order.id}/edit`);
  await expect(pageB.getByTestId('order-notes')).toHaveValue('Consegna al mattino, citofono Rossi');
  await page.getByTestId('order-notes').fill('A');
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-edit')).toBeVisible();
  await pageB.getByTestId('order-notes').fill('B');
  await pageB.getByTestId('order-save').click();
  await expect(pageB.getByTestId('version-conflict')).toContainText(`Changed by ${who} at `);
  await shot(pageB, testInfo, 'order-conflict-en');
  await pageB.context().close();
});

test('a list open on one device shows what another device creates, without reloading', async ({ page, app, browser }) => {
  await api(app, 'system.startEmpty', {});
  await api(app, 'settings.update', { language: 'it' });
  await api(app, 'parties.createCustomer', { name: 'Erboristeria La Malva' });
  const pageB = await secondDevice(browser);
  await pageB.goto(`${app.url}#/customers`);
  await expect(pageB.getByTestId('parties-table')).toContainText('Erboristeria La Malva');

  await page.goto(`${app.url}#/customers`);
  await page.getByTestId('party-new').click();
  await page.getByTestId('party-form-name').fill('Forno Verdi snc');
  await page.getByTestId('party-save').click();
  await expect(page.getByTestId('party-archive')).toBeVisible();

  // B did nothing: the change feed brings A's new customer into B's open list
  await expect(pageB.getByTestId('parties-table')).toContainText('Forno Verdi snc');
  await pageB.context().close();
});
