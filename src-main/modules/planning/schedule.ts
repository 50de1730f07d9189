import { addDays } from '../../../src-shared/domain/dates';
import type { Handler } from '../../api/handlers';
import { currentPlan } from './planCache';

type Day = ReturnType<Handler<'planning.schedule'>> extends infer R ? (R extends { days: (infer D)[] } ? D : never) : never;

/**
 * The schedule: each day from `from`, with the minutes the finite queue puts there and the
 * minutes planned on that date by hand. Planned above capacity, or planned on a day off,
 * is the overload a person must see.
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
    days.set(d, { date: d, working, closedFor, capacityMinutes: working ? plan.cal.minutesPerDay : 0, plannedMinutes: 0, scheduledMinutes: 0, jobs: [] });
  }
  for (const p of cp.snap.production) {
    const job = plan.job(p.id);
    if (!job) continue;
    const item = cp.snap.itemRows.get(p.itemId)!;
    const planned = days.get(p.plannedOn < cp.snap.today ? cp.snap.today : p.plannedOn);
    if (planned) planned.plannedMinutes += p.batches * p.recipe.batchMinutes;
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
        late: job.slot.to > job.dueOn,
      });
    }
  }
  for (const d of days.values()) d.jobs.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.productionId - b.productionId));
  return { today: cp.snap.today, minutesPerDay: plan.cal.minutesPerDay, days: [...days.values()] };
};
