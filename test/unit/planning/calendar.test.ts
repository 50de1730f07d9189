import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { CapacityBoard } from '../../../src-shared/domain/planning/capacity';
import { italianHolidayDates } from '../../../src-main/modules/planning/holidays';

function calendar(extra: Partial<ConstructorParameters<typeof WorkCalendar>[0]> = {}) {
  return new WorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidaysOf: italianHolidayDates, patronDay: null, closures: [], minutesPerDay: 480, ...extra });
}

describe('work calendar', () => {
  it('skips weekends: Friday + 1 working day is Monday', () => {
    const c = calendar();
    expect(c.addWorkingDays('2026-10-23', 1)).toBe('2026-10-26');
    expect(c.onOrAfter('2026-10-24')).toBe('2026-10-26');
    expect(c.isWorkingDay('2026-10-25')).toBe(false);
  });

  it('knows Easter Monday of every year from the library, not a table', () => {
    const c = calendar();
    expect(c.isWorkingDay('2026-04-06')).toBe(false);
    expect(c.isWorkingDay('2027-03-29')).toBe(false);
    expect(c.isWorkingDay('2031-04-14')).toBe(false);
    // Thursday before Easter 2027 + 1 working day: Friday 26 March; + 2: Tuesday 30 (Monday 29 is Pasquetta)
    expect(c.addWorkingDays('2027-03-25', 2)).toBe('2027-03-30');
  });

  it('15 August is a holiday whatever the weekday', () => {
    const c = calendar();
    expect(c.isWorkingDay('2029-08-15')).toBe(false); // a Wednesday
    expect(c.nextWorkingDay('2029-08-14')).toBe('2029-08-16');
  });

  it('a company closure spanning a month end and the patron saint', () => {
    const c = calendar({ closures: [{ from: '2026-07-27', to: '2026-08-07', name: 'Ferie' }], patronDay: '12-07' });
    expect(c.nextWorkingDay('2026-07-24')).toBe('2026-08-10');
    expect(c.isWorkingDay('2026-07-31')).toBe(false);
    expect(c.isWorkingDay('2026-08-03')).toBe(false);
    expect(c.isWorkingDay('2026-12-07')).toBe(false);
    // Sant'Ambrogio Monday 7, Immacolata Tuesday 8: Friday 4 Dec + 1 = Wednesday 9
    expect(c.addWorkingDays('2026-12-04', 1)).toBe('2026-12-09');
  });

  it('carriers do not stop for our closures, only for weekends and public holidays', () => {
    const c = calendar({ closures: [{ from: '2026-07-27', to: '2026-08-07', name: 'Ferie' }] });
    expect(c.addCarrierDays('2026-07-24', 1)).toBe('2026-07-27');
    expect(c.addCarrierDays('2026-08-14', 1)).toBe('2026-08-17');
  });
});

describe('capacity board', () => {
  it('a batch that does not fit in what is left of the day goes to the next working day', () => {
    const board = new CapacityBoard(calendar(), '2026-10-01');
    expect(board.place(1, 300, '2026-10-23')).toMatchObject({ from: '2026-10-23', to: '2026-10-23' });
    // 180 left on Friday: a 300-minute batch goes to Monday, a 120 one still fits Friday
    expect(board.place(1, 300, '2026-10-23')).toMatchObject({ from: '2026-10-26', to: '2026-10-26' });
    expect(board.place(1, 120, '2026-10-23')).toMatchObject({ from: '2026-10-23', to: '2026-10-23' });
  });

  it('a batch longer than a day runs over several working days', () => {
    const board = new CapacityBoard(calendar(), '2026-10-01');
    const s = board.place(1, 1000, '2026-10-23');
    expect(s.days).toEqual([
      { date: '2026-10-23', minutes: 480 },
      { date: '2026-10-26', minutes: 480 },
      { date: '2026-10-27', minutes: 40 },
    ]);
  });
});
