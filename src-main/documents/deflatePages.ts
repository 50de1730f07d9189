/**
 * Page contents deflated at a chosen zlib level. pdfkit deflates each page's operators at
 * zlib's default level (6) and its `compress` option has no level. The recall report for
 * the bench file's widest lot writes 9.5 MB of operators over 539 pages: level 6 took
 * ~81 ms CPU for 1.37 MB, level 3 ~44 ms for 1.48 MB. Each page's content is deflated
 * here, after everything is drawn (the page numbers too), and handed to pdfkit as done.
 */
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';

/** pdfkit's document (declared here too: pdfDocument.ts imports this file) */
type Pdf = InstanceType<typeof PDFDocument>;

/** What pdfkit's PDFReference holds for a stream until it writes it (finalize). */
interface StreamRef {
  /** pdfkit deflates the buffer at finalize while this is set */
  compress: boolean;
  buffer: Uint8Array[];
  data: { Filter?: string };
}

/** Deflates every buffered page's content at `level`; pdfkit then writes it as it is. */
export function deflatePages(doc: Pdf, level: number): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const content = (doc.page as unknown as { content: StreamRef }).content;
    // pdfkit set the filter when the first operator was written with compression on
    if (!content.compress || content.buffer.length === 0 || content.data.Filter !== 'FlateDecode') continue;
    content.buffer = [deflateSync(Buffer.concat(content.buffer), { level })];
    content.compress = false;
  }
}
