/**
 * The optimistic version of shipments (issue 20): the statements the versions module runs on
 * this module's table, kept here because this module owns the table (one writer per table).
 */
export const shipmentVersionSql = {
  kind: 'shipments',
  /** +1 after a command changed the document; the new version back */
  bump: 'UPDATE shipments SET version = version + 1 WHERE id = ? RETURNING version',
  /** +1 only if the caller saw the current version: the whole optimistic check in one statement */
  bumpIf: 'UPDATE shipments SET version = version + 1 WHERE id = ? AND version = ? RETURNING version',
  read: 'SELECT version FROM shipments WHERE id = ?',
} as const;
