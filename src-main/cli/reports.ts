import type { BottegaApp } from '../api/app';

export interface ReportsOptions {
  rebuild: boolean;
  json: boolean;
}

const USAGE = 'Usage: bottega reports --rebuild';

/** `bottega reports --rebuild`: the KPI summary emptied and filled again from orders, shipments and lots in one transaction, for repair. */
export function reportsCommand(app: BottegaApp, args: string[], opts: ReportsOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (!opts.rebuild || args.length > 0) {
    err(USAGE);
    return 2;
  }
  const started = Date.now();
  const res = app.invoke('reports.rebuildSummary', {});
  if (!res.ok) {
    err(JSON.stringify(res));
    return 1;
  }
  if (opts.json) out(JSON.stringify(res.data));
  else out(`KPI summary rebuilt: ${(res.data as { lines: number }).lines} order lines in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}
