/**
 * A soap workshop with three recipe levels, made through the real commands with every
 * consumption chosen by hand, so its genealogy can be written down and checked:
 *
 *   OLIO (O1, O2) + SODA (Y1) → BASE        B1: O1 1,0 + O2 0,6 + Y1 0,4 → BL1 2 kg
 *                                           B2: O1 1,6 + Y1 0,4        → BL2 2 kg
 *   BASE + PROF (C1)          → PASTA       P1 (2 batches): BL1 1,8 + C1 0,2 → PL1 2 kg
 *                                           P2: BL1 0,2 + BL2 0,7 + C1 0,1   → PL2 1 kg
 *   PASTA                     → SAPONE      S1: PL1 1,0           → SL1 10 pcs
 *                                           S2: PL1 0,5 + PL2 0,5 → SL2 10 pcs
 *
 * O1 is split across two batches, B1 uses two lots of oil, BL1 feeds two batches, PL2 is
 * reached from O1 by two paths. Then: S3 is released holding PL1 0,5 + PL2 0,5, and a
 * customer order holds 4 soaps of SL1. A second customer's order of 12 soaps ships as
 * SL1 6 + SL2 6 on DDT 1/2026, and 2 soaps of SL2 come back (restocked into SL2).
 */
import type { BottegaApp } from '../../src-main/api/app';
import { aCustomer, aSupplier, validPartitaIva } from './parties';
import { aMaterial, anIntermediate, aProduct } from './items';
import { aRecipe } from './recipes';

export type ScenarioLots = Record<'O1' | 'O2' | 'Y1' | 'C1' | 'BL1' | 'BL2' | 'PL1' | 'PL2' | 'SL1' | 'SL2', { id: number; code: string }>;

export function soapWorkshopWithGenealogy(app: BottegaApp) {
  // the sender block a DDT needs
  app.call('settings.update', {
    company: { name: 'Saponificio Aurora S.r.l.', vatNumber: validPartitaIva(4242), street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI', email: 'ordini@aurora.example', phone: '055 123456' },
  });
  const supplier = aSupplier().name('Oleificio Rossi srl').create(app);
  const customer = aCustomer().name('Erboristeria Verdi').email('ordini@verdi.example').phone('+39 055 123456').create(app);
  const oil = aMaterial().sku('OLIO').name('Olio di mandorla').create(app);
  const lye = aMaterial().sku('SODA').name('Soda caustica').create(app);
  const scent = aMaterial().sku('PROF').name('Profumo lavanda').create(app);
  const base = anIntermediate().sku('BASE').name('Base sapone').shelfLife(90).create(app);
  const paste = anIntermediate().sku('PASTA').name('Pasta profumata').shelfLife(90).create(app);
  const soap = aProduct().sku('SAP').name('Sapone lavanda').shelfLife(365).create(app);
  aRecipe(base).yield('2 kg').component(oil, '1,6 kg').component(lye, '0,4 kg').save(app);
  aRecipe(paste).yield('1 kg').component(base, '0,9 kg').component(scent, '0,1 kg').save(app);
  aRecipe(soap).yield('10').component(paste, '1 kg').save(app);

  const received = app.call('inventory.receive', {
    supplierId: supplier.id,
    supplierDdtNumber: '77/2026',
    supplierDdtDate: '2026-09-01',
    receivedOn: '2026-09-02',
    lines: [
      { itemId: oil.id, quantity: '3 kg', supplierLotCode: 'ALM-2026-77', expiresOn: '2027-09-01' },
      { itemId: oil.id, quantity: '3 kg', supplierLotCode: 'ALM-2026-78', expiresOn: '2027-09-01' },
      { itemId: lye.id, quantity: '5 kg', supplierLotCode: 'NAOH-5', expiresOn: '2028-01-01' },
      { itemId: scent.id, quantity: '1 kg', supplierLotCode: 'LAV-9', expiresOn: '2027-06-01' },
    ],
  });
  const [O1, O2, Y1, C1] = received.lots.map((l) => ({ id: l.id, code: l.code })) as [ScenarioLots['O1'], ScenarioLots['O1'], ScenarioLots['O1'], ScenarioLots['O1']];

  const make = (itemId: number, batches: number, picks: [{ id: number }, string][], producedOn: string) => {
    const po = app.call('production.create', { itemId, batches, plannedOn: producedOn });
    const byItem = new Map<number, { lotId: number; quantity: string }[]>();
    for (const [lot, quantity] of picks) {
      const item = app.call('inventory.lot', { lotId: lot.id }).lot.item.id;
      byItem.set(item, [...(byItem.get(item) ?? []), { lotId: lot.id, quantity }]);
    }
    app.call('production.release', { id: po.id, picks: [...byItem].map(([itemId, lots]) => ({ itemId, lots })) });
    const done = app.call('production.complete', { id: po.id, producedOn, consumption: picks.map(([lot, quantity]) => ({ lotId: lot.id, quantity })) });
    return { po: done, lot: { id: done.outputLot!.id, code: done.outputLot!.code } };
  };
  const B1 = make(base.id, 1, [[O1, '1 kg'], [O2, '0,6 kg'], [Y1, '0,4 kg']], '2026-09-10');
  const B2 = make(base.id, 1, [[O1, '1,6 kg'], [Y1, '0,4 kg']], '2026-09-11');
  const P1 = make(paste.id, 2, [[B1.lot, '1,8 kg'], [C1, '0,2 kg']], '2026-09-15');
  const P2 = make(paste.id, 1, [[B1.lot, '0,2 kg'], [B2.lot, '0,7 kg'], [C1, '0,1 kg']], '2026-09-16');
  const S1 = make(soap.id, 1, [[P1.lot, '1 kg']], '2026-09-20');
  const S2 = make(soap.id, 1, [[P1.lot, '0,5 kg'], [P2.lot, '0,5 kg']], '2026-09-21');

  const S3 = app.call('production.create', { itemId: soap.id, batches: 1, plannedOn: '2026-10-05' });
  app.call('production.release', { id: S3.id, picks: [{ itemId: paste.id, lots: [{ lotId: P1.lot.id, quantity: '0,5 kg' }, { lotId: P2.lot.id, quantity: '0,5 kg' }] }] });
  const order = app.call('orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '4' }], confirm: true });
  app.call('orders.fulfil', { orderIds: [order.id] });

  const shop = aCustomer().name('Farmacia Bianchi').email('acquisti@bianchi.example').create(app);
  const shipped = app.call('orders.create', { customerId: shop.id, lines: [{ itemId: soap.id, quantity: '12' }], confirm: true });
  app.call('orders.fulfil', { orderIds: [shipped.id] });
  const lineId = shipped.lines[0]!.id;
  const shipment = app.call('shipping.create', {
    lines: [
      { orderLineId: lineId, lotId: S1.lot.id, quantity: '6' },
      { orderLineId: lineId, lotId: S2.lot.id, quantity: '6' },
    ],
    packages: [{ count: 1, appearance: 'scatola' }],
    grossWeight: '1,5',
  });
  const confirmed = app.call('shipping.confirm', { id: shipment.id });
  const sl2Line = confirmed.lines.find((l) => l.lot.id === S2.lot.id)!;
  app.call('shipping.createReturn', { shipmentId: shipment.id, reason: 'Confezioni schiacciate', lines: [{ shipmentLineId: sl2Line.id, quantity: '2', disposition: 'restock' }] });

  const lots: ScenarioLots = { O1, O2, Y1, C1, BL1: B1.lot, BL2: B2.lot, PL1: P1.lot, PL2: P2.lot, SL1: S1.lot, SL2: S2.lot };
  const production = { B1: B1.po, B2: B2.po, P1: P1.po, P2: P2.po, S1: S1.po, S2: S2.po, S3 };
  return { supplier, customer, shop, items: { oil, lye, scent, base, paste, soap }, lots, production, order, shippedOrder: shipped, shipment: confirmed };
}
