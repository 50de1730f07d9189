/**
 * The arithmetic of the price decision (DOMAIN.md, "Prices, terms and payments"), pure so
 * the order editor, the server and the tests compute the same thing:
 * - which quantity break applies (the largest "from" not above the quantity: a break at
 *   24 pcs applies to 24),
 * - discount chains ("10+5" = 10 % then 5 % of what is left = 14,5 %),
 * - the line amount: quantity × unit price × (1 − d1)(1 − d2)…, rounded to the cent
 *   half away from zero ONCE, on the line (never per unit).
 * Unit prices are exact decimals with up to 8 decimals (FatturaPA), held as BigInt
 * hundred-millionths of a euro ("e8").
 */
import { DecimalError, divRoundBig, parseDecimalExact, pow10Big, rescaleBig } from './decimal';

export const PRICE_SCALE = 8;
const E8_PER_CENT = 1_000_000n;

/** "4,20" → 420000000n; more than 8 decimals are refused, not rounded. Throws DecimalError. */
export function parseUnitPriceE8(text: string): bigint {
  const cleaned = text
    .trim()
    .replace(/^([+\-\u2212]?)\s*(?:€|eur\b)\s*/i, '$1')
    .replace(/\s*(?:€|eur)$/i, '');
  const d = parseDecimalExact(cleaned);
  if (d.scale > PRICE_SCALE) throw new DecimalError('not_a_number', text);
  const v = rescaleBig(d, PRICE_SCALE);
  if (v > 100_000_000_000n * E8_PER_CENT || v < -100_000_000_000n * E8_PER_CENT) throw new DecimalError('too_large', text);
  return v;
}

export function centsToE8(cents: number): bigint {
  return BigInt(cents) * E8_PER_CENT;
}

/** The price rounded to the cent, half away from zero (for the integer column and displays). */
export function e8ToCents(e8: bigint): number {
  return Number(divRoundBig(e8, E8_PER_CENT, 'half_up'));
}

/** 420000000n → "4.20"; 2540983607n → "25.40983607": at least 2 decimals, no trailing zeros beyond. */
export function formatUnitPrice(e8: bigint): string {
  const neg = e8 < 0n;
  const abs = neg ? -e8 : e8;
  const whole = abs / 10n ** 8n;
  let frac = (abs % 10n ** 8n).toString().padStart(8, '0');
  frac = frac.replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** One step of a discount chain in hundredths of a percent (10 % = 1000). */
export type DiscountBp = number;

export type ChainProblem = { reason: 'not_a_number' | 'range'; part: string };

/**
 * "10+5" → [1000, 500]; "" → []. Each step a number from 0 to 100 with at most 2
 * decimals, separated by "+". Returns the problem instead of throwing, so the caller
 * names the field.
 */
export function parseDiscountChain(text: string): DiscountBp[] | ChainProblem {
  const t = text.trim();
  if (t === '' ) return [];
  const out: number[] = [];
  for (const raw of t.split('+')) {
    const part = raw.trim().replace(/\s*%$/, '');
    let d;
    try {
      d = parseDecimalExact(part);
    } catch {
      return { reason: 'not_a_number', part: raw.trim() };
    }
    if (d.scale > 2) return { reason: 'not_a_number', part: raw.trim() };
    const bp = Number(rescaleBig(d, 2));
    if (bp < 0 || bp > 10_000) return { reason: 'range', part: raw.trim() };
    out.push(bp);
  }
  // "0" alone means no discount
  return out.every((d) => d === 0) ? [] : out;
}

export function isChainProblem(v: DiscountBp[] | ChainProblem): v is ChainProblem {
  return !Array.isArray(v);
}

/** [1000, 500] → ["10", "5"] (the chain as people write it). */
export function chainParts(chain: DiscountBp[]): string[] {
  return chain.map((bp) => formatPct(BigInt(bp), 2));
}

/** [1000, 500] → "10+5". */
export function formatChain(chain: DiscountBp[]): string {
  return chainParts(chain).join('+');
}

/** What is left of 1 after the chain, as numerator over 10000^n. */
function remainder(chain: DiscountBp[]): { num: bigint; den: bigint } {
  let num = 1n;
  let den = 1n;
  for (const bp of chain) {
    num *= BigInt(10_000 - bp);
    den *= 10_000n;
  }
  return { num, den };
}

/** The chain's effective total percent, exact: [1000, 500] → "14.5". */
export function effectivePct(chain: DiscountBp[]): string {
  if (chain.length === 0) return '0';
  const { num, den } = remainder(chain);
  // percent = (den − num) / den × 100, exact with 4n − 2 decimals
  const scale = 4 * chain.length - 2;
  return formatPct(den - num, scale);
}

/** The effective total in hundredths of a percent, rounded (for the integer column). */
export function effectiveBp(chain: DiscountBp[]): number {
  if (chain.length === 0) return 0;
  const { num, den } = remainder(chain);
  return Number(divRoundBig((den - num) * 10_000n, den, 'half_up'));
}

function formatPct(v: bigint, scale: number): string {
  const s = v.toString().padStart(scale + 1, '0');
  const whole = s.slice(0, s.length - scale) || '0';
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/**
 * Net amount of a line in cents: quantity (thousandths) × unit price (e8) × what the
 * discount chain leaves, rounded half away from zero once.
 */
export function lineAmountCents(qtyMilli: number, unitPriceE8: bigint, chain: DiscountBp[]): number {
  const { num, den } = remainder(chain);
  const n = BigInt(qtyMilli) * unitPriceE8 * num;
  const d = 1000n * E8_PER_CENT * den;
  return Number(divRoundBig(n, d, 'half_up'));
}

/** The same amount before its rounding to the cent, in micro-cents (10^-8 €): what VAT per rate is computed on. */
export function lineAmountMicroCents(qtyMilli: number, unitPriceE8: bigint, chain: DiscountBp[]): bigint {
  const { num, den } = remainder(chain);
  return divRoundBig(BigInt(qtyMilli) * unitPriceE8 * num, 1000n * den, 'half_up');
}

export interface PriceStep {
  fromMilli: number;
  priceCents: number;
}

/**
 * The step that applies to a quantity: the one with the largest fromMilli not above it
 * (steps sorted by fromMilli, the first from 0). Also the next one, for "from 24: 4,00".
 */
export function pickStep(steps: readonly PriceStep[], qtyMilli: number): { step: PriceStep | null; next: PriceStep | null } {
  let step: PriceStep | null = null;
  let next: PriceStep | null = null;
  for (const s of steps) {
    if (s.fromMilli <= qtyMilli) step = s;
    else {
      next = s;
      break;
    }
  }
  return { step, next };
}

/** A VAT-included price → its net with 8 decimals, so net + VAT gives back the price. */
export function netOfVatE8(grossE8: bigint, vatBp: number): bigint {
  return divRoundBig(grossE8 * 10_000n, BigInt(10_000 + vatBp), 'half_up');
}

/**
 * What a quoted price comes to net of VAT, as the order will store it: a VAT-included
 * list's "4.20" at 22 % → "3.44262295"; a net list's price, or a VAT rate not typed yet,
 * stays as it is. The order editor shows this before saving, as the server decides it.
 */
export function netOfListedPrice(unitPrice: string, vatIncluded: boolean, vatPctText: string): string {
  if (!vatIncluded) return unitPrice;
  const rate = Number(vatPctText.trim().replace(',', '.'));
  if (vatPctText.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 100) return unitPrice;
  return formatUnitPrice(netOfVatE8(parseUnitPriceE8(unitPrice), Math.round(rate * 100)));
}

/** Price × (1 + percent), to the cent half away from zero (bulk "+3 %"); percent in bp. */
export function adjustCents(cents: number, percentBp: number): number {
  return Number(divRoundBig(BigInt(cents) * BigInt(10_000 + percentBp), 10_000n, 'half_up'));
}

export { pow10Big };
