/**
 * The search module's tables: one FTS5 index per kind, created with their views and
 * triggers by migration 0013_search (virtual tables are SQL drizzle cannot express, so
 * they are not drizzle tables and drizzle-kit leaves them alone). Declared here so the
 * one-writer rule knows this module owns them; kinds.ts maps each kind to its table.
 */
function virtualTable<N extends string>(name: N): { readonly name: N } {
  return { name };
}

export const searchOrder = virtualTable('search_order');
export const searchCustomer = virtualTable('search_customer');
export const searchSupplier = virtualTable('search_supplier');
export const searchItem = virtualTable('search_item');
export const searchLot = virtualTable('search_lot');
export const searchDdt = virtualTable('search_ddt');
export const searchProductionOrder = virtualTable('search_production_order');
export const searchPurchaseOrder = virtualTable('search_purchase_order');
export const searchInvoice = virtualTable('search_invoice');
