import type { AppSettings } from '../../src-shared/contract/settings';
import { PAGE, type Pdf } from './pdfDocument';

/** The sender block every document starts with: ragione sociale, address, P.IVA. */
/** Only the fields printed, so a document's frozen copy of the company (an invoice's) serves as well as the settings. */
export type HeaderCompany = Pick<AppSettings['company'], 'name' | 'street' | 'postcode' | 'city' | 'province' | 'vatNumber' | 'email' | 'phone'>;

export function companyHeader(doc: Pdf, company: HeaderCompany, vatLabel: string, at: { x: number; width: number } = { x: PAGE.left, width: 300 }): void {
  const lines = [
    [company.street, [company.postcode, company.city, company.province ? `(${company.province})` : ''].filter(Boolean).join(' ')].filter(Boolean).join(' — '),
    company.vatNumber ? `${vatLabel} ${company.vatNumber}` : '',
    [company.email, company.phone].filter(Boolean).join(' · '),
  ].filter(Boolean);
  doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(company.name || 'Bottega', at.x, 40, { width: at.width });
  doc.font('Helvetica').fontSize(8.5).fillColor('#333333');
  for (const l of lines) doc.text(l, { width: at.width });
  doc.fillColor('#000000');
}
