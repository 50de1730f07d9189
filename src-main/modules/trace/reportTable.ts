/**
 * A long table for the recall report: one line per row, cut with "…" to its column.
 * A recall of an oil used in 1,500 batches lists 1,500 lots; pdfkit's wrapping layout
 * (measure, then draw, every cell) costs more than all the rest of the report, so these
 * rows are measured by width only and drawn without the line wrapper. The header row
 * repeats on every new page. A page's operators are written as one string
 * (documents/pdfOps.ts): pdfkit's operators for each text and rule, without its
 * per-operator garbage, the page's texts in one text object.
 */
import { PAGE, type Pdf } from '../../documents/pdfDocument';
import { lineOps, strokeStyleOps, TextBlock } from '../../documents/pdfOps';

export interface FastColumn {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

export const PAD = 3;
const RULE = '#999999';

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

/**
 * The page a fast table draws on: texts (one text object, pdfOps' TextBlock) and rules as written operators, gathered per page
 * and handed to pdfkit at once before a new page and at the end (flush); a new page starts
 * with the header row. Shared by the one-line table below and the grouped one (groupTable.ts).
 */
export class FastSheet {
  /** one line of text and its padding: a one-line row */
  readonly rowHeight: number;
  /** from one line of a cell to the next */
  readonly pitch: number;
  /** the page's texts so far, in one text object */
  private texts = new TextBlock();
  /** the page's rules so far */
  private rules: string[] = [];
  /** the rules' colour set in the batch so far (null: none yet) */
  private ruleHex: string | null = null;
  /** each rule's path by start, then y */
  private lines = new Map<number, Map<number, string>>();

  constructor(
    readonly doc: Pdf,
    readonly columns: FastColumn[],
    readonly fontSize: number,
  ) {
    this.pitch = fontSize * 1.25;
    this.rowHeight = this.pitch + 2 * PAD;
  }

  /** Where column i starts. */
  x(i: number): number {
    let x = PAGE.left;
    for (let c = 0; c < i; c++) x += this.columns[c]!.width;
    return x;
  }

  font(bold: boolean): void {
    this.doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(this.fontSize);
  }

  /** Text already known to fit column i, at the line whose top is y, in the font set. */
  text(text: string, i: number, x: number, y: number): void {
    const c = this.columns[i]!;
    const inner = c.width - 2 * PAD;
    const dx = c.align === 'right' ? inner - this.doc.widthOfString(text) : 0;
    if (!this.texts.add(this.doc, text, x + PAD + dx, y + PAD)) {
      // what pdfkit draws itself goes after what was written before it
      this.flush();
      this.doc.text(text, x + PAD + dx, y + PAD, { lineBreak: false });
    }
  }

  rule(x0: number, y: number, hex = RULE): void {
    // the width and colour once for the rules after it, until another colour or the next batch
    if (hex !== this.ruleHex) {
      this.rules.push(strokeStyleOps(0.5, hex));
      this.ruleHex = hex;
    }
    // the same rules page after page: each one's operators made once
    let byY = this.lines.get(x0);
    if (!byY) this.lines.set(x0, (byY = new Map()));
    let ops = byY.get(y);
    if (ops === undefined) byY.set(y, (ops = lineOps(x0, PAGE.right, y)));
    this.rules.push(ops);
  }

  /** The header row (bold, each cut to its column) at the current y. */
  header(): void {
    const y = this.doc.y;
    this.font(true);
    let x = PAGE.left;
    this.columns.forEach((c, i) => {
      this.text(fit(this.doc, c.header, c.width - 2 * PAD, this.fontSize), i, x, y);
      x += c.width;
    });
    this.rule(PAGE.left, y + this.rowHeight);
    this.doc.x = PAGE.left;
    this.doc.y = y + this.rowHeight;
  }

  /** The header at the current y, on a new page when not even one row would fit under it here. */
  start(): void {
    if (this.doc.y + 2 * this.rowHeight > PAGE.bottom) this.doc.addPage();
    this.header();
  }

  /** Room for `height` more at the current y, else a new page with the header; true when a page was started. */
  ensure(height: number): boolean {
    if (this.doc.y + height <= PAGE.bottom) return false;
    this.flush();
    this.doc.addPage();
    this.header();
    return true;
  }

  flush(): void {
    // as bytes, as pdfkit's addContent would make them (Latin-1, a newline after each
    // line), but in one native copy instead of its character-by-character loop
    const texts = this.texts.take(this.doc.page.height);
    if (texts !== '') this.rules.unshift(texts);
    if (this.rules.length > 0) this.doc.page.write(Buffer.from(`${this.rules.join('\n')}\n`, 'latin1'));
    this.rules = [];
    this.ruleHex = null;
  }
}

/** Each value cut to its column with "…" once per column (names, SKUs and statuses repeat). */
function cutter(sheet: FastSheet): (text: string, i: number) => string {
  const fitted = sheet.columns.map(() => new Map<string, string>());
  return (text, i) => {
    let cut = fitted[i]!.get(text);
    if (cut === undefined) fitted[i]!.set(text, (cut = fit(sheet.doc, text, sheet.columns[i]!.width - 2 * PAD, sheet.fontSize)));
    return cut;
  };
}

export function fastTable(doc: Pdf, columns: FastColumn[], rows: string[][], emptyText: string, fontSize = 8.5): void {
  const sheet = new FastSheet(doc, columns, fontSize);
  const cut = cutter(sheet);
  const line = (cells: string[]) => {
    sheet.ensure(sheet.rowHeight);
    const y = doc.y;
    let x = PAGE.left;
    sheet.font(false);
    columns.forEach((c, i) => {
      sheet.text(cut(cells[i] ?? '', i), i, x, y);
      x += c.width;
    });
    sheet.rule(PAGE.left, y + sheet.rowHeight);
    doc.x = PAGE.left;
    doc.y = y + sheet.rowHeight;
  };
  sheet.start();
  if (rows.length === 0) line([emptyText]);
  for (const r of rows) line(r);
  sheet.flush();
}
