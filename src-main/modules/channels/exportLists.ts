/**
 * Every list to CSV (`exports.csv`). The orders list is our own import format
 * (`bottega`): one row per line with the order's columns on every row, so a file
 * exported here imports into another Bottega (or back, after editing in Excel) without
 * loss. The whole database has its own backup file: `bottega backup`.
 */
import type { z } from 'zod';
import type { exportInput } from '../../../src-shared/contract/channels';
import { localDate } from '../../../src-shared/domain/dates';
import { lineNet } from '../orders/lineFacts';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { stockRows } from '../inventory/stockOverview';
import { readSettings } from '../settings/store';
import { BOTTEGA_ORDER_COLUMNS } from './formats';
import { CSV_STYLES, writeCsv, type Cell, type CellKind, type CsvColumn } from './csvWrite';
import { sql, where, type Sql } from '../../db/sql';

type ExportInput = z.output<typeof exportInput>;
type Locale = 'it' | 'en';

/** [English, Italian, kind] */
type Col = readonly [string, string, CellKind];

const columnsFor = (cols: readonly Col[], locale: Locale): CsvColumn[] => cols.map(([en, it, kind]) => ({ header: locale === 'it' ? it : en, kind }));

const yesNo = (v: number | boolean, locale: Locale) => (v ? (locale === 'it' ? 'sì' : 'yes') : 'no');

/** WHERE clauses of the filters a list supports. */
function filters(input: ExportInput, map: { date?: Sql; channel?: Sql; customer?: Sql; item?: Sql }, more: Sql[] = []): Sql {
  return where([
    map.date && input.from ? sql`${map.date} >= ${input.from}` : null,
    map.date && input.to ? sql`${map.date} <= ${input.to}` : null,
    map.channel && input.channel ? sql`${map.channel} = ${input.channel}` : null,
    map.customer && input.customerId ? sql`${map.customer} = ${input.customerId}` : null,
    map.item && input.itemId ? sql`${map.item} = ${input.itemId}` : null,
    ...more,
  ]);
}

const ORDER_KINDS: Record<string, CellKind> = {
  position: 'int',
  quantity: 'milli',
  unitPrice: 'decimal',
  discountPct: 'bp',
  vatPct: 'bp',
  netAmount: 'cents',
  orderedOn: 'date',
  requestedOn: 'date',
  promisedOn: 'date',
};

interface OrderLineRow {
  number: string;
  state: string;
  status: string;
  channel: string;
  externalRef: string | null;
  orderedOn: string;
  requestedOn: string | null;
  promisedOn: string | null;
  customerName: string;
  email: string | null;
  phone: string | null;
  vatNumber: string | null;
  fiscalCode: string | null;
  street: string;
  postcode: string;
  city: string;
  province: string;
  country: string;
  shipStreet: string;
  shipPostcode: string;
  shipCity: string;
  shipProvince: string;
  shipCountry: string;
  notes: string;
  position: number;
  sku: string;
  itemName: string;
  quantity: number;
  unit: string;
  /** exact, up to 8 decimals ("25.40983607") */
  unitPrice: string;
  unitPriceCents: number;
  discounts: string;
  discountPct: number;
  vatPct: number;
  lineNote: string;
  shipped: number;
}

const ORDER_LINES_SQL = sql`
  SELECT o.number, o.state, o.status, o.channel, o.external_ref AS externalRef, o.ordered_on AS orderedOn, o.requested_on AS requestedOn,
         o.promised_on AS promisedOn, c.name AS customerName, c.email, c.phone, c.vat_number AS vatNumber, c.fiscal_code AS fiscalCode,
         c.street, c.postcode, c.city, c.province, c.country, c.ship_street AS shipStreet, c.ship_postcode AS shipPostcode, c.ship_city AS shipCity,
         c.ship_province AS shipProvince, c.ship_country AS shipCountry, o.notes, l.position, i.sku, i.name AS itemName, l.qty_milli AS quantity,
         i.unit, l.unit_price AS unitPrice, l.unit_price_cents AS unitPriceCents, l.discounts, l.discount_bp AS discountPct, l.vat_bp AS vatPct, l.note AS lineNote, l.shipped_milli AS shipped
  FROM customer_orders o JOIN customers c ON c.id = o.customer_id JOIN order_lines l ON l.order_id = o.id JOIN items i ON i.id = l.item_id`;

function orderLineRows(ctx: ReadCtx, input: ExportInput): IterableIterator<OrderLineRow> {
  const withItem = input.itemId ? [sql`o.id IN (SELECT order_id FROM order_lines WHERE item_id = ${input.itemId})`] : [];
  const f = filters(input, { date: sql`o.ordered_on`, channel: sql`o.channel`, customer: sql`o.customer_id` }, withItem);
  const q = sql`${ORDER_LINES_SQL} ${f} ORDER BY o.id, l.position`;
  return ctx.sqlite.prepare(q.text).iterate(...q.values) as IterableIterator<OrderLineRow>;
}

interface ListExport {
  columns: CsvColumn[];
  rows: Iterable<Cell[]>;
}

function ordersList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  const cols = BOTTEGA_ORDER_COLUMNS.map(([field, en, it]) => [en, it, ORDER_KINDS[field] ?? 'text'] as const);
  const fields = BOTTEGA_ORDER_COLUMNS.map(([field]) => field);
  function* rows(): Generator<Cell[]> {
    for (const r of orderLineRows(ctx, input)) {
      const net = lineNet({ qtyMilli: r.quantity, unitPrice: r.unitPrice, unitPriceCents: r.unitPriceCents, discounts: r.discounts });
      yield fields.map((f) => (f === 'netAmount' ? net : ((r as unknown as Record<string, Cell>)[f] ?? null)));
    }
  }
  return { columns: columnsFor(cols, locale), rows: rows() };
}

const LINE_COLS: readonly Col[] = [
  ['Order number', 'Numero ordine', 'text'],
  ['Ordered on', 'Data ordine', 'date'],
  ['Requested on', 'Data richiesta', 'date'],
  ['Status', 'Avanzamento', 'text'],
  ['Customer', 'Cliente', 'text'],
  ['Channel', 'Canale', 'text'],
  ['Line', 'Riga', 'int'],
  ['SKU', 'SKU', 'text'],
  ['Item', 'Articolo', 'text'],
  ['Quantity', 'Quantità', 'milli'],
  ['Shipped', 'Spedito', 'milli'],
  ['Still to ship', 'Da spedire', 'milli'],
  ['Unit', 'Unità', 'text'],
  ['Unit price', 'Prezzo unitario', 'decimal'],
  ['Discount %', 'Sconto %', 'bp'],
  ['VAT %', 'IVA %', 'bp'],
  ['Net amount', 'Imponibile', 'cents'],
];

function orderLinesList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  function* rows(): Generator<Cell[]> {
    for (const r of orderLineRows(ctx, input)) {
      if (r.state === 'cancelled') continue;
      yield [r.number, r.orderedOn, r.requestedOn, r.status, r.customerName, r.channel, r.position, r.sku, r.itemName, r.quantity, r.shipped,
        Math.max(0, r.quantity - r.shipped), r.unit, r.unitPrice, r.discountPct, r.vatPct,
        lineNet({ qtyMilli: r.quantity, unitPrice: r.unitPrice, unitPriceCents: r.unitPriceCents, discounts: r.discounts })];
    }
  }
  return { columns: columnsFor(LINE_COLS, locale), rows: rows() };
}

const STOCK_COLS: readonly Col[] = [
  ['SKU', 'SKU', 'text'],
  ['Item', 'Articolo', 'text'],
  ['Kind', 'Tipo', 'text'],
  ['Unit', 'Unità', 'text'],
  ['On hand', 'Giacenza', 'milli'],
  ['Reserved', 'Impegnato', 'milli'],
  ['Available', 'Disponibile', 'milli'],
  ['Reorder point', 'Punto di riordino', 'milli'],
  ['Below reorder point', 'Sotto scorta', 'text'],
  ['Open lots', 'Lotti aperti', 'int'],
  ['Next expiry', 'Prossima scadenza', 'date'],
  ['Expired lots', 'Lotti scaduti', 'text'],
  ['In quarantine', 'In quarantena', 'text'],
];

function stockList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  const today = localDate(ctx.now());
  const all = stockRows(ctx, { filter: 'all', today, soonDays: readSettings(ctx).inventory.expiringSoonDays });
  const rows = all
    .filter((r) => !input.itemId || r.item.id === input.itemId)
    .map((r) => [r.item.sku, r.item.name, r.item.kind, r.item.unit, r.onHandMilli, r.reservedMilli, r.availableMilli, r.reorderPointMilli,
      yesNo(r.belowReorder, locale), r.openLots, r.nextExpiry, yesNo(r.expired, locale), yesNo(r.quarantined, locale)]);
  return { columns: columnsFor(STOCK_COLS, locale), rows };
}

const LOT_COLS: readonly Col[] = [
  ['Lot', 'Lotto', 'text'],
  ['SKU', 'SKU', 'text'],
  ['Item', 'Articolo', 'text'],
  ['Unit', 'Unità', 'text'],
  ['Status', 'Stato', 'text'],
  ['Origin', 'Origine', 'text'],
  ['Received or produced on', 'Data carico o produzione', 'date'],
  ['Expires on', 'Scadenza', 'date'],
  ['Supplier', 'Fornitore', 'text'],
  ['Supplier lot', 'Lotto fornitore', 'text'],
  ['On hand', 'Giacenza', 'milli'],
  ['Reserved', 'Impegnato', 'milli'],
  ['Unit cost', 'Costo unitario', 'micros'],
];

function lotsList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  const f = filters(input, { date: sql`l.origin_date`, item: sql`l.item_id` });
  const q = sql`SELECT l.code, i.sku, i.name, i.unit, l.status, l.origin, l.origin_date, l.expires_on, s.name AS supplier, l.supplier_lot_code,
              l.on_hand_milli, l.reserved_milli, l.unit_cost_micros
       FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id ${f} ORDER BY l.origin_date, l.id`;
  const rows = ctx.sqlite
    .prepare(q.text)
    .raw()
    .iterate(...q.values) as IterableIterator<Cell[]>;
  return { columns: columnsFor(LOT_COLS, locale), rows };
}

const MOVEMENT_COLS: readonly Col[] = [
  ['Date', 'Data', 'date'],
  ['Movement', 'Movimento', 'int'],
  ['Kind', 'Tipo', 'text'],
  ['Lot', 'Lotto', 'text'],
  ['SKU', 'SKU', 'text'],
  ['Item', 'Articolo', 'text'],
  ['Quantity', 'Quantità', 'milli'],
  ['Unit', 'Unità', 'text'],
  ['Location', 'Ubicazione', 'text'],
  ['Document', 'Documento', 'text'],
  ['Document id', 'Id documento', 'int'],
  ['Reason', 'Causale', 'text'],
  ['Reverses movement', 'Storna movimento', 'int'],
];

function movementsList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  // an item's movements through its lots (lots_item_expiry, then stock_movements_lot_location): no index leads with a
  // movement's item since 0023_wal (each movement wrote a scattered leaf of it); m.item_id is kept in the filter, so the
  // rows are the same as by m.item_id alone wherever a movement's item is its lot's
  const byItem = input.itemId ? [sql`m.lot_id IN (SELECT id FROM lots WHERE item_id = ${input.itemId})`] : [];
  const f = filters(input, { date: sql`m.date`, item: sql`m.item_id` }, byItem);
  const q = sql`SELECT m.date, m.id, m.kind, l.code, i.sku, i.name, m.qty_milli, i.unit, loc.code AS location, m.doc_type, m.doc_id, m.reason, m.reverses_id
       FROM stock_movements m JOIN lots l ON l.id = m.lot_id JOIN items i ON i.id = m.item_id JOIN locations loc ON loc.id = m.location_id
       ${f} ORDER BY m.date, m.id`;
  const rows = ctx.sqlite
    .prepare(q.text)
    .raw()
    .iterate(...q.values) as IterableIterator<Cell[]>;
  return { columns: columnsFor(MOVEMENT_COLS, locale), rows };
}

const PRODUCTION_COLS: readonly Col[] = [
  ['Number', 'Numero', 'text'],
  ['SKU', 'SKU', 'text'],
  ['Item', 'Articolo', 'text'],
  ['Unit', 'Unità', 'text'],
  ['Recipe version', 'Versione ricetta', 'int'],
  ['Batches', 'Lotti di produzione', 'int'],
  ['Planned quantity', 'Quantità pianificata', 'milli'],
  ['Planned on', 'Data pianificata', 'date'],
  ['Status', 'Stato', 'text'],
  ['Materials short', 'Materiali mancanti', 'text'],
  ['Produced on', 'Data produzione', 'date'],
  ['Actual quantity', 'Quantità prodotta', 'milli'],
  ['Output lot', 'Lotto prodotto', 'text'],
  ['Orders served', 'Ordini serviti', 'text'],
];

function productionList(ctx: ReadCtx, input: ExportInput, locale: Locale): ListExport {
  const f = filters(input, { date: sql`p.planned_on`, item: sql`p.item_id` });
  const q = sql`SELECT p.number, i.sku, i.name, i.unit, r.version, p.batches, p.planned_qty_milli, p.planned_on, p.status, p.materials_short, p.produced_on,
            p.actual_qty_milli, lo.code,
            (SELECT group_concat(number, ' ') FROM (SELECT DISTINCT o.number FROM production_links k JOIN order_lines ol ON ol.id = k.order_line_id
              JOIN customer_orders o ON o.id = ol.order_id WHERE k.production_order_id = p.id ORDER BY o.number)) AS orders
     FROM production_orders p JOIN items i ON i.id = p.item_id JOIN recipes r ON r.id = p.recipe_id LEFT JOIN lots lo ON lo.id = p.output_lot_id
     ${f} ORDER BY p.planned_on, p.id`;
  const stmt = ctx.sqlite.prepare(q.text);
  function* rows(): Generator<Cell[]> {
    for (const r of stmt.raw().iterate(...q.values) as IterableIterator<Cell[]>) {
      r[9] = yesNo(r[9] === 1, locale);
      yield r;
    }
  }
  return { columns: columnsFor(PRODUCTION_COLS, locale), rows: rows() };
}

const LISTS: Record<ExportInput['list'], (ctx: ReadCtx, input: ExportInput, locale: Locale) => ListExport> = {
  orders: ordersList,
  order_lines: orderLinesList,
  stock: stockList,
  lots: lotsList,
  movements: movementsList,
  production: productionList,
};

const FILE_NAMES: Record<ExportInput['list'], [string, string]> = {
  orders: ['orders', 'ordini'],
  order_lines: ['order-lines', 'righe-ordini'],
  stock: ['stock', 'magazzino'],
  lots: ['lots', 'lotti'],
  movements: ['movements', 'movimenti'],
  production: ['production', 'produzione'],
};

export const exportCsv: Handler<'exports.csv'> = (ctx, input) => {
  const list = LISTS[input.list](ctx, input, input.locale);
  let count = 0;
  function* counted(): Generator<Cell[]> {
    for (const r of list.rows) {
      count++;
      yield r;
    }
  }
  const csv = writeCsv(list.columns, counted(), CSV_STYLES[input.locale]);
  const [en, it] = FILE_NAMES[input.list];
  return { fileName: `bottega-${input.locale === 'it' ? it : en}-${localDate(ctx.now())}.csv`, csv, rows: count };
};
