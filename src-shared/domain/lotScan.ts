/**
 * Barcode scanners type like a very fast keyboard and end with Enter. A scan may be our
 * plain lot code, a human-readable GS1 line "(01)…(10)L26251-1", or the raw GS1-128
 * data (AIs one after the other, variable fields ended by the GS character).
 */
const GS = '\u001d';
/** fixed lengths of the AIs a case label carries before or around (10) */
const FIXED: Record<string, number> = { '00': 18, '01': 14, '02': 14, '11': 6, '12': 6, '13': 6, '15': 6, '16': 6, '17': 6 };

export function lotCodeFromScan(raw: string): string {
  let s = raw.trim().replace(/^\][A-Za-z]\d/, '');
  const readable = /\(10\)([^(]+)/.exec(s);
  if (readable) return readable[1]!.trim();
  if (/^(00|01|02)\d{14}/.test(s)) {
    while (s.length >= 2) {
      const ai = s.slice(0, 2);
      const fixed = FIXED[ai];
      if (fixed !== undefined) {
        s = s.slice(2 + fixed);
        continue;
      }
      const end = s.indexOf(GS);
      const value = end < 0 ? s.slice(2) : s.slice(2, end);
      if (ai === '10') return value;
      if (end < 0) break;
      s = s.slice(end + 1);
    }
  }
  return raw.trim();
}
