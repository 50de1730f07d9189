import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import type { ImportPreview } from '../../src-shared/contract/channels';
import { fixedClock, tempDir } from '../support/tempDir';

const FIXTURES = join(__dirname, '..', 'fixtures', 'channels');

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

/** A fixture as the UI sends it. */
function file(name: string, edit?: (text: string) => string) {
  const bytes = readFileSync(join(FIXTURES, name));
  return { fileBase64: (edit ? Buffer.from(edit(bytes.toString('utf8')), 'utf8') : bytes).toString('base64'), fileName: name };
}

/** The products the samples sell; SAP-MIE-100 is sold under another SKU here (MIELE-100). */
function catalog() {
  const lav = app.call('catalog.createItem', { sku: 'SAP-LAV-100', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', salePrice: '5,33' });
  const can = app.call('catalog.createItem', { sku: 'CAN-ARA-200', name: 'Candela soia e arancia', kind: 'product', unit: 'pcs' });
  const mie = app.call('catalog.createItem', { sku: 'MIELE-100', name: 'Sapone al miele', kind: 'product', unit: 'pcs' });
  return { lav, can, mie };
}

function counts() {
  const n = (table: string) => (app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { orders: n('customer_orders'), lines: n('order_lines'), customers: n('customers'), skuMaps: n('channel_sku_map'), sequences: n('sequences') };
}

function preview(input: object): ImportPreview {
  return app.call('channels.previewImport', input as never) as ImportPreview;
}

function refusal(name: string, input: object) {
  const res = app.invoke(name, input);
  if (res.ok) throw new Error(`${name} was accepted`);
  return res.error;
}

describe('import of the Shopify sample', () => {
  it('previews, asks for the unknown SKU, imports all or nothing, remembers the mapping', () => {
    const { lav, can, mie } = catalog();
    const before = counts();
    const p = preview(file('shopify-orders-export.csv'));
    expect(p).toMatchObject({ format: 'shopify', recognised: true, channel: 'shopify', canImport: false, problems: [], customers: { matched: 0, toCreate: 2 } });
    expect(p.file).toMatchObject({ encoding: 'utf-8', delimiter: ',', rows: 4 });
    expect(p.counts).toMatchObject({ orders: 3, lines: 4, new: 2, cancelled_new: 1 });
    expect(p.unknownSkus).toEqual([{ externalSku: 'SAP-MIE-100', name: 'Sapone al miele, avena e latte 100 g', firstRow: 4, rows: 1, channel: 'shopify' }]);
    expect(p.orders[0]!.lines.map((l) => [l.item?.sku, l.mappedBy, l.qtyMilli, l.unitPriceCents])).toEqual([
      ['SAP-LAV-100', 'sku', 2000, 533],
      ['CAN-ARA-200', 'sku', 1000, 1516],
    ]);

    // refused while an SKU is unmapped: nothing written
    const err = refusal('channels.import', file('shopify-orders-export.csv'));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { reason: 'problems', unknownSkus: [expect.objectContaining({ externalSku: 'SAP-MIE-100' })] } });
    expect(counts()).toEqual(before);

    // the user maps it; the preview shows it chosen, the import saves it
    const mapped = { ...file('shopify-orders-export.csv'), skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: mie.id }] };
    expect(preview(mapped)).toMatchObject({ canImport: true, unknownSkus: [] });
    const r = app.call('channels.import', mapped);
    expect(r).toMatchObject({ created: 2, skipped: 1, duplicates: 0, customersCreated: 2, skuMappingsSaved: 1, orderNumbers: ['2026/0001', '2026/0002'] });

    const list = app.call('orders.list', { channel: 'shopify' });
    expect(list.total).toBe(2);
    const o1 = app.call('orders.get', { id: list.orders.find((o) => o.externalRef === '#1001')!.id });
    expect(o1).toMatchObject({ number: '2026/0001', channel: 'shopify', externalRef: '#1001', state: 'confirmed', status: 'waiting', orderedOn: '2026-10-03', notes: 'Consegna al portiere, grazie' });
    expect(o1.customer).toMatchObject({ name: 'Giulia Rossi', email: 'giulia.rossi@example.com' });
    // net prices with 8 decimals from what was paid (issue 14), the shipping as a service line
    expect(o1.lines.map((l) => [l.item.sku, l.qtyMilli, l.unitPrice, l.discountBp, l.vatBp])).toEqual([
      [lav.sku, 2000, '5.32786885', 0, 2200],
      [can.sku, 1000, '15.16393443', 0, 2200],
      ['SPEDIZIONE', 1000, '5.6557377', 0, 2200],
    ]);
    const o2 = app.call('orders.get', { id: list.orders.find((o) => o.externalRef === '#1002')!.id });
    // 9 × 6,50 less the shop's 5,85 discount = 52,65 paid: the discount is in the net price
    expect(o2.lines.map((l) => [l.item.sku, l.qtyMilli, l.unitPrice, l.discountBp])).toEqual([['MIELE-100', 9000, '4.79508197', 0]]);
    expect(o2.totalCents + o2.vatCents).toBe(5265);
    const giulia = app.call('parties.getCustomer', { id: o1.customer.id });
    expect(giulia).toMatchObject({ street: 'Via Roma 12', postcode: '40121', city: 'Bologna', province: 'BO', country: 'IT', phone: '+39 051 000000' });

    expect(app.call('channels.skuMappings', { channel: 'shopify' }).mappings).toEqual([
      expect.objectContaining({ channel: 'shopify', externalSku: 'SAP-MIE-100', item: expect.objectContaining({ sku: 'MIELE-100' }) }),
    ]);
    expect(runCheck(app.ctx).ok).toBe(true);

    // the same file again: nothing new, and the SKU is remembered
    const again = preview(file('shopify-orders-export.csv'));
    expect(again).toMatchObject({ canImport: true, counts: { new: 0, duplicate: 2, cancelled_new: 1 }, customers: { toCreate: 0 } });
    expect(again.orders[1]!.lines[0]!.mappedBy).toBe('saved');
    const mid = counts();
    expect(app.call('channels.import', file('shopify-orders-export.csv'))).toMatchObject({ created: 0, duplicates: 2, skipped: 1, customersCreated: 0 });
    expect(counts()).toEqual(mid);
  });

  it('reads the same orders from Excel-touched copies (1252 + semicolons + decimal commas, BOM + CRLF + multi-line notes)', () => {
    catalog();
    const plain = preview(file('shopify-orders-export.csv'));
    for (const name of ['shopify-excel-it-1252.csv', 'shopify-bom-crlf-multiline.csv']) {
      const p = preview(file(name));
      expect(p.problems).toEqual([]);
      expect(p.orders.map((o) => [o.ref, o.orderedOn, o.state, o.lines.map((l) => [l.externalSku, l.qtyMilli, l.unitPriceCents, l.discountBp])])).toEqual(
        plain.orders.map((o) => [o.ref, o.orderedOn, o.state, o.lines.map((l) => [l.externalSku, l.qtyMilli, l.unitPriceCents, l.discountBp])]),
      );
    }
    expect(preview(file('shopify-excel-it-1252.csv')).file).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
  });

  it('matches customers by email, then by name and postcode', () => {
    catalog();
    const giulia = app.call('parties.createCustomer', { name: 'Giulia Rossi (negozio)', email: 'GIULIA.ROSSI@example.com' });
    const marco = app.call('parties.createCustomer', { name: 'marco  bianchi', postcode: '20122', city: 'Milano' });
    const p = preview(file('shopify-orders-export.csv'));
    expect(p.orders.slice(0, 2).map((o) => o.customer)).toEqual([
      expect.objectContaining({ action: 'match', id: giulia.id, matchedBy: 'email' }),
      expect.objectContaining({ action: 'match', id: marco.id, matchedBy: 'name_postcode' }),
    ]);
    expect(p.customers).toEqual({ matched: 2, toCreate: 0 });
  });
});

describe('re-importing a later export', () => {
  function imported() {
    const c = catalog();
    app.call('channels.import', { ...file('shopify-orders-export.csv'), skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: c.mie.id }] });
    const id = (ref: string) => app.call('orders.list', { q: ref }).orders[0]!.id;
    return { ...c, o1: id('#1001'), o2: id('#1002') };
  }

  /** #1002 goes into production: a planned production order serves its line. */
  function inProduction(itemId: number, orderId: number) {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio', kind: 'material', unit: 'kg', unitCost: '6' });
    app.call('catalog.saveRecipe', { itemId, yield: '10', components: [{ itemId: oil.id, quantity: '1 kg' }] });
    expect(app.call('orders.fulfil', { orderIds: [orderId] }).productionOrderIds).toHaveLength(1);
  }

  it('updates a changed order that is only confirmed; reports one already in production, unchanged', () => {
    const s = imported();
    inProduction(s.mie.id, s.o2);
    // the customer changed #1001 (3 soaps, not 2) and #1002 (10, not 9) in the shop
    const later = file('shopify-orders-export.csv', (text) =>
      text.replace('2026-10-03 10:14:37 +0200,2,Sapone alla lavanda', '2026-10-03 10:14:37 +0200,3,Sapone alla lavanda').replace('+0200,9,"Sapone al miele', '+0200,10,"Sapone al miele'),
    );
    const p = preview(later);
    expect(p.orders.map((o) => [o.ref, o.state, o.existing?.number ?? null, o.differences])).toEqual([
      ['#1001', 'changed', '2026/0001', ['line 1: quantity']],
      // the shop's 5,85 discount is in the line's net price (paid lines compare by item and quantity)
      ['#1002', 'changed_locked', '2026/0002', ['line 1: quantity']],
      ['#1003', 'cancelled_new', null, []],
    ]);
    const r = app.call('channels.import', later);
    expect(r).toMatchObject({ created: 0, updated: 1, updatedNumbers: ['2026/0001'], reported: [{ ref: '#1002', number: '2026/0002', status: 'materials_short', state: 'changed_locked' }] });
    expect(app.call('orders.get', { id: s.o1 }).lines[0]!.qtyMilli).toBe(3000);
    expect(app.call('orders.get', { id: s.o2 }).lines[0]!.qtyMilli).toBe(9000);
    expect(runCheck(app.ctx).ok).toBe(true);
  });

  it('cancels an order cancelled or refunded in the shop; reports one already in production', () => {
    const s = imported();
    inProduction(s.mie.id, s.o2);
    const later = file('shopify-orders-export.csv', (text) =>
      text
        .split('\n')
        .map((line) => (line.startsWith('#1001,giulia') ? line.replace(',paid,', ',refunded,') : line.startsWith('#1002,m.bianchi') ? line.replace(',,,PayPal', ',,2026-10-06 12:00:00 +0200,PayPal') : line))
        .join('\n'),
    );
    const p = preview(later);
    expect(p.orders.map((o) => [o.ref, o.state])).toEqual([
      ['#1001', 'cancelled'],
      ['#1002', 'cancelled_locked'],
      ['#1003', 'cancelled_new'],
    ]);
    const r = app.call('channels.import', later);
    expect(r).toMatchObject({ cancelled: 1, cancelledNumbers: ['2026/0001'], skipped: 1, reported: [{ ref: '#1002', state: 'cancelled_locked' }] });
    expect(app.call('orders.get', { id: s.o1 })).toMatchObject({ state: 'cancelled', status: 'cancelled' });
    expect(app.call('orders.get', { id: s.o2 }).state).toBe('confirmed');
    // and again: already cancelled is a duplicate
    expect(preview(later).orders[0]!.state).toBe('duplicate');
  });
});

describe('Etsy', () => {
  it('imports the Order Items export: MM/DD/YY, ship name as customer, a German buyer', () => {
    const { mie } = catalog();
    const input = { ...file('etsy-sold-order-items.csv'), skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: mie.id }] };
    const p = preview(input);
    expect(p).toMatchObject({ format: 'etsy', channel: 'etsy', canImport: true, counts: { orders: 2, lines: 3, new: 2 } });
    const r = app.call('channels.import', input);
    expect(r.created).toBe(2);
    const hans = app.call('orders.get', { id: app.call('orders.list', { q: '3300000002' }).orders[0]!.id });
    expect(hans).toMatchObject({ channel: 'etsy', externalRef: '3300000002', orderedOn: '2026-10-07', customer: { name: 'Hans Müller', language: 'en' } });
    expect(app.call('parties.getCustomer', { id: hans.customer.id })).toMatchObject({ street: 'Hauptstraße 1', city: 'München', postcode: '80331', country: 'DE', notes: 'Etsy: hans.m' });
    // the same orders saved by Excel as UTF-16 "Unicode text" are duplicates
    expect(preview(file('etsy-unicode-text.txt'))).toMatchObject({ file: { encoding: 'utf-16le', delimiter: '\t' }, counts: { duplicate: 2, new: 0 } });
  });
});

describe('any other CSV, through a saved column mapping', () => {
  const columns = {
    orderRef: 'Rif. ordine',
    orderedOn: 'Data',
    dateFormat: 'DD/MM/YYYY',
    customerName: 'Cliente',
    email: 'Email',
    street: 'Indirizzo',
    postcode: 'CAP',
    city: 'Città',
    province: 'Prov',
    sku: 'Codice articolo',
    itemName: 'Descrizione',
    quantity: 'Qtà',
    unitPrice: 'Prezzo unitario',
    notes: 'Note',
  } as const;

  it('refuses an unknown header until a mapping is saved, then recognises the layout by itself', () => {
    const { mie } = catalog();
    const unknown = refusal('channels.previewImport', file('wholesale-semicolon.csv'));
    expect(unknown).toMatchObject({ code: 'VALIDATION', details: { reason: 'unknown_format', headers: expect.arrayContaining(['Rif. ordine', 'Qtà']) } });

    const inspected = app.call('channels.inspectFile', file('wholesale-semicolon.csv'));
    expect(inspected).toMatchObject({ encoding: 'utf-8', delimiter: ';', rows: 3, recognised: null, matchingMappings: [] });
    expect(inspected.sample[0]!.slice(0, 3)).toEqual(['WH-2026-041', '03/10/2026', 'Erboristeria La Malva']);

    const saved = app.call('channels.saveMapping', { name: 'La Malva', channel: 'wholesale', columns });
    expect(saved).toMatchObject({ name: 'La Malva', channel: 'wholesale', columns: { orderRef: 'Rif. ordine', pricesIncludeVat: false } });
    expect(app.call('channels.listMappings', {}).mappings.map((m) => m.name)).toEqual(['La Malva']);
    expect(app.call('channels.inspectFile', file('wholesale-semicolon.csv')).matchingMappings).toEqual(['La Malva']);

    const p = preview(file('wholesale-semicolon.csv'));
    expect(p).toMatchObject({ format: 'mapping', mappingName: 'La Malva', recognised: true, channel: 'wholesale', problems: [] });
    expect(p.unknownSkus).toEqual([{ externalSku: 'Sapone al miele 100 g', name: 'Sapone al miele 100 g', firstRow: 5, rows: 1, channel: 'wholesale' }]);
    const r = app.call('channels.import', { ...file('wholesale-semicolon.csv'), mappingName: 'la malva', skuMappings: [{ externalSku: 'Sapone al miele 100 g', itemId: mie.id }] });
    expect(r.created).toBe(2);
    const o = app.call('orders.get', { id: app.call('orders.list', { q: 'WH-2026-041' }).orders[0]!.id });
    expect(o).toMatchObject({ channel: 'wholesale', orderedOn: '2026-10-03', notes: 'consegna entro venerdì', customer: { name: 'Erboristeria La Malva' } });
    expect(o.lines.map((l) => [l.item.sku, l.qtyMilli, l.unitPriceCents])).toEqual([
      ['SAP-LAV-100', 24_000, 410],
      ['CAN-ARA-200', 6000, 1250],
    ]);

    // the name-only row is remembered for the channel by its product name
    expect(preview(file('wholesale-semicolon.csv')).counts).toMatchObject({ duplicate: 2 });
    const maps = app.call('channels.skuMappings', { q: 'miele' });
    expect(maps.mappings.map((m) => [m.channel, m.externalSku])).toEqual([['wholesale', 'Sapone al miele 100 g']]);
    app.call('channels.deleteSkuMapping', { id: maps.mappings[0]!.id });
    expect(app.call('channels.skuMappings', {}).total).toBe(0);
    app.call('channels.deleteMapping', { id: saved.id });
    expect(app.call('channels.listMappings', {}).mappings).toEqual([]);
  });

  it('reports a mapping whose columns the file lacks, and a mapping that does not exist', () => {
    catalog();
    expect(refusal('channels.previewImport', { ...file('wholesale-semicolon.csv'), mapping: { ...columns, quantity: 'Quantity' } })).toMatchObject({
      details: { reason: 'columns_missing', missing: ['Quantity'] },
    });
    expect(refusal('channels.previewImport', { ...file('wholesale-semicolon.csv'), mappingName: 'Nope' })).toMatchObject({ details: { reason: 'mapping_not_found' } });
    expect(refusal('channels.saveMapping', { name: 'Shopify', columns })).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('bad input is reported precisely, and nothing is written', () => {
  it('names the row, the column and the reason of every bad value', () => {
    catalog();
    const before = counts();
    const p = preview(file('shopify-bad-rows.csv'));
    expect(p.canImport).toBe(false);
    expect(p.problems.map((q) => [q.row, q.column, q.key, q.orderRef, q.value])).toEqual([
      [2, 'Lineitem quantity', 'quantity.not_a_number', '#2001', 'due'],
      [3, 'Lineitem price', 'price.negative', '#2001', '-18.50'],
      [4, 'Created at', 'date.unknown', '#2002', '03/10/2026 10:14'],
      [5, 'Lineitem sku', 'sku.missing', '#2003', ''],
    ]);
    expect(p.orders.map((o) => o.problemCount)).toEqual([2, 1, 1]);
    const err = refusal('channels.import', file('shopify-bad-rows.csv'));
    expect(err).toMatchObject({ code: 'VALIDATION', details: { reason: 'problems', problemCount: 4 } });
    expect(counts()).toEqual(before);
  });

  it('refuses files that are not orders exports', () => {
    catalog();
    const before = counts();
    const reasons = ['empty.csv', 'header-only.csv', 'unknown-header.csv', 'not-a-csv.txt', 'binary.bin', 'spreadsheet.xlsx'].map((name) => {
      const e = refusal('channels.import', file(name));
      expect(e.code).toBe('VALIDATION');
      expect(e.details?.issues).toEqual([expect.objectContaining({ path: ['fileBase64'], key: `channels.file.${e.details!.reason as string}` })]);
      return e.details!.reason;
    });
    expect(reasons).toEqual(['empty', 'no_rows', 'unknown_format', 'no_delimiter', 'binary', 'spreadsheet']);
    expect(refusal('channels.previewImport', { ...file('shopify-orders-export.csv'), format: 'etsy' })).toMatchObject({
      details: { reason: 'columns_missing', missing: ['Order ID', 'Sale Date', 'Quantity', 'Price', 'SKU / Item Name'] },
    });
    expect(counts()).toEqual(before);
  });

  it('refuses quantities that are not quantities of the item, archived items, invalid customers, rounded ids', () => {
    const { can } = catalog();
    app.call('catalog.archiveItem', { id: can.id, archived: true });
    const edited = file('shopify-orders-export.csv', (text) =>
      text.replace('+0200,2,Sapone alla lavanda', '+0200,2 kg,Sapone alla lavanda').replace('m.bianchi@example.com', 'not-an-email').replace('#1003', '5.55E+12'),
    );
    const p = preview({ ...edited, skuMappings: [{ externalSku: 'SAP-MIE-100', itemId: can.id }] });
    expect(p.problems.map((q) => [q.row, q.column, q.key])).toEqual([
      [2, 'Lineitem quantity', 'quantity.incompatible_unit'],
      [3, 'Lineitem sku', 'item.archived'],
      [4, 'Email', 'customer.email.invalid'],
      [5, 'Name', 'ref.mangled'],
    ]);
  });
});
