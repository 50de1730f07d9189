import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src-main/modules/channels/csvTable';
import { Columns } from '../../../src-main/modules/channels/csvTable';
import { decodeBytes } from '../../../src-main/modules/channels/decode';
import { extractOrders, type DraftOrder } from '../../../src-main/modules/channels/extract';
import { BUILTIN_SPECS, mappingSpec, recogniseFormat, resolveColumns, type FormatSpec } from '../../../src-main/modules/channels/formats';
import { ProblemList } from '../../../src-main/modules/channels/problems';
import { columnMapping } from '../../../src-shared/contract/channels';
import { fixture } from './fixtures';

function read(name: string, spec?: FormatSpec): { orders: DraftOrder[]; problems: ProblemList; format: string | null } {
  const table = readCsv(decodeBytes(fixture(name)).text);
  const format = recogniseFormat(table.headers);
  const s = spec ?? BUILTIN_SPECS[format!];
  const { at, missing } = resolveColumns(s, new Columns(table.headers));
  expect(missing).toEqual([]);
  const problems = new ProblemList();
  return { orders: extractOrders(table, s, at, problems), problems, format };
}

describe('formats', () => {
  it('recognises Shopify, Etsy and our own export by their header; nothing else', () => {
    const header = (name: string) => readCsv(decodeBytes(fixture(name)).text).headers;
    expect(recogniseFormat(header('shopify-orders-export.csv'))).toBe('shopify');
    expect(recogniseFormat(header('shopify-excel-it-1252.csv'))).toBe('shopify');
    expect(recogniseFormat(header('etsy-sold-order-items.csv'))).toBe('etsy');
    expect(recogniseFormat(header('etsy-unicode-text.txt'))).toBe('etsy');
    expect(recogniseFormat(header('wholesale-semicolon.csv'))).toBeNull();
    expect(recogniseFormat(header('unknown-header.csv'))).toBeNull();
    expect(recogniseFormat(['Numero ordine', 'Stato', 'Canale', 'Data ordine', 'Cliente', 'SKU', 'Quantità', 'Prezzo unitario'])).toBe('bottega');
    expect(recogniseFormat(['Order number', 'State', 'Channel', 'Ordered on', 'Customer', 'SKU', 'Quantity', 'Unit price'])).toBe('bottega');
  });

  it('reads the Shopify sample: rows tied by Name, order columns from the first row, VAT taken out of prices', () => {
    const { orders, problems } = read('shopify-orders-export.csv');
    expect(problems.count).toBe(0);
    expect(orders.map((o) => [o.ref, o.orderedOn, o.fileState, o.lines.length])).toEqual([
      ['#1001', '2026-10-03', 'confirmed', 2],
      ['#1002', '2026-10-04', 'confirmed', 1],
      ['#1003', '2026-10-05', 'cancelled', 1],
    ]);
    const [a, b, c] = orders as [DraftOrder, DraftOrder, DraftOrder];
    expect(a.externalRef).toBe('#1001');
    expect(a.notes).toBe('Consegna al portiere, grazie');
    expect(a.customer).toMatchObject({ name: 'Giulia Rossi', email: 'giulia.rossi@example.com', phone: '+39 051 000000', street: 'Via Roma 12', postcode: '40121', city: 'Bologna', province: 'BO', country: 'IT', shipStreet: '' });
    // 6,50 with 22 % VAT in it is 5,33 net; 18,50 is 15,16
    expect(a.lines.map((l) => [l.externalSku, l.qtyText, l.unitPriceCents, l.vatBp, l.discountBp])).toEqual([
      ['SAP-LAV-100', '2', 533, 2200, 0],
      ['CAN-ARA-200', '1', 1516, 2200, 0],
    ]);
    // a 5,85 discount on 9 × 6,50 is 10 %
    expect(b.lines[0]).toMatchObject({ externalSku: 'SAP-MIE-100', qtyText: '9', discountBp: 1000 });
    expect(b.customer.street).toBe('Corso Italia 3, int. 4');
    // refunded, no billing address: the shipping one is the customer's
    expect(c.customer).toMatchObject({ name: 'Anna Verdi', street: 'Via Garibaldi 7', city: 'Torino', postcode: '10122' });
  });

  it('reads the same orders out of Excel on an Italian PC (1252, semicolons, decimal commas)', () => {
    const plain = read('shopify-orders-export.csv').orders;
    const excel = read('shopify-excel-it-1252.csv');
    expect(excel.problems.count).toBe(0);
    expect(excel.orders.map((o) => o.lines.map((l) => [l.externalSku, l.unitPriceCents, l.discountBp]))).toEqual(plain.map((o) => o.lines.map((l) => [l.externalSku, l.unitPriceCents, l.discountBp])));
    expect(excel.orders[0]!.customer.name).toBe('Giulia Rossi Città');
  });

  it('keeps a note with line breaks whole and mends the postcodes Excel touched', () => {
    const { orders, problems } = read('shopify-bom-crlf-multiline.csv');
    expect(problems.count).toBe(0);
    expect(orders[0]!.notes).toBe('Consegna al portiere,\r\nsecondo piano, scala B\r\n"suonare due volte"');
    expect(orders[0]!.lines.map((l) => l.row)).toEqual([2, 5]);
    expect(orders[1]!.customer).toMatchObject({ city: 'Roma', postcode: '00184', shipStreet: '' });
  });

  it('reads the Etsy sample: MM/DD/YY, Ship Name as the customer, country names, buyer in the notes', () => {
    for (const name of ['etsy-sold-order-items.csv', 'etsy-unicode-text.txt']) {
      const { orders, problems, format } = read(name);
      expect(format).toBe('etsy');
      expect(problems.count).toBe(0);
      expect(orders.map((o) => [o.ref, o.orderedOn, o.lines.length])).toEqual([
        ['3300000001', '2026-10-06', 2],
        ['3300000002', '2026-10-07', 1],
      ]);
      expect(orders[1]!.customer).toMatchObject({ name: 'Hans Müller', street: 'Hauptstraße 1', city: 'München', province: 'BY', postcode: '80331', country: 'DE', notes: 'Etsy: hans.m' });
      expect(orders[0]!.lines[0]).toMatchObject({ externalSku: 'CAN-ARA-200', qtyText: '2', unitPriceCents: 1516, note: 'Formato: 200 g' });
      // the AUTUNNO coupon: 1,95 off 3 × 6,50
      expect(orders[1]!.lines[0]!.discountBp).toBe(1000);
    }
  });

  it('reads a wholesale spreadsheet through a column mapping: DD/MM/YYYY, decimal commas, a row without SKU', () => {
    const mapping = columnMapping.parse({
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
    });
    const { orders, problems } = read('wholesale-semicolon.csv', mappingSpec(mapping, 'wholesale'));
    expect(problems.count).toBe(0);
    expect(orders.map((o) => [o.ref, o.orderedOn, o.customer.name, o.lines.map((l) => [l.externalSku, l.qtyText, l.unitPriceCents])])).toEqual([
      ['WH-2026-041', '2026-10-03', 'Erboristeria La Malva', [['SAP-LAV-100', '24', 410], ['CAN-ARA-200', '6', 1250]]],
      ['WH-2026-042', '2026-10-07', 'Bottega Verde Snc', [['Sapone al miele 100 g', '12', 410]]],
    ]);
    expect(orders[0]!.lines[0]!.row).toBe(3);
    expect(orders[0]!.notes).toBe('consegna entro venerdì');
  });

  it('names the row, the column and the reason of every bad value', () => {
    const { problems } = read('shopify-bad-rows.csv');
    // the quantity "due" is checked against the item's unit, later, by the preview
    expect(problems.sorted().map((p) => [p.row, p.column, p.key, p.value])).toEqual([
      [3, 'Lineitem price', 'price.negative', '-18.50'],
      [4, 'Created at', 'date.unknown', '03/10/2026 10:14'],
      [5, 'Lineitem sku', 'sku.missing', ''],
    ]);
  });

  it('checks dates against each other, and states and channels of our own export', () => {
    const table = readCsv(
      'Numero ordine;Stato;Canale;Data ordine;Data richiesta;Cliente;SKU;Quantità;Prezzo unitario\n' +
        '2026/0001;confermato;telefono;2026-10-05;2026-10-01;Rossi;A;1;2,5\n' +
        '2026/0002;perso;phone;05/10/2026;;Rossi;A;1;2,5\n',
    );
    const problems = new ProblemList();
    const spec = BUILTIN_SPECS.bottega;
    const orders = extractOrders(table, spec, resolveColumns(spec, new Columns(table.headers)).at, problems);
    expect(problems.sorted().map((p) => [p.row, p.column, p.key])).toEqual([
      [2, 'Data richiesta', 'date.requested_before_order'],
      [2, 'Canale', 'channel.unknown'],
      [3, 'Stato', 'state.unknown'],
    ]);
    expect(orders.map((o) => [o.number, o.orderedOn, o.fileState, o.channel, o.lines[0]!.unitPriceCents])).toEqual([
      ['2026/0001', '2026-10-05', 'confirmed', null, 250],
      ['2026/0002', '2026-10-05', 'confirmed', 'phone', 250],
    ]);
  });
});
