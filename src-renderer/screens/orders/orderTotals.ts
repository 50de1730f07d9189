/**
 * Running totals of an order being typed, with the same integer rules the server uses
 * (lineNetCents; VAT per line rounded half away from zero). A line that does not parse
 * yet is left out and counted as incomplete.
 */
import { parseQuantity } from '../../../src-shared/domain/quantity';
import { parseDecimal } from '../../../src-shared/domain/decimal';
import { centsToE8, isChainProblem, lineAmountCents, parseDiscountChain, parseUnitPriceE8 } from '../../../src-shared/domain/pricing';
import type { Unit } from '../../../src-shared/domain/units';

export interface LineDraft {
  unit: Unit | null;
  quantity: string;
  unitPrice: string;
  /** the item's sale price, used when the price is left empty */
  salePriceCents: number | null;
  discountPct: string;
  vatPct: string;
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

export function lineAmounts(l: LineDraft): { qtyMilli: number; netCents: number; vatCents: number } | null {
  if (!l.unit || l.quantity.trim() === '') return null;
  const unit = l.unit;
  const qty = attempt(() => parseQuantity(l.quantity, unit));
  // prices keep up to 8 decimals and discounts may be a chain ("10+5"), as the server reads them
  const price = l.unitPrice.trim() === '' ? centsToE8(l.salePriceCents ?? 0) : attempt(() => parseUnitPriceE8(l.unitPrice));
  const chain = parseDiscountChain(l.discountPct);
  const vat = l.vatPct.trim() === '' ? 2200 : attempt(() => parseDecimal(l.vatPct, 2));
  if (qty === null || qty <= 0 || price === null || price < 0n || isChainProblem(chain) || vat === null || vat < 0 || vat > 10_000) return null;
  const netCents = lineAmountCents(qty, price, chain);
  return { qtyMilli: qty, netCents, vatCents: Math.round((netCents * vat) / 10_000) };
}

export function orderTotals(lines: LineDraft[]): { netCents: number; vatCents: number; totalCents: number; incomplete: boolean } {
  let net = 0;
  let vat = 0;
  let incomplete = false;
  for (const l of lines) {
    const a = lineAmounts(l);
    if (!a) {
      if (l.unit || l.quantity.trim() !== '') incomplete = true;
      continue;
    }
    net += a.netCents;
    vat += a.vatCents;
  }
  return { netCents: net, vatCents: vat, totalCents: net + vat, incomplete };
}
