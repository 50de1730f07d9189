import type { z } from 'zod';
import type { reservation } from '../../../src-shared/contract/inventory';
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import { lotUnusableReason } from '../../../src-shared/domain/fefo';
import type { Handler } from '../../api/handlers';
import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError, notFound } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { insufficient, itemAvailableMilli, unholdLot } from './ledger';
import { createStockDocument, documentExists, STOCK_DOCUMENT } from './documents';
import { loadLot } from './lotRows';
import { sql, type Sql } from '../../db/sql';

type Reservation = z.infer<typeof reservation>;

const RES_SELECT = sql`SELECT r.id, r.item_id AS itemId, r.lot_id AS lotId, l.code AS lotCode, r.qty_milli AS qtyMilli,
  r.original_milli AS originalMilli, r.doc_type AS docType, r.doc_id AS docId, r.doc_line_id AS docLineId, r.note, r.created_at AS createdAt
  FROM reservations r LEFT JOIN lots l ON l.id = r.lot_id`;

export function loadReservation(ctx: Ctx, id: number): Reservation {
  const r = ctx.sqlite.prepare(sql`${RES_SELECT} WHERE r.id = ?`.text).get(id) as Reservation | undefined;
  if (!r) throw notFound('reservation', id);
  return r;
}

/** The open reservations (quantity still held) a document made, of one of its lines if given, oldest first. */
export function reservationsForDoc(ctx: ReadCtx, docType: string, docId: number, docLineId?: number): Reservation[] {
  const q = reservationsForDocSql(docType, docId, docLineId);
  return ctx.sqlite.prepare(q.text).all(...q.values) as Reservation[];
}

/** The statement reservationsForDoc runs (its query-plan test plans this very text; `= +?`: db/sql.ts says why). */
export function reservationsForDocSql(docType: string, docId: number, docLineId?: number): Sql {
  return sql`${RES_SELECT} WHERE r.doc_type = +${docType} AND r.doc_id = +${docId} ${docLineId === undefined ? sql`` : sql`AND r.doc_line_id = +${docLineId} `}AND r.qty_milli > 0 ORDER BY r.id`;
}

const OPEN_OF_LOT = sql`${RES_SELECT} WHERE r.lot_id = ? AND r.qty_milli > 0 ORDER BY r.id`;

/** The open reservations on one lot, oldest first. */
export function reservationsOfLot(ctx: ReadCtx, lotId: number): Reservation[] {
  return ctx.sqlite.prepare(OPEN_OF_LOT.text).all(lotId) as Reservation[];
}

export interface ReserveRequest {
  itemId: number;
  lotId?: number | null;
  qtyMilli: number;
  docType: string;
  docId: number;
  docLineId?: number | null;
  note?: string;
  needDate: string;
}

/** Holds stock for a document; refuses with INSUFFICIENT_STOCK or LOT_NOT_RELEASED. */
export function reserveStock(ctx: Ctx, r: ReserveRequest): number {
  const item = ctx.sqlite.prepare('SELECT id, sku, unit FROM items WHERE id = ?').get(r.itemId) as { id: number; sku: string; unit: string } | undefined;
  if (!item) throw notFound('item', r.itemId);
  const available = itemAvailableMilli(ctx, r.itemId, r.needDate);
  if (r.lotId) {
    const lot = loadLot(ctx, r.lotId);
    if (lot.item.id !== r.itemId) throw new DomainError('VALIDATION', `Lot ${lot.code} is not a lot of ${item.sku}`, { lotId: lot.id });
    const why = lotUnusableReason({ ...lot, lotId: lot.id }, r.needDate);
    if (why) throw new DomainError('LOT_NOT_RELEASED', `Lot ${lot.code} cannot be reserved: ${why}`, { lotId: lot.id, code: lot.code, reason: why });
    const free = lot.onHandMilli - lot.reservedMilli;
    if (free < r.qtyMilli) throw insufficient({ ...item, itemId: item.id, lotCode: lot.code }, r.qtyMilli, Math.max(0, free));
  }
  if (available < r.qtyMilli) throw insufficient({ ...item, itemId: item.id }, r.qtyMilli, Math.max(0, available));
  return holdStock(ctx, r);
}

/**
 * The write of reserveStock, for a caller whose own reads in this transaction already
 * prove what reserveStock checks (release's FEFO proposal: free lots, usable on the day,
 * the item's availability counted for the whole need): two statements a lot, not seven.
 */
export function holdStock(ctx: Ctx, r: Omit<ReserveRequest, 'needDate'>): number {
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO reservations (item_id, lot_id, qty_milli, original_milli, doc_type, doc_id, doc_line_id, note, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.itemId, r.lotId ?? null, r.qtyMilli, r.qtyMilli, r.docType, r.docId, r.docLineId ?? null, r.note ?? '', ctx.now().toISOString()).lastInsertRowid,
  );
  if (r.lotId) ctx.sqlite.prepare('UPDATE lots SET reserved_milli = reserved_milli + ? WHERE id = ?').run(r.qtyMilli, r.lotId);
  return id;
}

/**
 * holdStock for several holds at once (a release holds a dozen FEFO lots): the same rows in
 * the same order, one INSERT for the reservations and one UPDATE for the lots they hold.
 */
export function holdStockMany(ctx: Ctx, holds: readonly Omit<ReserveRequest, 'needDate'>[]): void {
  if (holds.length === 0) return;
  if (holds.length === 1) {
    holdStock(ctx, holds[0]!);
    return;
  }
  ctx.sqlite
    .prepare(
      `INSERT INTO reservations (item_id, lot_id, qty_milli, original_milli, doc_type, doc_id, doc_line_id, note, created_at)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ? FROM json_each(?) ORDER BY key`,
    )
    .run(ctx.now().toISOString(), JSON.stringify(holds.map((r) => [r.itemId, r.lotId ?? null, r.qtyMilli, r.docType, r.docId, r.docLineId ?? null, r.note ?? ''])));
  const perLot = new Map<number, number>();
  for (const r of holds) if (r.lotId) perLot.set(r.lotId, (perLot.get(r.lotId) ?? 0) + r.qtyMilli);
  if (perLot.size === 0) return;
  ctx.sqlite
    .prepare('UPDATE lots SET reserved_milli = reserved_milli + j.q FROM (SELECT value ->> 0 AS id, value ->> 1 AS q FROM json_each(?)) AS j WHERE lots.id = j.id')
    .run(JSON.stringify([...perLot]));
}

/** Lowers what a reservation holds by `qty` (release or consumption), exact to the thousandth. */
export function reduceReservation(ctx: Ctx, id: number, qtyMilli: number): void {
  const r = loadReservation(ctx, id);
  if (qtyMilli > r.qtyMilli) {
    throw new DomainError('CONFLICT', `The reservation holds ${r.qtyMilli / 1000}, not ${qtyMilli / 1000}`, { reservationId: id, heldMilli: r.qtyMilli, requestedMilli: qtyMilli });
  }
  setHeld(ctx, id, r.lotId, r.qtyMilli - qtyMilli, qtyMilli);
}

/**
 * The write of reduceReservation, for a caller that read the reservation in this
 * transaction and checked the quantity: it now holds `left`, `taken` less than before.
 */
export function setHeld(ctx: Ctx, id: number, lotId: number | null, left: number, taken: number): void {
  ctx.sqlite.prepare('UPDATE reservations SET qty_milli = ?, closed_at = ? WHERE id = ?').run(left, left === 0 ? ctx.now().toISOString() : null, id);
  if (lotId) unholdLot(ctx, lotId, taken);
}

/**
 * Uses a reservation for a consumption of `qty` from `lotId`: returns how much of the
 * quantity the reservation covered (an item-level reservation covers any lot of its item).
 */
export function consumeReservation(ctx: Ctx, reservationId: number, lotId: number, qtyMilli: number): number {
  const r = loadReservation(ctx, reservationId);
  const lotItem = (ctx.sqlite.prepare('SELECT item_id AS itemId FROM lots WHERE id = ?').get(lotId) as { itemId: number } | undefined)?.itemId;
  if (r.itemId !== lotItem) {
    throw new DomainError('CONFLICT', `Reservation ${reservationId} holds another item than this lot`, { reservationId, lotId });
  }
  if (r.lotId !== null && r.lotId !== lotId) {
    throw new DomainError('CONFLICT', `Reservation ${reservationId} holds lot ${r.lotCode}, not this lot`, { reservationId, lotId });
  }
  const covered = Math.min(qtyMilli, r.qtyMilli);
  if (covered > 0) reduceReservation(ctx, reservationId, covered);
  return covered;
}

export const reserve: Handler<'inventory.reserve'> = (ctx, input) => {
  const item = ctx.sqlite.prepare('SELECT unit FROM items WHERE id = ?').get(input.itemId) as { unit: 'kg' } | undefined;
  if (!item) throw notFound('item', input.itemId);
  const p = new FieldProblems();
  const qty = p.parse(['quantity'], 'quantity', () => parseQuantity(input.quantity, item.unit), { unit: item.unit });
  if (qty !== null && qty <= 0) p.add(['quantity'], 'positive', 'The quantity must be more than zero');
  p.throwIfAny('Invalid reservation');
  const needDate = input.needDate ?? localDate(ctx.now());
  let docType = input.docType;
  let docId = input.docId;
  if (docType === undefined || docId === undefined) {
    docType = STOCK_DOCUMENT;
    docId = createStockDocument(ctx, { kind: 'reservation', date: localDate(ctx.now()), note: input.note });
  } else if (!documentExists(ctx, docType, docId)) {
    throw new DomainError('NOT_FOUND', `No document ${docType} ${docId} to reserve for`, { docType, docId });
  }
  const id = reserveStock(ctx, { itemId: input.itemId, lotId: input.lotId ?? null, qtyMilli: qty!, docType, docId, docLineId: input.docLineId ?? null, note: input.note, needDate });
  return loadReservation(ctx, id);
};

export const releaseReservation: Handler<'inventory.releaseReservation'> = (ctx, input) => {
  const r = loadReservation(ctx, input.reservationId);
  let qty = r.qtyMilli;
  if (input.quantity !== null) {
    const unit = (ctx.sqlite.prepare('SELECT unit FROM items WHERE id = ?').get(r.itemId) as { unit: 'kg' }).unit;
    const p = new FieldProblems();
    qty = p.parse(['quantity'], 'quantity', () => parseQuantity(input.quantity!, unit), { unit }) ?? 0;
    if (p.issues.length === 0 && qty <= 0) p.add(['quantity'], 'positive', 'The quantity must be more than zero');
    p.throwIfAny('Invalid quantity');
  }
  if (qty > 0) reduceReservation(ctx, r.id, qty);
  return loadReservation(ctx, r.id);
};
