/**
 * Writing FatturaPA files: each file takes a new progressivo (fileName.ts) and is recorded
 * in invoice_files; an issued invoice becomes "sent" (the export hands the
 * files to the user's intermediary). Every document is checked first (sdiChecks.ts): one
 * problem anywhere refuses the whole export, naming the invoice, the field and the line,
 * and nothing is written — no progressivo used, no state changed.
 */
import { strToU8, zipSync } from 'fflate';
import type { Ctx } from '../../../api/context';
import { DomainError, fieldError } from '../../../api/domainError';
import { localDate } from '../../../../src-shared/domain/dates';
import type { FieldIssue } from '../../../../src-shared/contract/errors';
import { readSettings } from '../../settings/store';
import { newInvoiceFile } from './fileName';
import { issuedInMonth, issuedInvoice, type IssuedInvoice } from './issuedDocuments';
import { registerCsv } from './registerCsv';
import { sdiChecks } from './sdiChecks';
import { fatturaXml } from './xml';

export interface WrittenFile {
  invoiceId: number;
  number: string;
  progressivo: string;
  fileName: string;
  xml: string;
}

/** Refuses the lot when any document would be rejected by the SdI. */
export function assertSendable(ctx: Ctx, invoices: readonly IssuedInvoice[]): void {
  const today = localDate(ctx.now());
  const bolloNature = readSettings(ctx).invoicing.bolloNature;
  const issues: FieldIssue[] = [];
  for (const inv of invoices) {
    for (const p of sdiChecks(inv.doc, { today, bolloNature })) {
      issues.push({
        path: ['invoices', inv.doc.number, p.field, ...(p.line ? [`line ${p.line}`] : [])],
        message: `Invoice ${inv.doc.number}${p.line ? `, line ${p.line}` : ''}: ${p.message} (${p.code})`,
        key: p.line ? 'sdi_check_line' : 'sdi_check',
        params: { invoice: inv.doc.number, code: p.code, field: p.field, ...(p.line ? { line: p.line } : {}) },
      });
    }
  }
  if (issues.length > 0) throw fieldError(`${issues.length} problem(s) the SdI would reject: ${issues.slice(0, 3).map((i) => i.message).join('; ')}`, issues);
}

/** A new file for each invoice, in the caller's transaction; issued invoices become sent. */
export function writeFiles(ctx: Ctx, invoices: readonly IssuedInvoice[]): WrittenFile[] {
  assertSendable(ctx, invoices);
  const now = ctx.now().toISOString();
  const markSent = ctx.sqlite.prepare(`UPDATE invoices SET state = 'sent', sent_at = ?, updated_at = ? WHERE id = ? AND state = 'issued'`);
  return invoices.map((inv) => {
    const { progressivo, fileName } = newInvoiceFile(ctx, inv.id, inv.doc.transmitter);
    const xml = fatturaXml(inv.doc, { progressivo });
    markSent.run(now, now, inv.id);
    return { invoiceId: inv.id, number: inv.doc.number, progressivo, fileName, xml };
  });
}

export interface MonthExport {
  month: string;
  files: WrittenFile[];
  zipFileName: string;
  zip: Uint8Array;
  registerFileName: string;
  register: string;
}

/** The month's files as a ZIP and its register as CSV (invoicing.exportMonth, `bottega invoice export`). */
export function exportMonth(ctx: Ctx, month: string, lang: 'it' | 'en'): MonthExport {
  const invoices = issuedInMonth(ctx, month);
  const files = writeFiles(ctx, invoices);
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.fileName, strToU8(f.xml)])), { level: 6, mtime: ctx.now() });
  const register = registerCsv(
    files.map((f, i) => ({ doc: invoices[i]!.doc, fileName: f.fileName })),
    lang,
  );
  return {
    month,
    files,
    zipFileName: lang === 'it' ? `fatture-${month}.zip` : `invoices-${month}.zip`,
    zip,
    registerFileName: lang === 'it' ? `registro-fatture-${month}.csv` : `invoice-register-${month}.csv`,
    register,
  };
}

/**
 * One invoice's file alone (a rejected invoice, once corrected by invoicing.reissueRejected,
 * is sent again under a new name). A rejected invoice not yet corrected is refused.
 */
export function exportInvoice(ctx: Ctx, id: number): WrittenFile {
  const inv = issuedInvoice(ctx, id);
  if (inv.state === 'rejected') throw new DomainError('CONFLICT', `Invoice ${inv.doc.number} was rejected by the SdI: correct it first (invoicing.reissueRejected), then export it again`, { id, state: inv.state });
  return writeFiles(ctx, [inv])[0]!;
}
