/**
 * Reads text-showing operators back into pdfkit's own form, so a page written with literal
 * strings (documents/pdfOps.ts) can be compared byte for byte with pdfkit's: `(L22) Tj` and
 * `[(A) 80 (V)] TJ` become `[<4c3232> 0] TJ` and `[<41> 80 <56> 0] TJ` — each string's bytes
 * in hex, each followed by its adjustment (0 when none is written). Hex strings and every
 * other line are left as they are. A literal string is decoded by the PDF rules: \\ \( \)
 * and \ddd octal escapes (the writer uses no others).
 */

/** The bytes of the literal string starting after the '(' at `from`, and where it ends (after ')'). */
function literal(line: string, from: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      const octal = /^[0-7]{1,3}/.exec(line.slice(i + 1, i + 4));
      if (octal) {
        bytes.push(parseInt(octal[0], 8));
        i += octal[0].length;
      } else {
        bytes.push(line.charCodeAt(i + 1));
        i += 1;
      }
      continue;
    }
    // unescaped balanced parentheses are part of the string, as the PDF rules say
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) return { bytes, end: i + 1 };
      depth--;
    }
    bytes.push(line.charCodeAt(i));
  }
  throw new Error(`unterminated literal string in: ${line}`);
}

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** One content line in pdfkit's form (see the top). */
export function pdfkitShow(line: string): string {
  if (line.startsWith('(') && line.endsWith(') Tj')) {
    const { bytes, end } = literal(line, 1);
    if (end !== line.length - 3) throw new Error(`not one string: ${line}`);
    return `[<${hex(bytes)}> 0] TJ`;
  }
  if (!line.startsWith('[') || !line.endsWith('] TJ') || !line.includes('(')) return line;
  const items: string[] = [];
  let i = 1;
  const body = line.length - 4;
  while (i < body) {
    const c = line[i]!;
    if (c === ' ') {
      i++;
    } else if (c === '(') {
      const { bytes, end } = literal(line, i + 1);
      items.push(`<${hex(bytes)}>`);
      i = end;
    } else if (c === '<') {
      const end = line.indexOf('>', i);
      items.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      const num = /^-?[0-9.]+/.exec(line.slice(i))![0];
      items.push(num);
      i += num.length;
    }
  }
  // every string followed by its adjustment, as pdfkit writes them
  const out: string[] = [];
  items.forEach((item, k) => {
    out.push(item);
    if (item.startsWith('<') && (k + 1 >= items.length || items[k + 1]!.startsWith('<'))) out.push('0');
  });
  return `[${out.join(' ')}] TJ`;
}

/** A whole (uncompressed) PDF with every content line in pdfkit's form, its streams' lengths and offsets left out. */
export function pdfkitShows(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/stream\n([^]*?)\nendstream/g, (_, body: string) => `stream\n${body.split('\n').map(pdfkitShow).join('\n')}\nendstream`)
    .replace(/\/Length \d+/g, '/Length _')
    .replace(/\nxref\n[^]*$/, '\nxref …');
}
