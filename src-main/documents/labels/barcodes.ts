/**
 * Barcodes from bwip-js (never drawn by hand), as vectors: bwip-js renders the symbol to
 * SVG (synchronously), we keep its paths and let pdfkit draw them, so bars stay sharp at
 * any printer resolution. Each distinct barcode is rendered once per PDF and its paths
 * replayed on every copy: 1,000 labels of one lot cost one bwip-js run, not a thousand.
 */
import bwipjs from 'bwip-js/node';
import type { Pdf } from '../pdfDocument';
import type { Barcode } from './model';

/** A symbol in bwip-js units (1 = one module at scale 1), quiet zone included. */
export interface VectorBarcode {
  width: number;
  height: number;
  paths: { d: string; strokeWidth: number | null }[];
}

export function barcodeKey(b: Barcode): string {
  return `${b.symbology}\u0000${b.text}`;
}

export function renderBarcodeVector(b: Barcode): VectorBarcode {
  const square = b.symbology === 'qrcode';
  const svg = bwipjs.toSVG({
    bcid: b.symbology,
    text: b.text,
    scale: 1,
    ...(square ? {} : { height: 10 }),
    paddingwidth: square ? 2 : 10,
    paddingheight: square ? 2 : 0,
  });
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error(`bwip-js gave no viewBox for ${b.symbology}`);
  const paths: VectorBarcode['paths'] = [];
  for (const m of svg.matchAll(/<path ([^>]*?)\/>/g)) {
    const attrs = m[1]!;
    const d = /\sd="([^"]+)"|^d="([^"]+)"/.exec(attrs);
    const stroke = /stroke-width="([\d.]+)"/.exec(attrs);
    const data = d?.[1] ?? d?.[2];
    if (data) paths.push({ d: data, strokeWidth: stroke ? Number(stroke[1]) : null });
  }
  return { width: Number(box[1]), height: Number(box[2]), paths };
}

/** Every distinct barcode of these labels, by key. */
export function renderBarcodes(barcodes: Barcode[]): Map<string, VectorBarcode> {
  const out = new Map<string, VectorBarcode>();
  for (const b of barcodes) {
    const k = barcodeKey(b);
    if (!out.has(k)) out.set(k, renderBarcodeVector(b));
  }
  return out;
}

/** The symbol stretched into the box (1D bars may stretch in height; QR codes are given a square). */
export function drawBarcodeVector(doc: Pdf, v: VectorBarcode, x: number, y: number, width: number, height: number): void {
  doc.save();
  doc.rect(x, y, width, height).fill('#ffffff');
  doc.translate(x, y).scale(width / v.width, height / v.height);
  for (const p of v.paths) {
    if (p.strokeWidth !== null) doc.path(p.d).lineWidth(p.strokeWidth).lineCap('butt').strokeColor('#000000').stroke();
    else doc.path(p.d).fillColor('#000000').fill('even-odd');
  }
  doc.restore();
}
