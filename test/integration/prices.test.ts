import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { BottegaApp } from '../../src-main/api/app';
import type { Contract, InputOf } from '../../src-shared/contract';
import { aCustomer, aMaterial, aProduct, aRecipe, removeTempDbs, testApp } from '../builders';

/**
 * Issue 14 through the real registry: lists, groups, customer terms, payment terms, the
 * one price decision (prices.quote) and the orders that use it. Clock: 2026-01-15.
 */
afterAll(removeTempDbs);

let app: BottegaApp;
/** orders.create answers the new order's head: the prices and terms it took are read back whole */
const createdOrder = (input: InputOf<Contract['orders.create']>) => app.call('orders.get', { id: app.call('orders.create', input).id });
let soap: { id: number; sku: string };
let candle: { id: number; sku: string };
let wholesale: number;
let special: number;
let erbo: number;
let bonifico: number;
let riba: number;

function refusal(name: string, input: object) {
  const res = app.invoke(name, input);
  if (res.ok) throw new Error(`${name} was accepted`);
  return res.error as { code: string; message: string; details: { issues?: { path: (string | number)[]; key?: string }[] } };
}
const paths = (e: ReturnType<typeof refusal>) => (e.details.issues ?? []).map((i) => i.path.join('.'));
const count = (table: string) => (app.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(() => {
  app = testApp();
  soap = aProduct().sku('SAP-LAV').price('5,00').create(app);
  candle = aProduct().sku('CAN-ARA').price('18,00').create(app);
  wholesale = app.call('prices.createList', { name: 'Ingrosso 2026' }).id;
  app.call('prices.setPrices', {
    listId: wholesale,
    entries: [
      { itemId: soap.id, price: '4,50', breaks: [{ fromQuantity: '24', price: '4,20' }, { fromQuantity: '48', price: '4,00' }] },
      { itemId: candle.id, price: '15,00' },
    ],
  });
  special = app.call('prices.createList', { name: 'Speciale gennaio', validFrom: '2026-01-01', validTo: '2026-01-31' }).id;
  app.call('prices.setPrices', { listId: special, entries: [{ itemId: soap.id, price: '3,90' }] });
  bonifico = app.call('prices.createPaymentTerms', { name: 'Bonifico 30 gg DF', method: 'MP05', days: [30] }).id;
  riba = app.call('prices.createPaymentTerms', { name: 'RiBa 30/60 DFFM', method: 'MP12', days: [60, 30], endOfMonth: true }).id;
  erbo = app.call('prices.createGroup', { name: 'Erboristerie', priceListIds: [wholesale], paymentTermsId: bonifico, discounts: '10+5' }).id;
});

describe('the price decision (prices.quote)', () => {
  it('a customer in no group pays the item’s sale price: source base, no list, no discount', () => {
    const c = aCustomer().create(app);
    expect(app.call('prices.quote', { customerId: c.id, itemId: soap.id, quantity: '10' })).toMatchObject({
      unitPrice: '5.00',
      discounts: [],
      discountPct: '0',
      source: 'base',
      listName: null,
      lineCents: 5000,
    });
  });

  it('a group customer gets the group list with its breaks at the boundary and the group’s chained discount 10+5 = 14,5 %', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    const q = (quantity: string) => app.call('prices.quote', { customerId: c.id, itemId: soap.id, quantity });
    expect(q('23')).toMatchObject({ unitPrice: '4.50', source: 'group_list', listName: 'Ingrosso 2026', discounts: ['10', '5'], discountPct: '14.5', nextBreak: { fromMilli: 24_000, priceCents: 420 } });
    expect(q('24')).toMatchObject({ unitPrice: '4.20', breakFromMilli: 24_000 });
    // 24 × 4,20 × 0,855 = 86,184 → 86,18 (rounded once on the line)
    expect(q('24').lineCents).toBe(8618);
    expect(q('48')).toMatchObject({ unitPrice: '4.00', nextBreak: null });
  });

  it('the customer’s own list beats the group’s, only on the days it is valid, and only for the items it prices', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo, priceListIds: [special], discounts: '' });
    const q = (date: string, itemId = soap.id) => app.call('prices.quote', { customerId: c.id, itemId, quantity: '1', date });
    expect(q('2026-01-31')).toMatchObject({ unitPrice: '3.90', source: 'customer_list', listName: 'Speciale gennaio', discounts: [] });
    expect(q('2026-02-01')).toMatchObject({ unitPrice: '4.50', source: 'group_list' });
    expect(q('2025-12-31')).toMatchObject({ source: 'group_list' });
    expect(q('2026-01-15', candle.id)).toMatchObject({ unitPrice: '15.00', source: 'group_list' });
  });

  it('prices.quoteBatch answers each line like prices.quote, in order', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    const b = app.call('prices.quoteBatch', { customerId: c.id, lines: [{ itemId: soap.id, quantity: '30' }, { itemId: candle.id, quantity: '2' }] });
    expect(b.quotes.map((x) => [x.itemId, x.unitPrice, x.source])).toEqual([
      [soap.id, '4.20', 'group_list'],
      [candle.id, '15.00', 'group_list'],
    ]);
  });

  it('an archived list prices nothing', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    expect(app.call('prices.archiveList', { id: wholesale, archived: true }).archived).toBe(true);
    expect(app.call('prices.quote', { customerId: c.id, itemId: soap.id, quantity: '1' }).source).toBe('base');
  });
});

describe('orders priced by the decision', () => {
  it('lines get price and source from each place; a typed price is kept and marked manual; the order carries the group’s terms', () => {
    const inGroup = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: inGroup.id, groupId: erbo, priceListIds: [special] });
    const o = createdOrder({
      customerId: inGroup.id,
      orderedOn: '2026-01-15',
      lines: [
        { itemId: soap.id, quantity: '10' },
        { itemId: candle.id, quantity: '2' },
        { itemId: candle.id, quantity: '1', unitPrice: '12,3456' },
      ],
    });
    expect(o.lines.map((l) => [l.unitPrice, l.priceSource, l.discounts, l.discountBp])).toEqual([
      ['3.90', 'customer_list', ['10', '5'], 1450],
      ['15.00', 'group_list', ['10', '5'], 1450],
      ['12.3456', 'manual', ['10', '5'], 1450],
    ]);
    expect(o.paymentTerms).toMatchObject({ id: bonifico, name: 'Bonifico 30 gg DF', method: 'MP05', days: [30], cashOnDelivery: false });
    const plain = aCustomer().create(app);
    const p = createdOrder({ customerId: plain.id, lines: [{ itemId: soap.id, quantity: '1' }] });
    expect([p.lines[0]!.priceSource, p.lines[0]!.unitPrice, p.paymentTerms]).toEqual(['base', '5.00', null]);
  });

  it('a draft re-prices when its quantity crosses a break; a typed price stays', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    const d = createdOrder({ customerId: c.id, orderedOn: '2026-01-15', lines: [{ itemId: soap.id, quantity: '10' }, { itemId: candle.id, quantity: '1', unitPrice: '9' }] });
    expect(d.lines[0]!.unitPrice).toBe('4.50');
    const u = app.call('orders.update', { id: d.id, customerId: c.id, orderedOn: '2026-01-15', lines: [{ itemId: soap.id, quantity: '24' }, { itemId: candle.id, quantity: '5', unitPrice: '9' }] });
    expect(u.lines.map((l) => [l.unitPrice, l.priceSource])).toEqual([
      ['4.20', 'group_list'],
      ['9.00', 'manual'],
    ]);
  });

  it('a list and terms changed after confirmation leave the confirmed order as it was, even when it is edited', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    const o = app.call('orders.create', { customerId: c.id, orderedOn: '2026-01-15', confirm: true, lines: [{ itemId: soap.id, quantity: '10' }] });
    app.call('prices.setPrices', { listId: wholesale, entries: [{ itemId: soap.id, price: '9,99' }] });
    app.call('prices.bulkAdjust', { listId: wholesale, percent: '10' });
    app.call('prices.updatePaymentTerms', { id: bonifico, name: 'Bonifico 60 gg DF', method: 'MP05', days: [60] });
    app.call('prices.updateGroup', { id: erbo, name: 'Erboristerie', priceListIds: [wholesale], paymentTermsId: riba, discounts: '20' });
    const after = app.call('orders.get', { id: o.id });
    expect([after.lines[0]!.unitPrice, after.lines[0]!.discounts, after.totalCents, after.paymentTerms?.name]).toEqual(['4.50', ['10', '5'], o.totalCents, 'Bonifico 30 gg DF']);
    const edited = app.call('orders.update', { id: o.id, customerId: c.id, orderedOn: '2026-01-15', notes: 'campanello', lines: [{ itemId: soap.id, quantity: '10' }] });
    expect([edited.lines[0]!.unitPrice, edited.lines[0]!.priceSource, edited.totalCents, edited.paymentTerms?.name]).toEqual(['4.50', 'group_list', o.totalCents, 'Bonifico 30 gg DF']);
  });

  it('a customer’s own terms beat the group’s; an order may name other terms', () => {
    const c = aCustomer().create(app);
    const t = app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo, paymentTermsId: riba, discounts: '3' });
    expect(t.effective).toMatchObject({ paymentTerms: { id: riba, method: 'MP12', source: 'customer' }, discounts: ['3'], discountSource: 'customer', priceList: { id: wholesale, source: 'group_list' } });
    expect(app.call('prices.getCustomerTerms', { customerId: c.id }).group).toEqual({ id: erbo, name: 'Erboristerie' });
    const cod = app.call('prices.createPaymentTerms', { name: 'Contrassegno', method: 'MP01', days: [0], cashOnDelivery: true });
    const o = createdOrder({ customerId: c.id, paymentTermsId: cod.id, lines: [{ itemId: soap.id, quantity: '1' }] });
    expect(o.paymentTerms).toMatchObject({ name: 'Contrassegno', method: 'MP01', cashOnDelivery: true });
    expect(o.lines[0]!.discounts).toEqual(['3']);
  });
});

describe('bad input is refused with the field named, nothing saved', () => {
  it('a negative or non-numeric price, breaks not increasing', () => {
    const before = count('price_list_prices');
    expect(paths(refusal('prices.setPrices', { listId: wholesale, entries: [{ itemId: soap.id, price: '-1' }] }))).toEqual(['entries.0.price']);
    expect(paths(refusal('prices.setPrices', { listId: wholesale, entries: [{ itemId: candle.id, price: '12' }, { itemId: soap.id, price: 'tre euro' }] }))).toEqual(['entries.1.price']);
    const e = refusal('prices.setPrices', {
      listId: wholesale,
      entries: [{ itemId: soap.id, price: '5', breaks: [{ fromQuantity: '24', price: '4' }, { fromQuantity: '12', price: '3' }] }],
    });
    expect(paths(e)).toEqual(['entries.0.breaks.1.fromQuantity']);
    expect(e.details.issues![0]!.key).toBe('break_not_increasing');
    expect(count('price_list_prices')).toBe(before);
    expect(app.call('prices.getList', { id: wholesale }).entries.find((x) => x.item.id === soap.id)!.priceCents).toBe(450);
  });

  it('two lists of one customer valid on the same days, and a list whose new dates would overlap another of its users', () => {
    const c = aCustomer().create(app);
    const jan2 = app.call('prices.createList', { name: 'Promo', validFrom: '2026-01-20', validTo: '2026-02-10' }).id;
    const e = refusal('prices.setCustomerTerms', { customerId: c.id, priceListIds: [special, jan2] });
    expect(paths(e)).toEqual(['priceListIds']);
    expect(e.details.issues![0]!.key).toBe('lists_overlap');
    expect(count('customer_terms')).toBe(0);
    app.call('prices.updateList', { id: jan2, name: 'Promo', validFrom: '2026-02-01', validTo: '2026-02-10' });
    app.call('prices.setCustomerTerms', { customerId: c.id, priceListIds: [special, jan2] });
    expect(paths(refusal('prices.updateList', { id: jan2, name: 'Promo', validFrom: '2026-01-25', validTo: '2026-02-10' }))).toEqual(['validFrom']);
    expect(app.call('prices.listLists', {}).lists.find((l) => l.id === jan2)!.validFrom).toBe('2026-02-01');
  });

  it('a discount over 100 % (group, customer, order line)', () => {
    expect(paths(refusal('prices.createGroup', { name: 'Distributori', discounts: '10+101' }))).toEqual(['discounts']);
    const c = aCustomer().create(app);
    expect(paths(refusal('prices.setCustomerTerms', { customerId: c.id, discounts: '150' }))).toEqual(['discounts']);
    expect(paths(refusal('orders.create', { customerId: c.id, lines: [{ itemId: soap.id, quantity: '1', discountPct: '50+120' }] }))).toEqual(['lines.0.discountPct']);
    expect(app.call('prices.listGroups', {}).groups.map((g) => g.name)).toEqual(['Erboristerie']);
  });

  it('a negative typed price on an order line', () => {
    const c = aCustomer().create(app);
    expect(paths(refusal('orders.create', { customerId: c.id, lines: [{ itemId: soap.id, quantity: '1', unitPrice: '-2' }] }))).toEqual(['lines.0.unitPrice']);
    expect(count('customer_orders')).toBe(0);
  });
});

describe('a list as a file (CSV for Italian Excel) and pasted from Excel', () => {
  it('exports ";" with decimal commas and imports back the same prices into another list', () => {
    const out = app.call('prices.exportList', { id: wholesale });
    expect(out.fileName).toBe('listino_Ingrosso_2026.csv');
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    expect(out.csv).toContain('SAP-LAV;Prodotto');
    expect(out.csv).toMatch(/SAP-LAV;[^;]*;4,50;24;4,20;48;4,00\r\n/);
    const copy = app.call('prices.createList', { name: 'Copia' }).id;
    const preview = app.call('prices.importPreview', { listId: copy, text: out.csv, format: 'csv' });
    expect([preview.rows.length, preview.unknownSkus, preview.errors]).toEqual([2, [], []]);
    expect(app.call('prices.importCommit', { listId: copy, text: out.csv, format: 'csv' })).toEqual({ changed: 2, skippedSkus: [] });
    const strip = (id: number) => app.call('prices.getList', { id }).entries.map((e) => [e.item.sku, e.priceCents, e.breaks]);
    expect(strip(copy)).toEqual(strip(wholesale));
  });

  it('unknown SKUs are listed and nothing is imported until skipped; a bad price names its row', () => {
    const list = app.call('prices.createList', { name: 'Da Excel' }).id;
    const paste = 'SKU\tPrezzo\nSAP-LAV\t4,10\nNON-ESISTE\t3\nCAN-ARA\t14,5\t10\t13,9\n';
    const p = app.call('prices.importPreview', { listId: list, text: paste, format: 'paste' });
    expect(p.unknownSkus).toEqual([{ row: 3, sku: 'NON-ESISTE' }]);
    expect(p.rows.map((r) => [r.row, r.sku, r.priceCents, r.breaks])).toEqual([
      [2, 'SAP-LAV', 410, []],
      [4, 'CAN-ARA', 1450, [{ fromMilli: 10_000, priceCents: 1390 }]],
    ]);
    const e = refusal('prices.importCommit', { listId: list, text: paste, format: 'paste' });
    expect(e.details.issues).toEqual([expect.objectContaining({ key: 'unknown_sku', path: ['text', 3] })]);
    expect(app.call('prices.getList', { id: list }).entries).toEqual([]);
    expect(app.call('prices.importCommit', { listId: list, text: paste, format: 'paste', skipUnknown: true })).toEqual({ changed: 2, skippedSkus: ['NON-ESISTE'] });
    const bad = app.call('prices.importPreview', { listId: list, text: 'SAP-LAV\t-3\n', format: 'paste' });
    expect(bad.errors).toEqual([{ row: 1, field: 'price', message: 'The price cannot be negative' }]);
  });

  it('bulk +3 % raises every price and break, rounded to the cent; prices.removePrices takes items off', () => {
    expect(app.call('prices.bulkAdjust', { listId: wholesale, percent: '3' })).toEqual({ changed: 2 });
    const soapRow = app.call('prices.getList', { id: wholesale, q: 'SAP' }).entries;
    expect(soapRow.map((e) => [e.priceCents, e.breaks.map((b) => b.priceCents)])).toEqual([[464, [433, 412]]]);
    expect(app.call('prices.removePrices', { listId: wholesale, itemIds: [candle.id] })).toEqual({ removed: 1 });
    expect(app.call('prices.getList', { id: wholesale }).itemCount).toBe(1);
  });
});

describe('groups, terms templates, costs', () => {
  it('prices.deleteGroup leaves its customers without a group; prices.listPaymentTerms hides archived templates', () => {
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo });
    expect(app.call('prices.deleteGroup', { id: erbo })).toEqual({ id: erbo });
    expect(app.call('prices.getCustomerTerms', { customerId: c.id }).group).toBeNull();
    expect(app.call('prices.archivePaymentTerms', { id: riba, archived: true }).archived).toBe(true);
    expect(app.call('prices.listPaymentTerms', {}).terms.map((t) => t.name)).toEqual(['Bonifico 30 gg DF']);
    expect(app.call('prices.listPaymentTerms', { includeArchived: true }).terms.find((t) => t.id === riba)).toMatchObject({ days: [30, 60], endOfMonth: true });
  });

  it('prices.itemCosts rolls the recipe cost up per unit (for margins)', () => {
    const oil = aMaterial().sku('OLIO').unit('kg').cost('8,00').create(app);
    const made = aProduct().sku('SAP-OLIO').create(app);
    aRecipe(made).yield('10').component(oil, '1 kg').save(app);
    expect(app.call('prices.itemCosts', { itemIds: [made.id, soap.id] }).costs).toEqual([
      { itemId: made.id, unitCostMicros: 800_000 },
      { itemId: soap.id, unitCostMicros: null },
    ]);
  });
});

describe('service items (shipping, packaging, surcharges)', () => {
  it('go on orders as lines but are never received, put in a recipe, nor planned for production', () => {
    const ship = app.call('catalog.createItem', { sku: 'SPEDIZIONE', name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '9,90' });
    const c = aCustomer().create(app);
    const o = createdOrder({ customerId: c.id, confirm: true, lines: [{ itemId: soap.id, quantity: '2' }, { itemId: ship.id, quantity: '1' }] });
    expect(o.lines.map((l) => [l.item.kind, l.netCents])).toEqual([
      ['product', 1000],
      ['service', 990],
    ]);
    expect(o.totalCents).toBe(1990);
    const plan = app.call('orders.fulfilPreview', { orderIds: [o.id] });
    expect(plan.unmakeable.map((u) => u.item.sku)).toEqual([soap.sku]);
    expect(paths(refusal('inventory.receive', { lines: [{ itemId: ship.id, quantity: '5' }] }))).toEqual(['lines.0.itemId']);
    expect(paths(refusal('catalog.saveRecipe', { itemId: soap.id, yield: '10', components: [{ itemId: ship.id, quantity: '1' }] }))).toEqual(['components.0.itemId']);
  });
});

describe('free shipping per list', () => {
  it('a shipping line priced by the decision is free once the goods reach the list’s threshold (net), not below it; a typed one stays', () => {
    const ship = app.call('catalog.createItem', { sku: 'SPEDIZIONE', name: 'Spese di trasporto', kind: 'service', unit: 'pcs', lotTracked: false, salePrice: '9,90' });
    app.call('prices.updateList', { id: wholesale, name: 'Ingrosso 2026', freeShippingOver: '150' });
    const c = aCustomer().create(app);
    app.call('prices.setCustomerTerms', { customerId: c.id, groupId: erbo, discounts: '' });
    const order = (candles: string, shipPrice?: string) =>
      createdOrder({ customerId: c.id, lines: [{ itemId: candle.id, quantity: candles }, { itemId: ship.id, quantity: '1', unitPrice: shipPrice ?? null }] });
    // 9 × 15,00 = 135,00 < 150: shipping charged; 10 × 15,00 = 150,00: free
    expect(order('9').lines[1]!.netCents).toBe(990);
    expect(order('10').lines[1]!.netCents).toBe(0);
    expect(order('10', '5').lines[1]!.netCents).toBe(500);
    expect(app.call('prices.listLists', {}).lists.find((l) => l.id === wholesale)!.freeShippingOverCents).toBe(15000);
  });
});
