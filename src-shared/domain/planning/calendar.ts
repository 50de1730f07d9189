/**
 * The work calendar: which days the workshop produces and ships, and how many minutes of
 * production a working day holds. Holidays come in as a function of the year (the main
 * process computes Italian national holidays with a calendar library), so this file stays
 * pure and every year is covered without a table to keep up to date.
 */
import { addDays } from '../dates';

export interface Closure {
  from: string;
  to: string;
  name: string;
}

export interface CalendarSpec {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday */
  workingWeekdays: number[];
  /** public holidays of a year, as YYYY-MM-DD */
  holidaysOf: (year: number) => Iterable<string>;
  /** the patron saint's day, MM-DD, every year */
  patronDay: string | null;
  /** company closures; a range may span a month or a year end */
  closures: Closure[];
  /** production minutes of one working day */
  minutesPerDay: number;
}

/** Weekday of a business date, ISO numbering (Monday 1 … Sunday 7). */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Longest run of non-working days we accept before calling the calendar broken. */
const MAX_GAP_DAYS = 3660;

export class WorkCalendar {
  readonly minutesPerDay: number;
  private readonly weekdays: Set<number>;
  private readonly holidayYears = new Map<number, Set<string>>();

  constructor(private readonly spec: CalendarSpec) {
    this.weekdays = new Set(spec.workingWeekdays);
    this.minutesPerDay = spec.minutesPerDay;
    if (this.weekdays.size === 0) throw new RangeError('a work calendar needs at least one working weekday');
  }

  /** A public holiday, the patron saint's day (not a company closure, not a weekend). */
  isHoliday(date: string): boolean {
    const year = Number(date.slice(0, 4));
    let set = this.holidayYears.get(year);
    if (!set) {
      set = new Set(this.spec.holidaysOf(year));
      this.holidayYears.set(year, set);
    }
    return set.has(date) || (this.spec.patronDay !== null && date.slice(5) === this.spec.patronDay);
  }

  closureOn(date: string): Closure | undefined {
    return this.spec.closures.find((c) => c.from <= date && date <= c.to);
  }

  private readonly working = new Map<string, boolean>();
  private readonly next = new Map<string, string>();
  private readonly plus = new Map<string, string>();

  isWorkingDay(date: string): boolean {
    let w = this.working.get(date);
    if (w === undefined) {
      w = this.weekdays.has(isoWeekday(date)) && !this.isHoliday(date) && this.closureOn(date) === undefined;
      this.working.set(date, w);
    }
    return w;
  }

  /** Carriers travel Monday to Friday except public holidays, whatever our own closures. */
  isCarrierDay(date: string): boolean {
    return isoWeekday(date) <= 5 && !this.isHoliday(date);
  }

  /** The date itself when it is a working day, otherwise the next one. */
  onOrAfter(date: string): string {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string {
    let d = this.next.get(date);
    if (d === undefined) {
      d = this.seek(date, 1, (x) => this.isWorkingDay(x));
      this.next.set(date, d);
    }
    return d;
  }

  /** `n` working days after the date (0: the date, or the next working day if it is not one). */
  addWorkingDays(date: string, n: number): string {
    const key = `${date}+${n}`;
    let d = this.plus.get(key);
    if (d === undefined) {
      d = this.onOrAfter(date);
      for (let i = 0; i < n; i++) d = this.nextWorkingDay(d);
      this.plus.set(key, d);
    }
    return d;
  }

  private readonly carrier = new Map<string, string>();

  /** Delivery: `n` carrier days after the ship date (remembered: thousands of promises ship on the same few days). */
  addCarrierDays(date: string, n: number): string {
    const key = `${date}+${n}`;
    let d = this.carrier.get(key);
    if (d === undefined) {
      d = date;
      for (let i = 0; i < n; i++) d = this.seek(d, 1, (x) => this.isCarrierDay(x));
      this.carrier.set(key, d);
    }
    return d;
  }

  private seek(date: string, first: number, ok: (d: string) => boolean): string {
    let d = addDays(date, first);
    for (let i = 0; i < MAX_GAP_DAYS; i++, d = addDays(d, 1)) if (ok(d)) return d;
    throw new RangeError(`no working day within ${MAX_GAP_DAYS} days of ${date}`);
  }
}
