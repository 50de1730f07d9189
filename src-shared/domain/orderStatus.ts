/**
 * Order status is derived, never typed (DOMAIN.md): from each line's shipped quantity,
 * the finished lots allocated to it, and the production orders that serve it.
 */
export const LINE_STATUSES = ['waiting', 'materials_short', 'in_production', 'ready', 'shipped'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const ORDER_STATUSES = ['draft', 'cancelled', 'waiting', 'materials_short', 'in_production', 'ready_to_ship', 'partially_shipped', 'shipped'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface LineFacts {
  qtyMilli: number;
  shippedMilli: number;
  /** finished goods held for the line, lot by lot */
  allocatedMilli: number;
  /** statuses of the production orders linked to the line (cancelled ones excluded) */
  production: { status: 'planned' | 'released' | 'in_progress' | 'completed'; materialsShort: boolean }[];
}

export function lineStatus(l: LineFacts): LineStatus {
  const open = l.qtyMilli - l.shippedMilli;
  if (open <= 0) return 'shipped';
  if (l.allocatedMilli >= open) return 'ready';
  if (l.production.some((p) => p.status === 'released' || p.status === 'in_progress')) return 'in_production';
  if (l.production.some((p) => p.status === 'planned' && p.materialsShort)) return 'materials_short';
  return 'waiting';
}

/**
 * The order's status, in the order a person asks: is it gone, partly gone, ready, held
 * up by materials, being made, or waiting.
 */
export function orderStatus(state: 'draft' | 'confirmed' | 'cancelled', lines: LineFacts[]): OrderStatus {
  if (state !== 'confirmed') return state;
  const statuses = lines.map(lineStatus);
  if (statuses.length > 0 && statuses.every((s) => s === 'shipped')) return 'shipped';
  if (lines.some((l) => l.shippedMilli > 0)) return 'partially_shipped';
  if (statuses.every((s) => s === 'ready' || s === 'shipped')) return 'ready_to_ship';
  if (statuses.includes('materials_short')) return 'materials_short';
  if (statuses.includes('in_production')) return 'in_production';
  return 'waiting';
}

/** Line amount before VAT, in cents: qty × price × (1 − discount), rounded half away from zero once. */
export function lineNetCents(qtyMilli: number, unitPriceCents: number, discountBp: number): number {
  const gross = BigInt(qtyMilli) * BigInt(unitPriceCents) * BigInt(10_000 - discountBp);
  const denom = 1000n * 10_000n;
  const q = gross / denom;
  const r = gross % denom;
  return Number(r * 2n >= denom ? q + 1n : q);
}
