/**
 * A fast table of groups (reportTable.ts's page, without pdfkit's line wrapper): the
 * recall report's customers, each with one row per DDT. The first column holds the
 * group's label — the customer's name in bold, then e-mail and phone, each wrapped to
 * the column — as one block from the group's top, like a card beside a ledger; the other
 * columns hold one row per entry, each cell wrapped within its column (a DDT's many lots
 * go on over lines of that row only).
 *
 * Paging: a group starts on a new page when its label would not fit whole where it is;
 * a row is never cut (unless taller than a page); a group that goes on over a page names
 * itself again at the top of it (the label's first entry, the name), so a page read alone
 * says whose DDTs these are. A light rule under each row, a full one under each group.
 */
import { PAGE, type Pdf } from '../../documents/pdfDocument';
import { FastSheet, PAD, type FastColumn } from './reportTable';
import { wrapToWidth } from './fastWrap';

export interface LabelLine {
  text: string;
  bold?: boolean;
}

export interface FastGroup {
  /** the first column, from the group's top: its first entry names the group and is repeated on continuation pages */
  label: LabelLine[];
  /** the other columns' texts, one entry per row */
  rows: string[][];
}

const ROW_RULE = '#dddddd';

/** A row as drawn: each cell's lines, and how many lines the row takes. */
interface Laid {
  cells: string[][];
  lines: number;
}

export function groupTable(doc: Pdf, columns: FastColumn[], groups: FastGroup[], emptyText: string, fontSize = 8.5): void {
  const sheet = new FastSheet(doc, columns, fontSize);
  const xs = columns.map((_, i) => sheet.x(i));
  const inner = (i: number) => columns[i]!.width - 2 * PAD;
  const measure = (text: string) => doc.widthOfString(text);
  const wrapLabel = (l: LabelLine) => {
    sheet.font(l.bold ?? false);
    return wrapToWidth(measure, l.text, inner(0)).map((text) => ({ text, bold: l.bold ?? false }));
  };
  // the most lines one row may take: what fits under the header on a fresh page
  const maxLines = Math.max(1, Math.floor((PAGE.bottom - doc.page.margins.top - sheet.rowHeight - 2 * PAD) / sheet.pitch));
  const heightOf = (lines: number) => lines * sheet.pitch + 2 * PAD;

  /** A group's rows, wrapped; a row taller than a page is cut into rows that fit one. */
  const layRows = (rows: string[][]): Laid[] => {
    sheet.font(false);
    const laid: Laid[] = [];
    for (const r of rows) {
      const cells = r.map((text, c) => wrapToWidth(measure, text, inner(c + 1)));
      const lines = Math.max(1, ...cells.map((l) => l.length));
      for (let from = 0; from < lines; from += maxLines) laid.push({ cells: cells.map((l) => l.slice(from, from + maxLines)), lines: Math.min(maxLines, lines - from) });
    }
    return laid;
  };

  /** The label's lines from the top of a row at y, one under the other; where they end. */
  const drawLabel = (lines: { text: string; bold: boolean }[], y: number): number => {
    lines.forEach((l, j) => {
      sheet.font(l.bold);
      sheet.text(l.text, 0, xs[0]!, y + j * sheet.pitch);
    });
    return y + heightOf(lines.length);
  };

  const drawGroup = (g: FastGroup) => {
    const label = g.label.flatMap(wrapLabel);
    const name = g.label.length > 0 ? wrapLabel(g.label[0]!) : [];
    const rows = layRows(g.rows);
    if (rows.length === 0) rows.push({ cells: [], lines: 1 });
    // the label stays whole beside the group's first row: both must fit where the group starts
    const underHeader = doc.y <= doc.page.margins.top + sheet.rowHeight;
    if (!underHeader) sheet.ensure(Math.max(heightOf(label.length), heightOf(rows[0]!.lines)));
    let labelEnd = drawLabel(label, doc.y);
    rows.forEach((row, r) => {
      const height = heightOf(row.lines);
      // the group goes on over a new page: its name again at the top
      if (sheet.ensure(height)) labelEnd = drawLabel(name, doc.y);
      const y = doc.y;
      sheet.font(false);
      row.cells.forEach((lines, c) => lines.forEach((text, j) => sheet.text(text, c + 1, xs[c + 1]!, y + j * sheet.pitch)));
      // rows of a group apart with a light rule across their columns
      if (r < rows.length - 1) sheet.rule(xs[1]!, y + height, ROW_RULE);
      doc.x = PAGE.left;
      doc.y = y + height;
    });
    // groups apart with a full rule, under the label when it is longer than the rows
    doc.y = Math.max(doc.y, labelEnd);
    sheet.rule(PAGE.left, doc.y);
  };

  sheet.start();
  if (groups.length === 0) drawGroup({ label: [{ text: emptyText }], rows: [] });
  for (const g of groups) drawGroup(g);
  sheet.flush();
}
