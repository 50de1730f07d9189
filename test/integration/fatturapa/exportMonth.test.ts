/**
 * The accountant's export through the registry and the CLI on a real database file: the
 * month's files (each valid against the schema), the ZIP, the register CSV, progressivi
 * new on every export and never repeated, issued invoices marked sent, and a document the
 * SdI would reject refusing the whole export without writing anything.
 *
 * The invoices are written here as the backend's issue leaves them (a row with its frozen
 * document), so the register's amounts are the hand-made documents' exactly;
 * issuedInvoices.test.ts does the same on invoices issued through the registry.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { aCustomer, fixedClock, removeTempDbs, testApp } from '../../builders';
import { BUSINESS, CONSUMER, invoiceDoc } from '../../builders/invoiceDocuments';
import { validateFattura } from '../../support/xmllint';
import { runCli } from '../../support/bundledCli';
import type { BottegaApp } from '../../../src-main/api/app';
import type { InvoiceDocument } from '../../../src-shared/contract/invoiceDocument';

afterAll(removeTempDbs);

let app: BottegaApp;
let customerId: number;

function issued(doc: InvoiceDocument, state: 'issued' | 'sent' | 'rejected' | 'draft' = 'issued'): number {
  const [seq, year] = doc.number.split('/').map(Number);
  const r = app.ctx.sqlite
    .prepare(
      `INSERT INTO invoices (kind, state, customer_id, year, seq, number, date, taxable_cents, vat_cents, bollo_cents, total_cents, snapshot, created_at, updated_at, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(doc.kind, state, customerId, year, seq, doc.number, doc.date, doc.taxableCents, doc.vatCents, doc.bolloCents ?? 0, doc.totalCents, state === 'draft' ? null : JSON.stringify(doc), '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
  return Number(r.lastInsertRowid);
}

const state = (id: number) => app.ctx.sqlite.prepare('SELECT state FROM invoices WHERE id = ?').pluck().get(id);
const fileCount = () => app.ctx.sqlite.prepare('SELECT count(*) FROM invoice_files').pluck().get() as number;

const october = () => [
  invoiceDoc({ kind: 'TD24', number: '1/2026', date: '2026-10-31', lines: [{ description: 'Torta', qtyMilli: 4000, unitPrice: '18.50' }, { description: 'Pane', qtyMilli: 7000, unitPrice: '3.15', vatBp: 400 }], ddts: [{ number: '101/2026', date: '2026-10-03', lineNumbers: [1, 2] }] }),
  invoiceDoc({ number: '2/2026', date: '2026-10-31', customer: CONSUMER, payment: null, lines: [{ description: 'Corso', qtyMilli: 1000, unitPrice: '90.00', vatBp: 0, natura: 'N4' }] }),
  invoiceDoc({ kind: 'TD04', number: '3/2026', date: '2026-10-31', corrects: { number: '1/2026', date: '2026-10-31' }, lines: [{ description: 'Reso torta', qtyMilli: 1000, unitPrice: '18.50' }] }),
];

afterEach(() => {
  if (app.ctx.sqlite.open) app.close();
});

beforeEach(() => {
  app = testApp({ now: fixedClock('2026-11-10T09:00:00.000Z') });
  customerId = aCustomer().create(app).id;
});

describe('invoicing.exportMonth', () => {
  it("writes one schema-valid file per invoice of the month, a ZIP of them and the register; issued become sent", () => {
    const ids = october().map((d) => issued(d));
    const other = issued(invoiceDoc({ number: '4/2026', date: '2026-11-02', lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] }));
    const draft = issued(invoiceDoc({ number: '9/2026', date: '2026-10-15', lines: [{ description: 'x', qtyMilli: 1000, unitPrice: '1.00' }] }), 'draft');
    const r = app.call('invoicing.exportMonth', { month: '2026-10', locale: 'it' });
    expect(r.files.map((f) => [f.number, f.fileName])).toEqual([
      ['1/2026', 'IT01234567897_00001.xml'],
      ['2/2026', 'IT01234567897_00002.xml'],
      ['3/2026', 'IT01234567897_00003.xml'],
    ]);
    const zip = unzipSync(Buffer.from(r.zip.base64, 'base64'));
    expect(Object.keys(zip).sort()).toEqual(r.files.map((f) => f.fileName));
    for (const [name, bytes] of Object.entries(zip)) {
      const xml = strFromU8(bytes);
      expect(xml).toContain(`<ProgressivoInvio>${name.slice(14, 19)}</ProgressivoInvio>`);
      expect(validateFattura(xml, name).ok, name).toBe(true);
    }
    expect(r.zip.fileName).toBe('fatture-2026-10.zip');
    expect(ids.map(state)).toEqual(['sent', 'sent', 'sent']);
    expect(state(other)).toBe('issued');
    expect(state(draft)).toBe('draft');

    const csv = Buffer.from(r.register.base64, 'base64').toString('utf8');
    expect(r.register.fileName).toBe('registro-fatture-2026-10.csv');
    const rows = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('Numero;Data;Tipo;Cliente;P.IVA;Codice fiscale;Imponibile 22 %;Imponibile 4 %;Imponibile N4;IVA;Bollo;Totale;File');
    // 74,00 + 16,28 VAT; 22,05 + 0,88 VAT → VAT 17,16, total 113,21
    expect(rows[1]).toBe(`1/2026;2026-10-31;Fattura differita;${BUSINESS.name};'IT09876543217;;74,00;22,05;;17,16;;113,21;IT01234567897_00001.xml`);
    expect(rows[2]).toBe('2/2026;2026-10-31;Fattura;Giovanni Bianchi;;BNCGVN80A01H501J;;;90,00;0,00;2,00;90,00;IT01234567897_00002.xml');
    // the credit note counts negative: 18,50 + 4,07
    expect(rows[3]).toBe(`3/2026;2026-10-31;Nota di credito;${BUSINESS.name};'IT09876543217;;-18,50;;;-4,07;;-22,57;IT01234567897_00003.xml`);
  });

  it('a second export of the same month gives every file a new progressivo; names never repeat', () => {
    october().forEach((d) => issued(d));
    const first = app.call('invoicing.exportMonth', { month: '2026-10' }).files.map((f) => f.fileName);
    const again = app.call('invoicing.exportMonth', { month: '2026-10' }).files.map((f) => f.fileName);
    expect(again).toEqual(['IT01234567897_00004.xml', 'IT01234567897_00005.xml', 'IT01234567897_00006.xml']);
    expect(new Set([...first, ...again]).size).toBe(6);
    const stored = app.ctx.sqlite.prepare('SELECT progressivo FROM invoice_files ORDER BY id').pluck().all();
    expect(stored).toEqual(['00001', '00002', '00003', '00004', '00005', '00006']);
    expect(app.ctx.sqlite.prepare('SELECT file_name FROM invoice_files WHERE invoice_id = 1 ORDER BY id').pluck().all()).toEqual(['IT01234567897_00001.xml', 'IT01234567897_00004.xml']);
  });

  it('refuses the whole month when one document would be rejected by the SdI, naming invoice, field and code, writing nothing', () => {
    const [a, b] = october();
    issued(a!);
    const bad = b!;
    bad.customer = { ...bad.customer, fiscalCode: 'BNCGVN80A01H501K' };
    bad.lines[0]!.lineTotalCents += 500;
    issued(bad);
    const seqBefore = app.ctx.sqlite.prepare("SELECT count(*) FROM sequences WHERE key = 'fatturapa:progressivo'").pluck().get();
    const res = app.invoke('invoicing.exportMonth', { month: '2026-10' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    const issues = (res.error.details as { issues: { path: string[]; message: string; key: string; params: Record<string, unknown> }[] }).issues;
    // the screen translates by key, with the invoice, field, line and SdI code as parameters
    expect(issues).toContainEqual(expect.objectContaining({ key: 'sdi_check_line', params: { invoice: '2/2026', code: '00423', field: 'DettaglioLinee/PrezzoTotale', line: 1 } }));
    expect(issues).toContainEqual(expect.objectContaining({ key: 'sdi_check', params: { invoice: '2/2026', code: '00306', field: 'CessionarioCommittente/DatiAnagrafici/CodiceFiscale' } }));
    expect(issues.map((i) => i.path.join(' › '))).toEqual(
      expect.arrayContaining(['invoices › 2/2026 › CessionarioCommittente/DatiAnagrafici/CodiceFiscale', 'invoices › 2/2026 › DettaglioLinee/PrezzoTotale › line 1']),
    );
    expect(issues.map((i) => i.message).join('\n')).toMatch(/Invoice 2\/2026, line 1: PrezzoTotale .* \(00423\)/);
    expect(fileCount()).toBe(0);
    expect(app.ctx.sqlite.prepare("SELECT count(*) FROM sequences WHERE key = 'fatturapa:progressivo'").pluck().get()).toBe(seqBefore);
    expect(app.ctx.sqlite.prepare("SELECT count(*) FROM invoices WHERE state = 'sent'").pluck().get()).toBe(0);
  });

  it('a month without issued invoices exports nothing; a bad month is refused by the contract', () => {
    expect(app.call('invoicing.exportMonth', { month: '2026-09' }).files).toEqual([]);
    const res = app.invoke('invoicing.exportMonth', { month: '2026-13' });
    expect(res.ok ? 'ok' : res.error.code).toBe('VALIDATION');
  });

  it('the courtesy PDF and the SdI check of an issued invoice through the registry', async () => {
    const id = issued(october()[0]!);
    const pdf = await app.callAsync('invoicing.pdf', { id, language: 'en' });
    expect(pdf.fileName).toBe('Deferred invoice 1-2026.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.call('invoicing.sdiCheck', { id }).problems).toEqual([]);
  });
});

describe('bottega invoice export', () => {
  it('writes the XML files, the ZIP and the register into --out and prints their paths; a second run takes new progressivi', () => {
    october().forEach((d) => issued(d));
    const db = app.ctx.dbPath;
    app.close();
    const out = mkdtempSync(join(tmpdir(), 'invoice-export-'));
    const r = runCli(db, ['invoice', 'export', '2026-10', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(out, 'IT01234567897_00001.xml'));
    expect(r.stdout).toContain(join(out, 'registro-fatture-2026-10.csv'));
    expect(r.stdout).toContain('3 invoice file(s) for 2026-10');
    expect(readdirSync(out).sort()).toEqual(['IT01234567897_00001.xml', 'IT01234567897_00002.xml', 'IT01234567897_00003.xml', 'fatture-2026-10.zip', 'registro-fatture-2026-10.csv']);
    expect(validateFattura(readFileSync(join(out, 'IT01234567897_00003.xml'), 'utf8')).ok).toBe(true);
    const again = runCli(db, ['--json', 'invoice', 'export', '2026-10', '--out', out]);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { files: { progressivo: string }[] }).files.map((f) => f.progressivo)).toEqual(['00004', '00005', '00006']);
    const usage = runCli(db, ['invoice', 'export', '2026-10']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out DIR');
  });
});
