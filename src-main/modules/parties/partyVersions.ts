/**
 * The optimistic versions of customers and suppliers (issue 20): the statements the versions module runs on
 * this module's tables, kept here because this module owns the tables (one writer per table).
 */
export const customerVersionSql = {
  kind: 'customers',
  /** +1 after a command changed the document; the new version back */
  bump: 'UPDATE customers SET version = version + 1 WHERE id = ? RETURNING version',
  /** +1 only if the caller saw the current version: the whole optimistic check in one statement */
  bumpIf: 'UPDATE customers SET version = version + 1 WHERE id = ? AND version = ? RETURNING version',
  read: 'SELECT version FROM customers WHERE id = ?',
  /** what the customer form edits: the terms and invoicing cards beside it save on their own and do not move it */
  raisedBy: ['parties.createCustomer', 'parties.updateCustomer', 'parties.archiveCustomer'],
} as const;

export const supplierVersionSql = {
  kind: 'suppliers',
  /** +1 after a command changed the document; the new version back */
  bump: 'UPDATE suppliers SET version = version + 1 WHERE id = ? RETURNING version',
  /** +1 only if the caller saw the current version: the whole optimistic check in one statement */
  bumpIf: 'UPDATE suppliers SET version = version + 1 WHERE id = ? AND version = ? RETURNING version',
  read: 'SELECT version FROM suppliers WHERE id = ?',
  raisedBy: ['parties.createSupplier', 'parties.updateSupplier', 'parties.archiveSupplier'],
} as const;
