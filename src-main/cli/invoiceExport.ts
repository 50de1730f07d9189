/**
 * `bottega invoice export YYYY-MM --out DIR [--locale it|en] [--json]`: the month's
 * FatturaPA files for the accountant, through invoicing.exportMonth (each file a new
 * progressivo, issued invoices marked sent): every XML file, the same files as a ZIP and
 * the register CSV are written into DIR, and their paths printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import type { BottegaApp } from '../api/app';
import type { OutputOf } from '../../src-shared/contract';
import type { Contract } from '../../src-shared/contract';

type Print = (s: string) => void;
const USAGE = 'Usage: bottega invoice export YYYY-MM --out DIR [--locale it|en] [--json]';

export function invoiceExportCommand(app: BottegaApp, args: string[], opts: { out?: string; locale?: string; json: boolean }, out: Print, err: Print): number {
  const [month, ...extra] = args;
  if (!month || extra.length > 0 || !opts.out) {
    err(USAGE);
    return 2;
  }
  if (opts.locale !== undefined && opts.locale !== 'it' && opts.locale !== 'en') {
    err('--locale must be it or en');
    return 2;
  }
  const res = app.invoke('invoicing.exportMonth', { month, ...(opts.locale ? { locale: opts.locale } : {}) });
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  const data = res.data as OutputOf<Contract['invoicing.exportMonth']>;
  if (data.files.length === 0) {
    out(opts.json ? JSON.stringify({ month, dir: null, files: [], zip: null, register: null }) : `No issued invoice dated ${month}: nothing written.`);
    return 0;
  }
  const dir = resolve(opts.out);
  mkdirSync(dir, { recursive: true });
  const xmls = unzipSync(Buffer.from(data.zip.base64, 'base64'));
  const files = data.files.map((f) => {
    const path = join(dir, f.fileName);
    writeFileSync(path, xmls[f.fileName]!);
    return { ...f, path };
  });
  const zip = join(dir, data.zip.fileName);
  writeFileSync(zip, Buffer.from(data.zip.base64, 'base64'));
  const register = join(dir, data.register.fileName);
  writeFileSync(register, Buffer.from(data.register.base64, 'base64'));
  if (opts.json) out(JSON.stringify({ month, dir, files, zip, register }));
  else {
    for (const f of files) out(`${f.path}  (${f.number})`);
    out(zip);
    out(register);
    out(`${files.length} invoice file(s) for ${month} written to ${dir}`);
  }
  return 0;
}
