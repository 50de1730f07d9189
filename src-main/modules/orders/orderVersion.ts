/**
 * The optimistic version of customer_orders (issue 20): the statements the versions module runs on
 * this module's table, kept here because this module owns the table (one writer per table).
 */
export const orderVersionSql = {
  kind: 'orders',
  /** +1 after a command changed the document; the new version back */
  bump: 'UPDATE customer_orders SET version = version + 1 WHERE id = ? RETURNING version',
  /** +1 only if the caller saw the current version: the whole optimistic check in one statement */
  bumpMany: 'UPDATE customer_orders SET version = version + 1 WHERE id IN (SELECT value FROM json_each(?)) RETURNING id, version',
  bumpIf: 'UPDATE customer_orders SET version = version + 1 WHERE id = ? AND version = ? RETURNING version',
  read: 'SELECT version FROM customer_orders WHERE id = ?',
} as const;
