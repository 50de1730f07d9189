import { lineStatus, orderStatus, lineNetCents, type LineFacts, type OrderStatus } from '../../../src-shared/domain/orderStatus';
import { localDate } from '../../../src-shared/domain/dates';
import type { PriceSource } from '../../../src-shared/contract/prices';
import { centsToE8, isChainProblem, lineAmountCents, lineAmountMicroCents, parseDiscountChain, parseUnitPriceE8, type DiscountBp } from '../../../src-shared/domain/pricing';
import { vatOnMicroCents } from '../../../src-shared/domain/paidNets';
import type { Ctx, ReadCtx } from '../../api/context';
import { sql, trusted } from '../../db/sql';

export const CUSTOMER_ORDER = 'customer_order';

export interface LineRow {
  id: number;
  orderId: number;
  position: number;
  itemId: number;
  qtyMilli: number;
  unitPriceCents: number;
  /** exact net unit price ("4.20", "25.40983607") */
  unitPrice: string;
  priceSource: PriceSource;
  /** "10+5" */
  discounts: string;
  discountBp: number;
  /** 1 for a service item (shipping, a surcharge): never stocked, made nor shipped */
  service: number;
  vatBp: number;
  shippedMilli: number;
  note: string;
}

export interface Allocation {
  reservationId: number;
  lineId: number;
  lotId: number;
  lotCode: string;
  qtyMilli: number;
  expiresOn: string | null;
}

export interface LineProduction {
  lineId: number;
  id: number;
  number: string;
  status: 'planned' | 'released' | 'in_progress' | 'completed' | 'cancelled';
  materialsShort: boolean;
  qtyMilli: number;
  plannedOn: string;
}

/** Lines of some orders with what is allocated to them and the production that serves them. */
export function loadLineFacts(ctx: ReadCtx, orderIds: number[]) {
  const ids = JSON.stringify(orderIds);
  const lines = ctx.sqlite
    .prepare(
      `SELECT id, order_id AS orderId, position, item_id AS itemId, qty_milli AS qtyMilli, unit_price_cents AS unitPriceCents,
              unit_price AS unitPrice, price_source AS priceSource, discounts, discount_bp AS discountBp, vat_bp AS vatBp, shipped_milli AS shippedMilli, note,
              (SELECT kind = 'service' FROM items WHERE items.id = order_lines.item_id) AS service
       FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position`,
    )
    .all(ids) as LineRow[];
  const allocations = ctx.sqlite
    .prepare(
      sql`SELECT r.id AS reservationId, r.doc_line_id AS lineId, r.lot_id AS lotId, l.code AS lotCode, r.qty_milli AS qtyMilli, l.expires_on AS expiresOn
       FROM reservations r JOIN lots l ON l.id = r.lot_id
       WHERE r.doc_type = '${trusted(CUSTOMER_ORDER)}' AND r.doc_id IN (SELECT value FROM json_each(?)) AND r.qty_milli > 0 ORDER BY r.id`.text,
    )
    .all(ids) as Allocation[];
  const production = (
    ctx.sqlite
      .prepare(
        `SELECT k.order_line_id AS lineId, p.id, p.number, p.status, p.materials_short AS materialsShort, k.qty_milli AS qtyMilli, p.planned_on AS plannedOn
         FROM production_links k JOIN production_orders p ON p.id = k.production_order_id
         JOIN order_lines ol ON ol.id = k.order_line_id
         WHERE ol.order_id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
      )
      .all(ids) as (Omit<LineProduction, 'materialsShort'> & { materialsShort: number })[]
  ).map((p) => ({ ...p, materialsShort: p.materialsShort === 1 }));
  return { lines, allocations, production };
}

export type LineFactsOf = ReturnType<typeof loadLineFacts>;

export function factsOf(line: LineRow, allocations: Allocation[], production: LineProduction[]): LineFacts {
  return {
    qtyMilli: line.qtyMilli,
    shippedMilli: line.shippedMilli,
    allocatedMilli: allocations.filter((a) => a.lineId === line.id).reduce((s, a) => s + a.qtyMilli, 0),
    production: production
      .filter((p) => p.lineId === line.id && p.status !== 'cancelled')
      .map((p) => ({ status: p.status as 'planned', materialsShort: p.materialsShort })),
  };
}

/**
 * Recomputes and stores the derived status (and total) of orders, so the order list can
 * filter on it with an index. Every command that moves an order calls this, once per
 * transaction for all the orders it touched; the new statuses come back for its answer.
 * `linesChanged: false` (stock reserved, production planned or done: the lines' quantities
 * and prices as they were) keeps the stored total instead of pricing every line again.
 */
export function refreshOrders(ctx: Ctx, orderIds: number[], { linesChanged = true }: { linesChanged?: boolean } = {}): Map<number, OrderStatus> {
  if (orderIds.length === 0) return new Map();
  const unique = [...new Set(orderIds)];
  const facts = loadLineFacts(ctx, unique);
  // the stored status too: an order whose status stays gets its updated_at alone (storeStatuses)
  const states = ctx.sqlite
    .prepare(`SELECT id, state, status FROM customer_orders WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(unique)) as { id: number; state: 'draft' | 'confirmed' | 'cancelled'; status: OrderStatus }[];
  return storeStatuses(ctx, states, facts, linesChanged);
}

/**
 * refreshOrders' derivation and write, from facts the caller already holds as they now are
 * (fulfil: what it read before planning, plus the holds and production it wrote), so they
 * are not read again.
 *
 * A caller that read an order's stored `status` passes it: when it stays (and the lines did
 * not change) only updated_at is written, because an UPDATE naming the status rewrites the
 * order's entries in customer_orders_status_date and customer_orders_open even for the same
 * value (two index leaves more in the commit, for nothing).
 */
export function storeStatuses(
  ctx: Ctx,
  states: readonly { id: number; state: 'draft' | 'confirmed' | 'cancelled'; status?: OrderStatus }[],
  facts: LineFactsOf,
  linesChanged: boolean,
): Map<number, OrderStatus> {
  const statuses = new Map<number, OrderStatus>();
  const update = linesChanged
    ? ctx.sqlite.prepare('UPDATE customer_orders SET status = ?, total_cents = ?, updated_at = ? WHERE id = ?')
    : ctx.sqlite.prepare('UPDATE customer_orders SET status = ?, updated_at = ? WHERE id = ?');
  const touch = ctx.sqlite.prepare('UPDATE customer_orders SET updated_at = ? WHERE id = ?');
  const stamp = ctx.now().toISOString();
  for (const o of states) {
    const status = statusOf(o, facts);
    if (linesChanged) update.run(status, totalOf(o.id, facts), stamp, o.id);
    else if (status === o.status) touch.run(stamp, o.id);
    else update.run(status, stamp, o.id);
    statuses.set(o.id, status);
  }
  return statuses;
}

/** An order's derived status, from its lines' facts (among facts of several orders). */
export function statusOf(o: { id: number; state: 'draft' | 'confirmed' | 'cancelled' }, { lines, allocations, production }: LineFactsOf): OrderStatus {
  return orderStatus(o.state, goodsFacts(lines.filter((l) => l.orderId === o.id), allocations, production));
}

/** An order's stored total: its lines' net amounts. */
export function totalOf(orderId: number, { lines }: LineFactsOf): number {
  return lines.reduce((s, l) => s + (l.orderId === orderId ? lineNet(l) : 0), 0);
}

/** The facts the order's status is derived from: its goods lines (a service line is never shipped). */
export function goodsFacts(lines: LineRow[], allocations: Allocation[], production: LineProduction[]): LineFacts[] {
  return lines.filter((l) => l.service !== 1).map((l) => factsOf(l, allocations, production));
}

type PricedRow = Pick<LineRow, 'qtyMilli' | 'unitPrice' | 'unitPriceCents' | 'discounts'>;

/**
 * Unit prices and discount chains parsed from their text, kept by it: parsing is a pure
 * function of the text (exact decimals in BigInt), the same few texts come back on every
 * order, and a confirm's total parsed its lines' again (a sixth of a 5-line confirm's CPU).
 * Bounded: a process that meets more texts than this starts over. The chains are shared:
 * nothing here changes one.
 */
const PARSED_MAX = 4096;
const parsedPrices = new Map<string, bigint>();
const parsedChains = new Map<string, DiscountBp[]>();

function remembered<V>(parsed: Map<string, V>, text: string, parse: (text: string) => V): V {
  let v = parsed.get(text);
  if (v === undefined) {
    v = parse(text);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, v);
  }
  return v;
}

function chainOf(text: string): DiscountBp[] {
  const chain = parseDiscountChain(text);
  return isChainProblem(chain) ? [] : chain;
}

function priceAndChain(l: PricedRow) {
  const price = l.unitPrice === '' ? centsToE8(l.unitPriceCents) : remembered(parsedPrices, l.unitPrice, parseUnitPriceE8);
  return { price, chain: remembered(parsedChains, l.discounts, chainOf) };
}

/** A line's net amount from its exact price and discount chain, rounded once. */
export function lineNet(l: PricedRow): number {
  const { price, chain } = priceAndChain(l);
  return lineAmountCents(l.qtyMilli, price, chain);
}

/** VAT of lines: per rate, on the exact sum of their amounts, rounded once per rate (paidNets.ts says why). */
export function linesVat(lines: (PricedRow & { vatBp: number })[]): number {
  const byRate = new Map<number, bigint>();
  for (const l of lines) {
    const { price, chain } = priceAndChain(l);
    byRate.set(l.vatBp, (byRate.get(l.vatBp) ?? 0n) + lineAmountMicroCents(l.qtyMilli, price, chain));
  }
  return [...byRate].reduce((s, [rate, net]) => s + vatOnMicroCents(net, rate), 0);
}

export function isLate(status: string, requestedOn: string | null, promisedOn: string | null, today: string): boolean {
  const due = promisedOn ?? requestedOn;
  return due !== null && due < today && !['shipped', 'cancelled', 'draft'].includes(status);
}

export { lineStatus, lineNetCents, localDate };
