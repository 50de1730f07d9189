/**
 * A long table for the recall report: one line per row, cut with "…" to its column.
 * A recall of an oil used in 1,500 batches lists 1,500 lots; pdfkit's wrapping layout
 * (measure, then draw, every cell) costs more than all the rest of the report, so these
 * rows are measured by width only and drawn without the line wrapper. The header row
 * repeats on every new page. A page's operators are written as one string
 * (documents/pdfOps.ts): the same bytes pdfkit writes, without its per-operator garbage.
 */
import { PAGE, type Pdf } from '../../documents/pdfDocument';
import { ruleOps, textOps } from '../../documents/pdfOps';

export interface FastColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const PAD = 3;

/** No Helvetica glyph is wider than its em: text this short fits without measuring. */
function surelyFits(text: string, width: number, fontSize: number): boolean {
  return text.length * fontSize <= width;
}

function fit(doc: Pdf, text: string, width: number, fontSize: number): string {
  if (surelyFits(text, width, fontSize) || doc.widthOfString(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

export function fastTable(doc: Pdf, columns: FastColumn[], rows: string[][], emptyText: string, fontSize = 8.5): void {
  const rowHeight = fontSize * 1.25 + 2 * PAD;
  // a column repeats its values (item names, SKUs, statuses): each is cut to fit once
  const fitted = columns.map(() => new Map<string, string>());
  const fitCell = (text: string, i: number, inner: number) => {
    let cut = fitted[i]!.get(text);
    if (cut === undefined) fitted[i]!.set(text, (cut = fit(doc, text, inner, fontSize)));
    return cut;
  };
  // the page's operators so far, written at once before a new page and at the end
  let ops: string[] = [];
  const flush = () => {
    // as bytes, as pdfkit's addContent would make them (Latin-1, a newline after each
    // line), but in one native copy instead of its character-by-character loop
    if (ops.length > 0) doc.page.write(Buffer.from(`${ops.join('\n')}\n`, 'latin1'));
    ops = [];
  };
  const line = (cells: string[], bold: boolean) => {
    if (doc.y + rowHeight > PAGE.bottom) {
      flush();
      doc.addPage();
      if (!bold) line(columns.map((c) => c.header), true);
    }
    const y = doc.y;
    let x = PAGE.left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    columns.forEach((c, i) => {
      const inner = c.width - 2 * PAD;
      const text = bold ? fit(doc, cells[i] ?? '', inner, fontSize) : fitCell(cells[i] ?? '', i, inner);
      const dx = c.align === 'right' ? inner - doc.widthOfString(text) : 0;
      const written = textOps(doc, text, x + PAD + dx, y + PAD);
      if (written === null) {
        flush();
        doc.text(text, x + PAD + dx, y + PAD, { lineBreak: false });
      } else if (written !== '') ops.push(written);
      x += c.width;
    });
    ops.push(ruleOps(PAGE.left, PAGE.right, y + rowHeight, 0.5, '#999999'));
    doc.x = PAGE.left;
    doc.y = y + rowHeight;
  };
  line(columns.map((c) => c.header), true);
  if (rows.length === 0) line([emptyText], false);
  for (const r of rows) line(r, false);
  flush();
}
