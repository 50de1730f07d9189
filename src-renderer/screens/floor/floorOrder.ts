/**
 * The order of the floor's list: what is already under way first (in progress, then
 * released — the lots are reserved and waiting), then what is planned for today or late,
 * each by planned day and number.
 */
import type { ProductionStatus } from '../production/productionBits';

interface Row {
  id: number;
  number: string;
  plannedOn: string;
  status: ProductionStatus;
}

const RANK: Partial<Record<ProductionStatus, number>> = { in_progress: 0, released: 1, planned: 2 };

export function floorOrder<T extends Row>(rows: readonly T[]): T[] {
  const seen = new Set<number>();
  return rows
    .filter((r) => RANK[r.status] !== undefined && !seen.has(r.id) && seen.add(r.id))
    .sort((a, b) => RANK[a.status]! - RANK[b.status]! || (a.plannedOn < b.plannedOn ? -1 : a.plannedOn > b.plannedOn ? 1 : 0) || a.number.localeCompare(b.number));
}
