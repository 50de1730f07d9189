/**
 * A table cell taller than a page (a customer who got a recalled lot in 200 DDTs, one per
 * line) must go on over the next pages: nothing the report lists may be dropped. This cuts
 * a cell's text where the room on the page ends — between lines, or between words when a
 * single line is taller than the room — in the font already set on the document.
 */
/** What the cut needs of a pdfkit document (its font already set): only measuring. */
type Measures = { heightOfString(text: string, options: { width: number }): number };

/** The longest head of `text` whose height within `width` is at most `room`, and the rest ('' when all of it fits). */
export function splitToFit(doc: Measures, text: string, width: number, room: number): [head: string, rest: string] {
  if (doc.heightOfString(text || ' ', { width }) <= room) return [text, ''];
  const byLine = text.includes('\n');
  const sep = byLine ? '\n' : ' ';
  const parts = text.split(sep);
  // heights grow with the head: binary search for the most parts that fit
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(parts.slice(0, mid).join(sep) || ' ', { width }) <= room) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0) return [parts.slice(0, lo).join(sep), parts.slice(lo).join(sep)];
  if (byLine) {
    // the first line alone is taller than the room: cut it between words
    const [head, rest] = splitToFit(doc, parts[0]!, width, room);
    const after = parts.slice(1).join('\n');
    return [head, rest === '' ? after : `${rest}\n${after}`];
  }
  // one word taller than the room cannot be cut: it goes whole, so the table still moves on
  return [parts[0]!, parts.slice(1).join(' ')];
}
