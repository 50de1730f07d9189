/**
 * Word wrap for the fast tables (reportTable.ts), without pdfkit's line wrapper: that
 * wrapper measures and lays out every cell again on each call and was the largest part of
 * a 567-page recall report. Here a text is cut into lines by the widths of its words,
 * each word measured once per document (measureOnce caches them: lot codes and e-mail
 * addresses repeat on every line of a customer). Breaks at spaces; a word wider than the
 * column (an e-mail address) breaks after '-', '@', '.' or '/', and failing that between
 * characters: nothing is cut off.
 */

/** Measures a string in the font and size already set on the document. */
export type Measure = (text: string) => number;

/**
 * A space before a word can be kerned against it by a fraction of a point (Helvetica's
 * "space A"): lines built by adding word widths keep this much room, so a line that fits
 * by the sum also fits as drawn.
 */
const SLACK = 1;

/** Pieces of a word wider than `width`: after break characters where possible, else by characters. */
function breakWord(measure: Measure, word: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (measure(rest) > width) {
    let cut = 0;
    // the longest head ending in a break character that fits
    for (let i = 1; i < rest.length; i++) if ('-@./'.includes(rest[i - 1]!) && measure(rest.slice(0, i)) <= width) cut = i;
    // else as many characters as fit, at least one so the loop moves on
    if (cut === 0) for (cut = 1; cut < rest.length && measure(rest.slice(0, cut + 1)) <= width; cut++);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/** The lines of `text` within `width` points; [''] for an empty text. */
export function wrapToWidth(measure: Measure, text: string, width: number): string[] {
  if (measure(text) <= width) return [text];
  const room = width - SLACK;
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ')) {
    const w = measure(word);
    if (line !== '' && used + space + w <= room) {
      line += ` ${word}`;
      used += space + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= room) {
      line = word;
      used = w;
      continue;
    }
    const pieces = breakWord(measure, word, room);
    line = pieces.pop()!;
    used = measure(line);
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}
