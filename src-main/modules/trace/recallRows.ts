/** What recalls did, read back for the trace, the order page and the report. */
import type { z } from 'zod';
import type { recallRef } from '../../../src-shared/contract/trace';
import type { Handler } from '../../api/handlers';
import type { Ctx } from '../../api/context';
import { CUSTOMER_ORDER } from '../orders/lineFacts';

type RecallRef = z.infer<typeof recallRef>;

const RECALL_SELECT = 'SELECT r.id, r.lot_id AS lotId, l.code AS lotCode, r.reason, r.date FROM recalls r JOIN lots l ON l.id = r.lot_id';

export function recallsOfLot(ctx: Ctx, lotId: number): RecallRef[] {
  return ctx.sqlite.prepare(`${RECALL_SELECT} WHERE r.lot_id = ? ORDER BY r.id DESC`).all(lotId) as RecallRef[];
}

/** The latest recall made from a lot, for the report's reason and date. */
export function latestRecall(ctx: Ctx, lotId: number): RecallRef | null {
  return recallsOfLot(ctx, lotId)[0] ?? null;
}

/**
 * The recalls that touched an order: it held stock of a recalled lot (the reservation
 * was cancelled). Shipped goods of recalled lots are added by the shipping facts.
 */
export const orderRecalls: Handler<'trace.orderRecalls'> = (ctx, input) => {
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.id, r.lot_id AS lotId, l.code AS lotCode, r.reason, r.date, group_concat(DISTINCT hl.code) AS codes
       FROM recall_reservations x JOIN recalls r ON r.id = x.recall_id JOIN lots l ON l.id = r.lot_id JOIN lots hl ON hl.id = x.lot_id
       WHERE x.doc_type = '${CUSTOMER_ORDER}' AND x.doc_id = ?
       GROUP BY r.id ORDER BY r.id DESC`,
    )
    .all(input.orderId) as (RecallRef & { codes: string })[];
  return { recalls: rows.map(({ codes, ...r }) => ({ ...r, lotCodes: codes.split(',').sort() })) };
};
