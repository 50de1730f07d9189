/**
 * An invoice's amounts (DOMAIN.md, "Invoices"): each line's PrezzoTotale from its exact unit
 * price (up to 8 decimals) × quantity × what the discount chain leaves, rounded to the cent
 * once (pricing.ts); the summary one row per rate / Natura, its taxable the sum of its lines'
 * totals and its VAT computed on the row's exact amount and rounded half up once — the rule
 * orders use (paidNets.ts), so a shop order's invoice totals what the customer paid, and for
 * prices with 2 decimals and no discount it is the row total itself.
 */
import { vatOnMicroCents } from '../paidNets';
import { isChainProblem, lineAmountCents, lineAmountMicroCents, parseDiscountChain, parseUnitPriceE8 } from '../pricing';
import { bolloDue } from './vatNature';

export interface PricedLine {
  qtyMilli: number;
  /** exact net unit price, "4.20" or "25.40983607" */
  unitPrice: string;
  /** "10+5", '' none */
  discounts: string;
  vatBp: number;
  natura: string | null;
}

export interface VatRow {
  vatBp: number;
  natura: string | null;
  taxableCents: number;
  vatCents: number;
}

export interface InvoiceAmounts {
  lineTotals: number[];
  vatRows: VatRow[];
  taxableCents: number;
  vatCents: number;
  /** 200 when the bollo virtuale is due */
  bolloCents: number;
  totalCents: number;
}

function chainOf(discounts: string) {
  const chain = parseDiscountChain(discounts);
  return isChainProblem(chain) ? [] : chain;
}

export function lineTotalCents(l: Pick<PricedLine, 'qtyMilli' | 'unitPrice' | 'discounts'>): number {
  return lineAmountCents(l.qtyMilli, parseUnitPriceE8(l.unitPrice), chainOf(l.discounts));
}

const rowKey = (vatBp: number, natura: string | null) => `${vatBp}|${natura ?? ''}`;

/** Rows ordered by rate descending, then Natura, as a reader expects (22, 10, 4, then N…). */
export function invoiceAmounts(lines: PricedLine[], bolloNature: readonly string[]): InvoiceAmounts {
  const lineTotals = lines.map(lineTotalCents);
  const rows = new Map<string, { vatBp: number; natura: string | null; taxable: number; exact: bigint }>();
  lines.forEach((l, i) => {
    const k = rowKey(l.vatBp, l.natura);
    const r = rows.get(k) ?? { vatBp: l.vatBp, natura: l.natura, taxable: 0, exact: 0n };
    r.taxable += lineTotals[i]!;
    r.exact += lineAmountMicroCents(l.qtyMilli, parseUnitPriceE8(l.unitPrice), chainOf(l.discounts));
    rows.set(k, r);
  });
  const vatRows = [...rows.values()]
    .sort((a, b) => b.vatBp - a.vatBp || (a.natura ?? '').localeCompare(b.natura ?? ''))
    .map((r) => ({ vatBp: r.vatBp, natura: r.natura, taxableCents: r.taxable, vatCents: r.vatBp > 0 ? vatOnMicroCents(r.exact, r.vatBp) : 0 }));
  const taxableCents = vatRows.reduce((s, r) => s + r.taxableCents, 0);
  const vatCents = vatRows.reduce((s, r) => s + r.vatCents, 0);
  return { lineTotals, vatRows, taxableCents, vatCents, bolloCents: bolloDue(vatRows, bolloNature), totalCents: taxableCents + vatCents };
}
