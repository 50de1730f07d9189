/**
 * Our XML serializer against xmlbuilder2 as the oracle: the file we write, parsed back by
 * xmlbuilder2, is the same document xmlbuilder2 renders from the same tree — elements,
 * order, attributes, namespaces and escaping (&, <, >, quotes in text).
 */
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { fatturaTree, fatturaXml } from '../../../src-main/modules/invoicing/fatturapa/xml';
import { FOREIGN, invoiceDoc } from '../../builders/invoiceDocuments';

const render = (xml: string) => create(xml).end({ prettyPrint: true });

describe('FatturaPA serializer', () => {
  it('writes what xmlbuilder2 writes from the same tree, escaping included', () => {
    const doc = invoiceDoc({
      kind: 'TD24',
      customer: { ...FOREIGN, name: 'Müller & Söhne <GmbH> "Feinkost"' },
      notes: ["Consegna: 'piano terra' & <portineria>"],
      lines: [
        { description: 'Torta "Sacher" & panna < 1 kg >', qtyMilli: 2500, unitPrice: '17.33', discounts: '10+5' },
        { description: 'Panettone', qtyMilli: 1000, unitPrice: '25.40983607', vatBp: 0, natura: 'N3.2' },
      ],
      ddts: [{ number: '1/2026', date: '2026-10-01', lineNumbers: [1, 2] }],
    });
    const ours = fatturaXml(doc, { progressivo: '0000A' });
    const oracle = create({ version: '1.0', encoding: 'UTF-8' }, fatturaTree(doc, { progressivo: '0000A' })).end({ prettyPrint: true });
    expect(render(ours)).toBe(render(oracle));
    expect(ours).toContain('<Denominazione>Müller &amp; Söhne &lt;GmbH&gt; "Feinkost"</Denominazione>');
    expect(ours.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<p:FatturaElettronica versione="FPR12"')).toBe(true);
  });
});
