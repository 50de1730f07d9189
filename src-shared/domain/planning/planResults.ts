/**
 * What the plan answers about a demand or a job (plan.ts): when goods can be used and what
 * that waits for (and how two such answers combine), new production booked on a capacity board, and where existing production
 * lands in the queue.
 */
import type { CapacityBoard, Slot } from './capacity';
import type { Demand } from './netting';
import type { Readiness } from './readiness';
import type { OpenProduction } from './types';

export type { Readiness, Unknown } from './readiness';


/** New production booked on one capacity board, each make once (whichever demand asks first). */
export interface Bookings {
  board: CapacityBoard;
  made: Map<Demand, MadeSlot>;
}

/** New production booked for a demand: when it ends, and what its inputs depend on. */
export interface MadeSlot {
  end: string | null;
  slot: Slot | null;
  inputs: Readiness;
}

export interface ScheduledJob {
  production: OpenProduction;
  slot: Slot;
  dueOn: string;
  materials: Readiness;
}

/** The later of a readiness date and another date; null (not datable) wins. */
export function later(on: string | null, date: string | null): string | null {
  if (date === null || on === null) return null;
  return date > on ? date : on;
}

/** What a date depends on travels up: unknown facts, and the latest material arrival. */
export function mergeFacts(into: Readiness, r: Readiness): void {
  // by index and without a pair made to assign two fields: it runs for every demand of every promise
  for (let i = 0; i < r.unknown.length; i++) {
    const u = r.unknown[i]!;
    if (!into.unknown.some((x) => x.itemId === u.itemId && x.reason === u.reason)) into.unknown.push(u);
  }
  if (r.materialsOn !== null && (into.materialsOn === null || r.materialsOn > into.materialsOn)) {
    into.materialsOn = r.materialsOn;
    into.materialsBy = r.materialsBy;
  }
}
