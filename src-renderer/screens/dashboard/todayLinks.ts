/**
 * Where each tile of the home screen leads: the list filtered to what the tile counts, and
 * what one of its lines opens. The invoice routes belong to the invoicing screens (issue 15,
 * being built alongside): they are named here only, so one place changes if they differ.
 */
import type { TodayOut } from '../../../src-shared/contract/today';

export const TODAY_LISTS = {
  toShip: '/orders?status=ready_to_ship',
  late: '/orders?late=1',
  // open production planned for today or left from earlier days
  production: (day: string) => `/production?to=${day}`,
  shortages: '/planning?tab=shortages',
  purchaseOverdue: '/purchasing?overdue=1',
  // only expired lots: the inventory's "expired" filter; otherwise the lots expiring soon
  expiring: (e: TodayOut['expiring']) => (e.expiredCount > 0 && e.expiredCount === e.count ? '/inventory?filter=expired' : '/inventory?filter=expiring'),
  invoicesOverdue: '/payments?state=overdue',
  notInvoiced: (month: string) => `/invoices/month?month=${month}`,
  backup: '/settings?section=backups',
} as const;

export const TODAY_OPEN = {
  order: (id: number) => `/orders/${id}`,
  production: (id: number) => `/production/${id}`,
  item: (id: number) => `/inventory/items/${id}`,
  purchaseOrder: (id: number) => `/purchasing/${id}`,
  lot: (id: number) => `/inventory/lots/${id}`,
  invoice: (id: number) => `/invoices/${id}`,
} as const;

/** The form each first-run step is done in. */
export const SETUP_FORMS = {
  company: '/settings?section=company',
  logo: '/settings?section=logo',
  materials: '/items/new?kind=material',
  recipe: '/recipes?new=1',
  customer: '/customers/new',
  calendar: '/settings?section=calendar',
} as const;
