/**
 * The documents of invoices issued for real through the registry (the backend's month
 * run, immediate invoices, credit notes, the scarto cycle): every kind's XML valid against
 * the schema (xmllint) and clean for the SdI-style checks, the export's progressivi, and
 * the CLI on the same file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { aB2bCustomer, aStockedProduct, openShop, sellAndShip, type Shop } from '../invoicing/workshop';
import { validateFattura } from '../../support/xmllint';
import { runCli } from '../../support/bundledCli';
import { validPartitaIva } from '../../builders';

let shop: Shop;
beforeEach(() => {
  shop = openShop('2026-03-02');
});
afterEach(() => shop.cleanup());

/** The month exported through the registry: its files by invoice number, each checked by xmllint. */
function exportAndValidate(month: string): Map<string, { fileName: string; xml: string }> {
  const r = shop.app.call('invoicing.exportMonth', { month });
  const zip = unzipSync(Buffer.from(r.zip.base64, 'base64'));
  const out = new Map<string, { fileName: string; xml: string }>();
  for (const f of r.files) {
    const xml = strFromU8(zip[f.fileName]!);
    const v = validateFattura(xml, f.fileName);
    expect(v.output, f.fileName).toContain('validates');
    out.set(f.number, { fileName: f.fileName, xml });
  }
  return out;
}

describe('FatturaPA of invoices issued through the registry', () => {
  it('every kind: TD24 with two DDTs and mixed rates, TD01 N4 with bollo, consumer, PEC, foreign N3.2, TD04 — all schema-valid and clean', () => {
    const { app } = shop;
    const shop1 = aB2bCustomer(app, 'Erboristeria La Malva');
    const pec = aB2bCustomer(app, 'Forno Verdi', { sdiCode: null, pec: 'fornoverdi@pec.example.it' });
    const consumer = app.call('parties.createCustomer', { name: 'Maria Rossi', fiscalCode: 'RSSMRA80A41H501Y', street: 'Via Po 1', postcode: '10100', city: 'Torino', province: 'TO' });
    app.call('invoicing.setCustomerSettings', { customerId: consumer.id, wantsInvoice: true, defaultNatura: null });
    const foreign = app.call('parties.createCustomer', { name: 'Feinkost Müller GmbH', vatNumber: '123456789', street: 'Hauptstraße 5', postcode: '80331', city: 'München', country: 'DE', language: 'en' });
    const soap = aStockedProduct(app);
    const book = aStockedProduct(app);
    sellAndShip(app, shop1.id, [
      { itemId: soap.id, quantity: '3', unitPrice: '4,20', discountPct: '10+5' },
      { itemId: book.id, quantity: '2', unitPrice: '12,50', vatPct: '4' },
    ]);
    shop.setDay('2026-03-20');
    sellAndShip(app, shop1.id, [{ itemId: soap.id, quantity: '10', unitPrice: '4,20' }]);
    sellAndShip(app, pec.id, [{ itemId: soap.id, quantity: '5', unitPrice: '3,14159265' }]);
    sellAndShip(app, consumer.id, [{ itemId: soap.id, quantity: '1', unitPrice: '9,90' }]);
    shop.setDay('2026-04-03');
    const month = app.call('invoicing.issueMonth', { month: '2026-03' });
    expect(month.invoices).toHaveLength(3);
    shop.setDay('2026-03-25');
    const exempt = app.call('invoicing.issue', { id: app.call('invoicing.createDraft', { customerId: shop1.id, lines: [{ description: 'Corso di saponificazione', quantity: '1', unitPrice: '77,48', vatRate: '0', natura: 'N4' }] }).id });
    const intra = app.call('invoicing.issue', { id: app.call('invoicing.createDraft', { customerId: foreign.id, lines: [{ description: 'Saponi', quantity: '100', unitPrice: '5', vatRate: '0', natura: 'N3.2' }] }).id });
    shop.setDay('2026-03-31');
    const td24 = month.invoices.find((i) => i.customerName === 'Erboristeria La Malva')!;
    const credit = app.call('invoicing.issue', { id: app.call('invoicing.createCreditNote', { invoiceId: td24.id, discountAmount: '5,00', description: 'Sconto fedeltà' }).id });
    shop.setDay('2026-04-05');

    for (const id of [...month.invoices.map((i) => i.id), exempt.id, intra.id, credit.id]) expect(app.call('invoicing.sdiCheck', { id }).problems, `invoice ${id}`).toEqual([]);
    const files = exportAndValidate('2026-03');
    expect(files.size).toBe(6);

    const d24 = files.get(td24.number)!.xml;
    expect(d24).toContain('<TipoDocumento>TD24</TipoDocumento>');
    expect(d24.match(/<DatiDDT>/g)).toHaveLength(2);
    expect(d24).toMatch(/<Percentuale>10.00<\/Percentuale>[\s\S]*<Percentuale>5.00<\/Percentuale>/);
    expect(d24).toContain('<AliquotaIVA>4.00</AliquotaIVA>');
    expect(files.get(exempt.number!)!.xml).toMatch(/<DatiBollo>\s*<BolloVirtuale>SI<\/BolloVirtuale>\s*<ImportoBollo>2.00<\/ImportoBollo>/);
    const eu = files.get(intra.number!)!.xml;
    expect(eu).toContain('<CodiceDestinatario>XXXXXXX</CodiceDestinatario>');
    expect(eu).toMatch(/<Natura>N3.2<\/Natura>/);
    expect(eu).not.toContain('DatiBollo');
    const toPec = files.get(month.invoices.find((i) => i.customerName === 'Forno Verdi')!.number)!.xml;
    expect(toPec).toMatch(/<CodiceDestinatario>0000000<\/CodiceDestinatario>[\s\S]*<PECDestinatario>fornoverdi@pec.example.it<\/PECDestinatario>/);
    expect(toPec).toContain('<PrezzoUnitario>3.14159265</PrezzoUnitario>');
    const toConsumer = files.get(month.invoices.find((i) => i.customerName === 'Maria Rossi')!.number)!.xml;
    expect(toConsumer).toContain('<CodiceFiscale>RSSMRA80A41H501Y</CodiceFiscale>');
    expect(toConsumer).not.toMatch(/<CessionarioCommittente>\s*<DatiAnagrafici>\s*<IdFiscaleIVA>/);
    const cn = files.get(credit.number!)!.xml;
    expect(cn).toContain('<TipoDocumento>TD04</TipoDocumento>');
    expect(cn).toMatch(new RegExp(`<DatiFattureCollegate>\\s*<IdDocumento>${td24.number.replace('/', '\\/')}</IdDocumento>\\s*<Data>2026-03-31</Data>`));

    // every issued invoice is now sent, each file recorded once with its own progressivo
    expect(app.call('invoicing.get', { id: td24.id }).state).toBe('sent');
    const progressivi = app.ctx.sqlite.prepare('SELECT progressivo FROM invoice_files').pluck().all() as string[];
    expect(new Set(progressivi).size).toBe(6);
  });

  it('a rejected invoice is refused by the export until corrected; corrected, it goes again with the same number and date under a new file name', () => {
    const { app } = shop;
    const c = aB2bCustomer(app, 'Alfa');
    const inv = app.call('invoicing.issue', { id: app.call('invoicing.createDraft', { customerId: c.id, lines: [{ description: 'Consulenza', quantity: '1', unitPrice: '100', vatRate: '22' }] }).id });
    const first = app.call('invoicing.exportXml', { id: inv.id });
    expect(app.call('invoicing.get', { id: inv.id }).state).toBe('sent');
    app.call('invoicing.markRejected', { id: inv.id, reason: '00305 IdFiscaleIVA del CessionarioCommittente non valido' });
    const refused = app.invoke('invoicing.exportXml', { id: inv.id });
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
    expect(refused.ok ? '' : refused.error.message).toContain('reissueRejected');
    expect(app.call('invoicing.exportMonth', { month: '2026-03' }).files).toEqual([]);
    app.call('parties.updateCustomer', { id: c.id, name: 'Alfa S.r.l.', vatNumber: validPartitaIva(7777), street: 'Via Roma, 1', postcode: '20121', city: 'Milano', province: 'MI', sdiCode: 'ABC1234' });
    app.call('invoicing.reissueRejected', { id: inv.id });
    const again = app.call('invoicing.exportXml', { id: inv.id });
    expect(again.fileName).not.toBe(first.fileName);
    const xml = Buffer.from(again.base64, 'base64').toString('utf8');
    expect(validateFattura(xml).ok).toBe(true);
    expect(xml).toContain(`<Numero>${inv.number}</Numero>`);
    expect(xml).toContain(`<Data>${inv.date}</Data>`);
    expect(xml).toContain(`<IdCodice>${validPartitaIva(7777)}</IdCodice>`);
    expect(app.call('invoicing.get', { id: inv.id }).files.map((f) => f.fileName)).toEqual([first.fileName, again.fileName]);
  });

  it('bottega invoice export on issued invoices writes valid files and the register; issued ones become sent', () => {
    const { app } = shop;
    const c = aB2bCustomer(app, 'Beta');
    const soap = aStockedProduct(app);
    sellAndShip(app, c.id, [{ itemId: soap.id, quantity: '7', unitPrice: '4,20' }]);
    shop.setDay('2026-04-02');
    const issued = app.call('invoicing.issueMonth', { month: '2026-03' }).invoices;
    expect(issued).toHaveLength(1);
    const db = app.ctx.dbPath;
    app.close();
    const out = mkdtempSync(join(tmpdir(), 'invoice-export-'));
    const r = runCli(db, ['--json', 'invoice', 'export', '2026-03', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { files: { path: string; number: string }[]; register: string; zip: string };
    expect(printed.files.map((f) => f.number)).toEqual([issued[0]!.number]);
    expect(validateFattura(readFileSync(printed.files[0]!.path, 'utf8')).ok).toBe(true);
    // 7 × 4,20 = 29,40 + 22 % 6,47 = 35,87
    expect(readFileSync(printed.register, 'utf8')).toContain(`${issued[0]!.number};2026-03-31;Fattura differita;Beta;`);
    expect(readFileSync(printed.register, 'utf8')).toMatch(/;29,40;6,47;;35,87;IT\d{11}_00001\.xml/);
    expect(readdirSync(out)).toHaveLength(3);
    const list = runCli(db, ['call', 'invoicing.get', JSON.stringify({ id: issued[0]!.id })]);
    expect((JSON.parse(list.stdout) as { state: string }).state).toBe('sent');
  });
});
