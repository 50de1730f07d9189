import type { HandlerMap } from '../../../api/handlers';
import { localDate } from '../../../../src-shared/domain/dates';
import { renderInvoicePdf, invoicePdfFileName } from '../../../documents/invoicePdf';
import { toBase64Pdf } from '../../../documents/pdfDocument';
import { readSettings } from '../../settings/store';
import { currentLogoId, logoImage } from '../../shipping/logo';
import { exportInvoice, exportMonth } from './exportFiles';
import { issuedInvoice } from './issuedDocuments';
import { sdiChecks } from './sdiChecks';

type Ops = 'invoicing.exportMonth' | 'invoicing.exportXml' | 'invoicing.sdiCheck' | 'invoicing.pdf';

const b64 = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

export const invoiceFileHandlers: HandlerMap<Ops> = {
  'invoicing.exportMonth': (ctx, input) => {
    const r = exportMonth(ctx, input.month, input.locale ?? readSettings(ctx).language ?? 'it');
    return {
      month: r.month,
      files: r.files.map(({ xml: _xml, ...f }) => f),
      zip: { fileName: r.zipFileName, contentType: 'application/zip' as const, base64: b64(r.zip) },
      register: { fileName: r.registerFileName, contentType: 'text/csv' as const, base64: b64(r.register) },
    };
  },
  'invoicing.exportXml': (ctx, input) => {
    const { xml, ...f } = exportInvoice(ctx, input.id);
    return { ...f, contentType: 'application/xml' as const, base64: b64(xml) };
  },
  'invoicing.sdiCheck': (ctx, input) => {
    const inv = issuedInvoice(ctx, input.id);
    return { id: inv.id, number: inv.doc.number, problems: sdiChecks(inv.doc, { today: localDate(ctx.now()), bolloNature: readSettings(ctx).invoicing.bolloNature }) };
  },
  'invoicing.pdf': async (ctx, input) => {
    const { doc } = issuedInvoice(ctx, input.id);
    const d = input.language ? { ...doc, customer: { ...doc.customer, language: input.language } } : doc;
    return toBase64Pdf(invoicePdfFileName(d), await renderInvoicePdf(d, logoImage(ctx, currentLogoId(ctx))));
  },
};
