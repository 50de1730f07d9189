import { describe, expect, it } from 'vitest';
import { composeOrderConfirmed, composeShipmentSent, escapeHtml, trackingLink } from '../../../src-main/modules/notifications/compose';

const sender = { name: 'Saponificio <Bianchi>', email: 'ordini@bianchi.example', phone: '' };

describe('customer emails', () => {
  it('tracking link from the carrier template, matched loosely, tracking URL-encoded', () => {
    const t = [{ carrier: 'BRT', url: 'https://brt.example/t?n={tracking}' }, { carrier: 'Poste Italiane', url: 'https://poste.example/{tracking}' }];
    expect(trackingLink('brt', 'A B/1', t)).toBe('https://brt.example/t?n=A%20B%2F1');
    expect(trackingLink('BRT Express', 'X', t)).toBe('https://brt.example/t?n=X');
    expect(trackingLink('posteitaliane', 'X', t)).toBe('https://poste.example/X');
    expect(trackingLink('DHL', 'X', t)).toBeNull();
    expect(trackingLink('BRT', null, t)).toBeNull();
  });

  it('order confirmation: totals net, VAT, gross; HTML escaped', () => {
    const m = composeOrderConfirmed(
      { number: '2026/0007', customerName: 'Bar <Sole>', email: 'a@b.c', language: 'it', orderedOn: '2026-10-22', promisedOn: null, requestedOn: null, externalRef: '#1001', lines: [{ name: 'Sapone', quantity: '2 pz', netCents: 1300 }], totalCents: 1300, vatCents: 286 },
      sender,
    );
    expect(m.subject).toBe('Conferma ordine 2026/0007 — Saponificio <Bianchi>');
    expect(m.text).toContain('Suo riferimento: #1001');
    expect(m.text).toMatch(/Totale: 15,86\s€/);
    expect(m.html).toContain('Gentile Bar &lt;Sole&gt;,');
    expect(m.html).not.toContain('<Sole>');
  });

  it('shipment sent in English with the link in text and HTML', () => {
    const m = composeShipmentSent(
      { number: '4/2026', ddtNumber: null, customerName: 'Shop', email: 'a@b.c', language: 'en', shippedOn: '2026-10-22', carrier: 'GLS', service: null, tracking: '123', packages: 2, orderNumbers: ['2026/0001'], lines: [{ name: 'Soap', quantity: '3 pcs', lotCode: 'L1' }], destination: ['Shop', 'Via Roma 1'] },
      sender,
      'https://gls.example/123',
    );
    expect(m.text).toContain('GLS (2 packages)');
    expect(m.text).toContain('Track your parcel: https://gls.example/123');
    expect(m.text).toContain('- Soap: 3 pcs (lot L1)');
    expect(m.html).toContain('<a href="https://gls.example/123">');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
