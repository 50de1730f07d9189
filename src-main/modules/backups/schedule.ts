/**
 * The daily backup while the app runs: once a day, at the set time or at the first tick
 * after it (an app opened at 15:00 backs up then, not tomorrow at 12:30). A day that
 * already has a daily backup of this database in the folder (made before a restart) gets
 * no second one. A failed run is tried again an hour later. The clock is injected, and
 * `tick` is what the timer calls: tests drive it minute by minute.
 */
export interface ScheduleDeps {
  now: () => Date;
  /** the set time, "HH:MM" (read at each tick: a change in Settings applies at once) */
  time: () => string;
  /** whether this day (local) already has a daily backup */
  hasDailyFor: (day: Date) => boolean;
  run: () => Promise<unknown>;
  onProblem?: (message: string | null) => void;
}

const RETRY_MS = 60 * 60 * 1000;
const dayOf = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

export function scheduledAt(day: Date, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m, 0, 0);
}

export class BackupSchedule {
  private doneDay: string | null = null;
  private retryAt = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: ScheduleDeps) {}

  /** Whether a backup is due now. */
  due(now = this.deps.now()): boolean {
    if (this.running || this.doneDay === dayOf(now) || now.getTime() < this.retryAt) return false;
    if (now < scheduledAt(now, this.deps.time())) return false;
    if (this.deps.hasDailyFor(now)) {
      this.doneDay = dayOf(now);
      return false;
    }
    return true;
  }

  /** Runs the backup when due; resolves when that run (if any) has finished. */
  tick(): Promise<void> {
    const now = this.deps.now();
    if (!this.due(now)) return this.running ?? Promise.resolve();
    this.running = this.deps
      .run()
      .then(() => {
        this.doneDay = dayOf(now);
        this.deps.onProblem?.(null);
      })
      .catch((err: unknown) => {
        this.retryAt = now.getTime() + RETRY_MS;
        this.deps.onProblem?.((err as Error).message);
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Waits for a backup under way (quitting must not cut one in half). */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}
