/**
 * Finite capacity: production minutes per working day, filled batch by batch. A batch
 * that does not fit in what is left of a day starts on the next working day with room;
 * only a batch longer than a whole day runs over several days.
 *
 * A queue can be years long (a backlog of thousands of batches), so "the first working day
 * from D with at least M minutes free" is answered by a max segment tree over the working
 * days, in log time, instead of walking the days one by one.
 */
import type { WorkCalendar } from './calendar';

export interface Slot {
  /** first and last working day the job occupies */
  from: string;
  to: string;
  days: { date: string; minutes: number }[];
}

export class CapacityBoard {
  /** working days from the origin on, in order */
  private days: string[] = [];
  private readonly index = new Map<string, number>();
  /** max segment tree of free minutes; leaves start at `size` */
  private tree: number[] = [];
  private size = 0;

  constructor(
    private readonly cal: WorkCalendar,
    /** the first day anything may be booked (today) */
    private readonly origin: string,
  ) {
    if (!(cal.minutesPerDay > 0)) throw new RangeError('a working day needs production minutes');
    this.grow(64);
  }

  /** The same bookings, to try a what-if on. */
  clone(): CapacityBoard {
    const c = Object.create(CapacityBoard.prototype) as CapacityBoard;
    Object.assign(c, { cal: this.cal, origin: this.origin, days: [...this.days], index: new Map(this.index), tree: [...this.tree], size: this.size });
    return c;
  }

  usedOn(date: string): number {
    const i = this.index.get(date);
    return i === undefined ? 0 : this.cal.minutesPerDay - this.tree[this.size + i]!;
  }

  /**
   * The minutes still free on `date`: none on a day nothing is booked on (before the
   * origin, not a working day); a whole day on a working day past the days made so far.
   */
  freeOn(date: string): number {
    const i = this.index.get(date);
    if (i !== undefined) return this.tree[this.size + i]!;
    return date < this.origin || date <= this.days[this.days.length - 1]! ? 0 : this.cal.minutesPerDay;
  }

  /**
   * The fewest free minutes a day needs for `batchMinutes` to book any there: a batch that
   * fits in a day goes whole onto a day with room for it; a longer one runs on from any
   * free minute; one of no minutes books none (Infinity).
   */
  roomNeeded(batchMinutes: number): number {
    return batchMinutes <= 0 ? Infinity : batchMinutes <= this.cal.minutesPerDay ? batchMinutes : 1;
  }

  /** Places `batches` batches of `batchMinutes` each, from the first working day on or after `earliest`. */
  place(batches: number, batchMinutes: number, earliest: string): Slot {
    const cap = this.cal.minutesPerDay;
    // the day only moves forward, so the days booked come in order: the same day is the last one listed
    const list: { date: string; minutes: number }[] = [];
    let lastAt = -1;
    let at = this.indexOn(earliest < this.origin ? this.origin : earliest);
    for (let b = 0; b < batches; b++) {
      if (batchMinutes <= 0) {
        lastAt = this.book(list, lastAt, at, 0);
        continue;
      }
      if (batchMinutes <= cap) {
        at = this.firstWithRoom(at, batchMinutes);
        lastAt = this.book(list, lastAt, at, batchMinutes);
        continue;
      }
      // longer than a day: start on a day with room and run on
      let left = batchMinutes;
      while (left > 0) {
        at = this.firstWithRoom(at, 1);
        const m = Math.min(this.tree[this.size + at]!, left);
        lastAt = this.book(list, lastAt, at, m);
        left -= m;
      }
    }
    const first = list[0]?.date ?? this.days[at]!;
    return { from: first, to: list[list.length - 1]?.date ?? first, days: list };
  }

  /**
   * Books a slot placed on another copy of this board (the same days, the same minutes):
   * what `place` took there is taken here, whatever the order slots are booked in.
   */
  occupy(slot: Slot): void {
    for (const d of slot.days) {
      if (d.minutes <= 0) continue;
      const at = this.indexOn(d.date);
      this.setFree(at, this.tree[this.size + at]! - d.minutes);
    }
  }

  /** Takes `minutes` of day `at` and lists them (added to the last entry when it is that day); returns `at`. */
  private book(list: { date: string; minutes: number }[], lastAt: number, at: number, minutes: number): number {
    if (minutes > 0) this.setFree(at, this.tree[this.size + at]! - minutes);
    if (at === lastAt) list[list.length - 1]!.minutes += minutes;
    else list.push({ date: this.days[at]!, minutes });
    return at;
  }

  /** Index of the first working day on or after `date`. */
  private indexOn(date: string): number {
    const day = this.cal.onOrAfter(date);
    while (this.days[this.days.length - 1]! < day) this.grow(this.days.length * 2);
    return this.index.get(day)!;
  }

  /** First index ≥ from whose free minutes are at least `need` (the calendar is extended as needed). */
  private firstWithRoom(from: number, need: number): number {
    for (;;) {
      const i = this.search(1, 0, this.size - 1, from, need);
      if (i >= 0) return i;
      this.grow(this.days.length * 2);
    }
  }

  private search(node: number, lo: number, hi: number, from: number, need: number): number {
    if (hi < from || this.tree[node]! < need) return -1;
    if (lo === hi) return lo < this.days.length ? lo : -1;
    const mid = (lo + hi) >> 1;
    const left = this.search(node * 2, lo, mid, from, need);
    return left >= 0 ? left : this.search(node * 2 + 1, mid + 1, hi, from, need);
  }

  private setFree(i: number, free: number): void {
    let n = this.size + i;
    this.tree[n] = free;
    for (n >>= 1; n >= 1; n >>= 1) this.tree[n] = Math.max(this.tree[n * 2]!, this.tree[n * 2 + 1]!);
  }

  /** Adds working days until there are at least `count`, rebuilding the tree with what is booked. */
  private grow(count: number): void {
    const free = this.days.map((_, i) => this.tree[this.size + i]!);
    let last = this.days[this.days.length - 1];
    while (this.days.length < count) {
      last = last === undefined ? this.cal.onOrAfter(this.origin) : this.cal.nextWorkingDay(last);
      this.index.set(last, this.days.length);
      this.days.push(last);
      free.push(this.cal.minutesPerDay);
    }
    let size = 1;
    while (size < this.days.length) size *= 2;
    this.size = size;
    this.tree = new Array<number>(size * 2).fill(0);
    free.forEach((f, i) => (this.tree[size + i] = f));
    for (let n = size - 1; n >= 1; n--) this.tree[n] = Math.max(this.tree[n * 2]!, this.tree[n * 2 + 1]!);
  }
}
