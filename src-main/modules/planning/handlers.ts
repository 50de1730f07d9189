import type { HandlerMap } from '../../api/handlers';
import { calendarYear } from './workCalendar';
import { deliveryEstimates, promise, promiseAllOrders, shortages } from './queries';
import { schedule } from './schedule';
import { registerWorkingCalendar } from '../purchasing/workingDays';
import { workCalendarOf } from './workCalendar';

type PlanningOp = Extract<keyof typeof import('../../../src-shared/contract/planning').planningOps, string>;

// purchase orders date their lines by lead time in the workshop's own working days
registerWorkingCalendar((ctx) => {
  const { calendar } = workCalendarOf(ctx);
  return (date) => calendar.isWorkingDay(date);
});

/** Planning only reads: it writes no table and no stock movement. */
export const planningHandlers: HandlerMap<PlanningOp> = {
  'planning.calendar': calendarYear,
  'planning.shortages': shortages,
  'planning.promise': promise,
  'planning.promiseAll': promiseAllOrders,
  'planning.estimates': deliveryEstimates,
  'planning.schedule': schedule,
};
