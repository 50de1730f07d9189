/**
 * What a global-search hit opens and the icon it shows, per kind. An invoice opens
 * `/invoices/:id`, the invoices screen of issue 15 (until it is merged the route shows the
 * home screen).
 */
import type { ComponentType } from 'react';
import type { SearchHit, SearchKind } from '../../src-shared/contract/search';
import { IconCustomers, IconInventory, IconItems, IconOrders, IconPrices, IconProduction, IconPurchasing, IconShipments, IconSuppliers } from './icons';

export const HIT_ICON: Record<SearchKind, ComponentType<{ size?: number }>> = {
  order: IconOrders,
  customer: IconCustomers,
  supplier: IconSuppliers,
  item: IconItems,
  lot: IconInventory,
  shipment: IconShipments,
  production_order: IconProduction,
  purchase_order: IconPurchasing,
  invoice: IconPrices,
};

const PATH: Record<SearchKind, (id: number) => string> = {
  order: (id) => `/orders/${id}`,
  customer: (id) => `/customers/${id}`,
  supplier: (id) => `/suppliers/${id}`,
  item: (id) => `/items/${id}`,
  lot: (id) => `/inventory/lots/${id}`,
  shipment: (id) => `/shipments/${id}`,
  production_order: (id) => `/production/${id}`,
  purchase_order: (id) => `/purchasing/${id}`,
  invoice: (id) => `/invoices/${id}`,
};

export function hitPath(hit: Pick<SearchHit, 'kind' | 'id'>): string {
  return PATH[hit.kind](hit.id);
}

/** The hits in runs of one kind, in the order the search gave them (it groups and ranks them). */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  const groups: { kind: SearchKind; hits: SearchHit[] }[] = [];
  for (const h of hits) {
    const last = groups.at(-1);
    if (last?.kind === h.kind) last.hits.push(h);
    else groups.push({ kind: h.kind, hits: [h] });
  }
  return groups;
}
