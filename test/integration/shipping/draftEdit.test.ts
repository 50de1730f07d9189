/**
 * A saved shipment draft is not a dead end: it changes through the registry like any
 * command (lines, lots, packages, weight, carrier, another destination), a bad value is
 * refused naming its field with nothing changed, and another destination than the
 * customer's address is what the DDT and the labels print as the place of delivery.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../../src-main/api/app';
import { fixedClock, tempDir } from '../../support/tempDir';
import { fillCompany, readyOrder, resetWorkshop } from './workshop';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

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

function pdfText(base64: string, name: string): string {
  const file = join(t.dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

/** A draft of the whole ready order: 10 + 15 soaps from two lots, 2 creams, 1 package. */
function draftOf(w: ReturnType<typeof readyOrder>) {
  const proposal = app.call('shipping.proposal', { orderIds: [w.order.id] });
  return app.call('shipping.create', {
    lines: proposal.lines.flatMap((l) => l.lots.map((lot) => ({ orderLineId: l.orderLineId, lotId: lot.lotId, quantity: String(lot.qtyMilli / 1000) }))),
    packages: [{ count: 1, appearance: 'scatole' }],
  });
}

/** The draft's input as saved, for an update to change one thing of. */
function inputOf(s: ReturnType<typeof draftOf>) {
  return {
    id: s.id,
    lines: s.lines.map((l) => ({ orderLineId: l.orderLineId, lotId: l.lot.id, quantity: String(l.qtyMilli / 1000) })),
    packages: s.packages.map((p) => ({ count: p.count, appearance: p.appearance, tare: null })),
  };
}

const ELSEWHERE = { name: 'Fiera Pad. 21', street: 'Viale della Fiera, 20', postcode: '40127', city: 'Bologna', province: 'BO', country: 'it' };

describe('editing a shipment draft', () => {
  it('changes lines, lot, packages, weight, carrier and destination of a saved draft, and the audit log keeps the change', () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    const soap = draft.lines.filter((l) => l.item.sku.startsWith('SAP-LAV'));
    const cream = draft.lines.find((l) => l.item.sku.startsWith('CREMA'))!;
    const edited = app.call('shipping.update', {
      id: draft.id,
      // 12 soaps all from the later lot, the creams stay out of this shipment
      lines: [{ orderLineId: soap[0]!.orderLineId, lotId: w.lots[1]!.id, quantity: '12' }],
      packages: [{ count: 3, appearance: 'scatole di cartone', tare: '0,2' }],
      grossWeight: '2,5',
      carrier: 'GLS',
      trackingNumber: 'GLS42',
      transportStart: '2026-10-23T09:15',
      destination: ELSEWHERE,
    });
    expect(edited).toMatchObject({ state: 'draft', ddt: null, packageCount: 3, grossWeightG: 2500, grossWeightTyped: true, carrier: 'GLS', trackingNumber: 'GLS42', transportStart: '2026-10-23T09:15' });
    expect(edited.lines.map((l) => [l.lot.id, l.qtyMilli])).toEqual([[w.lots[1]!.id, 12_000]]);
    expect(edited.lines.some((l) => l.orderLineId === cream.orderLineId)).toBe(false);
    // the country code is stored as people read it
    expect(edited.destination).toEqual({ ...ELSEWHERE, country: 'IT' });
    expect(edited.destinationDiffers).toBe(true);
    expect(app.call('shipping.get', { id: draft.id })).toEqual(edited);
    const history = app.call('audit.document', { doc: `shipments/${draft.id}` });
    expect(JSON.stringify(history)).toContain('shipping.update');
    // confirming takes what the draft says now
    const confirmed = app.call('shipping.confirm', { id: draft.id });
    expect(confirmed.ddt?.number).toBe('1/2026');
    expect(app.call('orders.get', { id: w.order.id }).lines.find((l) => l.id === soap[0]!.orderLineId)!.shippedMilli).toBe(12_000);
  });

  const refusals: [string, (base: ReturnType<typeof inputOf>) => Record<string, unknown>, (string | number)[]][] = [
    ['-1 packages', (b) => ({ ...b, packages: [{ count: -1 }] }), ['packages', 0, 'count']],
    ['a negative weight', (b) => ({ ...b, grossWeight: '-2' }), ['grossWeight']],
    ['a weight that is not a number', (b) => ({ ...b, grossWeight: 'dodici' }), ['grossWeight']],
    ['a negative tare', (b) => ({ ...b, packages: [{ count: 1, tare: '-0,3' }] }), ['packages', 0, 'tare']],
    ['a negative quantity', (b) => ({ ...b, lines: [{ ...b.lines[0]!, quantity: '-3' }] }), ['lines', 0, 'quantity']],
    ['a destination without a city', (b) => ({ ...b, destination: { ...ELSEWHERE, city: '' } }), ['destination', 'city']],
    ['a three-letter country', (b) => ({ ...b, destination: { ...ELSEWHERE, country: 'ITA' } }), ['destination', 'country']],
    ['a transport start written as a day', (b) => ({ ...b, transportStart: '23/10/2026' }), ['transportStart']],
  ];
  for (const [what, change, path] of refusals) {
    it(`refuses ${what}, naming ${path.join('.')}, and the draft stays as saved`, () => {
      const w = readyOrder(app);
      const draft = draftOf(w);
      const row = () => app.ctx.sqlite.prepare('SELECT * FROM shipments WHERE id = ?').get(draft.id);
      const before = { shipment: app.call('shipping.get', { id: draft.id }), row: row() };
      const r = app.invoke('shipping.update', change(inputOf(draft)) as never);
      expect(r.ok).toBe(false);
      const issues = (r as unknown as { error: { details: { issues: { path: (string | number)[] }[] } } }).error.details.issues;
      expect(issues.map((i) => i.path)).toContainEqual(path);
      expect({ shipment: app.call('shipping.get', { id: draft.id }), row: row() }).toEqual(before);
    });
  }

  it('a confirmed shipment cannot be edited any more', () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    app.call('shipping.confirm', { id: draft.id });
    const r = app.invoke('shipping.update', { ...inputOf(draft), carrier: 'SDA' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('another destination on the documents', () => {
  it('prints on the DDT as Luogo di destinazione beside the customer as recipient, and heads the shipping labels', async () => {
    const w = readyOrder(app);
    const draft = draftOf(w);
    app.call('shipping.update', { ...inputOf(draft), destination: ELSEWHERE });
    const confirmed = app.call('shipping.confirm', { id: draft.id });
    const ddt = pdfText((await app.callAsync('shipping.ddtPdf', { shipmentId: confirmed.id })).base64, 'ddt-elsewhere');
    expect(ddt).toMatch(/luogo di destinazione/i);
    expect(ddt).toContain('Fiera Pad. 21');
    expect(ddt).toContain('Viale della Fiera, 20');
    expect(ddt).toContain('40127 Bologna (BO)');
    // the customer is still the recipient (its registered address), not replaced by the fair
    expect(ddt).toContain('Erboristeria La Malva');
    expect(ddt).not.toContain('Via del Magazzino, 3');
    const labels = pdfText((await app.callAsync('labels.shipmentPdf', { shipmentId: confirmed.id })).base64, 'labels-elsewhere');
    expect(labels).toContain('LUOGO DI DESTINAZIONE');
    expect(labels).toContain('Viale della Fiera, 20');
  });
});
