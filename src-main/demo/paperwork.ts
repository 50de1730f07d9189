/**
 * What the demo's history writes on its documents, shared by both scales: quantities and
 * costs as a person types them, the papers suppliers send (their own lot codes, DDT
 * numbers), order references of the web shops, and the calendar of the simulated days.
 */
import { addDays } from '../../src-shared/domain/dates';
import type { Rng } from './rng';
import type { SupplyCategory } from './types';

/** Thousandths as typed in Italy: 2500 → "2,5", 3000 → "3". */
export function milliText(qtyMilli: number): string {
  const sign = qtyMilli < 0 ? '-' : '';
  const abs = Math.abs(qtyMilli);
  const frac = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1000)}${frac ? `,${frac}` : ''}`;
}

/** Micros of a euro as typed: 7_800_000 → "7,8". */
export function microsText(micros: number): string {
  const frac = String(micros % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${Math.floor(micros / 1_000_000)}${frac ? `,${frac}` : ''}`;
}

/** Rounds up to a "nice" quantity (1, 2, 2.5, 5 × 10^k thousandths): how packs are sold. */
export function niceRoundUp(qtyMilli: number): number {
  if (qtyMilli <= 1000) return 1000;
  const mag = 10 ** Math.floor(Math.log10(qtyMilli));
  for (const f of [1, 2, 2.5, 5, 10]) {
    const v = Math.round(f * mag);
    if (v >= qtyMilli) return v;
  }
  return 10 * mag;
}

/** 0 Sunday … 6 Saturday, of a YYYY-MM-DD. */
export function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Every date from `from` to `to`, both included. */
export function* daysFrom(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** The instant of a local working-day time (08:00 + minutes), so localDate() gives `day` back. */
export function workTime(day: string, minutes: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 8, Math.min(minutes, 600));
}

/**
 * The papers one supplier sends: lot codes in its own style (unique per supplier, as the
 * receipt's duplicate check asks) and DDT numbers that grow through the year — the
 * supplier also delivers to others, so ours are not consecutive.
 */
export class SupplierPapers {
  private lotSeq: number;
  private ddtYear = '';
  private ddtSeq = 0;
  private readonly style: number;

  constructor(
    private readonly rng: Rng,
    private readonly category: SupplyCategory | undefined,
    index: number,
  ) {
    this.lotSeq = rng.int(100, 900);
    this.style = index % 3;
  }

  lotCode(day: string): string {
    const n = ++this.lotSeq;
    const yy = day.slice(2, 4);
    const mm = day.slice(5, 7);
    switch (this.category) {
      case 'oli':
        return `OL${yy}${mm}${String(n).padStart(4, '0')}`;
      case 'chimica':
        return `CL${day.slice(0, 4)}-${String(n).padStart(5, '0')}`;
      case 'essenze':
        return `AET-${yy}${String(n).padStart(4, '0')}`;
      case 'api':
        return `MR/${yy}/${String(n).padStart(3, '0')}`;
      case 'cere':
        return `CV${String(n * 7 + 100_000).padStart(6, '0')}`;
      case 'cosmetica':
        return `NC${yy}${mm}-${String(n).padStart(4, '0')}`;
      default:
        return `${yy}${String(n).padStart(5, '0')}`;
    }
  }

  ddtNumber(day: string): string {
    const year = day.slice(0, 4);
    if (year !== this.ddtYear) {
      this.ddtYear = year;
      this.ddtSeq = this.rng.int(1, 60);
    }
    this.ddtSeq += this.rng.int(3, 40);
    if (this.style === 0) return `${this.ddtSeq}/${year}`;
    if (this.style === 1) return `DDT ${String(this.ddtSeq).padStart(5, '0')}`;
    return `${year.slice(2)}-${this.ddtSeq}`;
  }
}

/** Order references as the web shops print them: Shopify "#1042", Etsy a 10-digit number, WooCommerce "WC-5311". */
export class ShopRefs {
  private shopify: number;
  private etsy: number;
  private woo: number;
  constructor(private readonly rng: Rng) {
    this.shopify = rng.int(1000, 1400);
    this.etsy = 3_100_000_000 + rng.int(0, 50_000_000);
    this.woo = rng.int(2000, 6000);
  }
  next(channel: string): string | null {
    if (channel === 'shopify') return `#${(this.shopify += this.rng.int(1, 4))}`;
    if (channel === 'etsy') return String((this.etsy += this.rng.int(1_000, 90_000)));
    if (channel === 'woocommerce') return `WC-${(this.woo += this.rng.int(1, 3))}`;
    return null;
  }
}
