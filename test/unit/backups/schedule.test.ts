import { describe, expect, it } from 'vitest';
import { BackupSchedule } from '../../../src-main/modules/backups/schedule';

/** A clock the test moves by hand, and a schedule whose runs are recorded with the time they started. */
function harness(start: Date, time = '12:30', fail = () => false) {
  let now = new Date(start);
  const runs: string[] = [];
  const dailyDays = new Set<string>();
  const day = (d: Date) => d.toDateString();
  const schedule = new BackupSchedule({
    now: () => now,
    time: () => time,
    hasDailyFor: (d) => dailyDays.has(day(d)),
    run: async () => {
      runs.push(`${day(now)} ${now.toTimeString().slice(0, 5)}`);
      if (fail()) throw new Error('disk not connected');
      dailyDays.add(day(now));
    },
  });
  /** ticks once a minute until `until` */
  const runUntil = async (until: Date) => {
    while (now < until) {
      await schedule.tick();
      now = new Date(now.getTime() + 60_000);
    }
  };
  return { schedule, runs, dailyDays, runUntil, setNow: (d: Date) => (now = d) };
}

describe('the daily backup schedule', () => {
  it('runs once per day, at the set time, over three days of minute ticks', async () => {
    const h = harness(new Date(2026, 11, 4, 8, 0));
    await h.runUntil(new Date(2026, 11, 6, 23, 59));
    expect(h.runs).toEqual([`${new Date(2026, 11, 4).toDateString()} 12:30`, `${new Date(2026, 11, 5).toDateString()} 12:30`, `${new Date(2026, 11, 6).toDateString()} 12:30`]);
  });

  it('an app opened after the time backs up at its first tick, and not again that day', async () => {
    const h = harness(new Date(2026, 11, 4, 15, 0));
    await h.runUntil(new Date(2026, 11, 4, 23, 59));
    expect(h.runs).toEqual([`${new Date(2026, 11, 4).toDateString()} 15:00`]);
  });

  it('a day that already has its daily backup (made before a restart) gets no second one', async () => {
    const h = harness(new Date(2026, 11, 4, 13, 0));
    h.dailyDays.add(new Date(2026, 11, 4).toDateString());
    await h.runUntil(new Date(2026, 11, 5, 12, 29));
    expect(h.runs).toEqual([]);
    await h.runUntil(new Date(2026, 11, 5, 12, 31));
    expect(h.runs).toEqual([`${new Date(2026, 11, 5).toDateString()} 12:30`]);
  });

  it('a failed run is tried again an hour later, not every minute', async () => {
    let failing = true;
    const h = harness(new Date(2026, 11, 4, 12, 0), '12:30', () => failing);
    await h.runUntil(new Date(2026, 11, 4, 13, 15));
    expect(h.runs).toEqual([`${new Date(2026, 11, 4).toDateString()} 12:30`]);
    failing = false;
    await h.runUntil(new Date(2026, 11, 4, 18, 0));
    expect(h.runs).toEqual([`${new Date(2026, 11, 4).toDateString()} 12:30`, `${new Date(2026, 11, 4).toDateString()} 13:30`]);
  });

  it('a changed time applies from the next tick', async () => {
    let time = '23:00';
    const s = new BackupSchedule({ now: () => new Date(2026, 11, 4, 10, 0), time: () => time, hasDailyFor: () => false, run: async () => undefined });
    expect(s.due()).toBe(false);
    time = '09:45';
    expect(s.due()).toBe(true);
  });
});
