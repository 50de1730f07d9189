import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  app.call('settings.update', { company: { name: 'Saponeria Artigiana S.n.c.', vatNumber: 'IT01234567897', street: 'Via dei Tigli 4', postcode: '50100', city: 'Firenze', province: 'FI' } });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

async function pdfText(id: number, language?: 'it' | 'en'): Promise<string> {
  const pdf = await app.callAsync('purchasing.pdf', { id, language });
  const file = join(t.dir, pdf.fileName);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('purchase order PDF', () => {
  it("is in the supplier's language, with our company, their address, codes, prices and dates", async () => {
    const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio di oliva', kind: 'material', unit: 'kg' });
    const jar = app.call('catalog.createItem', { sku: 'VASO', name: 'Vasetto 50 ml', kind: 'packaging', unit: 'pcs' });
    const it_ = app.call('parties.createSupplier', { name: 'Oleificio Rossi S.r.l.', street: 'Via Olivi 2', postcode: '06034', city: 'Foligno', province: 'PG', language: 'it' });
    const en = app.call('parties.createSupplier', { name: 'Glass & Co Ltd', street: '1 Mill Lane', postcode: 'LS1 4AB', city: 'Leeds', country: 'GB', language: 'en' });
    app.call('purchasing.saveSupplierTerms', { itemId: oil.id, supplierId: it_.id, preferred: true, supplierCode: 'EVO-25', price: '6,40' });
    const po = app.call('purchasing.create', { supplierId: it_.id, expectedOn: '2026-10-30', notes: 'Consegna al mattino', lines: [{ itemId: oil.id, quantity: '50 kg' }] });
    const text = await pdfText(po.id);
    for (const s of ['Ordine fornitore', 'OF2026/0001', 'Saponeria Artigiana S.n.c.', 'P.IVA IT01234567897', 'Oleificio Rossi S.r.l.', 'Foligno', 'EVO-25', 'Olio di oliva', '50 kg', '320,00 €', '30/10/2026', 'Consegna al mattino']) {
      expect(text).toContain(s);
    }
    const po2 = app.call('purchasing.create', { supplierId: en.id, expectedOn: '2026-11-05', lines: [{ itemId: jar.id, quantity: '1200', unitPrice: '0,35' }] });
    const english = await pdfText(po2.id);
    for (const s of ['Purchase order', 'OF2026/0002', 'Glass & Co Ltd', 'Leeds', 'Vasetto 50 ml', '€420.00', '05/11/2026', 'Please confirm']) expect(english).toContain(s);
    expect(await pdfText(po2.id, 'it')).toContain('Ordine fornitore');
  });
});
