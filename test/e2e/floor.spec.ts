/**
 * Issue 20, the production-floor screen on a tablet (800×1280) with a scanner — which
 * types the code and presses Enter — on the demo workshop: open a released batch, a lot
 * of another material is refused (nothing recorded), a fresh lot of one material is
 * accepted as a substitute, every other reserved lot ticks off, the quantity made is typed,
 * start, complete → the new lot is shown and its product labels are made. Every code
 * comes from the data the demo wrote.
 */
import { expect, test } from './fixtures';
import { api, shot } from './helpers';

test.use({ viewport: { width: 800, height: 1280 } });
// the demo workshop is loaded first (seconds on a busy machine)
test.setTimeout(120_000);

test.afterEach(async ({ context }) => {
  await context.close();
});

interface Po {
  id: number;
  number: string;
  status: string;
  item: { id: number; unit: string };
  plannedQtyMilli: number;
  components: { item: { id: number; sku: string; kind: string; unit: string }; reservations: { lotId: number; lotCode: string; qtyMilli: number }[] }[];
  outputLot: { code: string } | null;
  actualQtyMilli: number | null;
  consumed: { lotCode: string; qtyMilli: number }[];
}
interface FoundLot {
  code: string;
  item: { id: number };
}

test('floor: a released batch scanned lot by lot — wrong material refused, a substitute accepted, output typed, completed with its new lot and labels', async ({ page, app }, testInfo) => {
  await api(app, 'system.loadDemo', { seed: 1 });
  await api(app, 'settings.update', { language: 'it' });
  const { orders } = await api<{ orders: { id: number }[] }>(app, 'production.list', { statuses: ['released'] });
  expect(orders.length).toBeGreaterThan(0);
  const po = await api<Po>(app, 'production.get', { id: orders[0]!.id });
  const reserved = po.components.flatMap((c) => c.reservations.map((r) => ({ ...r, itemId: c.item.id })));
  expect(reserved.length).toBeGreaterThan(1);

  // a lot of an item this batch does not use, found by the first letters the demo's lot codes share
  const { lots } = await api<{ lots: FoundLot[] }>(app, 'inventory.findLots', { q: reserved[0]!.lotCode.slice(0, 1), limit: 100 });
  const wrong = lots.find((l) => !po.components.some((c) => c.item.id === l.item.id))!;
  expect(wrong).toBeDefined();

  // a fresh lot of a bought material of the batch, not reserved: the substitute for its first reserved lot
  const comp = po.components.find((c) => c.item.kind !== 'product' && c.reservations.length > 0) ?? po.components[0]!;
  const replaced = comp.reservations[0]!;
  const received = await api<{ lots: { code: string }[] }>(app, 'inventory.receive', {
    lines: [{ itemId: comp.item.id, quantity: `${Math.ceil(replaced.qtyMilli / 1000) + 1} ${comp.item.unit}`, expiresOn: '2030-01-31' }],
  });
  const substitute = received.lots[0]!.code;

  await page.goto(app.url);
  await page.getByTestId('nav-floor').click();
  const row = page.getByTestId('floor-active').getByTestId(`floor-row-${po.number}`);
  await expect(row).toBeVisible();
  await shot(page, testInfo, 'floor-1-list');
  await row.click();
  await expect(page.getByTestId('floor-number')).toHaveText(po.number);
  await expect(page.getByTestId('floor-scan-input')).toBeFocused();
  await expect(page.getByTestId('floor-progress')).toHaveText(`0 di ${reserved.length} lotti spuntati`);

  const scan = async (code: string) => {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
  };

  // the wrong lot: a red refusal naming it, no row for it, nothing ticked
  await scan(wrong.code);
  const refused = page.getByTestId('floor-scan-refused');
  await expect(refused).toContainText('niente è stato registrato');
  await expect(refused).toContainText(`Il lotto ${wrong.code} è`);
  await expect(refused).toContainText('questa produzione non lo usa');
  await expect(page.getByTestId(`floor-lot-${wrong.code}`)).toHaveCount(0);
  await expect(page.getByTestId('floor-progress')).toHaveText(`0 di ${reserved.length} lotti spuntati`);
  await shot(page, testInfo, 'floor-2-refused');

  // the unreserved lot of the right material: refused as scanned, offered as a substitute
  await scan(substitute);
  await expect(refused).toContainText(`Il lotto ${substitute}`);
  await expect(page.getByTestId('floor-use-substitute')).toHaveText(`Usa ${substitute} al posto di ${replaced.lotCode}`);
  await page.getByTestId('floor-use-substitute').click();
  await expect(page.getByTestId('floor-scan-info')).toContainText(substitute);
  await expect(page.getByTestId(`floor-lot-${substitute}`)).toHaveAttribute('data-ticked', 'yes');
  await expect(page.getByTestId('floor-scan-input')).toBeFocused();

  // every other reserved lot, as the scanner reads it
  for (const r of reserved.filter((x) => x.lotId !== replaced.lotId)) {
    await scan(r.lotCode);
    await expect(page.getByTestId('floor-scan-ok')).toContainText(`Lotto ${r.lotCode}`);
    await expect(page.getByTestId(`floor-lot-${r.lotCode}`)).toHaveAttribute('data-ticked', 'yes');
  }
  await expect(page.getByTestId('floor-progress')).toHaveText(`${reserved.length} di ${reserved.length} lotti spuntati`);
  await expect(page.getByTestId(`floor-lot-${replaced.lotCode}`)).toHaveAttribute('data-ticked', 'no');
  await shot(page, testInfo, 'floor-3-all-ticked');

  // one piece (or unit) less than planned
  const made = po.plannedQtyMilli / 1000 - 1;
  await page.getByTestId('floor-output').fill(String(made));
  await expect(page.getByTestId('floor-variance')).toContainText('-');
  await page.getByTestId('floor-start').click();
  await expect(page.getByTestId('floor-status')).toHaveText('In corso');
  await page.getByTestId('floor-complete').click();
  const lot = page.getByTestId('floor-done-lot');
  await expect(lot).toBeVisible();
  await shot(page, testInfo, 'floor-4-done');

  const after = await api<Po>(app, 'production.get', { id: po.id });
  expect(after.status).toBe('completed');
  await expect(lot).toHaveText(after.outputLot!.code);
  expect(after.actualQtyMilli).toBe(made * 1000);
  // the substitute gave what the replaced lot was reserved for; the replaced lot gave nothing
  expect(after.consumed.find((c) => c.lotCode === substitute)?.qtyMilli).toBe(replaced.qtyMilli);
  expect(after.consumed.some((c) => c.lotCode === replaced.lotCode)).toBe(false);
  expect(after.consumed.some((c) => c.lotCode === wrong.code)).toBe(false);

  // the product labels of the new lot: one per piece made
  await page.getByTestId('floor-print-labels').click();
  await page.getByTestId('labels-preview').click();
  await expect(page.getByTestId('labels-frame')).toBeVisible();
  await expect(page.getByTestId('labels-summary')).toContainText(`${made} etichette`);
});
