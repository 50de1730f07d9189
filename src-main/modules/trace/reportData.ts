/**
 * What the recall report says, gathered once for the PDF and the CSV: the lot and its
 * origin, the recall (reason, date) when it has been made, every affected lot with its
 * stock, the shipments with customers and DDTs, and the reservations (open ones before
 * the recall, the ones it cancelled after).
 */
import type { TraceLot, TraceResult } from '../../../src-shared/contract/trace';
import type { ReadCtx } from '../../api/context';
import { notFound } from '../../api/domainError';
import { CUSTOMER_ORDER } from '../orders/lineFacts';
import { PRODUCTION_ORDER } from '../production/productionRows';
import { latestRecall } from './recallRows';
import { lotsReached } from './walk';
import { openReservations } from './holders';
import { shipmentsOfAffectedLots } from './shipments';
import { customerDdts, type CustomerDdts } from './reportCustomers';
import { sql, trusted } from '../../db/sql';

export interface ReportReservation {
  lotId: number;
  qtyMilli: number;
  heldBy: string;
}

export interface RecallReportData {
  root: TraceLot;
  recall: { id: number; reason: string; date: string } | null;
  /** the forward trace's lots and shipments (the report lists no genealogy edges) */
  trace: Pick<TraceResult, 'lots' | 'shipments'>;
  lotsById: Map<number, TraceLot>;
  /** each customer to notify with the DDTs and lots they got (the PDF's customers table) */
  customers: CustomerDdts[];
  reservations: ReportReservation[];
}

function cancelledBy(ctx: ReadCtx, recallId: number): ReportReservation[] {
  return ctx.sqlite
    .prepare(
      sql`SELECT x.lot_id AS lotId, x.qty_milli AS qtyMilli,
              coalesce(o.number || ' ' || c.name, p.number, x.doc_type || ' #' || x.doc_id) AS heldBy
       FROM recall_reservations x
       LEFT JOIN customer_orders o ON x.doc_type = '${trusted(CUSTOMER_ORDER)}' AND o.id = x.doc_id LEFT JOIN customers c ON c.id = o.customer_id
       LEFT JOIN production_orders p ON x.doc_type = '${trusted(PRODUCTION_ORDER)}' AND p.id = x.doc_id
       WHERE x.recall_id = ? ORDER BY x.id`.text,
    )
    .all(recallId) as ReportReservation[];
}

/**
 * The forward trace as the report needs it: its lots and shipments as trace.lot gives them,
 * without the genealogy edges (the widest part of a wide walk: lotsReached), and the open
 * reservations only when no recall has cancelled them yet.
 */
export function recallReportData(ctx: ReadCtx, lotId: number): RecallReportData {
  const lots = lotsReached(ctx, lotId, 'forward');
  if (lots.length === 0) throw notFound('lot', lotId);
  const affected = lots.map((l) => l.id);
  const trace = { lots, shipments: shipmentsOfAffectedLots(ctx, affected) };
  const lotsById = new Map(lots.map((l) => [l.id, l]));
  const recall = latestRecall(ctx, lotId);
  const reservations = recall
    ? cancelledBy(ctx, recall.id)
    : openReservations(ctx, affected).map((r) => ({ lotId: r.lotId, qtyMilli: r.qtyMilli, heldBy: r.label }));
  return {
    root: lotsById.get(lotId)!,
    recall: recall ? { id: recall.id, reason: recall.reason, date: recall.date } : null,
    trace,
    lotsById,
    customers: customerDdts(trace.shipments),
    reservations,
  };
}

export function reportFileName(data: RecallReportData, lang: 'it' | 'en', ext: 'pdf' | 'csv'): string {
  const safe = data.root.code.replace(/[^A-Za-z0-9_-]+/g, '_');
  return `${lang === 'it' ? 'richiamo' : 'recall'}-${safe}.${ext}`;
}
