import type PDFDocument from 'pdfkit';
import { onFirstUse } from '../onFirstUse';

/** pdfkit, loaded with the first document made (not at every start) */
export const pdfKit = onFirstUse<typeof PDFDocument>('pdfkit');
import { numberPages, type DocLanguage } from './pageNumbers';
import { splitToFit } from './cellSplit';
import { deflatePages } from './deflatePages';

export type Pdf = InstanceType<typeof PDFDocument>;

export interface DocOptions {
  /** the document's language: every page gets "Pagina n di N" / "Page n of N" at its foot */
  language: DocLanguage;
  /** zlib level for the pages' contents (deflatePages); pdfkit's own (6) when not set */
  deflateLevel?: number;
}

function a4(title: string): Pdf {
  // pages stay in memory until the end so their numbers can say "of N"
  return new (pdfKit())({ size: 'A4', margin: 40, bufferPages: true, info: { Title: title, Producer: 'Bottega', Creator: 'Bottega' } });
}

/**
 * A4 page with our margins, rendered into a Buffer. pdfkit's built-in Helvetica covers
 * Italian accents and the euro sign (WinAnsi), so no font file has to ship for these.
 */
export function renderPdf(title: string, opts: DocOptions, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = a4(title);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  finish(doc, opts);
  return done;
}

/**
 * The same A4 document, rendered synchronously: pdfkit buffers its output when nobody
 * listens for 'data', and end() flushes everything before it returns. For timings (the
 * benchmark's harness is synchronous) and callers that cannot await.
 */
export function renderPdfSync(title: string, opts: DocOptions, draw: (doc: Pdf) => void): Buffer {
  const doc = a4(title);
  draw(doc);
  finish(doc, opts);
  const chunks: Buffer[] = [];
  for (let c = doc.read() as Buffer | null; c !== null; c = doc.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The page numbers, each page's content deflated, and the end of the document. */
function finish(doc: Pdf, opts: DocOptions): void {
  numberPages(doc, opts.language, PAGE.right, PAGE.width);
  if (opts.deflateLevel !== undefined) deflatePages(doc, opts.deflateLevel);
  doc.end();
}

export const PAGE = { left: 40, right: 555, width: 515, bottom: 800 };

type Cell = { text: string; width: number; align?: 'left' | 'right' | 'center'; bold?: boolean; fontSize?: number };

/**
 * A row of cells at the current y; returns the height it took. Wraps text within each cell; a
 * cell may set its own font size (else the row's). A row that does not fit where it is starts
 * on the next page; one taller than a whole page is cut between lines and goes on over as many
 * pages as it needs (splitToFit), so a long cell never runs off the page or loses a line.
 */
export function tableRow(
  doc: Pdf,
  cells: Cell[],
  opts: { fontSize?: number; padding?: number } = {},
): number {
  const size = opts.fontSize ?? 9;
  const pad = opts.padding ?? 3;
  const setFont = (c: Cell) => doc.font(c.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(c.fontSize ?? size);
  const heightOf = (row: Cell[]) => Math.max(0, ...row.map((c) => setFont(c).heightOfString(c.text || ' ', { width: c.width - 2 * pad }) + 2 * pad));
  let row = cells;
  let taken = 0;
  for (;;) {
    const height = heightOf(row);
    if (doc.y + height <= PAGE.bottom) return taken + drawRow(doc, row, height, pad, setFont);
    const top = doc.page.margins.top;
    const startsPage = doc.y <= top;
    // a row that fits a page starts on the next one, as does a long one with under three lines' room left here
    if (!startsPage && (height <= PAGE.bottom - top || doc.y + 2 * pad + 3 * size > PAGE.bottom)) {
      doc.addPage();
      continue;
    }
    // taller than a page: what fits here, the rest on the next page
    const room = PAGE.bottom - doc.y - 2 * pad;
    const parts = row.map((c) => splitToFit(setFont(c), c.text, c.width - 2 * pad, room));
    const head = row.map((c, i) => ({ ...c, text: parts[i]![0] }));
    taken += drawRow(doc, head, heightOf(head), pad, setFont);
    // nothing left to go on with: the row is done
    if (parts.every(([, rest]) => rest === '')) return taken;
    row = row.map((c, i) => ({ ...c, text: parts[i]![1] }));
    doc.addPage();
  }
}

/** Draws one row that fits at the current y, with its rule below; returns its height. */
function drawRow(doc: Pdf, row: Cell[], height: number, pad: number, setFont: (c: Cell) => Pdf): number {
  const y = doc.y;
  let x = PAGE.left;
  for (const c of row) {
    setFont(c).text(c.text, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
    x += c.width;
  }
  doc.moveTo(PAGE.left, y + height).lineTo(PAGE.right, y + height).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.x = PAGE.left;
  doc.y = y + height;
  return height;
}

export function checkbox(doc: Pdf, x: number, y: number, size = 9): void {
  doc.rect(x, y, size, size).lineWidth(0.8).strokeColor('#000000').stroke();
}

export function toBase64Pdf(fileName: string, buffer: Buffer) {
  return { fileName, contentType: 'application/pdf' as const, base64: buffer.toString('base64') };
}
