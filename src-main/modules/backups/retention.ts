/**
 * Grandfather-father-son retention, as restic's --keep-daily/--keep-weekly/--keep-monthly:
 * each tier keeps the newest good backup of each of its N most recent periods that have
 * one (days; weeks from Monday; calendar months), in local time. A backup kept by any tier
 * stays. A backup whose check failed never fills a slot; it stays only while it is newer
 * than every good one (so the list shows the failure), and goes once a good one follows.
 * Pure: the caller deletes what `remove` names.
 */
export interface RetentionPolicy {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export interface Candidate {
  name: string;
  at: Date;
  ok: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The Monday that starts the week: unique per week, and a week across New Year is one week. */
const weekKey = (d: Date) => dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)));
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

function newestPerPeriod(sorted: Candidate[], key: (d: Date) => string, periods: number, keep: Set<string>): void {
  const seen = new Set<string>();
  for (const c of sorted) {
    if (seen.size >= periods) return;
    const k = key(c.at);
    if (seen.has(k)) continue;
    seen.add(k);
    keep.add(c.name);
  }
}

export function planRetention(backups: Candidate[], policy: RetentionPolicy): { keep: string[]; remove: string[] } {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const good = newestFirst.filter((c) => c.ok);
  const keep = new Set<string>();
  newestPerPeriod(good, dayKey, policy.keepDaily, keep);
  newestPerPeriod(good, weekKey, policy.keepWeekly, keep);
  newestPerPeriod(good, monthKey, policy.keepMonthly, keep);
  const newestGood = good[0]?.at.getTime() ?? -Infinity;
  for (const c of newestFirst) if (!c.ok && c.at.getTime() > newestGood) keep.add(c.name);
  return {
    keep: newestFirst.filter((c) => keep.has(c.name)).map((c) => c.name),
    remove: newestFirst.filter((c) => !keep.has(c.name)).map((c) => c.name),
  };
}
