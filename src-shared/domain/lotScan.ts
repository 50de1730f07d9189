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

/** AIs with a variable-length value that a label of ours (or a supplier's case) may carry. */
const VARIABLE = new Set(['10', '21', '30', '37']);

/**
 * Every element of a scanned GS1 code, `{ '02': '08012345678907', '37': '12', '10': 'L26001-1' }`,
 * from the human-readable line or the raw data (with or without the "]C1" symbology
 * prefix); null when the text is not GS1 or holds an AI we cannot delimit — the caller
 * then treats it as a plain code or refuses it.
 */
export function gs1FromScan(raw: string): Record<string, string> | null {
  const s = raw.trim().replace(/^\][A-Za-z]\d/, '');
  const out: Record<string, string> = {};
  if (s.startsWith('(')) {
    const parts = [...s.matchAll(/\((\d{2,4})\)([^(]*)/g)];
    if (parts.map((m) => m[0]).join('') !== s) return null;
    for (const m of parts) out[m[1]!] = m[2]!.trim();
    return out;
  }
  if (!/^(00|01|02)\d{14}/.test(s)) return null;
  let rest = s;
  while (rest.length > 0) {
    const ai = rest.slice(0, 2);
    const fixed = FIXED[ai];
    if (fixed !== undefined) {
      const value = rest.slice(2, 2 + fixed);
      if (!/^\d+$/.test(value) || value.length !== fixed) return null;
      out[ai] = value;
      rest = rest.slice(2 + fixed).replace(/^\u001d/, '');
    } else if (VARIABLE.has(ai)) {
      const end = rest.indexOf(GS);
      out[ai] = end < 0 ? rest.slice(2) : rest.slice(2, end);
      rest = end < 0 ? '' : rest.slice(end + 1);
    } else return null;
  }
  return out;
}
