/**
 * Barcodes from bwip-js (never drawn by hand), as vectors: bwip-js renders the symbol to
 * SVG (synchronously), we keep its paths and let pdfkit draw them, so bars stay sharp at
 * any printer resolution. Each distinct barcode is rendered once per PDF and its paths
 * replayed on every copy: 1,000 labels of one lot cost one bwip-js run, not a thousand.
 */
import type bwipjs from 'bwip-js/node';
import { onFirstUse } from '../../onFirstUse';

/** bwip-js, loaded with the first barcode drawn (not at every start) */
export const bwipJs = onFirstUse<typeof bwipjs>('bwip-js/node');
import type { Pdf } from '../pdfDocument';
import type { Barcode } from './model';

/** A symbol in bwip-js units, quiet zone included. */
export interface VectorBarcode {
  width: number;
  height: number;
  /** the narrow bar in bwip-js units (one at scale 1; read from the drawing rather than assumed) */
  module: number;
  /** filled outlines (bars as rectangles, QR modules as squares) */
  paths: { d: string }[];
}

/**
 * Light margin each side of a linear symbol, in modules. GS1 General Specifications
 * 5.4.4 ask at least 10 X for GS1-128 and Code 128: we draw 12 X, because a label
 * printer rounds bars to its dots (a 0.19 mm bar on a 203 dpi printer prints 0.25 mm)
 * and exactly 10 X then measures below 10 printed bars. EAN-13 11 X (its left one on
 * both sides), EAN-8 7 X. The margin is part of the symbol we draw, so squeezing the
 * bars into a small label squeezes the quiet zone with them and keeps the ratio.
 */
const QUIET_MODULES: Record<Exclude<Barcode['symbology'], 'qrcode'>, number> = { 'gs1-128': 12, code128: 12, ean13: 11, ean8: 7 };

export function barcodeKey(b: Barcode): string {
  return `${b.symbology}\u0000${b.text}`;
}

function toSvg(b: Barcode, paddingwidth: number): string {
  const square = b.symbology === 'qrcode';
  return bwipJs().toSVG({ bcid: b.symbology, text: b.text, scale: 1, ...(square ? {} : { height: 10 }), paddingwidth, paddingheight: square ? 2 : 0 });
}

/** The narrowest bar bwip-js drew: stroked bars carry their width, the thinnest is one module. */
function moduleOf(svg: string): number {
  const widths = [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
  return widths.length > 0 ? Math.min(...widths) : 1;
}

/**
 * bwip-js draws a bar as a vertical line stroked `width` wide; we fill the rectangle
 * instead. Rasterisers snap thin strokes to whole pixels ("stroke adjustment": a
 * 2-pixel bar drawn as 1), filled areas keep their true width on screen and in print.
 */
function barsAsRectangles(d: string, width: number): string {
  const out: string[] = [];
  for (const m of d.matchAll(/M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)/g)) {
    const x = Number(m[1]);
    const y1 = Math.min(Number(m[2]), Number(m[4]));
    const y2 = Math.max(Number(m[2]), Number(m[4]));
    out.push(`M${x - width / 2} ${y1}H${x + width / 2}V${y2}H${x - width / 2}Z`);
  }
  return out.join('');
}

export function renderBarcodeVector(b: Barcode): VectorBarcode {
  let svg: string;
  let module = 1;
  if (b.symbology === 'qrcode') svg = toSvg(b, 2);
  else {
    // first without padding to learn the module, then with the quiet zone in modules
    module = moduleOf(toSvg(b, 0));
    svg = toSvg(b, QUIET_MODULES[b.symbology] * module);
  }
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) throw new Error(`bwip-js gave no viewBox for ${b.symbology}`);
  const paths: VectorBarcode['paths'] = [];
  for (const m of svg.matchAll(/<path ([^>]*?)\/>/g)) {
    const attrs = m[1]!;
    const d = /\sd="([^"]+)"|^d="([^"]+)"/.exec(attrs);
    const stroke = /stroke-width="([\d.]+)"/.exec(attrs);
    const data = d?.[1] ?? d?.[2];
    if (data) paths.push({ d: stroke ? barsAsRectangles(data, Number(stroke[1])) : data });
  }
  return { width: Number(box[1]), height: Number(box[2]), module, paths };
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
  for (const p of v.paths) doc.path(p.d).fillColor('#000000').fill('even-odd');
  doc.restore();
}
