import { api, type App } from './helpers';

/** Company data, a soap in two lots, a customer, and a confirmed order of 14 soaps fulfilled from stock: ready to ship. */
export async function readyOrder(app: App) {
  await api(app, 'settings.update', { company: { name: 'Saponificio Aurora S.r.l.', vatNumber: '00042420158', street: 'Via dei Mulini, 12', postcode: '50136', city: 'Firenze', province: 'FI' } });
  const soap = await api<{ id: number }>(app, 'catalog.createItem', { sku: 'PF-SAP-LAV', name: 'Sapone alla lavanda', kind: 'product', unit: 'pcs', netWeight: '120 g', salePrice: '6,50' });
  const lots = (
    await api<{ lots: { id: number; code: string }[] }>(app, 'inventory.receive', {
      lines: [
        { itemId: soap.id, quantity: '10', expiresOn: '2027-03-01' },
        { itemId: soap.id, quantity: '20', expiresOn: '2027-06-01' },
      ],
    })
  ).lots;
  const customer = await api<{ id: number }>(app, 'parties.createCustomer', { name: 'Erboristeria La Malva', vatNumber: '00010010155', street: 'Via Roma 1', postcode: '40121', city: 'Bologna', province: 'BO' });
  const order = await api<{ id: number; number: string }>(app, 'orders.create', { customerId: customer.id, lines: [{ itemId: soap.id, quantity: '14' }], confirm: true });
  await api(app, 'orders.fulfil', { orderIds: [order.id] });
  return { order, lots };
}
