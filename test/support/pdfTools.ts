import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The text of a PDF (poppler's pdftotext, reading order). */
export function pdfText(pdf: Buffer, dir: string, name = 'doc'): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
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
