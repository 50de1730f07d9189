import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { fixedClock, tempDir } from '../../support/tempDir';
import { setSystemViewer } from '../../../src-main/documents/systemViewer';
import { fillCompany, readyOrder, resetWorkshop } from './workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
const ARTIFACTS = join(process.cwd(), 'test-results', 'shipping');

beforeEach(() => {
  resetWorkshop();
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
  fillCompany(app);
});
afterEach(() => {
  app.close();
  t.cleanup();
});

/** The words of a PDF as pdftotext reads them, and its first page as a PNG artifact to look at. */
function readPdf(base64: string, name: string): string {
  const file = join(t.dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

// a 1×1 PNG: what the logo upload stores
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function shipIt(language: 'it' | 'en') {
  const w = readyOrder(app, { language });
  const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
  const draft = app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 3, appearance: language === 'it' ? 'scatole di cartone' : 'cardboard boxes', tare: '0,25' }],
    carrier: 'BRT S.p.A.',
    carrierService: 'Express',
    trackingNumber: 'BRT0001234',
    transportBy: 'carrier',
    notes: 'Consegna al mattino',
  });
  return { w, shipment: app.call('shipping.confirm', { id: draft.id, transportStart: '2026-10-22T15:30' }) };
}

describe('the DDT PDF', () => {
  it('carries every field DPR 472/1996 asks for and every lot, in Italian', async () => {
    const { w, shipment } = shipIt('it');
    const pdf = await app.callAsync('shipping.ddtPdf', { shipmentId: shipment.id });
    expect(pdf.fileName).toBe('DDT-2026-00001.pdf');
    const text = readPdf(pdf.base64, 'ddt-it');
    for (const expected of [
      'Documento di trasporto',
      'N. 1/2026',
      'Data 22/10/2026',
      'Saponificio Aurora S.r.l.',
      'Via dei Mulini, 12',
      'P.IVA',
      'Erboristeria La Malva',
      w.customer.vatNumber!,
      'Luogo di destinazione',
      'Via del Magazzino, 3',
      '40121 Bologna (BO)',
      'Causale del trasporto',
      'Vendita',
      'Trasporto a cura del',
      'Vettore',
      'BRT S.p.A. — Express',
      'Inizio trasporto',
      '22/10/2026 15:30',
      'Sapone alla lavanda',
      'Crema mani 50 ml',
      `${w.lots[0]!.code}`,
      `${w.lots[1]!.code}`,
      `${w.lots[2]!.code}`,
      '01/03/2027',
      'Colli',
      'scatole di cartone',
      'Peso lordo',
      // 25 × 120 g + 2 × 75 g + 3 × 250 g
      '3,9 kg',
      'Firma del conducente',
      'Firma del destinatario',
      w.order.number,
    ]) {
      expect(text.toLowerCase(), expected).toContain(expected.toLowerCase());
    }
    expect(text).toMatch(/SAP-LAV\s+Sapone alla lavanda\s+L\S+\s+01\/03\/2027\s+10\s+pz/);
    // the lot column holds the code alone: "L. L26…" repeated the L (issue 17)
    expect(text).not.toContain('L. L');
    expect(text).toMatch(/15\s+pz/);
    // the saved copy beside the database
    expect(pdf.savedPath).toBe(join(t.dir, 'documents', 'bottega', 'DDT', 'DDT-2026-00001.pdf'));
    expect(existsSync(pdf.savedPath!)).toBe(true);
    // browser mode has no system viewer; the desktop app hands the saved copy to it
    expect(await app.callAsync('shipping.openDdt', { shipmentId: shipment.id })).toEqual({ opened: false, savedPath: pdf.savedPath });
    const opened: string[] = [];
    setSystemViewer(async (path) => (opened.push(path), ''));
    try {
      expect(await app.callAsync('shipping.openDdt', { shipmentId: shipment.id })).toEqual({ opened: true, savedPath: pdf.savedPath });
    } finally {
      setSystemViewer(null);
    }
    expect(opened).toEqual([pdf.savedPath]);
  });

  it('is in the customer language, and a reprint is the same document whatever settings and logo say later', async () => {
    app.call('settings.setLogo', { contentType: 'image/png', base64: LOGO });
    const { shipment } = shipIt('en');
    const first = await app.callAsync('shipping.ddtPdf', { shipmentId: shipment.id });
    const text = readPdf(first.base64, 'ddt-en');
    for (const expected of ['Delivery note (DDT)', 'No. 1/2026', 'Reason for transport', 'Sale', 'Transport by', 'Carrier', 'Packages', 'Gross weight', "Driver's signature", "Recipient's signature", 'Lot', 'Expiry']) {
      expect(text.toLowerCase(), expected).toContain(expected.toLowerCase());
    }
    app.call('settings.update', { company: { name: 'Altro Nome S.r.l.', street: 'Via Nuova 1' } });
    app.call('settings.removeLogo', {});
    const again = await app.callAsync('shipping.ddtPdf', { shipmentId: shipment.id });
    const textAgain = readPdf(again.base64, 'ddt-en-reprint');
    expect(textAgain).toBe(text);
    expect(textAgain).toContain('Saponificio Aurora S.r.l.');
    // the same logo image is embedded both times
    expect(Buffer.from(again.base64, 'base64').length).toBe(Buffer.from(first.base64, 'base64').length);
    // the saved copy is not overwritten
    expect(readFileSync(first.savedPath!).toString('base64')).toBe(first.base64);
  });

  it('a collected return has its own DDT with causale reso and the next number; the packing slip has no prices', async () => {
    const { shipment } = shipIt('it');
    const ret = app.call('shipping.createReturn', {
      shipmentId: shipment.id,
      reason: 'Confezioni danneggiate',
      collected: true,
      packageCount: 1,
      appearance: 'scatola',
      lines: [{ shipmentLineId: shipment.lines[0]!.id, quantity: '2', disposition: 'quarantine' }],
    });
    const pdf = await app.callAsync('shipping.ddtPdf', { returnId: ret.id });
    expect(pdf.fileName).toBe('DDT-2026-00002-reso.pdf');
    const text = readPdf(pdf.base64, 'ddt-reso');
    for (const expected of ['Documento di trasporto — reso', 'N. 2/2026', 'Reso', 'Rif. DDT di consegna: 1/2026', 'Erboristeria La Malva', 'Confezioni danneggiate', `${shipment.lines[0]!.lot.code}`]) {
      expect(text, expected).toContain(expected);
    }
    const slip = await app.callAsync('shipping.packingSlipPdf', { id: shipment.id });
    const slipText = readPdf(slip.base64, 'packing-slip');
    expect(slipText).toContain('Distinta di imballaggio');
    expect(slipText).toContain('DDT 1/2026');
    for (const l of shipment.lines) expect(slipText).toContain(`${l.lot.code}`);
    expect(slipText).not.toMatch(/€|EUR|Prezzo|Price/);
  });
});

describe('a long DDT', () => {
  it('runs over pages with every line and lot, and the totals and signatures once at the end', async () => {
    const { renderDdt } = await import('../../../src-main/modules/shipping/ddtPdf');
    const { shipment } = shipIt('it');
    const { loadDdt } = await import('../../../src-main/modules/shipping/ddtSnapshot');
    const base = loadDdt(app.ctx, shipment.ddt!.id).snapshot;
    const lines = Array.from({ length: 70 }, (_, i) => ({ ...base.lines[0]!, lotCode: `LX${String(i).padStart(3, '0')}`, qtyMilli: (i + 1) * 1000 }));
    const pdf = await renderDdt({ ...base, lines }, null);
    const text = readPdf(pdf.toString('base64'), 'ddt-long');
    for (const l of lines) expect(text).toContain(`${l.lotCode}`);
    expect(text.match(/FIRMA DEL CONDUCENTE/g)).toHaveLength(1);
    const file = join(t.dir, 'ddt-long.pdf');
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1])).toBeGreaterThanOrEqual(2);
    // the totals come after the last line
    expect(text.indexOf('FIRMA DEL CONDUCENTE')).toBeGreaterThan(text.indexOf('LX069'));
  });
});
