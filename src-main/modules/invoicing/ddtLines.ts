/**
 * What a deferred or immediate invoice is made of: the sale DDTs not yet invoiced and, for
 * each, the shipped quantities at their order lines' frozen prices. An order's service lines
 * (shipping charged, packaging) are never shipped, so they go with the first DDT of their
 * order that is invoiced, once. Reads the shipping, orders and catalog tables; writes nothing.
 */
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';

export interface SourceLine {
  ddtId: number | null;
  orderLineId: number | null;
  itemId: number | null;
  code: string;
  description: string;
  qtyMilli: number;
  unit: string;
  unitPrice: string;
  discounts: string;
  vatBp: number;
  natura: string | null;
}

export interface CandidateDdt {
  id: number;
  number: string;
  date: string;
  customerId: number;
  /** the channels of the orders it carries (for the consumers' rule) */
  channels: string[];
}

/** A DDT's causale is a sale when it says "vendita" (the default); omaggio, conto visione, conto lavorazione are not. */
export const SALE_CAUSALE = sql`lower(trim(s.causale)) LIKE 'vendit%'`;

/**
 * Sale DDTs of a month (dates from..to) not in any invoice, oldest first. CROSS JOIN keeps
 * the DDTs (found by ddts_date) as the outer loop: left to itself the planner walks every
 * confirmed shipment of ten years first (4 s instead of 0,15 s on the large dataset).
 */
export function uninvoicedDdts(ctx: ReadCtx, from: string, to: string, customerId: number | null): CandidateDdt[] {
  const q = sql`SELECT d.id, d.number, d.date, s.customer_id AS customerId,
         (SELECT group_concat(DISTINCT o.channel) FROM shipment_lines sl JOIN customer_orders o ON o.id = sl.order_id WHERE sl.shipment_id = s.id) AS channels
    FROM ddts d CROSS JOIN shipments s ON s.id = d.shipment_id
   WHERE d.kind = 'shipment' AND d.date >= ${from} AND d.date <= ${to} AND s.state = 'confirmed' AND ${SALE_CAUSALE}
     AND (${customerId} IS NULL OR s.customer_id = ${customerId})
     AND NOT EXISTS (SELECT 1 FROM invoice_ddts x WHERE x.ddt_id = d.id)
   ORDER BY d.date, d.year, d.seq`;
  return (ctx.sqlite.prepare(q.text).all(...q.values) as (Omit<CandidateDdt, 'channels'> & { channels: string | null })[]).map((r) => ({
    ...r,
    channels: r.channels ? r.channels.split(',') : [],
  }));
}

type LineRow = SourceLine & { orderId: number };

const LINE_COLUMNS = sql`ol.id AS orderLineId, ol.item_id AS itemId, i.sku AS code, i.name AS description, i.unit,
       CASE WHEN ol.unit_price = '' THEN printf('%d.%02d', ol.unit_price_cents / 100, ol.unit_price_cents % 100) ELSE ol.unit_price END AS unitPrice,
       ol.discounts, ol.vat_bp AS vatBp, NULL AS natura, ol.order_id AS orderId`;

/** The goods lines of these DDTs (one per order line and DDT, quantities summed over lots), in DDT then line order. */
export function ddtGoodsLines(ctx: ReadCtx, ddtIds: number[]): LineRow[] {
  if (ddtIds.length === 0) return [];
  const q = sql`SELECT d.id AS ddtId, ${LINE_COLUMNS}, SUM(sl.qty_milli) AS qtyMilli
    FROM ddts d JOIN shipment_lines sl ON sl.shipment_id = d.shipment_id
    JOIN order_lines ol ON ol.id = sl.order_line_id JOIN items i ON i.id = ol.item_id
   WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(ddtIds)}))
   GROUP BY d.id, ol.id
   ORDER BY d.date, d.year, d.seq, MIN(sl.position)`;
  return ctx.sqlite.prepare(q.text).all(...q.values) as LineRow[];
}

/** Service lines of these orders not yet on an invoice (credit notes aside). */
export function uninvoicedServiceLines(ctx: ReadCtx, orderIds: number[]): LineRow[] {
  if (orderIds.length === 0) return [];
  const q = sql`SELECT NULL AS ddtId, ${LINE_COLUMNS}, ol.qty_milli AS qtyMilli
    FROM order_lines ol JOIN items i ON i.id = ol.item_id
   WHERE ol.order_id IN (SELECT value FROM json_each(${JSON.stringify(orderIds)})) AND i.kind = 'service' AND ol.qty_milli > 0
     AND NOT EXISTS (SELECT 1 FROM invoice_lines il JOIN invoices inv ON inv.id = il.invoice_id WHERE il.order_line_id = ol.id AND inv.kind <> 'TD04')
   ORDER BY ol.order_id, ol.position`;
  return ctx.sqlite.prepare(q.text).all(...q.values) as LineRow[];
}

/**
 * The lines of an invoice made of these DDTs: each DDT's goods lines, and after the first
 * DDT of each order its service lines (linked to that DDT, so DatiDDT covers them).
 */
export function linesForDdts(ctx: ReadCtx, ddtIds: number[]): SourceLine[] {
  const goods = ddtGoodsLines(ctx, ddtIds);
  const services = uninvoicedServiceLines(ctx, [...new Set(goods.map((g) => g.orderId))]);
  const out: SourceLine[] = [];
  const placed = new Set<number>();
  goods.forEach((g, i) => {
    out.push(strip(g));
    const next = goods[i + 1];
    const endOfOrderInDdt = !next || next.ddtId !== g.ddtId || next.orderId !== g.orderId;
    if (endOfOrderInDdt && !placed.has(g.orderId)) {
      placed.add(g.orderId);
      for (const s of services) if (s.orderId === g.orderId) out.push(strip({ ...s, ddtId: g.ddtId }));
    }
  });
  return out;
}

function strip(r: LineRow): SourceLine {
  const { orderId: _orderId, ...rest } = r;
  void _orderId;
  return { ...rest, qtyMilli: Number(rest.qtyMilli) };
}
