import { localDate } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { DomainError, notFound } from '../../api/domainError';
import { postMovement, type MovementKind } from './ledger';
import { createStockDocument, STOCK_DOCUMENT } from './documents';
import { loadMovement } from './movementRows';

/**
 * A wrong movement is never edited or deleted: an opposite one, linked to it, cancels it.
 * A reversal cannot itself be reversed (post the right movement instead), and a movement
 * is reversed at most once (a unique index says so too). A transfer is reversed whole.
 */
export const reverseMovement: Handler<'inventory.reverseMovement'> = (ctx, input) => {
  const m = ctx.sqlite
    .prepare('SELECT id, lot_id AS lotId, location_id AS locationId, kind, qty_milli AS qtyMilli, reverses_id AS reversesId FROM stock_movements WHERE id = ?')
    .get(input.movementId) as { id: number; lotId: number; locationId: number; kind: MovementKind; qtyMilli: number; reversesId: number | null } | undefined;
  if (!m) throw notFound('movement', input.movementId);
  if (m.reversesId !== null) throw new DomainError('CONFLICT', `Movement ${m.id} is itself a reversal`, { movementId: m.id });
  const already = ctx.sqlite.prepare('SELECT id FROM stock_movements WHERE reverses_id = ?').get(m.id) as { id: number } | undefined;
  if (already) throw new DomainError('CONFLICT', `Movement ${m.id} was already reversed by movement ${already.id}`, { movementId: m.id, reversedBy: already.id });
  const date = localDate(ctx.now());
  const docId = createStockDocument(ctx, { kind: 'reversal', date, note: input.reason });
  // A transfer is two legs under one document: undoing one leg alone would create or
  // destroy stock, so both are reversed together (the incoming leg first).
  const legs =
    m.kind === 'transfer'
      ? (ctx.sqlite
          .prepare(
            `SELECT id, lot_id AS lotId, location_id AS locationId, kind, qty_milli AS qtyMilli FROM stock_movements
             WHERE kind = 'transfer' AND lot_id = ? AND doc_type = (SELECT doc_type FROM stock_movements WHERE id = ?)
               AND doc_id = (SELECT doc_id FROM stock_movements WHERE id = ?) AND reverses_id IS NULL ORDER BY qty_milli DESC`,
          )
          .all(m.lotId, m.id, m.id) as { id: number; lotId: number; locationId: number; kind: MovementKind; qtyMilli: number }[])
      : [m];
  let reversalOfAsked = 0;
  for (const leg of legs) {
    const id = postMovement(ctx, { lotId: leg.lotId, locationId: leg.locationId, kind: leg.kind, qtyMilli: -leg.qtyMilli, docType: STOCK_DOCUMENT, docId, date, reason: input.reason, reversesId: leg.id });
    if (leg.id === m.id) reversalOfAsked = id;
  }
  return { movement: loadMovement(ctx, reversalOfAsked) };
};
