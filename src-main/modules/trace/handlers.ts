import type { HandlerMap } from '../../api/handlers';
import { findLot } from './lotLookup';
import { traceLot } from './traceLot';
import { recall } from './recall';
import { orderRecalls } from './recallRows';
import { recallReportPdf } from './reportPdf';
import { recallReportCsv } from './reportCsv';
import { traceInvariants } from './invariants';
import { registerInvariants } from '../../db/check';

// what `bottega check` proves about this module's tables
registerInvariants(traceInvariants);

type TraceOp = Extract<keyof typeof import('../../../src-shared/contract/trace').traceOps, string>;

export const traceHandlers: HandlerMap<TraceOp> = {
  'trace.findLot': findLot,
  'trace.lot': traceLot,
  'trace.recall': recall,
  'trace.orderRecalls': orderRecalls,
  'trace.recallReportPdf': recallReportPdf,
  'trace.recallReportCsv': recallReportCsv,
};
