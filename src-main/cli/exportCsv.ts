import { writeFileSync } from 'node:fs';
import { EXPORT_LISTS } from '../../src-shared/contract/channels';
import type { BottegaApp } from '../api/app';
import { readSettings } from '../modules/settings/store';

export interface ExportOptions {
  locale?: string;
  out?: string;
  from?: string;
  to?: string;
  json: boolean;
}

/**
 * `bottega export LIST [--locale it|en] [--out FILE] [--from D] [--to D]`: a list as CSV
 * for Excel (stdout without --out). The whole database: `bottega backup`.
 */
export function exportCommand(app: BottegaApp, args: string[], opts: ExportOptions, out: (s: string) => void, err: (s: string) => void): number {
  const [list, ...extra] = args;
  if (!list || extra.length > 0 || !(EXPORT_LISTS as readonly string[]).includes(list)) {
    err(`Usage: bottega export ${EXPORT_LISTS.join('|')} [--locale it|en] [--out FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n(the whole database: bottega backup)`);
    return 2;
  }
  const locale = opts.locale ?? readSettings(app.ctx).language ?? 'it';
  if (locale !== 'it' && locale !== 'en') {
    err('--locale must be it or en');
    return 2;
  }
  const res = app.invoke('exports.csv', { list, locale, ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) });
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  const data = res.data as { fileName: string; csv: string; rows: number };
  if (opts.out) {
    writeFileSync(opts.out, data.csv, 'utf8');
    out(opts.json ? JSON.stringify({ file: opts.out, rows: data.rows }) : `${data.rows} rows written to ${opts.out}`);
  } else process.stdout.write(data.csv);
  return 0;
}
