/**
 * The courtesy PDF read back with pdftotext in both languages: title, number, customer's
 * ids, DDT references, lines with 8-decimal prices and 14-character codes on one line, VAT summary, bollo, instalments with
 * the IBAN, Italian / English number formats, and the note that the XML is the legal copy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderInvoicePdf, invoicePdfFileName } from '../../../src-main/documents/invoicePdf';
import { BUSINESS, FOREIGN, invoiceDoc } from '../../builders/invoiceDocuments';
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';

const dir = mkdtempSync(join(tmpdir(), 'invoice-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pdfText(doc: InvoiceDocument, name: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await renderInvoicePdf(doc, null));
  if (process.env.KEEP_INVOICE_PDF) execFileSync('pdftoppm', ['-png', '-r', '70', file, join(process.env.KEEP_INVOICE_PDF, name.replace('.pdf', ''))]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const deferred = (customer: InvoiceDocument['customer']) =>
  invoiceDoc({
    kind: 'TD24',
    number: '12/2026',
    customer,
    lines: [
      // 14-character codes, the longest of the large demo's catalogue: each on one line of its column
      { code: 'MP-CONSERVANTE', description: 'Torta della nonna 1 kg', qtyMilli: 4000, unitPrice: '18.50', discounts: '10+5' },
      { code: 'PF-PORTASAPONE', description: 'Colomba artigianale', qtyMilli: 1500, unitPrice: '1250.40983607', vatBp: 1000 },
      { description: 'Corso di pasticceria', qtyMilli: 1000, unitPrice: '80.00', vatBp: 0, natura: 'N4' },
    ],
    ddts: [
      { number: '101/2026', date: '2026-10-03', lineNumbers: [1, 2] },
      { number: '118/2026', date: '2026-10-17', lineNumbers: [3] },
    ],
    payment: null,
    notes: ['Consegna al piano terra'],
  });

function withTwoInstalments(d: InvoiceDocument): InvoiceDocument {
  const half = Math.floor(d.totalCents / 2);
  return { ...d, payment: { condition: 'TP01', instalments: [{ dueDate: '2026-11-30', amountCents: half, method: 'MP05' }, { dueDate: '2026-12-31', amountCents: d.totalCents - half, method: 'MP05' }], iban: 'IT60X0542811101000000123456', bankName: 'Banca di Firenze' } };
}

describe('courtesy PDF of an invoice', () => {
  it('in Italian: title, number, DDTs, customer ids, Italian amounts, VAT summary, bollo, two instalments with IBAN, legal note', async () => {
    const d = withTwoInstalments(deferred(BUSINESS));
    // 4 × 18,50 × 0,9 × 0,95 = 63,27; 1,5 × 1250,40983607 = 1875,61; N4 80,00 → bollo
    expect(d.vatRows.map((r) => r.taxableCents)).toEqual([6327, 187561, 8000]);
    expect(d.bolloCents).toBe(200);
    expect(invoicePdfFileName(d)).toBe('Fattura differita 12-2026.pdf');
    const text = await pdfText(d, 'it.pdf');
    expect(text).toContain('Fattura differita');
    expect(text).toContain('N. 12/2026');
    expect(text).toContain('Data 31/10/2026');
    expect(text).toContain('COPIA DI CORTESIA');
    expect(text).toContain('Bottega del Gusto S.n.c. di Rossi & Bianchi');
    expect(text).toContain('P.IVA 09876543217');
    expect(text).toContain('Codice destinatario M5UXCR1');
    expect(text).toContain('REA FI-612345');
    expect(text).toMatch(/DDT: 101\/2026 del 03\/10\/2026, 118\/2026 del 17\/10\/2026/);
    expect(text).toContain('1.250,40983607');
    expect(text).toContain('1.875,61');
    expect(text).toContain('10+5');
    // a long code is not broken at its hyphen: the code, its description and its price on one line
    expect(text).toMatch(/MP-CONSERVANTE\s+Torta della nonna 1 kg\s+4\s+pz\s+18,50/);
    expect(text).toMatch(/PF-PORTASAPONE\s+Colomba artigianale\s+1,5\s+pz\s+1\.250,40983607/);
    expect(text).toMatch(/Riepilogo IVA/);
    expect(text).toMatch(/N4\s+80,00\s+0,00\s+Esente art. 10 DPR 633\/72/);
    expect(text).toMatch(/Imposta di bollo assolta in modo virtuale.*2,00 €/);
    // taxable 63,27 + 1875,61 + 80,00 = 2018,88; VAT 13,92 + 187,56 = 201,48
    expect(text).toMatch(/Totale documento\s+2\.220,36 €/);
    expect(text).toMatch(/1\s+30\/11\/2026\s+Bonifico bancario\s+1\.110,18/);
    expect(text).toMatch(/1\s+30\/11\/2026\s+Bonifico bancario/);
    expect(text).toMatch(/2\s+31\/12\/2026\s+Bonifico bancario/);
    expect(text).toContain('IBAN IT60X0542811101000000123456');
    expect(text).toMatch(/documento valido ai fini fiscali è la fattura elettronica in formato XML\s+trasmessa tramite il Sistema di Interscambio/);
    expect(text).toContain('Consegna al piano terra');
  });

  it('in English for a foreign customer: English words and number formats, VAT number with its country', async () => {
    const d = withTwoInstalments(deferred(FOREIGN));
    const text = await pdfText(d, 'en.pdf');
    expect(text).toContain('Deferred invoice');
    expect(text).toContain('No. 12/2026');
    expect(text).toContain('Date 31/10/2026');
    expect(text).toContain('VAT no. DE123456789');
    expect(text).toContain('Delivery notes: 101/2026 of 03/10/2026');
    expect(text).toContain('1,250.40983607');
    expect(text).toContain('1,875.61');
    expect(text).toContain('Bank transfer');
    expect(text).toContain('Stamp duty paid virtually');
    expect(text).toMatch(/legal invoice is the electronic invoice in XML format sent through the Italian Exchange\s+System/);
    expect(text).not.toContain('Fattura');
  });

  it('a credit note names the invoice it corrects', async () => {
    const d = invoiceDoc({ kind: 'TD04', number: '3/2026', date: '2026-11-05', corrects: { number: '12/2026', date: '2026-10-31' }, lines: [{ description: 'Reso torta', qtyMilli: 1000, unitPrice: '18.50' }] });
    const text = await pdfText(d, 'td04.pdf');
    expect(text).toContain('Nota di credito');
    expect(text).toContain('Rettifica la fattura 12/2026 del 31/10/2026');
  });

  it('sixty lines flow onto a second page with the summary and the note at the end', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ description: `Articolo ${i + 1}`, qtyMilli: 1000 + i, unitPrice: '2.35' }));
    const file = join(dir, 'long.pdf');
    writeFileSync(file, await renderInvoicePdf(invoiceDoc({ lines }), null));
    const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1];
    expect(Number(pages)).toBeGreaterThanOrEqual(2);
    const last = execFileSync('pdftotext', ['-f', pages!, '-l', pages!, '-layout', file, '-'], { encoding: 'utf8' });
    expect(last).toContain('Articolo 60');
    expect(last).toContain('Copia di cortesia senza valore fiscale');
    expect(last).toContain(`Pagina ${pages} di ${pages}`);
  });
});
