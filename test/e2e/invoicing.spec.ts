/**
 * Issue 15, as the owner does it at the end of the month: invoice the month from the
 * screen (a customer without an address is named and left out), open an invoice, mark it
 * sent, register a partial payment and watch the customer's balance change, settle the
 * rest from the scadenzario. Every screen is photographed at 1366×768 in both languages
 * (test-results/e2e/…), and nothing a user must read is cut.
 */
import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { api, type App } from './helpers';
import { expect, INVOICE_DAY, test, workshop } from './invoicingSetup';

test.use({ viewport: { width: 1366, height: 768 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });

async function useLanguage(app: App, page: Page, lang: 'it' | 'en') {
  await api(app, 'settings.update', { language: lang });
  await page.reload();
}

/** Elements whose text does not fit their box. */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.textContent} (${e.scrollWidth} > ${e.clientWidth})`));
}

test('invoice the month from the screen, open an invoice, register payments and see the customer’s balance change', async ({ page, app }, testInfo) => {
  const { tiglio, noAddress } = await workshop(app);
  await page.clock.setFixedTime(new Date(INVOICE_DAY));
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: false });
  await page.goto(app.url);
  await expect(page.getByTestId('nav-invoices')).toBeVisible();

  // the list starts empty and leads to the month run
  await page.getByTestId('nav-invoices').click();
  await expect(page.getByTestId('invoices-empty')).toBeVisible();
  await shot('invoices-empty-it');
  await page.getByTestId('invoices-empty-month').click();

  // preview: three customers, the one without an address named and left out; nothing written yet
  await page.getByTestId('invoice-month-pick').click();
  const monthName = 'novembre 2026';
  await page.getByRole('option', { name: monthName }).click();
  const preview = page.getByTestId('invoice-month-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId(`invoice-month-problems-${noAddress.id}`)).toContainText('Indirizzo: manca');
  await expect(page.getByTestId(`invoice-month-problems-${noAddress.id}`)).toContainText('CAP: manca');
  await expect(page.getByTestId('invoice-month-issue')).toHaveText('Emetti 2 fatture');
  expect((await api<{ total: number }>(app, 'invoicing.list', {})).total).toBe(0);
  await shot('invoice-month-preview-it');

  await page.getByTestId('invoice-month-issue').click();
  await expect(page.getByTestId('invoice-month-issued')).toContainText('2 fatture emesse: 1/2026, 2/2026');
  await shot('invoice-month-issued-it');

  // run again: nothing left but the customer still to fix
  await page.getByTestId('invoice-month-again').click();
  await expect(page.getByTestId('invoice-month-preview').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('invoice-month-issue')).toBeDisabled();

  // the invoice of Il Tiglio: two DDTs, lines with their DDT, two VAT rates, two instalments
  const list = await api<{ invoices: { id: number; number: string; customer: { id: number }; totalCents: number }[] }>(app, 'invoicing.list', {});
  const inv = list.invoices.find((i) => i.customer.id === tiglio.id)!;
  await page.goto(`${app.origin}/#/invoices`);
  await expect(page.getByTestId(`invoice-row-${inv.id}`)).toContainText('Erboristeria Il Tiglio');
  await shot('invoices-list-it');
  await page.getByTestId(`invoice-row-${inv.id}`).click();
  await expect(page.getByTestId('page-title')).toHaveText(`Fattura differita ${inv.number}`);
  await expect(page.getByTestId('invoice-lines').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('invoice-vat').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('invoice-instalments').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('invoice-state')).toHaveText('Emessa');
  await shot('invoice-page-it');
  await page.getByTestId('invoice-mark-sent').click();
  await expect(page.getByTestId('invoice-state')).toHaveText('Inviata');

  // the courtesy PDF opens in a tab: a real PDF whose text carries the number and the customer
  // (the CSP keeps the page from reading its own blob back: the answer the click received is the file the tab shows)
  const [popup, answer] = await Promise.all([page.waitForEvent('popup'), page.waitForResponse((r) => r.url().endsWith('/api/invoicing.pdf')), page.getByTestId('invoice-pdf').click()]);
  expect(popup.url()).toMatch(/^blob:/);
  const pdf = Buffer.from(((await answer.json()) as { data: { base64: string } }).data.base64, 'base64');
  const pdfPath = testInfo.outputPath('invoice.pdf');
  writeFileSync(pdfPath, pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
  expect(pdfText).toContain(inv.number);
  expect(pdfText).toContain('Erboristeria Il Tiglio');
  await popup.close();

  // the customer owes the whole total; a partial payment on the first instalment lowers it
  const money = (cents: number) => new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  await page.goto(`${app.origin}/#/customers/${tiglio.id}`);
  await expect(page.getByTestId('customer-balance-open')).toHaveText(money(inv.totalCents));
  await shot('customer-balance-it');

  await page.goto(`${app.origin}/#/invoices/${inv.id}`);
  await page.getByTestId('instalment-pay-1').click();
  await page.getByTestId('payment-amount').fill('50,00');
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('payment-dialog')).toBeHidden();
  await expect(page.getByTestId('invoice-payments')).toContainText(money(5000));
  await expect(page.getByTestId('invoice-due')).toHaveText(money(inv.totalCents - 5000));
  // more than what is left is refused under the field, before anything is sent
  await page.getByTestId('instalment-pay-1').click();
  await page.getByTestId('payment-amount').fill('99999');
  await expect(page.getByTestId('payment-dialog')).toContainText('Più del residuo');
  await expect(page.getByTestId('payment-save')).toBeDisabled();
  await page.keyboard.press('Escape');

  await page.goto(`${app.origin}/#/customers/${tiglio.id}`);
  await expect(page.getByTestId('customer-balance-open')).toHaveText(money(inv.totalCents - 5000));

  // the scadenzario: settle the rest of the first instalment from its row
  await page.goto(`${app.origin}/#/payments`);
  await expect(page.getByTestId('payments-table')).toContainText('Erboristeria Il Tiglio');
  await shot('payments-it');
  const rows = await api<{ instalments: { id: number; invoiceId: number; position: number; dueCents: number }[] }>(app, 'invoicing.instalments', { state: 'open', customerId: tiglio.id });
  const first = rows.instalments.find((r) => r.invoiceId === inv.id && r.position === 1)!;
  await page.getByTestId(`scadenza-pay-${first.id}`).click();
  await page.getByTestId('payment-save').click();
  await expect(page.getByTestId('payment-dialog')).toBeHidden();
  await expect(page.getByTestId(`scadenza-${first.id}`)).toHaveCount(0);
  await page.goto(`${app.origin}/#/customers/${tiglio.id}`);
  await expect(page.getByTestId('customer-balance-open')).toHaveText(money(inv.totalCents - 5000 - first.dueCents));

  // export for the accountant: the month's ZIP (one XML per invoice) and the register, downloaded; the issued invoice becomes sent
  await page.goto(`${app.origin}/#/invoices`);
  await page.getByTestId('invoices-export').click();
  await page.getByTestId('invoices-export-month').click();
  await page.getByRole('option', { name: monthName }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('invoices-export-run').click();
  await expect(page.getByTestId('invoices-export-done')).toContainText('2 fatture esportate');
  await expect.poll(() => downloads.length).toBe(1);
  await shot('invoices-exported-it');
  await page.getByTestId('invoices-export-register').click();
  await expect.poll(() => downloads.length).toBe(2);
  await page.getByTestId('invoices-export-close').click();
  const zip = downloads.find((d) => d.suggestedFilename().endsWith('.zip'))!;
  const zipPath = testInfo.outputPath(zip.suggestedFilename());
  await zip.saveAs(zipPath);
  const entries = Object.keys(unzipSync(readFileSync(zipPath)));
  expect(entries.filter((n) => /^IT[A-Z0-9]+_[A-Za-z0-9]{1,5}\.xml$/.test(n))).toHaveLength(2);
  expect(downloads.some((d) => d.suggestedFilename().endsWith('.csv'))).toBe(true);
  const other = list.invoices.find((i) => i.id !== inv.id)!;
  await page.goto(`${app.origin}/#/invoices/${other.id}`);
  await expect(page.getByTestId('invoice-state')).toHaveText('Inviata');
  await expect(page.getByTestId('invoice-files').locator('tbody tr')).toHaveCount(1);
  await shot('invoice-exported-it');

  // La Malva pays on the invoice date (30 November): overdue on 3 December, so the order editor warns (threshold 0 €)
  await page.goto(`${app.origin}/#/invoices`);
  await page.getByTestId('invoices-filter-overdue').click();
  await expect(page.getByTestId('invoices-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('invoices-table')).toContainText('Bottega La Malva di Rossi');
  await page.goto(`${app.origin}/#/orders/new`);
  await page.getByTestId('order-customer').fill('Malva');
  await page.getByRole('option', { name: /Bottega La Malva di Rossi/ }).click();
  await expect(page.getByTestId('overdue-warning')).toContainText(`Bottega La Malva di Rossi ha ${money(other.totalCents)} di fatture scadute`);
  await shot('order-overdue-warning-it');
  await page.getByTestId('order-customer').fill('Tiglio');
  // "no warning" only once the customer's balance has arrived
  const tiglioBalance = page.waitForResponse((r) => r.url().endsWith('/api/invoicing.customerBalance'));
  await page.getByRole('option', { name: /Erboristeria Il Tiglio/ }).click();
  await tiglioBalance;
  await expect(page.getByTestId('overdue-warning')).toHaveCount(0);
  // raised above La Malva's overdue amount in Settings, the warning goes
  await page.goto(`${app.origin}/#/settings`);
  await page.getByTestId('settings-overdue-warn').fill('500,00');
  await page.getByTestId('settings-invoicing-save').click();
  await expect(page.getByText('Impostazioni delle fatture salvate')).toBeVisible();
  await page.getByTestId('invoicing-settings').scrollIntoViewIfNeeded();
  await shot('settings-invoicing-it');
  await page.goto(`${app.origin}/#/orders/new`);
  await page.getByTestId('order-customer').fill('Malva');
  const malvaBalance = page.waitForResponse((r) => r.url().endsWith('/api/invoicing.customerBalance'));
  await page.getByRole('option', { name: /Bottega La Malva di Rossi/ }).click();
  expect(((await (await malvaBalance).json()) as { data: { overdueCents: number } }).data.overdueCents).toBe(other.totalCents);
  await expect(page.getByTestId('overdue-warning')).toHaveCount(0);

  // every screen in English too, and nothing a user must read is cut at 1366
  for (const lang of ['it', 'en'] as const) {
    await useLanguage(app, page, lang);
    await page.goto(`${app.origin}/#/invoices`);
    await expect(page.getByTestId(`invoice-row-${inv.id}`)).toBeVisible();
    expect(await cutTexts(page, '[data-testid="invoices-table"] th'), `${lang}: invoice headers cut`).toEqual([]);
    await shot(`invoices-list-${lang}`);
    await page.goto(`${app.origin}/#/invoices/${inv.id}`);
    await expect(page.getByTestId('invoice-lines')).toBeVisible();
    await shot(`invoice-page-${lang}`);
    await page.goto(`${app.origin}/#/invoices/month`);
    await expect(page.getByTestId('invoice-month-pick')).toBeVisible();
    await shot(`invoice-month-${lang}`);
    await page.goto(`${app.origin}/#/payments`);
    await expect(page.getByTestId('payments-table')).toBeVisible();
    expect(await cutTexts(page, '[data-testid="payments-table"] th'), `${lang}: payment headers cut`).toEqual([]);
    await shot(`payments-${lang}`);
    await page.goto(`${app.origin}/#/customers/${tiglio.id}`);
    await expect(page.getByTestId('customer-balance')).toBeVisible();
    await shot(`customer-${lang}`);
    await page.goto(`${app.origin}/#/invoices/new`);
    await expect(page.getByTestId('invoice-new-lines')).toBeVisible();
    await shot(`invoice-new-${lang}`);
    await page.goto(`${app.origin}/#/settings`);
    await page.getByTestId('fiscal-settings').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('fiscal-iban')).toHaveValue('IT60X0542811101000000123456');
    await shot(`settings-fiscal-${lang}`);
  }
});
