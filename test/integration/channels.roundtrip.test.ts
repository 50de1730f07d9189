import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import type { Order } from '../../src-shared/contract/orders';
import { readCsv } from '../../src-main/modules/channels/csvTable';
import { decodeBytes } from '../../src-main/modules/channels/decode';
import { fixedClock, tempDir } from '../support/tempDir';
import { validPartitaIva } from '../builders';

const FIXTURES = join(__dirname, '..', 'fixtures', 'channels');

let dirs: ReturnType<typeof tempDir>[];
let apps: BottegaApp[];

beforeEach(() => {
  dirs = [];
  apps = [];
});
afterEach(() => {
  for (const a of apps) a.close();
  for (const d of dirs) d.cleanup();
});

function newApp(): BottegaApp {
  const t = tempDir();
  dirs.push(t);
  const app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  apps.push(app);
  return app;
}

function items(app: BottegaApp) {
  const lav = app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  const can = app.call('catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
  const mie = app.call('catalog.createItem', { sku: 'MIELE-100', name: 'Sapone al miele', kind: 'product', unit: 'pcs' });
  const base = app.call('catalog.createItem', { sku: 'BASE-CREMA', name: 'Base crema', kind: 'intermediate', unit: 'kg' });
  // the service item a shop import puts the shipping on
  app.call('catalog.createItem', { sku: 'SPEDIZIONE', name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false });
  return { lav, can, mie, base };
}

/** Orders of every kind: typed by hand (discount, VAT, notes Excel would choke on), a draft, imported from Shopify, cancelled. */
function orders(app: BottegaApp) {
  const i = items(app);
  const shop = app.call('parties.createCustomer', {
    name: 'Erboristeria "La Malva"; Snc',
    vatNumber: validPartitaIva(77),
    email: 'ordini@lamalva.example',
    phone: '+39 055 123456',
    street: 'Via Verdi 8, int. 3',
    postcode: '50122',
    city: 'Firenze',
    province: 'FI',
    shipStreet: 'Via dei Magazzini 1',
    shipPostcode: '50127',
    shipCity: 'Firenze',
    shipProvince: 'FI',
    shipCountry: 'IT',
  });
  const person = app.call('parties.createCustomer', { name: 'Luca Ferrari', postcode: '00184', city: 'Roma', country: 'IT' });
  app.call('orders.create', {
    customerId: shop.id,
    channel: 'wholesale',
    orderedOn: '2026-09-30',
    requestedOn: '2026-10-15',
    notes: '=consegna al mattino;\r\n"fragile", grazie',
    confirm: true,
    lines: [
      { itemId: i.lav.id, quantity: '120', unitPrice: '4,1', discountPct: '12,5', vatPct: '22', note: '-lotto unico' },
      { itemId: i.base.id, quantity: '2,345 kg', unitPrice: '18,333', vatPct: '10' },
    ],
  });
  app.call('orders.create', { customerId: person.id, channel: 'phone', orderedOn: '2026-10-01', lines: [{ itemId: i.can.id, quantity: '3', unitPrice: '0' }] });
  app.call('channels.import', {
    fileBase64: readFileSync(join(FIXTURES, 'shopify-orders-export.csv')).toString('base64'),
    fileName: 'shopify.csv',
    skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: i.mie.id }],
  });
  const cancelled = app.call('orders.create', { customerId: person.id, channel: 'email', externalRef: 'MAIL-7', orderedOn: '2026-10-10', confirm: true, lines: [{ itemId: i.lav.id, quantity: '1' }] });
  app.call('orders.cancel', { id: cancelled.id, reason: 'cliente' });
  return i;
}

function allOrders(app: BottegaApp): Order[] {
  return app.call('orders.list', { limit: 1000 }).orders.map((o) => app.call('orders.get', { id: o.id })).sort((a, b) => a.number.localeCompare(b.number));
}

/** What must survive the trip: everything the order says, nothing a database assigns (ids, stamps). */
function comparable(app: BottegaApp, o: Order) {
  const c = app.call('parties.getCustomer', { id: o.customer.id });
  return {
    number: o.number,
    channel: o.channel,
    externalRef: o.externalRef,
    state: o.state,
    orderedOn: o.orderedOn,
    requestedOn: o.requestedOn,
    notes: o.notes,
    totalCents: o.totalCents,
    vatCents: o.vatCents,
    customer: {
      name: c.name,
      vatNumber: c.vatNumber,
      email: c.email,
      phone: c.phone,
      street: c.street,
      postcode: c.postcode,
      city: c.city,
      province: c.province,
      country: c.country,
      shipStreet: c.shipStreet,
      shipPostcode: c.shipPostcode,
      shipCity: c.shipCity,
    },
    lines: o.lines.map((l) => ({ sku: l.item.sku, qtyMilli: l.qtyMilli, unitPrice: l.unitPrice, discountBp: l.discountBp, vatBp: l.vatBp, note: l.note })),
  };
}

describe('orders export → import', () => {
  for (const locale of ['it', 'en'] as const) {
    it(`re-imports into another Bottega without loss (${locale})`, () => {
      const a = newApp();
      orders(a);
      const exported = a.call('exports.csv', { list: 'orders', locale });
      expect(exported.fileName).toBe(locale === 'it' ? 'bottega-ordini-2026-10-22.csv' : 'bottega-orders-2026-10-22.csv');
      expect(exported.csv.startsWith('\uFEFF')).toBe(true);
      const table = readCsv(decodeBytes(Buffer.from(exported.csv, 'utf8')).text);
      expect(table.delimiter).toBe(locale === 'it' ? ';' : ',');
      expect(table.headers[0]).toBe(locale === 'it' ? 'Numero ordine' : 'Order number');
      // 7 lines typed or imported + the Shopify order's shipping line
      expect(exported.rows).toBe(8);
      // a typed price keeps its decimals (18,333 €/kg): 2,345 kg come to 42,99 €
      if (locale === 'it') expect(exported.csv).toContain(';2,345;kg;18,333;0;10;42,99;');

      const file = { fileBase64: Buffer.from(exported.csv, 'utf8').toString('base64'), fileName: exported.fileName };
      // into the same database: every order is already there
      const same = a.call('channels.previewImport', file);
      expect(same).toMatchObject({ format: 'bottega', recognised: true, canImport: true, counts: { orders: 5, new: 0, duplicate: 5 } });

      // into a new one with the same items: the same orders, numbers and customers
      const b = newApp();
      items(b);
      const p = b.call('channels.previewImport', file);
      expect(p).toMatchObject({ canImport: true, problems: [], counts: { orders: 5, lines: 8, new: 5 }, customers: { matched: 0, toCreate: 4 } });
      const r = b.call('channels.import', file);
      expect(r).toMatchObject({ created: 5, customersCreated: 4 });
      expect(allOrders(b).map((o) => comparable(b, o))).toEqual(allOrders(a).map((o) => comparable(a, o)));
      expect(runCheck(b.ctx).ok).toBe(true);
      // and a second time: nothing new
      expect(b.call('channels.import', file)).toMatchObject({ created: 0, duplicates: 5 });
    });
  }

  it('reads the export back after Excel saved it on an Italian PC (1252, dates DD/MM/YYYY)', () => {
    const a = newApp();
    orders(a);
    const csv = a.call('exports.csv', { list: 'orders', locale: 'it' }).csv;
    const excel = csv.replace(/^\uFEFF/, '').replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1');
    const b = newApp();
    items(b);
    const bytes = Buffer.from(excel, 'latin1');
    const r = b.call('channels.import', { fileBase64: bytes.toString('base64'), fileName: 'ordini.csv' });
    expect(r.created).toBe(5);
    expect(allOrders(b).map((o) => comparable(b, o))).toEqual(allOrders(a).map((o) => comparable(a, o)));
  });
});

describe('every list to CSV', () => {
  it('exports lines, stock, lots, movements and production in the locale', () => {
    const app = newApp();
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio; extra vergine', kind: 'material', unit: 'kg', unitCost: '6,4375' });
    const soap = app.call('catalog.createItem', { sku: 'SAP', name: 'Sapone', kind: 'product', unit: 'pcs', salePrice: '6,50', shelfLifeDays: 365 });
    app.call('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: oil.id, quantity: '1,5 kg' }] });
    app.call('inventory.receive', { receivedOn: '2026-10-20', lines: [{ itemId: oil.id, quantity: '12,5 kg', unitCost: '6,4375' }] });
    const customer = app.call('parties.createCustomer', { name: 'Cliente' });
    const order = app.call('orders.create', { customerId: customer.id, orderedOn: '2026-10-21', confirm: true, lines: [{ itemId: soap.id, quantity: '10' }] });
    const [po] = app.call('orders.fulfil', { orderIds: [order.id] }).productionOrderIds;
    app.call('production.release', { id: po! });

    const csv = (list: string, locale: 'it' | 'en' = 'it') => {
      const r = app.call('exports.csv', { list: list as 'stock', locale });
      return { ...r, table: readCsv(decodeBytes(Buffer.from(r.csv, 'utf8')).text) };
    };
    const stock = csv('stock');
    expect(stock.table.headers.slice(0, 7)).toEqual(['SKU', 'Articolo', 'Tipo', 'Unità', 'Giacenza', 'Impegnato', 'Disponibile']);
    expect(stock.table.records.find((r) => r[0] === 'OLIO')!.slice(0, 7)).toEqual(['OLIO', 'Olio; extra vergine', 'material', 'kg', '12,5', '1,5', '11']);
    expect(csv('stock', 'en').table.records.find((r) => r[0] === 'OLIO')![4]).toBe('12.5');

    const lots = csv('lots');
    expect(lots.rows).toBe(1);
    expect(lots.table.records[0]!.slice(1, 7)).toEqual(['OLIO', 'Olio; extra vergine', 'kg', 'released', 'receipt', '2026-10-20']);
    expect(lots.table.records[0]![12]).toBe('6,4375');

    const moves = csv('movements', 'en');
    expect(moves.table.records.map((r) => [r[0], r[2], r[4], r[6]])).toEqual([['2026-10-20', 'receipt', 'OLIO', '12.5']]);
    expect(csv('movements', 'en').rows).toBe(1);
    expect(app.call('exports.csv', { list: 'movements', locale: 'it', from: '2026-10-21' }).rows).toBe(0);
    // by item: through the item's lots since 0023_wal, the same rows (another item's lot adds none)
    const soapLot = app.call('inventory.receive', { receivedOn: '2026-10-22', lines: [{ itemId: soap.id, quantity: '3' }] }).lots[0]!;
    const ofItem = (itemId: number) => app.call('exports.csv', { list: 'movements', locale: 'en', itemId }).rows;
    expect([ofItem(oil.id), ofItem(soap.id)]).toEqual([1, 1]);
    expect(soapLot.code).not.toBe(moves.table.records[0]![3]);

    const prod = csv('production');
    expect(prod.table.records.map((r) => [r[1], r[5], r[6], r[8], r[13]])).toEqual([['SAP', '1', '10', 'released', order.number]]);

    const lines = csv('order_lines');
    expect(lines.table.records.map((r) => [r[0], r[7], r[9], r[11], r[13], r[16]])).toEqual([[order.number, 'SAP', '10', '10', '6,50', '65,00']]);
  });
});
