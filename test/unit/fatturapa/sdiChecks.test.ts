/**
 * Each SdI-style check on a document broken in one place: the problem names the SdI's
 * code (or ours), the field and the line, and a clean document gives no problem at all.
 */
import { describe, expect, it } from 'vitest';
import { expectedTaxCents, isRealDate, sdiChecks, type SdiProblem } from '../../../src-main/modules/invoicing/fatturapa/sdiChecks';
import { BUSINESS, CONSUMER, FOREIGN, invoiceDoc } from '../../builders/invoiceDocuments';
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';

const TODAY = '2026-11-10';
const base = () =>
  invoiceDoc({
    lines: [
      { description: 'Torta', qtyMilli: 4000, unitPrice: '18.50' },
      { description: 'Pane', qtyMilli: 2000, unitPrice: '3.15', vatBp: 400 },
    ],
  });

function problems(doc: InvoiceDocument): SdiProblem[] {
  return sdiChecks(doc, { today: TODAY });
}
const codes = (doc: InvoiceDocument) => problems(doc).map((p) => p.code);

describe('SdI-style checks', () => {
  it('a coherent document has no problem', () => {
    expect(problems(base())).toEqual([]);
  });

  it('00423: a line total that is not quantity × price − discounts, naming the line', () => {
    const doc = base();
    doc.lines[1]!.lineTotalCents = 640;
    expect(problems(doc)).toContainEqual(expect.objectContaining({ code: '00423', field: 'DettaglioLinee/PrezzoTotale', line: 2 }));
  });

  it('a line total one cent off is within the SdI tolerance but flagged by our exact rule', () => {
    const doc = base();
    doc.lines[0]!.lineTotalCents += 1;
    const c = codes(doc);
    expect(c).toContain('bottega.lineTotal');
    expect(c).not.toContain('00423');
  });

  it('discount chains are applied in sequence: 10+5 on 100,00 is 85,50, not 85,00', () => {
    const doc = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '100.00', discounts: '10+5' }] });
    expect(doc.lines[0]!.lineTotalCents).toBe(8550);
    doc.lines[0]!.lineTotalCents = 8500;
    expect(codes(doc)).toContain('00423');
  });

  it('00422 / bottega.taxable: a summary row whose taxable is not the sum of its lines (1 € tolerance of the SdI)', () => {
    const far = base();
    far.vatRows[0]!.taxableCents += 150;
    expect(problems(far)).toContainEqual(expect.objectContaining({ code: '00422', field: 'DatiRiepilogo/ImponibileImporto' }));
    const near = base();
    near.vatRows[0]!.taxableCents += 50;
    expect(codes(near)).toContain('bottega.taxable');
    expect(codes(near)).not.toContain('00422');
  });

  it('00421 / bottega.tax: tax not rate × taxable, and tax rounded down instead of half up', () => {
    const wrong = base();
    wrong.vatRows[0]!.vatCents += 5;
    expect(problems(wrong)).toContainEqual(expect.objectContaining({ code: '00421', field: 'DatiRiepilogo/Imposta' }));
    // 22 % of 74,00 = 16,28 exactly; make a half case: 22 % of 0,25 = 0,055 → 0,06 half up
    expect(expectedTaxCents(25, 2200)).toBe(6);
    expect(expectedTaxCents(4332, 1000)).toBe(433);
    expect(expectedTaxCents(4335, 1000)).toBe(434);
    const down = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '0.25' }] });
    down.vatRows[0]!.vatCents = 5;
    down.vatCents = 5;
    down.totalCents = 30;
    down.payment!.instalments[0]!.amountCents = 30;
    expect(codes(down)).toEqual(['bottega.tax']);
  });

  it('VAT on the exact amount of the lines (before their rounding to the cent) is accepted as well as on the taxable', () => {
    // 1 × 1,023 = 1,02 €; 22 % of the exact 1,023 = 0,22506 → 0,23; of the taxable 1,02 = 0,2244 → 0,22
    const doc = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.023' }] });
    const withVat = (cents: number) => {
      const d = structuredClone(doc);
      d.vatRows[0]!.vatCents = cents;
      d.vatCents = cents;
      d.totalCents = 102 + cents;
      d.payment!.instalments[0]!.amountCents = d.totalCents;
      return codes(d);
    };
    expect(withVat(22)).toEqual([]);
    expect(withVat(23)).toEqual([]);
    expect(withVat(21)).toEqual(['bottega.tax']);
  });

  it('00419: lines at a rate with no summary row', () => {
    const doc = base();
    doc.vatRows.pop();
    expect(problems(doc)).toContainEqual(expect.objectContaining({ code: '00419', field: 'DatiRiepilogo' }));
  });

  it('00400 / 00429: a 0 % line or row without Natura', () => {
    const doc = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '10.00', vatBp: 0, natura: 'N4' }] });
    doc.lines[0]!.natura = null;
    doc.vatRows[0]!.natura = null;
    const p = problems(doc);
    expect(p).toContainEqual(expect.objectContaining({ code: '00400', field: 'DettaglioLinee/Natura', line: 1 }));
    expect(p).toContainEqual(expect.objectContaining({ code: '00429', field: 'DatiRiepilogo/Natura' }));
  });

  it('00401 / 00430: a Natura with a rate above 0 %', () => {
    const doc = base();
    doc.lines[0]!.natura = 'N4';
    doc.vatRows[0]!.natura = 'N4';
    const c = codes(doc);
    expect(c).toContain('00401');
    expect(c).toContain('00430');
  });

  it('00445: bare N2, N3 and N6 are refused (the schema accepts them, the SdI does not)', () => {
    for (const bare of ['N2', 'N3', 'N6']) {
      const doc = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '10.00', vatBp: 0, natura: bare }] });
      expect(problems(doc)).toContainEqual(expect.objectContaining({ code: '00445', field: 'DettaglioLinee/Natura', line: 1 }));
    }
    const unknown = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '10.00', vatBp: 0, natura: 'N9' }] });
    expect(codes(unknown)).toContain('00200');
  });

  it('bottega.total: the document total, taxable or VAT not the sum of the summary', () => {
    const doc = base();
    doc.totalCents += 100;
    doc.payment!.instalments[0]!.amountCents += 100;
    expect(problems(doc)).toContainEqual(expect.objectContaining({ code: 'bottega.total', field: 'DatiGeneraliDocumento/ImportoTotaleDocumento' }));
    const vat = base();
    vat.vatCents -= 1;
    expect(problems(vat)).toContainEqual(expect.objectContaining({ code: 'bottega.total', field: 'vatCents' }));
  });

  it('bottega.payment: instalments that do not add up to the total', () => {
    const doc = base();
    doc.payment!.instalments[0]!.amountCents -= 1;
    expect(problems(doc)).toContainEqual(expect.objectContaining({ code: 'bottega.payment' }));
  });

  it('bottega.bollo: missing above 77,47 € of exempt amounts, present when not due; N3.2 never counts', () => {
    const due = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '77.48', vatBp: 0, natura: 'N4' }] });
    due.bolloCents = null;
    expect(codes(due)).toContain('bottega.bollo');
    const intra = invoiceDoc({ customer: FOREIGN, lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '500.00', vatBp: 0, natura: 'N3.2' }] });
    expect(intra.bolloCents).toBeNull();
    expect(problems(intra)).toEqual([]);
    intra.bolloCents = 200;
    expect(codes(intra)).toContain('bottega.bollo');
    // N3.2 never counts, even when listed; a set without N4 (the accountant's choice) makes N4 free of bollo
    expect(sdiChecks(intra, { today: TODAY, bolloNature: ['N3.2', 'N4'] }).map((x) => x.code)).toContain('bottega.bollo');
    const n4 = invoiceDoc({ lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '100.00', vatBp: 0, natura: 'N4' }] });
    expect(sdiChecks(n4, { today: TODAY })).toEqual([]);
    expect(sdiChecks(n4, { today: TODAY, bolloNature: ['N1'] }).map((x) => x.code)).toEqual(['bottega.bollo']);
  });

  it('00301 / 00305 / 00306 / 00300: check digits of the company, the customer and the transmitter', () => {
    const doc = base();
    doc.company = { ...doc.company, vatNumber: '01234567890' };
    doc.customer = { ...doc.customer, vatNumber: '09876543210' };
    doc.transmitter = { ...doc.transmitter, idCode: '0123456789X' };
    const p = problems(doc);
    expect(p).toContainEqual(expect.objectContaining({ code: '00301', field: 'CedentePrestatore/DatiAnagrafici/IdFiscaleIVA/IdCodice' }));
    expect(p).toContainEqual(expect.objectContaining({ code: '00305', field: 'CessionarioCommittente/DatiAnagrafici/IdFiscaleIVA/IdCodice' }));
    expect(p).toContainEqual(expect.objectContaining({ code: '00300' }));
    const consumer = invoiceDoc({ customer: { ...CONSUMER, fiscalCode: 'BNCGVN80A01H501K' }, lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] });
    expect(problems(consumer)).toContainEqual(expect.objectContaining({ code: '00306', field: 'CessionarioCommittente/DatiAnagrafici/CodiceFiscale' }));
    const nobody = invoiceDoc({ customer: { ...CONSUMER, fiscalCode: '' }, lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] });
    expect(codes(nobody)).toContain('00417');
  });

  it('dates: not a real day (00200), after today (00403), credit note before its invoice (00418), DDT after the invoice', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    const unreal = base();
    unreal.date = '2026-02-30';
    expect(problems(unreal)).toContainEqual(expect.objectContaining({ code: '00200', field: 'DatiGeneraliDocumento/Data' }));
    const future = base();
    future.date = '2026-11-11';
    expect(problems(future)).toContainEqual(expect.objectContaining({ code: '00403', field: 'DatiGeneraliDocumento/Data' }));
    const credit = invoiceDoc({ kind: 'TD04', date: '2026-10-01', corrects: { number: '5/2026', date: '2026-10-02' }, lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] });
    expect(codes(credit)).toContain('00418');
    const ddt = invoiceDoc({ kind: 'TD24', date: '2026-10-31', ddts: [{ number: '9', date: '2026-11-01', lineNumbers: [1] }], lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] });
    expect(codes(ddt)).toContain('bottega.ddtDate');
  });

  it('document shape: TD24 without DDTs, TD04 without the corrected invoice, DDT naming a missing line, number without digits', () => {
    const line = [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }];
    expect(codes(invoiceDoc({ kind: 'TD24', lines: line }))).toContain('bottega.ddt');
    expect(codes(invoiceDoc({ kind: 'TD04', lines: line }))).toContain('bottega.corrects');
    expect(problems(invoiceDoc({ kind: 'TD24', ddts: [{ number: '1', date: '2026-10-01', lineNumbers: [2] }], lines: line }))).toContainEqual(expect.objectContaining({ code: 'bottega.lineRef', line: 2 }));
    expect(codes(invoiceDoc({ number: 'A/B', lines: line }))).toContain('00425');
  });

  it('recipient: a PEC beside a real SDI code (00426), a foreign customer without XXXXXXX, XXXXXXX in Italy (00311), a malformed code (00427)', () => {
    const line = [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }];
    expect(codes(invoiceDoc({ customer: { ...BUSINESS, pec: 'a@pec.it' }, lines: line }))).toContain('00426');
    expect(codes(invoiceDoc({ customer: { ...FOREIGN, recipientCode: '0000000' }, lines: line }))).toContain('bottega.recipient');
    expect(codes(invoiceDoc({ customer: { ...BUSINESS, recipientCode: 'XXXXXXX' }, lines: line }))).toContain('00311');
    expect(codes(invoiceDoc({ customer: { ...BUSINESS, recipientCode: 'abc-123' }, lines: line }))).toContain('00427');
  });

  it('a unit price with 9 decimals or a bad discount chain is named on its line', () => {
    const doc = base();
    doc.lines[0]!.unitPrice = '1.123456789';
    doc.lines[1]!.discounts = '10+x';
    const p = problems(doc);
    expect(p).toContainEqual(expect.objectContaining({ code: '00200', field: 'DettaglioLinee/PrezzoUnitario', line: 1 }));
    expect(p).toContainEqual(expect.objectContaining({ code: '00200', field: 'DettaglioLinee/ScontoMaggiorazione', line: 2 }));
  });
});
