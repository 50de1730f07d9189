/**
 * PDF content operators written as text, exactly as pdfkit would write them, for tables of
 * thousands of rows. pdfkit turns every operator line into its own small byte array
 * (`q`, `cm`, `BT`, `Tm`, `Tf`, `TJ`, `ET`, `Q`: eight per cell) and measures and encodes
 * the string again on each `text()`; a recall report of 10,000 lots made some two million
 * such arrays, and the garbage collector spent a third of the time on them. Here a row's
 * operators are joined into one string and a string's TJ array is built once per font and
 * size, so the page stream gets pdfkit's operators with a fraction of the work: a test
 * compares the PDF with pdfkit's own, byte for byte, once its strings are read back into
 * pdfkit's hex (the glyphs are written as literal strings: showShaped).
 *
 * Only the plain case is written here: the standard fonts (no glyph offsets), fill mode,
 * no spacing, no scaling, no rotation, one line. Anything else is left to pdfkit (`textOps` answers null).
 */
import type { Pdf } from './pdfDocument';

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
interface PdfFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], Position[]];
  ref(): unknown;
}
interface PdfState {
  _font: PdfFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
}

/** pdfkit's number format (PDFObject.number): six decimals at most. */
export function pdfNumber(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

/** A standard font's per-code answers (measureByCode), for the TJ line without a position object per glyph. */
interface Shaper {
  /** pdfkit's advance of the glyph at i: width plus kerning with the next, in font units */
  advance(text: string, i: number): number;
  /** the code's WinAnsi byte as pdfkit writes it in hex (after advance() has seen the code) */
  hex(code: number): string;
  /** the same byte inside a literal string (literalOf), '' when it is not one byte */
  literal(code: number): string;
  width(code: number): number;
}
const shapers = new WeakMap<object, Shaper>();

/**
 * A WinAnsi byte (two hex digits, as pdfkit encodes it) inside a PDF literal string: itself,
 * but the delimiters and backslash escaped and control bytes in octal (a raw end of line in a
 * literal string reads as a newline whatever it was). '' for a code pdfkit does not write as
 * one byte (a character WinAnsi lacks, or a control code it writes with one hex digit).
 */
function literalOf(hex: string): string {
  if (hex.length !== 2) return '';
  const b = parseInt(hex, 16);
  if (Number.isNaN(b)) return '';
  if (b === 0x28 || b === 0x29 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b < 0x20 || b === 0x7f) return `\\${b.toString(8).padStart(3, '0')}`;
  return String.fromCharCode(b);
}

/** pdfkit's TJ line: each run between kerned pairs in hex, then its adjustment. */
function showHex(shaper: Shaper, text: string): string | null {
  const commands: string[] = [];
  let hex = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kerned = shaper.advance(text, i) - shaper.width(code);
    hex += shaper.hex(code);
    if (kerned !== 0 || i === text.length - 1) {
      commands.push(`<${hex}> ${pdfNumber(-kerned)}`);
      hex = '';
    }
  }
  return commands.length > 0 ? `[${commands.join(' ')}] TJ` : null;
}

/** Codes [from, to) of a text as one literal string's inside. */
function literalRun(shaper: Shaper, text: string, from: number, to: number): string {
  let run = '';
  for (let i = from; i < to; i++) run += shaper.literal(text.charCodeAt(i));
  return run;
}

/**
 * The glyphs of a text as pdfkit places them, in half pdfkit's bytes: pdfkit writes every
 * run between kerned pairs in hex (`[<4c3232> 0] TJ`, two bytes a glyph); the same codes and
 * the same adjustments go here as literal strings, and a run without kerning as a plain
 * show (`(L22) Tj`): the same glyphs at the same places (tests: the codes and adjustments
 * read back, the pages' pixels). pdfkit's hex when a code is not one byte. A run of
 * characters that are their own byte (ASCII, most of Latin-1) is the text's own slice.
 */
function showShaped(shaper: Shaper, text: string): string | null {
  const n = text.length;
  if (n === 0) return null;
  let commands = '';
  let runs = 0;
  let lastKern = 0;
  let from = 0;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // the advance first: it is what looks a code up the first time
    const kerned = shaper.advance(text, i) - shaper.width(code);
    const lit = shaper.literal(code);
    if (lit === '') return showHex(shaper, text);
    if (lit.length !== 1 || lit.charCodeAt(0) !== code) plain = false;
    if (kerned !== 0 || i === n - 1) {
      commands += `${runs === 0 ? '' : ' '}(${plain ? text.slice(from, i + 1) : literalRun(shaper, text, from, i + 1)})`;
      // pdfkit's adjustment after each run; after the last one only when it moves something
      if (i < n - 1 || kerned !== 0) commands += ` ${pdfNumber(-kerned)}`;
      lastKern = kerned;
      runs++;
      from = i + 1;
      plain = true;
    }
  }
  // one run, nothing to move after it: a plain show
  return runs === 1 && lastKern === 0 ? `${commands} Tj` : `[${commands}] TJ`;
}

/** The TJ line of a string in a font and size, null when a glyph has an offset (not a standard font). */
function showText(font: PdfFont, text: string): string | null {
  // a standard font not measured yet in this document is made to answer by code here
  if (!shapers.has(font)) measureByCode(font as unknown as StandardFont);
  const shaper = shapers.get(font);
  if (shaper) return showShaped(shaper, text);
  const [encoded, positions] = font.encode(text);
  const commands: string[] = [];
  let last = 0;
  const segment = (cur: number) => {
    if (last < cur) {
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${pdfNumber(-advance)}`);
    }
    last = cur;
  };
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) return null;
    // a kerned pair ends a segment, as pdfkit does
    if (pos.xAdvance - pos.advanceWidth !== 0) segment(i + 1);
  }
  segment(positions.length);
  return commands.length > 0 ? `[${commands.join(' ')}] TJ` : null;
}

/** Per document: each font's TJ lines by text (the sizes share them: TJ is in text space). */
const shown = new WeakMap<Pdf, Map<PdfFont, Map<string, string | null>>>();

/** A font's TJ lines by text in this document (null: pdfkit must draw it). */
function showsOf(doc: Pdf, font: PdfFont): Map<string, string | null> {
  let fonts = shown.get(doc);
  if (!fonts) shown.set(doc, (fonts = new Map()));
  let byText = fonts.get(font);
  if (!byText) fonts.set(font, (byText = new Map()));
  return byText;
}

/**
 * A page's texts in one text object, for the long tables: pdfkit wraps every text in its own
 * `q cm BT … ET Q` and sets the font each time, ~60 of a cell's ~100 bytes. Here the page's
 * cells share one `q cm BT … ET Q`, the font is set when it changes, and each cell is its
 * text matrix and TJ line — pdfkit's operators for it, its strings as literal ones, so every
 * glyph lands where pdfkit puts it (a test compares the pages' pixels), in half the bytes to
 * build, join and deflate. Only plain text in a standard font goes here (see the top of the file).
 */
export class TextBlock {
  private lines: string[] = [];
  /** the font and size in force in the block (its last Tf) */
  private font: PdfFont | null = null;
  private size = 0;
  /**
   * Each text matrix written so far, by x, then y in PDF space: a table's cells sit on the
   * same grid page after page, and making the numbers' text was a tenth of the drawing.
   */
  private matrices = new Map<number, Map<number, string>>();
  /** the TJ lines of the font last used (showsOf) */
  private shows: Map<string, string | null> | null = null;
  private showsFont: PdfFont | null = null;

  private matrix(x: number, y: number): string {
    let byY = this.matrices.get(x);
    if (!byY) this.matrices.set(x, (byY = new Map()));
    let tm = byY.get(y);
    if (tm === undefined) byY.set(y, (tm = `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`));
    return tm;
  }

  /** Adds `doc.text(text, x, y, { lineBreak: false })` in the current font and size; false when pdfkit must draw it itself. */
  add(doc: Pdf, text: string, x: number, y: number): boolean {
    // pdfkit draws each line of a text apart, one after the other on the same baseline
    if (text.includes('\n')) return false;
    if (text.length === 0) return true;
    const state = doc as unknown as PdfState;
    const font = state._font;
    // the font's TJ lines at hand while the font stays (a table sets it for every cell)
    if (font !== this.showsFont || this.shows === null) {
      this.shows = showsOf(doc, font);
      this.showsFont = font;
    }
    let tj = this.shows.get(text);
    if (tj === undefined) this.shows.set(text, (tj = showText(font, text)));
    if (tj === null) return false;
    const page = state.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const size = state._fontSize;
    // pdfkit's order: the text matrix, the font, the glyphs
    this.lines.push(this.matrix(x, page.height - y - (font.ascender / 1000) * size));
    if (font !== this.font || size !== this.size) {
      this.lines.push(`/${font.id} ${pdfNumber(size)} Tf`);
      this.font = font;
      this.size = size;
    }
    this.lines.push(tj);
    return true;
  }

  /** The block's operators for a page `height` high ('' when empty), and a fresh block. */
  take(height: number): string {
    if (this.lines.length === 0) return '';
    const ops = `q\n1 0 0 -1 0 ${pdfNumber(height)} cm\nBT\n${this.lines.join('\n')}\nET\nQ`;
    this.lines = [];
    this.font = null;
    return ops;
  }
}

/**
 * The operators of `doc.text(text, x, y, { lineBreak: false })` in the current font, size
 * and page, as one string of lines without the final newline (pdfkit's addContent adds it):
 * a text block of one text, which is pdfkit's own `q cm BT Tm Tf TJ ET Q` (its strings literal).
 * '' for an empty text, null when pdfkit must draw it itself. Registers the font on the
 * page as pdfkit does on a text's first use there.
 */
export function textOps(doc: Pdf, text: string, x: number, y: number): string | null {
  const block = new TextBlock();
  return block.add(doc, text, x, y) ? block.take((doc as unknown as PdfState).page.height) : null;
}

const strokeColors = new Map<string, string>();

/** `#999999` as pdfkit writes a stroke colour: the colour space, then the components over 255. */
function strokeColorOps(hex: string): string {
  let ops = strokeColors.get(hex);
  if (ops === undefined) {
    const n = parseInt(hex.slice(1), 16);
    strokeColors.set(hex, (ops = `/DeviceRGB CS\n${[n >> 16, (n >> 8) & 0xff, n & 0xff].map((p) => p / 255).join(' ')} SCN`));
  }
  return ops;
}

/** The operators of `doc.moveTo(x0, y).lineTo(x1, y).lineWidth(w).strokeColor(hex).stroke()`. */
export function ruleOps(x0: number, x1: number, y: number, width: number, hex: string): string {
  return `${pdfNumber(x0)} ${pdfNumber(y)} m\n${pdfNumber(x1)} ${pdfNumber(y)} l\n${strokeStyleOps(width, hex)}\nS`;
}

/**
 * ruleOps' width and colour alone, for many rules stroked after it (lineOps): pdfkit sets
 * both again for every rule, a third of a long table's bytes. They stay in force after
 * the last rule as after pdfkit's own.
 */
export function strokeStyleOps(width: number, hex: string): string {
  return `${pdfNumber(width)} w\n${strokeColorOps(hex)}`;
}

/** A horizontal rule stroked in the width and colour in force (strokeStyleOps). */
export function lineOps(x0: number, x1: number, y: number): string {
  return `${pdfNumber(x0)} ${pdfNumber(y)} m\n${pdfNumber(x1)} ${pdfNumber(y)} l\nS`;
}

/** What pdfkit's standard (AFM) fonts know about a glyph: name, width, kerning, WinAnsi code. */
interface AfmFont {
  characterToGlyph(code: number): string;
  widthOfGlyph(glyph: string): number;
  getKernPair(left: string, right: string | undefined): number;
  encodeText(text: string): string[];
}
interface StandardFont {
  font?: Partial<AfmFont>;
  encode(text: string, features?: unknown): [string[], Position[]];
  widthOfString(text: string, size: number, features?: unknown): number;
}

/**
 * Makes a standard font measure and encode by character code, each code's glyph, width and
 * WinAnsi hex and each pair's kerning looked up once. pdfkit looks every glyph up by name
 * and every kerning pair by a freshly built `left\0right` key, for every string: a report
 * of 16,000 distinct lot codes and batch numbers spent a fifth of its drawing there. The
 * same additions in the same order, so the widths and the TJ arrays are pdfkit's to the
 * last bit (the tests compare both). Embedded fonts (no AFM) are left as they are.
 */
export function measureByCode(font: StandardFont): void {
  const afm = font.font;
  if (!afm || typeof afm.getKernPair !== 'function' || typeof afm.characterToGlyph !== 'function' || typeof afm.encodeText !== 'function' || typeof afm.widthOfGlyph !== 'function') return;
  // already answering by code (from a text drawn before it was measured)
  if (shapers.has(font)) return;
  const a = afm as AfmFont;
  const glyphs: string[] = [];
  const widths: number[] = [];
  const hexes: string[] = [];
  const literals: string[] = [];
  // the advance of each pair of Latin-1 codes (the left one's width plus their kerning) in a
  // flat table, NaN until looked up; other pairs by left, then right code
  const latin = new Float64Array(256 * 256).fill(NaN);
  const kerns = new Map<number, Map<number, number>>();
  /** the advance of a Latin-1 code with nothing after it (the end of the string): pdfkit asks its kerning with nothing each time */
  const ends = new Float64Array(256).fill(NaN);
  const know = (code: number) => {
    if (glyphs[code] === undefined) {
      const glyph = a.characterToGlyph(code);
      glyphs[code] = glyph;
      widths[code] = a.widthOfGlyph(glyph);
      hexes[code] = a.encodeText(String.fromCharCode(code))[0]!;
      literals[code] = literalOf(hexes[code]!);
    }
  };
  /** The table's entry for a Latin-1 pair, looked up the first time. */
  const latinPair = (left: number, right: number): number => {
    know(left);
    know(right);
    const at = left * 256 + right;
    return (latin[at] = widths[left]! + a.getKernPair(glyphs[left]!, glyphs[right]!));
  };
  const latinEnd = (left: number): number => {
    know(left);
    return (ends[left] = widths[left]! + a.getKernPair(glyphs[left]!, undefined));
  };
  /** pdfkit's advancesForGlyphs for the glyph at i: its width plus the kerning with the next one. */
  const advance = (text: string, i: number): number => {
    const left = text.charCodeAt(i);
    if (i + 1 >= text.length) {
      if (left < 256) {
        const end = ends[left]!;
        return end === end ? end : latinEnd(left);
      }
      know(left);
      return widths[left]! + a.getKernPair(glyphs[left]!, undefined);
    }
    const right = text.charCodeAt(i + 1);
    if (left < 256 && right < 256) {
      const pair = latin[left * 256 + right]!;
      return pair === pair ? pair : latinPair(left, right);
    }
    know(left);
    know(right);
    let row = kerns.get(left);
    if (!row) kerns.set(left, (row = new Map()));
    let kern = row.get(right);
    if (kern === undefined) row.set(right, (kern = a.getKernPair(glyphs[left]!, glyphs[right]!)));
    return widths[left]! + kern;
  };
  // advance() has looked a code up before these are asked about it
  shapers.set(font, { advance, hex: (code) => hexes[code]!, literal: (code) => literals[code]!, width: (code) => widths[code]! });
  font.widthOfString = (text, size) => {
    const s = `${text}`;
    let width = 0;
    for (let i = 0; i < s.length; i++) width += advance(s, i);
    const scale = size / 1000;
    return width * scale;
  };
  font.encode = (text) => {
    const encoded: string[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < text.length; i++) {
      const xAdvance = advance(text, i);
      const code = text.charCodeAt(i);
      encoded.push(hexes[code]!);
      positions.push({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: widths[code]! } as Position);
    }
    return [encoded, positions];
  };
}
