import type { RecallResult } from '../../../src-shared/contract/trace';
import { localDate } from '../../../src-shared/domain/dates';
import { lotsToRecall } from '../../../src-shared/domain/traceGraph';
import type { Handler } from '../../api/handlers';
import { changeLotStatus } from '../inventory/lotStatus';
import { reduceReservation } from '../inventory/reservations';
import { CUSTOMER_ORDER, refreshOrders } from '../orders/lineFacts';
import { refreshLinkedOrders } from '../production/productionCreate';
import { PRODUCTION_ORDER } from '../production/productionRows';
import { resolveLot } from './lotLookup';
import { traceOf } from './traceLot';

/**
 * Recall from a lot, in one transaction: the forward trace names every affected lot;
 * the lot itself and each other one still on hand becomes `recalled` (through inventory, with the reason), every open
 * reservation on an affected lot is cancelled (through inventory), and the orders that
 * held them get their status recomputed. What was done is recorded for the order pages
 * and the report. A dry run answers the same without writing anything.
 */
export const recall: Handler<'trace.recall'> = (ctx, input) => {
  const lotId = resolveLot(ctx, input);
  const trace = traceOf(ctx, lotId, 'forward');
  const root = trace.lots.find((l) => l.id === lotId)!;
  const { block, untouched } = lotsToRecall(trace.lots, lotId);
  const date = localDate(ctx.now());
  const orders = new Map<number, { id: number; number: string; customerName: string }>();
  for (const r of trace.reservations) if (r.order) orders.set(r.order.id, { id: r.order.id, number: r.order.number, customerName: r.order.customerName });
  for (const s of trace.shipments) if (s.order && !orders.has(s.order.id)) orders.set(s.order.id, { id: s.order.id, number: s.order.number, customerName: s.customer.name });

  let recallId: number | null = null;
  if (!input.dryRun) {
    const at = ctx.now().toISOString();
    recallId = Number(
      ctx.sqlite.prepare('INSERT INTO recalls (lot_id, reason, date, by, created_at) VALUES (?, ?, ?, ?, ?)').run(lotId, input.reason, date, input.by, at).lastInsertRowid,
    );
    const lotRow = ctx.sqlite.prepare('INSERT INTO recall_lots (recall_id, lot_id, from_status, on_hand_milli, blocked) VALUES (?, ?, ?, ?, ?)');
    // reservations first: a recalled lot holds nothing for anyone
    const resRow = ctx.sqlite.prepare('INSERT INTO recall_reservations (recall_id, reservation_id, lot_id, doc_type, doc_id, doc_line_id, qty_milli) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const r of trace.reservations) {
      reduceReservation(ctx, r.reservationId, r.qtyMilli);
      resRow.run(recallId, r.reservationId, r.lotId, r.docType, r.docId, r.docLineId, r.qtyMilli);
    }
    for (const l of block) {
      changeLotStatus(ctx, l.id, ['quarantine', 'released', 'blocked'], 'recalled', `Recall: ${input.reason}`, input.by);
      lotRow.run(recallId, l.id, l.status, l.onHandMilli, 1);
    }
    for (const l of untouched) lotRow.run(recallId, l.id, l.status, l.onHandMilli, 0);
    refreshOrders(ctx, trace.reservations.filter((r) => r.docType === CUSTOMER_ORDER).map((r) => r.docId));
    for (const poId of new Set(trace.reservations.filter((r) => r.docType === PRODUCTION_ORDER).map((r) => r.docId))) refreshLinkedOrders(ctx, poId);
  }

  const result: RecallResult = {
    dryRun: input.dryRun,
    recallId,
    lotId,
    lotCode: root.code,
    reason: input.reason,
    date,
    blocked: block.map((l) => ({ lotId: l.id, code: l.code, sku: l.item.sku, fromStatus: l.status, onHandMilli: l.onHandMilli, unit: l.item.unit })),
    untouched: untouched.map((l) => ({ lotId: l.id, code: l.code, status: l.status, onHandMilli: l.onHandMilli })),
    cancelledReservations: trace.reservations,
    affectedOrders: [...orders.values()].sort((a, b) => a.number.localeCompare(b.number)),
  };
  return result;
};
