import type { HandlerMap } from '../../api/handlers';
import { kpis } from './kpis';
import { kpisCsvFile, kpisPdfFile } from './kpiFiles';

type ReportsOp = Extract<keyof typeof import('../../../src-shared/contract/reports').reportsOps, string>;

export const reportsHandlers: HandlerMap<ReportsOp> = {
  'reports.kpis': kpis,
  'reports.kpisCsv': kpisCsvFile,
  'reports.kpisPdf': kpisPdfFile,
};
