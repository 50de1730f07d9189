import type { Message } from '../types';

/**
 * Messages of the FatturaPA export: a problem the SdI would reject, named by invoice, field
 * (the element's path in the file, as the SdI's own notices name it), line and error code.
 */
export const invoiceFilesIt = {
  'issue.sdi_check': 'Fattura {invoice}: {field} — lo SdI la scarterebbe (errore {code})',
  'issue.sdi_check_line': 'Fattura {invoice}, riga {line}: {field} — lo SdI la scarterebbe (errore {code})',
};

export const invoiceFilesEn: Record<keyof typeof invoiceFilesIt, Message> = {
  'issue.sdi_check': 'Invoice {invoice}: {field} — the SdI would reject it (error {code})',
  'issue.sdi_check_line': 'Invoice {invoice}, line {line}: {field} — the SdI would reject it (error {code})',
};
