import type { Address, Shipment, ShipmentReturn } from '../../../src-shared/contract/shipping';
import { grossWeightG, netWeightG, packageCount } from '../../../src-shared/domain/shipmentWeight';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { sql, type Sql } from '../../db/sql';

export const SHIPMENT = 'shipment';
export const SHIPMENT_RETURN = 'shipment_return';

interface ShipmentRow {
  id: number;
  version: number;
  state: Shipment['state'];
  customerId: number;
  causale: string;
  transportBy: Shipment['transportBy'];
  carrier: string | null;
  carrierService: string | null;
  trackingNumber: string | null;
  transportStart: string | null;
  destination: string | null;
  grossWeightG: number | null;
  notes: string;
  ddtId: number | null;
  ddtNumber: string | null;
  ddtDate: string | null;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
}

interface CustomerRow {
  id: number;
  name: string;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  language: 'it' | 'en';
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
}

export function loadCustomer(ctx: ReadCtx, id: number): CustomerRow {
  const c = ctx.sqlite
    .prepare(
      `SELECT id, name, vat_number AS vatNumber, email, phone, language, street, postcode, city, province, country,
              ship_street AS shipStreet, ship_postcode AS shipPostcode, ship_city AS shipCity, ship_province AS shipProvince, ship_country AS shipCountry
       FROM customers WHERE id = ?`,
    )
    .get(id) as CustomerRow | undefined;
  if (!c) throw notFound('customer', id);
  return c;
}

export function registeredAddress(c: CustomerRow): Address {
  return { name: c.name, street: c.street, postcode: c.postcode, city: c.city, province: c.province, country: c.country };
}

/** The customer's shipping address when it has one, else the registered one. */
export function shippingAddress(c: CustomerRow): Address {
  if (c.shipStreet === '' && c.shipCity === '') return registeredAddress(c);
  return { name: c.name, street: c.shipStreet, postcode: c.shipPostcode, city: c.shipCity, province: c.shipProvince, country: c.shipCountry || c.country };
}

function sameAddress(a: Address, b: Address): boolean {
  return (['name', 'street', 'postcode', 'city', 'province', 'country'] as const).every((k) => a[k].trim().toLowerCase() === b[k].trim().toLowerCase());
}

const LINE_SELECT = sql`SELECT sl.id, sl.shipment_id AS shipmentId, sl.position, sl.order_line_id AS orderLineId, sl.order_id AS orderId, o.number AS orderNumber,
    i.id AS itemId, i.sku, i.name AS itemName, i.kind, i.unit, i.gtin, i.net_weight_mg AS netWeightMg,
    l.id AS lotId, l.code AS lotCode, l.expires_on AS expiresOn, l.status AS lotStatus, sl.qty_milli AS qtyMilli,
    coalesce((SELECT sum(r.qty_milli) FROM shipment_return_lines r WHERE r.shipment_line_id = sl.id), 0) AS returnedMilli
  FROM shipment_lines sl JOIN customer_orders o ON o.id = sl.order_id JOIN items i ON i.id = sl.item_id JOIN lots l ON l.id = sl.lot_id`;

type LineRow = { id: number; shipmentId: number; position: number; orderLineId: number; orderId: number; orderNumber: string; itemId: number; sku: string; itemName: string; kind: 'product'; unit: 'pcs'; gtin: string | null; netWeightMg: number | null; lotId: number; lotCode: string; expiresOn: string | null; lotStatus: 'released'; qtyMilli: number; returnedMilli: number };

const item = (r: Pick<LineRow, 'itemId' | 'sku' | 'itemName' | 'kind' | 'unit' | 'gtin' | 'netWeightMg'>) => ({ id: r.itemId, sku: r.sku, name: r.itemName, kind: r.kind, unit: r.unit, gtin: r.gtin, netWeightMg: r.netWeightMg });

function toLine(r: LineRow): Shipment['lines'][number] {
  return {
    id: r.id,
    position: r.position,
    orderLineId: r.orderLineId,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    item: item(r),
    lot: { id: r.lotId, code: r.lotCode, expiresOn: r.expiresOn, status: r.lotStatus },
    qtyMilli: r.qtyMilli,
    returnedMilli: r.returnedMilli,
  };
}

export function loadReturns(ctx: ReadCtx, where: Sql, param: number): ShipmentReturn[] {
  const heads = ctx.sqlite
    .prepare(
      sql`SELECT r.id, r.shipment_id AS shipmentId, r.date, r.reason, r.collected, r.created_at AS createdAt, d.id AS ddtId, d.number AS ddtNumber, d.date AS ddtDate
       FROM shipment_returns r LEFT JOIN ddts d ON d.id = r.ddt_id WHERE ${where} ORDER BY r.id`.text,
    )
    .all(param) as { id: number; shipmentId: number; date: string; reason: string; collected: number; createdAt: string; ddtId: number | null; ddtNumber: string | null; ddtDate: string | null }[];
  if (heads.length === 0) return [];
  const lines = ctx.sqlite
    .prepare(
      `SELECT rl.id, rl.return_id AS returnId, rl.shipment_line_id AS shipmentLineId, rl.lot_id AS lotId, l.code AS lotCode, rl.qty_milli AS qtyMilli, rl.disposition,
              i.id AS itemId, i.sku, i.name AS itemName, i.kind, i.unit, i.gtin, i.net_weight_mg AS netWeightMg
       FROM shipment_return_lines rl JOIN lots l ON l.id = rl.lot_id JOIN items i ON i.id = l.item_id
       WHERE rl.return_id IN (SELECT value FROM json_each(?)) ORDER BY rl.id`,
    )
    .all(JSON.stringify(heads.map((h) => h.id))) as (Pick<LineRow, 'itemId' | 'sku' | 'itemName' | 'kind' | 'unit' | 'gtin' | 'netWeightMg'> & { id: number; returnId: number; shipmentLineId: number; lotId: number; lotCode: string; qtyMilli: number; disposition: 'restock' })[];
  return heads.map((h) => ({
    id: h.id,
    shipmentId: h.shipmentId,
    date: h.date,
    reason: h.reason,
    collected: h.collected === 1,
    ddt: h.ddtId === null ? null : { id: h.ddtId, number: h.ddtNumber!, date: h.ddtDate! },
    createdAt: h.createdAt,
    lines: lines
      .filter((l) => l.returnId === h.id)
      .map((l) => ({ id: l.id, shipmentLineId: l.shipmentLineId, lotId: l.lotId, lotCode: l.lotCode, item: item(l), qtyMilli: l.qtyMilli, disposition: l.disposition })),
  }));
}

/**
 * One shipment as every screen, document and the labels use it: customer, recipient and
 * destination, carrier and tracking, packages and weights, lines with item and lot, returns.
 */
export function loadShipment(ctx: ReadCtx, id: number): Shipment {
  const s = ctx.sqlite
    .prepare(
      `SELECT s.id, s.version, s.state, s.customer_id AS customerId, s.causale, s.transport_by AS transportBy, s.carrier, s.carrier_service AS carrierService,
              s.tracking_number AS trackingNumber, s.transport_start AS transportStart, s.destination, s.gross_weight_g AS grossWeightG, s.notes,
              s.ddt_id AS ddtId, d.number AS ddtNumber, d.date AS ddtDate, s.created_at AS createdAt, s.confirmed_at AS confirmedAt, s.cancelled_at AS cancelledAt
       FROM shipments s LEFT JOIN ddts d ON d.id = s.ddt_id WHERE s.id = ?`,
    )
    .get(id) as ShipmentRow | undefined;
  if (!s) throw notFound('shipment', id);
  const c = loadCustomer(ctx, s.customerId);
  const recipient = registeredAddress(c);
  const destination = s.destination ? (JSON.parse(s.destination) as Address) : shippingAddress(c);
  const lines = (ctx.sqlite.prepare(sql`${LINE_SELECT} WHERE sl.shipment_id = ? ORDER BY sl.position`.text).all(id) as LineRow[]).map(toLine);
  const packages = ctx.sqlite
    .prepare('SELECT position, count, appearance, tare_g AS tareG FROM shipment_packages WHERE shipment_id = ? ORDER BY position')
    .all(id) as Shipment['packages'];
  const orders = ctx.sqlite
    .prepare(
      `SELECT o.id, o.number, o.status FROM customer_orders o
       WHERE o.id IN (SELECT DISTINCT order_id FROM shipment_lines WHERE shipment_id = ?) ORDER BY o.number`,
    )
    .all(id) as Shipment['orders'];
  const net = netWeightG(lines.map((l) => ({ qtyMilli: l.qtyMilli, netWeightMg: l.item.netWeightMg })));
  return {
    id: s.id,
    version: s.version,
    state: s.state,
    customer: { id: c.id, name: c.name, vatNumber: c.vatNumber, email: c.email, phone: c.phone, language: c.language },
    recipient,
    destination,
    destinationDiffers: !sameAddress(recipient, destination),
    ddt: s.ddtId === null ? null : { id: s.ddtId, number: s.ddtNumber!, date: s.ddtDate! },
    causale: s.causale,
    transportBy: s.transportBy,
    carrier: s.carrier,
    carrierService: s.carrierService,
    trackingNumber: s.trackingNumber,
    transportStart: s.transportStart,
    packages,
    packageCount: packageCount(packages),
    appearance: [...new Set(packages.map((p) => p.appearance).filter(Boolean))].join(', '),
    netWeightG: net,
    grossWeightG: s.grossWeightG ?? grossWeightG(net, packages),
    grossWeightTyped: s.grossWeightG !== null,
    notes: s.notes,
    orders,
    lines,
    returns: loadReturns(ctx, sql`r.shipment_id = ?`, id),
    createdAt: s.createdAt,
    confirmedAt: s.confirmedAt,
    cancelledAt: s.cancelledAt,
  };
}
