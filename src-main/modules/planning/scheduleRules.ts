/**
 * The two judgements the schedule makes about a day and a job, kept apart so they are
 * written once and tested on their own.
 */

/** Planned beyond capacity on a working day; a day off has none (what is planned there runs on the next working day). */
export function overloadMinutes(working: boolean, plannedMinutes: number, capacityMinutes: number): number {
  return working ? Math.max(0, plannedMinutes - capacityMinutes) : 0;
}

/** A job is overdue when its planned day has passed; late when overdue or when the queue finishes it after its due date. */
export function jobLateness(job: { plannedOn: string; finishesOn: string; dueOn: string }, today: string): { overdue: boolean; late: boolean } {
  const overdue = job.plannedOn < today;
  return { overdue, late: overdue || job.finishesOn > job.dueOn };
}
