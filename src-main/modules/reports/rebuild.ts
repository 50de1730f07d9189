/**
 * `reports.rebuildSummary` (`bottega reports --rebuild`): the KPI summary emptied and
 * filled again from its view, the statement migration 0018_kpi_summary filled it with, in
 * the command's one transaction. For repair (`bottega check` names a wrong row as
 * `reports.kpi_summary`): the triggers keep it current otherwise.
 */
import type { Handler } from '../../api/handlers';

export const rebuildKpiSummary: Handler<'reports.rebuildSummary'> = (ctx) => {
  ctx.sqlite.prepare('DELETE FROM kpi_order_lines').run();
  const lines = ctx.sqlite.prepare('INSERT INTO kpi_order_lines SELECT * FROM kpi_order_line_facts').run().changes;
  return { lines };
};
