/**
 * The screens of the sidebar and the palette, in order. `key` is the letter after "g"
 * (g then i → Items), shown in the command palette.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from '../src-shared/i18n';
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
}

export const NAV: readonly NavEntry[] = [
  { id: 'dashboard', path: '/', label: 'nav.dashboard', icon: IconDashboard, group: 'work', key: 'd' },
  { id: 'orders', path: '/orders', label: 'nav.orders', icon: IconOrders, group: 'work', key: 'o' },
  { id: 'production', path: '/production', label: 'nav.production', icon: IconProduction, group: 'work', key: 'p' },
  { id: 'floor', path: '/floor', label: 'nav.floor', icon: IconFloor, group: 'work', key: 'w' },
  { id: 'planning', path: '/planning', label: 'nav.planning', icon: IconPlanning, group: 'work', key: 'l' },
  { id: 'inventory', path: '/inventory', label: 'nav.inventory', icon: IconInventory, group: 'work', key: 'm' },
  { id: 'purchasing', path: '/purchasing', label: 'nav.purchasing', icon: IconPurchasing, group: 'work', key: 'a' },
  { id: 'shipments', path: '/shipments', label: 'nav.shipments', icon: IconShipments, group: 'work', key: 's' },
  // the packing bench (tablet + scanner): the ready orders, packed by scanning their labels
  { id: 'packing', path: '/packing', label: 'nav.packing', icon: IconArchive, group: 'work', key: 'b' },
  { id: 'invoices', path: '/invoices', label: 'nav.invoices', icon: IconInvoices, group: 'work', key: 'v' },
  { id: 'payments', path: '/payments', label: 'nav.payments', icon: IconPaymentsDue, group: 'work', key: 'z' },
  { id: 'traceability', path: '/traceability', label: 'nav.traceability', icon: IconTrace, group: 'work', key: 't' },
  { id: 'reports', path: '/reports', label: 'nav.reports', icon: IconReports, group: 'work', key: 'n' },
  { id: 'recipes', path: '/recipes', label: 'nav.recipes', icon: IconRecipes, group: 'registry', key: 'r' },
  { id: 'items', path: '/items', label: 'nav.items', icon: IconItems, group: 'registry', key: 'i' },
  { id: 'customers', path: '/customers', label: 'nav.customers', icon: IconCustomers, group: 'registry', key: 'c' },
  { id: 'prices', path: '/prices', label: 'nav.prices', icon: IconPrices, group: 'registry', key: 'k' },
  { id: 'suppliers', path: '/suppliers', label: 'nav.suppliers', icon: IconSuppliers, group: 'registry', key: 'f' },
  { id: 'settings', path: '/settings', label: 'nav.settings', icon: IconSettings, group: 'system', key: 'e' },
];

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
