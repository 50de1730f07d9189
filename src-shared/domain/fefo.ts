/**
 * FEFO: which lots to use for a quantity of an item — first expiry first, then oldest.
 * Pure: the caller loads the item's lots and passes what is already reserved on each.
 */

export type LotStatus = 'quarantine' | 'released' | 'blocked' | 'recalled';

export interface FefoLot {
  lotId: number;
  code: string;
  status: LotStatus;
  /** YYYY-MM-DD, null for lots that do not expire */
  expiresOn: string | null;
  /** received or produced on, YYYY-MM-DD */
  originDate: string;
  onHandMilli: number;
  reservedMilli: number;
}

export interface FefoPick {
  lotId: number;
  code: string;
  qtyMilli: number;
  expiresOn: string | null;
}

export interface FefoProposal {
  picks: FefoPick[];
  /** how much could not be covered; 0 when the proposal covers everything */
  shortMilli: number;
}

export type LotRefusal = 'quarantine' | 'blocked' | 'recalled' | 'expired' | 'not_enough';

/**
 * Why a lot cannot be used at `needDate`, or null. A lot expiring on the day of need is
 * still usable that day ("da consumarsi entro" includes the date).
 */
export function lotUnusableReason(lot: FefoLot, needDate: string): Exclude<LotRefusal, 'not_enough'> | null {
  if (lot.status !== 'released') return lot.status;
  if (lot.expiresOn !== null && lot.expiresOn < needDate) return 'expired';
  return null;
}

export function freeMilli(lot: FefoLot): number {
  return Math.max(0, lot.onHandMilli - lot.reservedMilli);
}

/** Expiry ascending (no expiry last), then oldest first, then lot id for a stable order. */
export function fefoCompare(a: FefoLot, b: FefoLot): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  if (a.originDate !== b.originDate) return a.originDate < b.originDate ? -1 : 1;
  return a.lotId - b.lotId;
}

export function proposeFefo(lots: readonly FefoLot[], qtyMilli: number, needDate: string): FefoProposal {
  const usable = lots.filter((l) => lotUnusableReason(l, needDate) === null && freeMilli(l) > 0).sort(fefoCompare);
  const picks: FefoPick[] = [];
  let left = qtyMilli;
  for (const lot of usable) {
    if (left <= 0) break;
    const take = Math.min(left, freeMilli(lot));
    picks.push({ lotId: lot.lotId, code: lot.code, qtyMilli: take, expiresOn: lot.expiresOn });
    left -= take;
  }
  return { picks, shortMilli: Math.max(0, left) };
}

/**
 * Checks an operator's own choice of lots. Returns the problems, one per refused pick;
 * `ownReservedMilli` is what the document itself already holds on the lot (it may use it).
 */
export function checkOverride(
  lots: ReadonlyMap<number, FefoLot>,
  picks: readonly { lotId: number; qtyMilli: number; ownReservedMilli?: number }[],
  needDate: string,
): { index: number; lotId: number; reason: LotRefusal | 'unknown_lot'; availableMilli?: number }[] {
  const problems: { index: number; lotId: number; reason: LotRefusal | 'unknown_lot'; availableMilli?: number }[] = [];
  const used = new Map<number, number>();
  picks.forEach((p, index) => {
    const lot = lots.get(p.lotId);
    if (!lot) {
      problems.push({ index, lotId: p.lotId, reason: 'unknown_lot' });
      return;
    }
    const why = lotUnusableReason(lot, needDate);
    if (why) {
      problems.push({ index, lotId: p.lotId, reason: why });
      return;
    }
    const total = (used.get(p.lotId) ?? 0) + p.qtyMilli;
    used.set(p.lotId, total);
    const available = freeMilli(lot) + (p.ownReservedMilli ?? 0);
    if (total > available) problems.push({ index, lotId: p.lotId, reason: 'not_enough', availableMilli: available });
  });
  return problems;
}
