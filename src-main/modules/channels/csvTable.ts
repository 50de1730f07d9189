import { Parser, type Options } from 'csv-parse';
import { FileRefused } from './decode';

export type Delimiter = ',' | ';' | '\t';

/** A CSV file read: its header and its records, each with the file line where it starts. */
export interface CsvTable {
  delimiter: Delimiter;
  headers: string[];
  /** the file line where each record starts (the header is line 1, or 2 after Excel's `sep=` line) */
  lines: number[];
  records: string[][];
}

const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/**
 * The delimiter is the candidate found most often outside quotes on the header line
 * (a header never holds a semicolon or a comma by accident; a value may).
 */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter | null = null;
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (best ? counts.get(best)! : 0)) best = c;
  return best;
}

/** The first line, up to a line break outside quotes. */
function firstLine(text: string): { line: string; end: number } {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return { line: text.slice(0, i), end: i };
  }
  return { line: text, end: text.length };
}

function lineBreaksIn(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && value.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Bytes handed to the parser at a time: a 50 MB file reports its progress about 50 times. */
const PARSE_CHUNK_BYTES = 1024 * 1024;

interface ChunkParser {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

/**
 * csv-parse's streaming parser, fed synchronously chunk by chunk (its `api` is what its
 * stream and its sync function both drive): the same records as one `parse` call, with
 * the fraction of the file read told after each chunk, for the import's progress bar.
 */
function parseInChunks(text: string, options: Options, onParsed?: (fraction: number) => void): string[][] {
  const api = (new Parser(options) as unknown as { api: ChunkParser }).api;
  const bytes = Buffer.from(text);
  const rows: string[][] = [];
  const push = (r: string[]) => void rows.push(r);
  const close = () => undefined;
  for (let at = 0; at < bytes.length; at += PARSE_CHUNK_BYTES) {
    const err = api.parse(bytes.subarray(at, at + PARSE_CHUNK_BYTES), false, push, close);
    if (err) throw err;
    onParsed?.(Math.min(1, (at + PARSE_CHUNK_BYTES) / bytes.length));
  }
  const err = api.parse(undefined, true, push, close);
  if (err) throw err;
  return rows;
}

/**
 * Reads CSV text. Quoted fields may hold delimiters, quotes ("") and line breaks; line
 * endings may be mixed (CRLF, LF, CR); a stray quote inside an unquoted field is kept;
 * rows may be shorter or longer than the header. Blank lines are skipped but counted,
 * so every record knows the file line where it starts.
 */
export function readCsv(text: string, forced?: Delimiter, onParsed?: (fraction: number) => void): CsvTable {
  let body = text;
  let lineOffset = 0;
  // Excel's "sep=;" first line names the delimiter
  const sep = /^sep=(.)\r?\n/i.exec(body);
  let delimiter: Delimiter | null = forced ?? null;
  if (sep) {
    const d = sep[1] as Delimiter;
    if (CANDIDATES.includes(d)) delimiter ??= d;
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  const head = firstLine(body);
  delimiter ??= detectDelimiter(head.line);
  if (!delimiter) {
    throw new FileRefused('no_delimiter', 'The first line has no columns separated by commas or semicolons: this is not a CSV export', {
      firstLine: head.line.slice(0, 200),
    });
  }
  let rows: string[][];
  try {
    rows = parseInChunks(body, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }, onParsed);
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    throw new FileRefused('malformed', `The file cannot be read as CSV near line ${(err.lines ?? 0) + lineOffset}: ${err.message}`, {
      line: (err.lines ?? 0) + lineOffset,
      code: err.code ?? null,
    });
  }
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1 + lineOffset;
  let headers: string[] | null = null;
  for (const r of rows) {
    const start = line;
    let inside = 0;
    for (const v of r) inside += lineBreaksIn(v);
    line = start + inside + 1;
    if (r.length === 1 && r[0]!.trim() === '') continue;
    if (r.every((v) => v.trim() === '')) continue;
    if (headers === null) {
      headers = r.map((h) => h.replace(/^\uFEFF/, '').trim());
      continue;
    }
    records.push(r);
    lines.push(start);
  }
  if (headers === null) throw new FileRefused('empty', 'The file is empty');
  // a letter with a comma in its first line is not a table: a header names at least two columns,
  // and most rows have more than one field
  if (headers.filter((h) => h !== '').length < 2 || records.filter((r) => r.length < 2).length * 2 > records.length) {
    throw new FileRefused('no_delimiter', 'The file has no columns: this is not a CSV export', { firstLine: head.line.slice(0, 200) });
  }
  return { delimiter, headers, lines, records };
}

/** Column lookup by header text: exact first, then case- and space-insensitive. */
export class Columns {
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number>();

  constructor(readonly headers: string[]) {
    headers.forEach((h, i) => {
      if (!this.exact.has(h)) this.exact.set(h, i);
      const k = Columns.key(h);
      if (!this.loose.has(k)) this.loose.set(k, i);
    });
  }

  static key(h: string): string {
    return h.normalize('NFC').toLowerCase().replace(/[\s_]+/g, ' ').trim();
  }

  /** The index of the first of `names` present in the header, or -1. */
  find(...names: string[]): number {
    for (const n of names) {
      const i = this.exact.get(n) ?? this.loose.get(Columns.key(n));
      if (i !== undefined) return i;
    }
    return -1;
  }

  has(name: string): boolean {
    return this.find(name) >= 0;
  }
}
