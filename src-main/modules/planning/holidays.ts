import type Holidays from 'date-holidays';
import { onFirstUse } from '../../onFirstUse';

/**
 * Italian national (public) holidays of a year, Easter Monday included, from the
 * date-holidays library: computed for any year, nothing to keep up to date by hand.
 * Observances (Mother's Day) and Easter Sunday's name stay out only when they are not
 * public; a Sunday is a Sunday anyway.
 */
const holidaysLibrary = onFirstUse<typeof Holidays>('date-holidays');
let italy: Holidays | undefined;
const byYear = new Map<number, { date: string; name: string }[]>();

export function italianHolidays(year: number): { date: string; name: string }[] {
  let list = byYear.get(year);
  if (!list) {
    italy ??= new (holidaysLibrary())('IT');
    list = italy
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    byYear.set(year, list);
  }
  return list;
}

export function italianHolidayDates(year: number): string[] {
  return italianHolidays(year).map((h) => h.date);
}
