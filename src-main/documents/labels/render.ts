/**
 * renderLabelsPdf: labels into one PDF for the chosen layout. Barcodes are rendered
 * first (each distinct one once), then replayed on every copy.
 */
import { pdfKit, type Pdf } from '../pdfDocument';
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

/**
 * Synchronous: bwip-js draws SVG without waiting, and pdfkit keeps its output buffered
 * when nobody listens for 'data' (end() flushes it all before returning).
 */
export function renderLabelsPdfSync(labels: Label[], layoutId: LabelLayoutId, opts: RenderOptions = {}): Buffer {
  const layout = LAYOUTS[layoutId];
  const barcodes = renderBarcodes(labels.map((l) => l.barcode));
  const doc: Pdf = new (pdfKit())({ size: pageSizePt(layout), margin: 0, autoFirstPage: false, info: { Title: opts.title ?? 'Labels', Producer: 'Bottega', Creator: 'Bottega' } });
  const imageOf = (key: string): BarcodeImage => barcodes.get(key)!;
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
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The same, for callers that await (the label queries). */
export function renderLabelsPdf(labels: Label[], layoutId: LabelLayoutId, opts: RenderOptions = {}): Promise<Buffer> {
  return Promise.resolve().then(() => renderLabelsPdfSync(labels, layoutId, opts));
}
