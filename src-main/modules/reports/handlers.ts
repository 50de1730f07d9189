import type { HandlerMap } from '../../api/handlers';
import { registerInvariants } from '../../db/check';
import { kpis } from './kpis';
import { kpisCsvFile, kpisPdfFile } from './kpiFiles';
import { reportsInvariants } from './invariants';
import { rebuildKpiSummary } from './rebuild';

type ReportsOp = Extract<keyof typeof import('../../../src-shared/contract/reports').reportsOps, string>;

registerInvariants(reportsInvariants);

export const reportsHandlers: HandlerMap<ReportsOp> = {
  'reports.kpis': kpis,
  'reports.kpisCsv': kpisCsvFile,
  'reports.kpisPdf': kpisPdfFile,
  'reports.rebuildSummary': rebuildKpiSummary,
};
