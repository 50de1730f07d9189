/**
 * Every kind of invoice Bottega writes, as FatturaPA XML, validated by xmllint against the
 * official schema 1.2.2 — and checked clean by our SdI-style checks, since a file can be
 * schema-valid and still be rejected by the SdI.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fatturaXml } from '../../../src-main/modules/invoicing/fatturapa/xml';
import { sdiChecks } from '../../../src-main/modules/invoicing/fatturapa/sdiChecks';
import { validateFattura } from '../../support/xmllint';
import { BUSINESS, CONSUMER, FOREIGN, PEC_CUSTOMER, invoiceDoc } from '../../builders/invoiceDocuments';
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';

const TODAY = '2026-11-10';

function valid(doc: InvoiceDocument, progressivo = '00001') {
  expect(sdiChecks(doc, { today: TODAY })).toEqual([]);
  const xml = fatturaXml(doc, { progressivo });
  const v = validateFattura(xml);
  expect(v.output).toContain('validates');
  expect(v.ok).toBe(true);
  return xml;
}

const cakes = { description: 'Torta della nonna 1 kg', qtyMilli: 4000, unitPrice: '18.50' };

describe('FatturaPA XML against schema 1.2.2 (xmllint --nonet)', () => {
  it('the fixture schema imports xmldsig from the local file, not from the web', () => {
    const xsd = readFileSync(join(__dirname, '../../fixtures/fatturapa/Schema_del_file_xml_FatturaPA_v1.2.2.xsd'), 'utf8');
    expect(xsd).toMatch(/schemaLocation="xmldsig-core-schema.xsd"/);
    expect(xsd).not.toMatch(/schemaLocation="http/);
  });

  it('a broken file is refused by the validator (the check can fail)', () => {
    const xml = fatturaXml(invoiceDoc({ lines: [cakes] }), { progressivo: '00001' }).replace('<TipoDocumento>TD01</TipoDocumento>', '<TipoDocumento>TD99</TipoDocumento>');
    const v = validateFattura(xml);
    expect(v.ok).toBe(false);
    expect(v.output).toMatch(/TipoDocumento/);
  });

  it('TD01 to a business with an SDI code: header, REA, one 22 % line, bank transfer with IBAN', () => {
    const xml = valid(invoiceDoc({ lines: [cakes] }));
    expect(xml).toContain('<FormatoTrasmissione>FPR12</FormatoTrasmissione>');
    expect(xml).toContain('<CodiceDestinatario>M5UXCR1</CodiceDestinatario>');
    expect(xml).not.toContain('PECDestinatario');
    expect(xml).toContain('<RegimeFiscale>RF01</RegimeFiscale>');
    expect(xml).toMatch(/<IscrizioneREA>\s*<Ufficio>FI<\/Ufficio>\s*<NumeroREA>612345<\/NumeroREA>\s*<CapitaleSociale>10000.00<\/CapitaleSociale>\s*<SocioUnico>SU<\/SocioUnico>\s*<StatoLiquidazione>LN<\/StatoLiquidazione>/);
    // 4 × 18,50 = 74,00; VAT 22 % = 16,28; total 90,28
    expect(xml).toContain('<PrezzoTotale>74.00</PrezzoTotale>');
    expect(xml).toMatch(/<ImponibileImporto>74.00<\/ImponibileImporto>\s*<Imposta>16.28<\/Imposta>\s*<EsigibilitaIVA>I<\/EsigibilitaIVA>/);
    expect(xml).toContain('<ImportoTotaleDocumento>90.28</ImportoTotaleDocumento>');
    expect(xml).toContain('<IBAN>IT60X0542811101000000123456</IBAN>');
    expect(xml).toContain('Rossi &amp; Bianchi');
  });

  it('TD24 with several DDTs: each DDT with the lines it covers (RiferimentoNumeroLinea)', () => {
    const xml = valid(
      invoiceDoc({
        kind: 'TD24',
        number: '12/2026',
        date: '2026-10-31',
        lines: [cakes, { ...cakes, description: 'Cantucci 250 g', unitPrice: '4.20', qtyMilli: 24000 }, { description: 'Panettone', qtyMilli: 2000, unitPrice: '25.00' }],
        ddts: [
          { number: '101/2026', date: '2026-10-03', lineNumbers: [1, 2] },
          { number: '118/2026', date: '2026-10-17', lineNumbers: [3] },
        ],
        orders: [{ reference: 'ORD-77', date: '2026-09-30', lineNumbers: [1, 2, 3] }],
      }),
    );
    expect(xml).toContain('<TipoDocumento>TD24</TipoDocumento>');
    expect(xml).toMatch(/<DatiOrdineAcquisto>\s*<RiferimentoNumeroLinea>1<\/RiferimentoNumeroLinea>\s*<RiferimentoNumeroLinea>2<\/RiferimentoNumeroLinea>\s*<RiferimentoNumeroLinea>3<\/RiferimentoNumeroLinea>\s*<IdDocumento>ORD-77<\/IdDocumento>/);
    expect(xml).toMatch(/<DatiDDT>\s*<NumeroDDT>101\/2026<\/NumeroDDT>\s*<DataDDT>2026-10-03<\/DataDDT>\s*<RiferimentoNumeroLinea>1<\/RiferimentoNumeroLinea>\s*<RiferimentoNumeroLinea>2<\/RiferimentoNumeroLinea>\s*<\/DatiDDT>/);
    expect(xml).toMatch(/<DatiDDT>\s*<NumeroDDT>118\/2026<\/NumeroDDT>\s*<DataDDT>2026-10-17<\/DataDDT>\s*<RiferimentoNumeroLinea>3<\/RiferimentoNumeroLinea>/);
  });

  it('TD04 credit note names the invoice it corrects (DatiFattureCollegate) with positive amounts', () => {
    const xml = valid(invoiceDoc({ kind: 'TD04', number: '3/2026', date: '2026-11-05', corrects: { number: '12/2026', date: '2026-10-31' }, lines: [{ ...cakes, qtyMilli: 1000 }] }));
    expect(xml).toContain('<TipoDocumento>TD04</TipoDocumento>');
    expect(xml).toMatch(/<DatiFattureCollegate>\s*<IdDocumento>12\/2026<\/IdDocumento>\s*<Data>2026-10-31<\/Data>\s*<\/DatiFattureCollegate>/);
    expect(xml).toContain('<ImportoTotaleDocumento>22.57</ImportoTotaleDocumento>');
  });

  it('mixed rates 22/10/4 % with a discount chain: one summary row per rate, hand-computed', () => {
    const doc = invoiceDoc({
      lines: [
        { description: 'Confezione regalo', qtyMilli: 3000, unitPrice: '12.90', discounts: '10+5' },
        { description: 'Torta', qtyMilli: 2500, unitPrice: '17.33', vatBp: 1000 },
        { description: 'Pane', qtyMilli: 7000, unitPrice: '3.15', vatBp: 400 },
      ],
    });
    // 3 × 12,90 = 38,70 × 0,90 × 0,95 = 33,0885 → 33,09; VAT 22 % = 7,2798 → 7,28
    // 2,5 × 17,33 = 43,325 → 43,33 (half up); VAT 10 % = 4,333 → 4,33
    // 7 × 3,15 = 22,05; VAT 4 % = 0,882 → 0,88; total 98,47 + 12,49 = 110,96
    expect(doc.vatRows.map((r) => [r.vatBp, r.taxableCents, r.vatCents])).toEqual([
      [2200, 3309, 728],
      [1000, 4333, 433],
      [400, 2205, 88],
    ]);
    expect(doc.totalCents).toBe(11096);
    const xml = valid(doc);
    expect(xml).toMatch(/<ScontoMaggiorazione>\s*<Tipo>SC<\/Tipo>\s*<Percentuale>10.00<\/Percentuale>\s*<\/ScontoMaggiorazione>\s*<ScontoMaggiorazione>\s*<Tipo>SC<\/Tipo>\s*<Percentuale>5.00<\/Percentuale>/);
    expect(xml).toContain('<Quantita>2.50</Quantita>');
    expect(xml).toContain('<AliquotaIVA>4.00</AliquotaIVA>');
    expect(xml).toContain('<ImportoTotaleDocumento>110.96</ImportoTotaleDocumento>');
  });

  it('N3.2 intra-EU supply to a foreign customer: XXXXXXX, foreign VAT id, CAP 00000 rule, no bollo', () => {
    const doc = invoiceDoc({ customer: FOREIGN, lines: [{ description: 'Panettone', qtyMilli: 100000, unitPrice: '9.50', vatBp: 0, natura: 'N3.2' }] });
    expect(doc.bolloCents).toBeNull();
    const xml = valid(doc);
    expect(xml).toContain('<CodiceDestinatario>XXXXXXX</CodiceDestinatario>');
    expect(xml).toMatch(/<IdFiscaleIVA>\s*<IdPaese>DE<\/IdPaese>\s*<IdCodice>123456789<\/IdCodice>/);
    expect(xml).toMatch(/<Natura>N3.2<\/Natura>\s*<ImponibileImporto>950.00<\/ImponibileImporto>\s*<Imposta>0.00<\/Imposta>\s*<RiferimentoNormativo>Non imponibile - cessione intracomunitaria, art. 41 DL 331\/93<\/RiferimentoNormativo>/);
    expect(xml).toContain('<Comune>München</Comune>');
    expect(xml).toContain('<Indirizzo>Hauptstraße 5</Indirizzo>');
    expect(xml).not.toContain('DatiBollo');
    expect(xml).not.toContain('<Provincia></Provincia>');
  });

  it('N4 exempt at 77,48 € carries DatiBollo (2,00 €), at 77,47 € it does not', () => {
    const due = invoiceDoc({ lines: [{ description: 'Corso di pasticceria', qtyMilli: 1000, unitPrice: '77.48', vatBp: 0, natura: 'N4' }] });
    expect(due.bolloCents).toBe(200);
    expect(valid(due)).toMatch(/<DatiBollo>\s*<BolloVirtuale>SI<\/BolloVirtuale>\s*<ImportoBollo>2.00<\/ImportoBollo>\s*<\/DatiBollo>/);
    const notDue = invoiceDoc({ lines: [{ description: 'Corso di pasticceria', qtyMilli: 1000, unitPrice: '77.47', vatBp: 0, natura: 'N4' }] });
    expect(notDue.bolloCents).toBeNull();
    expect(valid(notDue)).not.toContain('DatiBollo');
  });

  it('a consumer with codice fiscale only: 0000000, CodiceFiscale and no IdFiscaleIVA', () => {
    const xml = valid(invoiceDoc({ customer: CONSUMER, payment: null, lines: [cakes] }));
    expect(xml).toContain('<CodiceDestinatario>0000000</CodiceDestinatario>');
    expect(xml).not.toContain('PECDestinatario');
    const cessionario = xml.slice(xml.indexOf('<CessionarioCommittente>'), xml.indexOf('</CessionarioCommittente>'));
    expect(cessionario).toContain('<CodiceFiscale>BNCGVN80A01H501J</CodiceFiscale>');
    expect(cessionario).not.toContain('IdFiscaleIVA');
    expect(xml).not.toContain('DatiPagamento');
  });

  it('a PEC recipient: 0000000 and PECDestinatario after the transmitter contacts', () => {
    const xml = valid(invoiceDoc({ customer: PEC_CUSTOMER, lines: [cakes] }));
    expect(xml).toMatch(/<CodiceDestinatario>0000000<\/CodiceDestinatario>\s*<ContattiTrasmittente>\s*<Email>amministrazione@dolcearte.it<\/Email>\s*<\/ContattiTrasmittente>\s*<PECDestinatario>fornoverdi@pec.it<\/PECDestinatario>/);
  });

  it('8-decimal unit prices (VAT-inclusive shop prices made net) stay exact, the line total is rounded once', () => {
    // 3 × 25,40983607 = 76,22950821 → 76,23; VAT 22 % = 16,7706 → 16,77; total 93,00 as paid in the shop
    const doc = invoiceDoc({ customer: BUSINESS, lines: [{ description: 'Colomba artigianale', qtyMilli: 3000, unitPrice: '25.40983607' }] });
    expect(doc.totalCents).toBe(9300);
    const xml = valid(doc);
    expect(xml).toContain('<PrezzoUnitario>25.40983607</PrezzoUnitario>');
    expect(xml).toContain('<PrezzoTotale>76.23</PrezzoTotale>');
  });

  it('long notes become several Causale of at most 200 characters; typographic characters are folded to Latin-1', () => {
    const note = `Consegna al piano terra – “fragile” – ${'parola '.repeat(60)}fine`;
    const xml = valid(invoiceDoc({ notes: [note], lines: [{ ...cakes, description: 'Torta “Sacher” – 1 kg … 20 €' }] }));
    const causali = [...xml.matchAll(/<Causale>([^<]*)<\/Causale>/g)].map((m) => m[1]!);
    expect(causali.length).toBe(3);
    for (const c of causali) expect(c.length).toBeLessThanOrEqual(200);
    expect(causali[0]).toMatch(/^Consegna al piano terra - "fragile" - parola/);
    expect(xml).toContain('<Descrizione>Torta "Sacher" - 1 kg ... 20 EUR</Descrizione>');
  });

  it('RF19 forfettario with N2.2 and bollo, REA absent', () => {
    const doc = invoiceDoc({ company: { ...invoiceDoc({ lines: [cakes] }).company, regimeFiscale: 'RF19', rea: null }, lines: [{ ...cakes, vatBp: 0, natura: 'N2.2', unitPrice: '30.00' }] });
    expect(doc.bolloCents).toBe(200);
    const xml = valid(doc);
    expect(xml).toContain('<RegimeFiscale>RF19</RegimeFiscale>');
    expect(xml).not.toContain('IscrizioneREA');
  });
});
