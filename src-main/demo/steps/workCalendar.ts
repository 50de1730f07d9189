/**
 * The workshop's calendar (Settings → Calendar): Florence's patron saint (San Giovanni,
 * 24 June), two weeks closed in August and the Christmas closure across the year end, and
 * transit days by carrier and zone, so demo promises skip what a real workshop skips.
 */
import type { Ctx } from '../../api/context';
import { demoCall } from '../call';
import type { Rng } from '../rng';
import type { DemoState, DemoStep } from '../types';

export const workCalendarStep: DemoStep = {
  name: 'work-calendar',
  run(ctx: Ctx, _rng: Rng, state: DemoState) {
    const y = state.baseDate.getUTCFullYear();
    const closures = [
      { from: `${y}-08-10`, to: `${y}-08-21`, name: 'Ferie estive' },
      { from: `${y}-12-24`, to: `${y + 1}-01-06`, name: 'Chiusura natalizia' },
    ];
    demoCall(ctx, 'settings.update', {
      planning: {
        workingWeekdays: [1, 2, 3, 4, 5],
        productionMinutesPerDay: 450,
        patronSaint: { day: '06-24', name: 'San Giovanni Battista' },
        closures,
        transit: [
          { carrier: 'BRT', zone: 'FI', days: 1 },
          { carrier: 'BRT', zone: 'IT', days: 2 },
          { carrier: 'BRT', zone: 'CA', days: 3 },
          { carrier: 'DHL', zone: '', days: 4 },
        ],
        defaultTransitDays: 2,
      },
    });
    return { closures: closures.length };
  },
};
