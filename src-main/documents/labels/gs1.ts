/**
 * GS1-128 element strings for case labels, pure. A case of N units of an item carries
 * the GTIN of the units inside as AI (02) with their count as AI (37): GS1 forbids (37)
 * next to (01), which identifies the case itself as a trade item (bwip-js's GS1 linter
 * refuses that pair too). Dates are YYMMDD: (17) expiry / use by, (15) best before.
 */
import { normalizeGtin14 } from '../../../src-shared/domain/gtin';

export const GS = '\u001d';

export interface Gs1Element {
  ai: string;
  value: string;
}

/** AIs whose value has a fixed length: no separator (FNC1/GS) is needed after them. */
const FIXED_LENGTH: Record<string, number> = { '00': 18, '01': 14, '02': 14, '11': 6, '13': 6, '15': 6, '17': 6 };

/** GS1 AI (10) allows up to 20 characters of the "CSET 82" set. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export function isGs1LotCode(code: string): boolean {
  return CSET82.test(code);
}

/** "2027-03-31" → "270331". */
export function gs1Date(iso: string): string {
  return `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}

export interface CaseContent {
  gtin: string;
  lotCode: string;
  /** YYYY-MM-DD or null when the lot has none */
  date: string | null;
  dateKind: 'expiry' | 'best_before';
  count: number;
}

/**
 * The elements of a case label in the order printed: fixed-length ones first, so that
 * only (10) may need a separator; null when the content cannot be encoded (no valid
 * GTIN, a lot code outside CSET 82, a count out of range).
 */
export function caseElements(c: CaseContent): Gs1Element[] | null {
  const gtin14 = normalizeGtin14(c.gtin);
  if (!gtin14 || !isGs1LotCode(c.lotCode) || !Number.isInteger(c.count) || c.count < 1 || c.count > 99_999_999) return null;
  const out: Gs1Element[] = [{ ai: '02', value: gtin14 }];
  if (c.date) out.push({ ai: c.dateKind === 'best_before' ? '15' : '17', value: gs1Date(c.date) });
  out.push({ ai: '37', value: String(c.count) });
  out.push({ ai: '10', value: c.lotCode });
  return out;
}

/** "(02)08012345678907(17)270331(37)12(10)L26001-1": what bwip-js takes and what is printed under the bars. */
export function humanReadable(elements: Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/**
 * The data a scanner transmits: AIs and values run together, a GS after every
 * variable-length value that is not the last (the leading FNC1 is the symbology's).
 */
export function elementString(elements: Gs1Element[]): string {
  return elements.map((e, i) => e.ai + e.value + (i < elements.length - 1 && !(e.ai in FIXED_LENGTH) ? GS : '')).join('');
}

/** Back from a scanned string to elements (used by tests to compare what a reader decoded). */
export function parseElementString(data: string): Gs1Element[] {
  const VARIABLE = new Set(['10', '37']);
  const out: Gs1Element[] = [];
  let s = data.startsWith(']C1') ? data.slice(3) : data;
  while (s.length > 0) {
    const ai = s.slice(0, 2);
    const fixed = FIXED_LENGTH[ai];
    if (fixed !== undefined) {
      out.push({ ai, value: s.slice(2, 2 + fixed) });
      s = s.slice(2 + fixed);
    } else if (VARIABLE.has(ai)) {
      const end = s.indexOf(GS);
      out.push({ ai, value: end < 0 ? s.slice(2) : s.slice(2, end) });
      s = end < 0 ? '' : s.slice(end + 1);
    } else throw new RangeError(`unknown AI ${ai} in ${data}`);
  }
  return out;
}
