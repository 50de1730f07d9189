/**
 * renderLabelsPdf: labels into one PDF for the chosen layout. Barcodes are rendered
 * first (each distinct one once), embedded once per PDF, then placed on every copy.
 */
import PDFDocument from 'pdfkit';
import type { Pdf } from '../pdfDocument';
import { barcodeKey, renderBarcodes } from './barcodes';
import { LAYOUTS, pageSizePt, placeLabel, type LabelLayoutId } from './layout';
import type { Label } from './model';
import { drawCaseLabel, drawProductLabel, drawShippingLabel, type BarcodeImage } from './draw';

export interface RenderOptions {
  title?: string;
  /** labels already used on the first A4 sheet: start at this slot */
  skip?: number;
  /** thin outlines of the labels (for the on-screen preview and plain paper) */
  outlines?: boolean;
}

export async function renderLabelsPdf(labels: Label[], layoutId: LabelLayoutId, opts: RenderOptions = {}): Promise<Buffer> {
  const layout = LAYOUTS[layoutId];
  const pngs = await renderBarcodes(labels.map((l) => l.barcode));
  const doc: Pdf = new PDFDocument({ size: pageSizePt(layout), margin: 0, autoFirstPage: false, info: { Title: opts.title ?? 'Labels', Producer: 'Bottega', Creator: 'Bottega' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const images = new Map<string, BarcodeImage>();
  const imageOf = (key: string): BarcodeImage => {
    let img = images.get(key);
    if (!img) {
      // openImage embeds the PNG once; its @types lack it, pdfkit has had it since 0.8
      img = (doc as unknown as { openImage(src: Buffer): BarcodeImage }).openImage(pngs.get(key)!);
      images.set(key, img);
    }
    return img;
  };
  let page = -1;
  labels.forEach((label, i) => {
    const box = placeLabel(layout, i, opts.skip ?? 0);
    while (page < box.page) {
      doc.addPage({ size: pageSizePt(layout), margin: 0 });
      page++;
    }
    if (opts.outlines) doc.save().rect(box.x, box.y, box.width, box.height).lineWidth(0.3).strokeColor('#bbbbbb').stroke().restore();
    const img = imageOf(barcodeKey(label.barcode));
    if (label.kind === 'product') drawProductLabel(doc, box, label, img);
    else if (label.kind === 'case') drawCaseLabel(doc, box, label, img);
    else drawShippingLabel(doc, box, label, img);
  });
  if (page < 0) doc.addPage({ size: pageSizePt(layout), margin: 0 });
  doc.end();
  return done;
}
