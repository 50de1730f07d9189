/**
 * What one item has to give, as the netting consumes it: free quantities of released lots
 * (first expiring first, never a lot that expires before the date of need) and incoming
 * supply by date (open purchase lines, open production). Quantities only go down.
 */
import type { StockLot } from './types';

export type IncomingRef = { kind: 'purchase'; id: number; number: string } | { kind: 'production'; id: number; number: string };

export interface Incoming {
  ref: IncomingRef;
  /** null: no date known (a purchase order without an expected date) */
  date: string | null;
  remaining: number;
  /** what it brings before any demand takes from it */
  qtyMilli: number;
}

interface LotLeft {
  lotId: number;
  expiresOn: string | null;
  remaining: number;
}

export type Take =
  | { kind: 'stock'; qtyMilli: number }
  | { kind: 'incoming'; qtyMilli: number; ref: IncomingRef; date: string | null; late: boolean };

function byExpiry(a: LotLeft, b: LotLeft): number {
  if (a.expiresOn === b.expiresOn) return a.lotId - b.lotId;
  if (a.expiresOn === null) return 1;
  if (b.expiresOn === null) return -1;
  return a.expiresOn < b.expiresOn ? -1 : 1;
}

function byDate(a: Incoming, b: Incoming): number {
  if (a.date === b.date) return a.ref.id - b.ref.id;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

export class ItemSupply {
  private readonly lots: LotLeft[];
  private readonly incoming: Incoming[];
  /**
   * Lots and incoming before these indexes are used up (quantities only go down): every
   * demand starts after them. Walking them again for each demand made an item's netting
   * grow with demands × supplies — doubling the open orders (and the production fulfil
   * plans for them) made it four times slower.
   */
  private firstLot = 0;
  private firstIncoming = 0;

  constructor(lots: StockLot[], incoming: Incoming[], unlottedReservedMilli: number, today: string) {
    // lots already expired cannot serve anything, whatever the date of need
    this.lots = lots
      .filter((l) => l.freeMilli > 0 && (l.expiresOn === null || l.expiresOn >= today))
      .map((l) => ({ lotId: l.lotId, expiresOn: l.expiresOn, remaining: l.freeMilli }))
      .sort(byExpiry);
    this.incoming = incoming.filter((i) => i.remaining > 0).sort(byDate);
    // an item-level reservation will take a lot when it is picked: FEFO, like the picker
    let held = unlottedReservedMilli;
    for (const l of this.lots) {
      if (held <= 0) break;
      const t = Math.min(held, l.remaining);
      l.remaining -= t;
      held -= t;
    }
  }

  /** Stock usable at `needOn` plus supply arriving by then; returns what was taken. */
  takeOnTime(qty: number, needOn: string, into: Take[]): number {
    let left = qty;
    this.skipUsedUp();
    for (let k = this.firstLot; k < this.lots.length && left > 0; k++) {
      const l = this.lots[k]!;
      if (l.remaining === 0 || (l.expiresOn !== null && l.expiresOn < needOn)) continue;
      const t = Math.min(left, l.remaining);
      l.remaining -= t;
      left -= t;
      pushStock(into, t);
    }
    for (let k = this.firstIncoming; k < this.incoming.length; k++) {
      const i = this.incoming[k]!;
      if (left === 0 || i.date === null || i.date > needOn) break;
      left -= this.takeIncoming(i, left, false, into);
    }
    return qty - left;
  }

  /** Supply that arrives after the date of need: late, but it does come. */
  takeLate(qty: number, into: Take[], kind?: IncomingRef['kind']): number {
    let left = qty;
    this.skipUsedUp();
    for (let k = this.firstIncoming; k < this.incoming.length && left > 0; k++) {
      const i = this.incoming[k]!;
      if (kind && i.ref.kind !== kind) continue;
      left -= this.takeIncoming(i, left, true, into);
    }
    return qty - left;
  }

  private skipUsedUp(): void {
    while (this.firstLot < this.lots.length && this.lots[this.firstLot]!.remaining === 0) this.firstLot++;
    while (this.firstIncoming < this.incoming.length && this.incoming[this.firstIncoming]!.remaining === 0) this.firstIncoming++;
  }

  /** Free stock and incoming left over, for the "available" column. */
  leftMilli(): number {
    return this.lots.reduce((s, l) => s + l.remaining, 0) + this.incoming.reduce((s, i) => s + i.remaining, 0);
  }

  private takeIncoming(i: Incoming, want: number, late: boolean, into: Take[]): number {
    const t = Math.min(want, i.remaining);
    if (t === 0) return 0;
    i.remaining -= t;
    into.push({ kind: 'incoming', qtyMilli: t, ref: i.ref, date: i.date, late });
    return t;
  }
}

function pushStock(into: Take[], qty: number): void {
  const last = into[into.length - 1];
  if (last?.kind === 'stock') last.qtyMilli += qty;
  else into.push({ kind: 'stock', qtyMilli: qty });
}
