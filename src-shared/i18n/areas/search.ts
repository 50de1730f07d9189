import type { Message } from '../types';

/** Messages of the global search (Ctrl+K palette and the top bar). Italian is the reference. */
export const searchIt = {
  'search.kind.order': 'Ordini',
  'search.kind.customer': 'Clienti',
  'search.kind.supplier': 'Fornitori',
  'search.kind.item': 'Articoli',
  'search.kind.lot': 'Lotti',
  'search.kind.shipment': 'Spedizioni (DDT)',
  'search.kind.production_order': 'Ordini di produzione',
  'search.kind.purchase_order': 'Ordini fornitore',
  'search.kind.invoice': 'Fatture',
  'search.searching': 'Ricerca in corso…',
};

export const searchEn: Record<keyof typeof searchIt, Message> = {
  'search.kind.order': 'Orders',
  'search.kind.customer': 'Customers',
  'search.kind.supplier': 'Suppliers',
  'search.kind.item': 'Items',
  'search.kind.lot': 'Lots',
  'search.kind.shipment': 'Shipments (DDT)',
  'search.kind.production_order': 'Production orders',
  'search.kind.purchase_order': 'Purchase orders',
  'search.kind.invoice': 'Invoices',
  'search.searching': 'Searching…',
};
