/**
 * The screens of the sidebar and the palette, in order. `key` is the letter after "g"
 * (g then i → Items), shown in the command palette.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../src-shared/i18n';
import { operationRoles, type OperationName } from '../src-shared/contract';
import type { Role } from '../src-shared/contract/accounts';
import {
  IconCustomers,
  IconDashboard,
  IconArchive,
  IconInventory,
  IconItems,
  IconOrders,
  IconPlanning,
  IconPrices,
  IconProduction,
  IconPurchasing,
  IconRecipes,
  IconReports,
  IconSettings,
  IconShipments,
  IconSuppliers,
  IconTrace,
} from './components/icons';
import { IconInvoices, IconPaymentsDue } from './components/moneyIcons';
import { IconFloor } from './screens/floor/IconFloor';

export type ScreenId =
  | 'dashboard'
  | 'orders'
  | 'production'
  | 'floor'
  | 'planning'
  | 'inventory'
  | 'purchasing'
  | 'shipments'
  | 'packing'
  | 'invoices'
  | 'payments'
  | 'traceability'
  | 'reports'
  | 'recipes'
  | 'items'
  | 'customers'
  | 'prices'
  | 'suppliers'
  | 'settings';

export interface NavEntry {
  id: ScreenId;
  path: string;
  label: MessageKey;
  icon: ComponentType<{ size?: number }>;
  group: 'work' | 'registry' | 'system';
  key: string;
  /** the operation the screen is for: the sidebar shows the entry to the roles that may call it */
  opens: OperationName;
}

export const NAV: readonly NavEntry[] = [
  { id: 'dashboard', path: '/', label: 'nav.dashboard', icon: IconDashboard, group: 'work', key: 'd', opens: 'reports.today' },
  { id: 'orders', path: '/orders', label: 'nav.orders', icon: IconOrders, group: 'work', key: 'o', opens: 'orders.list' },
  { id: 'production', path: '/production', label: 'nav.production', icon: IconProduction, group: 'work', key: 'p', opens: 'production.list' },
  { id: 'floor', path: '/floor', label: 'nav.floor', icon: IconFloor, group: 'work', key: 'w', opens: 'production.complete' },
  { id: 'planning', path: '/planning', label: 'nav.planning', icon: IconPlanning, group: 'work', key: 'l', opens: 'planning.schedule' },
  { id: 'inventory', path: '/inventory', label: 'nav.inventory', icon: IconInventory, group: 'work', key: 'm', opens: 'inventory.stockOverview' },
  { id: 'purchasing', path: '/purchasing', label: 'nav.purchasing', icon: IconPurchasing, group: 'work', key: 'a', opens: 'purchasing.list' },
  { id: 'shipments', path: '/shipments', label: 'nav.shipments', icon: IconShipments, group: 'work', key: 's', opens: 'shipping.list' },
  // the packing bench (tablet + scanner): the ready orders, packed by scanning their labels
  { id: 'packing', path: '/packing', label: 'nav.packing', icon: IconArchive, group: 'work', key: 'b', opens: 'shipping.confirm' },
  { id: 'invoices', path: '/invoices', label: 'nav.invoices', icon: IconInvoices, group: 'work', key: 'v', opens: 'invoicing.list' },
  { id: 'payments', path: '/payments', label: 'nav.payments', icon: IconPaymentsDue, group: 'work', key: 'z', opens: 'invoicing.toCollect' },
  { id: 'traceability', path: '/traceability', label: 'nav.traceability', icon: IconTrace, group: 'work', key: 't', opens: 'trace.findLot' },
  { id: 'reports', path: '/reports', label: 'nav.reports', icon: IconReports, group: 'work', key: 'n', opens: 'reports.kpis' },
  { id: 'recipes', path: '/recipes', label: 'nav.recipes', icon: IconRecipes, group: 'registry', key: 'r', opens: 'catalog.listRecipes' },
  { id: 'items', path: '/items', label: 'nav.items', icon: IconItems, group: 'registry', key: 'i', opens: 'catalog.searchItems' },
  { id: 'customers', path: '/customers', label: 'nav.customers', icon: IconCustomers, group: 'registry', key: 'c', opens: 'parties.searchCustomers' },
  { id: 'prices', path: '/prices', label: 'nav.prices', icon: IconPrices, group: 'registry', key: 'k', opens: 'prices.listLists' },
  { id: 'suppliers', path: '/suppliers', label: 'nav.suppliers', icon: IconSuppliers, group: 'registry', key: 'f', opens: 'parties.searchSuppliers' },
  { id: 'settings', path: '/settings', label: 'nav.settings', icon: IconSettings, group: 'system', key: 'e', opens: 'settings.get' },
];

/** The entries a role sees: the owner (and a window still asking who it is) sees them all. */
export function navFor(role: Role | undefined): readonly NavEntry[] {
  if (role === undefined || role === 'owner') return NAV;
  return NAV.filter((n) => operationRoles[n.opens].includes(role));
}

export function navEntryOf(firstSegment: string | undefined): NavEntry {
  return NAV.find((n) => n.path === '/' + (firstSegment ?? '')) ?? NAV[0]!;
}

/** "New …" per screen, for the n shortcut. */
export const NEW_PATH: Partial<Record<ScreenId, string>> = {
  orders: '/orders/new',
  production: '/production?new=1',
  shipments: '/shipments/new',
  invoices: '/invoices/new',
  items: '/items/new',
  customers: '/customers/new',
  suppliers: '/suppliers/new',
  recipes: '/recipes?new=1',
  purchasing: '/purchasing/new',
};
