import { bulkInsertLabelFacts } from '../../modules/labels/bulkLoad';
import type { DemoStep } from '../types';

/**
 * Label facts for the demo's products and intermediates, so their labels come out worded
 * as in a real workshop: soaps, creams and balms are cosmetics (batch + PAO), what is
 * eaten is food (best before), candles and the rest "other"; 12 to a case.
 */
const COSMETIC = /sapon|crema|cream|balsam|lozion|olio corpo|burro|scrub|shampoo|deodor|soap|balm/i;
const FOOD = /miele|marmellat|biscott|sugo|confettur|tisana|cioccolat|honey|jam/i;

export const labelFactsStep: DemoStep = {
  name: 'labelFacts',
  run(ctx, _rng, state) {
    let n = 0;
    const at = state.baseDate.toISOString();
    for (const item of state.items) {
      if (item.kind !== 'product' && item.kind !== 'intermediate') continue;
      const cosmetic = COSMETIC.test(item.name);
      const food = !cosmetic && FOOD.test(item.name);
      bulkInsertLabelFacts(ctx, {
        itemId: item.id,
        labelKind: cosmetic ? 'cosmetic' : food ? 'food' : 'other',
        expiryWording: 'best_before',
        paoMonths: cosmetic ? (/crema|cream/i.test(item.name) ? 6 : 12) : null,
        netContent: '',
        unitsPerCase: item.kind === 'product' && item.unit === 'pcs' ? 12 : null,
        updatedAt: at,
      });
      n++;
    }
    return { itemLabelFacts: n };
  },
};
