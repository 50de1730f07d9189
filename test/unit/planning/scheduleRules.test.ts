import { describe, expect, it } from 'vitest';
import { jobLateness, overloadMinutes } from '../../../src-main/modules/planning/scheduleRules';

describe('schedule rules', () => {
  it('overload: planned beyond capacity on a working day, never on a day off', () => {
    expect(overloadMinutes(true, 540, 450)).toBe(90);
    expect(overloadMinutes(true, 360, 450)).toBe(0);
    // a non-working Saturday with 90 minutes planned on it carries no overload
    expect(overloadMinutes(false, 90, 0)).toBe(0);
  });

  it('a job planned for yesterday is overdue and late even when its due date is ahead', () => {
    expect(jobLateness({ plannedOn: '2026-10-21', finishesOn: '2026-10-22', dueOn: '2026-10-30' }, '2026-10-22')).toEqual({ overdue: true, late: true });
    expect(jobLateness({ plannedOn: '2026-10-22', finishesOn: '2026-10-22', dueOn: '2026-10-30' }, '2026-10-22')).toEqual({ overdue: false, late: false });
    expect(jobLateness({ plannedOn: '2026-10-22', finishesOn: '2026-10-31', dueOn: '2026-10-30' }, '2026-10-22')).toEqual({ overdue: false, late: true });
  });
});
