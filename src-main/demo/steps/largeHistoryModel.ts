/** The large history's simulated items, lots and lines, and its options (largeHistory.ts). */
export const CUSTOMER_ORDER = 'customer_order';
export const PRODUCTION_ORDER = 'production_order';

export interface LargeHistoryOptions {
  /** days of history before today */
  days: number;
  /** customer orders over those days (about) */
  orders: number;
  /** a material kept in many small lots (the FEFO figure's item) */
  fefoLots: number;
}

export const LARGE_HISTORY: LargeHistoryOptions = { days: 3652, orders: 520_000, fefoLots: 520 };

/** Orders younger than this many days are still open. */
export const OPEN_DAYS = 18;

export type Phase = 'shipped' | 'ready' | 'released' | 'planned' | 'new';

export interface Version {
  id: number;
  /** day number from which this version is the one used */
  from: number;
  yieldMilli: number;
  comps: { itemId: number; gross: number }[];
}

export interface ItemSim {
  id: number;
  sku: string;
  kind: string;
  unit: string;
  shelf: number | null;
  quarantine: boolean;
  lotTracked: boolean;
  costMicros: number | null;
  priceCents: number;
  reorder: number;
  supplierId: number | null;
  versions: Version[];
  /** open lots, oldest first; `head` skips the ones used up */
  lots: LotSim[];
  head: number;
  /** no reorder purchases for it the last weeks (its supplier is late) */
  late: boolean;
  /** products: what three weeks of orders ask for, about (thousandths) */
  threeWeeks: number;
}

export interface LotSim {
  id: number;
  item: ItemSim;
  /** the day it arrived or was made: it cannot be used before */
  from: number;
  onHand: number;
  reserved: number;
  expires: number | null;
  costMicros: number | null;
}

export interface Pick {
  lot: LotSim;
  qty: number;
}

export interface LineSim {
  id: number;
  item: ItemSim;
  qty: number;
  priceCents: number;
  discountBp: number;
  vatBp: number;
  shipped: number;
  allocated: number;
  production: { status: 'planned' | 'released' | 'in_progress' | 'completed'; materialsShort: boolean }[];
}

export const DAY_MS = 86_400_000;
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
