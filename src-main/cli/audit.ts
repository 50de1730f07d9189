import type { AuditEntry } from '../../src-shared/contract/audit';
import type { BottegaApp } from '../api/app';

export interface AuditOptions {
  since?: string;
  until?: string;
  doc?: string;
  json: boolean;
}

/** The whole log is read page by page (the query's limit), newest first. */
const PAGE = 1000;

/** One line per entry: when (UTC), door, who, operation, documents. */
function line(e: AuditEntry): string {
  const at = e.at.replace('T', ' ').slice(0, 19);
  return `${at}  ${e.door.padEnd(7)}  ${e.actor.name.padEnd(12)}  ${e.operation.padEnd(30)}  ${e.docs.join(' ')}`.trimEnd();
}

/**
 * `bottega audit [--since DATE] [--until DATE] [--doc orders/42] [--json]`: the activity
 * log, newest first. --json writes one JSON array with each entry's input.
 */
export function auditCommand(app: BottegaApp, args: string[], opts: AuditOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (args.length > 0) {
    err('Usage: bottega audit [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--doc KIND/ID] [--json]');
    return 2;
  }
  const filter = { ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}), ...(opts.doc ? { doc: opts.doc } : {}) };
  const rows: AuditEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const res = app.invoke('audit.list', { ...filter, limit: PAGE, offset });
    if (!res.ok) {
      err(JSON.stringify(res));
      return res.error.code === 'VALIDATION' ? 2 : 1;
    }
    const page = res.data as { total: number; rows: AuditEntry[] };
    rows.push(...page.rows);
    if (page.rows.length < PAGE) break;
  }
  if (opts.json) out(JSON.stringify(rows));
  else if (rows.length === 0) out('No activity recorded for this filter.');
  else for (const e of rows) out(line(e));
  return 0;
}
