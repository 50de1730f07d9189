import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { runCheck } from '../../src-main/db/check';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;

beforeEach(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock('2026-10-22T08:00:00.000Z') });
});
afterEach(() => {
  app.close();
  t.cleanup();
});

function setup() {
  const oil = app.call('catalog.createItem', { sku: 'OLIO', name: 'Olio di mandorle', kind: 'material', unit: 'g', shelfLifeDays: 365 });
  const wax = app.call('catalog.createItem', { sku: 'CERA', name: 'Cera d’api', kind: 'material', unit: 'kg', quarantineOnReceipt: true });
  const sup = app.call('parties.createSupplier', { name: 'Oleificio Rossi srl', vatNumber: null });
  return { oil, wax, sup };
}

function expectError(name: Parameters<BottegaApp['invoke']>[0], input: unknown, code: string) {
  const before = app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_movements) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM reservations) AS r').get();
  const res = app.invoke(name, input);
  expect(res.ok).toBe(false);
  if (!res.ok) expect(res.error.code).toBe(code);
  expect(app.ctx.sqlite.prepare('SELECT (SELECT count(*) FROM stock_movements) AS m, (SELECT count(*) FROM lots) AS l, (SELECT count(*) FROM reservations) AS r').get()).toEqual(before);
  return res.ok ? null : res.error;
}

describe('receiving goods', () => {
  it('creates lots with our codes, converted quantities and expiry from shelf life', () => {
    const { oil, sup } = setup();
    const r = app.call('inventory.receive', {
      supplierId: sup.id,
      supplierDdtNumber: '456',
      supplierDdtDate: '2026-10-21',
      lines: [
        { itemId: oil.id, quantity: '25 kg', supplierLotCode: 'AB-1', unitCost: '0,012' },
        { itemId: oil.id, quantity: '500', supplierLotCode: 'AB-2', expiresOn: '2027-01-31' },
      ],
    });
    expect(r.lots.map((l) => [l.code, l.onHandMilli, l.expiresOn, l.status])).toEqual([
      ['L26295-1', 25_000_000, '2027-10-22', 'released'],
      ['L26295-2', 500_000, '2027-01-31', 'released'],
    ]);
    const page = app.call('inventory.lot', { lotId: r.lots[0]!.id });
    expect(page.movements).toHaveLength(1);
    expect(page.movements[0]!.docLabel).toContain('DDT 456');
    expect(runCheck(app.ctx).ok).toBe(true);
  });

  it('quarantines on receipt when the item says so, and releases with who and why', () => {
    const { wax } = setup();
    const lot = app.call('inventory.receive', { lines: [{ itemId: wax.id, quantity: '10' }] }).lots[0]!;
    expect(lot.status).toBe('quarantine');
    expect(lot.availableMilli).toBe(0);
    expectError('inventory.reserve', { itemId: wax.id, quantity: '1' }, 'INSUFFICIENT_STOCK');
    const released = app.call('inventory.releaseLot', { lotId: lot.id, by: 'Anna', reason: 'analisi ok' });
    expect(released.status).toBe('released');
    expect(app.call('inventory.lot', { lotId: lot.id }).statusChanges).toEqual([
      expect.objectContaining({ fromStatus: 'quarantine', toStatus: 'released', by: 'Anna', reason: 'analisi ok' }),
    ]);
  });

  it('refuses bad lines, naming the line and field, writing nothing', () => {
    const { oil } = setup();
    const err = expectError(
      'inventory.receive',
      { receivedOn: '2026-10-22', lines: [{ itemId: oil.id, quantity: '1 kg' }, { itemId: oil.id, quantity: '0' }, { itemId: oil.id, quantity: '2 l' }, { itemId: oil.id, quantity: '1', expiresOn: '2026-10-01' }, { itemId: 999, quantity: '1' }] },
      'VALIDATION',
    );
    const paths = (err!.details!.issues as { path: (string | number)[] }[]).map((i) => i.path.join('.'));
    expect(paths).toEqual(['lines.1.quantity', 'lines.2.quantity', 'lines.3.expiresOn', 'lines.4.itemId']);
  });

  it('asks before receiving a supplier lot code again: same lot or new lot', () => {
    const { oil, sup } = setup();
    const first = app.call('inventory.receive', { supplierId: sup.id, lines: [{ itemId: oil.id, quantity: '1 kg', supplierLotCode: 'X9' }] }).lots[0]!;
    const err = expectError('inventory.receive', { supplierId: sup.id, lines: [{ itemId: oil.id, quantity: '2 kg', supplierLotCode: 'X9' }] }, 'CONFLICT');
    expect(err!.details!.duplicates).toEqual([expect.objectContaining({ line: 0, code: first.code })]);
    const same = app.call('inventory.receive', { supplierId: sup.id, lines: [{ itemId: oil.id, quantity: '2 kg', supplierLotCode: 'X9', existingLot: 'same' }] }).lots[0]!;
    expect([same.id, same.onHandMilli]).toEqual([first.id, 3_000_000]);
    const fresh = app.call('inventory.receive', { supplierId: sup.id, lines: [{ itemId: oil.id, quantity: '1 kg', supplierLotCode: 'X9', existingLot: 'new' }] }).lots[0]!;
    expect(fresh.id).not.toBe(first.id);
  });
});

describe('stock, reservations and FEFO', () => {
  function twoLots() {
    const { oil } = setup();
    const [late, early] = app.call('inventory.receive', {
      lines: [
        { itemId: oil.id, quantity: '3 kg', expiresOn: '2027-06-30' },
        { itemId: oil.id, quantity: '2 kg', expiresOn: '2026-12-31' },
      ],
    }).lots;
    return { oil, late: late!, early: early! };
  }

  it('proposes the earlier expiry first and splits across lots, saying what is short', () => {
    const { oil, late, early } = twoLots();
    const p = app.call('inventory.fefo', { itemId: oil.id, quantity: '4 kg' });
    expect(p.picks.map((x) => [x.lotId, x.qtyMilli])).toEqual([[early.id, 2_000_000], [late.id, 2_000_000]]);
    expect(p.shortMilli).toBe(0);
    const short = app.call('inventory.fefo', { itemId: oil.id, quantity: '6 kg', needDate: '2027-01-15' });
    expect(short.picks.map((x) => x.lotId)).toEqual([late.id]);
    expect(short.shortMilli).toBe(3_000_000);
  });

  it('reserves exactly, refuses more than available with the numbers, releases to the thousandth', () => {
    const { oil, early } = twoLots();
    const r = app.call('inventory.reserve', { itemId: oil.id, lotId: early.id, quantity: '1,999 kg' });
    expect(app.call('inventory.lot', { lotId: early.id }).lot.availableMilli).toBe(1_000);
    const err = expectError('inventory.reserve', { itemId: oil.id, quantity: '3,002 kg' }, 'INSUFFICIENT_STOCK');
    expect(err!.details).toMatchObject({ neededMilli: 3_002_000, availableMilli: 3_001_000, shortMilli: 1_000, sku: 'OLIO' });
    app.call('inventory.releaseReservation', { reservationId: r.id, quantity: '0,5 g' });
    expect(app.call('inventory.lot', { lotId: early.id }).lot.reservedMilli).toBe(1_998_500);
    const overview = app.call('inventory.stockOverview', {}).rows.find((x) => x.item.id === oil.id)!;
    expect([overview.onHandMilli, overview.reservedMilli, overview.availableMilli]).toEqual([5_000_000, 1_998_500, 3_001_500]);
    expect(runCheck(app.ctx).ok).toBe(true);
  });

  it('counts, scraps, blocks and reverses — every change a movement', () => {
    const { oil, early, late } = twoLots();
    const counted = app.call('inventory.countLot', { lotId: early.id, counted: '1,8 kg', note: 'inventario' });
    expect(counted.differenceMilli).toBe(-200_000);
    app.call('inventory.scrapLot', { lotId: early.id, quantity: '300 g', reason: 'caduto' });
    app.call('inventory.blockLot', { lotId: early.id, reason: 'odore strano' });
    const p = app.call('inventory.fefo', { itemId: oil.id, quantity: '1 kg' });
    expect(p.picks.map((x) => x.lotId)).toEqual([late.id]);
    expectError('inventory.reserve', { itemId: oil.id, lotId: early.id, quantity: '1' }, 'LOT_NOT_RELEASED');
    const page = app.call('inventory.lot', { lotId: early.id });
    expect(page.movements.map((m) => [m.kind, m.qtyMilli])).toEqual([['receipt', 2_000_000], ['adjust', -200_000], ['scrap', -300_000]]);
    const rev = app.call('inventory.reverseMovement', { movementId: page.movements[2]!.id, reason: 'non era caduto' });
    expect(rev.movement.reversesId).toBe(page.movements[2]!.id);
    expect(app.call('inventory.lot', { lotId: early.id }).lot.onHandMilli).toBe(1_800_000);
    expectError('inventory.reverseMovement', { movementId: page.movements[2]!.id, reason: 'again' }, 'CONFLICT');
    expectError('inventory.scrapLot', { lotId: early.id, quantity: '5 kg', reason: 'x' }, 'INSUFFICIENT_STOCK');
    expect(runCheck(app.ctx).ok).toBe(true);
  });

  it('moves stock between locations', () => {
    const { late } = twoLots();
    const loc = app.call('inventory.createLocation', { code: 'LAB', name: 'Laboratorio' });
    const mag = app.call('inventory.locations', {}).locations.find((l) => l.isDefault)!;
    app.call('inventory.transfer', { lotId: late.id, fromLocationId: mag.id, toLocationId: loc.id, quantity: '1 kg' });
    const page = app.call('inventory.lot', { lotId: late.id });
    expect(page.balances.map((b) => [b.locationCode, b.qtyMilli])).toEqual([['LAB', 1_000_000], ['MAG', 2_000_000]]);
    expect(page.lot.onHandMilli).toBe(3_000_000);
    expect(runCheck(app.ctx).ok).toBe(true);
  });

  it('finds lots by our code prefix or the supplier lot code, and lists alerts', () => {
    const { oil, sup } = setup();
    app.call('catalog.updateItem', { ...oil, id: oil.id, reorderPoint: '10 kg', netWeight: null, unitCost: null, salePrice: null });
    app.call('inventory.receive', { supplierId: sup.id, lines: [{ itemId: oil.id, quantity: '1 kg', supplierLotCode: 'SUP-77', expiresOn: '2026-11-01' }] });
    expect(app.call('inventory.findLots', { q: 'L26295' }).lots).toHaveLength(1);
    expect(app.call('inventory.findLots', { q: 'SUP-77' }).lots[0]!.supplierLotCode).toBe('SUP-77');
    const a = app.call('inventory.alerts', {});
    expect(a.expiring.map((l) => l.supplierLotCode)).toEqual(['SUP-77']);
    expect(a.belowReorder.map((b) => b.item.sku)).toEqual(['OLIO']);
  });
});
