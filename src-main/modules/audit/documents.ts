/**
 * Which documents a command touched, as `kind/id` (`orders/42`): what the activity log
 * files an entry under, so that a page's "History" is one index lookup.
 *
 * One small rule per command, typed by the contract: a new command without a rule, or a
 * rule that reads a field its command does not have, is a compile error, so the mapping
 * cannot silently go stale. A rule names the command's own document (its input's or
 * output's id) and the documents it changed on the way (the lots a production run
 * consumed and made, the orders a shipment carries). It does not name what was only
 * read (the customer of a new order): that one's history would otherwise be every order.
 */
import type { Contract, OperationName, OutputOf, ParsedInputOf } from '../../../src-shared/contract';

export type CommandName = { [K in OperationName]: Contract[K]['kind'] extends 'command' ? K : never }[OperationName];
type Rule<K extends CommandName> = (input: ParsedInputOf<Contract[K]>, output: OutputOf<Contract[K]>) => (string | null)[];

const doc = (kind: string, id: number | string | null | undefined): string | null => (id === null || id === undefined ? null : `${kind}/${id}`);
const all = (kind: string, ids: readonly (number | null | undefined)[]): (string | null)[] => ids.map((i) => doc(kind, i));

const item = (_: unknown, o: { id: number }) => [doc('items', o.id)];
const customer = (_: unknown, o: { id: number }) => [doc('customers', o.id)];
const supplier = (_: unknown, o: { id: number }) => [doc('suppliers', o.id)];
const lot = (i: { lotId: number }) => [doc('lots', i.lotId)];
const order = (_: unknown, o: { id: number }) => [doc('orders', o.id)];
const production = (_: unknown, o: { id: number; outputLot: { id: number } | null; consumed: { lotId: number }[] }) => [
  doc('production', o.id),
  doc('lots', o.outputLot?.id),
  ...all('lots', o.consumed.map((c) => c.lotId)),
];
const purchaseOrder = (_: unknown, o: { id: number }) => [doc('purchase-orders', o.id)];
const invoice = (_: unknown, o: { id: number }) => [doc('invoices', o.id)];
const shipment = (_: unknown, o: { id: number; orders: { id: number }[] }) => [doc('shipments', o.id), ...all('orders', o.orders.map((x) => x.id))];

const account = (_: unknown, o: { id: number }) => [doc('users', o.id)];

const RULES: { [K in CommandName]: Rule<K> } = {
  'accounts.create': account,
  'accounts.update': account,
  'accounts.setPassword': account,
  'accounts.disable': account,
  'accounts.enable': account,
  'accounts.changeOwnPassword': account,
  'system.startEmpty': () => [doc('settings', 'general')],
  // the demo's own commands are recorded one by one (door: demo)
  'system.loadDemo': () => [],
  'settings.update': () => [doc('settings', 'general')],
  'settings.setLogo': () => [doc('settings', 'logo')],
  'settings.removeLogo': () => [doc('settings', 'logo')],
  'backups.saveSettings': () => [doc('settings', 'backups')],
  // runs in the live app, which swaps the whole file (its log included); through the registry it is refused
  'system.restore': () => [],
  'catalog.createItem': item,
  'catalog.updateItem': item,
  'catalog.archiveItem': item,
  'catalog.saveRecipe': (i, o) => [doc('recipes', o.id), doc('items', i.itemId)],
  'catalog.activateRecipeVersion': (i, o) => [doc('recipes', i.recipeId), doc('items', o.item.id)],
  'parties.createCustomer': customer,
  'parties.updateCustomer': customer,
  'parties.archiveCustomer': customer,
  'parties.createSupplier': supplier,
  'parties.updateSupplier': supplier,
  'parties.archiveSupplier': supplier,
  'inventory.receive': (_, o) => [doc('stock-documents', o.documentId), ...all('lots', o.lots.map((l) => l.id))],
  'inventory.releaseLot': lot,
  'inventory.blockLot': lot,
  'inventory.unblockLot': lot,
  'inventory.countLot': lot,
  'inventory.scrapLot': lot,
  'inventory.transfer': lot,
  'inventory.consume': (i, o) => [doc('stock-documents', o.documentId), ...all('lots', i.lines.map((l) => l.lotId))],
  'inventory.reverseMovement': (i, o) => [doc('movements', i.movementId), doc('lots', o.movement.lotId)],
  'inventory.createLocation': (_, o) => [doc('locations', o.id)],
  'inventory.reserve': (_, o) => [doc('reservations', o.id), doc('lots', o.lotId)],
  'inventory.releaseReservation': (_, o) => [doc('reservations', o.id), doc('lots', o.lotId)],
  'orders.create': order,
  'orders.update': order,
  'orders.confirm': order,
  'orders.cancel': order,
  'orders.setPromisedDate': order,
  'orders.fulfil': (i, o) => [...all('orders', i.orderIds), ...all('production', o.productionOrderIds), ...all('lots', o.reservations.map((r) => r.lotId))],
  'production.create': (i, o) => [...production(i, o), ...all('orders', o.links.map((l) => l.orderId))],
  'production.update': production,
  'production.release': production,
  'production.start': production,
  'production.complete': production,
  'production.cancel': production,
  // the orders an import wrote are named by the import itself (see recordImport)
  'channels.import': () => [],
  'channels.startImport': () => [],
  'channels.uploadChunk': () => [],
  'channels.saveMapping': (_, o) => [doc('channel-mappings', o.id)],
  'channels.deleteMapping': (_, o) => [doc('channel-mappings', o.id)],
  'channels.deleteSkuMapping': (_, o) => [doc('sku-mappings', o.id)],
  'purchasing.saveSupplierTerms': (_, o) => [doc('supplier-terms', o.id)],
  'purchasing.deleteSupplierTerms': (_, o) => [doc('supplier-terms', o.id)],
  'purchasing.create': purchaseOrder,
  'purchasing.update': purchaseOrder,
  'purchasing.send': purchaseOrder,
  'purchasing.cancel': purchaseOrder,
  'purchasing.createFromShortages': (_, o) => all('purchase-orders', o.purchaseOrders.map((p) => p.id)),
  'trace.recall': (_, o) => [doc('lots', o.lotId), ...all('lots', o.blocked.map((b) => b.lotId)), ...all('orders', o.affectedOrders.map((a) => a.id))],
  'labels.saveItemInfo': (_, o) => [doc('items', o.itemId)],
  'labels.saveSettings': () => [doc('settings', 'labels')],
  'notifications.saveSettings': () => [doc('settings', 'notifications')],
  'shipping.create': shipment,
  'shipping.update': shipment,
  'shipping.setTracking': shipment,
  'shipping.confirm': shipment,
  'shipping.cancel': shipment,
  'shipping.createReturn': (_, o) => [doc('shipments', o.shipmentId), doc('returns', o.id), ...all('lots', o.lines.map((l) => l.lotId))],
  'prices.createList': (_, o) => [doc('price-lists', o.id)],
  'prices.updateList': (_, o) => [doc('price-lists', o.id)],
  'prices.archiveList': (_, o) => [doc('price-lists', o.id)],
  'prices.setPrices': (i) => [doc('price-lists', i.listId)],
  'prices.removePrices': (i) => [doc('price-lists', i.listId)],
  'prices.bulkAdjust': (i) => [doc('price-lists', i.listId)],
  'prices.importCommit': (i) => [doc('price-lists', i.listId)],
  'prices.createGroup': (_, o) => [doc('customer-groups', o.id)],
  'prices.updateGroup': (_, o) => [doc('customer-groups', o.id)],
  'prices.deleteGroup': (i) => [doc('customer-groups', i.id)],
  'prices.setCustomerTerms': (i) => [doc('customers', i.customerId)],
  'prices.createPaymentTerms': (_, o) => [doc('payment-terms', o.id)],
  'prices.updatePaymentTerms': (_, o) => [doc('payment-terms', o.id)],
  'prices.archivePaymentTerms': (_, o) => [doc('payment-terms', o.id)],
  // each file written: the invoice it was written for (invoice_files, state sent)
  'invoicing.exportMonth': (_, o) => all('invoices', o.files.map((f) => f.invoiceId)),
  'invoicing.exportXml': (_, o) => [doc('invoices', o.invoiceId)],
  'invoicing.issueMonth': (_, o) => all('invoices', o.invoices.map((x) => x.id)),
  'invoicing.createFromOrder': (i, o) => [doc('invoices', o.id), doc('orders', i.orderId)],
  'invoicing.createDraft': invoice,
  'invoicing.updateDraft': invoice,
  'invoicing.deleteDraft': (i) => [doc('invoices', i.id)],
  'invoicing.createCreditNote': (i, o) => [doc('invoices', o.id), doc('invoices', i.invoiceId)],
  'invoicing.issue': invoice,
  'invoicing.markSent': invoice,
  'invoicing.markDelivered': invoice,
  'invoicing.markRejected': invoice,
  'invoicing.reissueRejected': invoice,
  'invoicing.registerPayment': (_, o) => [doc('invoices', o.invoiceId)],
  'invoicing.deletePayment': (_, o) => [doc('invoices', o.invoiceId)],
  'invoicing.setCustomerSettings': (i) => [doc('customers', i.customerId)],
  // the index is derived from the documents; rebuilding it changes none of them
  'search.rebuild': () => [],
  // the LAN door runs in the serving process (api/lanControl.ts); through the registry these are refused
  'lan.setEnabled': () => [],
  'lan.newPairingCode': () => [],
  'devices.revoke': (_, o) => [doc('devices', o.id)],
  // the KPI summary is derived from orders, shipments and lots; rebuilding it changes none of them
  'reports.rebuildSummary': () => [],
};

/** Whether `operation` has a rule (every command of the contract has one: the type says so, a test checks it at run time). */
export function hasDocumentRule(operation: string): boolean {
  return Object.hasOwn(RULES, operation);
}

/** The documents of one run of a command, each once. */
export function documentsOf(operation: string, input: unknown, output: unknown): string[] {
  const rule = (RULES as Record<string, ((i: unknown, o: unknown) => (string | null)[]) | undefined>)[operation];
  if (!rule) return [];
  return [...new Set(rule(input, output).filter((d): d is string => d !== null))];
}
