import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of a PDF (poppler's pdftotext, reading order). */
export function pdfText(pdf: Buffer, dir: string, name = 'doc'): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

/** The text of each page of a PDF, in order (pdfinfo's page count, pdftotext -layout page by page). */
export function pdfPageTexts(pdf: Buffer, dir: string, name: string): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
}

/** Every page of a PDF as a PNG at `dpi` (pdftoppm); the file paths, page order. */
export function pdfPages(pdf: Buffer, dir: string, name: string, dpi = 300): string[] {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

export interface Decoded {
  symbology: string;
  /** zbar saw the leading FNC1 of a GS1-128 symbol */
  gs1: boolean;
  data: string;
}

/** What zbarimg reads on a page image: one entry per symbol found (XML output keeps GS separators intact). */
export function decodeBarcodes(png: string): Decoded[] {
  let out: string;
  try {
    out = execFileSync('zbarimg', ['-q', '--xml', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (err) {
    // exit status 4: no symbol found on the page
    const e = err as { status?: number; stdout?: string };
    if (e.status === 4) return [];
    throw err;
  }
  const found: Decoded[] = [];
  for (const m of out.matchAll(/<symbol type='([^']+)'([^>]*)><data([^>]*)><!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    const base64 = m[3]!.includes("format='base64'");
    found.push({ symbology: m[1]!, gs1: m[2]!.includes('GS1'), data: base64 ? Buffer.from(m[4]!.trim(), 'base64').toString('latin1') : m[4]! });
  }
  return found;
}

/** A page as 8-bit grey pixels (pdftoppm -gray writes binary PGM, simple enough to read here). */
export interface GreyPage {
  width: number;
  height: number;
  /** row by row, 0 = black, 255 = white */
  pixels: Uint8Array;
}

/** Page `page` (1-based) of a PDF at `dpi` as grey pixels (pdftoppm -gray). */
export function pdfGreyPage(pdf: Buffer, dir: string, name: string, page = 1, dpi = 300): GreyPage {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024 });
  // header: "P5\n<width> <height>\n<maxval>\n" then the pixels
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: new Uint8Array(pgm.subarray(header[0].length, header[0].length + width * height)) };
}

export interface BarcodeRowMeasure {
  /** inked runs in the symbol (bars) */
  bars: number;
  /** the narrow bar: mean ink width of the narrowest runs, pixels (sub-pixel, from the grey levels) */
  narrowBar: number;
  /** fully light pixels from the first bar leftwards to the nearest ink or x0 */
  quietLeft: number;
  quietRight: number;
}

/** Any ink at all: an anti-aliased edge pixel counts as part of the bar, never as quiet zone. */
const INK_BELOW = 224;

/**
 * The bars on image row `y`, within columns [x0, x1). A run is consecutive pixels with
 * some ink; its width is the ink it holds (a half-grey pixel is half a pixel of bar), so
 * a 2-pixel bar straddling pixels measures 2, not 1 or 3. Runs closer than 6 narrow bars
 * belong to one symbol (Code 128's widest space is 4 modules); the group with most runs
 * is the barcode. Its quiet zones end at the nearest other ink or at x0/x1.
 */
export function measureBarcodeRow(page: GreyPage, y: number, x0: number, x1: number): BarcodeRowMeasure | null {
  const runs: { start: number; end: number; ink: number }[] = [];
  for (let x = x0; x < x1; x++) {
    const v = page.pixels[y * page.width + x]!;
    if (v >= INK_BELOW) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === x) {
      last.end = x + 1;
      last.ink += (255 - v) / 255;
    } else runs.push({ start: x, end: x + 1, ink: (255 - v) / 255 });
  }
  if (runs.length === 0) return null;
  const maxGap = 6 * narrowest(runs.map((r) => r.ink));
  let best: typeof runs = [];
  let group: typeof runs = [runs[0]!];
  for (let i = 1; i <= runs.length; i++) {
    const r = runs[i];
    if (r && r.start - group[group.length - 1]!.end <= maxGap) group.push(r);
    else {
      if (group.length > best.length) best = group;
      if (r) group = [r];
    }
  }
  const first = best[0]!;
  const last = best[best.length - 1]!;
  const before = runs.filter((r) => r.end <= first.start).pop();
  const after = runs.find((r) => r.start >= last.end);
  return {
    bars: best.length,
    narrowBar: narrowest(best.map((r) => r.ink)),
    quietLeft: first.start - (before ? before.end : x0),
    quietRight: (after ? after.start : x1) - last.end,
  };
}

/** The mean of the narrowest widths (those within 1.5 × the smallest). */
function narrowest(widths: number[]): number {
  const min = Math.min(...widths);
  const narrow = widths.filter((w) => w <= min * 1.5);
  return narrow.reduce((a, b) => a + b, 0) / narrow.length;
}
