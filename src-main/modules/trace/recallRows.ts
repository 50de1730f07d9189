/** What recalls did, read back for the trace, the order page and the report. */
import type { z } from 'zod';
import type { recallRef } from '../../../src-shared/contract/trace';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { preparedOnce } from '../../db/statementCache';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { shipmentsOfLots } from '../shipping/traceFacts';
import { sql, trusted } from '../../db/sql';

type RecallRef = z.infer<typeof recallRef>;

const RECALL_SELECT = sql`SELECT r.id, r.lot_id AS lotId, l.code AS lotCode, r.reason, r.date FROM recalls r JOIN lots l ON l.id = r.lot_id`;

const RECALLS_OF_LOT_SQL = sql`${RECALL_SELECT} WHERE r.lot_id = ? ORDER BY r.id DESC`.text;

export function recallsOfLot(ctx: ReadCtx, lotId: number): RecallRef[] {
  return preparedOnce(ctx.sqlite, RECALLS_OF_LOT_SQL).all(lotId) as RecallRef[];
}

/** The latest recall made from a lot, for the report's reason and date. */
export function latestRecall(ctx: ReadCtx, lotId: number): RecallRef | null {
  return recallsOfLot(ctx, lotId)[0] ?? null;
}

/**
 * The recalls that touched an order: it held stock of a recalled lot (the reservation
 * was cancelled), or it was shipped goods of a lot the recall found affected.
 */
export const orderRecalls: Handler<'trace.orderRecalls'> = (ctx, input) => {
  const byRecall = new Map<number, RecallRef & { lotCodes: Set<string> }>();
  const add = (r: RecallRef, lotCode: string) => {
    const known = byRecall.get(r.id) ?? { ...r, lotCodes: new Set<string>() };
    known.lotCodes.add(lotCode);
    byRecall.set(r.id, known);
  };
  const held = ctx.sqlite
    .prepare(
      sql`SELECT r.id, r.lot_id AS lotId, l.code AS lotCode, r.reason, r.date, hl.code AS heldCode
       FROM recall_reservations x JOIN recalls r ON r.id = x.recall_id JOIN lots l ON l.id = r.lot_id JOIN lots hl ON hl.id = x.lot_id
       WHERE x.doc_type = '${trusted(CUSTOMER_ORDER)}' AND x.doc_id = ?`.text,
    )
    .all(input.orderId) as (RecallRef & { heldCode: string })[];
  for (const { heldCode, ...r } of held) add(r, heldCode);
  // shipped before the recall: the lots each recall found affected, asked of shipping
  const affected = ctx.sqlite
    .prepare(`SELECT x.lot_id AS lotId, l.code, r.id, r.lot_id AS rootId, rl.code AS rootCode, r.reason, r.date
              FROM recall_lots x JOIN recalls r ON r.id = x.recall_id JOIN lots l ON l.id = x.lot_id JOIN lots rl ON rl.id = r.lot_id`)
    .all() as { lotId: number; code: string; id: number; rootId: number; rootCode: string; reason: string; date: string }[];
  if (affected.length > 0) {
    const shippedHere = new Set(shipmentsOfLots(ctx, [...new Set(affected.map((a) => a.lotId))]).filter((s) => s.orderId === input.orderId).map((s) => s.lotId));
    for (const a of affected) if (shippedHere.has(a.lotId)) add({ id: a.id, lotId: a.rootId, lotCode: a.rootCode, reason: a.reason, date: a.date }, a.code);
  }
  return { recalls: [...byRecall.values()].sort((a, b) => b.id - a.id).map((r) => ({ ...r, lotCodes: [...r.lotCodes].sort() })) };
};
