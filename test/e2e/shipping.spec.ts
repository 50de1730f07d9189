/**
 * Shipping as a person does it: a ready order → "Ship" on the order page → the new
 * shipment proposes the allocated lots → packages and carrier → save and confirm → the
 * DDT number → print the DDT (a new tab with the PDF, read back with pdftotext) → a
 * return of part of a line back to stock → the order and the shipment show it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { api, shot } from './helpers';
import { readyOrder } from './shippingSetup';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('ship a ready order, print its DDT, register a return', async ({ page, app, context }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-orders')).toBeVisible();
  const { order, lots } = await readyOrder(app);

  await page.goto(`${app.url.split('#')[0]}#/orders/${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText(/Pronto/);
  await page.getByTestId('order-ship').click();

  // the proposal: 10 from the lot expiring first, 4 from the next
  await expect(page.getByTestId(`ready-order-${order.number}`)).toBeChecked();
  await expect(page.getByTestId('pick-qty-0')).toHaveValue('10 pz');
  await expect(page.getByTestId('pick-qty-1')).toHaveValue('4 pz');
  await page.getByTestId('pkg-count').fill('2');
  await page.getByTestId('pkg-tare').fill('0,3');
  await page.getByTestId('carrier').fill('BRT');
  await page.getByTestId('tracking').fill('BRT0042');
  await shot(page, testInfo, 'new-shipment');
  await page.getByTestId('shipment-save-confirm').click();

  await expect(page.getByTestId('shipment-state')).toHaveText('Confermata');
  await expect(page.getByTestId('shipment-ddt-number')).toContainText('1/2026');
  await expect(page.getByTestId('shipment-packages')).toContainText('2 colli');
  await shot(page, testInfo, 'shipment-confirmed');

  // print: the DDT opens in a new tab as a PDF
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByTestId('shipment-ddt').click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/^blob:/);
  await tab.screenshot({ path: testInfo.outputPath('ddt-tab.png') });
  // the tab shows the stored DDT; the same document, read back through the door
  const ddt = await api<{ base64: string; savedPath: string | null }>(app, 'shipping.ddtPdf', { shipmentId: Number(page.url().split('/').pop()) });
  expect(ddt.savedPath).toMatch(/documents[\\/][^\\/]+[\\/]DDT[\\/]DDT-2026-00001\.pdf$/);
  const pdf = testInfo.outputPath('ddt.pdf');
  writeFileSync(pdf, Buffer.from(ddt.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const expected of ['Documento di trasporto', 'N. 1/2026', 'Erboristeria La Malva', lots[0]!.code, lots[1]!.code, 'BRT', 'PESO LORDO', '2,28 kg']) expect(text).toContain(expected);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, testInfo.outputPath('ddt')]);
  await tab.close();

  // a return: 3 soaps of the first lot back to stock
  // secondary actions live in the ⋯ menu (the title and DDT number keep their room at 1366 px)
  await page.getByTestId('shipment-more').click();
  await page.getByTestId('shipment-return').click();
  await page.getByTestId('return-qty-0').fill('3');
  await page.getByTestId('return-reason').fill('Confezioni schiacciate');
  await shot(page, testInfo, 'return-dialog');
  await page.getByTestId('return-submit').click();
  await expect(page.getByTestId('shipment-returns')).toContainText('Confezioni schiacciate');
  await expect(page.getByTestId('shipment-page-lines')).toContainText('Reso 3 pz');

  // the order shows it has gone, and what came back
  await page.goto(`${app.url.split('#')[0]}#/orders/${order.id}`);
  await expect(page.getByTestId('order-status')).toHaveText(/Spedito/);
  await expect(page.getByTestId('order-shipments')).toContainText('DDT 1/2026');
  await expect(page.getByTestId('order-shipments')).toContainText('Reso 3 pz');
  await shot(page, testInfo, 'order-shipped');

  // the list
  await page.getByTestId('nav-shipments').click();
  await expect(page.getByTestId('shipment-list')).toContainText('Erboristeria La Malva');
  await expect(page.getByTestId('shipment-list')).toContainText('Reso');
  await shot(page, testInfo, 'shipments-list');
});
