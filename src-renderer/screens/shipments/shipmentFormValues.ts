/**
 * What the shipment form holds, as typed, and the two ways out of it: the checks that
 * refuse a bad value on its field before anything is sent (the same rules the server
 * applies: "-1" colli is an error, not 0), and the `shipping.create` / `shipping.update`
 * input. A draft reopened fills the same values, so new and saved drafts share one form.
 */
import type { Address, Shipment, TRANSPORT_BY } from '../../../src-shared/contract/shipping';
import { parseQuantity, QuantityError } from '../../../src-shared/domain/quantity';
import type { Unit } from '../../../src-shared/domain/units';

export interface Pick {
  orderLineId: number;
  lotId: number;
  quantity: string;
}

export type DestinationValues = Omit<Address, never>;

export interface ShipmentFormValues {
  picks: Pick[];
  /** colli, as typed: '' or 0 is "not given yet" (a draft may lack them, confirming may not) */
  count: string;
  appearance: string;
  tare: string;
  grossWeight: string;
  carrier: string;
  service: string;
  tracking: string;
  transportBy: (typeof TRANSPORT_BY)[number];
  causale: string;
  /** "YYYY-MM-DD" or '' */
  startDate: string;
  /** "HH:MM" or '' */
  startTime: string;
  notes: string;
  /** the goods go somewhere else than the customer's shipping address */
  otherDestination: boolean;
  destination: DestinationValues;
}

export const EMPTY_DESTINATION: DestinationValues = { name: '', street: '', postcode: '', city: '', province: '', country: 'IT' };

export function emptyValues(appearance: string): ShipmentFormValues {
  return {
    picks: [],
    count: '1',
    appearance,
    tare: '',
    grossWeight: '',
    carrier: '',
    service: '',
    tracking: '',
    transportBy: 'carrier',
    causale: 'vendita',
    startDate: '',
    startTime: '',
    notes: '',
    otherDestination: false,
    destination: EMPTY_DESTINATION,
  };
}

export function sameAddress(a: DestinationValues, b: DestinationValues): boolean {
  const norm = (x: DestinationValues) => [x.name, x.street, x.postcode, x.city, x.province, x.country].map((v) => v.trim().toLowerCase()).join('|');
  return norm(a) === norm(b);
}

/**
 * A saved draft as form values. `shipTo` is the customer's own shipping address: a draft
 * whose destination differs from it was sent somewhere else.
 */
export function valuesOfShipment(
  s: Shipment,
  shipTo: Address,
  fmtQty: (milli: number, unit: Unit) => string,
  /** grams as kg for a field, in the user's language ("0,35") */
  kgText: (g: number) => string,
): ShipmentFormValues {
  const tare = s.packages[0]?.tareG ?? 0;
  const [date, time] = s.transportStart ? s.transportStart.split('T') : ['', ''];
  return {
    picks: s.lines.map((l) => ({ orderLineId: l.orderLineId, lotId: l.lot.id, quantity: fmtQty(l.qtyMilli, l.item.unit) })),
    count: String(s.packageCount),
    appearance: s.appearance,
    tare: tare > 0 ? kgText(tare) : '',
    grossWeight: s.grossWeightTyped && s.grossWeightG !== null ? kgText(s.grossWeightG) : '',
    carrier: s.carrier ?? '',
    service: s.carrierService ?? '',
    tracking: s.trackingNumber ?? '',
    transportBy: s.transportBy,
    causale: s.causale,
    startDate: date ?? '',
    startTime: time ?? '',
    notes: s.notes,
    otherDestination: !sameAddress(s.destination, shipTo),
    destination: { ...s.destination },
  };
}

/** One field's problem: the message key under `issue.` and its parameters (translated by the form). */
export interface FormIssue {
  key: string;
  params?: Record<string, string | number>;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

function weightIssue(text: string): FormIssue | null {
  if (text.trim() === '') return null;
  try {
    return parseQuantity(text, 'kg') < 0 ? { key: 'not_negative' } : null;
  } catch {
    return { key: 'weight.not_a_number' };
  }
}

/** Lines that ship (a quantity other than empty or 0), each with the row it came from. */
export function shippedPicks(picks: Pick[]): { pick: Pick; row: number }[] {
  return picks.map((pick, row) => ({ pick, row })).filter(({ pick }) => pick.quantity.trim() !== '' && !/^0+([.,]0*)?$/.test(pick.quantity.trim().split(/\s/)[0]!));
}

/**
 * Every field the form refuses before sending, by field key ('picks.2.quantity',
 * 'packages', 'grossWeight', 'destination.city'…). `unitOf` gives the unit of a line.
 */
export function checkValues(
  v: ShipmentFormValues,
  unitOf: (orderLineId: number) => Unit | null,
  /** confirming also needs packages, and a weight when the items' weights do not give one */
  confirming?: { weightKnown: boolean },
): Record<string, FormIssue> {
  const out: Record<string, FormIssue> = {};
  if (confirming && /^0*$/.test(v.count.trim())) out['packages'] = { key: 'packages_missing' };
  if (confirming && !confirming.weightKnown && v.grossWeight.trim() === '') out['grossWeight'] = { key: 'weight_missing' };
  v.picks.forEach((p, i) => {
    const text = p.quantity.trim();
    const unit = unitOf(p.orderLineId);
    if (text === '' || unit === null) return;
    try {
      if (parseQuantity(text, unit) < 0) out[`picks.${i}.quantity`] = { key: 'not_negative' };
    } catch (err) {
      out[`picks.${i}.quantity`] = { key: `quantity.${err instanceof QuantityError ? err.reason : 'not_a_number'}`, params: { unit } };
    }
  });
  if (shippedPicks(v.picks).length === 0 && v.picks.length > 0) out['picks'] = { key: 'nothing_to_ship' };
  const count = v.count.trim();
  if (count !== '' && !(/^\d{1,4}$/.test(count))) out['packages'] = { key: 'package_count' };
  const tare = weightIssue(v.tare);
  if (tare) out['packages.0.tare'] = tare;
  const gross = weightIssue(v.grossWeight);
  if (gross) out['grossWeight'] = gross;
  if (v.startTime.trim() !== '' && !TIME.test(v.startTime.trim())) out['transportStart.time'] = { key: 'time' };
  if (v.startDate === '' && v.startTime.trim() !== '') out['transportStart.date'] = { key: 'required' };
  if (v.startDate !== '' && v.startTime.trim() === '') out['transportStart.time'] = { key: 'required' };
  if (v.causale.trim() === '') out['causale'] = { key: 'required' };
  if (v.otherDestination) {
    for (const f of ['name', 'street', 'city'] as const) if (v.destination[f].trim() === '') out[`destination.${f}`] = { key: 'required' };
    if (v.destination.country.trim().length !== 2) out['destination.country'] = { key: 'country_code' };
  }
  return out;
}

/** "9.5" → "09:05"-style padding for the contract's YYYY-MM-DDTHH:MM. */
function isoTime(text: string): string {
  const m = TIME.exec(text.trim())!;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * The command input of checked values, and for each sent line the form row it came from
 * (the server names lines by their place in what it received; the form by its row).
 */
export function toInput(v: ShipmentFormValues) {
  const sent = shippedPicks(v.picks);
  const count = Number(v.count.trim() || '0');
  return {
    rows: sent.map((s) => s.row),
    input: {
      lines: sent.map(({ pick }) => pick),
      packages: count > 0 ? [{ count, appearance: v.appearance, tare: v.tare.trim() || null }] : [],
      grossWeight: v.grossWeight.trim() || null,
      carrier: v.carrier.trim() || null,
      carrierService: v.service.trim() || null,
      trackingNumber: v.tracking.trim() || null,
      transportBy: v.transportBy,
      causale: v.causale.trim(),
      transportStart: v.startDate ? `${v.startDate}T${isoTime(v.startTime)}` : null,
      destination: v.otherDestination ? { ...v.destination, country: v.destination.country.trim().toUpperCase() } : null,
      notes: v.notes,
    },
  };
}

/**
 * A server's field key in form terms: 'lines.1.quantity' → 'picks.3.quantity' (the row
 * the second sent line came from), 'transportStart' → the date field; others unchanged.
 */
export function formKey(serverKey: string, rows: number[]): string {
  const m = /^lines\.(\d+)(\..*)?$/.exec(serverKey);
  if (m) {
    const row = rows[Number(m[1])];
    return row === undefined ? 'picks' : `picks.${row}${m[2] ?? ''}`;
  }
  if (serverKey === 'lines') return 'picks';
  if (serverKey.startsWith('packages.') && serverKey.endsWith('.count')) return 'packages';
  if (serverKey === 'transportStart') return 'transportStart.date';
  return serverKey;
}
