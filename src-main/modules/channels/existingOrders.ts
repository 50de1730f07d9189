/**
 * An import's orders matched against the orders already in Bottega (same channel and
 * external reference, or our own number), what changed, and what the import may do with
 * each: one query per channel or for the whole file, never one per row.
 */
import type { PreviewOrder } from '../../../src-shared/contract/channels';
import type { ReadCtx } from '../../api/context';
import { sql } from '../../db/sql';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { nameKey } from './fieldValues';
import type { Channel, FormatSpec } from './formats';
import type { ExistingOrder, PlannedOrder } from './previewTypes';

const EXISTING = sql`SELECT o.id, o.number, o.state, o.status, o.customer_id AS customerId, c.name AS customerName, o.ordered_on AS orderedOn,
                         o.requested_on AS requestedOn, o.notes, o.external_ref AS externalRef
                  FROM customer_orders o JOIN customers c ON c.id = o.customer_id`;
const EXISTING_BY_REF = sql`${EXISTING} WHERE o.channel = ? AND o.external_ref IN (SELECT value FROM json_each(?))`;
const EXISTING_BY_NUMBER = sql`${EXISTING} WHERE o.number IN (SELECT value FROM json_each(?))`;

/**
 * Orders of the file already in Bottega: by channel and external reference; an order of
 * our own export without one, by its number when the customer is the same too (a number
 * alone could be another database's order).
 */
export function findExisting(ctx: ReadCtx, plan: PlannedOrder[]): Map<string, ExistingOrder> {
  const out = new Map<string, ExistingOrder>();
  const byChannel = new Map<Channel, PlannedOrder[]>();
  const byNumber: PlannedOrder[] = [];
  for (const p of plan) {
    if (p.draft.externalRef !== null) {
      const list = byChannel.get(p.channel);
      if (list) list.push(p);
      else byChannel.set(p.channel, [p]);
    } else if (p.draft.number !== null) byNumber.push(p);
  }
  type Row = Omit<ExistingOrder, 'busy'> & { externalRef: string | null };
  const found: Row[] = [];
  const refStmt = ctx.sqlite.prepare(EXISTING_BY_REF.text);
  for (const [channel, list] of byChannel) {
    const rows = refStmt.all(channel, JSON.stringify(list.map((p) => p.draft.externalRef))) as Row[];
    const byRef = new Map(rows.map((r) => [r.externalRef!, r]));
    for (const p of list) {
      const r = byRef.get(p.draft.externalRef!);
      if (r) {
        found.push(r);
        out.set(p.draft.ref, { ...r, busy: false });
      }
    }
  }
  if (byNumber.length > 0) {
    const rows = ctx.sqlite.prepare(EXISTING_BY_NUMBER.text).all(JSON.stringify(byNumber.map((p) => p.draft.number))) as Row[];
    const byNum = new Map(rows.map((r) => [r.number, r]));
    for (const p of byNumber) {
      const r = byNum.get(p.draft.number!);
      if (r && r.externalRef === null && nameKey(r.customerName) === nameKey(p.draft.customer.name)) {
        found.push(r);
        out.set(p.draft.ref, { ...r, busy: false });
      }
    }
  }
  if (found.length > 0) {
    // the same rule orders.update applies: nothing reserved, made or shipped for it yet
    const q = sql`SELECT j.value AS id,
                EXISTS (SELECT 1 FROM reservations WHERE doc_type = ${CUSTOMER_ORDER} AND doc_id = j.value AND qty_milli > 0)
             OR EXISTS (SELECT 1 FROM production_links k JOIN order_lines l ON l.id = k.order_line_id WHERE l.order_id = j.value)
             OR EXISTS (SELECT 1 FROM order_lines WHERE order_id = j.value AND shipped_milli > 0) AS busy
         FROM json_each(${JSON.stringify(found.map((r) => r.id))}) j`;
    const busy = ctx.sqlite.prepare(q.text).all(...q.values) as { id: number; busy: number }[];
    const busyIds = new Set(busy.filter((b) => b.busy).map((b) => b.id));
    for (const e of out.values()) e.busy = busyIds.has(e.id);
  }
  return out;
}

interface ExistingLine {
  orderId: number;
  itemId: number;
  qtyMilli: number;
  unitPriceCents: number;
  discountBp: number;
  vatBp: number;
  note: string;
  /** 1: a service line (the shipping an import added), not compared with the file's goods lines */
  service: number;
}

export function linesOf(ctx: ReadCtx, orderIds: number[]): Map<number, ExistingLine[]> {
  const out = new Map<number, ExistingLine[]>();
  if (orderIds.length === 0) return out;
  const rows = ctx.sqlite
    .prepare(
      `SELECT order_id AS orderId, item_id AS itemId, qty_milli AS qtyMilli, unit_price_cents AS unitPriceCents, discount_bp AS discountBp, vat_bp AS vatBp, note,
              (SELECT kind = 'service' FROM items WHERE items.id = order_lines.item_id) AS service
       FROM order_lines WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position`,
    )
    .all(JSON.stringify(orderIds)) as ExistingLine[];
  for (const r of rows) {
    const list = out.get(r.orderId);
    if (list) list.push(r);
    else out.set(r.orderId, [r]);
  }
  return out;
}

/** What the file says differently from the order in Bottega, in words. */
export function differences(p: PlannedOrder, e: ExistingOrder, allLines: ExistingLine[], spec: FormatSpec): string[] {
  // the shipping line an import added is not in the file's lines
  const lines = spec.format === 'bottega' ? allLines : allLines.filter((l) => l.service !== 1);
  const out: string[] = [];
  const o = p.draft;
  if (o.orderedOn !== null && o.orderedOn !== e.orderedOn) out.push(`order date ${e.orderedOn} → ${o.orderedOn}`);
  if (spec.format === 'bottega') {
    if (o.requestedOn !== e.requestedOn) out.push(`requested date ${e.requestedOn ?? '–'} → ${o.requestedOn ?? '–'}`);
    if (o.notes !== e.notes) out.push('notes');
  }
  const file = p.lines;
  const n = Math.max(file.length, lines.length);
  for (let i = 0; i < n; i++) {
    const a = lines[i];
    const b = file[i];
    if (!a) out.push(`line ${i + 1} added`);
    else if (!b) out.push(`line ${i + 1} removed`);
    else {
      if (a.itemId !== b.itemId) out.push(`line ${i + 1}: another item`);
      if (a.qtyMilli !== b.qtyMilli) out.push(`line ${i + 1}: quantity`);
      // a paid shop line's net price and discount were derived from what was paid: compared through the quantity only
      if (!b.paid && a.unitPriceCents !== b.effectivePriceCents) out.push(`line ${i + 1}: price`);
      if (!b.paid && a.discountBp !== b.discountBp) out.push(`line ${i + 1}: discount`);
      if (a.vatBp !== b.vatBp) out.push(`line ${i + 1}: VAT`);
      if (spec.format === 'bottega' && a.note !== b.note) out.push(`line ${i + 1}: note`);
    }
  }
  return out;
}

export function stateOf(p: PlannedOrder, e: ExistingOrder | null, diffs: string[], spec: FormatSpec): PreviewOrder['state'] {
  const cancelled = p.draft.fileState === 'cancelled';
  if (!e) return cancelled && spec.format !== 'bottega' ? 'cancelled_new' : 'new';
  if (cancelled) {
    if (e.state === 'cancelled') return 'duplicate';
    return e.busy ? 'cancelled_locked' : 'cancelled';
  }
  if (diffs.length === 0) return 'duplicate';
  return e.busy || e.state === 'cancelled' ? 'changed_locked' : 'changed';
}
