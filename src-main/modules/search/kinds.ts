import type { SearchKind } from '../../../src-shared/contract/search';

/**
 * Each kind has its FTS5 table (rowid = the row's id) and the view that gives the text it
 * is indexed with (migration 0013_search). A `shipment` is found by its DDT's number: its
 * rows are DDTs, and the hit opens their shipment.
 */
export const INDEX_OF: Record<SearchKind, { table: string; view: string }> = {
  order: { table: 'search_order', view: 'search_doc_order' },
  customer: { table: 'search_customer', view: 'search_doc_customer' },
  supplier: { table: 'search_supplier', view: 'search_doc_supplier' },
  item: { table: 'search_item', view: 'search_doc_item' },
  lot: { table: 'search_lot', view: 'search_doc_lot' },
  shipment: { table: 'search_ddt', view: 'search_doc_ddt' },
  production_order: { table: 'search_production_order', view: 'search_doc_production_order' },
  purchase_order: { table: 'search_purchase_order', view: 'search_doc_purchase_order' },
  invoice: { table: 'search_invoice', view: 'search_doc_invoice' },
};

/** Few rows each (master data): ranked by relevance. The others are ranked newest first. */
export const RANKED_KINDS: ReadonlySet<SearchKind> = new Set<SearchKind>(['customer', 'supplier', 'item']);
