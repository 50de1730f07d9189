import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';
import { decodeBarcodes, pdfPages, pdfText } from '../support/pdfTools';
import { parseEml } from '../support/eml';
import { fillCompany, readyOrder, resetWorkshop } from './shipping/workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
const artifacts = join(process.cwd(), 'test-results', 'labels');

beforeEach(() => {
  t = tempDir();
  mkdirSync(artifacts, { recursive: true });
  resetWorkshop();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  fillCompany(app);
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function confirmedShipment(language: 'it' | 'en', phone?: string) {
  const w = readyOrder(app, { language, ...(phone ? { phone } : {}) });
  const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
  const draft = app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 3, appearance: 'scatole' }],
    carrier: 'BRT',
    carrierService: 'Express',
    trackingNumber: 'BRT 123/456',
  });
  return { w, shipment: app.call('shipping.confirm', { id: draft.id }) };
}

describe('shipping labels', () => {
  it('one label per package with the address block, DDT, n/N, carrier, tracking; Code 128 of the DDT number decodes back', async () => {
    const { shipment } = confirmedShipment('it');
    expect(shipment.ddt?.number).toBe('1/2026');
    for (const layout of ['thermal_100x150', 'a4_3x8'] as const) {
      const pdf = await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout });
      expect(pdf.labels).toBe(3);
      expect(pdf.pages).toBe(layout === 'thermal_100x150' ? 3 : 1);
      const pages = pdfPages(Buffer.from(pdf.base64, 'base64'), artifacts, `shipping-${layout}`);
      const symbols = pages.flatMap((p) => decodeBarcodes(p));
      expect(symbols.length).toBeGreaterThanOrEqual(pages.length);
      expect(new Set(symbols.map((s) => `${s.symbology}:${s.data}`))).toEqual(new Set(['CODE-128:1/2026']));
    }
    // the small sheet label keeps what the courier needs: recipient, DDT and package n/N
    const small = pdfText(Buffer.from((await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout: 'a4_3x8' })).base64, 'base64'), t.dir, 'ship-a4');
    for (const s of ['Erboristeria La Malva', '40121 Bologna (BO)', 'DDT 1/2026 · Collo 1/3', 'DDT 1/2026 · Collo 3/3', 'Tracking: BRT 123/456']) expect(small).toContain(s);
    const text = pdfText(Buffer.from((await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout: 'thermal_100x150' })).base64, 'base64'), t.dir, 'ship');
    for (const s of ['Mittente: Saponificio Aurora S.r.l.', 'Erboristeria La Malva', 'Via del Magazzino, 3', '40121 Bologna (BO)', 'DDT 1/2026', 'Collo 1/3', 'Collo 2/3', 'Collo 3/3', 'Corriere: BRT — Express', 'Tracking: BRT 123/456']) {
      expect(text).toContain(s);
    }
  });

  it('shows the gross weight and the recipient phone, on the thermal label and on the small sheet label', async () => {
    const { shipment } = confirmedShipment('it', '+39 051 765432');
    // 25 soaps of 120 g and 2 creams of 75 g
    expect(shipment.grossWeightG).toBe(3150);
    for (const layout of ['thermal_100x150', 'a4_3x8'] as const) {
      const pdf = Buffer.from((await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout })).base64, 'base64');
      pdfPages(pdf, artifacts, `shipping-weight-phone-${layout}`, 100);
      const text = pdfText(pdf, t.dir, `ship-weight-${layout}`);
      expect(text, layout).toContain('Tel. +39 051 765432');
      expect(text, layout).toContain('Peso lordo 3,15 kg');
    }
    const en = await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout: 'roll_62', language: 'en' });
    const enText = pdfText(Buffer.from(en.base64, 'base64'), t.dir, 'ship-weight-en');
    expect(enText).toContain('Phone +39 051 765432');
    expect(enText).toContain('Gross weight 3.15 kg');
  });

  it('English customer: English label words', async () => {
    const { shipment } = confirmedShipment('en');
    const pdf = await app.callAsync('labels.shipmentPdf', { shipmentId: shipment.id, layout: 'roll_62' });
    const text = pdfText(Buffer.from(pdf.base64, 'base64'), t.dir, 'ship-en');
    expect(text).toContain('Package 1/3');
    expect(text).toContain('Delivery note 1/2026');
  });
});

describe('shipment sent email', () => {
  it('in the customer\'s language with the tracking link from the carrier template, as a draft', async () => {
    const { shipment } = confirmedShipment('en');
    const preview = app.call('notifications.preview', { kind: 'shipment_sent', docId: shipment.id });
    expect(preview.trackingLink).toBe('https://vas.brt.it/vas/sped_det_show.hsm?Nspediz=BRT%20123%2F456');
    expect(preview.subject).toBe('Your order has shipped (1/2026) — Saponificio Aurora S.r.l.');
    const rec = await app.callAsync('notifications.send', { kind: 'shipment_sent', docId: shipment.id });
    expect(rec).toMatchObject({ outcome: 'draft', docType: 'shipment', docId: shipment.id });
    const mail = parseEml(readFileSync(rec.emlPath!, 'utf8'));
    expect(mail.text).toContain('your goods left on 22 October 2026 with delivery note no. 1/2026.');
    expect(mail.text).toContain('Tracking number: BRT 123/456');
    expect(mail.text).toContain(`Track your parcel: ${preview.trackingLink}`);
    expect(mail.text).toMatch(/Sapone alla lavanda: 10 pcs \(lot L\S+\)/);
    expect(mail.html).toContain(`<a href="${preview.trackingLink}">`);
    expect(app.call('notifications.history', { docType: 'shipment', docId: shipment.id }).records).toHaveLength(1);
  });

  it('a draft shipment is not announced', async () => {
    const w = readyOrder(app);
    const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
    const draft = app.call('shipping.create', { lines: [{ orderLineId: proposal.lines[0]!.orderLineId, lotId: proposal.lines[0]!.lots[0]!.lotId, quantity: '1' }], packages: [{ count: 1 }] });
    await expect(app.callAsync('notifications.send', { kind: 'shipment_sent', docId: draft.id })).rejects.toMatchObject({ envelope: { error: { code: 'CONFLICT' } } });
  });
});
