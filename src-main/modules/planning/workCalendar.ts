import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { addDays } from '../../../src-shared/domain/dates';
import type { WorkCalendarSettings } from '../../../src-shared/contract/workCalendar';
import type { Handler } from '../../api/handlers';
import type { ReadCtx } from '../../api/context';
import { readSettings } from '../settings/store';
import { italianHolidayDates, italianHolidays } from './holidays';

export function calendarFrom(s: WorkCalendarSettings): WorkCalendar {
  return new WorkCalendar({
    workingWeekdays: s.workingWeekdays,
    holidaysOf: italianHolidayDates,
    patronDay: s.patronSaint?.day ?? null,
    closures: s.closures,
    minutesPerDay: s.productionMinutesPerDay,
  });
}

// the calendar is a pure function of its settings: kept while they stay the same, with the
// working days, next days and holidays it has already answered (a plan asks thousands of them)
let lastCalendar: { key: string; calendar: WorkCalendar } | null = null;

export function workCalendarOf(ctx: ReadCtx): { settings: WorkCalendarSettings; calendar: WorkCalendar } {
  const settings = readSettings(ctx).planning;
  const key = JSON.stringify(settings);
  if (lastCalendar?.key !== key) lastCalendar = { key, calendar: calendarFrom(settings) };
  return { settings, calendar: lastCalendar.calendar };
}

/** Why a day of the year is not worked (weekends are left out: they are obvious). */
export const calendarYear: Handler<'planning.calendar'> = (ctx, input) => {
  const { settings, calendar } = workCalendarOf(ctx);
  const days: { date: string; reason: 'holiday' | 'patron' | 'closure'; name: string }[] = [];
  const holidays = new Map(italianHolidays(input.year).map((h) => [h.date, h.name]));
  let workingDays = 0;
  for (let d = `${input.year}-01-01`; d.startsWith(String(input.year)); d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) workingDays++;
    const holiday = holidays.get(d);
    const closure = calendar.closureOn(d);
    if (holiday) days.push({ date: d, reason: 'holiday', name: holiday });
    else if (settings.patronSaint && d.slice(5) === settings.patronSaint.day) days.push({ date: d, reason: 'patron', name: settings.patronSaint.name });
    else if (closure) days.push({ date: d, reason: 'closure', name: closure.name });
  }
  return { year: input.year, workingDays, days };
};
