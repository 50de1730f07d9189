import type { Ctx, ReadCtx } from '../../api/context';
import { DomainError } from '../../api/domainError';

export type MovementKind = 'receipt' | 'consume' | 'output' | 'ship' | 'return' | 'adjust' | 'scrap' | 'transfer';

export interface NewMovement {
  lotId: number;
  locationId: number;
  kind: MovementKind;
  /** signed thousandths of the item's unit */
  qtyMilli: number;
  docType: string;
  docId: number;
  date: string;
  reason?: string;
  reversesId?: number | null;
}

interface LotState {
  id: number;
  itemId: number;
  code: string;
  onHand: number;
  reserved: number;
  status: string;
  sku: string;
  unit: string;
}

export function lotState(ctx: Ctx, lotId: number): LotState {
  const s = ctx.sqlite
    .prepare(
      `SELECT l.id, l.item_id AS itemId, l.code, l.on_hand_milli AS onHand, l.reserved_milli AS reserved, l.status, i.sku, i.unit
       FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id = ?`,
    )
    .get(lotId) as LotState | undefined;
  if (!s) throw new DomainError('NOT_FOUND', `No lot with id ${lotId}`, { what: 'lot', id: lotId });
  return s;
}

export function insufficient(what: { sku: string; unit: string; itemId: number; lotCode?: string }, needed: number, available: number): DomainError {
  const short = needed - available;
  return new DomainError(
    'INSUFFICIENT_STOCK',
    `Not enough ${what.sku}${what.lotCode ? ` in lot ${what.lotCode}` : ''}: needed ${needed / 1000} ${what.unit}, available ${available / 1000} ${what.unit}`,
    { itemId: what.itemId, sku: what.sku, unit: what.unit, lotCode: what.lotCode ?? null, neededMilli: needed, availableMilli: available, shortMilli: short },
  );
}

/**
 * The only writer of the ledger. Appends one movement and moves the balance of its lot
 * and location and the lot's on-hand in the same transaction. A lot never goes below
 * zero at a location, and never below what is reserved on it.
 */
export function postMovement(ctx: Ctx, m: NewMovement): number {
  assertMovementQuantity(m);
  const lot = lotState(ctx, m.lotId);
  const at =
    m.qtyMilli < 0
      ? ((ctx.sqlite.prepare('SELECT qty_milli AS q FROM stock_balances WHERE lot_id = ? AND location_id = ?').get(m.lotId, m.locationId) as { q: number } | undefined)?.q ?? 0)
      : 0;
  return postKnownMovement(ctx, m, lot, at);
}

/** What postMovement needs to know of the lot, as it is now in this transaction. */
export type KnownLot = Pick<LotState, 'itemId' | 'code' | 'onHand' | 'reserved' | 'sku' | 'unit'>;

/** The movement row and its lot's balance at the location, as every checked post writes them; the movement's id. */
function writeMovementAndBalance(ctx: Ctx, m: NewMovement, itemId: number): number {
  const id = Number(
    ctx.sqlite
      .prepare(
        `INSERT INTO stock_movements (lot_id, item_id, location_id, kind, qty_milli, doc_type, doc_id, reverses_id, reason, date, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.lotId, itemId, m.locationId, m.kind, m.qtyMilli, m.docType, m.docId, m.reversesId ?? null, m.reason ?? '', m.date, ctx.now().toISOString())
      .lastInsertRowid,
  );
  ctx.sqlite
    .prepare(
      `INSERT INTO stock_balances (lot_id, location_id, qty_milli) VALUES (?, ?, ?)
       ON CONFLICT(lot_id, location_id) DO UPDATE SET qty_milli = qty_milli + excluded.qty_milli`,
    )
    .run(m.lotId, m.locationId, m.qtyMilli);
  return id;
}

/**
 * postMovement for a caller that already read the lot (and, for a movement out, the
 * balance at the location) in this transaction and keeps `lot` up to date: the same
 * checks and writes without reading them again (a completion moves a dozen lots). The
 * lot's on-hand is updated in `lot` too. `unheldMilli`: what reservations the caller just
 * closed held on the lot (already taken off `lot.reserved`, not yet off the row), written
 * with the on-hand in one update of the lot.
 */
export function postKnownMovement(ctx: Ctx, m: NewMovement, lot: KnownLot, atLocationMilli: number, unheldMilli = 0): number {
  checkKnownMovement(m, lot, atLocationMilli);
  const id = writeMovementAndBalance(ctx, m, lot.itemId);
  if (unheldMilli === 0) ctx.sqlite.prepare('UPDATE lots SET on_hand_milli = on_hand_milli + ? WHERE id = ?').run(m.qtyMilli, m.lotId);
  else ctx.sqlite.prepare('UPDATE lots SET on_hand_milli = on_hand_milli + ?, reserved_milli = reserved_milli - ? WHERE id = ?').run(m.qtyMilli, unheldMilli, m.lotId);
  lot.onHand += m.qtyMilli;
  return id;
}

/**
 * The first movement of a lot createLot made a moment ago with this movement's quantity as
 * its on-hand (`onHandMilli`): the movement and the balance, the same rows as
 * postKnownMovement on the empty lot, without updating the lot row it just wrote (that
 * UPDATE moved the new lot into the free and open stock indexes a second time: a
 * completion's and a receipt line's costliest single-row write after the INSERT itself).
 */
export function postIntoNewLot(ctx: Ctx, m: NewMovement, lot: KnownLot): number {
  checkKnownMovement(m, lot, 0);
  const id = writeMovementAndBalance(ctx, m, lot.itemId);
  lot.onHand += m.qtyMilli;
  return id;
}

/** Takes `qtyMilli` off what a lot holds for documents: the lot side of closing reservations, when no movement carries it. */
export function unholdLot(ctx: Ctx, lotId: number, qtyMilli: number): void {
  ctx.sqlite.prepare('UPDATE lots SET reserved_milli = reserved_milli - ? WHERE id = ?').run(qtyMilli, lotId);
}

/** A movement on a lot whose state the caller read: a whole non-zero quantity, and a take within what the location holds and the lot has free. */
export function checkKnownMovement(m: NewMovement, lot: KnownLot, atLocationMilli: number): void {
  assertMovementQuantity(m);
  if (m.qtyMilli < 0) {
    if (atLocationMilli + m.qtyMilli < 0) throw insufficient({ ...lot, lotCode: lot.code }, -m.qtyMilli, atLocationMilli);
    // transfers move stock between locations of the same lot: the lot total is unchanged
    if (m.kind !== 'transfer' && lot.onHand + m.qtyMilli < lot.reserved) {
      throw insufficient({ ...lot, lotCode: lot.code }, -m.qtyMilli, Math.max(0, lot.onHand - lot.reserved));
    }
  }
}

function assertMovementQuantity(m: NewMovement): void {
  if (!Number.isSafeInteger(m.qtyMilli) || m.qtyMilli === 0) {
    throw new DomainError('VALIDATION', 'A movement needs a non-zero whole quantity', { qtyMilli: m.qtyMilli });
  }
}

/**
 * What of an item can still be promised on `date`: released, unexpired lots, less what
 * lots hold for documents, less what is held for the item before lots are chosen.
 * (`= +?`: db/sql.ts says why.)
 */
export function itemAvailableMilli(ctx: ReadCtx, itemId: number, date: string): number {
  const lots = ctx.sqlite
    .prepare(
      `SELECT coalesce(sum(on_hand_milli - reserved_milli), 0) AS free FROM lots INDEXED BY lots_free_item
       WHERE item_id = +? AND on_hand_milli > reserved_milli AND status = 'released' AND (expires_on IS NULL OR expires_on >= +?)`,
    )
    .get(itemId, date) as { free: number };
  return lots.free - itemLevelReservedMilli(ctx, itemId);
}

export function itemLevelReservedMilli(ctx: ReadCtx, itemId: number): number {
  return (
    ctx.sqlite
      .prepare('SELECT coalesce(sum(qty_milli), 0) AS r FROM reservations WHERE item_id = ? AND lot_id IS NULL AND qty_milli > 0')
      .get(itemId) as { r: number }
  ).r;
}

/** The location used when none is named (the migration creates it: MAG, Magazzino). */
export function defaultLocationId(ctx: Ctx): number {
  const row = ctx.sqlite.prepare('SELECT id FROM locations WHERE is_default = 1 LIMIT 1').get() as { id: number } | undefined;
  if (!row) throw new DomainError('NOT_FOUND', 'No default stock location', { what: 'location' });
  return row.id;
}

export function assertLocation(ctx: Ctx, locationId: number): void {
  if (!ctx.sqlite.prepare('SELECT 1 FROM locations WHERE id = ? AND archived = 0').get(locationId)) {
    throw new DomainError('NOT_FOUND', `No location with id ${locationId}`, { what: 'location', id: locationId });
  }
}
