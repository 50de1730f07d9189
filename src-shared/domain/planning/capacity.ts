/**
 * Finite capacity: production minutes per working day, filled batch by batch. A batch
 * that does not fit in what is left of a day starts on the next working day; only a
 * batch longer than a whole day runs over several days.
 */
import type { WorkCalendar } from './calendar';

export interface Slot {
  /** first and last working day the job occupies */
  from: string;
  to: string;
  days: { date: string; minutes: number }[];
}

export class CapacityBoard {
  private readonly used = new Map<string, number>();

  constructor(private readonly cal: WorkCalendar) {}

  /** The same bookings, to try a what-if on. */
  clone(): CapacityBoard {
    const c = new CapacityBoard(this.cal);
    for (const [d, m] of this.used) c.used.set(d, m);
    return c;
  }

  usedOn(date: string): number {
    return this.used.get(date) ?? 0;
  }

  /** Places `batches` batches of `batchMinutes` each, from the first working day on or after `earliest`. */
  place(batches: number, batchMinutes: number, earliest: string): Slot {
    const cap = this.cal.minutesPerDay;
    if (!(cap > 0)) throw new RangeError('a working day needs production minutes');
    const days = new Map<string, number>();
    let day = this.cal.onOrAfter(earliest);
    const book = (date: string, m: number) => {
      this.used.set(date, this.usedOn(date) + m);
      days.set(date, (days.get(date) ?? 0) + m);
    };
    for (let b = 0; b < batches; b++) {
      if (batchMinutes <= 0) {
        book(day, 0);
        continue;
      }
      if (batchMinutes <= cap) {
        while (cap - this.usedOn(day) < batchMinutes) day = this.cal.nextWorkingDay(day);
        book(day, batchMinutes);
        continue;
      }
      // longer than a day: start on a day with room and run on
      let left = batchMinutes;
      while (left > 0) {
        const room = cap - this.usedOn(day);
        if (room > 0) {
          const m = Math.min(room, left);
          book(day, m);
          left -= m;
        }
        if (left > 0) day = this.cal.nextWorkingDay(day);
      }
    }
    const list = [...days].map(([date, minutes]) => ({ date, minutes })).sort((a, b) => (a.date < b.date ? -1 : 1));
    const first = list[0]?.date ?? day;
    return { from: first, to: list[list.length - 1]?.date ?? first, days: list };
  }
}
