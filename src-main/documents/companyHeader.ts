import type { AppSettings } from '../../src-shared/contract/settings';
import { PAGE, type Pdf } from './pdfDocument';

/** The sender block every document starts with: ragione sociale, address, P.IVA. */
export function companyHeader(doc: Pdf, company: AppSettings['company'], vatLabel: string): void {
  const lines = [
    [company.street, [company.postcode, company.city, company.province ? `(${company.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(' — '),
    company.vatNumber ? `${vatLabel} ${company.vatNumber}` : '',
    [company.email, company.phone].filter(Boolean).join(' · '),
  ].filter(Boolean);
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(company.name || 'Bottega', PAGE.left, 40, { width: 300 });
  doc.font('Helvetica').fontSize(8.5).fillColor('#333333');
  for (const l of lines) doc.text(l, { width: 300 });
  doc.fillColor('#000000');
}
