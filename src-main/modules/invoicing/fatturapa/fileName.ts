/**
 * FatturaPA file names: `IT<IdCodice of the transmitter>_<progressivo>.xml`. The
 * progressivo (up to 5 letters or digits) must be unique for the transmitter forever and
 * new for every file sent (a re-sent invoice takes a new one, else the SdI refuses it as
 * a duplicate, 00002). It comes from one gap-free sequence that is never reset, written
 * in base 36 (00001 … 0000Z, 00010 … ZZZZZ: 60 million files), and every file written is
 * a row of invoice_files whose unique index on progressivo guards the rule.
 */
import type { Ctx } from '../../../api/context';
import { nextNumber } from '../../numbering/next';

export const PROGRESSIVO_SEQUENCE = 'fatturapa:progressivo';
const MAX = 36 ** 5 - 1;

/** 1 → "00001", 36 → "00010", 60466175 → "ZZZZZ". */
export function progressivoOf(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX) throw new RangeError(`the progressivo ${n} does not fit 5 base-36 characters`);
  return n.toString(36).toUpperCase().padStart(5, '0');
}

/** "IT" + "01234567897" + "_" + "0000A" + ".xml" */
export function fatturaFileName(transmitter: { country: string; idCode: string }, progressivo: string): string {
  if (!/^[A-Za-z0-9]{1,5}$/.test(progressivo)) throw new RangeError(`progressivo "${progressivo}" must be 1 to 5 letters or digits`);
  return `${transmitter.country.toUpperCase()}${transmitter.idCode.trim().toUpperCase()}_${progressivo}.xml`;
}

/**
 * A new file for an invoice: takes the next progressivo and records it, inside the
 * caller's transaction (a rolled-back export gives its numbers back; nothing else can).
 */
export function newInvoiceFile(ctx: Ctx, invoiceId: number, transmitter: { country: string; idCode: string }): { progressivo: string; fileName: string } {
  const progressivo = progressivoOf(nextNumber(ctx, PROGRESSIVO_SEQUENCE));
  const fileName = fatturaFileName(transmitter, progressivo);
  ctx.sqlite.prepare('INSERT INTO invoice_files (invoice_id, progressivo, file_name, created_at) VALUES (?, ?, ?, ?)').run(invoiceId, progressivo, fileName, ctx.now().toISOString());
  return { progressivo, fileName };
}
