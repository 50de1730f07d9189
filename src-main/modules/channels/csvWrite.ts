/**
 * CSV for Excel in the user's locale. Excel opens a `.csv` by double click with the
 * system's list separator and decimal mark: an Italian PC expects `;` and `12,50`, an
 * English one `,` and `12.50`. Both get a UTF-8 byte-order mark (without it Excel reads
 * "Città" as "CittÃ ") and CRLF line ends. Integers of the database become decimal text
 * exactly (formatDecimal: no float on the way).
 */
import { formatDecimal } from '../../../src-shared/domain/decimal';

/** `textAsIs`: text Excel must not read as a number (a phone "055 123456" would lose its 0, "+39…" become a formula) */
/** `decimal`: exact decimal text with a '.' (an 8-decimal unit price), written with the locale's mark */
export type CellKind = 'text' | 'textAsIs' | 'int' | 'milli' | 'cents' | 'micros' | 'bp' | 'date' | 'decimal';

export interface CsvColumn {
  header: string;
  kind: CellKind;
}

export interface CsvStyle {
  delimiter: ';' | ',';
  decimal: ',' | '.';
}

export const CSV_STYLES: Record<'it' | 'en', CsvStyle> = {
  it: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

export type Cell = string | number | null;

/**
 * Text Excel would run as a formula (=, +, -, @ first, or a tab / CR) gets a leading
 * apostrophe, which Excel shows as text; our import takes it off again (unguardCell).
 * A value that already starts with apostrophes before such a character gets one more,
 * so the round trip is exact.
 */
export function guardText(v: string): string {
  return /^'*[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function formatCell(value: Cell, kind: CellKind, style: CsvStyle): string {
  if (value === null || value === '') return '';
  // Excel shows a cell starting with an apostrophe as the text after it, never as a number
  if (kind === 'textAsIs') return `'${String(value)}`;
  if (kind === 'decimal') return style.decimal === '.' ? String(value) : String(value).replace('.', style.decimal);
  if (kind === 'text' || kind === 'date') return kind === 'text' ? guardText(String(value)) : String(value);
  if (typeof value !== 'number') throw new TypeError(`a ${kind} cell needs a number, got ${JSON.stringify(value)}`);
  let text: string;
  switch (kind) {
    case 'int':
      text = String(value);
      break;
    case 'milli':
      text = formatDecimal(value, 3);
      break;
    case 'cents':
      text = formatDecimal(value, 2, { minFractionDigits: 2 });
      break;
    case 'micros':
      text = formatDecimal(value, 6, { minFractionDigits: 2 });
      break;
    case 'bp':
      text = formatDecimal(value, 2);
      break;
  }
  return style.decimal === '.' ? text : text.replace('.', style.decimal);
}

function quote(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as it stands in the file: formatted, guarded and quoted (a line of its own, such as a title above a table). */
export function csvCell(value: Cell, kind: CellKind, style: CsvStyle): string {
  return quote(formatCell(value, kind, style), style.delimiter);
}

/** A table's lines (header, then rows) without BOM or line ends: for files with more than one table. */
export function csvLines(columns: CsvColumn[], rows: Iterable<Cell[]>, style: CsvStyle): string[] {
  const out: string[] = [columns.map((c) => quote(c.header, style.delimiter)).join(style.delimiter)];
  for (const r of rows) out.push(columns.map((c, i) => csvCell(r[i] ?? null, c.kind, style)).join(style.delimiter));
  return out;
}

/** A file of lines: BOM, CRLF after each. */
export function csvFile(lines: readonly string[]): string {
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The whole file: BOM, header, rows, CRLF. */
export function writeCsv(columns: CsvColumn[], rows: Iterable<Cell[]>, style: CsvStyle): string {
  return csvFile(csvLines(columns, rows, style));
}
