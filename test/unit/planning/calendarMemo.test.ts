import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../../src-shared/domain/planning/calendar';
import { italianHolidayDates } from '../../../src-main/modules/planning/holidays';

function calendar() {
  return new WorkCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidaysOf: italianHolidayDates, patronDay: null, closures: [], minutesPerDay: 480 });
}

describe('carrier days remembered per ship date and transit', () => {
  it('answers the same on the second asking, and keeps different transits apart', () => {
    const c = calendar();
    // Friday 23 Oct 2026: 1 carrier day → Monday 26, 2 → Tuesday 27 (the weekend is skipped)
    expect(c.addCarrierDays('2026-10-23', 1)).toBe('2026-10-26');
    expect(c.addCarrierDays('2026-10-23', 2)).toBe('2026-10-27');
    expect(c.addCarrierDays('2026-10-23', 1)).toBe('2026-10-26');
    expect(c.addCarrierDays('2026-10-23', 0)).toBe('2026-10-23');
    // Thursday 31 Dec: 1 January is a holiday for carriers too → Monday 4 January 2027
    expect(c.addCarrierDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(c.addCarrierDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});
