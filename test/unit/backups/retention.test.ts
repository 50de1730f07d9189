import { describe, expect, it } from 'vitest';
import { planRetention, type Candidate } from '../../../src-main/modules/backups/retention';

const at = (y: number, m: number, d: number, h = 12, mi = 30) => new Date(y, m - 1, d, h, mi);
const named = (d: Date, ok = true): Candidate => ({ name: `b-${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}-${d.getHours()}${d.getMinutes()}`, at: d, ok });
/** one backup a day at 12:30 for `days` days ending on `last` */
function daily(last: Date, days: number): Candidate[] {
  return Array.from({ length: days }, (_, i) => named(new Date(last.getFullYear(), last.getMonth(), last.getDate() - i, 12, 30)));
}
const POLICY = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };

describe('backup retention (grandfather-father-son)', () => {
  it('keeps the newest of each of the last 7 days, and drops the older backups of the same day', () => {
    const morning = named(at(2026, 12, 4, 9, 0));
    const evening = named(at(2026, 12, 4, 18, 0));
    const r = planRetention([morning, evening, ...daily(at(2026, 12, 3), 6)], { keepDaily: 7, keepWeekly: 0, keepMonthly: 0 });
    expect(r.keep).toHaveLength(7);
    expect(r.keep[0]).toBe(evening.name);
    expect(r.remove).toEqual([morning.name]);
  });

  it('a year of daily backups keeps 7 daily, 4 weekly (Mondays start a week), 12 monthly: 20 backups at most', () => {
    const all = daily(at(2026, 12, 4), 400);
    const r = planRetention(all, POLICY);
    const kept = new Set(r.keep);
    // 7 days: Nov 28 … Dec 4
    for (let d = 28; d <= 30; d++) expect(kept.has(named(at(2026, 11, d)).name)).toBe(true);
    expect(kept.has(named(at(2026, 11, 27)).name)).toBe(false);
    // Friday Dec 4 2026: weeks run Monday to Sunday, so Sundays Nov 22 and Nov 15 are the newest of their weeks (with Dec 4 and Nov 29)
    for (const d of [22, 15]) expect(kept.has(named(at(2026, 11, d)).name)).toBe(true);
    expect(kept.has(named(at(2026, 11, 21)).name)).toBe(false);
    expect(kept.has(named(at(2026, 11, 8)).name)).toBe(false);
    // months: the last day of each month is the newest of its month, 12 months back (Jan … Dec 2026); Dec 2025 is the 13th
    for (const [y, m, d] of [[2026, 10, 31], [2026, 2, 28], [2026, 1, 31]] as const) expect(kept.has(named(at(y, m, d)).name)).toBe(true);
    expect(kept.has(named(at(2025, 12, 31)).name)).toBe(false);
    expect(kept.has(named(at(2026, 10, 30)).name)).toBe(false);
    expect(r.keep.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(r.keep.length + r.remove.length).toBe(400);
  });

  it('a week that runs across New Year is one week; the months either side are two', () => {
    // Mon 28 Dec 2026 … Sun 3 Jan 2027 is one ISO week
    const week = [at(2026, 12, 28), at(2026, 12, 31), at(2027, 1, 2)].map((d) => named(d));
    const weekly = planRetention(week, { keepDaily: 1, keepWeekly: 1, keepMonthly: 0 });
    expect(weekly.keep).toEqual([week[2]!.name]);
    const monthly = planRetention(week, { keepDaily: 1, keepWeekly: 0, keepMonthly: 2 });
    expect(monthly.keep).toEqual([week[2]!.name, week[1]!.name]);
  });

  it('Sunday and Monday belong to different weeks; the last and first day of a month to different months', () => {
    const sunday = named(at(2026, 11, 29));
    const monday = named(at(2026, 11, 30));
    expect(planRetention([sunday, monday], { keepDaily: 1, keepWeekly: 2, keepMonthly: 0 }).keep).toEqual([monday.name, sunday.name]);
    const lastOfMonth = named(at(2026, 11, 30, 23, 59));
    const firstOfNext = named(at(2026, 12, 1, 0, 1));
    expect(planRetention([lastOfMonth, firstOfNext], { keepDaily: 1, keepWeekly: 0, keepMonthly: 2 }).keep).toEqual([firstOfNext.name, lastOfMonth.name]);
    expect(planRetention([lastOfMonth, firstOfNext], { keepDaily: 1, keepWeekly: 1, keepMonthly: 0 }).keep).toEqual([firstOfNext.name]);
  });

  it('a failed backup fills no slot: kept only while newer than every good one', () => {
    const good = named(at(2026, 12, 3));
    const failedOld = named(at(2026, 12, 2), false);
    const failedNew = named(at(2026, 12, 4), false);
    const r = planRetention([good, failedOld, failedNew], POLICY);
    expect(r.keep).toEqual([failedNew.name, good.name]);
    expect(r.remove).toEqual([failedOld.name]);
    // with only failures, nothing good is removed for them and they are all still shown
    expect(planRetention([failedOld, failedNew], POLICY).remove).toEqual([]);
  });
});
