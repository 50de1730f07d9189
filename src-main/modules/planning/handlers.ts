import type { HandlerMap } from '../../api/handlers';
import { calendarYear } from './workCalendar';
import { promise, promiseAllOrders, shortages } from './queries';
import { schedule } from './schedule';

type PlanningOp = Extract<keyof typeof import('../../../src-shared/contract/planning').planningOps, string>;

/** Planning only reads: it writes no table and no stock movement. */
export const planningHandlers: HandlerMap<PlanningOp> = {
  'planning.calendar': calendarYear,
  'planning.shortages': shortages,
  'planning.promise': promise,
  'planning.promiseAll': promiseAllOrders,
  'planning.schedule': schedule,
};
