import { addDays } from '../../../src-shared/domain/dates';
import type { ReadCtx } from '../../api/context';
import type { Handler } from '../../api/handlers';
import { currentPlan } from './planCache';
import { jobLateness, overloadMinutes } from './scheduleRules';

type Day = ReturnType<Handler<'planning.schedule'>> extends infer R ? (R extends { days: (infer D)[] } ? D : never) : never;

/**
 * The schedule: each day from `from`, with the minutes the finite queue puts there (what
 * the day's batches add up to) and the minutes planned on that date by hand. Planned
 * above the capacity of a working day is the overload a person must see; a day off has
 * none (the queue runs what was planned there on the next working day). An order whose
 * planned date has passed stays where the queue puts it, marked overdue and late — it is
 * not piled onto today's planned minutes.
 */
export const schedule: Handler<'planning.schedule'> = (ctx, input) => {
  const cp = currentPlan(ctx);
  const { plan } = cp;
  const from = input.from ?? cp.snap.today;
  const to = addDays(from, input.days - 1);
  const days = new Map<string, Day>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const working = plan.cal.isWorkingDay(d);
    const closedFor = working ? null : (plan.cal.closureOn(d)?.name ?? (plan.cal.isHoliday(d) ? 'holiday' : null));
    days.set(d, { date: d, working, closedFor, capacityMinutes: working ? plan.cal.minutesPerDay : 0, plannedMinutes: 0, scheduledMinutes: 0, overloadMinutes: 0, jobs: [] });
  }
  for (const p of cp.snap.production) {
    const job = plan.job(p.id);
    if (!job) continue;
    const item = cp.snap.itemRows.get(p.itemId)!;
    const planned = days.get(p.plannedOn);
    if (planned) planned.plannedMinutes += p.batches * p.recipe.batchMinutes;
    const lateness = jobLateness({ plannedOn: p.plannedOn, finishesOn: job.slot.to, dueOn: job.dueOn }, cp.snap.today);
    for (const slotDay of job.slot.days) {
      const day = days.get(slotDay.date);
      if (!day) continue;
      day.scheduledMinutes += slotDay.minutes;
      day.jobs.push({
        productionId: p.id,
        number: p.number,
        item: { id: item.id, sku: item.sku, name: item.name, kind: item.kind, unit: item.unit },
        status: p.status,
        batches: p.batches,
        plannedOn: p.plannedOn,
        minutes: slotDay.minutes,
        from: job.slot.from,
        to: job.slot.to,
        dueOn: job.dueOn,
        ...lateness,
      });
    }
  }
  for (const d of days.values()) d.overloadMinutes = overloadMinutes(d.working, d.plannedMinutes, d.capacityMinutes);
  for (const d of days.values()) d.jobs.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.productionId - b.productionId));
  return { today: cp.snap.today, minutesPerDay: plan.cal.minutesPerDay, days: [...days.values()] };
};

/** A day of the schedule without its jobs: what a summary of a few days (the home screen's week) reads. */
export type DayLoad = Omit<Day, 'jobs' | 'closedFor'>;

/**
 * The schedule's days from `from` on, without their jobs: the same minutes as `schedule`,
 * but the queue is placed only until these days are full (Plan.queuedMinutesOn), not to
 * the end of a backlog of years — the home screen reads one week of a cold plan.
 */
export function dayLoads(ctx: ReadCtx, from: string, count: number): DayLoad[] {
  const cp = currentPlan(ctx);
  const { plan } = cp;
  const dates: string[] = [];
  for (let i = 0, d = from; i < count; i++, d = addDays(d, 1)) dates.push(d);
  const scheduled = plan.queuedMinutesOn(dates);
  const at = new Map(dates.map((d, i) => [d, i]));
  const planned = dates.map(() => 0);
  for (const p of cp.snap.production) {
    const i = at.get(p.plannedOn);
    if (i !== undefined) planned[i]! += p.batches * p.recipe.batchMinutes;
  }
  return dates.map((date, i) => {
    const working = plan.cal.isWorkingDay(date);
    const capacityMinutes = working ? plan.cal.minutesPerDay : 0;
    return { date, working, capacityMinutes, plannedMinutes: planned[i]!, scheduledMinutes: scheduled[i]!, overloadMinutes: overloadMinutes(working, planned[i]!, capacityMinutes) };
  });
}
