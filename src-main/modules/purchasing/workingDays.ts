import { addWorkingDays, isWeekday } from '../../../src-shared/domain/purchasing';
import type { ReadCtx } from '../../api/context';

/** Tells, for one database, whether a date is a working day. */
export type WorkingCalendar = (ctx: ReadCtx) => (date: string) => boolean;

let calendar: WorkingCalendar = () => isWeekday;

/**
 * Lead times are in working days. Until the work calendar (planning) registers itself
 * here, weekends are the only days off.
 */
export function registerWorkingCalendar(c: WorkingCalendar): void {
  calendar = c;
}

/** Reads only (the calendar settings), so a preview query can ask it too. */
export function afterLeadTime(ctx: ReadCtx, from: string, days: number): string {
  return addWorkingDays(from, days, calendar(ctx));
}
