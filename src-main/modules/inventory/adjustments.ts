import { parseQuantity } from '../../../src-shared/domain/quantity';
import { localDate } from '../../../src-shared/domain/dates';
import { lotUnusableReason } from '../../../src-shared/domain/fefo';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { DomainError } from '../../api/domainError';
import { FieldProblems } from '../fieldParsing';
import { assertLocation, defaultLocationId, insufficient, itemAvailableMilli, lotState, postMovement } from './ledger';
import { createStockDocument, STOCK_DOCUMENT } from './documents';
import { loadLot } from './lotRows';
import { consumeReservation } from './reservations';

function parseLotQuantity(ctx: Ctx, lotId: number, text: string, path: (string | number)[], allowZero = false): number {
  const lot = lotState(ctx, lotId);
  const p = new FieldProblems();
  const q = p.parse(path, 'quantity', () => parseQuantity(text, lot.unit as 'kg'), { unit: lot.unit });
  if (q !== null && (allowZero ? q < 0 : q <= 0)) p.add(path, allowZero ? 'negative' : 'positive', 'The quantity must be more than zero');
  p.throwIfAny('Invalid quantity');
  return q!;
}

function balanceAt(ctx: Ctx, lotId: number, locationId: number): number {
  return (ctx.sqlite.prepare('SELECT qty_milli AS q FROM stock_balances WHERE lot_id = ? AND location_id = ?').get(lotId, locationId) as { q: number } | undefined)?.q ?? 0;
}

/** Inventario: the counted quantity replaces the book quantity through one adjust movement. */
export const countLot: Handler<'inventory.countLot'> = (ctx, input) => {
  const counted = parseLotQuantity(ctx, input.lotId, input.counted, ['counted'], true);
  const locationId = input.locationId ?? defaultLocationId(ctx);
  assertLocation(ctx, locationId);
  const diff = counted - balanceAt(ctx, input.lotId, locationId);
  if (diff === 0) return { lot: loadLot(ctx, input.lotId), differenceMilli: 0, movementId: null };
  const state = lotState(ctx, input.lotId);
  if (state.onHand + diff < state.reserved) {
    throw new DomainError('CONFLICT', `Lot ${state.code} holds ${state.reserved / 1000} ${state.unit} for documents: release those reservations before counting it lower`, {
      lotCode: state.code,
      reservedMilli: state.reserved,
      issues: [{ path: ['counted'], key: 'count_below_reserved', message: 'Counted less than is reserved', params: { code: state.code } }],
    });
  }
  const date = localDate(ctx.now());
  const docId = createStockDocument(ctx, { kind: 'count', date, note: input.note });
  const movementId = postMovement(ctx, { lotId: input.lotId, locationId, kind: 'adjust', qtyMilli: diff, docType: STOCK_DOCUMENT, docId, date, reason: input.note });
  return { lot: loadLot(ctx, input.lotId), differenceMilli: diff, movementId };
};

export const scrapLot: Handler<'inventory.scrapLot'> = (ctx, input) => {
  const qty = parseLotQuantity(ctx, input.lotId, input.quantity, ['quantity']);
  const locationId = input.locationId ?? defaultLocationId(ctx);
  assertLocation(ctx, locationId);
  const date = localDate(ctx.now());
  const docId = createStockDocument(ctx, { kind: 'scrap', date, note: input.reason });
  const movementId = postMovement(ctx, { lotId: input.lotId, locationId, kind: 'scrap', qtyMilli: -qty, docType: STOCK_DOCUMENT, docId, date, reason: input.reason });
  return { lot: loadLot(ctx, input.lotId), movementId };
};

export const transfer: Handler<'inventory.transfer'> = (ctx, input) => {
  if (input.fromLocationId === input.toLocationId) {
    throw new DomainError('VALIDATION', 'Choose two different locations', { issues: [{ path: ['toLocationId'], key: 'same_location', message: 'Same location' }] });
  }
  assertLocation(ctx, input.fromLocationId);
  assertLocation(ctx, input.toLocationId);
  const qty = parseLotQuantity(ctx, input.lotId, input.quantity, ['quantity']);
  const date = localDate(ctx.now());
  const docId = createStockDocument(ctx, { kind: 'transfer', date, note: input.note });
  const out = postMovement(ctx, { lotId: input.lotId, locationId: input.fromLocationId, kind: 'transfer', qtyMilli: -qty, docType: STOCK_DOCUMENT, docId, date, reason: input.note });
  const inn = postMovement(ctx, { lotId: input.lotId, locationId: input.toLocationId, kind: 'transfer', qtyMilli: qty, docType: STOCK_DOCUMENT, docId, date, reason: input.note });
  return { lot: loadLot(ctx, input.lotId), movementIds: [out, inn] };
};

/**
 * Uses lots outside production. Quantity held by a named reservation is used first; what
 * is not reserved must be free on the lot and must not eat into what the item owes to
 * item-level reservations.
 */
export const consume: Handler<'inventory.consume'> = (ctx, input) => {
  const date = input.date ?? localDate(ctx.now());
  const docId = createStockDocument(ctx, { kind: 'consume', date, note: input.note });
  const movementIds = input.lines.map((line, i) => {
    const qty = parseLotQuantity(ctx, line.lotId, line.quantity, ['lines', i, 'quantity']);
    const lot = loadLot(ctx, line.lotId);
    const why = lotUnusableReason({ lotId: lot.id, code: lot.code, status: lot.status, expiresOn: lot.expiresOn, originDate: lot.originDate, onHandMilli: lot.onHandMilli, reservedMilli: lot.reservedMilli }, date);
    if (why) {
      throw new DomainError('LOT_NOT_RELEASED', `Lot ${lot.code} cannot be used: ${why}`, {
        lotId: lot.id,
        code: lot.code,
        reason: why,
        issues: [{ path: ['lines', i, 'lotId'], key: `lot.${why}`, message: `Lot ${lot.code} is ${why}`, params: { code: lot.code } }],
      });
    }
    const locationId = line.locationId ?? defaultLocationId(ctx);
    assertLocation(ctx, locationId);
    let fromReservation = 0;
    if (line.reservationId !== undefined) fromReservation = consumeReservation(ctx, line.reservationId, line.lotId, qty);
    const unreserved = qty - fromReservation;
    if (unreserved > 0) {
      const available = itemAvailableMilli(ctx, lot.item.id, date);
      if (available < unreserved) throw insufficient({ itemId: lot.item.id, sku: lot.item.sku, unit: lot.item.unit }, unreserved, Math.max(0, available));
    }
    return postMovement(ctx, { lotId: line.lotId, locationId, kind: 'consume', qtyMilli: -qty, docType: STOCK_DOCUMENT, docId, date, reason: input.note });
  });
  return { documentId: docId, movementIds };
};
