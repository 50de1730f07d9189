/**
 * The shipment form's own checks: what the user typed is refused on its field before it is
 * sent ("-1" colli is an error, not 0), and the server's line numbers come back as the
 * form's rows even when some rows were left empty and not sent.
 */
import { describe, expect, it } from 'vitest';
import { checkValues, emptyValues, formKey, toInput, type ShipmentFormValues } from '../../../src-renderer/screens/shipments/shipmentFormValues';
import { createTranslator, hasMessage } from '../../../src-shared/i18n';

const pcs = () => 'pcs' as const;

function values(patch: Partial<ShipmentFormValues> = {}): ShipmentFormValues {
  return { ...emptyValues('scatole'), picks: [{ orderLineId: 1, lotId: 10, quantity: '5' }], ...patch };
}

describe('shipment form checks', () => {
  it('refuses -1 packages on the packages field instead of sending no packages', () => {
    expect(checkValues(values({ count: '-1' }), pcs)).toEqual({ packages: { key: 'package_count' } });
    expect(checkValues(values({ count: '2,5' }), pcs)).toHaveProperty('packages');
    expect(checkValues(values({ count: '' }), pcs)).toEqual({});
  });

  it('refuses a negative or unreadable weight, a bad time and an incomplete other destination, each on its field', () => {
    const errs = checkValues(values({ grossWeight: '-3', tare: 'due', startDate: '2026-10-23', startTime: '25:00', otherDestination: true, destination: { name: 'Fiera', street: '', postcode: '', city: 'Bologna', province: '', country: 'ITA' } }), pcs);
    expect(errs).toEqual({
      grossWeight: { key: 'not_negative' },
      'packages.0.tare': { key: 'weight.not_a_number' },
      'transportStart.time': { key: 'time' },
      'destination.street': { key: 'required' },
      'destination.country': { key: 'country_code' },
    });
  });

  it('refuses a line quantity that is not a quantity, naming its row and the unit', () => {
    const v = values({ picks: [{ orderLineId: 1, lotId: 10, quantity: '5' }, { orderLineId: 2, lotId: 11, quantity: 'tre' }] });
    expect(checkValues(v, pcs)).toEqual({ 'picks.1.quantity': { key: 'quantity.not_a_number', params: { unit: 'pcs' } } });
  });

  it('confirming asks for packages and, when items have no weight, a gross weight', () => {
    expect(checkValues(values({ count: '0' }), pcs, { weightKnown: false })).toEqual({ packages: { key: 'packages_missing' }, grossWeight: { key: 'weight_missing' } });
    expect(checkValues(values({ count: '2' }), pcs, { weightKnown: true })).toEqual({});
  });

  it('every key the checks use has an Italian and an English message', () => {
    for (const lang of ['it', 'en'] as const) {
      const t = createTranslator(lang);
      for (const key of ['package_count', 'not_negative', 'weight.not_a_number', 'time', 'required', 'country_code', 'packages_missing', 'weight_missing', 'nothing_to_ship']) expect(hasMessage(`issue.${key}`) && t(`issue.${key}` as Parameters<typeof t>[0])).toBeTruthy();
    }
  });
});

describe('sending and reading back', () => {
  it('sends only rows with a quantity, and maps the server line index back to the form row', () => {
    const v = values({
      count: '3',
      tare: '0,2',
      startDate: '2026-10-23',
      startTime: '9.05',
      picks: [
        { orderLineId: 1, lotId: 10, quantity: '' },
        { orderLineId: 2, lotId: 11, quantity: '0' },
        { orderLineId: 3, lotId: 12, quantity: '4' },
      ],
    });
    const { input, rows } = toInput(v);
    expect(input.lines).toEqual([{ orderLineId: 3, lotId: 12, quantity: '4' }]);
    expect(input.packages).toEqual([{ count: 3, appearance: 'scatole', tare: '0,2' }]);
    expect(input.transportStart).toBe('2026-10-23T09:05');
    expect(input.destination).toBeNull();
    expect(formKey('lines.0.quantity', rows)).toBe('picks.2.quantity');
    expect(formKey('packages.0.count', rows)).toBe('packages');
    expect(formKey('transportStart', rows)).toBe('transportStart.date');
  });
});
