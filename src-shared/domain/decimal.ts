/**
 * Exact decimal text <-> scaled integers.
 *
 * Bottega never stores a quantity or an amount as a float (DOMAIN.md, "Quantities and
 * money"): a number is an integer plus a scale the caller knows (3 for quantities,
 * 2 for cents, 6 for unit costs). This file is the only place where typed text becomes
 * such an integer and where integers are divided — so every rounding in the app goes
 * through `mulDivRound` / `divRoundBig` and follows one written rule.
 */

/**
 * How a division that does not come out even is rounded.
 * - `half_up`: to the nearest, a tie goes away from zero (2.5 → 3, −2.5 → −3) — the
 *   rule Italian invoices and most people expect.
 * - `ceil`: towards +∞ — used when planning, so we never plan too little material.
 * - `floor`: towards −∞.
 */
export type RoundingMode = 'half_up' | 'ceil' | 'floor';

export type DecimalErrorReason = 'empty' | 'not_a_number' | 'too_large';

/** Thrown for text that is not a number we accept; `reason` drives the message shown. */
export class DecimalError extends Error {
  readonly reason: DecimalErrorReason;
  readonly input: string;
  constructor(reason: DecimalErrorReason, input: string) {
    super(`${reason}: "${input}"`);
    this.name = 'DecimalError';
    this.reason = reason;
    this.input = input;
  }
}

/** Highest scale we accept: 10^20 still leaves room for sensible values in BigInt. */
const MAX_SCALE = 20;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function assertScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE) {
    throw new RangeError(`scale must be an integer 0..${MAX_SCALE}, got ${scale}`);
  }
}

function assertSafeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
}

/** 10^n as a BigInt (n is small: a scale or a count of typed digits). */
export function pow10Big(n: number): bigint {
  return 10n ** BigInt(n);
}

/**
 * n / d rounded by `mode`, in BigInt (no size limit). The one rounding rule of the app.
 */
export function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // BigInt division truncates towards zero
  const r = n % d; // has the sign of n
  if (r === 0n) return q;
  switch (mode) {
    case 'floor':
      return n < 0n ? q - 1n : q;
    case 'ceil':
      return n > 0n ? q + 1n : q;
    case 'half_up': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= d) return n < 0n ? q - 1n : q + 1n;
      return q;
    }
  }
}

/**
 * Exactly a·b/c, rounded by `mode`. Inputs and result are safe integers; a result that
 * does not fit throws RangeError rather than silently losing grams or cents.
 *
 * Hot path of recipe explosion and cost roll-up, so when a·b is itself a safe integer
 * we stay in plain numbers: `%` and a division that comes out even are exact there.
 */
export function mulDivRound(a: number, b: number, c: number, mode: RoundingMode): number {
  assertSafeInteger('a', a);
  assertSafeInteger('b', b);
  assertSafeInteger('c', c);
  if (c === 0) throw new RangeError('division by zero');
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    let n = p;
    let d = c;
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const r = n % d;
    const q = (n - r) / d; // exact: n − r is a multiple of d, both below 2^53
    let out = q;
    if (r !== 0) {
      if (mode === 'floor') out = n < 0 ? q - 1 : q;
      else if (mode === 'ceil') out = n > 0 ? q + 1 : q;
      else if (Math.abs(r) * 2 >= d) out = n < 0 ? q - 1 : q + 1;
    }
    return out === 0 ? 0 : out; // never hand out −0
  }
  const big = divRoundBig(BigInt(a) * BigInt(b), BigInt(c), mode);
  if (big > MAX_SAFE || big < -MAX_SAFE) throw new RangeError(`result of ${a}*${b}/${c} is too large`);
  return Number(big);
}

/** An exact decimal: value = units / 10^scale, with as many digits as were typed. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

/** "1.234.567" → "1234567" if the groups are thousands groups, else null. */
function ungroup(text: string, sep: string): string | null {
  const groups = text.split(sep);
  if (!/^\d{1,3}$/.test(groups[0] ?? '')) return null;
  for (let i = 1; i < groups.length; i++) if (!/^\d{3}$/.test(groups[i] ?? '')) return null;
  return groups.join('');
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/**
 * Splits the unsigned body into integer and fraction digits, deciding which of ',' and
 * '.' is the decimal separator. Users type both "1.234,56" (Italian) and "1,234.56"
 * (English, or pasted from a web shop export), so:
 * - both present: the last one is decimal, the other groups thousands;
 * - one kind, once: it is the decimal separator ("2,5" and "2.5" both mean 2½);
 * - one kind, several times: thousands groups ("1.234.567"), no fraction.
 */
function splitDigits(body: string): { int: string; frac: string } | null {
  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots === 0 && commas === 0) return { int: body, frac: '' };
  if (dots > 0 && commas > 0) {
    const dec = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const thousands = dec === '.' ? ',' : '.';
    if (count(body, dec) !== 1) return null;
    const at = body.indexOf(dec);
    const int = ungroup(body.slice(0, at), thousands);
    return int === null ? null : { int, frac: body.slice(at + 1) };
  }
  const sep = dots > 0 ? '.' : ',';
  if (dots + commas === 1) {
    const at = body.indexOf(sep);
    return { int: body.slice(0, at), frac: body.slice(at + 1) };
  }
  const int = ungroup(body, sep);
  return int === null ? null : { int, frac: '' };
}

/**
 * Reads decimal text exactly, keeping every typed digit. Accepts an optional sign
 * ('+', '-', or the '−' some locales print) and surrounding spaces.
 */
export function parseDecimalExact(text: string): ExactDecimal {
  const trimmed = text.trim();
  if (trimmed === '') throw new DecimalError('empty', text);
  const m = /^([+\-\u2212]?)([\d.,]+)$/.exec(trimmed);
  if (!m) throw new DecimalError('not_a_number', text);
  const parts = splitDigits(m[2] ?? '');
  if (!parts || !/^\d*$/.test(parts.int) || !/^\d*$/.test(parts.frac) || parts.int + parts.frac === '') {
    throw new DecimalError('not_a_number', text);
  }
  const magnitude = BigInt(parts.int + parts.frac);
  return { units: m[1] === '' || m[1] === '+' ? magnitude : -magnitude, scale: parts.frac.length };
}

/** An exact decimal brought to `scale`, rounding half away from zero if digits are dropped. */
export function rescaleBig(d: ExactDecimal, scale: number): bigint {
  if (d.scale <= scale) return d.units * pow10Big(scale - d.scale);
  return divRoundBig(d.units, pow10Big(d.scale - scale), 'half_up');
}

/**
 * Typed text → integer of text·10^scale ("2,5" at scale 3 → 2500). Extra decimal
 * digits are rounded half away from zero. Throws DecimalError.
 */
export function parseDecimal(text: string, scale: number): number {
  assertScale(scale);
  const v = rescaleBig(parseDecimalExact(text), scale);
  if (v > MAX_SAFE || v < -MAX_SAFE) throw new DecimalError('too_large', text);
  return Number(v);
}

export interface FormatDecimalOptions {
  /** keep at least this many fraction digits (padding with zeros); default 0 */
  minFractionDigits?: number;
  /** round (half away from zero) to at most this many; default `scale` */
  maxFractionDigits?: number;
}

/**
 * Integer at `scale` → plain text with '.' as decimal separator and no grouping, for
 * files, logs and inputs; what users read goes through Intl elsewhere. Always parses
 * back to the same integer with `parseDecimal`.
 */
export function formatDecimal(value: number, scale: number, opts: FormatDecimalOptions = {}): string {
  assertSafeInteger('value', value);
  assertScale(scale);
  const min = opts.minFractionDigits ?? 0;
  const max = opts.maxFractionDigits ?? Math.max(scale, min);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min || max > MAX_SCALE) {
    throw new RangeError(`bad fraction digits: min ${min}, max ${max}`);
  }
  let units = BigInt(value);
  let s = scale;
  if (max < s) {
    units = divRoundBig(units, pow10Big(s - max), 'half_up');
    s = max;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(s + 1, '0');
  const int = digits.slice(0, digits.length - s);
  let frac = digits.slice(digits.length - s);
  let end = frac.length;
  while (end > min && frac[end - 1] === '0') end--;
  frac = frac.slice(0, end).padEnd(min, '0');
  return (negative ? '-' : '') + int + (frac === '' ? '' : '.' + frac);
}
