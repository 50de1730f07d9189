import type { Pdf } from './pdfDocument';
import { measureByCode } from './pdfOps';

type Measure = Pdf['widthOfString'];
type Encoded = [string[], unknown[]];
interface StandardFont {
  id: string;
  encode(text: string, features?: unknown): Encoded;
}
interface FontState {
  _font: StandardFont;
  _fontSize: number;
}

/** pdfkit reads what `encode` returns and never changes it, so one result serves every drawing of the string. */
function encodeOnce(font: StandardFont): void {
  const encode = font.encode.bind(font);
  const encoded = new Map<string, Encoded>();
  font.encode = (text, features) => {
    if (features) return encode(text, features);
    let e = encoded.get(text);
    if (e === undefined) encoded.set(text, (e = encode(text)));
    return e;
  };
}

/**
 * Makes this document measure and encode each distinct string once per font and size.
 * pdfkit's standard fonts measure a string glyph by glyph, looking every kerning pair up
 * by a freshly built key, and `text()` measures each string twice more and encodes it
 * (the same walk again): a report of thousands of rows of the same SKUs, statuses and
 * dates spends most of its time there. Measurements with spacing, scaling or font
 * features go to pdfkit as they are.
 */
export function measureOnce(doc: Pdf): void {
  const measure: Measure = doc.widthOfString.bind(doc);
  const state = doc as unknown as FontState;
  // per font, per size, per string: no key to build for the thousands of lookups
  const widths = new Map<StandardFont, Map<number, Map<string, number>>>();
  doc.widthOfString = (text, options) => {
    const o = options as { characterSpacing?: number; horizontalScaling?: number; features?: unknown } | undefined;
    if (o && (o.characterSpacing || (o.horizontalScaling ?? 100) !== 100 || o.features)) return measure(text, options);
    const font = state._font;
    let sizes = widths.get(font);
    if (!sizes) {
      // text() measures before it encodes: the font in use is seen here first
      widths.set(font, (sizes = new Map()));
      measureByCode(font as unknown as Parameters<typeof measureByCode>[0]);
      encodeOnce(font);
    }
    let known = sizes.get(state._fontSize);
    if (!known) sizes.set(state._fontSize, (known = new Map()));
    let width = known.get(text);
    if (width === undefined) known.set(text, (width = measure(text, options)));
    return width;
  };
}
