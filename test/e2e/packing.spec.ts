/**
 * The packing station on a tablet (800×1280), with a scanner: a scanner is a keyboard that
 * types the code and Enter, so the test types into the scan field what the case labels
 * carry. Those codes are read from the real case-label PDFs the app prints for the lots
 * (pdftotext of labels.lotPdf), then sent in the raw GS1 form a scanner transmits.
 * A case of a lot that is not allocated, and the lot code of an item not in the order
 * (named for the packer), are refused in red and count nothing; cases of the allocated
 * lots count up to the order (and stay counted over a reload); one case too many is
 * refused; confirming creates and confirms the shipment and shows its DDT number.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { api, shot, type App } from './helpers';

test.use({ viewport: { width: 800, height: 1280 } });

test.afterEach(async ({ context }) => {
  await context.close();
});

const GS = '\u001d';

/** A soap with a GTIN in three lots, and a confirmed order of 14 fulfilled from the two expiring first. */
async function orderToPack(app: App) {
  await api(app, 'settings.update', { company: { name: 'Saponificio Aurora S.r.l.', vatNumber: '00042420158', street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI' } });
  const soap = await api<{ id: number; gtin: string }>(app, 'catalog.createItem', { sku: 'PF-SAP-LAV', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', netWeight: '120 g', salePrice: '6,50', gtin: '4006381333931' });
  const { lots } = await api<{ lots: { id: number; code: string }[] }>(app, 'inventory.receive', {
    lines: [
      { itemId: soap.id, quantity: '10', expiresOn: '2027-03-01' },
      { itemId: soap.id, quantity: '20', expiresOn: '2027-06-01' },
      { itemId: soap.id, quantity: '12', expiresOn: '2027-09-01' },
    ],
  });
  // a cream in stock but not in the order: a box of it picked by mistake
  const cream = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-CREMA', name: 'Crema mani calendula', kind: 'product', unit: 'pcs', salePrice: '9,50' });
  const [creamLot] = (await api<{ lots: { id: number; code: string }[] }>(app, 'inventory.receive', { lines: [{ itemId: cream.id, quantity: '5', expiresOn: '2027-05-01' }] })).lots;
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria La Malva', vatNumber: '00010010155', street: 'Via Roma 1', postcode: '40121', city: 'Bologna', province: 'BO' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '14' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [order.id] });
  return { order, creamLot: creamLot!, lots: lots as [{ id: number; code: string }, { id: number; code: string }, { id: number; code: string }] };
}

/**
 * The GS1 line printed under a case label's barcode, "(02)…(17)…(37)5(10)L…", read back
 * from the label PDF; returned as the scanner sends it: AIs and values run together, a GS
 * after a variable-length value that is not the last.
 */
async function scannedCaseLabel(app: App, testInfo: TestInfo, lotId: number, unitsPerCase: number): Promise<string> {
  const pdf = await api<{ base64: string }>(app, 'labels.lotPdf', { lotId, kind: 'case', unitsPerCase, layout: 'thermal_100x150' });
  const file = testInfo.outputPath(`case-${lotId}-${unitsPerCase}.pdf`);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-raw', file, '-']).toString().replace(/\s+/g, '');
  const readable = /\(02\)\d{14}(\(\d{2}\)[^(]+)*/.exec(text)?.[0];
  expect(readable, `GS1 line on the case label of lot ${lotId}`).toBeTruthy();
  const elements = [...readable!.matchAll(/\((\d{2})\)([^(]+)/g)].map((m) => ({ ai: m[1]!, value: m[2]! }));
  return elements.map((e, i) => e.ai + e.value + (['10', '37'].includes(e.ai) && i < elements.length - 1 ? GS : '')).join('');
}

test('pack an order at tablet size by scanning case labels: a wrong lot, a lot of another item and one case too many are refused, the DDT is issued', async ({ page, app }, testInfo) => {
  await page.goto(app.url);
  await page.getByTestId('first-run-empty').click();
  await expect(page.getByTestId('nav-packing')).toBeVisible();
  const { order, lots, creamLot } = await orderToPack(app);
  const [first, second, notAllocated] = lots;
  const caseOfFirst = await scannedCaseLabel(app, testInfo, first.id, 5);
  const caseOfSecond = await scannedCaseLabel(app, testInfo, second.id, 4);
  const caseOfOther = await scannedCaseLabel(app, testInfo, notAllocated.id, 6);
  expect(caseOfFirst).toContain(`37${5}${GS}10${first.code}`);

  await page.getByTestId('nav-packing').click();
  await page.getByTestId(`pack-order-${order.number}`).click();
  const scan = page.getByTestId('pack-scan');
  await expect(scan).toBeFocused();
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('0 / 14 pz');
  await expect(page.getByTestId('pack-confirm')).toBeDisabled();
  await shot(page, testInfo, 'tablet-start');

  // a case of the lot that is not allocated: red, names what was scanned and what was expected, counts nothing
  await page.keyboard.type(caseOfOther);
  await page.keyboard.press('Enter');
  const feedback = page.getByTestId('scan-feedback');
  await expect(feedback).toHaveAttribute('data-state', 'refused');
  await expect(page.getByTestId('scan-message')).toHaveText(`Lotto sbagliato: ${notAllocated.code} di Sapone alla lavanda. Atteso: lotto ${first.code}, ${second.code}.`);
  await expect(feedback).toContainText('Niente contato');
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('0 / 14 pz');
  await shot(page, testInfo, 'tablet-wrong-lot');

  // the lot code of another item (a product label without GTIN): unknown to the order, and named
  await page.keyboard.type(creamLot.code);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-message')).toHaveText('Codice sconosciuto: non è un lotto né un articolo di questo ordine.');
  await expect(page.getByTestId('scan-identity')).toHaveText(`Il codice letto è: ${creamLot.code} · Crema mani calendula`);
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('0 / 14 pz');

  // two cases of 5 from the first lot, one of 4 from the second: the scan field keeps the focus
  for (const code of [caseOfFirst, caseOfFirst, caseOfSecond]) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(feedback).toHaveAttribute('data-state', 'ok');
  }
  await expect(page.getByTestId('scan-message')).toHaveText(`+4 pz Sapone alla lavanda · lotto ${second.code}`);
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('14 / 14 pz');
  await expect(page.getByTestId(`pack-lot-${first.code}`)).toHaveText(`${first.code} · 10/10`);

  // the tablet reloads (or the packer looks at another order): the scans are still there
  await page.reload();
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('14 / 14 pz');
  await expect(scan).toBeFocused();

  // one case more than the order: refused, still 14
  await page.keyboard.type(caseOfSecond);
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveAttribute('data-state', 'refused');
  await expect(page.getByTestId('scan-message')).toHaveText(`Troppi pezzi: il lotto ${second.code} di Sapone alla lavanda è già tutto imballato.`);
  await expect(page.getByTestId('pack-qty-PF-SAP-LAV')).toHaveText('14 / 14 pz');
  await expect(page.getByTestId('pack-progress')).toHaveText('1 di 1 righe imballate');
  await shot(page, testInfo, 'tablet-packed');

  await page.getByTestId('pack-packages').fill('2');
  await page.getByTestId('pack-confirm').click();
  await expect(page.getByTestId('packing-ddt-number')).toHaveText('Spedito: DDT 1/2026');
  await expect(page.getByTestId('packing-print-ddt')).toBeVisible();
  await expect(page.getByTestId('packing-print-labels')).toBeVisible();
  await shot(page, testInfo, 'tablet-done');

  // what left is what was scanned: 10 of the first lot, 4 of the second, in 2 packages
  const shipped = await api<{ shipments: { id: number; state: string; packageCount: number }[] }>(app, 'shipping.list', {});
  expect(shipped.shipments).toHaveLength(1);
  expect(shipped.shipments[0]).toMatchObject({ state: 'confirmed', packageCount: 2 });
  const s = await api<{ lines: { lot: { code: string }; qtyMilli: number }[] }>(app, 'shipping.get', { id: shipped.shipments[0]!.id });
  expect(s.lines.map((l) => [l.lot.code, l.qtyMilli])).toEqual([
    [first.code, 10_000],
    [second.code, 4_000],
  ]);
});
