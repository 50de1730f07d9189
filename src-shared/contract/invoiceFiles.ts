import { z } from 'zod';
import { command, query } from './define';
import { id } from './common';
import { type RolesOf } from './accounts';

/**
 * The documents of issued invoices (issue 15): FatturaPA files for the SdI and the
 * accountant, the month's register, the courtesy PDF, and the SdI-style checks. Writing a
 * file is a command: each file takes a new progressivo for ever (invoice_files) and marks
 * an issued invoice as sent.
 */

export const invoiceMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

const writtenFile = z.object({ invoiceId: id, number: z.string(), progressivo: z.string(), fileName: z.string() });

const sdiProblem = z.object({ code: z.string(), field: z.string(), line: z.number().int().optional(), message: z.string() });

export const invoiceFileOps = {
  'invoicing.exportMonth': command(
    "The month's FatturaPA files as a ZIP and its register as CSV for the accountant; each file gets a new progressivo and issued invoices become sent (rejected ones wait for their correction). Refused, naming invoice and field, when any document would be rejected by the SdI.",
    z.object({ month: invoiceMonth, locale: z.enum(['it', 'en']).optional() }),
    z.object({
      month: z.string(),
      files: z.array(writtenFile),
      zip: z.object({ fileName: z.string(), contentType: z.literal('application/zip'), base64: z.string() }),
      register: z.object({ fileName: z.string(), contentType: z.literal('text/csv'), base64: z.string() }),
    }),
  ),
  'invoicing.exportXml': command(
    "One invoice's FatturaPA file with a new progressivo (a rejected invoice, once corrected by invoicing.reissueRejected, is sent again under a new file name); marks an issued invoice sent.",
    z.object({ id }),
    writtenFile.extend({ contentType: z.literal('application/xml'), base64: z.string() }),
  ),
  'invoicing.sdiCheck': query(
    "The SdI-style checks of an issued invoice's document: an empty list when the SdI should accept it.",
    z.object({ id }),
    z.object({ id, number: z.string(), problems: z.array(sdiProblem) }),
  ),
  'invoicing.pdf': query(
    "The courtesy copy of an issued invoice or credit note (PDF, base64), in the customer's language unless another is asked.",
    z.object({ id, language: z.enum(['it', 'en']).optional() }),
    z.object({ fileName: z.string(), contentType: z.literal('application/pdf'), base64: z.string() }),
  ),
};

/** Who may call each operation besides the owner (accounts.ts: RolesOf; checked in the registry for every door). */
export const invoiceFileRoles = {
  'invoicing.exportMonth': ['office'],
  'invoicing.exportXml': ['office'],
  'invoicing.sdiCheck': ['office', 'viewer'],
  'invoicing.pdf': ['office', 'viewer'],
} as const satisfies RolesOf<typeof invoiceFileOps>;
