/**
 * Barcode images from bwip-js (never drawn by hand). Each distinct barcode is rendered
 * once per call and its PNG reused for every copy: 1,000 labels of one lot cost one
 * bwip-js run, not a thousand.
 */
import bwipjs from 'bwip-js/node';
import type { Barcode } from './model';

export function barcodeKey(b: Barcode): string {
  return `${b.symbology}\u0000${b.text}`;
}

/** A white-backed PNG with a quiet zone; 1D codes are drawn short and stretched to the label's height. */
export function renderBarcodePng(b: Barcode): Promise<Buffer> {
  const square = b.symbology === 'qrcode';
  return bwipjs.toBuffer({
    bcid: b.symbology,
    text: b.text,
    scale: 3,
    ...(square ? { eclevel: 'M' } : { height: 10 }),
    paddingwidth: square ? 2 : 10,
    paddingheight: square ? 2 : 1,
    backgroundcolor: 'FFFFFF',
  });
}

/** Every distinct barcode of these labels, rendered concurrently, by key. */
export async function renderBarcodes(barcodes: Barcode[]): Promise<Map<string, Buffer>> {
  const distinct = new Map<string, Barcode>();
  for (const b of barcodes) distinct.set(barcodeKey(b), b);
  const entries = await Promise.all([...distinct].map(async ([k, b]) => [k, await renderBarcodePng(b)] as const));
  return new Map(entries);
}
