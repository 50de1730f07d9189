/**
 * Shipping labels: one per package (collo) of a shipment, in the customer's language —
 * the courier reads the address block, the customer the rest. The barcode carries the
 * DDT number once confirmed (what the office looks up), before that the shipment's id.
 */
import type { Address, Shipment } from '../../../src-shared/contract/shipping';
import type { Handler } from '../../api/handlers';
import type { AppSettings } from '../../../src-shared/contract/settings';
import type { ShippingLabel } from '../../documents/labels/model';
import { LABEL_WORDS, type LabelLanguage } from '../../documents/labels/wording';
import { formatQuantity } from '../../../src-shared/domain/quantity';
import { loadShipment } from '../shipping/shipmentRows';
import { readSettings } from '../settings/store';
import { formatMoney } from '../../../src-shared/domain/money';
import { cashOnDeliveryCents } from '../orders/cashOnDelivery';
import { labelsPdfOut } from './pdfs';
import { readLabelSettings } from './settings';

export function addressLines(a: Pick<Address, 'name' | 'street' | 'postcode' | 'city' | 'province' | 'country'>): string[] {
  return [
    a.name,
    a.street,
    [a.postcode, a.city, a.province ? `(${a.province})` : ''].filter(Boolean).join(' '),
    a.country && a.country !== 'IT' ? a.country : '',
  ].filter((l) => l.trim() !== '');
}

/** What the barcode of a shipment encodes: its DDT number, or S-<id> while it is a draft. */
export function shipmentCode(s: Pick<Shipment, 'id' | 'ddt'>): string {
  return s.ddt ? s.ddt.number : `S-${s.id}`;
}

export function shippingLabels(s: Shipment, company: AppSettings['company'], lang: LabelLanguage, codCents: number | null = null): ShippingLabel[] {
  const w = LABEL_WORDS[lang];
  const total = Math.max(1, s.packageCount);
  const sender = addressLines({ name: company.name || 'Bottega', street: company.street, postcode: company.postcode, city: company.city, province: company.province, country: company.country });
  const code = shipmentCode(s);
  const documentLine = s.ddt ? `${w.ddt} ${s.ddt.number}` : `${w.shipment} ${code}`;
  const carrierLine = s.carrier ? `${w.carrier}: ${[s.carrier, s.carrierService].filter(Boolean).join(' — ')}` : null;
  const trackingLine = s.trackingNumber ? `${w.tracking}: ${s.trackingNumber}` : null;
  const codLine = codCents ? `${w.cashOnDelivery} ${formatMoney(codCents, lang === 'it' ? 'it-IT' : 'en-GB')}` : null;
  const phoneLine = s.customer.phone ? `${w.phone} ${s.customer.phone}` : null;
  // grams, printed in kg like the DDT's "Peso lordo"
  const weightLine = s.grossWeightG !== null && s.grossWeightG > 0 ? `${w.grossWeight} ${formatQuantity(s.grossWeightG, 'kg', lang === 'it' ? 'it-IT' : 'en-GB')}` : null;
  return Array.from({ length: total }, (_, i) => ({
    kind: 'shipping' as const,
    senderLines: [`${w.sender}: ${sender[0]}`, ...sender.slice(1)],
    recipientLines: addressLines(s.destination),
    phoneLine,
    weightLine,
    documentLine,
    packageLine: `${w.package} ${i + 1}/${total}`,
    carrierLine,
    trackingLine,
    codLine,
    barcode: { symbology: 'code128' as const, text: code, humanText: code },
  }));
}

export const shipmentLabelsPdf: Handler<'labels.shipmentPdf'> = (ctx, input) => {
  const s = loadShipment(ctx, input.shipmentId);
  const lang = input.language ?? s.customer.language;
  const labels = shippingLabels(s, readSettings(ctx).company, lang, cashOnDeliveryCents(ctx, s.orders.map((o) => o.id)));
  const layout = input.layout ?? readLabelSettings(ctx).shipping;
  return labelsPdfOut(labels, layout, input.skip, `shipping-labels-${shipmentCode(s)}`);
};
