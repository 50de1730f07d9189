/**
 * A shop's order comes with VAT-included amounts: what the customer paid. Bottega keeps
 * net unit prices with up to 8 decimals (FatturaPA allows 8), each line's net rounded to
 * the cent once, and VAT per rate computed on the EXACT sum of the lines' amounts (before
 * their rounding to the cent), rounded once. Choosing each line's exact net as paid / (1 + rate)
 * then gives back, per rate, Σ net + VAT = Σ paid to the cent — which no choice of
 * whole-cent nets can always do (Shopify #1001: 38,40 € paid, no net N has N + round(22 % N)
 * = 38,40; it used to come to 38,41 €, and its goods to 31,51 € against 31,50 €).
 * Amounts here are micro-cents (10^-8 €), the scale of an 8-decimal price.
 */
import { divRoundBig } from './decimal';

const MICRO = 1_000_000n;

/** VAT of a rate on an exact taxable amount in micro-cents, to the cent half away from zero. */
export function vatOnMicroCents(netMicroCents: bigint, vatBp: number): number {
  return Number(divRoundBig(netMicroCents * BigInt(vatBp), 10_000n * MICRO, 'half_up'));
}

/**
 * Exact nets (micro-cents) of lines of ONE VAT rate from what was paid for each (cents,
 * VAT in): each paid / (1 + rate). When the lines' nets rounded to the cent do not add
 * up to the rounded total (several lines rounding the same way), whole cents are moved
 * between lines, so the order's net total is the rounded exact total too.
 */
export function exactNetsForPaid(paidCents: number[], vatBp: number): bigint[] {
  const den = BigInt(10_000 + vatBp);
  const net = (c: number | bigint) => divRoundBig(BigInt(c) * MICRO * 10_000n, den, 'half_up');
  const nets = paidCents.map(net);
  const total = net(paidCents.reduce((s, c) => s + c, 0));
  const cents = (m: bigint) => divRoundBig(m, MICRO, 'half_up');
  const roundedSum = nets.reduce((s, m) => s + cents(m), 0n);
  if (roundedSum === cents(total) || nets.length === 0) return nets;
  // whole cents per line, a cent moved at a time from/to the largest lines until they add
  // up to the rounded total; then the largest line takes the exact sub-cent remainder
  const whole = nets.map(cents);
  const order = paidCents.map((c, i) => ({ c, i })).sort((x, y) => y.c - x.c || x.i - y.i);
  let diff = cents(total) - roundedSum;
  for (let k = 0; diff !== 0n; k = (k + 1) % order.length) {
    const i = order[k]!.i;
    if (diff > 0n) {
      whole[i]!++;
      diff--;
    } else if (whole[i]! > 0n) {
      whole[i]!--;
      diff++;
    }
  }
  const out = whole.map((c) => c * MICRO);
  const largest = order[0]!.i;
  out[largest] = out[largest]! + (total - out.reduce((s, m) => s + m, 0n));
  return out;
}

/** The unit price (10^-8 € per unit) that makes `qtyMilli` units come to `netMicroCents`. */
export function unitPriceE8For(netMicroCents: bigint, qtyMilli: number): bigint {
  return divRoundBig(netMicroCents * 1000n, BigInt(qtyMilli), 'half_up');
}
