import type { MessageKey } from '../../../src-shared/i18n';

/** Customers and suppliers share one screen; these are the names that differ. */
export const PARTY_KINDS = {
  customer: {
    base: '/customers',
    search: 'parties.searchCustomers',
    get: 'parties.getCustomer',
    create: 'parties.createCustomer',
    update: 'parties.updateCustomer',
    archive: 'parties.archiveCustomer',
    title: 'customers.title',
    subtitle: 'customers.subtitle',
    newLabel: 'customers.new',
    editLabel: 'customers.edit',
    emptyTitle: 'customers.empty.title',
    emptyBody: 'customers.empty.body',
    created: 'customers.created',
  },
  supplier: {
    base: '/suppliers',
    search: 'parties.searchSuppliers',
    get: 'parties.getSupplier',
    create: 'parties.createSupplier',
    update: 'parties.updateSupplier',
    archive: 'parties.archiveSupplier',
    title: 'suppliers.title',
    subtitle: 'suppliers.subtitle',
    newLabel: 'suppliers.new',
    editLabel: 'suppliers.edit',
    emptyTitle: 'suppliers.empty.title',
    emptyBody: 'suppliers.empty.body',
    created: 'suppliers.created',
  },
} as const satisfies Record<string, Record<string, string>>;

export type PartyKind = keyof typeof PARTY_KINDS;

// every label above is a message key
const _check: Record<string, MessageKey> = {
  a: PARTY_KINDS.customer.title,
  b: PARTY_KINDS.supplier.created,
};
void _check;
