/**
 * Issue 15's other paths on screen: a sent invoice rejected by the SdI (reason shown), its
 * data taken again with the same number and a new XML file that marks it sent; a credit
 * note for a discount (more than was invoiced refused, nothing made), issued with the next
 * number and linked both ways; an immediate invoice (TD01) from a shipped order; a draft
 * without DDT warned when the sale is older than 12 days.
 */
import type { Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { api } from './helpers';
import { expect, INVOICE_DAY, sellAndShip, test, workshop } from './invoicingSetup';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });

test('rejected and sent again with a new file, a discount credit note, TD01 from an order, a late draft warned', async ({ page, app }, testInfo) => {
  const { tiglio, malva, soap } = await workshop(app);
  await page.clock.setFixedTime(new Date(INVOICE_DAY));
  const issued = await api<{ invoices: { id: number; number: string; customerId: number }[] }>(app, 'invoicing.issueMonth', { month: '2026-11' });
  const inv = issued.invoices.find((i) => i.customerId === tiglio.id)!;
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
  await page.goto(app.url);

  // sent, then rejected by the SdI with its reason
  await page.goto(`${app.origin}/#/invoices/${inv.id}`);
  await page.getByTestId('invoice-mark-sent').click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Inviata');
  await page.getByTestId('invoice-more').click();
  await page.getByTestId('invoice-mark-rejected').click();
  await page.getByTestId('invoice-reject-dialog-reason').fill('00305: IdCodice del cessionario non valido');
  await page.getByRole('button', { name: 'Segna come scartata' }).click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Scartata');
  await expect(page.getByTestId('invoice-rejected')).toContainText('00305: IdCodice del cessionario non valido');
  await shot('invoice-rejected-it');

  // corrected: same number, issued again, then a new XML file (a new progressivo) marks it sent
  await page.getByTestId('invoice-reissue').click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Emessa');
  await expect(page.getByTestId('page-title')).toHaveText(`Fattura differita ${inv.number}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('invoice-more').click();
  await page.getByTestId('invoice-xml').click();
  const xml: Download = await download;
  expect(xml.suggestedFilename()).toMatch(/^IT\d+_[0-9A-Za-z]{1,5}\.xml$/);
  await expect(page.getByTestId('invoice-state')).toHaveText('Inviata');
  await expect(page.getByTestId('invoice-files').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('invoice-files')).toContainText(xml.suggestedFilename());

  // a credit note for a discount: above what was invoiced is refused and nothing is made
  const before = (await api<{ total: number }>(app, 'invoicing.list', {})).total;
  await page.getByTestId('invoice-more').click();
  await page.getByTestId('invoice-credit-note').click();
  await page.getByTestId('credit-note-mode').getByText('Sconto o abbuono').click();
  await page.getByTestId('credit-note-amount').fill('99999');
  await page.getByTestId('credit-note-vat').fill('22');
  await page.getByTestId('credit-note-create').click();
  await expect(page.getByTestId('credit-note-dialog')).toContainText('Più di quanto resta da stornare della fattura (210,46 € IVA compresa)');
  expect((await api<{ total: number }>(app, 'invoicing.list', {})).total).toBe(before);
  await shot('credit-note-refused-it');
  await page.getByTestId('credit-note-amount').fill('10,00');
  await page.getByTestId('credit-note-create').click();
  await expect(page.getByTestId('page-title')).toContainText('Nota di credito');
  await expect(page.getByTestId('invoice-corrects')).toContainText(inv.number);
  await page.getByTestId('invoice-issue').click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Emessa');
  await expect(page.getByTestId('page-title')).toHaveText('Nota di credito 3/2026');
  await expect(page.getByTestId('invoice-total')).toHaveText('12,20 €');
  await shot('credit-note-it');
  await page.getByTestId('invoice-corrects').click();
  await expect(page.getByText('3/2026 · 12,20 €')).toBeVisible();

  // TD01 from an order shipped today
  const order = await sellAndShip(app, malva.id, [{ itemId: soap.id, quantity: '10', unitPrice: '4,00' }]);
  await page.goto(`${app.origin}/#/orders/${order.id}`);
  await page.getByTestId('invoice-from-order').click();
  await expect(page.getByTestId('page-title')).toContainText('Fattura');
  await expect(page.getByTestId('invoice-state')).toHaveText('Bozza');
  await expect(page.getByTestId('invoice-lines')).toContainText('Sapone alla lavanda 100 g');
  await page.getByTestId('invoice-issue').click();
  await expect(page.getByTestId('page-title')).toHaveText('Fattura 4/2026');
  await shot('invoice-td01-it');

  // the scadenzario as CSV for Excel
  await page.goto(`${app.origin}/#/payments`);
  await expect(page.getByTestId('payments-table').locator('tbody tr').first()).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('payments-export').click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvPath = testInfo.outputPath(csv.suggestedFilename());
  await csv.saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8')).toContain('Bottega La Malva di Rossi');

  // a draft without DDT for a sale of 20 days ago is warned; saved, it opens as a draft
  await page.goto(`${app.origin}/#/invoices/new`);
  await page.getByTestId('invoice-new-customer').fill('Tiglio');
  await page.getByRole('option', { name: /Erboristeria Il Tiglio/ }).click();
  await page.getByTestId('invoice-new-date').fill('13/11/2026');
  await page.getByTestId('invoice-new-date').press('Enter');
  await expect(page.getByTestId('invoice-new-late')).toContainText('20 giorni');
  await page.getByTestId('invoice-new-desc-0').fill('Corso di saponificazione a freddo');
  await page.getByTestId('invoice-new-price-0').fill('150');
  await shot('invoice-new-late-it');
  await page.getByTestId('invoice-new-save').click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Bozza');
  await expect(page.getByTestId('invoice-lines')).toContainText('Corso di saponificazione a freddo');
});
