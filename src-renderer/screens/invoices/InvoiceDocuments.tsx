/**
 * An issued invoice's files: the courtesy PDF and the XML. Wired once the documents'
 * operations exist (fatturapa's branch).
 */
import type { InvoiceDetail } from '../../../src-shared/contract/invoicing';

export function InvoiceDocuments(_props: { inv: InvoiceDetail }) {
  return null;
}
