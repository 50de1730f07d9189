import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { tempDir } from '../../support/tempDir';
import { validPartitaIva } from '../../builders';

/**
 * A workshop for invoicing tests: a real SQLite file, a clock the test moves (DDTs take the
 * day they are confirmed), the company's fiscal data, and a way to sell and ship goods.
 */
export interface Shop {
  app: BottegaApp;
  setDay: (iso: string) => void;
  cleanup: () => void;
}

export function openShop(day = '2026-03-02'): Shop {
  const t = tempDir();
  let now = new Date(`${day}T09:00:00.000Z`);
  const app = createApp(t.dbPath, { now: () => now });
  fillFiscalCompany(app);
  return {
    app,
    setDay: (iso) => (now = new Date(`${iso}T09:00:00.000Z`)),
    cleanup: () => {
      // a test may have closed it already, to hand the file to a CLI process
      if (app.ctx.sqlite.open) app.close();
      t.cleanup();
    },
  };
}

export function fillFiscalCompany(app: BottegaApp): void {
  app.call('settings.update', {
    company: {
      name: 'Saponificio Aurora S.r.l.',
      vatNumber: validPartitaIva(4242),
      street: 'Via dei Mulini, 12',
      postcode: '50136',
      city: 'Firenze',
      province: 'FI',
      email: 'ordini@aurora.example',
      regimeFiscale: 'RF01',
      reaOffice: 'FI',
      reaNumber: '123456',
      iban: 'IT60X0542811101000000123456',
      bankName: 'Banca di Firenze',
    },
  });
}

let n = 0;
export function aB2bCustomer(app: BottegaApp, name = `Erboristeria ${++n}`, extra: Record<string, unknown> = {}) {
  return app.call('parties.createCustomer', {
    name,
    vatNumber: validPartitaIva(5000 + ++n),
    street: 'Via Roma, 1',
    postcode: '20121',
    city: 'Milano',
    province: 'MI',
    sdiCode: 'ABC1234',
    ...extra,
  });
}

let sku = 0;
/** A product with stock in one released lot. */
export function aStockedProduct(app: BottegaApp, opts: { kind?: 'product' | 'service'; qty?: string } = {}) {
  const item = app.call('catalog.createItem', { sku: `P-${++sku}`, name: `Prodotto ${sku}`, kind: opts.kind ?? 'product', unit: 'pcs' });
  if ((opts.kind ?? 'product') === 'product') app.call('inventory.receive', { lines: [{ itemId: item.id, quantity: opts.qty ?? '1000', expiresOn: '2030-01-01' }] });
  return item;
}

type Line = { itemId: number; quantity: string; unitPrice: string; discountPct?: string; vatPct?: string };

/** An order confirmed and fulfilled, then shipped whole (goods lines) with the causale given: returns the order and the shipment. */
export function sellAndShip(app: BottegaApp, customerId: number, lines: Line[], opts: { causale?: string; channel?: 'manual' | 'shop' | 'shopify'; externalRef?: string } = {}) {
  const order = app.call('orders.create', { customerId, channel: opts.channel ?? 'manual', externalRef: opts.externalRef ?? null, lines, confirm: true });
  app.call('orders.fulfil', { orderIds: [order.id] });
  const full = app.call('orders.get', { id: order.id });
  const shipLines = full.lines.flatMap((l) => l.allocations.map((a) => ({ orderLineId: l.id, lotId: a.lotId, quantity: String(a.qtyMilli / 1000) })));
  const draft = app.call('shipping.create', { lines: shipLines, packages: [{ count: 1 }], grossWeight: '1', causale: opts.causale ?? 'vendita' });
  const shipment = app.call('shipping.confirm', { id: draft.id });
  return { order: full, shipment };
}
